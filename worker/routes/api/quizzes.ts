import { newSeed } from '../../../core/quiz/random.ts';
import { IDEMPOTENCY_HEADER, parseIdempotencyKey, useIdempotencyKey } from '../../http/idempotency-key.ts';
import { checkAnswer, submitAttempt } from '../../services/attempts.ts';
import { learnerCopyOf, openQuiz } from '../../services/quiz-session.ts';
import { JsonApi } from './json-api.ts';
import { quizzesRoutes } from './schemas/quizzes.ts';

/** `GET /api/quizzes/{quizId}`, `POST …/check`, `POST …/attempts`: thin over the one attempt service. */
export const quizzesApi = new JsonApi()
  .openapi(quizzesRoutes.get, async (c) => {
    const { lang, seed = newSeed() } = c.req.valid('query');
    const session = await openQuiz(c.env, c.req.valid('param').quizId, { lang, seed, strict: true });
    c.header('Cache-Control', 'private, no-store');
    return c.json(learnerCopyOf(session), 200);
  })
  .openapi(quizzesRoutes.check, async (c) => {
    const body = c.req.valid('json');
    const session = await openQuiz(c.env, c.req.valid('param').quizId, { lang: body.lang, seed: body.seed, strict: true });
    const result = checkAnswer(session, body.questionId, body.response);
    return c.json({ quizId: session.quiz.id, version: session.quiz.version, ...result }, 200);
  })
  .openapi(quizzesRoutes.submit, async (c) => {
    const body = c.req.valid('json');
    // A retry with the same key is stored once and answered like the first (docs/decisions/0008). Read here,
    // not by the header schema, so that a malformed key is the 400 naming the header it always was.
    useIdempotencyKey(c, parseIdempotencyKey(c.req.header(IDEMPOTENCY_HEADER), IDEMPOTENCY_HEADER));
    const session = await openQuiz(c.env, c.req.valid('param').quizId, { lang: body.lang, seed: body.seed, strict: true });
    const { attempt, results, record, summary } = await submitAttempt(c, session, body.responses);
    return c.json(
      {
        attemptId: record.id,
        ...attempt,
        seed: body.seed ?? null,
        lang: session.lang,
        results,
        stored: { id: record.id, createdAt: record.createdAt, summary },
      },
      201,
    );
  });
