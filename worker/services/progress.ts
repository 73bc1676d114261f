import type { Context } from 'hono';
import type { AttemptResult } from '../../core/quiz/attempt.ts';
import type { LearnerQuestion } from '../../core/quiz/learner.ts';
import type { Quiz } from '../../core/quiz/quiz.ts';
import type { AttemptRecord, AttemptSummary } from '../../core/progress/attempt-record.ts';
import { summarize } from '../../core/progress/summary.ts';
import { content } from './content.ts';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../http/errors.ts';
import { idempotencyKeyOf, requestDigest } from '../http/idempotency-key.ts';
import { currentLearner, ensureLearner } from '../auth/learner.ts';
import { FINAL_ID } from './quizzes.ts';
import { eraseLearner as eraseFromCourses } from './lti/grades.ts';
import { keyedAttemptId, newAttemptId } from '../stores/keys.ts';
import { progressStore, resultsStore, reviewStore } from '../stores/index.ts';
import type { LedgerQuestion, RecordedAttempt } from '../stores/results-store.ts';

export interface StoredAttempt {
  record: AttemptRecord;
  /** The summary as the progress store keeps it (what the learner's progress lists for this attempt). */
  summary: AttemptSummary;
  /** The learner it was stored for (created by this write if new). */
  learner: string;
  /** `repeat`: a retry of a submit with the same idempotency key, answered with the first one's record. */
  ledger: RecordedAttempt['stored'];
}

/** A retry under the same idempotency key that asks for something else: refused, as the IETF draft says. */
const keyReused = () =>
  new ApiError(422, 'idempotency_key_reused', 'This Idempotency-Key was used for a different submit; send a new key for a new attempt.', [
    { path: 'Idempotency-Key', message: 'used before with other responses' },
  ]);

/** What the submit stores besides the graded attempt: its language, seed, copies, responses and ledger rows. */
interface AttemptInput {
  lang: string;
  seed: string | null;
  copies: readonly LearnerQuestion[];
  responses: Readonly<Record<string, unknown>>;
  ledger: LedgerQuestion[];
  title?: string;
}

/**
 * Stores a graded attempt for the learner of this request (creating the learner on the first write), in the
 * results ledger and in KV, both before the submit answers (docs/decisions/0008):
 *
 * - the ledger call is awaited; if it fails or is slow the row is parked in KV (awaited), never lost;
 * - with an idempotency key the attempt id comes from (learner, quiz, key), so a retry finds its row in the
 *   ledger and writes the first one's record (same id, same time) to the same KV key: stored once. The KV
 *   write waits for the ledger's answer, which says whether this is a retry and when the first was stored;
 * - without a key nothing needs the ledger's answer (a fresh id, this request's time), so the ledger call and
 *   the KV write run side by side: the same two durable writes, the wait of the slower instead of both;
 * - the KV write is one `put`, as before, so the learner's progress has it.
 *
 * `ledger`: the ledger's copy of the attempt (responses in authoring keys), built by the attempt service.
 */
export async function storeAttempt(c: Context<AppEnv>, quiz: Quiz, attempt: AttemptResult, opts: AttemptInput): Promise<StoredAttempt> {
  const learner = await ensureLearner(c);
  const key = idempotencyKeyOf(c);
  if (!key) {
    const id = newAttemptId();
    const record = attemptRecord(quiz, attempt, opts, id, new Date().toISOString());
    // allSettled, not all: the answer waits for both writes even when one fails, so nothing runs on after it.
    const [ledger, summary] = await Promise.allSettled([
      recordInLedger(c, quiz, learner, opts, { id, createdAt: record.createdAt }),
      recordProgress(c, learner, record, 'new'),
    ]);
    if (ledger.status === 'rejected') throw ledger.reason;
    if (summary.status === 'rejected') throw summary.reason;
    return { record, summary: summary.value, learner, ledger: ledger.value.stored };
  }
  const id = await keyedAttemptId(c.env.LEARNER_SECRET, learner, quiz.id, key);
  const digest = await requestDigest({ version: quiz.version, lang: opts.lang, seed: opts.seed, responses: opts.responses });
  const ledger = await recordInLedger(c, quiz, learner, opts, { id, createdAt: new Date().toISOString(), digest });
  // A retry's record is the first one's: the ledger, strongly consistent, keeps its time.
  const record = attemptRecord(quiz, attempt, opts, id, ledger.createdAt);
  const summary = await recordProgress(c, learner, record, ledger.stored);
  return { record, summary, learner, ledger: ledger.stored };
}

/**
 * Writes the attempt's row to the results ledger under `row.id` (derived from the idempotency key if there is
 * one, so that a retry finds the first row), and refuses a retry whose key came with other responses.
 */
async function recordInLedger(
  c: Context<AppEnv>,
  quiz: Quiz,
  learner: string,
  opts: AttemptInput,
  row: { id: string; createdAt: string; digest?: string },
): Promise<RecordedAttempt> {
  const ledger = await resultsStore(c.env).record({
    quizId: quiz.id,
    kind: quiz.kind,
    version: quiz.version,
    attemptId: row.id,
    learnerId: learner,
    createdAt: row.createdAt,
    lang: opts.lang,
    questions: opts.ledger,
    ...(row.digest ? { requestHash: row.digest } : {}),
  });
  if (ledger.stored === 'repeat' && ledger.requestHash !== (row.digest ?? null)) throw keyReused();
  return ledger;
}

/** The learner's record of a graded attempt: each question's copy with the response given and its score. */
function attemptRecord(quiz: Quiz, attempt: AttemptResult, opts: AttemptInput, id: string, createdAt: string): AttemptRecord {
  const scores = new Map(attempt.results.map((r) => [r.questionId, r.score]));
  return {
    id,
    quizId: quiz.id,
    kind: quiz.kind,
    ...(opts.title ? { title: opts.title } : {}),
    version: quiz.version,
    lang: opts.lang,
    seed: opts.seed,
    createdAt,
    score: attempt.score,
    max: attempt.max,
    questions: opts.copies.map((q) => ({
      id: q.id,
      prompt: q.prompt,
      response: opts.responses[q.id] ?? null,
      score: scores.get(q.id) ?? 0,
    })),
  };
}

/**
 * Writes the record to the learner's progress. A retry writes the same value to the same key, so a first
 * submit that failed after the ledger (and was never acknowledged) is completed by its retry.
 */
function recordProgress(c: Context<AppEnv>, learner: string, record: AttemptRecord, stored: RecordedAttempt['stored']) {
  return progressStore(c.env)
    .record(learner, record)
    .catch((e: unknown) => {
      if (stored !== 'repeat') throw e;
      // KV takes one write a second per key: a retry racing its first submit is asked to come back.
      c.header('Retry-After', '1');
      throw new ApiError(409, 'idempotency_conflict', 'A submit with this Idempotency-Key is being stored; send it again in a second.');
    });
}

/** The lessons' quiz ids in course order: the same list for every request, made once. */
const LESSON_QUIZ_IDS: readonly string[] = Object.freeze(content.lessons.map((l) => l.id));
export const lessonQuizIds = () => LESSON_QUIZ_IDS;

/** The learner's attempt summaries: nothing read at all without a valid learner cookie, else one `list()`. */
export async function loadAttempts(c: Context<AppEnv>): Promise<{ learner: string | null; summaries: AttemptSummary[] }> {
  const learner = await currentLearner(c);
  const summaries = learner ? await progressStore(c.env).summaries(learner) : [];
  return { learner, summaries };
}

/** The learner's progress over the lessons (overview, `/api/progress`). */
export async function loadSummary(c: Context<AppEnv>) {
  const { learner, summaries } = await loadAttempts(c);
  return { learner, summary: summarize(summaries, lessonQuizIds()) };
}

/**
 * Every results ledger that may hold rows of a learner: each lesson and the final test (always asked, so a
 * row whose KV write failed is found too), and every set the learner's attempts name.
 */
const ledgerQuizIds = (attemptQuizIds: Iterable<string>) => [...new Set([...lessonQuizIds(), FINAL_ID, ...attemptQuizIds])];

/**
 * Erases everything stored about a learner: the results ledgers first (rows and parked rows), then their
 * attempts and review log. In that order because the attempts say which sets' ledgers to ask: if a ledger
 * fails, this rejects with the attempts untouched, and the learner's retry asks the same ledgers again and
 * ends with nothing anywhere. `deleted` counts attempts and review events.
 */
export async function eraseLearnerData(env: Env, learner: string): Promise<{ deleted: number; ledgerRows: number }> {
  const progress = progressStore(env);
  const summaries = await progress.summaries(learner);
  const ledgerRows = await resultsStore(env).erase(learner, ledgerQuizIds(summaries.map((s) => s.quizId)));
  // Before the attempts go: a failure leaves them, so the learner's retry finds the courses again.
  await eraseFromCourses(env, learner);
  const [attempts, events] = await Promise.all([progress.erase(learner), reviewStore(env).erase(learner)]);
  return { deleted: attempts + events, ledgerRows };
}

/** What the results ledgers hold about a learner, per quiz, for the export (attempts: the progress store's). */
export const ledgerExport = (env: Env, learner: string, attempts: readonly AttemptRecord[]) =>
  resultsStore(env).rowsOf(learner, ledgerQuizIds(attempts.map((a) => a.quizId)));
