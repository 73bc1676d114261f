// Shard 0's one-off move (docs/decisions/0014-results-aggregates.md): a quiz's ledger from before shards holds
// rows of learners who now belong to another shard. They are sent on to that shard (which takes them
// idempotently, by attempt id) and only then removed from shard 0 with their aggregates, in batches of learners,
// resumable after a crash from a cursor kept in storage. Every attempt is counted by one ledger at rest.
import { learnerLedger, shardCount } from '../../stores/results-store-shards.ts';
import { removeAttempts } from './aggregates-sql.ts';
import { deleteAttempts, ledgerRowsOf, type LedgerRow } from './schema.ts';

/** Sends rows to the ledger of that name, which stores each one it does not have yet (`ResultsLedger.adopt`). */
export type SendRows = (ledger: string, rows: LedgerRow[]) => Promise<void>;

/** Learners looked at per batch: one SQL read of learner keys, one send per shard, one transaction. */
export const MOVE_BATCH = 100;
/** How long one alarm moves before it hands the rest to the next alarm (records interleave between batches). */
export const MOVE_BUDGET_MS = 5_000;
const DONE = 'moveDone';
const CURSOR = 'moveCursor';

export class ShardMove {
  /** The move running now, if any: an erase waits for it. */
  inFlight: Promise<boolean> | null = null;
  /** How many moves started since this instance did: an erase compares it across its awaits. */
  runs = 0;
  /** Late rows of other shards' learners seen by this instance: a batch that saw one arrive keeps the cursor. */
  private resets = 0;

  constructor(
    private readonly storage: DurableObjectStorage,
    private readonly name: string | undefined,
  ) {}

  /** Whether this ledger is shard 0 of a quiz with shards: the only one that can hold others' rows. */
  get applies(): boolean {
    return !!this.name && !this.name.includes('#') && shardCount(this.name) > 1;
  }

  /** Whether a learner (by pseudonym) belongs to another shard than this one. */
  foreign(learner: string): boolean {
    return this.applies && learnerLedger(this.name!, learner) !== this.name;
  }

  /** The ledger a learner belongs to. */
  home(learner: string): string {
    return learnerLedger(this.name!, learner);
  }

  /** Whether rows may still wait to be moved (a ledger without rows is done at once). */
  pending(): boolean {
    if (!this.applies || this.storage.kv.get<number>(DONE) === 1) return false;
    const any = this.storage.sql.exec(`SELECT 1 FROM attempts LIMIT 1`).toArray().length > 0;
    if (!any) this.storage.kv.put(DONE, 1);
    return any;
  }

  /** After a row was stored here: a row of another shard's learner (a late parked one) starts the move again. */
  noteRow(learner: string): boolean {
    if (!this.foreign(learner)) return false;
    this.resets++;
    this.storage.kv.delete(DONE);
    this.storage.kv.put(CURSOR, '');
    return true;
  }

  /** Moves batches until none is left (true) or the budget is spent (false). Throws if a send failed. */
  run(send: SendRows, budgetMs = MOVE_BUDGET_MS): Promise<boolean> {
    this.runs++;
    const run = (async () => {
      const until = Date.now() + budgetMs;
      while (await this.batch(send)) if (Date.now() > until) return false;
      return true;
    })();
    this.inFlight = run;
    return run.finally(() => {
      if (this.inFlight === run) this.inFlight = null;
    });
  }

  /** One batch of learners after the cursor; false when there were none left. */
  private async batch(send: SendRows): Promise<boolean> {
    const { sql, kv } = this.storage;
    const cursor = kv.get<string>(CURSOR) ?? '';
    const resets = this.resets;
    const learners = sql
      .exec<{ learner: string }>(`SELECT DISTINCT learner FROM attempts WHERE learner > ? ORDER BY learner LIMIT ?`, cursor, MOVE_BATCH)
      .toArray()
      .map((r) => r.learner);
    if (!learners.length) {
      kv.put(DONE, 1);
      kv.delete(CURSOR);
      return false;
    }
    const byShard = new Map<string, Array<{ learner: string; rows: ReturnType<typeof ledgerRowsOf> }>>();
    for (const learner of learners.filter((l) => this.foreign(l))) {
      const home = this.home(learner);
      byShard.set(home, [...(byShard.get(home) ?? []), { learner, rows: ledgerRowsOf(sql, learner) }]);
    }
    const sent = await Promise.allSettled(
      [...byShard].map(
        async ([home, moving]) => (
          await send(
            home,
            moving.flatMap((m) => m.rows.map((r) => r.row)),
          ),
          moving
        ),
      ),
    );
    // Only rows a shard has taken leave shard 0, with their aggregates, in one transaction.
    this.storage.transactionSync(() => {
      for (const s of sent)
        if (s.status === 'fulfilled')
          for (const m of s.value)
            this.forget(
              m.learner,
              m.rows.map((r) => r.seq),
            );
    });
    const failed = sent.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    // A late row of another shard's learner reset the cursor meanwhile: keep that, so the batch is looked at again.
    if (this.resets === resets) kv.put(CURSOR, learners[learners.length - 1]!);
    return true;
  }

  /** Removes the sent attempts that are still here (an erase may have taken them meanwhile). */
  private forget(learner: string, seqs: number[]): void {
    const here = seqs.filter((seq) => this.storage.sql.exec(`SELECT 1 FROM attempts WHERE seq = ?`, seq).toArray().length > 0);
    if (here.length) removeAttempts(this.storage.sql, learner, here, () => deleteAttempts(this.storage.sql, here));
  }
}
