// What a ledger reports (docs/decisions/0003, 0014): figures and response counts from its aggregates
// (`reportOfAggregates`, what the Durable Object answers), or from its answer rows in attempt order (`reportOf`,
// the reference the aggregates are tested against, and what the in-memory store of the tests uses); and the
// score matrix from the rows. Pure, apart from the SQL that yields the rows.
import { figuresOfAggregates, talliesOfAggregates, typesOfAggregates } from '../../../core/stats/aggregate-figures.ts';
import type { Aggregates } from '../../../core/stats/aggregates.ts';
import type { AnswerRow, LatestAttempt } from './schema.ts';

export type { AnswerRow };
import { quizFigures, type FigureOptions, type QuizFigures, type ScoredAttempt } from '../../../core/stats/figures.ts';
import { ResponseTally, type Tally } from '../../../core/stats/tally.ts';

/** Each learner's first attempt (by time, then attempt id), or every attempt. */
export type AttemptSelection = 'first' | 'all';

/** What a report needs from the ledger: figures and response counts, never rows or learner keys. */
export interface LedgerReport extends QuizFigures {
  /** The version of the most recent attempt (null without attempts). */
  version: string | null;
  /** Question id → its type as graded (the one most of its answers have), and its response counts. */
  types: Record<string, string>;
  tallies: Record<string, Tally[]>;
}

/** What a ledger (one shard of a quiz) contributes to a report: its aggregates and its latest attempt. */
export interface LedgerAggregates {
  aggregates: Aggregates;
  latest: LatestAttempt | null;
}

/** The attempt × question score matrix, one row per attempt in time order (null: not in that attempt). */
export interface ScoreMatrix {
  questionIds: string[];
  rows: Array<Array<number | null>>;
  /** Each row's place in time (attempt time, then id), where the rows carry it: how shards' matrices interleave. */
  order?: string[];
}

/** Figures and response counts of the answers given (essays are listed with their type, never scored). */
export function reportOf(answers: Iterable<AnswerRow>, version: string | null, opts: FigureOptions = {}): LedgerReport {
  const attempts: ScoredAttempt[] = [];
  const tallies = new Map<string, ResponseTally>();
  const typeCounts = new Map<string, Map<string, number>>();
  let last = -1;
  let scores: Record<string, number> = {};
  for (const r of answers) {
    if (r.seq !== last) {
      scores = {};
      attempts.push({ scores });
      last = r.seq;
    }
    const counts = typeCounts.get(r.question) ?? typeCounts.set(r.question, new Map()).get(r.question)!;
    counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
    if (r.type === 'essay') continue; // kept for the instructor, never scored
    scores[r.question] = r.score;
    let tally = tallies.get(r.question);
    if (!tally) tallies.set(r.question, (tally = new ResponseTally()));
    tally.add({
      type: r.type,
      response: r.response === null ? null : JSON.parse(r.response),
      normalized: r.normalized === null ? undefined : JSON.parse(r.normalized),
      lang: r.lang ?? undefined,
    });
  }
  const types = Object.fromEntries(
    [...typeCounts].map(([q, counts]) => [q, [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0]]),
  );
  return {
    ...quizFigures(attempts, opts),
    version,
    types,
    tallies: Object.fromEntries([...tallies].map(([id, t]) => [id, t.rows()])),
  };
}

/** The report of a ledger (or of its shards merged) from its aggregates: the same as `reportOf` its rows. */
export function reportOfAggregates(agg: Aggregates, version: string | null, opts: FigureOptions = {}): LedgerReport {
  return { ...figuresOfAggregates(agg, opts), version, types: typesOfAggregates(agg), tallies: talliesOfAggregates(agg) };
}

/** The score matrix for spreadsheets: questions in the order given, then any other question seen. */
export function scoreMatrixOf(answers: Iterable<AnswerRow>, questionIds: readonly string[] = []): ScoreMatrix {
  const ids = [...questionIds];
  const rows: Array<Map<string, number>> = [];
  const order: string[] = [];
  let last = -1;
  for (const r of answers) {
    if (r.seq !== last) {
      rows.push(new Map());
      if (r.at !== undefined) order.push(r.at);
      last = r.seq;
    }
    if (r.type === 'essay') continue;
    if (!ids.includes(r.question)) ids.push(r.question);
    rows[rows.length - 1]!.set(r.question, r.score);
  }
  const matrix = { questionIds: ids, rows: rows.map((m) => ids.map((id) => m.get(id) ?? null)) };
  return order.length === rows.length && rows.length ? { ...matrix, order } : matrix;
}
