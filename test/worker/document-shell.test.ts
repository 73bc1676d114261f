import { Fragment, h, type VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { summarize } from '../../core/progress/summary.ts';
import { Layout } from '../../web/components/layout.tsx';
import { Island, RenderedIslands } from '../../web/island.tsx';
import { PageCtx, type PageContext } from '../../web/page-context.ts';
import { OverviewPage } from '../../web/pages/overview.tsx';
import { renderInLayout } from '../../worker/render/document.tsx';
import { tFor } from '../../worker/render/i18n.ts';
import { content, contentLanguages, sourceLanguage, uiLanguages } from '../../worker/services/content.ts';

const languages = uiLanguages.map((code) => ({ code, name: tFor(code)('meta.nativeName') }));
const ctxOf = (lang: string, path: string): PageContext => ({ t: tFor(lang), lang, languages, path });

/** The page as one render of the whole tree writes it: what the shell must reproduce, byte for byte. */
function whole(ctx: PageContext, page: VNode, islands: Set<string>): string {
  return renderToString(h(PageCtx.Provider, { value: ctx }, h(RenderedIslands.Provider, { value: islands }, h(Layout, null, page))));
}

const Echo = ({ text }: { text: string }) => h('p', null, text);
// Any page: the test only renders them (preact's h types each VNode by its own props).
const anyPage = (v: unknown) => v as VNode;
const pages: Array<[string, () => VNode]> = [
  [
    'the overview',
    () =>
      anyPage(
        h(OverviewPage, {
          lessons: content.lessons,
          sourceLanguage,
          progress: summarize(
            [],
            content.lessons.map((l) => l.id),
          ),
          sets: [],
          contentLanguages,
        }),
      ),
  ],
  ['text at both ends of a fragment', () => h(Fragment, null, 'before <&> ', h('b', null, 'x'), ' after "quoted"')],
  ['an island', () => anyPage(h(Island<{ text: string }>, { name: 'Echo', component: Echo, props: { text: 'hi' } }))],
];

describe('the page inside the layout (its shell rendered once per language and path)', () => {
  for (const [name, page] of pages)
    it(`writes ${name} exactly as one render of the whole tree, in every language and path, again from the shell`, () => {
      for (const lang of uiLanguages)
        for (const path of ['/', '/progress', '/lessons/china?view=de&x=%22a%22'])
          for (let round = 0; round < 2; round++) {
            const ctx = ctxOf(lang, path);
            const [mine, theirs] = [new Set<string>(), new Set<string>()];
            expect(renderInLayout(ctx, page(), mine)).toBe(whole(ctx, page(), theirs));
            expect([...mine]).toEqual([...theirs]);
          }
    });

  it("never hands one path's or language's layout to another", () => {
    const page = () => h('p', null, 'x');
    const en = renderInLayout(ctxOf('en', '/progress'), page(), new Set());
    const de = renderInLayout(ctxOf('de', '/progress'), page(), new Set());
    const other = renderInLayout(ctxOf('en', '/test'), page(), new Set());
    expect(en).not.toBe(de);
    expect(en).not.toBe(other);
    expect(other).toContain('href="/de/test"');
    expect(en).toContain('href="/de/progress"');
  });
});
