// Submits to one results ledger, coalesced per isolate (docs/decisions/0014-results-aggregates.md): while a
// record call to a ledger is in flight, the submits for it that arrive wait for it to end, then go together in
// one `recordMany` (one RPC, one transaction, one set of aggregate upserts). An idle ledger is called at once,
// so nothing waits that would not have waited anyway. Each submit keeps its own outcome, and its own timeout and
// parking (worker/stores/results-store-do.ts): a failed batch fails each of its submits, which each park.
import type { LedgerRow, RecordOutcome } from '../objects/results-ledger/schema.ts';

/** The calls of one ledger a batch needs (made on a stub of the request that sends the batch). */
export interface RecordCalls {
  record(row: LedgerRow): Promise<RecordOutcome>;
  recordMany(rows: LedgerRow[]): Promise<RecordOutcome[]>;
}

/** Rows per batch at most: a bound on one transaction (and one RPC's size) however many submits queue. */
export const BATCH_MAX = 32;
/**
 * A call in flight for longer than this no longer holds submits back (its request may have been cancelled
 * and never end it): the next submit goes on its own. Longer than any healthy call, shorter than a timeout.
 */
export const STALE_MS = 1_000;

interface Waiting {
  row: LedgerRow;
  /** Hands this submit the batch to send, in its own request (a stub belongs to the request that made it). */
  go: (batch: Waiting[]) => void;
  settle: (outcome: { ok: RecordOutcome } | { error: unknown }) => void;
}

/** Per ledger name: since when a call is in flight, and the submits waiting for it to end. */
const lanes = new Map<string, { since: number; waiting: Waiting[] }>();

/** Sends a batch (this submit's own, or the queue it was handed) and settles each submit of it. */
async function send(name: string, batch: Waiting[], calls: () => RecordCalls): Promise<void> {
  // The lane stays while calls follow each other: submits queued behind this batch keep their place.
  let lane = lanes.get(name);
  if (lane) lane.since = Date.now();
  else lanes.set(name, (lane = { since: Date.now(), waiting: [] }));
  try {
    const ledger = calls();
    const outcomes = batch.length === 1 ? [await ledger.record(batch[0]!.row)] : await ledger.recordMany(batch.map((w) => w.row));
    batch.forEach((w, i) => w.settle(outcomes[i] ? { ok: outcomes[i] } : { error: new Error('results ledger: no outcome') }));
  } catch (error) {
    for (const w of batch) w.settle({ error });
  } finally {
    if (lanes.get(name) === lane) {
      // The first waiting submit sends the next batch; whoever came after the cap waits for that one.
      const next = lane.waiting.splice(0, BATCH_MAX);
      if (next.length) next[0]!.go(next);
      else lanes.delete(name);
    }
  }
}

/**
 * Records one row through the ledger of that name: alone when no call to it is in flight, else with the rows
 * that wait with it. Rejects after `timeoutMs` (a submit still waiting then leaves the queue, so no batch is
 * handed to a request that has moved on), or when its call fails; the caller parks the row then.
 */
export function recordCoalesced(name: string, row: LedgerRow, calls: () => RecordCalls, timeoutMs: number): Promise<RecordOutcome> {
  return new Promise<RecordOutcome>((resolve, reject) => {
    let handed!: (batch: Waiting[]) => void;
    const turn = new Promise<Waiting[]>((r) => (handed = r));
    const me: Waiting = {
      row,
      go: (batch) => handed(batch),
      settle: (s) => {
        clearTimeout(timer);
        if ('error' in s) reject(s.error);
        else resolve(s.ok);
      },
    };
    const timer = setTimeout(() => {
      const lane = lanes.get(name);
      const at = lane?.waiting.indexOf(me) ?? -1;
      if (at >= 0) lane!.waiting.splice(at, 1);
      reject(new Error(`results ledger: no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    const lane = lanes.get(name);
    if (!lane || Date.now() - lane.since > STALE_MS) void send(name, [me], calls);
    else {
      lane.waiting.push(me);
      // Awaited here, in this submit's request: the batch it may be handed is sent from this request.
      void turn.then((batch) => send(name, batch, calls));
    }
  });
}
