// The score matrix a page at a time (docs/decisions/0014-results-aggregates.md): attempts in time order after a
// cursor (the last attempt's time and id), so a CSV of a million attempts streams through without sitting in
// memory, and the pages of a quiz's shards interleave by time as one ledger's rows would.
import type { AnswerRow, AttemptSelection } from './report.ts';

/** One attempt's scores by question (essays left out), and its place in time (`created_at` NUL `attempt_id`). */
export interface ScoreRow {
  at: string;
  questions: string[];
  scores: number[];
}

/** A page of rows, and the cursor of the next page (null: this was the last). */
export interface ScorePage {
  rows: ScoreRow[];
  next: string | null;
}

/** Attempts per page: one Durable Object call each. */
export const SCORE_PAGE = 1_000;

// Each learner's first attempt by time: none of theirs comes before it (a look into the learner index).
const FIRST_ONLY = `AND NOT EXISTS (SELECT 1 FROM attempts b WHERE b.learner = a.learner
  AND b.created_at <= a.created_at AND (b.created_at, b.attempt_id) < (a.created_at, a.attempt_id))`;

/** The page of attempts after `after` (null: from the start), in time order; attempts without answers give no row. */
export function scorePage(sql: SqlStorage, selection: AttemptSelection, after: string | null, limit = SCORE_PAGE): ScorePage {
  const [time, id] = after === null ? ['', ''] : after.split('\u0000');
  const rows = sql.exec<{ at: string; question: string | null; type: string | null; score: number | null }>(
    `WITH p AS (SELECT seq, created_at, attempt_id FROM attempts a
                WHERE (created_at, attempt_id) > (?, ?) ${selection === 'first' ? FIRST_ONLY : ''}
                ORDER BY created_at, attempt_id LIMIT ?)
     SELECT p.created_at || char(0) || p.attempt_id AS at, n.question AS question, n.type AS type, n.score AS score
     FROM p LEFT JOIN answers n ON n.seq = p.seq ORDER BY p.created_at, p.attempt_id, n.question`,
    time,
    id ?? '',
    limit,
  );
  const out: ScoreRow[] = [];
  let last: string | null = null;
  let attempts = 0;
  for (const r of rows) {
    if (r.at !== last) {
      last = r.at;
      attempts++;
      if (r.question !== null) out.push({ at: r.at, questions: [], scores: [] });
    }
    if (r.question === null || r.type === 'essay') continue;
    out[out.length - 1]!.questions.push(r.question);
    out[out.length - 1]!.scores.push(r.score!);
  }
  return { rows: out, next: attempts === limit ? last : null };
}

/** The questions the selected attempts scored (from the aggregates, not the rows): the matrix's columns. */
export const scoreColumns = (sql: SqlStorage, selection: AttemptSelection): string[] =>
  sql
    .exec<{ question: string }>(`SELECT DISTINCT question FROM agg_pairs WHERE sel = ?`, selection)
    .toArray()
    .map((r) => r.question);

// Each learner's first attempt by time (late catch-up entries still sort where they belong).
const FIRST = `SELECT seq FROM (SELECT seq, ROW_NUMBER() OVER (PARTITION BY learner ORDER BY created_at, attempt_id) AS rn FROM attempts) WHERE rn = 1`;

/** The answer rows of the selected attempts, in attempt order (time, then id), then by question: the whole matrix. */
export function* answerRows(sql: SqlStorage, selection: AttemptSelection): Generator<AnswerRow> {
  const where = selection === 'first' ? `WHERE a.seq IN (${FIRST})` : '';
  yield* sql.exec<AnswerRow>(
    `SELECT a.seq AS seq, n.question AS question, n.type AS type, n.score AS score, n.response AS response,
            n.normalized AS normalized, a.lang AS lang, a.created_at || char(0) || a.attempt_id AS at
     FROM attempts a JOIN answers n ON n.seq = a.seq ${where} ORDER BY a.created_at, a.attempt_id, n.question`,
  );
}
