// The results of every quiz for its instructors: behind the attempt service, the instructor reports and the
// learner's export and erase. A submit waits for the store before it answers, so an acknowledged attempt is
// never only in the learner's progress (docs/decisions/0003, 0008).
import type { AttemptSelection, LedgerReport, ScoreMatrix } from '../objects/results-ledger/report.ts';
import type { LearnerLedgerRow } from '../objects/results-ledger/schema.ts';
import type { Regrade } from '../../core/stats/regrade.ts';
import { hmacHex } from './hmac.ts';

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
  /** The raw learner id: it never reaches a ledger; a ledger keeps `learnerKey` of it instead. */
  learnerId: string;
  createdAt: string;
  questions: LedgerQuestion[];
  /** The content language of the attempt (typed answers are counted and accepted per language). */
  lang?: string;
  /** Digest of an idempotent submit's request (see LedgerRow); absent without an idempotency key. */
  requestHash?: string;
}

/**
 * Where a graded attempt went: `new` or `repeat` (its attempt id was there: a retried submit), or `parked`
 * when the store could not take it in time but kept it durably to move in later (whether it is new is then
 * unknown). `createdAt` and `requestHash` are the stored attempt's, so a retry answers like the first.
 */
export type RecordedAttempt = { stored: 'new' | 'repeat' | 'parked'; createdAt: string; requestHash: string | null };

/** One of a learner's ledger rows as the export shows it: responses and typed answers as values. */
export type ExportedLedgerRow = Omit<LearnerLedgerRow, 'questions'> & {
  questions: Array<{ id: string; type: string; score: number; response: unknown; normalized?: string[] }>;
};

/** The score matrix as a stream: its columns, then one row per attempt in time order (a page in memory at a time). */
export interface StreamedScores {
  questionIds: string[];
  rows: AsyncIterable<Array<number | null>>;
}

export interface ReportOptions {
  /** The quiz draws its questions per attempt (the final test): no Cronbach's alpha. */
  randomDraw?: boolean;
  /** Questions to report, in this order (also those no attempt had). */
  questionIds?: string[];
}

/**
 * The results ledgers, one per quiz id. Every method is idempotent where a retry may repeat it: `record` by
 * attempt id, `erase` by ending with nothing. Scores are clamped to 0..1, responses kept as JSON values.
 * Implementations: `DoResultsStore` (a ResultsLedger Durable Object per quiz, results-store-do.ts) and
 * `MemoryResultsStore` (tests); both run one contract suite (test/worker/results-store-contract.ts).
 */
export interface ResultsStore {
  /** Records one graded attempt durably before it resolves; rejects only if nothing was kept. */
  record(entry: LedgerEntry): Promise<RecordedAttempt>;
  /** Attempts recorded per quiz id (0 for a quiz without any). */
  counts(quizIds: readonly string[]): Promise<Map<string, number>>;
  /** The figures and response counts of a quiz: of each learner's first attempt, or of every attempt. */
  report(quizId: string, selection: AttemptSelection, opts?: ReportOptions): Promise<LedgerReport>;
  /** The attempt × question score matrix of a quiz (a row per attempt in time order, no learner). */
  scores(quizId: string, selection: AttemptSelection, questionIds?: string[]): Promise<ScoreMatrix>;
  /** The same matrix streamed: for a CSV of any size. */
  scoreRows(quizId: string, selection: AttemptSelection, questionIds?: string[]): Promise<StreamedScores>;
  /** Re-scores the stored answers an accepted typed answer matches, in every ledger of the quiz; answers changed. */
  regrade(quizId: string, regrade: Regrade): Promise<number>;
  /** Erases a learner from the given quizzes' ledgers; rows removed. Rejects if any ledger fails (retry it). */
  erase(learnerId: string, quizIds: readonly string[]): Promise<number>;
  /** A learner's rows per quiz, oldest first, for the export (quizzes without rows left out). */
  rowsOf(learnerId: string, quizIds: readonly string[]): Promise<Array<{ quizId: string; rows: ExportedLedgerRow[] }>>;
}

/** The pseudonym a ledger keeps for a learner: an HMAC per quiz, so the same learner is unlinkable across quizzes. */
export const learnerKey = (env: Pick<Env, 'LEARNER_SECRET'>, learnerId: string, quizId: string) =>
  hmacHex(env.LEARNER_SECRET, `results:${quizId}:${learnerId}`);

export type { AttemptSelection, LedgerReport, Regrade, ScoreMatrix };
