// Every JSON route below `/api`: one sub-app per resource, and a JSON 404 for anything else.
import { Hono } from 'hono';
import type { AppEnv } from '../../env.ts';
import { errorBody } from '../../http/errors.ts';
import { lessonsApi } from './lessons.ts';
import { progressApi } from './progress.ts';
import { setsApi } from './question-sets.ts';
import { quizzesApi } from './quizzes.ts';
import { resultsApi } from './results.ts';
import { reviewApi } from './review.ts';

export const api = new Hono<AppEnv>()
  .get('/health', (c) => c.json({ status: 'ok' }))
  .route('/lessons', lessonsApi)
  .route('/quizzes', quizzesApi)
  .route('/progress', progressApi)
  .route('/question-sets', setsApi)
  .route('/results', resultsApi)
  .route('/review', reviewApi)
  // Anything else below /api is a JSON 404, whatever the method, before the pages can see it.
  .all('*', (c) => c.json(errorBody('not_found', `No API route ${c.req.method} ${new URL(c.req.url).pathname}.`), 404));
