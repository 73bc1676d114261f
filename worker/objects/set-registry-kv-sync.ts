/** A failed KV write (an outage, or KV's limit of one write per second per key) is tried again this much later. */
export const RETRY_MS = 2_000;

/**
 * The KV keys learners read (published copies, the published list) follow the registry's SQL state through
 * an outbox (`kv_sync`). A change marks its keys in the same transaction as the change; `flush` then writes
 * each marked key with the value the SQL state has *at the time of writing*, one flush after another. So an
 * older publish can never land after a newer one, a crash between the SQL commit and the KV write is caught
 * up by the next flush, and a failed write is retried by the object's alarm.
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
  ) {}

  /** Marks a key to be written from the current state; call it inside the transaction of the change. */
  mark(key: string) {
    this.storage.sql.exec(
      `INSERT INTO kv_sync (key, seq, synced_seq, due) VALUES (?, 1, 0, ?)
       ON CONFLICT(key) DO UPDATE SET seq = seq + 1, due = excluded.due`,
      key,
      Date.now(),
    );
  }

  /**
   * Writes every marked key that is due (`retry`: every marked key, as the alarm does); resolves when done.
   * A failure is left to the alarm, never thrown.
   */
  flush(retry = false): Promise<void> {
    const run = this.chain.then(() => this.flushOnce(retry ? Infinity : Date.now()));
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
      // The sequence number and the value are read together (no await between), so a change made while
      // this write is on its way leaves the key marked for the next flush.
      const seq = sql.exec<{ seq: number }>('SELECT seq FROM kv_sync WHERE key = ?', key).one().seq;
      const value = this.valueOf(key);
      try {
        if (value === null) await this.kv.delete(key);
        else await this.kv.put(key, value);
        sql.exec('UPDATE kv_sync SET synced_seq = ? WHERE key = ?', seq, key);
      } catch (err) {
        console.error(`set registry: KV write of ${key} failed, retrying in ${RETRY_MS} ms`, err);
        sql.exec('UPDATE kv_sync SET due = ? WHERE key = ?', Date.now() + RETRY_MS, key);
      }
    }
    const next = sql.exec<{ due: number | null }>('SELECT min(due) AS due FROM kv_sync WHERE seq > synced_seq').one().due;
    if (next !== null) {
      const current = await this.storage.getAlarm();
      if (current === null || current > next) await this.storage.setAlarm(Math.max(next, Date.now() + 10));
    }
  }
}
