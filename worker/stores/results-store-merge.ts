// The score matrix of a quiz's shards as one stream (docs/decisions/0014): each shard pages its attempts in time
// order, and the pages interleave by time as one ledger holding every row would list them; columns as asked,
// then every other question scored, by id.
import type { ScorePage, ScoreRow } from '../objects/results-ledger/score-pages.ts';

/** Reads one page after a cursor (null: the first page). */
export type PageReader = (after: string | null) => Promise<ScorePage>;

/** The matrix's columns: the questions asked for, in that order, then every other one the shards scored, by id. */
export function scoreColumnsOf(shardColumns: readonly string[][], questionIds: readonly string[] = []): string[] {
  const asked = new Set(questionIds);
  const seen = new Set(shardColumns.flat().filter((id) => !asked.has(id)));
  return [...asked, ...[...seen].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))];
}

/** One shard's rows, a page at a time. */
async function* pagesOf(read: PageReader): AsyncGenerator<ScoreRow> {
  for (let after: string | null = null, first = true; first || after !== null; first = false) {
    const page: ScorePage = await read(after);
    yield* page.rows;
    after = page.next;
  }
}

/**
 * The rows of every shard by time (ties keep the shards' order), as cells in the order of `columns` (null:
 * not in that attempt). Holds one page per shard at a time, however many rows there are.
 */
export async function* mergedScoreRows(shards: readonly PageReader[], columns: readonly string[]): AsyncGenerator<Array<number | null>> {
  const streams = shards.map(pagesOf);
  const heads = await Promise.all(streams.map((s) => s.next()));
  for (;;) {
    let pick = -1;
    heads.forEach((h, i) => {
      if (!h.done && (pick < 0 || h.value.at < (heads[pick]!.value as ScoreRow).at)) pick = i;
    });
    if (pick < 0) return;
    const row = heads[pick]!.value as ScoreRow;
    const byId = new Map(row.questions.map((id, i) => [id, row.scores[i]!]));
    yield columns.map((id) => byId.get(id) ?? null);
    heads[pick] = await streams[pick]!.next();
  }
}
