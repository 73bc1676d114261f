/** The first retry of a failed KV write (an outage, or KV's limit of one write per second per key). */
export const RETRY_MS = 2_000;
/** Retries double from RETRY_MS up to this, and go on at this pace for as long as KV keeps failing. */
export const RETRY_MAX_MS = 60_000;
/**
 * The alarm every change sets in its own transaction: the safety net for a crash between the commit and the
 * KV write. The flush right after the change normally beats it and clears it.
 */
export const SAFETY_NET_MS = RETRY_MS;

/**
 * How long to wait before try number `tries + 1`: 2 s, 4 s, 8 s … capped at a minute, each shortened by up
 * to a quarter at random, so that many keys (or objects) failing together do not retry in step.
 */
export function retryDelay(tries: number, random = Math.random()): number {
  const base = Math.min(RETRY_MAX_MS, RETRY_MS * 2 ** Math.min(tries, 16));
  return Math.round(base * (1 - random / 4));
}

/**
 * The KV keys learners read (published copies, the published list) follow the registry's SQL state through
 * an outbox (`kv_sync`). A change marks its keys, and sets the object's alarm, in the same transaction as the
 * change; `flush` then writes each marked key with the value the SQL state has *at the time of writing*, one
 * flush after another. So an older publish can never land after a newer one; a crash between the SQL commit
 * and the KV write leaves the alarm behind, which wakes the object by itself to catch up; and a failed write
 * is retried by the alarm with backoff, never given up.
 */
export class KvSync {
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly storage: DurableObjectStorage,
    private readonly kv: KVNamespace,
    /** The value a key must have now (JSON), or null when it must not exist. */
    private readonly valueOf: (key: string) => string | null,
    /** Keys written after all others in one flush (the list, so that what it lists is already playable). */
    private readonly last: string,
    /** When the object's other jobs (media deletes) need the alarm they share with this outbox, or null. */
    private readonly otherDue: () => number | null = () => null,
  ) {}

  /**
   * Marks a key to be written from the current state, and arms the alarm: call it inside the transaction of
   * the change (`transactionSync`), so that the change, the mark and the alarm commit or roll back together.
   */
  mark(key: string) {
    const now = Date.now();
    this.storage.sql.exec(
      `INSERT INTO kv_sync (key, seq, synced_seq, due, tries, mark_no)
       VALUES (?, 1, 0, ?, 0, (SELECT COALESCE(MAX(mark_no), 0) + 1 FROM kv_sync))
       ON CONFLICT(key) DO UPDATE SET seq = seq + 1, due = excluded.due, tries = 0, mark_no = excluded.mark_no`,
      key,
      now,
    );
    // In a SQLite-backed object the alarm is a row of the same database, written in the open transaction
    // (the promise only reports that write; it is not an outside call to wait for).
    void this.storage.setAlarm(now + SAFETY_NET_MS);
  }

  /**
   * Writes every marked key that is due (`all`: every marked key, as the alarm does: it fires when the earliest
   * one is due, and the others may as well go along); resolves when done. A failure is left to the alarm,
   * never thrown.
   */
  flush(all = false): Promise<void> {
    const run = this.chain.then(() => this.flushOnce(all ? Infinity : Date.now()));
    this.chain = run.catch(() => {});
    return run;
  }

  /** Keys not yet written to KV (for tests and the decision record's "how far behind"). */
  pending(): string[] {
    return this.storage.sql
      .exec<{ key: string }>('SELECT key FROM kv_sync WHERE seq > synced_seq ORDER BY key')
      .toArray()
      .map((r) => r.key);
  }

  private async flushOnce(dueBy: number) {
    const sql = this.storage.sql;
    const marked = sql
      .exec<{ key: string }>('SELECT key FROM kv_sync WHERE seq > synced_seq AND due <= ? ORDER BY key = ?, key', dueBy, this.last)
      .toArray();
    for (const { key } of marked) {
      // The sequence number, the latest mark and the value are read together (no await between), so a change
      // made while this write is on its way leaves the key marked for the next flush.
      const seq = sql.exec<{ seq: number }>('SELECT seq FROM kv_sync WHERE key = ?', key).one().seq;
      const upTo = sql.exec<{ n: number }>('SELECT MAX(mark_no) AS n FROM kv_sync').one().n;
      const value = this.valueOf(key);
      try {
        if (value === null) await this.kv.delete(key);
        else await this.kv.put(key, value);
        sql.exec('UPDATE kv_sync SET synced_seq = ?, synced_mark_no = ?, tries = 0 WHERE key = ?', seq, upTo, key);
      } catch (err) {
        const tries = sql.exec<{ tries: number }>('SELECT tries FROM kv_sync WHERE key = ?', key).one().tries;
        const delay = retryDelay(tries);
        console.error(`set registry: KV write of ${key} failed (try ${tries + 1}), retrying in ${delay} ms`, err);
        sql.exec('UPDATE kv_sync SET due = ?, tries = tries + 1 WHERE key = ?', Date.now() + delay, key);
      }
    }
    await this.rearm();
  }

  /**
   * Arms the one alarm of the object for the earliest job still owed: a KV key, or the other jobs' next need
   * (media deletes, uploads' expiry); clears it only when nothing is owed. Every job re-arms through here.
   */
  rearm(): Promise<void> {
    // Read and acted on with no await between, so no change can slip in after the read: whichever job re-arms
    // last reads the state every job has written.
    const owed = this.storage.sql.exec<{ due: number | null }>('SELECT min(due) AS due FROM kv_sync WHERE seq > synced_seq').one().due;
    const other = this.otherDue();
    const next = owed === null ? other : other === null ? owed : Math.min(owed, other);
    return next === null ? this.storage.deleteAlarm() : this.storage.setAlarm(Math.max(next, Date.now() + 10));
  }
}
