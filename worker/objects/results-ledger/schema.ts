// The results ledger's rows and SQL schema (docs/decisions/0003-results-ledger.md), apart from the object's
// methods so each file keeps one concern.
import type { AnswerRow } from './report.ts';

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
  `CREATE INDEX IF NOT EXISTS attempts_by_learner ON attempts (learner, created_at)`,
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

/** Stores a row unless its attempt id is there already; the row's `seq` if it was new. */
export function insertRow(sql: SqlStorage, row: LedgerRow): number | undefined {
  const seq = sql
    .exec<{ seq: number }>(
      `INSERT INTO attempts (attempt_id, learner, version, kind, lang, created_at, request_hash) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (attempt_id) DO NOTHING RETURNING seq`,
      row.attemptId,
      row.learnerKey,
      row.version,
      row.kind,
      row.lang ?? null,
      row.createdAt,
      row.requestHash ?? null,
    )
    .toArray()[0]?.seq;
  if (seq === undefined) return undefined;
  for (const q of row.questions)
    sql.exec(
      `INSERT OR REPLACE INTO answers (seq, question, type, score, response, normalized) VALUES (?, ?, ?, ?, ?, ?)`,
      seq,
      q.id,
      q.type,
      Math.min(1, Math.max(0, Number(q.score) || 0)),
      q.response === undefined ? null : JSON.stringify(q.response),
      q.normalized?.length ? JSON.stringify(q.normalized) : null,
    );
  return seq;
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
