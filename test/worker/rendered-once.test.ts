import { Fragment, h, type VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { pick } from '../../core/content/localized.ts';
import { courseProgress } from '../../core/progress/summary.ts';
import { ProgressBadge } from '../../web/components/progress-badge.tsx';
import { RenderedOnce } from '../../web/components/rendered-once.tsx';
import { Island } from '../../web/island.tsx';
import { href, PageCtx, type PageContext } from '../../web/page-context.ts';
import { OverviewPage } from '../../web/pages/overview.tsx';
import { tFor } from '../../worker/render/i18n.ts';
import { content, contentLanguages, sourceLanguage, uiLanguages } from '../../worker/services/content.ts';

const languages = uiLanguages.map((code) => ({ code, name: tFor(code)('meta.nativeName') }));
const ctxOf = (lang: string): PageContext => ({ t: tFor(lang), lang, languages, path: '/' });
const render = (ctx: PageContext, node: unknown) => renderToString(h(PageCtx.Provider, { value: ctx }, node as VNode));
const once = (id: string, part: () => unknown) => h(RenderedOnce, { id, render: part as () => VNode });

describe('RenderedOnce (a part rendered once per UI language)', () => {
  it('writes what rendering the part in place writes, the first time and from memory, per language and id', () => {
    for (let round = 0; round < 2; round++)
      for (const lang of uiLanguages) {
        const ctx = ctxOf(lang);
        const part = (n: number) => () => h(Fragment, null, h('p', { class: 'x' }, ctx.t('overview.lessonNumber', { n })), ' <&> "q"');
        for (const n of [1, 2])
          expect(render(ctx, h('li', null, once(`test-part\u0000${n}`, part(n)), 'after'))).toBe(
            render(ctx, h('li', null, part(n)(), 'after')),
          );
      }
  });

  it('refuses a part with an island (its script would not load)', () => {
    const Echo = () => h('p', null, 'hi');
    expect(() =>
      render(
        ctxOf('en'),
        once('test-island', () => h(Island<object>, { name: 'Echo', component: Echo, props: {} })),
      ),
    ).toThrow(/island/);
  });
});

describe('the overview with its lesson cards rendered once', () => {
  it('writes every lesson card exactly as the card rendered in place did, in every UI language', () => {
    const ids = content.lessons.map((l) => l.id);
    const progress = courseProgress(
      [{ quizId: ids[0]!, kind: 'lesson', version: '1', score: 3, max: 4, createdAt: new Date(0).toISOString(), missed: [] }],
      ids,
    );
    for (const lang of uiLanguages) {
      const ctx = ctxOf(lang);
      const page = () => render(ctx, h(OverviewPage, { lessons: content.lessons, sourceLanguage, progress, sets: [], contentLanguages }));
      const first = page();
      expect(page()).toBe(first);
      // The card as the overview wrote it before (docs/performance.md: rendered in place on every request).
      content.lessons.forEach((l, i) => {
        const card = h(
          'li',
          { class: 'card' },
          h('p', { class: 'eyebrow' }, ctx.t('overview.lessonNumber', { n: i + 1 })),
          h('h3', null, h('a', { href: href(lang, `/lessons/${l.id}`) }, pick(l.title, lang))),
          lang !== sourceLanguage && h('p', { class: 'subtitle', lang: sourceLanguage }, pick(l.title, sourceLanguage)),
          h('p', null, pick(l.summary, lang)),
          h(ProgressBadge, { progress: progress.quizzes[i] }),
        );
        expect(first).toContain(render(ctx, card));
      });
    }
  });
});
