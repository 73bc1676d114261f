import { Hono, type Context } from 'hono';
import { csrf } from 'hono/csrf';
import { pick } from '../../core/content/localized.ts';
import { acceptAnswer } from '../../core/stats/accept-answer.ts';
import { setSchemas } from '../../core/sets/schema.ts';
import { ItemAnalysisPage } from '../../web/pages/item-analysis.tsx';
import type { AppEnv } from '../env.ts';
import { renderPage } from '../render.tsx';
import { csvResponse } from '../services/results-csv.ts';
import { buildReport, reportedQuiz, reportLanguage, type ReportedQuiz } from '../services/results-report.ts';
import { setStore } from '../sets.ts';
import { requireCsrf, requireSession } from './instructor-pages.tsx';
import { renderNotFound } from './pages.tsx';

type C = Context<AppEnv>;

const selection = (v: unknown): 'first' | 'all' => (v === 'all' ? 'all' : 'first');
const str = (body: Record<string, unknown>, name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');

function quizTitle(c: C, quiz: ReportedQuiz): string {
  const t = c.get('t');
  if (quiz.kind === 'final') return t('itemAnalysis.finalTitle');
  return pick(quiz.title, c.get('lang'));
}

const pagePath = (c: C, quizId: string) => `/${c.get('lang')}/instructor/results/${quizId}`;

/** `/{lang}/instructor/results/{quizId}`: item analysis of a lesson quiz, the final test or a set; accept typed answers of a set. */
export const resultsPages = new Hono<AppEnv>()
  .use('/:lang/instructor/results/*', requireSession)
  .get('/:lang/instructor/results/:quizId', async (c) => {
    const param = c.req.param('quizId');
    const asCsv = param.endsWith('.csv');
    const quiz = await reportedQuiz(c.env, asCsv ? param.slice(0, -4) : param);
    if (!quiz) return renderNotFound(c, c.get('lang'));
    const t = c.get('t');
    const attempts = selection(c.req.query('attempts'));
    if (asCsv) {
      // The page's downloads: the same CSV as the API's, for a signed-in browser (no Bearer token there).
      const table = c.req.query('table') === 'scores' ? 'scores' : 'questions';
      const lang = reportLanguage(quiz, c.req.query('lang'));
      return csvResponse(c, quiz, table, attempts, lang);
    }
    const qlang = reportLanguage(quiz, c.req.query('ql') ?? c.get('lang'));
    const report = await buildReport(c.env, quiz, attempts, qlang);
    const path = pagePath(c, quiz.quizId);
    return renderPage(
      c,
      c.get('lang'),
      <ItemAnalysisPage
        csrf={c.get('csrf')}
        report={report}
        title={quizTitle(c, quiz)}
        qlang={qlang}
        languages={quiz.languages.map((code) => ({ code, label: t(`languages.${code}` as 'languages.de') }))}
        attempts={attempts}
        path={path}
        csvPath={`/${c.get('lang')}/instructor/results/${quiz.quizId}`}
        accept={quiz.set ? { action: `${path}/accept`, csrf: c.get('csrf'), attempts } : undefined}
        notice={c.req.query('notice')}
      />,
      { title: t('itemAnalysis.title', { title: quizTitle(c, quiz) }) },
    );
  })
  .post('/:lang/instructor/results/:quizId/accept', csrf(), requireCsrf, async (c) => {
    const quiz = await reportedQuiz(c.env, c.req.param('quizId'));
    // Built-in content is not editable here: only a set's typed answers can be accepted.
    if (!quiz?.set) return renderNotFound(c, c.get('lang'));
    const t = c.get('t');
    const body = await c.req.parseBody();
    const value = str(body, 'value').trim();
    const back = (notice: string) =>
      c.redirect(`${pagePath(c, quiz.quizId)}?attempts=${selection(body.attempts)}&notice=${encodeURIComponent(notice)}`, 303);
    const v = quiz.set;
    const questions = acceptAnswer(v.set.questions, {
      questionId: str(body, 'question'),
      value,
      lang: str(body, 'lang'),
      credit: Number(str(body, 'credit')),
      part: str(body, 'part') || undefined,
    });
    const parsed = questions && setSchemas(v.set.languages).QuestionSet.safeParse({ ...v.set, questions });
    if (!parsed?.success) return back(t('itemAnalysis.cannotAccept'));
    const store = setStore(c.env);
    // The editor shows a version's source: the new version's source is the set as JSON (it imports back).
    const saved = await store.replace(v.id, parsed.data, { format: 'json', text: JSON.stringify(parsed.data, null, 2) });
    if (!saved) return renderNotFound(c, c.get('lang'));
    const summary = (await store.list()).find((s) => s.id === v.id);
    // A set whose latest version was live stays live with the accepted answer; a draft stays a draft.
    if (summary?.publishedVersion === v.version) {
      await store.publish(v.id);
      return back(t('itemAnalysis.acceptedPublished', { text: value, version: saved.version }));
    }
    return back(
      t(summary?.publishedVersion ? 'itemAnalysis.acceptedDraft' : 'itemAnalysis.accepted', { text: value, version: saved.version }),
    );
  });
