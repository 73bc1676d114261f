import { mediaKey } from '../../stores/media-store.ts';

/** How long a failed R2 delete waits before the alarm tries again (doubling per try, at most an hour). */
const RETRY_MS = 30_000;

/**
 * The media half of deleting a set (docs/decisions/0015): inside the delete's transaction, `release` removes
 * the set's rows from `version_media` and queues every hash no other version uses; after the commit, `flush`
 * deletes their R2 objects. It runs with the object's input closed (blockConcurrencyWhile), so no create can
 * start using a hash between the check that nothing uses it and the delete; a failed delete stays queued and
 * the alarm retries it. "Used" means a version shows it, or an import stored it and no version has taken it
 * yet (`media_uploads`: those go a day later, media-uploads.ts).
 */
export class MediaGc {
  private readonly ctx: DurableObjectState;
  // Not readonly: the workerd tests swap in a bucket whose deletes fail.
  private bucket: R2Bucket;

  /** Re-arms the object's one alarm from every job's state (KvSync.rearm). */
  private readonly rearm: () => Promise<void>;

  constructor(ctx: DurableObjectState, bucket: R2Bucket, rearm: () => Promise<void>) {
    this.ctx = ctx;
    this.bucket = bucket;
    this.rearm = rearm;
  }

  private get sql() {
    return this.ctx.storage.sql;
  }

  /** Drops a set's media rows and queues the hashes nothing uses any more; call inside the delete's transaction. */
  release(setId: string) {
    const hashes = this.sql
      .exec<{ hash: string }>('SELECT DISTINCT hash FROM version_media WHERE set_id = ?', setId)
      .toArray()
      .map((r) => r.hash);
    this.sql.exec('DELETE FROM version_media WHERE set_id = ?', setId);
    this.queue(hashes);
  }

  /** Queues hashes (nothing may use them) for the next flush; call inside a transaction. */
  queue(hashes: readonly string[]) {
    for (const hash of hashes) if (!this.used(hash)) this.sql.exec('INSERT OR IGNORE INTO media_gc (hash, tries) VALUES (?, 0)', hash);
  }

  /** When the alarm is next needed for a queued delete (a failed one waits its backoff), or null. */
  nextDue(): number | null {
    // A delete queued but not yet tried has no due time: it is due now (the flush after the commit, or the alarm).
    return this.sql.exec<{ due: number | null }>('SELECT MIN(COALESCE(due, 0)) AS due FROM media_gc').one().due;
  }

  /** Hashes queued for deletion (tests, and the alarm). */
  pending(): string[] {
    return this.sql
      .exec<{ hash: string }>('SELECT hash FROM media_gc ORDER BY hash')
      .toArray()
      .map((r) => r.hash);
  }

  /** Deletes the queued objects nothing uses; a failure stays queued with an alarm to retry. */
  async flush(): Promise<void> {
    if (!this.pending().length) return;
    await this.ctx.blockConcurrencyWhile(async () => {
      let retry = Infinity;
      for (const hash of this.pending()) {
        if (this.used(hash)) {
          this.sql.exec('DELETE FROM media_gc WHERE hash = ?', hash);
          continue;
        }
        try {
          await this.bucket.delete(mediaKey(hash));
          this.sql.exec('DELETE FROM media_gc WHERE hash = ?', hash);
        } catch (e) {
          console.warn(`media ${hash}: R2 delete failed, retried by the alarm`, e);
          this.sql.exec('UPDATE media_gc SET tries = tries + 1 WHERE hash = ?', hash);
          const { tries } = this.sql.exec<{ tries: number }>('SELECT tries FROM media_gc WHERE hash = ?', hash).one();
          const due = Date.now() + Math.min(RETRY_MS * 2 ** (tries - 1), 3_600_000);
          this.sql.exec('UPDATE media_gc SET due = ? WHERE hash = ?', due, hash);
          retry = Math.min(retry, due);
        }
      }
      if (retry < Infinity) await this.rearm();
    });
  }

  /** A version shows it, or an import stored it for a version not yet saved (media-uploads.ts). */
  private used(hash: string) {
    return (
      this.sql.exec('SELECT 1 FROM version_media WHERE hash = ? LIMIT 1', hash).toArray().length > 0 ||
      this.sql.exec('SELECT 1 FROM media_uploads WHERE hash = ?', hash).toArray().length > 0
    );
  }
}
