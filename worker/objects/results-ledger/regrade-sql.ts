// An accepted typed answer re-scored in the ledger's rows (docs/decisions/0014-results-aggregates.md): in
// batches of attempts by `seq`, each batch one transaction that updates the matching answers and moves their
// attempts' contributions in the aggregates, so the aggregates always equal a rebuild from the rows.
import { rescore, type Regrade, type RegradedAnswer } from '../../../core/stats/regrade.ts';
import { reviseAttempt } from './aggregates-sql.ts';

/** Attempts looked at per batch (one transaction); records interleave between batches. */
export const REGRADE_BATCH = 5_000;

/** One batch after `afterSeq`: how many answers changed, and where the next batch starts (null: done). */
export function regradeBatch(
  sql: SqlStorage,
  r: Regrade,
  afterSeq: number,
  limit = REGRADE_BATCH,
): { changed: number; next: number | null } {
  const last = sql
    .exec<{ m: number | null }>(`SELECT MAX(seq) AS m FROM (SELECT seq FROM attempts WHERE seq > ? ORDER BY seq LIMIT ?)`, afterSeq, limit)
    .one().m;
  if (last === null) return { changed: 0, next: null };
  const rows = sql.exec<RegradedAnswer & { seq: number; learner: string }>(
    `SELECT a.seq AS seq, a.learner AS learner, a.lang AS lang, n.type AS type, n.score AS score, n.response AS response,
            n.normalized AS normalized
     FROM attempts a JOIN answers n ON n.seq = a.seq AND n.question = ?
     WHERE a.seq > ? AND a.seq <= ? AND a.version != ? AND n.score < 1`,
    r.questionId,
    afterSeq,
    last,
    r.version,
  );
  let changed = 0;
  for (const row of rows.toArray()) {
    const score = rescore(r, row);
    if (score === null) continue;
    reviseAttempt(sql, row.seq, row.learner, () =>
      sql.exec(`UPDATE answers SET score = ? WHERE seq = ? AND question = ?`, score, row.seq, r.questionId),
    );
    changed++;
  }
  return { changed, next: last };
}
