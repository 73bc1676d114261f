// The score matrices of a quiz's shards as one (docs/decisions/0014): rows interleaved by attempt time, as one
// ledger holding every row would list them; columns as asked, then every other question seen, by id.
import type { ScoreMatrix } from '../objects/results-ledger/report.ts';

/** One matrix from the shards' (each in time order, each row's place in `order`); no `order` in the result. */
export function mergeScoreMatrices(parts: readonly ScoreMatrix[], questionIds: readonly string[] = []): ScoreMatrix {
  const asked = new Set(questionIds);
  const seen = new Set(parts.flatMap((p) => p.questionIds).filter((id) => !asked.has(id)));
  const ids = [...asked, ...[...seen].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))];
  const rows = parts.flatMap((p) =>
    p.rows.map((row, i) => {
      const byId = new Map(p.questionIds.map((id, j) => [id, row[j] ?? null]));
      return { at: p.order?.[i] ?? '', cells: ids.map((id) => byId.get(id) ?? null) };
    }),
  );
  // A stable sort: one shard's rows keep their order when they carry no time.
  rows.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return { questionIds: ids, rows: rows.map((r) => r.cells) };
}
