import { DurableObject } from 'cloudflare:workers';
import type { QuestionSet } from '../../../core/sets/schema.ts';
import { acceptIntoSet, type Acceptance } from '../../../core/stats/accept-answer.ts';
import { keys } from '../../stores/keys.ts';
import { newSetId, type AcceptResult, type SetSummary, type SetVersion } from '../../stores/set-store.ts';
import { PUBLISHED_LIST_KEY } from '../../stores/set-store-published.ts';
import { KvSync } from './kv-sync.ts';
import { MediaGc } from './media-gc.ts';
import { MediaUploads } from './media-uploads.ts';
import { readLegacySets } from './migrate.ts';
import { insertVersion, liveSet, readVersion, SCHEMA, summaries, upgradeSchema, type CopyKeys } from './schema.ts';

const PUBLISHED_PREFIX = keys.setPublished('');
const COPY_KEYS: CopyKeys = { copyPrefix: PUBLISHED_PREFIX, listKey: PUBLISHED_LIST_KEY };
type SetRow = NonNullable<ReturnType<typeof liveSet>>;

/** What a publish or unpublish answers: the instructor's row and the copy learners now get. */
export interface PublishResult {
  summary: SetSummary;
  copy: SetVersion | null;
}

/**
 * The system of record for instructors' question sets: every set, every version, the publish state, in
 * SQLite (docs/decisions/0002-instructor-sets.md). One object per course. Each RPC method changes SQL in one
 * synchronous transaction, so concurrent calls cannot interleave inside it; the KV copies that learners
 * read follow through `KvSync`.
 */
export class SetRegistry extends DurableObject<Env> {
  private readonly sql: SqlStorage;
  private readonly kvSync: KvSync;
  private readonly mediaGc: MediaGc;
  private readonly uploads: MediaUploads;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    const rearm = () => this.kvSync.rearm();
    this.mediaGc = new MediaGc(ctx, env.MEDIA, rearm);
    this.uploads = new MediaUploads(ctx, this.mediaGc, rearm);
    // The outbox, the media deletes and the uploads' expiry share the one alarm: the outbox re-arms it last.
    this.kvSync = new KvSync(
      ctx.storage,
      env.SETS,
      (key) => this.kvValue(key),
      PUBLISHED_LIST_KEY,
      () => this.mediaDue(),
    );
    // No request is delivered before the schema exists and the old KV layout has been carried over, so
    // concurrent first uses migrate once.
    void ctx.blockConcurrencyWhile(async () => {
      this.sql.exec(SCHEMA);
      upgradeSchema(this.sql);
      await this.migrateOnce();
      // A crash between a commit and its KV write is caught up before anything else happens.
      if (this.kvSync.pending().length) await this.kvSync.flush();
      // Media a delete left queued (a crash, or R2 failed) go at the alarm, right away; uploads when they expire.
      if (this.mediaGc.pending().length) await ctx.storage.setAlarm(Date.now());
      else await this.kvSync.rearm();
    });
  }

  /** Every live set with its latest version's title, drafts included, and whether its learner copy is owed. */
  list(): SetSummary[] {
    return summaries(this.sql, 'latest', COPY_KEYS);
  }

  /** Published sets with their published version's title (what learners list). */
  listPublished(): SetSummary[] {
    return summaries(this.sql, 'published', null);
  }

  latest(id: string): SetVersion | null {
    const row = liveSet(this.sql, id);
    return row ? readVersion(this.sql, id, row.latest_version) : null;
  }

  version(id: string, version: number): SetVersion | null {
    return liveSet(this.sql, id) ? readVersion(this.sql, id, version) : null;
  }

  create(set: QuestionSet, source: SetVersion['source']): SetVersion {
    return this.ctx.storage.transactionSync(() => {
      let id = newSetId();
      // Deleted sets keep their row, so a new set never takes an old id (or its attempts).
      while (this.sql.exec('SELECT 1 FROM sets WHERE id = ?', id).toArray().length) id = newSetId();
      const v: SetVersion = { id, version: 1, createdAt: new Date().toISOString(), set, source };
      this.sql.exec(
        'INSERT INTO sets (id, created_at, updated_at, latest_version, max_version) VALUES (?, ?, ?, 1, 1)',
        id,
        v.createdAt,
        v.createdAt,
      );
      insertVersion(this.sql, v);
      return v;
    });
  }

  replace(id: string, set: QuestionSet, source: SetVersion['source']): SetVersion | null {
    return this.ctx.storage.transactionSync(() => {
      const row = liveSet(this.sql, id);
      return row ? this.insertNext(id, row, set, source) : null;
    });
  }

  /**
   * Accepts a typed answer into a new version made from `expectedVersion` (the version the instructor looked
   * at) and publishes it if that version was live, in one transaction: a set changed meanwhile is a conflict
   * and nothing is stored, so no concurrent edit is lost and nothing is published by mistake.
   */
  async acceptAnswer(id: string, expectedVersion: number, change: Acceptance): Promise<AcceptResult> {
    const result = this.ctx.storage.transactionSync((): AcceptResult => {
      const row = liveSet(this.sql, id);
      if (!row) return { status: 'notFound' };
      if (row.latest_version !== expectedVersion) return { status: 'conflict', latestVersion: row.latest_version };
      const accepted = acceptIntoSet(readVersion(this.sql, id, expectedVersion)!.set, change);
      if (!accepted.ok) return { status: 'refused', reason: accepted.reason };
      // The editor shows a version's source: the new version's source is the set as JSON (it imports back).
      const v = this.insertNext(id, row, accepted.set, { format: 'json', text: JSON.stringify(accepted.set, null, 2) });
      // A set whose looked-at version was live stays live with the accepted answer; a draft stays a draft.
      const publish = row.published_version === expectedVersion;
      if (publish) this.markPublished(id, v.version);
      return {
        status: 'accepted',
        version: v,
        text: accepted.text,
        published: publish,
        publishedVersion: publish ? v.version : row.published_version,
      };
    });
    if (result.status === 'accepted' && result.published) await this.kvSync.flush();
    return result;
  }

  /**
   * Deletes the versions and the publish state together; the KV copy goes in the same call, and so do the media
   * no remaining version of any set uses (queued in the same transaction, deleted from R2 after it).
   */
  async remove(id: string): Promise<boolean> {
    const removed = this.ctx.storage.transactionSync(() => {
      const row = liveSet(this.sql, id);
      if (!row) return false;
      this.sql.exec('DELETE FROM versions WHERE set_id = ?', id);
      this.mediaGc.release(id);
      this.sql.exec('UPDATE sets SET deleted_at = ?, published_version = NULL WHERE id = ?', new Date().toISOString(), id);
      this.kvSync.mark(keys.setPublished(id));
      if (row.published_version !== null) this.kvSync.mark(PUBLISHED_LIST_KEY);
      return true;
    });
    if (removed) {
      await this.kvSync.flush();
      await this.mediaGc.flush();
    }
    return removed;
  }

  /** Publishes the latest version; answers once the learners' copy is written (or its retry is scheduled). */
  publish(id: string): Promise<PublishResult | null> {
    return this.setPublished(id, 'latest');
  }

  unpublish(id: string): Promise<PublishResult | null> {
    return this.setPublished(id, null);
  }

  /**
   * Deletes expired uploads and queued media, and writes what a crash or a failed KV write left owed (armed by
   * every change, re-armed with backoff); the outbox's flush comes last and re-arms the alarm for every job.
   */
  override async alarm() {
    await this.uploads.expire();
    await this.mediaGc.flush();
    await this.kvSync.flush(true);
  }

  /**
   * Notes the media an import is about to store in R2 (before it stores them): a file no version takes within
   * a day is deleted (media-uploads.ts, docs/decisions/0015).
   */
  recordUploads(hashes: string[]): Promise<void> {
    return this.uploads.record(hashes);
  }

  /** What the alarm does with uploads, at a given time (tests move the clock by a day instead of waiting one). */
  expireUploads(now: number): Promise<string[]> {
    return this.uploads.expire(now);
  }

  /** Uploads no version has taken yet (tests). */
  pendingUploads(): string[] {
    return this.uploads.pending();
  }

  /** Media hashes queued for deletion from R2 (tests). */
  pendingMediaDeletes(): string[] {
    return this.mediaGc.pending();
  }

  /** KV keys not yet written (they follow within a flush, or a retry if KV failed). */
  pendingKvWrites(): string[] {
    return this.kvSync.pending();
  }

  private async setPublished(id: string, to: 'latest' | null): Promise<PublishResult | null> {
    const changed = this.ctx.storage.transactionSync(() => {
      const row = liveSet(this.sql, id);
      if (!row) return false;
      this.markPublished(id, to === 'latest' ? row.latest_version : null);
      return true;
    });
    if (!changed) return null;
    await this.kvSync.flush();
    const summary = summaries(this.sql, 'latest', COPY_KEYS, id)[0]!;
    const copy = summary.publishedVersion === null ? null : readVersion(this.sql, id, summary.publishedVersion);
    return { summary, copy };
  }

  /** When the media jobs next need the alarm: a queued (or retried) delete, or the oldest upload's expiry. */
  private mediaDue(): number | null {
    const dues = [this.mediaGc.nextDue(), this.uploads.nextDue()].filter((d): d is number => d !== null);
    return dues.length ? Math.min(...dues) : null;
  }

  /** The next version of a set; call inside a transaction. */
  private insertNext(id: string, row: SetRow, set: QuestionSet, source: SetVersion['source']): SetVersion {
    const v: SetVersion = { id, version: row.max_version + 1, createdAt: new Date().toISOString(), set, source };
    insertVersion(this.sql, v);
    this.sql.exec(
      'UPDATE sets SET latest_version = ?, max_version = ?, updated_at = ? WHERE id = ?',
      v.version,
      v.version,
      v.createdAt,
      id,
    );
    return v;
  }

  /** Records what learners get of a set and marks their KV copies (and the alarm); call inside a transaction. */
  private markPublished(id: string, version: number | null) {
    this.sql.exec('UPDATE sets SET published_version = ? WHERE id = ?', version, id);
    this.kvSync.mark(keys.setPublished(id));
    this.kvSync.mark(PUBLISHED_LIST_KEY);
  }

  /** What a learner-facing KV key must hold now: a published copy, or the list of published sets. */
  private kvValue(key: string): string | null {
    if (key === PUBLISHED_LIST_KEY) return JSON.stringify(this.listPublished());
    const id = key.slice(PUBLISHED_PREFIX.length);
    const row = liveSet(this.sql, id);
    const copy = row?.published_version ? readVersion(this.sql, id, row.published_version) : null;
    return copy ? JSON.stringify(copy) : null;
  }

  /** Carries the old KV layout in once (docs/decisions/0002); all in one transaction, flagged in `meta`. */
  private async migrateOnce() {
    if (this.sql.exec("SELECT 1 FROM meta WHERE key = 'migrated'").toArray().length) return;
    const legacy = await readLegacySets(this.env.SETS);
    this.ctx.storage.transactionSync(() => {
      for (const s of legacy) {
        this.sql.exec(
          `INSERT OR IGNORE INTO sets (id, created_at, updated_at, latest_version, max_version, published_version)
           VALUES (?, ?, ?, ?, ?, ?)`,
          s.id,
          s.createdAt,
          s.updatedAt,
          s.versions.at(-1)!.version,
          s.maxVersion,
          s.publishedVersion,
        );
        for (const v of s.versions) insertVersion(this.sql, v);
      }
      // The learners' list did not exist in the old layout; the published copies already do.
      this.kvSync.mark(PUBLISHED_LIST_KEY);
      this.sql.exec(
        "INSERT INTO meta (key, value) VALUES ('migrated', ?)",
        JSON.stringify({ at: new Date().toISOString(), sets: legacy.length, versions: legacy.reduce((n, s) => n + s.versions.length, 0) }),
      );
    });
    await this.kvSync.flush();
  }
}
