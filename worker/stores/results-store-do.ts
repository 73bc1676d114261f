// The results store on ResultsLedger Durable Objects, one per quiz id or N shards of it (docs/decisions/0003,
// 0008, 0014). A submit waits for its learner's ledger, or parks the row in KV when the ledger fails or is slow;
// the ledger's own sweep and every report move parked rows in. The learner id never reaches a ledger: rows
// carry `learnerKey`. A report merges the shards' aggregates; the score matrix interleaves their rows by time.
import { mergeAggregates, type Aggregates } from '../../core/stats/aggregates.ts';
import { reportOfAggregates } from '../objects/results-ledger/report.ts';
import type { LatestAttempt } from '../objects/results-ledger/results-ledger.ts';
import type { LearnerLedgerRow, LedgerRow, RecordOutcome } from '../objects/results-ledger/schema.ts';
import { parkRow } from './parked-results.ts';
import { recordCoalesced } from './results-store-batch.ts';
import { mergedScoreRows, scoreColumnsOf } from './results-store-merge.ts';
import { learnerLedger, learnerLedgers, ledgerNames } from './results-store-shards.ts';
import {
  learnerKey,
  type AttemptSelection,
  type ExportedLedgerRow,
  type LedgerEntry,
  type LedgerReport,
  type RecordedAttempt,
  type Regrade,
  type ReportOptions,
  type ResultsStore,
  type ScoreMatrix,
  type StreamedScores,
} from './results-store.ts';

/**
 * How long a submit waits for the ledger before it parks the row and answers anyway. A healthy ledger
 * answers in milliseconds; this bounds the learner's wait when it does not.
 */
export const LEDGER_TIMEOUT_MS = 2_000;

/** Pseudonyms remembered per isolate: a learner's next submit to the same quiz skips the HMAC. */
export const PSEUDONYMS_MAX = 2_000;
let pseudonyms = { secret: '', keys: new Map<string, string>() };

/**
 * The learner's pseudonym for a quiz (`learnerKey`), remembered in a bounded map (the oldest entry goes first).
 * Keyed by the exact quiz and learner, under the secret it was made with: a pseudonym never changes, so the map
 * can serve no other learner's key and nothing stale.
 */
export async function pseudonymOf(env: Pick<Env, 'LEARNER_SECRET'>, learnerId: string, quizId: string): Promise<string> {
  if (pseudonyms.secret !== env.LEARNER_SECRET) pseudonyms = { secret: env.LEARNER_SECRET, keys: new Map() };
  const { keys } = pseudonyms;
  const id = `${quizId.length}:${quizId}${learnerId}`;
  const known = keys.get(id);
  if (known !== undefined) return known;
  const key = await learnerKey(env, learnerId, quizId);
  if (keys.size >= PSEUDONYMS_MAX) keys.delete(keys.keys().next().value!);
  keys.set(id, key);
  return key;
}

/** How many pseudonyms this isolate remembers (for the test of its bound). */
export const pseudonymsHeld = () => pseudonyms.keys.size;

/**
 * Ledger object ids by name, remembered per isolate (bounded): `idFromName` hashes the name on every call, and
 * an id is a plain value (unlike a stub, which belongs to the request that made it), the same for a name forever.
 */
const LEDGER_IDS_MAX = 1_000;
const ledgerIds = new Map<string, DurableObjectId>();
function ledgerId(ns: DurableObjectNamespace, name: string): DurableObjectId {
  let id = ledgerIds.get(name);
  if (!id) {
    id = ns.idFromName(name);
    if (ledgerIds.size >= LEDGER_IDS_MAX) ledgerIds.delete(ledgerIds.keys().next().value!);
    ledgerIds.set(name, id);
  }
  return id;
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

  /** A ledger by object name: a quiz id (shard 0) or `quiz#s`. */
  private ledger(name: string) {
    return this.env.RESULTS.get(ledgerId(this.env.RESULTS, name));
  }

  /** Every shard of a quiz, in parallel. */
  private all<T>(quizId: string, call: (ledger: ReturnType<DoResultsStore['ledger']>) => Promise<T>): Promise<T[]> {
    return Promise.all(ledgerNames(quizId).map((name) => call(this.ledger(name))));
  }

  /** The ledger's row for an entry: the learner id replaced by its per-quiz pseudonym. */
  private async row(e: LedgerEntry): Promise<LedgerRow> {
    return {
      attemptId: e.attemptId,
      learnerKey: await pseudonymOf(this.env, e.learnerId, e.quizId),
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
    const name = learnerLedger(entry.quizId, row.learnerKey);
    let outcome: RecordOutcome;
    try {
      outcome = await recordCoalesced(name, row, () => this.ledger(name), LEDGER_TIMEOUT_MS);
    } catch (e) {
      console.warn('results ledger: parking the row', name, row.attemptId, e);
      // The ledger may still have taken it (a slow answer): moving it in later is then a no-op by attempt id.
      // Parked under the shard's name: that shard's sweep moves it in.
      await parkRow(this.env.PROGRESS, name, row);
      return { stored: 'parked', createdAt: row.createdAt, requestHash: row.requestHash ?? null };
    }
    return { stored: outcome.isNew ? 'new' : 'repeat', createdAt: outcome.createdAt, requestHash: outcome.requestHash };
  }

  /** One Durable Object call per shard (a counter each), no learner keys read. */
  async counts(quizIds: readonly string[]): Promise<Map<string, number>> {
    const sum = async (id: string) => (await this.all(id, (l) => l.count())).reduce((a, b) => a + b, 0);
    return new Map(await Promise.all(quizIds.map(async (id) => [id, await sum(id)] as const)));
  }

  /** Every shard's aggregates (each moves its parked rows in first), merged: the figures of one ledger with every row. */
  async report(quizId: string, selection: AttemptSelection, opts: ReportOptions = {}): Promise<LedgerReport> {
    const parts = await this.all(quizId, (l) => l.aggregates(selection));
    const later = (a: LatestAttempt | null, b: LatestAttempt | null) =>
      !a || (b && (b.createdAt > a.createdAt || (b.createdAt === a.createdAt && b.attemptId > a.attemptId))) ? b : a;
    const latest = parts.reduce<LatestAttempt | null>((l, p) => later(l, p.latest), null);
    return reportOfAggregates(mergeAggregates(parts.map((p) => p.aggregates as Aggregates)), latest?.version ?? null, opts);
  }

  /** The streamed matrix, collected (small quizzes, tests). */
  async scores(quizId: string, selection: AttemptSelection, questionIds: string[] = []): Promise<ScoreMatrix> {
    const m = await this.scoreRows(quizId, selection, questionIds);
    const rows: ScoreMatrix['rows'] = [];
    for await (const row of m.rows) rows.push(row);
    return { questionIds: m.questionIds, rows };
  }

  /** Columns from every shard's aggregates (parked rows moved in first), then the shards' pages merged by time. */
  async scoreRows(quizId: string, selection: AttemptSelection, questionIds: string[] = []): Promise<StreamedScores> {
    const columns = scoreColumnsOf(await this.all(quizId, (l) => l.scoreColumns(selection)), questionIds);
    const readers = ledgerNames(quizId).map((name) => (after: string | null) => this.ledger(name).scorePage(selection, after));
    return { questionIds: columns, rows: mergedScoreRows(readers, columns) };
  }

  /** Every shard re-scores its rows (each idempotent, so a failed shard can be asked again). */
  async regrade(quizId: string, regrade: Regrade): Promise<number> {
    return (await this.all(quizId, (l) => l.regrade(regrade))).reduce((a, b) => a + b, 0);
  }

  /** Every ledger that may hold the learner, in parallel, each erasing their parked rows, then their rows. */
  async erase(learnerId: string, quizIds: readonly string[]): Promise<number> {
    const counts = await Promise.all(
      quizIds.map(async (id) => {
        const key = await pseudonymOf(this.env, learnerId, id);
        return Promise.all(learnerLedgers(id, key).map((name) => this.ledger(name).erase(key)));
      }),
    );
    return counts.flat().reduce((a, b) => a + b, 0);
  }

  async rowsOf(learnerId: string, quizIds: readonly string[]): Promise<Array<{ quizId: string; rows: ExportedLedgerRow[] }>> {
    const byTime = (a: LearnerLedgerRow, b: LearnerLedgerRow) =>
      a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.attemptId < b.attemptId ? -1 : 1;
    const all = await Promise.all(
      quizIds.map(async (quizId) => {
        const key = await pseudonymOf(this.env, learnerId, quizId);
        const rows = (await Promise.all(learnerLedgers(quizId, key).map((name) => this.ledger(name).rowsOf(key)))).flat();
        // While shard 0 moves a learner's rows to their shard, a row may be in both for a moment: listed once.
        const once = [...new Map(rows.map((r) => [r.attemptId, r])).values()];
        return { quizId, rows: once.sort(byTime).map(exported) };
      }),
    );
    return all.filter((q) => q.rows.length > 0);
  }
}
