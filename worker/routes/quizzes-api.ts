import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { gradeAttempt, parseResponse } from '../../core/quiz/attempt.ts';
import { grade } from '../../core/quiz/grade.ts';
import { learnerQuiz } from '../../core/quiz/quiz.ts';
import { newSeed, SEED_PATTERN } from '../../core/quiz/random.ts';
import { contentLanguages, sourceLanguage } from '../content.ts';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { findQuestion, resolveQuiz, sourcesOf } from '../quizzes.ts';
import { query, validate } from '../validate.ts';
import { storeAttempt } from '../progress.ts';

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

/** Quiz bodies are small; anything larger is refused before it is parsed. */
export const MAX_BODY_BYTES = 32 * 1024;
const limit = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: () => {
    throw new ApiError(413, 'too_large', `The request body is larger than ${MAX_BODY_BYTES / 1024} KiB.`);
  },
});

/** The quiz language: the one asked for if the quiz has it (else a 422), by default the course's source language. */
function quizLang(asked: string | undefined, languages: readonly string[]): string {
  if (asked && !languages.includes(asked))
    throw new ApiError(422, 'invalid_request', `This quiz exists in ${languages.join(', ')}, not in "${asked}".`, [
      { path: 'lang', message: 'not a language of this quiz' },
    ]);
  return asked ?? (languages.includes(sourceLanguage) ? sourceLanguage : languages[0]!);
}

/** The final test is a different draw per seed, so checking its answers needs the attempt's seed. */
function seedFor(quizId: string, seed: string | undefined): string {
  if (quizId === 'final' && !seed)
    throw new ApiError(422, 'invalid_request', 'The final test needs the "seed" of the attempt it belongs to.', [
      { path: 'seed', message: 'is required for the final test' },
    ]);
  return seed ?? 'practice';
}

/** `GET /api/quizzes/:quizId`, `POST …/check`, `POST …/attempts`. */
export const quizzesApi = new Hono<AppEnv>()
  .get('/:quizId', query(QuizQuery), async (c) => {
    const { lang: asked, seed = newSeed() } = c.req.valid('query');
    const { quiz, languages } = await resolveQuiz(c.env, c.req.param('quizId'), seed);
    const lang = quizLang(asked, languages);
    c.header('Cache-Control', 'private, no-store');
    return c.json(learnerQuiz(quiz, lang, seed));
  })
  .post('/:quizId/check', limit, validate('json', CheckBody), async (c) => {
    const body = c.req.valid('json');
    const quizId = c.req.param('quizId');
    const { quiz, languages } = await resolveQuiz(c.env, quizId, seedFor(quizId, body.seed));
    const lang = quizLang(body.lang, languages);
    const question = findQuestion(quiz, body.questionId);
    if (!question)
      throw new ApiError(404, 'not_found', `Question "${body.questionId}" is not part of quiz "${quiz.id}".`, [
        { path: 'questionId', message: 'unknown question' },
      ]);
    const result = grade(question, parseResponse(question, body.response), lang);
    return c.json({ quizId: quiz.id, version: quiz.version, ...result, sources: sourcesOf(result.sources) });
  })
  .post('/:quizId/attempts', limit, validate('json', AttemptBody), async (c) => {
    const body = c.req.valid('json');
    const quizId = c.req.param('quizId');
    const { quiz, languages, set } = await resolveQuiz(c.env, quizId, seedFor(quizId, body.seed));
    const lang = quizLang(body.lang, languages);
    const attempt = gradeAttempt(quiz, body.responses, lang);
    // Graded first, stored second: a bad request never writes. One KV write, and the response carries it.
    const { record, meta } = await storeAttempt(c, quiz, attempt, {
      lang,
      seed: body.seed ?? null,
      copies: learnerQuiz(quiz, lang, body.seed ?? 'practice').questions,
      responses: body.responses,
      ...(set ? { title: set.set.title[lang] ?? Object.values(set.set.title)[0]! } : {}),
    });
    return c.json(
      {
        attemptId: record.id,
        ...attempt,
        seed: body.seed ?? null,
        lang,
        results: attempt.results.map((r) => ({ ...r, sources: sourcesOf(r.sources) })),
        stored: { id: record.id, createdAt: record.createdAt, summary: meta },
      },
      201,
    );
  });
