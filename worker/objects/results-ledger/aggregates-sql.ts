// The ledger's aggregates in SQL (docs/decisions/0014-results-aggregates.md): two sets, `all` attempts and each
// learner's `first`, kept up to date in the transaction that stores or erases rows, and rebuilt from the rows
// when AGGREGATES_VERSION changes. A report reads only these small tables, never the rows.
import type { InsertedRow } from './schema.ts';
import { AggregateTable, contributionOf, type Aggregates, type Contribution, type StoredAnswer } from '../../../core/stats/aggregates.ts';

export type Selection = 'first' | 'all';

/** Bump when what an attempt contributes changes: every ledger rebuilds its aggregates from its rows on start. */
export const AGGREGATES_VERSION = 1;

export const AGGREGATE_SCHEMA = [
  `CREATE TABLE IF NOT EXISTS agg_tests (sel TEXT NOT NULL, total REAL NOT NULL, k INTEGER NOT NULL, n INTEGER NOT NULL,
      PRIMARY KEY (sel, total, k)) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS agg_pairs (sel TEXT NOT NULL, question TEXT NOT NULL, mark REAL NOT NULL, rest REAL NOT NULL,
      n INTEGER NOT NULL, PRIMARY KEY (sel, question, mark, rest)) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS agg_forms (sel TEXT NOT NULL, form TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (sel, form)) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS agg_types (sel TEXT NOT NULL, question TEXT NOT NULL, type TEXT NOT NULL, n INTEGER NOT NULL,
      PRIMARY KEY (sel, question, type)) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS agg_tallies (sel TEXT NOT NULL, question TEXT NOT NULL, part TEXT NOT NULL, lang TEXT NOT NULL,
      value TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (sel, question, part, lang, value)) WITHOUT ROWID`,
  // Attempts recorded and the aggregates' version; the latest attempt (its version) by an index, not a scan.
  `CREATE TABLE IF NOT EXISTS ledger_meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL)`,
  `CREATE INDEX IF NOT EXISTS attempts_by_time ON attempts (created_at, attempt_id)`,
];

/** Each table with its key columns (after `sel`), in the order of Aggregates' rows. */
const TABLES = {
  tests: ['agg_tests', ['total', 'k']],
  pairs: ['agg_pairs', ['question', 'mark', 'rest']],
  forms: ['agg_forms', ['form']],
  types: ['agg_types', ['question', 'type']],
  tallies: ['agg_tallies', ['question', 'part', 'lang', 'value']],
} as const;
type Table = keyof typeof TABLES;
/** A key's columns (after `sel`) followed by the count to add. */
type Counted = ReadonlyArray<string | number>;
/** A count to add to a key (its columns after `sel`; any further entries are not read) of one selection. */
type SelCounted = readonly [Selection, key: ReadonlyArray<string | number>, count: number];

/** DO SQL binds at most 100 parameters per statement. */
const MAX_PARAMS = 100;

/** Each table's statement parts, written once. */
const STATEMENTS = Object.fromEntries(
  Object.entries(TABLES).map(([table, [name, cols]]) => [
    table,
    {
      name,
      width: cols.length,
      columns: cols.join(', '),
      marks: Array(cols.length).fill('?').join(', '),
      where: cols.map((c) => `${c} = ?`).join(' AND '),
    },
  ]),
) as Record<Table, { name: string; width: number; columns: string; marks: string; where: string }>;

/**
 * Adds each row's count to its key (one upsert per chunk of rows, both selections in one). The selection and
 * the count are written into the statement (one of two names, an integer), so only the key is bound and a
 * record's rows fit one statement per table. A key whose count reaches 0 or below is dropped: only when some
 * count was negative are the counts read back (RETURNING), and only those at 0 deleted. Built with loops, not
 * maps and spreads: this runs for every record, and its garbage was most of the ledger's.
 */
function addCounts(sql: SqlStorage, table: Table, rows: readonly SelCounted[]): void {
  if (!rows.length) return;
  const { name, width, columns, marks, where } = STATEMENTS[table];
  const per = Math.floor(MAX_PARAMS / width);
  for (let i = 0; i < rows.length; i += per) {
    const end = Math.min(rows.length, i + per);
    let values = '';
    let negative = false;
    const params: Array<string | number> = [];
    for (let j = i; j < end; j++) {
      const [sel, key, n] = rows[j]!;
      if (n < 0) negative = true;
      values += `${j > i ? ', ' : ''}('${sel === 'first' ? 'first' : 'all'}', ${marks}, ${Math.trunc(n)})`;
      for (let x = 0; x < width; x++) params.push(key[x]!);
    }
    const cursor = sql.exec<Record<string, string | number>>(
      `INSERT INTO ${name} (sel, ${columns}, n) VALUES ${values} ON CONFLICT DO UPDATE SET n = n + excluded.n` +
        (negative ? ` RETURNING sel, ${columns}, n` : ''),
      ...params,
    );
    if (!negative) continue;
    for (const gone of cursor.toArray().filter((g) => (g.n as number) <= 0))
      sql.exec(`DELETE FROM ${name} WHERE sel = ? AND ${where} AND n <= 0`, gone.sel, ...TABLES[table][1].map((c) => gone[c]));
  }
}

/**
 * Adds (1) or removes (−1) attempts' contributions, each to its selection: counts of equal keys summed first
 * (a batch of records shares most keys), then one upsert per table for all of them.
 */
function apply(sql: SqlStorage, changes: ReadonlyArray<readonly [Selection, Contribution, 1 | -1]>): void {
  // With one change per selection (a single record: nearly every submit) no two rows can share a key across
  // changes, and a key repeated within one contribution is summed by the upsert itself, row by row: the rows
  // go as they are, without the map and its string keys (the ledger's largest allocation per record).
  const oneEach = changes.length === 1 || (changes.length === 2 && changes[0]![0] !== changes[1]![0]);
  const of = (keys: (c: Contribution) => ReadonlyArray<ReadonlyArray<string | number>>): SelCounted[] => {
    if (oneEach) {
      const rows: SelCounted[] = [];
      for (const [sel, c, sign] of changes) for (const k of keys(c)) rows.push([sel, k, sign]);
      return rows;
    }
    const summed = new Map<string, [Selection, ReadonlyArray<string | number>, number]>();
    for (const [sel, c, sign] of changes)
      for (const k of keys(c)) {
        const id = `${sel}\u0000${k.join('\u0000')}`;
        const hit = summed.get(id);
        if (hit) hit[2] += sign;
        else summed.set(id, [sel, k, sign]);
      }
    return [...summed.values()].filter(([, , n]) => n !== 0);
  };
  addCounts(
    sql,
    'tests',
    of((c) => [[c.total, c.k]]),
  );
  addCounts(
    sql,
    'forms',
    of((c) => [[c.form]]),
  );
  addCounts(
    sql,
    'pairs',
    of((c) => c.pairs),
  );
  addCounts(
    sql,
    'types',
    of((c) => c.types),
  );
  addCounts(
    sql,
    'tallies',
    of((c) => c.tallies),
  );
}

/** What one stored attempt contributes (null: it has no answers, so no report counts it). */
function contributionOfSeq(sql: SqlStorage, seq: number): Contribution | null {
  const rows = sql
    .exec<StoredAnswer & { lang: string | null }>(
      `SELECT n.question AS question, n.type AS type, n.score AS score, n.response AS response, n.normalized AS normalized, a.lang AS lang
       FROM answers n JOIN attempts a ON a.seq = n.seq WHERE n.seq = ? ORDER BY n.question`,
      seq,
    )
    .toArray();
  return rows.length ? contributionOf(rows, rows[0]!.lang) : null;
}

const bump = (sql: SqlStorage, name: string, by: number) =>
  sql.exec(`INSERT INTO ledger_meta (name, value) VALUES (?, ?) ON CONFLICT DO UPDATE SET value = value + excluded.value`, name, by);

/** A learner's attempts, first first. */
const attemptsOf = (sql: SqlStorage, learner: string, limit = -1) =>
  sql
    .exec<{ seq: number }>(`SELECT seq FROM attempts WHERE learner = ? ORDER BY created_at, attempt_id LIMIT ?`, learner, limit)
    .toArray()
    .map((r) => r.seq);

/**
 * After new rows (call inside their transaction), each with its answers as stored (in question order) and the
 * learner's first two attempts just after it came in: adds each to `all`, and to `first` if it was then the
 * learner's first attempt by time, in place of the one that was (a parked row moved in late sorts where it
 * belongs). Contributions come from the answers in hand, not read back; all rows' changes go in one set of upserts.
 */
export function addAttempts(sql: SqlStorage, rows: ReadonlyArray<readonly [InsertedRow, string | null]>): void {
  if (!rows.length) return;
  bump(sql, 'attempts', rows.length);
  const changes: Array<[Selection, Contribution, 1 | -1]> = [];
  for (const [row, lang] of rows) {
    const c = row.answers.length ? contributionOf(row.answers, lang) : null;
    if (c) changes.push(['all', c, 1]);
    if (row.first !== row.seq) continue;
    if (c) changes.push(['first', c, 1]);
    // The one that was first until now (its answers are stored, also when it came earlier in this batch).
    const old = row.second === null ? null : contributionOfSeq(sql, row.second);
    if (old) changes.push(['first', old, -1]);
  }
  apply(sql, changes);
}

/** Before a learner's rows are deleted (inside the same transaction): removes them from both sets. */
export function removeLearner(sql: SqlStorage, learner: string): void {
  attemptsOf(sql, learner).forEach((seq, i) => {
    bump(sql, 'attempts', -1);
    const c = contributionOfSeq(sql, seq);
    if (c)
      apply(
        sql,
        i === 0
          ? [
              ['all', c, -1],
              ['first', c, -1],
            ]
          : [['all', c, -1]],
      );
  });
}

/** Attempts recorded (all of them, with or without answers). */
export const attemptCount = (sql: SqlStorage) =>
  Number(sql.exec<{ value: number }>(`SELECT value FROM ledger_meta WHERE name = 'attempts'`).toArray()[0]?.value ?? 0);

/** The aggregates of a selection: a few hundred small rows for a quiz of 12 questions, however many attempts. */
export function readAggregates(sql: SqlStorage, sel: Selection): Aggregates {
  const rows = <T>(q: string) => [...sql.exec(q, sel).raw()] as unknown as T[];
  return {
    tests: rows(`SELECT total, k, n FROM agg_tests WHERE sel = ?`),
    pairs: rows(`SELECT question, mark, rest, n FROM agg_pairs WHERE sel = ?`),
    forms: rows<[string]>(`SELECT form FROM agg_forms WHERE sel = ? LIMIT 2`).map(([f]) => f),
    types: rows(`SELECT question, type, n FROM agg_types WHERE sel = ?`),
    tallies: rows(`SELECT question, part, lang, value, n FROM agg_tallies WHERE sel = ?`),
  };
}

/** Adds a table's counts (negative ones too) to the stored aggregates of a selection. */
function addTable(sql: SqlStorage, sel: Selection, table: AggregateTable): void {
  const agg = table.aggregates();
  const of = (rows: readonly Counted[]) => rows.map((r): SelCounted => [sel, r, r[r.length - 1] as number]);
  addCounts(sql, 'tests', of(agg.tests));
  addCounts(sql, 'pairs', of(agg.pairs));
  addCounts(sql, 'forms', of(table.formCounts()));
  addCounts(sql, 'types', of(agg.types));
  addCounts(sql, 'tallies', of(agg.tallies));
}

/** Replaces the stored aggregates of a selection with a table's (a rebuild, or a benchmark's synthetic ledger). */
export function writeAggregates(sql: SqlStorage, sel: Selection, table: AggregateTable): void {
  for (const [name] of Object.values(TABLES)) sql.exec(`DELETE FROM ${name} WHERE sel = ?`, sel);
  addTable(sql, sel, table);
}

/** Rebuilds both sets from the rows in one pass (a change of definitions, or rows re-scored). */
export function rebuildAggregates(sql: SqlStorage): void {
  const tables = { all: new AggregateTable(), first: new AggregateTable() };
  type Current = { seq: number; first: boolean; lang: string | null; answers: StoredAnswer[] };
  let current = null as Current | null;
  const flush = () => {
    if (!current) return;
    const c = contributionOf(current.answers, current.lang);
    tables.all.add(c);
    if (current.first) tables.first.add(c);
  };
  const rows = sql.exec<StoredAnswer & { seq: number; first: number; lang: string | null }>(
    `WITH f AS (SELECT seq, lang, ROW_NUMBER() OVER (PARTITION BY learner ORDER BY created_at, attempt_id) = 1 AS first FROM attempts)
     SELECT n.seq AS seq, f.first AS first, f.lang AS lang, n.question AS question, n.type AS type, n.score AS score,
            n.response AS response, n.normalized AS normalized
     FROM answers n JOIN f ON f.seq = n.seq ORDER BY n.seq, n.question`,
  );
  for (const r of rows) {
    if (r.seq !== current?.seq) {
      flush();
      current = { seq: r.seq, first: !!r.first, lang: r.lang, answers: [] };
    }
    current.answers.push({ question: r.question, type: r.type, score: r.score, response: r.response, normalized: r.normalized });
  }
  flush();
  writeAggregates(sql, 'all', tables.all);
  writeAggregates(sql, 'first', tables.first);
  const n = Number(sql.exec(`SELECT COUNT(*) AS n FROM attempts`).one().n);
  sql.exec(`INSERT OR REPLACE INTO ledger_meta (name, value) VALUES ('attempts', ?), ('aggregates', ?)`, n, AGGREGATES_VERSION);
}

/** Creates the tables and rebuilds the aggregates if they are missing or of another version (call in a transaction). */
export function migrateAggregates(sql: SqlStorage): void {
  for (const statement of AGGREGATE_SCHEMA) sql.exec(statement);
  const version = sql.exec<{ value: number }>(`SELECT value FROM ledger_meta WHERE name = 'aggregates'`).toArray()[0]?.value;
  if (version !== AGGREGATES_VERSION) rebuildAggregates(sql);
}

/**
 * Removes some of a learner's attempts from both sets, then runs `remove` (which deletes their rows; inside the
 * same transaction): if the learner's first attempt was among them, their next one becomes first.
 */
export function removeAttempts(sql: SqlStorage, learner: string, seqs: readonly number[], remove: () => void): void {
  const [firstBefore] = attemptsOf(sql, learner, 1);
  const leaving = new Map(seqs.map((seq) => [seq, contributionOfSeq(sql, seq)]));
  for (const c of leaving.values()) {
    bump(sql, 'attempts', -1);
    if (c) apply(sql, [['all', c, -1]]);
  }
  remove();
  if (firstBefore === undefined || !leaving.has(firstBefore)) return;
  const old = leaving.get(firstBefore);
  const [firstAfter] = attemptsOf(sql, learner, 1);
  const next = firstAfter === undefined ? null : contributionOfSeq(sql, firstAfter);
  apply(sql, [...(old ? [['first', old, -1] as const] : []), ...(next ? [['first', next, 1] as const] : [])]);
}

/**
 * Changes to stored attempts gathered as one delta of both sets, written at the end in a few upserts (not one
 * set of upserts per attempt), so a regrade of many attempts costs a few statements per attempt.
 */
export class AggregateDelta {
  private readonly sets = { all: new AggregateTable(), first: new AggregateTable() };

  /** Changes one stored attempt through `change` (inside a transaction) and notes how its contribution moved. */
  revise(sql: SqlStorage, seq: number, learner: string, change: () => void): void {
    const isFirst = attemptsOf(sql, learner, 1)[0] === seq;
    const before = contributionOfSeq(sql, seq);
    change();
    const after = contributionOfSeq(sql, seq);
    for (const table of isFirst ? [this.sets.all, this.sets.first] : [this.sets.all]) {
      if (before) table.add(before, -1);
      if (after) table.add(after, 1);
    }
  }

  /** Adds the delta to the stored aggregates (inside the same transaction). */
  write(sql: SqlStorage): void {
    addTable(sql, 'all', this.sets.all);
    addTable(sql, 'first', this.sets.first);
  }
}
