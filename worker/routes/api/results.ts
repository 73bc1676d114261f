import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../env.ts';
import { ApiError, notFound } from '../../http/errors.ts';
import { requireBearer } from '../../auth/instructor-token.ts';
import { csvResponse } from '../../services/results-csv.ts';
import { buildReport, reportedQuiz, reportJson, reportLanguage } from '../../services/results-report.ts';
import { query } from '../../http/validate.ts';

const ReportQuery = z.object({
  attempts: z.enum(['first', 'all']).default('first'),
  lang: z.string().max(8).optional(),
  table: z.enum(['questions', 'scores']).default('questions'),
});

/** `GET /api/results/{quizId}` (JSON) and `GET /api/results/{quizId}.csv?table=questions|scores`: instructors only. */
export const resultsApi = new Hono<AppEnv>().use('*', requireBearer).get('/:quizId', query(ReportQuery), async (c) => {
  const param = c.req.param('quizId');
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
  if (!asCsv) return c.json(reportJson(await buildReport(c.env, quiz, attempts, lang)));
  return csvResponse(c, quiz, table, attempts, lang);
});
