import { Hono } from 'hono';
import { z } from 'zod';
import { newSeed, SEED_PATTERN } from '../../../core/quiz/random.ts';
import { contentLanguages } from '../../services/content.ts';
import type { AppEnv } from '../../env.ts';
import { IDEMPOTENCY_HEADER, parseIdempotencyKey, useIdempotencyKey } from '../../http/idempotency-key.ts';
import { checkAnswer, submitAttempt } from '../../services/attempts.ts';
import { learnerCopyOf, openQuiz } from '../../services/quiz-session.ts';
import { query, validate } from '../../http/validate.ts';

const Lang = z.string().refine((l) => contentLanguages.includes(l), { message: `must be one of: ${contentLanguages.join(', ')}` });
const Seed = z.string().regex(SEED_PATTERN, 'must be 4–32 lowercase letters or digits');
const QuizQuery = z.object({ lang: Lang.optional(), seed: Seed.optional() });
const CheckBody = z
  .object({
    questionId: z.string().min(1).max(64),
    response: z.unknown().refine((v) => v !== undefined, 'is required'),
    seed: Seed.optional(),
    lang: Lang.optional(),
  })
  .strict();
const AttemptBody = z
  .object({ responses: z.record(z.string().max(64), z.unknown()), seed: Seed.optional(), lang: Lang.optional() })
  .strict()
  .refine((b) => Object.keys(b.responses).length <= 100, { message: 'has more than 100 responses', path: ['responses'] });

/** `GET /api/quizzes/:quizId`, `POST …/check`, `POST …/attempts`: thin over the one attempt service. */
export const quizzesApi = new Hono<AppEnv>()
  .get('/:quizId', query(QuizQuery), async (c) => {
    const { lang, seed = newSeed() } = c.req.valid('query');
    const session = await openQuiz(c.env, c.req.param('quizId'), { lang, seed, strict: true });
    c.header('Cache-Control', 'private, no-store');
    return c.json(learnerCopyOf(session));
  })
  .post('/:quizId/check', validate('json', CheckBody), async (c) => {
    const body = c.req.valid('json');
    const session = await openQuiz(c.env, c.req.param('quizId'), { lang: body.lang, seed: body.seed, strict: true });
    const result = checkAnswer(session, body.questionId, body.response);
    return c.json({ quizId: session.quiz.id, version: session.quiz.version, ...result });
  })
  .post('/:quizId/attempts', validate('json', AttemptBody), async (c) => {
    const body = c.req.valid('json');
    // A retry with the same key is stored once and answered like the first (docs/decisions/0008).
    useIdempotencyKey(c, parseIdempotencyKey(c.req.header(IDEMPOTENCY_HEADER), IDEMPOTENCY_HEADER));
    const session = await openQuiz(c.env, c.req.param('quizId'), { lang: body.lang, seed: body.seed, strict: true });
    const { attempt, results, record, meta } = await submitAttempt(c, session, body.responses);
    return c.json(
      {
        attemptId: record.id,
        ...attempt,
        seed: body.seed ?? null,
        lang: session.lang,
        results,
        stored: { id: record.id, createdAt: record.createdAt, summary: meta },
      },
      201,
    );
  });
