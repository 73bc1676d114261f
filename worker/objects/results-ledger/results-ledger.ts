import { DurableObject } from 'cloudflare:workers';
import { deleteParkedOf, drainParked } from '../../stores/parked-results.ts';
import type { Regrade } from '../../../core/stats/regrade.ts';
import { addAttempts, attemptCount, migrateAggregates, readAggregates, rebuildAggregates, removeLearner } from './aggregates-sql.ts';
import { ShardMove, type SendRows } from './move.ts';
import { regradeBatch } from './regrade-sql.ts';
import { answerRows, scoreColumns, scorePage, type ScorePage } from './score-pages.ts';
import {
  reportOfAggregates,
  scoreMatrixOf,
  type AttemptSelection,
  type LedgerAggregates,
  type LedgerReport,
  type ScoreMatrix,
} from './report.ts';
import {
  deleteLearner,
  insertRow,
  latestAttempt,
  migrate,
  storedOutcome,
  rowsOfLearner,
  type InsertedRow,
  type LatestAttempt,
  type LearnerLedgerRow,
  type LedgerRow,
  type RecordOutcome,
} from './schema.ts';

export type {
  AttemptSelection,
  LatestAttempt,
  LedgerAggregates,
  LearnerLedgerRow,
  LedgerReport,
  LedgerRow,
  RecordOutcome,
  ScoreMatrix,
  ScorePage,
};

/** How soon after a record the ledger looks for parked rows, and how often at most (one KV `list()` each). */
export const SWEEP_DELAY_MS = 30_000;
export const SWEEP_EVERY_MS = 10 * 60_000;
const LAST_SWEEP = 'lastSweep';
/** How long after a failed move batch the alarm tries again. */
export const MOVE_RETRY_MS = 30_000;

/**
 * The results ledger of one quiz, or of one shard of a quiz's learners (`quiz#2`; docs/decisions/0014): every
 * graded attempt with each question's score and response, and the aggregates every report is read off, kept
 * up to date in the same transaction as the rows. SQLite, strongly consistent: what `record` returned is in
 * the next report. Rows a submit had to park in KV come in by the object's own sweep alarm, and before every
 * report (0008).
 */
export class ResultsLedger extends DurableObject<Env> {
  private readonly sql: SqlStorage;
  /** When this instance set the sweep alarm (0: not since it started, or the sweep has run since). */
  private sweepAt = 0;
  /** Learners erased while a drain runs: their parked rows must not come back through that drain. */
  private erasedWhileDraining: Set<string> | null = null;
  private draining = 0;
  /** Shard 0 of a sharded quiz: moving rows of other shards' learners to their shard. */
  private readonly move: ShardMove;
  /** How a move reaches another shard (an instance field, not an RPC method; a test may fail it once). */
  readonly moveTransport: { send: SendRows } = {
    send: async (name, rows) => this.env.RESULTS.get(this.env.RESULTS.idFromName(name)).adopt(rows),
  };

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    migrate(this.sql);
    ctx.storage.transactionSync(() => migrateAggregates(this.sql));
    this.move = new ShardMove(ctx.storage, ctx.id.name);
    if (this.move.pending()) this.alarmAt(Date.now() + SWEEP_DELAY_MS);
  }

  /**
   * Stores rows and adds them to the aggregates in one set of upserts (call inside a transaction); each row's
   * `seq` if it was new (a row whose attempt id is here already, or was earlier in the list, is skipped).
   */
  private insert(rows: readonly LedgerRow[]): Array<number | undefined> {
    const added: Array<[InsertedRow, string | null]> = [];
    const seqs = rows.map((row) => {
      const inserted = insertRow(this.sql, row);
      if (!inserted) return undefined;
      added.push([inserted, row.lang ?? null]);
      if (this.move.noteRow(row.learnerKey)) this.alarmAt(Date.now() + SWEEP_DELAY_MS);
      return inserted.seq;
    });
    addAttempts(this.sql, added);
    return seqs;
  }

  /** Sets the alarm (sweep and move share it); a sweep scheduled meanwhile will not push it later. */
  private alarmAt(at: number): void {
    this.sweepAt = at;
    this.ctx.storage.setAlarm(at).catch((e: unknown) => {
      console.warn('results ledger: could not set the alarm', e);
      this.sweepAt = 0;
    });
  }

  /**
   * Rows sent on by shard 0's move: each stored unless its attempt id is here already (a resent batch), with
   * its aggregates, and "first" sorted by time as for a late parked row.
   */
  adopt(rows: LedgerRow[]): void {
    this.ctx.storage.transactionSync(() => this.insert(rows));
  }

  /**
   * Stores one attempt; a second delivery of the same attempt id (a retry) changes nothing and answers with
   * the stored row's time and request digest, so an idempotent submit can answer like the first.
   */
  record(row: LedgerRow): RecordOutcome {
    return this.recordMany([row])[0]!;
  }

  /**
   * Stores attempts that submits sent together (worker/stores/results-store-do.ts coalesces those that arrive
   * while a record to this ledger is in flight) in one transaction, each answered as `record` answers it.
   */
  recordMany(rows: LedgerRow[]): RecordOutcome[] {
    const outcomes = this.ctx.storage.transactionSync(() =>
      this.insert(rows).map((seq, i): RecordOutcome => {
        const row = rows[i]!;
        if (seq !== undefined) return { isNew: true, createdAt: row.createdAt, requestHash: row.requestHash ?? null };
        return storedOutcome(this.sql, row.attemptId);
      }),
    );
    this.scheduleSweep();
    return outcomes;
  }

  /**
   * Sets the sweep alarm at most once per sweep period while the quiz has submits: parked rows then arrive
   * without any instructor request, and the alarm survives restarts. The last sweep's time is stored, so the
   * period holds across evictions too (one storage read per object start, one write per sweep).
   */
  private scheduleSweep(): void {
    if (this.sweepAt) return;
    const last = this.ctx.storage.kv.get<number>(LAST_SWEEP) ?? 0;
    this.sweepAt = Math.max(Date.now() + SWEEP_DELAY_MS, last + SWEEP_EVERY_MS);
    this.ctx.storage.setAlarm(this.sweepAt).catch((e: unknown) => {
      console.warn('results ledger: could not set the sweep alarm', e);
      this.sweepAt = 0;
    });
  }

  /** The sweep: parked rows of this quiz into the ledger. A throw makes the platform retry it with backoff. */
  override async alarm(): Promise<void> {
    this.sweepAt = 0;
    this.ctx.storage.kv.put(LAST_SWEEP, Date.now());
    await this.drain();
    if (!this.move.pending()) return;
    try {
      if (!(await this.move.run(this.moveTransport.send))) this.alarmAt(Date.now());
    } catch (e) {
      // Nothing is lost: rows leave shard 0 only after their shard took them. The next alarm goes on.
      console.warn('results ledger: moving rows to their shard failed; retrying', e);
      this.alarmAt(Date.now() + MOVE_RETRY_MS);
    }
  }

  /** Moves this quiz's parked rows in (one KV `list()`, usually empty); how many there were. */
  private async drain(): Promise<number> {
    // Named by quiz id (idFromName) is the only way this object is reached; the name is the KV prefix.
    const quizId = this.ctx.id.name;
    if (!quizId) return 0;
    const erased = (this.erasedWhileDraining ??= new Set());
    this.draining++;
    try {
      return await drainParked(this.env.PROGRESS, quizId, (row) => {
        if (!erased.has(row.learnerKey)) this.ctx.storage.transactionSync(() => this.insert([row]));
      });
    } finally {
      if (--this.draining === 0) this.erasedWhileDraining = null;
    }
  }

  /**
   * Erases one learner (by pseudonym) from this ledger: their parked rows first, then their rows, so a row
   * drained meanwhile is deleted too. Idempotent: a retry after a failure ends with nothing. Rows removed.
   */
  async erase(learnerKey: string): Promise<number> {
    this.erasedWhileDraining?.add(learnerKey);
    const runs = this.move.runs;
    const quizId = this.ctx.id.name;
    const parked = quizId ? await deleteParkedOf(this.env.PROGRESS, quizId, learnerKey) : 0;
    this.erasedWhileDraining?.add(learnerKey); // a drain may have started while the KV calls ran
    // A move that ran meanwhile may have sent this learner's rows to their shard after that shard erased them.
    const moved = this.move.inFlight ?? (this.move.runs !== runs ? Promise.resolve(true) : null);
    if (moved) await moved.catch(() => false);
    const here = this.ctx.storage.transactionSync(() => {
      removeLearner(this.sql, learnerKey);
      return deleteLearner(this.sql, learnerKey);
    });
    const sent =
      moved && this.move.foreign(learnerKey)
        ? await this.env.RESULTS.get(this.env.RESULTS.idFromName(this.move.home(learnerKey))).erase(learnerKey)
        : 0;
    return parked + here + sent;
  }

  /** Everything this ledger holds about one learner (by pseudonym), oldest first: for the learner's export. */
  rowsOf(learnerKey: string): LearnerLedgerRow[] {
    return rowsOfLearner(this.sql, learnerKey);
  }

  /** Attempts recorded (all of them): a counter, not a scan. */
  count(): number {
    return attemptCount(this.sql);
  }

  /**
   * Re-scores the stored answers an accepted typed answer matches (core/stats/regrade.ts) in batches, each with
   * its aggregates; resumable and idempotent: its progress is kept under the regrade, so a repeat changes
   * nothing. How many answers changed.
   */
  async regrade(r: Regrade): Promise<number> {
    const key = `regrade:${JSON.stringify([r.questionId, r.part ?? '', r.lang, r.value, r.mode, r.credit, r.version])}`;
    let changed = 0;
    for (let after = this.ctx.storage.kv.get<number>(key) ?? 0; ;) {
      const step = this.ctx.storage.transactionSync(() => {
        const b = regradeBatch(this.sql, r, after);
        this.ctx.storage.kv.put(key, b.next ?? Number.MAX_SAFE_INTEGER);
        return b;
      });
      changed += step.changed;
      if (step.next === null) return changed;
      after = step.next;
      await scheduler.wait(0); // records waiting meanwhile go first
    }
  }

  /** Rebuilds the aggregates from the rows (after rows were re-scored; a new AGGREGATES_VERSION does it on start). */
  rebuild(): void {
    this.ctx.storage.transactionSync(() => rebuildAggregates(this.sql));
  }

  /** The aggregates of a selection and the latest attempt, as they are now: small tables read by key, never the rows. */
  private snapshot(selection: AttemptSelection): LedgerAggregates {
    return { aggregates: readAggregates(this.sql, selection), latest: latestAttempt(this.sql) };
  }

  /**
   * Runs `read` while this quiz's parked rows are looked for (one KV `list()`, I/O that takes longer than the
   * read itself), and again only if some were moved in: the usual report costs the longer of the two, not both.
   * Either way it holds every row parked before it began, as when the drain came first.
   */
  private async afterDrain<T>(read: () => T): Promise<T> {
    const drained = this.drain(); // the list is sent before the read runs
    const early = read();
    return (await drained) ? read() : early;
  }

  /**
   * This ledger's aggregates of each learner's first attempt or of every attempt, and its latest attempt
   * (parked rows in first): small tables read by key, never the rows, so a report does not hold up records.
   */
  aggregates(selection: AttemptSelection): Promise<LedgerAggregates> {
    return this.afterDrain(() => this.snapshot(selection));
  }

  /** Figures and response counts of this ledger alone (a quiz of one shard; the store merges shards itself). */
  report(selection: AttemptSelection, opts: { randomDraw?: boolean; questionIds?: string[] } = {}): Promise<LedgerReport> {
    return this.afterDrain(() => {
      const { aggregates, latest } = this.snapshot(selection);
      return reportOfAggregates(aggregates, latest?.version ?? null, opts);
    });
  }

  /** The questions the selected attempts scored (parked rows in first): the columns of the streamed matrix. */
  async scoreColumns(selection: AttemptSelection): Promise<string[]> {
    await this.drain();
    return scoreColumns(this.sql, selection);
  }

  /** One page of the score matrix after a cursor (`ScorePage.next` of the page before; null for the first). */
  scorePage(selection: AttemptSelection, after: string | null): ScorePage {
    return scorePage(this.sql, selection, after);
  }

  /** The score matrix for spreadsheets: questions in the order given, then any other question seen. */
  async scores(selection: AttemptSelection, questionIds: string[] = []): Promise<ScoreMatrix> {
    await this.drain();
    return scoreMatrixOf(answerRows(this.sql, selection), questionIds);
  }
}
