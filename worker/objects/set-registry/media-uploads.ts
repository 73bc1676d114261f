import type { MediaGc } from './media-gc.ts';

/**
 * How long a file an import stored may wait for a version to use it: "check before saving" stores the files so
 * that the check can show them, and the instructor may read the check for a while before saving.
 */
export const UPLOAD_GRACE_MS = 24 * 60 * 60 * 1000;

/**
 * Files stored by an import that no saved version has taken (docs/decisions/0015): "check before saving" stores
 * them to show them, and a save can fail after its files are stored. `record` notes each hash with the time it
 * was stored, before the bytes go to R2; a version that uses the hash takes it over (`insertVersion` drops the
 * row); `expire` hands every hash stored more than UPLOAD_GRACE_MS ago that no version uses to the media
 * collector, which deletes it from R2 after the same re-check as a deleted set's files. Until then the
 * collector counts a recorded upload as used, so deleting another set that shows the same file keeps it.
 */
export class MediaUploads {
  private readonly ctx: DurableObjectState;
  private readonly gc: MediaGc;

  /** Re-arms the object's one alarm from every job's state (KvSync.rearm). */
  private readonly rearm: () => Promise<void>;

  constructor(ctx: DurableObjectState, gc: MediaGc, rearm: () => Promise<void>) {
    this.ctx = ctx;
    this.gc = gc;
    this.rearm = rearm;
  }

  private get sql() {
    return this.ctx.storage.sql;
  }

  /**
   * Notes hashes an import is about to store (a hash stored again starts its day again) and arms the alarm for
   * when they expire. A delete already queued for one of them is dropped: it is wanted again.
   */
  async record(hashes: readonly string[], now = Date.now()): Promise<void> {
    if (!hashes.length) return;
    this.ctx.storage.transactionSync(() => {
      for (const hash of hashes) {
        this.sql.exec(
          `INSERT INTO media_uploads (hash, uploaded_at) VALUES (?, ?)
           ON CONFLICT(hash) DO UPDATE SET uploaded_at = MAX(uploaded_at, excluded.uploaded_at)`,
          hash,
          now,
        );
        this.sql.exec('DELETE FROM media_gc WHERE hash = ?', hash);
      }
    });
    await this.rearm();
  }

  /**
   * Gives up every upload stored at or before `now - UPLOAD_GRACE_MS`: its row goes, and its R2 object too
   * unless a version uses it (the collector checks again right before each delete). `now` is a parameter so
   * that tests can move the clock instead of waiting a day. Answers the hashes handed to the collector.
   */
  async expire(now = Date.now()): Promise<string[]> {
    const queued = this.ctx.storage.transactionSync(() => {
      const old = this.sql
        .exec<{ hash: string }>('SELECT hash FROM media_uploads WHERE uploaded_at <= ? ORDER BY hash', now - UPLOAD_GRACE_MS)
        .toArray()
        .map((r) => r.hash);
      for (const hash of old) this.sql.exec('DELETE FROM media_uploads WHERE hash = ?', hash);
      const unused = old.filter((hash) => !this.sql.exec('SELECT 1 FROM version_media WHERE hash = ? LIMIT 1', hash).toArray().length);
      this.gc.queue(unused);
      return unused;
    });
    await this.gc.flush();
    return queued;
  }

  /** When the oldest upload expires (the alarm must run then), or null when none is waiting. */
  nextDue(): number | null {
    const { at } = this.sql.exec<{ at: number | null }>('SELECT MIN(uploaded_at) AS at FROM media_uploads').one();
    return at === null ? null : at + UPLOAD_GRACE_MS;
  }

  /** The uploads waiting for a version, by hash (tests). */
  pending(): string[] {
    return this.sql
      .exec<{ hash: string }>('SELECT hash FROM media_uploads ORDER BY hash')
      .toArray()
      .map((r) => r.hash);
  }
}
