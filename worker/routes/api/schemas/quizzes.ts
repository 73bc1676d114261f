// `GET /api/quizzes/{quizId}`, `POST …/check`, `POST …/attempts` (worker/routes/api/quizzes.ts): the
// learner's copy, checking one answer, handing in an attempt (worker/services/attempts.ts).
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { LearnerQuiz as LearnerQuizType } from '../../../../core/quiz/quiz.ts';
import type { CheckRequest, CheckResponse } from '../../../../web/quiz/types.ts';
import { documentationOnly, withQuickPath } from '../../../http/validate.ts';
import { json, Lang, pathId, Seed } from './common.ts';
import { errors } from './errors.ts';
import { CheckedAnswer } from './feedback.ts';
import { LearnerQuestion } from './learner-copy.ts';
import { isObject, okLang, okSeed, onlyKeys } from './quick.ts';
import { AttemptSummary } from './progress.ts';
import type { Same } from './same-type.ts';

export const QuizQuery = z.object({
  lang: Lang.optional(),
  seed: Seed.optional().meta({
    description:
      'The seed of the copy: it fixes the order, the final test’s draw and the public ids. Without it a new seed is drawn (answered as `seed`); `practice` gives the copy that a check or submit without a seed is graded on.',
  }),
});
withQuickPath(QuizQuery, (q) => {
  const { lang, seed } = q as Record<string, unknown>;
  if (!okLang(lang) || !okSeed(seed)) return undefined;
  const out: z.output<typeof QuizQuery> = {};
  if (lang !== undefined) out.lang = lang as string;
  if (seed !== undefined) out.seed = seed as string;
  return out;
});

const CHECK_KEYS = ['questionId', 'response', 'seed', 'lang'];
const ATTEMPT_KEYS = ['responses', 'seed', 'lang'];

/** The seed a check or submit sends back: ids are the ones of that seed's copy. */
const SentSeed = Seed.optional().meta({
  description:
    'The `seed` of the copy the ids come from (`GET /api/quizzes/{quizId}` answers it). Public ids belong to one seed: ids of another copy are a 422. Without it the answer is graded on the copy of the seed `practice`.',
});

export const CheckBody = z
  .object({
    questionId: z.string().min(1).max(64),
    response: z
      .unknown()
      .refine((v) => v !== undefined, 'is required')
      .meta({ description: 'A response of the question’s type (QuestionResponse); one that does not fit is a 422.' }),
    seed: SentSeed,
    lang: Lang.optional(),
  })
  .strict()
  .meta({ id: 'CheckBody', example: { questionId: 'china-1', response: { choice: 'k7f2' }, seed: 'k3v9x2ab' } });
withQuickPath(CheckBody, (b) => {
  if (!isObject(b) || !onlyKeys(b, CHECK_KEYS)) return undefined;
  const { questionId, response, seed, lang } = b;
  if (typeof questionId !== 'string' || questionId.length < 1 || questionId.length > 64 || response === undefined) return undefined;
  if (!okSeed(seed) || !okLang(lang)) return undefined;
  const out: z.output<typeof CheckBody> = { questionId, response };
  if (seed !== undefined) out.seed = seed as string;
  if (lang !== undefined) out.lang = lang as string;
  return out;
});

export const AttemptBody = z
  .object({
    responses: z
      .record(z.string().max(64), z.unknown())
      .meta({ description: 'Responses by question id (QuestionResponse each); at most 100.' }),
    seed: SentSeed,
    lang: Lang.optional(),
  })
  .strict()
  .refine((b) => Object.keys(b.responses).length <= 100, { message: 'has more than 100 responses', path: ['responses'] })
  .meta({ id: 'AttemptBody' });
withQuickPath(AttemptBody, (b) => {
  if (!isObject(b) || !onlyKeys(b, ATTEMPT_KEYS) || !isObject(b.responses)) return undefined;
  const { responses, seed, lang } = b;
  if (!okSeed(seed) || !okLang(lang)) return undefined;
  const copy: Record<string, unknown> = {};
  let count = 0;
  // zod builds the record anew, leaving out `__proto__` (which it reports otherwise): such a body goes to zod.
  for (const id in responses) {
    if (id.length > 64 || id === '__proto__' || ++count > 100) return undefined;
    copy[id] = responses[id];
  }
  const out: z.output<typeof AttemptBody> = { responses: copy };
  if (seed !== undefined) out.seed = seed as string;
  if (lang !== undefined) out.lang = lang as string;
  return out;
});

export const LearnerQuiz = z
  .object({
    id: z.string(),
    kind: z.enum(['lesson', 'final', 'set']),
    version: z.string().meta({ description: 'Changes with any edit of the quiz; attempts record it.' }),
    seed: z.string(),
    lang: z.string(),
    questions: z.array(LearnerQuestion),
  })
  .strict()
  .meta({ id: 'LearnerQuiz' });
true satisfies Same<z.infer<typeof LearnerQuiz>, LearnerQuizType>;

export const CheckResult = CheckedAnswer.extend({ quizId: z.string(), version: z.string() }).strict().meta({ id: 'CheckResult' });
// The practice island's own types (web/ cannot import these schemas): the answer exactly, and a body that fits.
true satisfies Same<z.infer<typeof CheckResult>, CheckResponse>;
true satisfies CheckRequest extends z.input<typeof CheckBody> ? true : false;

export const AttemptCreated = z
  .object({
    attemptId: z.string(),
    quizId: z.string(),
    version: z.string(),
    score: z.number().meta({ description: 'Sum of the question scores.' }),
    max: z.number().int().meta({ description: 'Number of graded questions (essays excluded).' }),
    results: z.array(CheckedAnswer),
    unanswered: z.array(z.string()).meta({ description: 'Question ids without a response: scored 0.' }),
    seed: z.string().nullable(),
    lang: z.string(),
    stored: z.object({ id: z.string(), createdAt: z.string(), summary: AttemptSummary }).strict(),
  })
  .strict()
  .meta({ id: 'AttemptCreated' });

/**
 * `Idempotency-Key` (docs/decisions/0008): a retried submit with the same key is stored once and answered like
 * the first. Checked by the route (a malformed one is a 400 naming the header), so the schema only describes it
 * (every header value is a string: it could refuse nothing).
 */
export const SubmitHeaders = documentationOnly(
  z.object({
    'Idempotency-Key': z.string().optional().meta({
      description:
        'One key per attempt, 16–64 letters, digits, "-" or "_" (bare or as a quoted string). A submit sent again with the same key (a retry after a lost answer) is stored once and answered like the first; while the first is still being stored it is a 409 with `Retry-After`; the same key with a different body is a 422 `idempotency_key_reused`. Without it every submit is a new attempt.',
      example: '0f8c2d7e-9b1a-4c3e-a5d6-7e8f9a0b1c2d',
    }),
  }),
);

const tags = ['Quizzes'];
const quizId = pathId('quizId', 'A lesson id (its quiz), `final`, or a published set’s id.', 'china');
const bodyErrors = errors(400, 403, 404, 413, 422);
const submitErrors = errors(400, 403, 404, 409, 413, 422);

export const quizzesRoutes = {
  get: createRoute({
    method: 'get',
    path: '/{quizId}',
    operationId: 'getQuiz',
    tags,
    summary: "The learner's copy of a quiz (no keys)",
    description:
      'Choices, pairs and items are named by public ids that belong to this copy’s `seed`: send the seed back with every check and submit of the attempt.',
    request: { params: quizId, query: QuizQuery },
    responses: { 200: json(LearnerQuiz, 'One language, shuffled by the seed.'), ...errors(400, 404, 422) },
  }),
  check: createRoute({
    method: 'post',
    path: '/{quizId}/check',
    operationId: 'checkAnswer',
    tags,
    summary: 'Check one answer of a practice quiz (nothing is stored)',
    description:
      'Only for practice: the final test and sets with `mode: "test"` give no solution before they are handed in, so a check of them is a 403 `test_not_checkable`. The response names ids of the copy of `seed`.',
    request: { params: quizId, body: { required: true, content: { 'application/json': { schema: CheckBody } } } },
    responses: { 200: json(CheckResult, 'The grade with feedback and the solution.'), ...bodyErrors },
  }),
  submit: createRoute({
    method: 'post',
    path: '/{quizId}/attempts',
    operationId: 'submitAttempt',
    tags,
    summary: 'Hand in an attempt: graded and stored',
    description:
      'Graded on the copy of `seed` (its ids; the final test’s draw), stored for the learner (an anonymous cookie is set if there is none) and in the instructors’ results before it answers. Send an `Idempotency-Key` so that a retry cannot store it twice.',
    request: {
      params: quizId,
      headers: SubmitHeaders,
      body: { required: true, content: { 'application/json': { schema: AttemptBody } } },
    },
    responses: {
      201: json(AttemptCreated, 'The graded attempt and what was stored.'),
      ...submitErrors,
      409: {
        ...submitErrors[409],
        headers: z.object({ 'Retry-After': z.string().meta({ description: 'Seconds to wait.', example: '1' }) }),
      },
    },
  }),
};
