import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { progressStore } from '../../worker/stores/index.ts';
import { attempt, newLearner } from './progress-store-contract.ts';

// The KV store decodes each attempt's summary once per isolate (worker/stores/progress-store-kv.ts). A keyed
// retry whose ledger was down twice writes its key again with another time (docs/decisions/0008): the
// listing must show what KV holds now, not what was decoded before.
describe('KvProgressStore: summaries decoded once, never stale', () => {
  it('lists the time a rewrite of the same attempt stored, after the first was listed', async () => {
    const store = progressStore(env);
    const learner = newLearner();
    const first = attempt('china', [1, 0]);
    await store.record(learner, first);
    expect((await store.summaries(learner)).map((s) => s.createdAt)).toEqual([first.createdAt]);
    const later = new Date(Date.parse(first.createdAt) + 5_000).toISOString();
    const rewritten = await store.record(learner, { ...first, createdAt: later });
    expect(rewritten.createdAt).toBe(later);
    expect(await store.summaries(learner)).toEqual([rewritten]);
  });

  it('hands out summaries nobody can change for the next request', async () => {
    const store = progressStore(env);
    const learner = newLearner();
    await store.record(learner, attempt('china', [0, 0]));
    const [s] = await store.summaries(learner);
    expect(() => (s!.missed as string[]).push('china-9')).toThrow(TypeError);
    expect((await store.summaries(learner))[0]!.missed).toEqual(['china-1', 'china-2']);
  });
});
