// Every JSON route below `/api`: one sub-app per resource, each route defined with `createRoute` from
// ./schemas/ (the OpenAPI document is made from the same definitions), and a JSON 404 for anything else.
import { errorBody } from '../../http/errors.ts';
import { JsonApi } from './json-api.ts';
import { lessonsApi } from './lessons.ts';
import { ltiApi } from './lti.ts';
import { progressApi } from './progress.ts';
import { setsApi } from './question-sets.ts';
import { quizzesApi } from './quizzes.ts';
import { referenceApi } from './reference.tsx';
import { resultsApi } from './results.ts';
import { reviewApi } from './review.ts';
import { instructorToken } from './schemas/document.ts';
import { metaRoutes } from './schemas/meta.ts';

export const api = new JsonApi()
  .openapi(metaRoutes.health, (c) => c.json({ status: 'ok' as const }, 200))
  .route('/', referenceApi)
  .route('/lessons', lessonsApi)
  .route('/quizzes', quizzesApi)
  .route('/progress', progressApi)
  .route('/question-sets', setsApi)
  .route('/results', resultsApi)
  .route('/review', reviewApi)
  .route('/lti', ltiApi);

/** The API's routes with their inputs and answers, for Hono's typed client: `hc<ApiType>('/api')`. */
export type ApiType = typeof api;

api.openAPIRegistry.registerComponent('securitySchemes', 'instructorToken', instructorToken);

// Anything else below /api is a JSON 404, whatever the method, before the pages can see it. Not chained
// above, so that ApiType holds only the documented routes.
api.all('*', (c) => c.json(errorBody('not_found', `No API route ${c.req.method} ${new URL(c.req.url).pathname}.`), 404));
