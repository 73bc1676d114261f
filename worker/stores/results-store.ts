// The results ledger behind the attempt service and the instructor reports: one ResultsLedger Durable
// Object per quiz id. A submit waits for the ledger (or parks its row in KV) before it answers, so an
// acknowledged attempt is never only in the learner's KV (docs/decisions/0003, 0008).
import type {
  AttemptSelection,
  LearnerLedgerRow,
  LedgerReport,
  LedgerRow,
  RecordOutcome,
  ScoreMatrix,
} from '../objects/results-ledger/results-ledger.ts';
import { hmacHex } from './hmac.ts';
import { parkRow } from './parked-results.ts';

export interface LedgerQuestion {
  id: string;
  type: string;
  /** Fraction 0..1 of the question's maximum. */
  score: number;
  /** As validated. */
  response: unknown;
  /** Typed answers as the grader normalised them, one per gap/field (cloze: in the order of the response's gap keys). */
  normalized?: string[];
}

export interface LedgerEntry {
  quizId: string;
  kind: 'lesson' | 'final' | 'set';
  version: string;
  attemptId: string;
  /** The raw learner id: it never reaches the ledger; the ledger gets an HMAC of it per quiz. */
  learnerId: string;
  createdAt: string;
  questions: LedgerQuestion[];
  /** The content language of the attempt (typed answers are counted and accepted per language). */
  lang?: string;
  /** Digest of an idempotent submit's request (see LedgerRow); absent without an idempotency key. */
  requestHash?: string;
}

/**
 * How long a submit waits for the ledger before it parks the row and answers anyway. A healthy ledger
 * answers in milliseconds; this bounds the learner's wait when it does not.
 */
export const LEDGER_TIMEOUT_MS = 2_000;

const ledger = (env: Env, quizId: string) => env.RESULTS.get(env.RESULTS.idFromName(quizId));

/** The pseudonymous key of a learner in one quiz's ledger: the same learner is unlinkable across quizzes. */
export const learnerKey = (env: Env, learnerId: string, quizId: string) => hmacHex(env.LEARNER_SECRET, `results:${quizId}:${learnerId}`);

/** The ledger's row for an entry: the learner id replaced by its per-quiz pseudonym. */
export async function ledgerRow(env: Env, e: LedgerEntry): Promise<LedgerRow> {
  return {
    attemptId: e.attemptId,
    learnerKey: await learnerKey(env, e.learnerId, e.quizId),
    version: e.version,
    kind: e.kind,
    lang: e.lang,
    createdAt: e.createdAt,
    questions: e.questions.map((q) => ({ id: q.id, type: q.type, score: q.score, response: q.response, normalized: q.normalized })),
    ...(e.requestHash ? { requestHash: e.requestHash } : {}),
  };
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`results ledger: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

/**
 * Where a graded attempt went: `new` or `repeat` (its attempt id was there: a retried submit) in the ledger,
 * or `parked` in KV when the ledger did not answer in time (it moves in later; whether it is new is unknown).
 */
export type RecordedAttempt = { stored: 'new' | 'repeat' | 'parked'; createdAt: string; requestHash: string | null };

/**
 * Records one graded attempt for instructors, durably, before the submit answers: the ledger's own answer,
 * or, if it fails or takes longer than LEDGER_TIMEOUT_MS, the row parked in KV (awaited). Rejects only if
 * both fail; then the submit fails too and nothing was acknowledged.
 */
export async function recordAttempt(env: Env, entry: LedgerEntry): Promise<RecordedAttempt> {
  const row = await ledgerRow(env, entry);
  let outcome: RecordOutcome;
  try {
    outcome = await withTimeout(ledger(env, entry.quizId).record(row), LEDGER_TIMEOUT_MS);
  } catch (e) {
    console.warn('results ledger: parking the row', entry.quizId, row.attemptId, e);
    // The ledger may still have taken it (a slow answer): moving it in later is then a no-op by attempt id.
    await parkRow(env.PROGRESS, entry.quizId, row);
    return { stored: 'parked', createdAt: row.createdAt, requestHash: row.requestHash ?? null };
  }
  return { stored: outcome.isNew ? 'new' : 'repeat', createdAt: outcome.createdAt, requestHash: outcome.requestHash };
}

/** Attempts recorded per quiz id: one Durable Object call per quiz, no learner keys read. */
export async function attemptCounts(env: Env, quizIds: string[]): Promise<Map<string, number>> {
  const counts = await Promise.all(quizIds.map(async (id) => [id, await ledger(env, id).count()] as const));
  return new Map(counts);
}

/** The ledger's figures and response counts for a quiz (the ledger moves parked rows in first). */
export function ledgerReport(
  env: Env,
  quizId: string,
  selection: AttemptSelection,
  opts: { randomDraw?: boolean; questionIds?: string[] } = {},
): Promise<LedgerReport> {
  return ledger(env, quizId).report(selection, opts);
}

/** The attempt × question score matrix of a quiz (no learner keys: a row per attempt). */
export function ledgerScores(env: Env, quizId: string, selection: AttemptSelection, questionIds: string[] = []): Promise<ScoreMatrix> {
  return ledger(env, quizId).scores(selection, questionIds);
}

/**
 * Erases a learner from the ledgers of the given quizzes (their rows and parked rows), all in parallel.
 * Rejects if any ledger fails, so the caller keeps what tells it which ledgers to ask again.
 */
export async function eraseFromLedgers(env: Env, learnerId: string, quizIds: readonly string[]): Promise<number> {
  const counts = await Promise.all(quizIds.map(async (id) => ledger(env, id).erase(await learnerKey(env, learnerId, id))));
  return counts.reduce((a, b) => a + b, 0);
}

/** One of a learner's ledger rows as the export shows it: responses and typed answers as values. */
export type ExportedLedgerRow = Omit<LearnerLedgerRow, 'questions'> & {
  questions: Array<{ id: string; type: string; score: number; response: unknown; normalized?: string[] }>;
};

const parsed = (row: LearnerLedgerRow): ExportedLedgerRow => ({
  ...row,
  questions: row.questions.map((q) => ({
    id: q.id,
    type: q.type,
    score: q.score,
    response: q.response === null ? null : JSON.parse(q.response),
    ...(q.normalized === null ? {} : { normalized: JSON.parse(q.normalized) as string[] }),
  })),
});

/** What the ledgers of the given quizzes hold about a learner, per quiz (quizzes without rows left out). */
export async function ledgerRowsOf(
  env: Env,
  learnerId: string,
  quizIds: readonly string[],
): Promise<Array<{ quizId: string; rows: ExportedLedgerRow[] }>> {
  const all = await Promise.all(
    quizIds.map(async (quizId) => {
      const rows = await ledger(env, quizId).rowsOf(await learnerKey(env, learnerId, quizId));
      return { quizId, rows: rows.map(parsed) };
    }),
  );
  return all.filter((q) => q.rows.length > 0);
}

export type { AttemptSelection, LedgerReport, ScoreMatrix };
