import { mediaOf } from '../../../core/sets/media.ts';
import type { SetSummary, SetVersion } from '../../stores/set-store.ts';

/**
 * The SetRegistry's tables. One object holds a whole course, so a list and a create are one transaction.
 * - `sets` keeps a row after a delete (`deleted_at`), so an id and its version numbers are never reused;
 *   `max_version` is the highest number ever given (above `latest_version` only if the old KV store lost
 *   the newest versions), and the next version is `max_version + 1`.
 * - `versions` keeps every version; the list's columns are copied out of the body so that listing never
 *   parses whole sets.
 * - `kv_sync` is the outbox of KV keys that must follow the SQL state (the learners' copies): a key is owed
 *   while `seq > synced_seq`; `tries` counts its failed writes since it was last written (the retry's
 *   backoff); `mark_no` numbers the marks of all keys in order, and `synced_mark_no` is the highest mark
 *   number the key's last written value already reflected (so a set can tell whether the learners' list
 *   written last includes its own latest change).
 * - `version_media` lists the media (R2 `media/{sha256}`) each version uses: a hash with no row is used by
 *   nothing; `media_gc` is the outbox of hashes whose R2 objects are to be deleted, `due` when the next try
 *   is (docs/decisions/0015).
 * - `media_uploads` lists the files an import stored that no saved version has taken yet ("check before
 *   saving", or a save that failed), with when they were last stored: the alarm deletes them once they are
 *   older than a day and still unused (media-uploads.ts).
 * - `meta` records the one-time migration from the old KV layout.
 */
export const SCHEMA = `
CREATE TABLE IF NOT EXISTS sets (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  latest_version INTEGER NOT NULL,
  max_version INTEGER NOT NULL,
  published_version INTEGER,
  deleted_at TEXT
) STRICT;
CREATE TABLE IF NOT EXISTS versions (
  set_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  title TEXT NOT NULL,
  languages TEXT NOT NULL,
  lesson TEXT,
  question_count INTEGER NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (set_id, version)
) STRICT, WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS kv_sync (
  key TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  synced_seq INTEGER NOT NULL,
  due INTEGER NOT NULL,
  tries INTEGER NOT NULL DEFAULT 0,
  mark_no INTEGER NOT NULL DEFAULT 0,
  synced_mark_no INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE TABLE IF NOT EXISTS version_media (
  set_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  hash TEXT NOT NULL,
  PRIMARY KEY (set_id, version, hash)
) STRICT, WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS version_media_hash ON version_media (hash);
CREATE TABLE IF NOT EXISTS media_gc (
  hash TEXT PRIMARY KEY,
  tries INTEGER NOT NULL DEFAULT 0,
  due INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE TABLE IF NOT EXISTS media_uploads (
  hash TEXT PRIMARY KEY,
  uploaded_at INTEGER NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS media_uploads_at ON media_uploads (uploaded_at);
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
`;

/** Integer columns added after their table first shipped (all `NOT NULL DEFAULT 0`). */
const ADDED_COLUMNS = { kv_sync: ['tries', 'mark_no', 'synced_mark_no'], media_gc: ['due'] } as const;

/** Brings a registry created before a column existed up to SCHEMA (SQLite adds a column, never drops one). */
export function upgradeSchema(sql: SqlStorage) {
  for (const [table, added] of Object.entries(ADDED_COLUMNS)) {
    const columns = new Set(
      sql
        .exec<{ name: string }>(`SELECT name FROM pragma_table_info('${table}')`)
        .toArray()
        .map((c) => c.name),
    );
    for (const name of added) if (!columns.has(name)) sql.exec(`ALTER TABLE ${table} ADD COLUMN ${name} INTEGER NOT NULL DEFAULT 0`);
  }
}

/** A `sets` row joined with the list columns of one of its versions. */
type SummaryRow = {
  id: string;
  created_at: string;
  updated_at: string;
  latest_version: number;
  published_version: number | null;
  title: string;
  languages: string;
  lesson: string | null;
  question_count: number;
  copy_pending: number;
};

const SUMMARY_COLUMNS = `s.id, s.created_at, s.updated_at, s.latest_version, s.published_version,
  v.title, v.languages, v.lesson, v.question_count`;

/**
 * Whether a set's learner copy is owed to KV: its own key (`{copyPrefix}{id}`) is not yet written, or the
 * learners' list written last was read before the set's own latest change.
 */
const COPY_PENDING = `COALESCE((SELECT k.seq > k.synced_seq OR k.mark_no > COALESCE((SELECT l.synced_mark_no FROM kv_sync l WHERE l.key = ?), 0)
  FROM kv_sync k WHERE k.key = ? || s.id), 0) AS copy_pending`;

/** The outbox keys a summary's `learnerCopyPending` is read from. */
export interface CopyKeys {
  copyPrefix: string;
  listKey: string;
}

function toSummary(r: SummaryRow): SetSummary {
  return {
    id: r.id,
    title: JSON.parse(r.title) as Record<string, string>,
    languages: JSON.parse(r.languages) as string[],
    ...(r.lesson ? { lesson: r.lesson } : {}),
    latestVersion: r.latest_version,
    publishedVersion: r.published_version,
    questionCount: r.question_count,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    learnerCopyPending: r.copy_pending === 1,
  };
}

/**
 * The live sets, each with the list columns of its latest version (`latest`, with `learnerCopyPending` read
 * from the outbox by `keys`) or published one (learners' list: never pending, it is what is being written).
 */
export function summaries(sql: SqlStorage, of: 'latest' | 'published', keys: CopyKeys | null, id?: string): SetSummary[] {
  const join = of === 'latest' ? 's.latest_version' : 's.published_version';
  const rows = sql
    .exec<SummaryRow>(
      `SELECT ${SUMMARY_COLUMNS}, ${keys ? COPY_PENDING : '0 AS copy_pending'} FROM sets s
       JOIN versions v ON v.set_id = s.id AND v.version = ${join}
       WHERE s.deleted_at IS NULL ${id === undefined ? '' : 'AND s.id = ?'} ORDER BY s.created_at, s.id`,
      ...(keys ? [keys.listKey, keys.copyPrefix] : []),
      ...(id === undefined ? [] : [id]),
    )
    .toArray();
  return rows.map(toSummary);
}

/** One stored version, or null. */
export function readVersion(sql: SqlStorage, id: string, version: number): SetVersion | null {
  const row = sql
    .exec<{ created_at: string; body: string }>('SELECT created_at, body FROM versions WHERE set_id = ? AND version = ?', id, version)
    .toArray()[0];
  if (!row) return null;
  const body = JSON.parse(row.body) as Pick<SetVersion, 'set' | 'source'>;
  return { id, version, createdAt: row.created_at, set: body.set, source: body.source };
}

/** Stores one version (ignored if that number is already stored, which only the migration can meet). */
export function insertVersion(sql: SqlStorage, v: SetVersion) {
  sql.exec(
    `INSERT OR IGNORE INTO versions (set_id, version, created_at, title, languages, lesson, question_count, body)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    v.id,
    v.version,
    v.createdAt,
    JSON.stringify(v.set.title),
    JSON.stringify(v.set.languages),
    v.set.lesson ?? null,
    v.set.questions.length,
    JSON.stringify({ set: v.set, source: v.source }),
  );
  for (const hash of mediaOf(v.set)) {
    sql.exec('INSERT OR IGNORE INTO version_media (set_id, version, hash) VALUES (?, ?, ?)', v.id, v.version, hash);
    // Used again before its object was deleted: it stays. An upload a version takes is the version's now.
    sql.exec('DELETE FROM media_gc WHERE hash = ?', hash);
    sql.exec('DELETE FROM media_uploads WHERE hash = ?', hash);
  }
}

/** The `sets` row of a set that is not deleted. */
export function liveSet(sql: SqlStorage, id: string) {
  return sql
    .exec<{ latest_version: number; max_version: number; published_version: number | null }>(
      'SELECT latest_version, max_version, published_version FROM sets WHERE id = ? AND deleted_at IS NULL',
      id,
    )
    .toArray()[0];
}
