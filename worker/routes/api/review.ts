import { addCards, answerCard, answerJson, reviewNow } from '../../services/review.ts';
import { JsonApi } from './json-api.ts';
import { reviewRoutes } from './schemas/review.ts';

/** `POST /api/review/cards`, `GET /api/review?lang=`, `POST /api/review/{cardId}/answer`: thin over the review service. */
export const reviewApi = new JsonApi()
  .openapi(reviewRoutes.now, async (c) => {
    c.header('Cache-Control', 'private, no-store');
    return c.json(await reviewNow(c, c.req.valid('query').lang), 200);
  })
  .openapi(reviewRoutes.add, async (c) => c.json(await addCards(c, c.req.valid('json')), 201))
  .openapi(reviewRoutes.answer, async (c) =>
    c.json(answerJson(await answerCard(c, c.req.valid('param').cardId, c.req.valid('json'))), 200),
  );
