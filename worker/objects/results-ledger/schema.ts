// The results ledger's rows and SQL schema (docs/decisions/0003-results-ledger.md), apart from the object's
// methods so each file keeps one concern.
import type { StoredAnswer } from '../../../core/stats/aggregates.ts';

/** One graded attempt as the ledger stores it: the learner only as a pseudonymous key. */
export interface LedgerRow {
  attemptId: string;
  /** HMAC of the learner id for this quiz: tells a learner's attempts apart, names nobody. */
  learnerKey: string;
  version: string;
  kind: 'lesson' | 'final' | 'set';
  lang?: string | undefined;
  createdAt: string;
  questions: Array<{ id: string; type: string; score: number; response: unknown; normalized?: string[] | undefined }>;
  /**
   * A digest of what an idempotent submit sent (quiz version, language, seed, responses): a retry with the
   * same key must send the same, and the ledger is where the first one is remembered (docs/decisions/0008).
   */
  requestHash?: string | undefined;
}

/** What `record` answers: whether the row is new, and the stored row's time and request digest. */
export interface RecordOutcome {
  isNew: boolean;
  createdAt: string;
  requestHash: string | null;
}

/**
 * One of a learner's rows as the ledger holds it, for the export. Responses and typed answers stay the JSON
 * text they are stored as (a value of unknown shape cannot be typed across RPC); the caller parses them.
 */
export type LearnerLedgerRow = Omit<LedgerRow, 'learnerKey' | 'requestHash' | 'questions'> & {
  questions: Array<{ id: string; type: string; score: number; response: string | null; normalized: string | null }>;
};

export const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS attempts (
      seq INTEGER PRIMARY KEY,
      attempt_id TEXT NOT NULL UNIQUE,
      learner TEXT NOT NULL,
      version TEXT NOT NULL,
      kind TEXT NOT NULL,
      lang TEXT,
      created_at TEXT NOT NULL)`,
  // A learner's attempts in time order, ties by id: "is this the learner's first attempt" reads two entries.
  `CREATE INDEX IF NOT EXISTS attempts_by_learner_time ON attempts (learner, created_at, attempt_id)`,
  // Its prefix, from before; the index above serves every query it did.
  `DROP INDEX IF EXISTS attempts_by_learner`,
  `CREATE TABLE IF NOT EXISTS answers (
      seq INTEGER NOT NULL,
      question TEXT NOT NULL,
      type TEXT NOT NULL,
      score REAL NOT NULL,
      response TEXT,
      normalized TEXT,
      PRIMARY KEY (seq, question)) WITHOUT ROWID`,
];

/** Creates the tables, and adds the columns later versions need to a ledger made before them. */
export function migrate(sql: SqlStorage): void {
  for (const statement of SCHEMA) sql.exec(statement);
  const columns = sql.exec<{ name: string }>(`PRAGMA table_info(attempts)`).toArray();
  if (!columns.some((c) => c.name === 'request_hash')) sql.exec(`ALTER TABLE attempts ADD COLUMN request_hash TEXT`);
}

/** SQLite orders TEXT by its UTF-8 bytes, which is code point order; JS's `<` compares UTF-16 units. */
export function byCodePoint(a: string, b: string): number {
  for (let i = 0; i < a.length && i < b.length; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    // A surrogate (0xD800–0xDFFF) starts a code point above 0xFFFF: after every unit of the BMP.
    if (x >= 0xd800 && x < 0xe000) x += 0x10000;
    if (y >= 0xd800 && y < 0xe000) y += 0x10000;
    return x - y;
  }
  return a.length - b.length;
}

/** A new row's seq and its answers as stored (one per question, in question order): what its aggregates are made of. */
export interface InsertedRow {
  seq: number;
  answers: StoredAnswer[];
  /** The learner's first two attempts by time (then id), this one among them or not: is it now their first? */
  first: number;
  second: number | null;
}

// The learner's attempts in time order, by the index: read in the insert's own statement, which sees the new row.
const NTH_OF_LEARNER = `SELECT seq FROM attempts WHERE learner = ?2 ORDER BY created_at, attempt_id LIMIT 1 OFFSET`;

/** Answers bound per statement: 6 parameters each, and DO SQL binds at most 100. */
const ANSWERS_PER_INSERT = 16;

/**
 * Stores a row unless its attempt id is there already (then undefined). Its answers go in one statement, and
 * come back in the form they were stored in, in SQLite's question order, so the caller computes the attempt's
 * contribution from them instead of reading back what it just wrote.
 */
export function insertRow(sql: SqlStorage, row: LedgerRow): InsertedRow | undefined {
  const inserted = sql
    .exec<{ seq: number; first: number; second: number | null }>(
      `INSERT INTO attempts (attempt_id, learner, version, kind, lang, created_at, request_hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
       ON CONFLICT (attempt_id) DO NOTHING
       RETURNING seq, (${NTH_OF_LEARNER} 0) AS first, (${NTH_OF_LEARNER} 1) AS second`,
      row.attemptId,
      row.learnerKey,
      row.version,
      row.kind,
      row.lang ?? null,
      row.createdAt,
      row.requestHash ?? null,
    )
    .toArray()[0];
  if (!inserted) return undefined;
  const { seq } = inserted;
  // A question id given twice keeps its last answer, as one INSERT OR REPLACE after another did.
  const byId = new Map<string, StoredAnswer>();
  for (const q of row.questions)
    byId.set(q.id, {
      question: q.id,
      type: q.type,
      score: Math.min(1, Math.max(0, Number(q.score) || 0)),
      response: q.response === undefined ? null : JSON.stringify(q.response),
      normalized: q.normalized?.length ? JSON.stringify(q.normalized) : null,
    });
  const answers = [...byId.values()];
  for (let i = 0; i < answers.length; i += ANSWERS_PER_INSERT) {
    const chunk = answers.slice(i, i + ANSWERS_PER_INSERT);
    sql.exec(
      `INSERT OR REPLACE INTO answers (seq, question, type, score, response, normalized) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
      ...chunk.flatMap((a) => [seq, a.question, a.type, a.score, a.response, a.normalized]),
    );
  }
  return { ...inserted, answers: answers.sort((a, b) => byCodePoint(a.question, b.question)) };
}

/** A learner's rows, oldest first, with every answer as stored. */
export function rowsOfLearner(sql: SqlStorage, learnerKey: string): LearnerLedgerRow[] {
  const rows = new Map<number, LearnerLedgerRow>();
  const attempts = sql.exec<{ seq: number; attempt_id: string; version: string; kind: string; lang: string | null; created_at: string }>(
    `SELECT seq, attempt_id, version, kind, lang, created_at FROM attempts WHERE learner = ? ORDER BY created_at, attempt_id`,
    learnerKey,
  );
  for (const a of attempts)
    rows.set(a.seq, {
      attemptId: a.attempt_id,
      version: a.version,
      kind: a.kind as LedgerRow['kind'],
      ...(a.lang ? { lang: a.lang } : {}),
      createdAt: a.created_at,
      questions: [],
    });
  const answers = sql.exec<Omit<AnswerRow, 'lang'>>(
    `SELECT n.seq AS seq, n.question AS question, n.type AS type, n.score AS score, n.response AS response, n.normalized AS normalized
     FROM answers n JOIN attempts a ON a.seq = n.seq WHERE a.learner = ? ORDER BY n.seq, n.question`,
    learnerKey,
  );
  for (const n of answers)
    rows.get(n.seq)?.questions.push({ id: n.question, type: n.type, score: n.score, response: n.response, normalized: n.normalized });
  return [...rows.values()];
}

/** Deletes a learner's rows and their answers (call inside a transaction); how many attempts went. */
export function deleteLearner(sql: SqlStorage, learnerKey: string): number {
  // Counted first: `rowsWritten` also counts index entries, so it is not the number of attempts.
  const n = Number(sql.exec(`SELECT COUNT(*) AS n FROM attempts WHERE learner = ?`, learnerKey).one().n);
  sql.exec(`DELETE FROM answers WHERE seq IN (SELECT seq FROM attempts WHERE learner = ?)`, learnerKey);
  sql.exec(`DELETE FROM attempts WHERE learner = ?`, learnerKey);
  return n;
}

/** A learner's rows as `record` took them (responses parsed back), each with its `seq`: what a move sends on. */
export function ledgerRowsOf(sql: SqlStorage, learnerKey: string): Array<{ seq: number; row: LedgerRow }> {
  const parse = (text: string | null) => (text === null ? undefined : JSON.parse(text));
  const hashes = sql.exec<{ seq: number; h: string | null }>(
    `SELECT seq, request_hash AS h FROM attempts WHERE learner = ? ORDER BY created_at, attempt_id`,
    learnerKey,
  );
  // rowsOfLearner lists the same attempts in the same order.
  const meta = hashes.toArray();
  return rowsOfLearner(sql, learnerKey).map((r, i) => ({
    seq: meta[i]!.seq,
    row: {
      ...r,
      learnerKey,
      questions: r.questions.map((q) => ({
        id: q.id,
        type: q.type,
        score: q.score,
        response: parse(q.response),
        normalized: parse(q.normalized),
      })),
      ...(meta[i]!.h ? { requestHash: meta[i]!.h! } : {}),
    },
  }));
}

/** Deletes attempts and their answers by `seq` (call inside a transaction). */
export function deleteAttempts(sql: SqlStorage, seqs: readonly number[]): void {
  for (const seq of seqs) {
    sql.exec(`DELETE FROM answers WHERE seq = ?`, seq);
    sql.exec(`DELETE FROM attempts WHERE seq = ?`, seq);
  }
}

/** A stored attempt's outcome, as a repeated delivery of it is answered: its time and request digest. */
export function storedOutcome(sql: SqlStorage, attemptId: string): RecordOutcome {
  const stored = sql
    .exec<{ created_at: string; request_hash: string | null }>(
      `SELECT created_at, request_hash FROM attempts WHERE attempt_id = ?`,
      attemptId,
    )
    .one();
  return { isNew: false, createdAt: stored.created_at, requestHash: stored.request_hash };
}

/**
 * One answer as the ledger stores it: `seq` names its attempt, and rows come ordered by the attempt's time and
 * id, then by question id. Responses and typed answers are the JSON text they are stored as. A type alias,
 * not an interface, because SQL's row type must be indexable.
 */
export type AnswerRow = {
  seq: number;
  question: string;
  type: string;
  score: number;
  response: string | null;
  normalized: string | null;
  lang: string | null;
  /** The attempt's time and id, as one sortable text (the score matrix of a shard carries it). */
  at?: string;
};

/** The most recent attempt of a ledger: its version is the report's, and shards compare their latest by time. */
export interface LatestAttempt {
  createdAt: string;
  attemptId: string;
  version: string;
}

/** The most recent attempt, by the time index. */
export function latestAttempt(sql: SqlStorage): LatestAttempt | null {
  const latest = sql
    .exec<{ created_at: string; attempt_id: string; version: string }>(
      `SELECT created_at, attempt_id, version FROM attempts ORDER BY created_at DESC, attempt_id DESC LIMIT 1`,
    )
    .toArray()[0];
  return latest ? { createdAt: latest.created_at, attemptId: latest.attempt_id, version: latest.version } : null;
}
