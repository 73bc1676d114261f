// Server only: part of a page that is the same for every request in one UI language, rendered to HTML once
// per isolate and written out as it is afterwards (Preact's template node, which preact-render-to-string
// writes without re-rendering). The overview's lesson cards were most of its rendering (docs/performance.md).
import type { ComponentChildren, VNode } from 'preact';
import { jsxTemplate } from 'preact/jsx-runtime';
import { renderToString } from 'preact-render-to-string';
import { RenderedIslands } from '../island.tsx';
import { PageCtx, usePage } from '../page-context.ts';

/** Bounded although its ids are the course's own (a few per page and language): a full map starts over. */
const MAX_PARTS = 512;
const parts = new Map<string, string>();

/**
 * `render()` as HTML, made once per UI language and `id`: `id` must name everything the part shows besides the
 * UI language (a lesson's id and number, say), and the part must not show anything of the learner. An island
 * inside would not load its script, so it is refused.
 */
export function RenderedOnce({ id, render }: { id: string; render: () => ComponentChildren }): VNode {
  const ctx = usePage();
  const key = `${ctx.lang}\u0000${id}`;
  let html = parts.get(key);
  if (html === undefined) {
    const islands = new Set<string>();
    html = renderToString(
      <PageCtx.Provider value={ctx}>
        <RenderedIslands.Provider value={islands}>{render()}</RenderedIslands.Provider>
      </PageCtx.Provider>,
    );
    if (islands.size) throw new Error(`RenderedOnce "${id}" holds an island (${[...islands].join(', ')}): render it with the page`);
    if (parts.size >= MAX_PARTS) parts.clear();
    parts.set(key, html);
  }
  return jsxTemplate([html]);
}
