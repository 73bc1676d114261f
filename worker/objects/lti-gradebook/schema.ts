// The LtiGradebook's SQL schema: one object per LTI context (platform issuer + context id), so every name and
// score here belongs to that course alone. Apart from the object's methods so each file keeps one concern.

export const SCHEMA = [
  // The context itself: issuer, client id, title, the NRPS URL, when names were last refreshed.
  `CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID`,
  // A resource link (one placement of a quiz in the course), its line item and the rule for which attempt counts.
  `CREATE TABLE IF NOT EXISTS links (
      link_id TEXT PRIMARY KEY,
      quiz TEXT NOT NULL,
      lineitem TEXT,
      lineitems TEXT,
      scopes TEXT NOT NULL DEFAULT '[]',
      policy TEXT NOT NULL DEFAULT 'best',
      updated_at TEXT NOT NULL) WITHOUT ROWID`,
  // The people of this context: the platform's sub and display name (from NRPS, else the launch's name claim).
  `CREATE TABLE IF NOT EXISTS people (
      learner_id TEXT PRIMARY KEY,
      sub TEXT NOT NULL,
      name TEXT,
      name_source TEXT,
      instructor INTEGER NOT NULL DEFAULT 0,
      updated_at TEXT NOT NULL) WITHOUT ROWID`,
  // Which link each learner launched: an attempt of the link's quiz is then recorded for that link.
  `CREATE TABLE IF NOT EXISTS launches (
      learner_id TEXT NOT NULL,
      link_id TEXT NOT NULL,
      PRIMARY KEY (learner_id, link_id)) WITHOUT ROWID`,
  // Every graded attempt per learner and link; attempt ids are unique per link, so a retried hand-in is one row.
  // seq is the order of receipt, which decides "first" and "last".
  `CREATE TABLE IF NOT EXISTS attempts (
      seq INTEGER PRIMARY KEY,
      attempt_id TEXT NOT NULL,
      link_id TEXT NOT NULL,
      learner_id TEXT NOT NULL,
      score REAL NOT NULL,
      points REAL NOT NULL,
      max REAL NOT NULL,
      submitted_at TEXT NOT NULL,
      lang TEXT,
      answers TEXT NOT NULL,
      UNIQUE (attempt_id, link_id))`,
  `CREATE INDEX IF NOT EXISTS attempts_by_learner ON attempts (link_id, learner_id, seq)`,
  // The outbox of scores to pass back: one row per attempt (and link) whose score counts, never two, so a
  // score is sent once however often the drain runs; the alarm retries failures with backoff.
  `CREATE TABLE IF NOT EXISTS outbox (
      attempt_id TEXT NOT NULL,
      link_id TEXT NOT NULL,
      learner_id TEXT NOT NULL,
      state TEXT NOT NULL,
      tries INTEGER NOT NULL DEFAULT 0,
      last_error TEXT,
      next_try INTEGER,
      sent_at TEXT,
      PRIMARY KEY (attempt_id, link_id)) WITHOUT ROWID`,
  `CREATE INDEX IF NOT EXISTS outbox_due ON outbox (state, next_try)`,
];

/** Creates the tables (idempotent: runs at every object start). */
export function migrate(sql: SqlStorage): void {
  for (const statement of SCHEMA) sql.exec(statement);
}

/** A value of the meta table, or null. */
export const metaGet = (sql: SqlStorage, key: string): string | null =>
  sql.exec<{ value: string }>(`SELECT value FROM meta WHERE key = ?`, key).toArray()[0]?.value ?? null;

export const metaSet = (sql: SqlStorage, key: string, value: string): void => {
  sql.exec(`INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value);
};
