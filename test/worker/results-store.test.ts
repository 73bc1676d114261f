import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { resultsStore } from '../../worker/stores/index.ts';
import { learnerKey } from '../../worker/stores/results-store.ts';
import { PSEUDONYMS_MAX, pseudonymOf, pseudonymsHeld } from '../../worker/stores/results-store-do.ts';
import { learnerLedger } from '../../worker/stores/results-store-shards.ts';
import { countingKv } from './kv-counter.ts';
import { failingLedger, parked } from './attempt-helpers.ts';
import { entry, newQuiz, resultsStoreContract } from './results-store-contract.ts';
import { MemoryResultsStore } from './results-store-memory.ts';

resultsStoreContract('in memory', () => new MemoryResultsStore());
// The factory the services use (one ResultsLedger Durable Object per quiz), so the contract holds for what
// production runs; every test names its own quizzes, so the runs do not see each other's rows.
resultsStoreContract('ResultsLedger Durable Objects (the factory)', () => resultsStore(env));

/** The factory's store on a KV binding whose every operation is written down (the ledgers' own KV is not). */
function counted(over: Partial<Env> = {}) {
  const ops: string[] = [];
  return { store: resultsStore({ ...env, ...over, PROGRESS: countingKv(env.PROGRESS, 'PROGRESS', ops) }), ops };
}

describe('DoResultsStore: KV operations from the submitting worker (the budget of docs/decisions/0008)', () => {
  it('none while the ledger answers: record, counts, report, scores, export and erase are Durable Object calls', async () => {
    const { store, ops } = counted();
    const quiz = newQuiz();
    await store.record(entry(quiz, 'learner-a', [1, 0]));
    await store.counts([quiz]);
    await store.report(quiz, 'first');
    await store.scores(quiz, 'all');
    await store.rowsOf('learner-a', [quiz]);
    await store.erase('learner-a', [quiz]);
    expect(ops).toEqual([]);
  });

  it('one put when the ledger fails: the row is parked before the record resolves', async () => {
    const { store, ops } = counted({ RESULTS: failingLedger() });
    const quiz = newQuiz();
    const e = entry(quiz, 'learner-a', [1]);
    expect(await store.record(e)).toEqual({ stored: 'parked', createdAt: e.createdAt, requestHash: null });
    expect(ops).toEqual(['PROGRESS.put']);
    // Parked under the learner's shard (a set has several), whose sweep moves it in.
    const shard = learnerLedger(quiz, await learnerKey(env, 'learner-a', quiz));
    expect(await parked(shard)).toEqual([`results-pending:${shard}:${e.attemptId}`]);
  });

  it('rejects when the ledger and KV both fail, so nothing is acknowledged', async () => {
    const failingKv = new Proxy(env.PROGRESS, {
      get: (target, prop) => (prop === 'put' ? () => Promise.reject(new Error('KV unavailable')) : Reflect.get(target, prop)),
    });
    const store = resultsStore({ ...env, RESULTS: failingLedger(), PROGRESS: failingKv });
    await expect(store.record(entry(newQuiz(), 'learner-a', [1]))).rejects.toThrow('KV unavailable');
  });
});

describe('DoResultsStore: learner pseudonyms remembered per isolate', () => {
  it('gives each quiz and learner their own HMAC, under the secret of the call, and holds a bounded number', async () => {
    // Pairs whose quiz and learner ids concatenate alike must not share a key.
    const pairs = [
      ['ab', 'c'],
      ['a', 'bc'],
      ['final', 'learner-1'],
      ['final', 'learner-2'],
      ['china', 'learner-1'],
    ] as const;
    for (let round = 0; round < 2; round++)
      for (const [quiz, learner] of pairs) expect(await pseudonymOf(env, learner, quiz)).toBe(await learnerKey(env, learner, quiz));
    const other = { LEARNER_SECRET: 'another-secret-0123456789abcdef' };
    expect(await pseudonymOf(other, 'learner-1', 'final')).toBe(await learnerKey(other, 'learner-1', 'final'));
    expect(await pseudonymOf(env, 'learner-1', 'final')).toBe(await learnerKey(env, 'learner-1', 'final'));

    for (let i = 0; i < PSEUDONYMS_MAX + 50; i++) await pseudonymOf(env, `many-${i}`, 'final');
    expect(pseudonymsHeld()).toBe(PSEUDONYMS_MAX);
    // The first ones went first; asked again, they are computed again, the same.
    expect(await pseudonymOf(env, 'many-0', 'final')).toBe(await learnerKey(env, 'many-0', 'final'));
    expect(pseudonymsHeld()).toBe(PSEUDONYMS_MAX);
  });
});
