import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { LedgerRow } from '../../worker/objects/results-ledger/schema.ts';
import { resultsStore } from '../../worker/stores/index.ts';
import { learnerKey } from '../../worker/stores/results-store.ts';
import { learnerLedger } from '../../worker/stores/results-store-shards.ts';
import { ledgerCount, parked } from './attempt-helpers.ts';
import { entry, newQuiz } from './results-store-contract.ts';

// Submits to one ledger that arrive while a record to it is in flight go together in one `recordMany`
// (worker/stores/results-store-batch.ts). Many at once: none lost, each counted once, each its own answer.

/** The RESULTS binding with every ledger call counted; `failMany` makes every batch fail (single records pass). */
function countedLedgers(failMany = false) {
  const calls = { record: 0, recordMany: 0, rows: 0 };
  const binding = {
    idFromName: (name: string) => env.RESULTS.idFromName(name),
    get: (id: DurableObjectId) => {
      const real = env.RESULTS.get(id);
      return {
        record: (row: LedgerRow) => (calls.record++, calls.rows++, real.record(row)),
        recordMany: (rows: LedgerRow[]) => {
          calls.recordMany++;
          calls.rows += rows.length;
          return failMany ? Promise.reject(new Error('batch lost')) : real.recordMany(rows);
        },
        aggregates: (...a: Parameters<typeof real.aggregates>) => real.aggregates(...a),
        count: () => real.count(),
      };
    },
  } as unknown as Env['RESULTS'];
  return { calls, store: resultsStore({ ...env, RESULTS: binding }) };
}

describe('DoResultsStore: submits to one ledger coalesced while a record is in flight', () => {
  it('records 60 submits of one learner sent at once, retries among them, each once and with its own answer', async () => {
    const { calls, store } = countedLedgers();
    const quiz = newQuiz();
    const entries = Array.from({ length: 48 }, (_, i) => entry(quiz, 'learner-a', [i % 2, 1], { requestHash: `h${i}` }));
    // A dozen retries of the same attempts in the same burst, interleaved with the first deliveries.
    const sent = [...entries, ...entries.slice(0, 12)].sort((a, b) => (a.attemptId < b.attemptId ? -1 : 1));
    const results = await Promise.all(sent.map((e) => store.record(e)));

    expect(calls.recordMany).toBeGreaterThan(0); // they really went together
    expect(calls.record + calls.recordMany).toBeLessThan(sent.length);
    expect(calls.rows).toBe(sent.length);
    for (const e of entries) {
      const mine = results.filter((_, i) => sent[i]!.attemptId === e.attemptId);
      const expected = entries.indexOf(e) < 12 ? ['new', 'repeat'] : ['new'];
      expect(mine.map((r) => r.stored).sort()).toEqual(expected);
      for (const r of mine) expect(r).toMatchObject({ createdAt: e.createdAt, requestHash: e.requestHash });
    }
    expect(await ledgerCount(quiz)).toBe(48);
    const report = await store.report(quiz, 'all');
    expect(report.attempts).toBe(48);
    expect(report.questions.find((q) => q.id === 'q1')!.facility).toBe(0.5);
    expect((await store.report(quiz, 'first')).attempts).toBe(1);
  });

  it('spreads many learners over their shards, each attempt counted once', async () => {
    const { store } = countedLedgers();
    const quiz = newQuiz();
    const entries = Array.from({ length: 40 }, (_, i) => entry(quiz, `learner-${i % 10}`, [1, i % 3 ? 1 : 0]));
    expect((await Promise.all(entries.map((e) => store.record(e)))).every((r) => r.stored === 'new')).toBe(true);
    expect(await ledgerCount(quiz)).toBe(40);
    expect((await store.report(quiz, 'first')).attempts).toBe(10);
  });

  it('parks each row of a failed batch; every one reaches the ledger after, once', async () => {
    const { calls, store } = countedLedgers(true);
    const quiz = newQuiz();
    const entries = Array.from({ length: 20 }, () => entry(quiz, 'learner-b', [1, 0]));
    const results = await Promise.all(entries.map((e) => store.record(e)));
    expect(calls.recordMany).toBeGreaterThan(0);
    const lost = results.filter((r) => r.stored === 'parked').length;
    expect(lost).toBe(calls.rows - calls.record);
    expect(results.filter((r) => r.stored === 'new')).toHaveLength(20 - lost);
    const shard = learnerLedger(quiz, await learnerKey(env, 'learner-b', quiz));
    expect(await parked(shard)).toHaveLength(lost);
    // A report moves the parked rows in first.
    expect((await resultsStore(env).report(quiz, 'all')).attempts).toBe(20);
    expect(await parked(shard)).toEqual([]);
    expect(await ledgerCount(quiz)).toBe(20);
  });
});
