// `GET /api/results/{quizId}` (item analysis as JSON) and `GET /api/results/{quizId}.csv` (worker/routes/api/
// results.ts, worker/services/results-report.ts): instructors only.
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { TestFigures as TestFiguresType } from '../../../../core/stats/figures.ts';
import type { reportJson } from '../../../services/results-report.ts';
import { json, pathId, text } from './common.ts';
import { errors } from './errors.ts';
import type { Same } from './same-type.ts';

export const ReportQuery = z.object({
  attempts: z.enum(['first', 'all']).default('first').meta({ description: "Each learner's first attempt, or every attempt." }),
  lang: z.string().max(8).optional().meta({ description: 'The quiz language for texts; one the quiz lacks is a 400.' }),
  table: z.enum(['questions', 'scores']).default('questions').meta({ description: 'CSV only: per-question figures, or the score matrix.' }),
});

/** A figure is a fraction rounded to 4 places, or null where there is too little data for it. */
const Figure = z.number().nullable();

export const TestFigures = z
  .object({ mean: Figure, median: Figure, sd: Figure, cronbachAlpha: Figure })
  .strict()
  .meta({ id: 'TestFigures' });
true satisfies Same<z.infer<typeof TestFigures>, TestFiguresType>;

export const ItemReport = z
  .object({
    quizId: z.string(),
    version: z.string(),
    attempts: z.number().int(),
    test: TestFigures,
    questions: z.array(
      z
        .object({
          id: z.string(),
          type: z.string().meta({ description: 'A question type, or "unknown" for a question no longer in the quiz.' }),
          prompt: z.string(),
          n: z.number().int(),
          facility: Figure,
          sd: Figure,
          discriminationIndex: Figure,
          discriminativeEfficiency: Figure,
          responses: z.array(z.object({ text: z.string(), count: z.number().int(), score: Figure }).strict()),
        })
        .strict(),
    ),
  })
  .strict()
  .meta({ id: 'ItemReport' });
true satisfies Same<z.infer<typeof ItemReport>, ReturnType<typeof reportJson>>;

const tags = ['Results'];
const security = [{ instructorToken: [] }];
const quizId = pathId('quizId', 'A lesson id, `final`, or a set id.', 'china');

export const resultsRoutes = {
  report: createRoute({
    method: 'get',
    path: '/{quizId}',
    operationId: 'getItemAnalysis',
    tags,
    security,
    summary: 'Item analysis of a quiz',
    request: { params: quizId, query: ReportQuery },
    responses: { 200: json(ItemReport, 'Figures per question and for the whole test.'), ...errors(400, 404, 401, 429) },
  }),
  /**
   * The same Hono route as `report` (a quiz id ending in `.csv`): described as its own path, because Hono
   * reads `/:quizId.csv` as one parameter named "quizId.csv". Register it for the document only.
   */
  csv: createRoute({
    method: 'get',
    path: '/{quizId}.csv',
    operationId: 'getItemAnalysisCsv',
    tags,
    security,
    summary: 'Item analysis as CSV (UTF-8 with a byte-order mark)',
    request: { params: quizId, query: ReportQuery },
    responses: {
      200: text('text/csv', 'A CSV attachment: one row per question, or one per attempt.', 'question,type,prompt,n,facility,…'),
      ...errors(400, 404, 401, 429),
    },
  }),
};
