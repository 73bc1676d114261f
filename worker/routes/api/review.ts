import { Hono } from 'hono';
import { z } from 'zod';
import { contentLanguages } from '../../services/content.ts';
import type { AppEnv } from '../../env.ts';
import { addCards, answerCard, answerJson, reviewNow } from '../../services/review.ts';
import { query, validate } from '../../http/validate.ts';

const Lang = z.string().refine((l) => contentLanguages.includes(l), { message: `must be one of: ${contentLanguages.join(', ')}` });
const Id = z.string().min(1).max(64);
const AddBody = z.union([z.object({ glossary: Id }).strict(), z.object({ lesson: Id }).strict()], {
  error: 'must be {"glossary": "<entryId>"} or {"lesson": "<lessonId>"}',
});
const AnswerBody = z
  .object({
    response: z.unknown().refine((v) => v !== undefined, 'is required'),
    easy: z.boolean().optional(),
    lang: Lang.optional(),
  })
  .strict();

/** `POST /api/review/cards`, `GET /api/review?lang=`, `POST /api/review/:cardId/answer`: thin over the review service. */
export const reviewApi = new Hono<AppEnv>()
  .get('/', query(z.object({ lang: Lang.optional() }).strict()), async (c) => {
    c.header('Cache-Control', 'private, no-store');
    return c.json(await reviewNow(c, c.req.valid('query').lang));
  })
  .post('/cards', validate('json', AddBody), async (c) => c.json(await addCards(c, c.req.valid('json')), 201))
  .post('/:cardId/answer', validate('json', AnswerBody), async (c) =>
    c.json(answerJson(await answerCard(c, c.req.param('cardId'), c.req.valid('json')))),
  );
