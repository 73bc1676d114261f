import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AggregateTable, contributionOf, mergeAggregates, type StoredAnswer } from '../../core/stats/aggregates.ts';
import { reportOf, reportOfAggregates, type AnswerRow, type LedgerReport } from '../../worker/objects/results-ledger/report.ts';

// The aggregates a ledger keeps (docs/decisions/0014) against the on-read computation they replace: on random
// ledgers with partial credit, unanswered questions, essays and the final test's random draws, every figure,
// type and response count read off the aggregates equals the one computed from the rows (to 1e-9 unrounded,
// exactly once rounded), whether one table holds every attempt or shards hold them and are merged, and after
// attempts are removed again.

interface Attempt {
  seq: number;
  learner: number;
  at: number;
  lang: string | null;
  answers: StoredAnswer[];
}

const POOL = ['a1', 'a2', 'b1', 'b10', 'b2', 'c1', 'e1'];
// Partial credit on the grids the graders give (thirds, quarters, fifths, GIFT's 33.33333 %), and 0 and 1.
const SCORES = [0, 0, 1, 1, 0.5, 1 / 3, 2 / 3, 0.25, 0.75, 0.2, 0.3333333, 0.1];

const answerArb = (question: string) =>
  question === 'e1'
    ? fc.constant<StoredAnswer>({ question, type: 'essay', score: 0, response: JSON.stringify({ text: 'Aufsatz' }), normalized: null })
    : fc.oneof(
        fc.record({ s: fc.constantFrom(...SCORES), c: fc.constantFrom('a', 'b', 'c') }).map(({ s, c }): StoredAnswer => ({
          question,
          type: 'single',
          score: s,
          response: JSON.stringify({ choice: c }),
          normalized: null,
        })),
        fc.record({ s: fc.constantFrom(...SCORES), g: fc.constantFrom('Erden', 'erden', 'Japan', '') }).map(({ s, g }): StoredAnswer => ({
          question,
          type: 'cloze',
          score: s,
          response: JSON.stringify({ gaps: { g1: g, g2: 'Japan' } }),
          normalized: JSON.stringify([g, 'Japan']),
        })),
        fc.record({ s: fc.constantFrom(...SCORES), t: fc.constantFrom('Peking', 'peking ', 'Tokio') }).map(({ s, t }): StoredAnswer => ({
          question,
          type: 'short',
          score: s,
          response: JSON.stringify({ text: t }),
          normalized: null,
        })),
        // Unanswered: score 0, no response (it counts, as in Moodle).
        fc.constant<StoredAnswer>({ question, type: 'truefalse', score: 0, response: null, normalized: null }),
      );

/** A ledger of 0–40 attempts by up to 8 learners: every attempt answers the same questions, or a random draw. */
const ledgerArb = fc.boolean().chain((draw) =>
  fc
    .array(
      fc.record({
        learner: fc.nat(7),
        at: fc.nat(20),
        lang: fc.constantFrom('de', 'en', null),
        questions: draw ? fc.subarray(POOL) : fc.constant<string[]>(['a1', 'a2', 'b1', 'b10', 'e1']),
      }),
      { maxLength: 40 },
    )
    .chain((specs) =>
      fc.tuple(
        fc.constant(draw),
        (fc.tuple(...specs.map((s) => fc.tuple(...s.questions.map(answerArb)))) as unknown as fc.Arbitrary<StoredAnswer[][]>).map(
          (answers) =>
            specs.map((s, i): Attempt => ({
              seq: i + 1,
              learner: s.learner,
              at: s.at,
              lang: s.lang,
              answers: answers[i] as StoredAnswer[],
            })),
        ),
      ),
    ),
);

/** Attempt order: by time, then id (the ledger's `created_at, attempt_id`). */
const ordered = (xs: Attempt[]) => [...xs].sort((a, b) => a.at - b.at || a.seq - b.seq);
/** Each learner's first attempt, or every attempt. */
function selected(xs: Attempt[], selection: 'first' | 'all') {
  const seen = new Set<number>();
  return ordered(xs).filter((a) => selection === 'all' || (!seen.has(a.learner) && seen.add(a.learner)));
}
const rowsOf = (xs: Attempt[]): AnswerRow[] =>
  xs.filter((a) => a.answers.length).flatMap((a) => a.answers.map((n) => ({ seq: a.seq, ...n, lang: a.lang })));
const tableOf = (xs: Attempt[]) =>
  xs.reduce((t, a) => (a.answers.length ? t.add(contributionOf(a.answers, a.lang)) : t), new AggregateTable());

/** Equal figures: numbers to 1e-9, nulls and everything else exactly. */
function expectSame(actual: LedgerReport, expected: LedgerReport) {
  const close = (a: unknown, b: unknown, path: string): void => {
    if (typeof a === 'number' && typeof b === 'number') {
      expect(Math.abs(a - b), `${path}: ${a} vs ${b}`).toBeLessThanOrEqual(1e-9);
    } else if (a && b && typeof a === 'object' && typeof b === 'object') {
      expect(Object.keys(a).sort(), path).toEqual(Object.keys(b).sort());
      for (const k of Object.keys(a)) close((a as any)[k], (b as any)[k], `${path}.${k}`);
    } else expect(a, path).toEqual(b);
  };
  close(actual, expected, 'report');
}

const OPTS = [{}, { questionIds: ['b1', 'a1', 'zz'] }, { randomDraw: true }];

describe('item analysis from aggregates equals the on-read computation (property)', () => {
  it('for each learner’s first attempt and for all, unrounded to 1e-9 and rounded exactly', () => {
    fc.assert(
      fc.property(ledgerArb, fc.constantFrom(...OPTS), ([draw, attempts], opts) => {
        for (const selection of ['first', 'all'] as const) {
          const chosen = selected(attempts, selection);
          const o = { ...opts, randomDraw: draw || !!opts.randomDraw };
          const agg = tableOf(chosen).aggregates();
          expectSame(reportOfAggregates(agg, 'v', { ...o, exact: true }), reportOf(rowsOf(chosen), 'v', { ...o, exact: true }));
          expect(reportOfAggregates(agg, 'v', o)).toEqual(reportOf(rowsOf(chosen), 'v', o));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('merging the shards (attempts split by learner) gives what one ledger with every attempt gives', () => {
    fc.assert(
      fc.property(ledgerArb, fc.integer({ min: 1, max: 5 }), ([draw, attempts], shards) => {
        for (const selection of ['first', 'all'] as const) {
          const parts = Array.from({ length: shards }, (_, s) =>
            tableOf(
              selected(
                attempts.filter((a) => a.learner % shards === s),
                selection,
              ),
            ).aggregates(),
          );
          const merged = reportOfAggregates(mergeAggregates(parts), 'v', { randomDraw: draw, exact: true });
          expectSame(merged, reportOf(rowsOf(selected(attempts, selection)), 'v', { randomDraw: draw, exact: true }));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('removing attempts again (an erase) leaves the aggregates of the rest, and removing all leaves nothing', () => {
    fc.assert(
      fc.property(ledgerArb, fc.nat(), ([, attempts], cut) => {
        const table = tableOf(attempts);
        const gone = attempts.filter((a) => (a.seq + cut) % 3 === 0);
        for (const a of gone) if (a.answers.length) table.add(contributionOf(a.answers, a.lang), -1);
        const rest = attempts.filter((a) => !gone.includes(a));
        expectSame(reportOfAggregates(table.aggregates(), 'v', { exact: true }), reportOf(rowsOf(ordered(rest)), 'v', { exact: true }));
        for (const a of rest) if (a.answers.length) table.add(contributionOf(a.answers, a.lang), -1);
        expect(table.aggregates()).toEqual({ tests: [], pairs: [], forms: [], types: [], tallies: [] });
      }),
      { numRuns: 200 },
    );
  });
});

describe('figures from aggregates, by hand', () => {
  it('pair the sorted marks and rests across histogram runs (discriminative efficiency), as the sorted lists do', () => {
    // marks 0, 0, 1, 1, 1 against rests 3, 0, 2, 1, 1 (one question plus the rest of the test)
    const attempts = [0, 0, 1, 1, 1].map((m, i): Attempt => {
      const rest = [3, 0, 2, 1, 1][i]!;
      const answers: StoredAnswer[] = [
        { question: 'q', type: 'truefalse', score: m, response: null, normalized: null },
        ...Array.from({ length: 3 }, (_, j) => ({
          question: `r${j}`,
          type: 'truefalse',
          score: j < rest ? 1 : 0,
          response: null,
          normalized: null,
        })),
      ];
      return { seq: i + 1, learner: i, at: i, lang: 'de', answers };
    });
    const fromAgg = reportOfAggregates(tableOf(attempts).aggregates(), null).questions.find((q) => q.id === 'q')!;
    const fromRows = reportOf(rowsOf(attempts), null).questions.find((q) => q.id === 'q')!;
    expect(fromAgg).toEqual(fromRows);
    // Σ(m − .6)(r − 1.4) = −0.2; covmax pairs 0,0,1,1,1 with 0,1,1,2,3 (runs of 2 and 3 against 1, 2, 1, 1): Σ = 1.8
    expect(fromAgg).toMatchObject({ n: 5, facility: 0.6, discriminativeEfficiency: -0.1111 });
  });

  it('read a median between two histogram values, and no figures without attempts', () => {
    const one = (seq: number, score: number): Attempt => ({
      seq,
      learner: seq,
      at: seq,
      lang: null,
      answers: [{ question: 'q', type: 'truefalse', score, response: null, normalized: null }],
    });
    const agg = tableOf([one(1, 0), one(2, 1), one(3, 1), one(4, 0.5)]).aggregates();
    expect(reportOfAggregates(agg, null).test.median).toBe(0.75);
    expect(reportOfAggregates(new AggregateTable().aggregates(), null)).toEqual(reportOf([], null));
  });
});
