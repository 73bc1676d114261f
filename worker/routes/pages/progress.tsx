import { Hono } from 'hono';
import { pick } from '../../../core/content/localized.ts';
import { summarize } from '../../../core/progress/summary.ts';
import { ProgressPage, type MissedRow, type ProgressRow } from '../../../web/pages/progress.tsx';
import { content } from '../../services/content.ts';
import type { AppEnv } from '../../env.ts';
import { loadDeck } from '../../services/review.ts';
import { reviewForecastOf } from '../../services/review-widgets.ts';
import { FINAL_ID, lessonOfSentence } from '../../services/quizzes.ts';
import { renderPage } from '../../render/document.tsx';
import { eraseLearner } from '../api/progress.ts';

const MISSED_SHOWN = 8;
const questionById = new Map(
  Object.values(content.questions)
    .flat()
    .map((q) => [q.id, q]),
);

/** `/{lang}/progress` and its delete form. */
export const progressPages = new Hono<AppEnv>()
  .get('/:lang/progress', async (c) => {
    const lang = c.get('lang');
    const t = c.get('t');
    // One KV operation: the attempt summaries and the review log.
    const loaded = await loadDeck(c);
    const { summaries } = loaded;
    const review = reviewForecastOf(loaded);
    const rows: ProgressRow[] = [
      ...content.lessons.map((l) => ({ quizId: l.id, title: pick(l.title, lang), href: `/${lang}/lessons/${l.id}/quiz` })),
      { quizId: FINAL_ID, title: t('test.title'), href: `/${lang}/test` },
    ];
    // Instructor sets the learner took appear with the title stored with the attempt (the set may be gone).
    for (const s of summaries)
      if (s.kind === 'set' && !rows.some((r) => r.quizId === s.quizId))
        rows.push({ quizId: s.quizId, title: s.title ?? s.quizId, href: `/${lang}/sets/${s.quizId}` });
    const full = summarize(
      summaries,
      rows.map((r) => r.quizId),
    );
    // Missed questions that are still in the course, linked to the sentences that answer them.
    const missed: MissedRow[] = full.missed
      .filter((m) => questionById.has(m.questionId))
      .slice(0, MISSED_SHOWN)
      .map((m) => {
        const q = questionById.get(m.questionId)!;
        return {
          prompt: pick(q.prompt, lang),
          times: m.times,
          sources: q.sources.map((id) => ({ id, href: `/${lang}/lessons/${lessonOfSentence(id)}#s-${id}` })),
        };
      });
    const deleted = c.req.query('deleted');
    c.header('Cache-Control', 'private, no-store');
    return renderPage(
      c,
      lang,
      <ProgressPage
        summary={full}
        rows={rows}
        missed={missed}
        deleted={deleted !== undefined ? Number(deleted) || 0 : null}
        review={review}
      />,
      {
        title: t('progress.title'),
      },
    );
  })
  // A plain form post (works without JavaScript); the app's same-origin check refuses cross-site posts.
  .post('/:lang/progress/delete', async (c) => {
    const { deleted } = await eraseLearner(c);
    return c.redirect(`/${c.get('lang')}/progress?deleted=${deleted}`, 303);
  });
