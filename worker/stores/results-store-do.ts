// The results store on ResultsLedger Durable Objects, one per quiz id (docs/decisions/0003, 0008). A submit
// waits for its ledger, or parks the row in KV when the ledger fails or is slow; the ledger's own sweep and
// every report move parked rows in. The learner id never reaches a ledger: rows carry `learnerKey`.
import type { LearnerLedgerRow, LedgerRow, RecordOutcome } from '../objects/results-ledger/schema.ts';
import { parkRow } from './parked-results.ts';
import {
  learnerKey,
  type AttemptSelection,
  type ExportedLedgerRow,
  type LedgerEntry,
  type LedgerReport,
  type RecordedAttempt,
  type ReportOptions,
  type ResultsStore,
  type ScoreMatrix,
} from './results-store.ts';

/**
 * How long a submit waits for the ledger before it parks the row and answers anyway. A healthy ledger
 * answers in milliseconds; this bounds the learner's wait when it does not.
 */
export const LEDGER_TIMEOUT_MS = 2_000;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`results ledger: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

/** A stored row as the export shows it: responses and typed answers parsed back into values. */
const exported = (row: LearnerLedgerRow): ExportedLedgerRow => ({
  ...row,
  questions: row.questions.map((q) => ({
    id: q.id,
    type: q.type,
    score: q.score,
    response: q.response === null ? null : JSON.parse(q.response),
    ...(q.normalized === null ? {} : { normalized: JSON.parse(q.normalized) as string[] }),
  })),
});

export class DoResultsStore implements ResultsStore {
  constructor(private readonly env: Pick<Env, 'RESULTS' | 'PROGRESS' | 'LEARNER_SECRET'>) {}

  private ledger(quizId: string) {
    return this.env.RESULTS.get(this.env.RESULTS.idFromName(quizId));
  }

  /** The ledger's row for an entry: the learner id replaced by its per-quiz pseudonym. */
  private async row(e: LedgerEntry): Promise<LedgerRow> {
    return {
      attemptId: e.attemptId,
      learnerKey: await learnerKey(this.env, e.learnerId, e.quizId),
      version: e.version,
      kind: e.kind,
      lang: e.lang,
      createdAt: e.createdAt,
      questions: e.questions.map((q) => ({ id: q.id, type: q.type, score: q.score, response: q.response, normalized: q.normalized })),
      ...(e.requestHash ? { requestHash: e.requestHash } : {}),
    };
  }

  /**
   * The ledger's own answer, or, if it fails or takes longer than LEDGER_TIMEOUT_MS, the row parked in KV
   * (awaited). Rejects only if both fail; then the submit fails too and nothing was acknowledged.
   */
  async record(entry: LedgerEntry): Promise<RecordedAttempt> {
    const row = await this.row(entry);
    let outcome: RecordOutcome;
    try {
      outcome = await withTimeout(this.ledger(entry.quizId).record(row), LEDGER_TIMEOUT_MS);
    } catch (e) {
      console.warn('results ledger: parking the row', entry.quizId, row.attemptId, e);
      // The ledger may still have taken it (a slow answer): moving it in later is then a no-op by attempt id.
      await parkRow(this.env.PROGRESS, entry.quizId, row);
      return { stored: 'parked', createdAt: row.createdAt, requestHash: row.requestHash ?? null };
    }
    return { stored: outcome.isNew ? 'new' : 'repeat', createdAt: outcome.createdAt, requestHash: outcome.requestHash };
  }

  /** One Durable Object call per quiz, no learner keys read. */
  async counts(quizIds: readonly string[]): Promise<Map<string, number>> {
    return new Map(await Promise.all(quizIds.map(async (id) => [id, await this.ledger(id).count()] as const)));
  }

  /** The ledger moves parked rows in first. */
  report(quizId: string, selection: AttemptSelection, opts: ReportOptions = {}): Promise<LedgerReport> {
    return this.ledger(quizId).report(selection, opts);
  }

  scores(quizId: string, selection: AttemptSelection, questionIds: string[] = []): Promise<ScoreMatrix> {
    return this.ledger(quizId).scores(selection, questionIds);
  }

  /** Every ledger in parallel, each erasing the learner's parked rows, then their rows. */
  async erase(learnerId: string, quizIds: readonly string[]): Promise<number> {
    const counts = await Promise.all(quizIds.map(async (id) => this.ledger(id).erase(await learnerKey(this.env, learnerId, id))));
    return counts.reduce((a, b) => a + b, 0);
  }

  async rowsOf(learnerId: string, quizIds: readonly string[]): Promise<Array<{ quizId: string; rows: ExportedLedgerRow[] }>> {
    const all = await Promise.all(
      quizIds.map(async (quizId) => {
        const rows = await this.ledger(quizId).rowsOf(await learnerKey(this.env, learnerId, quizId));
        return { quizId, rows: rows.map(exported) };
      }),
    );
    return all.filter((q) => q.rows.length > 0);
  }
}
