import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { META_LIMIT_BYTES } from '../../worker/stores/attempt-meta.ts';
import { progressStore } from '../../worker/stores/index.ts';
import { keys } from '../../worker/stores/keys.ts';
import { KvProgressStore } from '../../worker/stores/progress-store-kv.ts';
import { countingKv } from './kv-counter.ts';
import { attempt, newLearner, progressStoreContract } from './progress-store-contract.ts';
import { MemoryProgressStore } from './progress-store-memory.ts';

progressStoreContract('in memory', () => new MemoryProgressStore());
// The factory the services use, so the contract holds for what production runs.
progressStoreContract('KV (the factory)', () => progressStore(env));

/** A KV store whose every operation is written down. */
function counted() {
  const ops: string[] = [];
  return { store: new KvProgressStore(countingKv(env.PROGRESS, 'PROGRESS', ops)), ops };
}

describe('KvProgressStore: what it costs in KV operations (the budgets of docs/decisions/0001)', () => {
  it('one put per attempt, one list for the summaries, no read of any value', async () => {
    const { store, ops } = counted();
    const learner = newLearner();
    await store.record(learner, attempt('alliance', [1, 0]));
    expect(ops).toEqual(['PROGRESS.put']);
    ops.length = 0;
    expect(await store.summaries(learner)).toHaveLength(1);
    expect(ops).toEqual(['PROGRESS.list']);
  });

  it('erases with one list and a delete per attempt, and leaves the review log to its own store', async () => {
    const { store, ops } = counted();
    const learner = newLearner();
    for (const quiz of ['alliance', 'china', 'outlook']) await store.record(learner, attempt(quiz, [1]));
    await env.PROGRESS.put(keys.reviewEvent(learner, 'r1'), '{}');
    ops.length = 0;
    expect(await store.erase(learner)).toBe(3);
    expect(ops).toEqual(['PROGRESS.list', 'PROGRESS.delete', 'PROGRESS.delete', 'PROGRESS.delete']);
    expect(await env.PROGRESS.get(keys.reviewEvent(learner, 'r1'))).toBe('{}');
  });
});

describe('KvProgressStore: the encoding stays inside', () => {
  it('keeps the summary within the 1 KiB metadata cap, and answers the capped summary it stored', async () => {
    const store = progressStore(env);
    const learner = newLearner();
    const many = attempt('final', Array(100).fill(0), { kind: 'final' });
    const summary = await store.record(learner, many);
    expect(summary.missed.length).toBeGreaterThan(10);
    expect(summary.missed.length).toBeLessThan(100);
    expect(summary.missed).toEqual(many.questions.slice(0, summary.missed.length).map((q) => q.id));
    expect(await store.summaries(learner)).toEqual([summary]);
    const { keys: listed } = await env.PROGRESS.list({ prefix: keys.attemptPrefix(learner) });
    expect(new TextEncoder().encode(JSON.stringify(listed[0]!.metadata)).length).toBeLessThanOrEqual(META_LIMIT_BYTES);
    // The full record is the value: nothing is lost for the export.
    expect((await store.exportAll(learner))[0]!.questions).toHaveLength(100);
  });

  it('reads attempts stored by earlier versions, and skips metadata it does not know instead of failing', async () => {
    const store = progressStore(env);
    const learner = newLearner();
    const t = Date.parse('2026-10-01T08:00:00.000Z');
    await env.PROGRESS.put(keys.attempt(learner, 'old-1'), '{}', {
      metadata: { q: 's-gone123', k: 's', v: '3.abc', s: 2, m: 4, t, x: ['q9'], n: 'Ein gelöschtes Set' },
    });
    await env.PROGRESS.put(keys.attempt(learner, 'odd-2'), '{}', { metadata: { something: 'else' } });
    await env.PROGRESS.put(keys.attempt(learner, 'bare-3'), '{}');
    expect(await store.summaries(learner)).toEqual([
      {
        quizId: 's-gone123',
        kind: 'set',
        version: '3.abc',
        score: 2,
        max: 4,
        createdAt: '2026-10-01T08:00:00.000Z',
        missed: ['q9'],
        title: 'Ein gelöschtes Set',
      },
    ]);
  });
});
