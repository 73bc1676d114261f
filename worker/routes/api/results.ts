import { $ } from '@hono/zod-openapi';
import { ApiError, notFound } from '../../http/errors.ts';
import { requireBearer } from '../../auth/instructor-token.ts';
import { csvResponse } from '../../services/results-csv.ts';
import { buildReport, reportedQuiz, reportJson, reportLanguage } from '../../services/results-report.ts';
import { documented, JsonApi } from './json-api.ts';
import { resultsRoutes } from './schemas/results.ts';

/** `GET /api/results/{quizId}` (JSON) and `GET /api/results/{quizId}.csv?table=questions|scores`: instructors only. */
export const resultsApi = $(new JsonApi().use('*', requireBearer)).openapi(resultsRoutes.report, async (c) => {
  // One Hono route serves both: Hono reads `/:quizId.csv` as one parameter, so the suffix is ours to see.
  const param = c.req.valid('param').quizId;
  const asCsv = param.endsWith('.csv');
  const quizId = asCsv ? param.slice(0, -4) : param;
  const { attempts, lang: asked, table } = c.req.valid('query');
  const quiz = await reportedQuiz(c.env, quizId);
  if (!quiz) throw notFound('quiz', quizId);
  if (asked && !quiz.languages.includes(asked))
    throw new ApiError(400, 'invalid_request', `This quiz exists in ${quiz.languages.join(', ')}, not in "${asked}".`, [
      { path: 'lang', message: 'not a language of this quiz' },
    ]);
  const lang = reportLanguage(quiz, asked);
  c.header('Cache-Control', 'private, no-store');
  if (!asCsv) return c.json(reportJson(await buildReport(c.env, quiz, attempts, lang)), 200);
  return documented(await csvResponse(c, quiz, table, attempts, lang));
});

// The CSV as its own operation of the document, served by the route above.
resultsApi.openAPIRegistry.registerPath(resultsRoutes.csv);
