// An accepted typed answer re-scored in the ledger's rows (docs/decisions/0014-results-aggregates.md): in
// batches of attempts by `seq`, each batch one transaction that updates the matching answers and moves their
// attempts' contributions in the aggregates (one delta per batch), so the aggregates always equal a rebuild
// from the rows.
import { rescore, type Regrade, type RegradedAnswer } from '../../../core/stats/regrade.ts';
import { AggregateDelta } from './aggregates-sql.ts';

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
     WHERE a.seq > ? AND a.seq <= ? AND a.version != ? AND n.score < 1
       AND (n.normalized IS NULL OR instr(n.normalized, ?) > 0)`,
    r.questionId,
    afterSeq,
    last,
    r.version,
    // Submits store every typed value as the tally reads it (one per field or gap, JSON text): an answer whose
    // list does not hold the value as an element cannot match, and is not parsed. Rows without one are.
    JSON.stringify(r.value),
  );
  let changed = 0;
  const delta = new AggregateDelta();
  for (const row of rows.toArray()) {
    const score = rescore(r, row);
    if (score === null) continue;
    delta.revise(sql, row.seq, row.learner, () =>
      sql.exec(`UPDATE answers SET score = ? WHERE seq = ? AND question = ?`, score, row.seq, r.questionId),
    );
    changed++;
  }
  delta.write(sql);
  return { changed, next: last };
}
