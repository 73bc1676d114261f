// The grades half of LTI (issue 19, items 4 and 5): what a launch records in its context's gradebook, what an
// attempt of a launched learner passes back, and the erase of a learner from every gradebook.
import type { Context } from 'hono';
import type { AttemptRecord } from '../../../core/progress/attempt-record.ts';
import type { LearnerQuestion } from '../../../core/quiz/learner.ts';
import { currentLearner } from '../../auth/learner.ts';
import type { AppEnv } from '../../env.ts';
import { isInstructor } from './claims.ts';
import { answerText } from './gradebook-answers.ts';
import { booksFor, booksOfLearner, indexLaunch } from './gradebook-index.ts';
import { attemptQuizId, bookName, gradebookOf } from './gradebook-object.ts';
import type { LtiAttempt, LtiLaunch } from './types.ts';

/** Learner ids of launched learners start so; anonymous learners' never do. */
export const LTI_LEARNER_PREFIX = 'lti_';

/**
 * Records a verified resource-link launch (learner or instructor) in its context's gradebook: the link, its
 * AGS and NRPS claims, the person's name; and indexes (learner, quiz) → gradebook so the learner's attempts
 * find it. Costs one Durable Object call and one KV read (plus one KV write the first time).
 */
export async function recordLaunch(env: Env, launch: LtiLaunch, learnerId: string): Promise<void> {
  const book = bookName(launch.iss, launch.contextId);
  const quiz = attemptQuizId(launch.quiz);
  await Promise.all([
    gradebookOf(env, book).recordLaunch({
      iss: launch.iss,
      clientId: launch.clientId,
      contextId: launch.contextId,
      contextTitle: launch.contextTitle,
      linkId: launch.resourceLinkId,
      quiz,
      lineitem: launch.ags?.lineitem,
      lineitems: launch.ags?.lineitems,
      scopes: launch.ags?.scope ?? [],
      nrpsUrl: launch.nrps?.contextMembershipsUrl,
      learnerId,
      sub: launch.sub,
      name: launch.name,
      instructor: isInstructor(launch.roles),
    }),
    indexLaunch(env.PROGRESS, learnerId, quiz, book),
  ]);
}

/**
 * After a launched learner's attempt is stored: records it in every gradebook whose link the learner launched
 * for this quiz, which queues the score durably and sends it from its alarm. One KV read and one Durable
 * Object call per such context (usually one). Resolves once every gradebook has it.
 */
export async function afterAttempt(env: Env, learnerId: string, attempt: LtiAttempt): Promise<void> {
  if (!learnerId.startsWith(LTI_LEARNER_PREFIX)) return;
  const books = await booksFor(env.PROGRESS, learnerId, attempt.quiz);
  await Promise.all(books.map((book) => gradebookOf(env, book).recordAttempt(learnerId, attempt)));
}

/** The contract's attempt from the stored record and the copies it was answered on. */
export function ltiAttemptOf(record: AttemptRecord, copies: readonly LearnerQuestion[]): LtiAttempt {
  const copyOf = new Map(copies.map((q) => [q.id, q]));
  return {
    attemptId: record.id,
    quiz: record.quizId,
    score: record.max ? record.score / record.max : 0,
    points: record.score,
    maxPoints: record.max,
    submittedAt: record.createdAt,
    lang: record.lang,
    answers: record.questions.map((q) => ({
      question: q.id,
      prompt: q.prompt.slice(0, 300),
      score: q.score,
      response: answerText(copyOf.get(q.id), q.response),
    })),
  };
}

/**
 * The attempt path's hook (worker/services/attempts.ts calls it once an attempt is stored): for a launched
 * learner, afterAttempt; for an anonymous learner nothing at all (the learner of the request is already known).
 */
export async function afterStoredAttempt(c: Context<AppEnv>, record: AttemptRecord, copies: readonly LearnerQuestion[]): Promise<void> {
  const learner = await currentLearner(c);
  if (learner?.startsWith(LTI_LEARNER_PREFIX)) await afterAttempt(c.env, learner, ltiAttemptOf(record, copies));
}

/** Erases a learner from every context gradebook they appear in (names, attempts, queued scores) and the index. */
export async function eraseLearner(env: Env, learnerId: string): Promise<number> {
  if (!learnerId.startsWith(LTI_LEARNER_PREFIX)) return 0;
  const { books, keys } = await booksOfLearner(env.PROGRESS, learnerId);
  const erased = await Promise.all(books.map((book) => gradebookOf(env, book).eraseLearner(learnerId)));
  await Promise.all(keys.map((k) => env.PROGRESS.delete(k)));
  return erased.filter(Boolean).length;
}

/** Everything the course gradebooks hold about a learner, for their export (one entry per course). */
export async function exportLearner(env: Env, learnerId: string) {
  if (!learnerId.startsWith(LTI_LEARNER_PREFIX)) return [];
  const { books } = await booksOfLearner(env.PROGRESS, learnerId);
  const data = await Promise.all(books.map((book) => gradebookOf(env, book).learnerData(learnerId)));
  return data.filter((d) => d !== null);
}
