import { evictDurableObject, runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { ResultsLedger } from '../../worker/objects/results-ledger/results-ledger.ts';
import { resultsStore } from '../../worker/stores/index.ts';
import { learnerKey, type LedgerEntry } from '../../worker/stores/results-store.ts';
import { learnerLedger, ledgerNames, shardCount } from '../../worker/stores/results-store-shards.ts';
import { ledgerOf } from './attempt-helpers.ts';
import { entry, newQuiz } from './results-store-contract.ts';
import { MemoryResultsStore } from './results-store-memory.ts';

// The Durable Object ledgers report from aggregates they keep at every record (docs/decisions/0014); the
// in-memory store computes the same report on read from the rows. Same attempts, same reports: across shards,
// late rows, erasures, a rebuild, and a ledger made before the aggregates existed.

const store = resultsStore(env);
const SCORES = [0, 1, 1, 0.5, 1 / 3, 2 / 3, 0.25];
const TEXTS = ['Peking', 'Tokio', 'peking', 'Japan'];

/** A deterministic mixed attempt: partial credit, a typed answer, a choice, an unanswered question. */
function mixed(quiz: string, learner: string, i: number, minutes: number): LedgerEntry {
  return entry(quiz, learner, [], {
    createdAt: new Date(Date.parse('2026-12-01T10:00:00.000Z') + minutes * 60_000).toISOString(),
    lang: i % 3 ? 'de' : 'en',
    questions: [
      { id: 'q1', type: 'single', score: SCORES[i % 7]!, response: { choice: ['a', 'b', 'c'][i % 3] } },
      { id: 'q2', type: 'short', score: SCORES[(i * 3) % 7]!, response: { text: TEXTS[i % 4] }, normalized: [TEXTS[i % 4]!] },
      { id: 'q3', type: 'cloze', score: SCORES[(i * 5) % 7]!, response: { gaps: { g1: TEXTS[(i + 1) % 4], g2: 'Erden' } } },
      { id: 'q4', type: 'truefalse', score: 0, response: null },
      ...(i % 4 ? [{ id: 'q5', type: 'multiple', score: SCORES[(i * 2) % 7]!, response: { choices: ['a', 'c'] } }] : []),
    ],
  });
}

async function bothStores(entries: LedgerEntry[]) {
  const memory = new MemoryResultsStore();
  for (const e of entries) await Promise.all([store.record(e), memory.record(e)]);
  return memory;
}

async function expectSameReports(memory: MemoryResultsStore, quiz: string) {
  for (const selection of ['first', 'all'] as const) {
    for (const opts of [{}, { questionIds: ['q3', 'q1'] }, { randomDraw: true }]) {
      expect(await store.report(quiz, selection, opts), `${selection} ${JSON.stringify(opts)}`).toEqual(
        await memory.report(quiz, selection, opts),
      );
    }
    expect(await store.scores(quiz, selection, ['q2'])).toEqual(await memory.scores(quiz, selection, ['q2']));
  }
}

describe('item analysis from the ledgers’ aggregates', () => {
  it('equals the on-read report over a sharded quiz, with late first attempts and erasures', async () => {
    const quiz = newQuiz(); // a set: spread over its shards
    const learners = Array.from({ length: 12 }, (_, i) => `learner-${i}`);
    const entries = Array.from({ length: 60 }, (_, i) => mixed(quiz, learners[(i * 7) % 12]!, i, (i * 37) % 53));
    const memory = await bothStores(entries);
    const shards = new Set(await Promise.all(learners.map(async (l) => learnerLedger(quiz, await learnerKey(env, l, quiz)))));
    expect(shards.size).toBeGreaterThan(1); // the learners really are spread
    await expectSameReports(memory, quiz);

    await Promise.all([store.erase('learner-3', [quiz]), memory.erase('learner-3', [quiz])]);
    await Promise.all([store.erase('learner-8', [quiz]), memory.erase('learner-8', [quiz])]);
    expect((await store.counts([quiz])).get(quiz)).toBe((await memory.counts([quiz])).get(quiz));
    await expectSameReports(memory, quiz);
  });

  it('is the same after the aggregates are rebuilt from the rows, and after a ledger made before them starts', async () => {
    const quiz = `one-${crypto.randomUUID().slice(0, 8)}`; // one ledger
    expect(shardCount(quiz)).toBe(1);
    const memory = await bothStores(Array.from({ length: 25 }, (_, i) => mixed(quiz, `learner-${i % 6}`, i, 60 - i)));
    const before = await store.report(quiz, 'first');
    await runInDurableObject(ledgerOf(quiz), (ledger: ResultsLedger) => ledger.rebuild());
    expect(await store.report(quiz, 'first')).toEqual(before);

    // As a ledger of issue 9 holds it: rows, no aggregates, no counter. It rebuilds them when it starts.
    await runInDurableObject(ledgerOf(quiz), (_l, state) => {
      for (const t of ['agg_tests', 'agg_pairs', 'agg_forms', 'agg_types', 'agg_tallies', 'ledger_meta'])
        state.storage.sql.exec(`DROP TABLE ${t}`);
    });
    await evictDurableObject(ledgerOf(quiz));
    expect((await store.counts([quiz])).get(quiz)).toBe(25);
    await expectSameReports(memory, quiz);
  });

  it('reads a quiz’s ledger from before shards as shard 0: its rows count, export and erase reach them', async () => {
    const quiz = newQuiz();
    // A learner whose shard is not 0 now, with a row the quiz's one ledger took before shards.
    let learner = 'learner-old';
    for (let i = 0; learnerLedger(quiz, await learnerKey(env, learner, quiz)) === quiz; i++) learner = `learner-old-${i}`;
    const old = mixed(quiz, learner, 1, 0);
    await ledgerOf(quiz).record({ ...old, learnerKey: await learnerKey(env, learner, quiz), questions: old.questions });
    await store.record(mixed(quiz, learner, 2, 5));
    await store.record(mixed(quiz, 'learner-new', 3, 6));
    expect(ledgerNames(quiz)).toHaveLength(4);
    expect((await store.report(quiz, 'all')).attempts).toBe(3);
    expect((await store.rowsOf(learner, [quiz]))[0]!.rows.map((r) => r.attemptId)).toEqual([old.attemptId, expect.any(String)]);
    expect(await store.erase(learner, [quiz])).toBe(2);
    expect((await store.report(quiz, 'all')).attempts).toBe(1);
  });

  it('keeps at every record the aggregates a rebuild from its rows has: repeated ids, ids beyond ASCII, float sums', async () => {
    const quiz = `one-${crypto.randomUUID().slice(0, 8)}`;
    // SQLite orders ids by code point, JS by UTF-16 unit: U+FF21 sorts before U+1F600 there, after it here. The
    // total is summed in SQLite's order, and 0.3 + 0.2 + 0.1 differs from 0.3 + 0.1 + 0.2 in its last bit.
    const row = (i: number, learner: string, minutes: number) => ({
      attemptId: `att-${i}`,
      learnerKey: learner,
      version: 'v1',
      kind: 'lesson' as const,
      lang: 'de',
      createdAt: new Date(Date.parse('2026-12-01T10:00:00.000Z') + minutes * 60_000).toISOString(),
      questions: [
        { id: 'q\u{1F600}', type: 'short', score: 0.1, response: { text: 'Tokio' }, normalized: ['tokio'] },
        { id: 'q0', type: 'single', score: 1, response: { choice: 'b' } }, // replaced by the repeat below
        { id: 'q\uFF21', type: 'single', score: 0.2, response: { choice: 'a' } },
        { id: 'q0', type: 'single', score: 0.3, response: { choice: 'c' } },
        { id: 'q9', type: 'essay', score: 0, response: { text: 'frei' } },
      ],
    });
    const stub = ledgerOf(quiz);
    // A learner's late first attempt replaces their first in `first`; another learner comes once.
    for (const [i, learner, minutes] of [
      [1, 'k1', 10],
      [2, 'k1', 5],
      [3, 'k2', 7],
    ] as const)
      await stub.record(row(i, learner, minutes));
    const sorted = (a: Awaited<ReturnType<ResultsLedger['aggregates']>>['aggregates']) =>
      Object.fromEntries(Object.entries(a).map(([k, rows]) => [k, [...rows].map((r) => JSON.stringify(r)).sort()]));
    const kept = await runInDurableObject(stub, async (l: ResultsLedger) => [
      (await l.aggregates('all')).aggregates,
      (await l.aggregates('first')).aggregates,
    ]);
    expect(kept[0]!.tests).toEqual([[0.6, 3, 3]]); // 0.3 + 0.2 + 0.1, in SQLite's order; the essay is not scored
    expect(kept[1]!.tests).toEqual([[0.6, 3, 2]]);
    const rebuilt = await runInDurableObject(stub, async (l: ResultsLedger) => {
      l.rebuild();
      return [(await l.aggregates('all')).aggregates, (await l.aggregates('first')).aggregates];
    });
    expect(kept.map(sorted)).toEqual(rebuilt.map(sorted));
  });
});
