// The aggregates a results ledger keeps up to date at every record (docs/decisions/0014-results-aggregates.md):
// histograms with integer counts, so adding and removing an attempt is exact, and so the aggregates of many
// ledgers (shards) merge by adding counts. Every figure of the item analysis is read off them
// (aggregate-figures.ts) in time proportional to the number of distinct values, not of attempts.
import { responseValues } from './tally.ts';

/** One stored answer of an attempt as the ledger holds it (responses as JSON text). A type, so SQL rows fit it. */
export type StoredAnswer = {
  question: string;
  type: string;
  score: number;
  response: string | null;
  normalized: string | null;
};

/**
 * The aggregates of a set of attempts, as flat rows (`…, count`), the shape SQL reads them in and RPC carries:
 * - `tests`: [total score, graded questions, count], one row per distinct total and question count;
 * - `pairs`: [question, mark, rest of the attempt's total, count], one row per distinct pair per question;
 * - `forms`: up to two distinct sets of graded questions (sorted ids, NUL-joined): enough to tell whether every
 *   attempt had the same questions (Cronbach's alpha applies only then);
 * - `types`: [question, type, count]; `tallies`: [question, part, lang, value, count] ('' when absent).
 * Rows may repeat a key (a merge of shards): readers add their counts.
 */
export interface Aggregates {
  tests: Array<[number, number, number]>;
  pairs: Array<[string, number, number, number]>;
  forms: string[];
  types: Array<[string, string, number]>;
  tallies: Array<[string, string, string, string, number]>;
}

/** What one attempt adds to the aggregates: everything the report needs from it, and nothing about who. */
export interface Contribution {
  total: number;
  k: number;
  form: string;
  pairs: Array<[string, number, number]>;
  types: Array<[string, string]>;
  tallies: Array<[string, string, string, string]>;
}

/**
 * One attempt's contribution, from its answers in question-id order (as the ledger reads them). Essays are
 * listed by type but not scored or counted, as in the on-read report (worker/objects/results-ledger/report.ts).
 */
export function contributionOf(answers: readonly StoredAnswer[], lang: string | null): Contribution {
  const graded = answers.filter((a) => a.type !== 'essay');
  // Summed in question order, as the on-read report sums an attempt: the same float, so the same histogram key.
  const total = graded.reduce((s, a) => s + a.score, 0);
  return {
    total,
    k: graded.length,
    form: graded
      .map((a) => a.question)
      .sort()
      .join('\u0000'),
    pairs: graded.map((a) => [a.question, a.score, total - a.score]),
    types: answers.map((a) => [a.question, a.type]),
    tallies: graded.flatMap((a) =>
      responseValues({
        type: a.type,
        response: a.response === null ? null : JSON.parse(a.response),
        normalized: a.normalized === null ? undefined : JSON.parse(a.normalized),
        lang: lang ?? undefined,
      }).map((v): [string, string, string, string] => [a.question, v.part ?? '', v.lang ?? '', v.value]),
    ),
  };
}

const keyOf = (parts: readonly unknown[]) => JSON.stringify(parts);

/** Counted rows by key; a count that reaches 0 is dropped, so removing every attempt leaves nothing. */
class Counter<T extends unknown[]> {
  private readonly rows = new Map<string, { key: T; n: number }>();
  add(key: T, n: number) {
    const k = keyOf(key);
    const hit = this.rows.get(k);
    const next = (hit?.n ?? 0) + n;
    if (next === 0) this.rows.delete(k);
    else if (hit) hit.n = next;
    else this.rows.set(k, { key, n });
  }
  list(): Array<[...T, number]> {
    return [...this.rows.values()].map((r) => [...r.key, r.n] as [...T, number]);
  }
}

/**
 * Aggregates held in memory: the ledger's rebuild from rows, the shards' merge, and the property tests use it.
 * `add(c, -1)` removes an attempt added before.
 */
export class AggregateTable {
  private readonly tests = new Counter<[number, number]>();
  private readonly pairs = new Counter<[string, number, number]>();
  private readonly forms = new Counter<[string]>();
  private readonly types = new Counter<[string, string]>();
  private readonly tallies = new Counter<[string, string, string, string]>();

  add(c: Contribution, sign: 1 | -1 = 1): this {
    this.tests.add([c.total, c.k], sign);
    this.forms.add([c.form], sign);
    for (const p of c.pairs) this.pairs.add(p, sign);
    for (const t of c.types) this.types.add(t, sign);
    for (const t of c.tallies) this.tallies.add(t, sign);
    return this;
  }

  /** Adds the rows of other aggregates (a shard's), count by count. */
  merge(a: Aggregates): this {
    for (const [total, k, n] of a.tests) this.tests.add([total, k], n);
    for (const [q, mark, rest, n] of a.pairs) this.pairs.add([q, mark, rest], n);
    for (const f of a.forms) this.forms.add([f], 1);
    for (const [q, type, n] of a.types) this.types.add([q, type], n);
    for (const [q, part, lang, value, n] of a.tallies) this.tallies.add([q, part, lang, value], n);
    return this;
  }

  /** Every form with its count (Aggregates carries two at most): what a ledger stores to add and remove by. */
  formCounts(): Array<[string, number]> {
    return this.forms.list();
  }

  aggregates(): Aggregates {
    return {
      tests: this.tests.list(),
      pairs: this.pairs.list(),
      forms: this.forms
        .list()
        .map(([f]) => f)
        .slice(0, 2),
      types: this.types.list(),
      tallies: this.tallies.list(),
    };
  }
}

/** The aggregates of several ledgers (the shards of one quiz) as one: what one ledger holding every row would have. */
export const mergeAggregates = (parts: readonly Aggregates[]): Aggregates =>
  parts.reduce((t, a) => t.merge(a), new AggregateTable()).aggregates();
