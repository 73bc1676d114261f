import { Hono, type Context } from 'hono';
import { pick } from '../../../core/content/localized.ts';
import { AcceptRefusedPage, type AcceptRefusal } from '../../../web/pages/accept-refused.tsx';
import { ItemAnalysisPage } from '../../../web/pages/item-analysis.tsx';
import type { AppEnv } from '../../env.ts';
import { notFound } from '../../http/errors.ts';
import { ApiError } from '../../http/errors.ts';
import { renderPage } from '../../render/document.tsx';
import { csvResponse } from '../../services/results-csv.ts';
import { acceptTypedAnswer, buildReport, reportedQuiz, reportLanguage, type ReportedQuiz } from '../../services/results-report.ts';
import { isSetId } from '../../services/sets.ts';
import { requireCsrf, requireSession } from '../../auth/instructor-area.tsx';

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
    if (!quiz) throw notFound('quiz', c.req.param('quizId'));
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
        accept={quiz.set ? { action: `${path}/accept`, csrf: c.get('csrf'), attempts, expectedVersion: quiz.set.version } : undefined}
        notice={c.req.query('notice')}
      />,
      { title: t('itemAnalysis.title', { title: quizTitle(c, quiz) }) },
    );
  })
  .post('/:lang/instructor/results/:quizId/accept', requireCsrf, async (c) => {
    const quizId = c.req.param('quizId');
    // Built-in content is not editable here: only a set's typed answers can be accepted.
    if (!isSetId(quizId)) throw notFound('quiz', c.req.param('quizId'));
    const t = c.get('t');
    const body = await c.req.parseBody();
    const expectedVersion = Number(str(body, 'expectedVersion'));
    if (!Number.isSafeInteger(expectedVersion) || expectedVersion < 1)
      throw new ApiError(400, 'bad_request', 'The form does not say which version of the set it was made from.');
    const backHref = `${pagePath(c, quizId)}?attempts=${selection(body.attempts)}`;
    const back = (notice: string) => c.redirect(`${backHref}&notice=${encodeURIComponent(notice)}`, 303);
    // One registry call checks the version looked at, stores the new version and publishes it if that one was
    // live, all in one transaction (a concurrent edit is never lost, nothing is published by mistake); then the
    // set's ledgers re-score the stored answers that gave it.
    const result = await acceptTypedAnswer(c.env, quizId, expectedVersion, {
      questionId: str(body, 'question'),
      value: str(body, 'value'),
      lang: str(body, 'lang'),
      credit: Number(str(body, 'credit')),
      part: str(body, 'part') || undefined,
    });
    const refused = (refusal: AcceptRefusal, status: 409 | 422) =>
      renderPage(c, c.get('lang'), <AcceptRefusedPage refusal={refusal} csrf={c.get('csrf')} backHref={backHref} />, {
        title: t(refusal.reason === 'conflict' ? 'setRegistry.conflictTitle' : 'setRegistry.emptyTitle'),
        status,
      });
    switch (result.status) {
      case 'notFound':
        throw notFound('set', quizId);
      case 'conflict':
        return refused({ reason: 'conflict', expected: expectedVersion, latest: result.latestVersion }, 409);
      case 'refused':
        return result.reason === 'empty' ? refused({ reason: 'empty' }, 422) : back(t('itemAnalysis.cannotAccept'));
      case 'accepted': {
        const text = { text: result.text, version: result.version.version };
        if (result.published) return back(t('itemAnalysis.acceptedPublished', text));
        return back(t(result.publishedVersion ? 'itemAnalysis.acceptedDraft' : 'itemAnalysis.accepted', text));
      }
    }
  });
