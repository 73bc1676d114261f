import type { Context } from 'hono';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import manifest from '../../build/manifest.json';
import { Layout } from '../../web/components/layout.tsx';
import { RenderedIslands } from '../../web/island.tsx';
import { PageCtx, type PageContext } from '../../web/page-context.ts';
import { uiLanguages } from '../services/content.ts';
import type { AppEnv } from '../env.ts';
import { tFor } from './i18n.ts';

const assets = manifest as { css: string; islands: Record<string, { src: string; imports: string[] }> };

/**
 * The script tags of the islands a page rendered: each island's entry, and its shared chunks as module scripts
 * of their own, so the browser fetches them all at once instead of one import after another. Not
 * `modulepreload`: a browser with JavaScript off would still fetch those (and report them blocked).
 * Nothing for a page without islands.
 */
function islandScripts(names: ReadonlySet<string>): string {
  const entries = [...names].sort().map((name) => {
    const island = assets.islands[name];
    // A programming error (an Island whose name no file in web/islands/ exports), caught by the page tests.
    if (!island) throw new Error(`No client entry for island "${name}": web/islands/ must export it (see web/island.tsx)`);
    return island;
  });
  const files = new Set([...entries.flatMap((e) => e.imports), ...entries.map((e) => e.src)]);
  return [...files].map((src) => `<script type="module" src="${src}"></script>`).join('');
}

export interface PageOptions {
  title: string;
  description?: string;
  status?: 200 | 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500;
  /**
   * For pages that are the same for every learner (a lesson in one view): the rendered HTML is kept per
   * isolate under this key, so a repeat costs no rendering. Leave it out for anything personal.
   */
  cacheKey?: string;
}

const MAX_CACHED_PAGES = 200;
const pageCache = new Map<string, string>();

/** Each UI language named in its own language, for the language switch: the same list for every page. */
const languages: PageContext['languages'] = uiLanguages.map((code) => ({ code, name: tFor(code)('meta.nativeName') }));

/**
 * The site layout around a page (header, navigation, language switch, footer) depends only on the UI language
 * and, in the language switch's links, on the page's path, never on the learner: rendered once per language
 * with a stand-in for the path, and kept as the HTML before and after the page's own. Each request writes its
 * path into the stand-in's places and renders its page between. This was a third of the overview's rendering.
 * One shell per language, however many paths and query strings (every question of a practice run has its own).
 */
const shells = new Map<string, readonly [before: string, after: string]>();
/** Stands for the page inside the layout while the shell is rendered: text, so Preact writes it as it is. */
const SLOT = '\u0000page\u0000';
/** Stands for the path in the shell: Preact writes it unchanged in an attribute, as it writes any text. */
const PATH = '\u0000path\u0000';
/** A path as Preact writes an attribute value: `&`, `"` and `<` escaped, nothing else. */
const attribute = (v: string) => v.replace(/[&"<]/g, (ch) => (ch === '&' ? '&amp;' : ch === '"' ? '&quot;' : '&lt;'));
function shellOf(ctx: PageContext): readonly [string, string] {
  let shell = shells.get(ctx.lang);
  if (!shell) {
    const parts = renderToString(
      <PageCtx.Provider value={{ ...ctx, path: PATH }}>
        <Layout>{SLOT}</Layout>
      </PageCtx.Provider>,
    ).split(SLOT);
    // The layout renders its children once; anything else is a programming error, caught by the page tests.
    if (parts.length !== 2) throw new Error('Layout must render its children exactly once');
    shell = [parts[0]!, parts[1]!];
    shells.set(ctx.lang, shell);
  }
  const path = attribute(ctx.path);
  return [shell[0].replaceAll(PATH, path), shell[1].replaceAll(PATH, path)];
}

/**
 * The page inside the site layout, as one render of `<Layout>{page}</Layout>` would write it, the islands it
 * met added to `islands`; the layout's HTML comes from the shell of the language and path.
 */
export function renderInLayout(ctx: PageContext, page: VNode, islands: Set<string>): string {
  const [before, after] = shellOf(ctx);
  const main = renderToString(
    <PageCtx.Provider value={ctx}>
      <RenderedIslands.Provider value={islands}>{page}</RenderedIslands.Provider>
    </PageCtx.Provider>,
  );
  return before + main + after;
}

/** Renders a page of the UI language `lang` inside the document shell and the site layout. */
export function renderPage(c: Context<AppEnv>, lang: string, page: VNode | (() => VNode), opts: PageOptions) {
  const status = opts.status ?? 200;
  const key = opts.cacheKey && `${lang}|${c.req.url}|${opts.cacheKey}`;
  const hit = key ? pageCache.get(key) : undefined;
  if (hit) return c.html(hit, status);
  const html = renderDocument(c, lang, typeof page === 'function' ? page() : page, opts);
  if (key) {
    if (pageCache.size >= MAX_CACHED_PAGES) pageCache.delete(pageCache.keys().next().value!);
    pageCache.set(key, html);
  }
  return c.html(html, status);
}

function renderDocument(c: Context<AppEnv>, lang: string, page: VNode, opts: PageOptions): string {
  // tFor's t remembers its answers (worker/render/i18n.ts): one memo for every caller.
  const t = tFor(lang) as unknown as PageContext['t'];
  const url = new URL(c.req.url);
  // The same page in another language: strip the `/{lang}` prefix (pages outside it link to the overview).
  const path = url.pathname.startsWith(`/${lang}/`) ? url.pathname.slice(lang.length + 1) : '/';
  const ctx: PageContext = { t, lang, languages, path: path + url.search };
  const islands = new Set<string>();
  const body = renderInLayout(ctx, page, islands);
  const title = `${opts.title} · ${t('site.short')}`;
  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<meta name="description" content="${escapeHtml(opts.description ?? t('site.description'))}">`,
    '<link rel="icon" href="/favicon.svg" type="image/svg+xml">',
    `<link rel="stylesheet" href="${assets.css}">`,
    islandScripts(islands),
    // Absolute, as search engines (and Lighthouse's hreflang audit) require of alternate links.
    ...uiLanguages.map((l) => `<link rel="alternate" hreflang="${l}" href="${url.origin}/${l}${path === '/' ? '/' : escapeHtml(path)}">`),
  ].join('');
  return `<!doctype html><html lang="${lang}"><head>${head}</head><body>${body}</body></html>`;
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => ESC[ch]!);
