import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { reviewStore } from '../../worker/stores/index.ts';
import { keys } from '../../worker/stores/keys.ts';
import { KvReviewStore } from '../../worker/stores/review-store-kv.ts';
import { countingKv } from './kv-counter.ts';
import { added, newLearner, review, reviewStoreContract } from './review-store-contract.ts';
import { MemoryReviewStore } from './review-store-memory.ts';

reviewStoreContract('in memory', () => new MemoryReviewStore());
// The factory the services use, so the contract holds for what production runs.
reviewStoreContract('KV (the factory)', () => reviewStore(env));

describe('KvReviewStore: what it costs in KV operations (docs/decisions/0004)', () => {
  it('one put per event; one list rebuilds the log, reading no value', async () => {
    const ops: string[] = [];
    const store = new KvReviewStore(countingKv(env.PROGRESS, 'PROGRESS', ops));
    const learner = newLearner();
    const first = review('q:china-1');
    await store.append(learner, added({ lesson: 'china' }));
    await store.append(learner, first, { response: { value: true }, score: 1 });
    await store.append(learner, review('q:china-1', first));
    expect(ops).toEqual(['PROGRESS.put', 'PROGRESS.put', 'PROGRESS.put']);
    ops.length = 0;
    expect(await store.events(learner)).toHaveLength(3);
    expect(ops).toEqual(['PROGRESS.list']);
  });

  it('erases with one list and a delete per event, and leaves the attempts to their own store', async () => {
    const ops: string[] = [];
    const store = new KvReviewStore(countingKv(env.PROGRESS, 'PROGRESS', ops));
    const learner = newLearner();
    await store.append(learner, added({ lesson: 'china' }));
    await store.append(learner, review('q:china-1'));
    await env.PROGRESS.put(keys.attempt(learner, 'a1'), '{}');
    ops.length = 0;
    expect(await store.erase(learner)).toBe(2);
    expect(ops).toEqual(['PROGRESS.list', 'PROGRESS.delete', 'PROGRESS.delete']);
    expect(await env.PROGRESS.get(keys.attempt(learner, 'a1'))).toBe('{}');
  });
});

describe('KvReviewStore: the encoding stays inside', () => {
  it('keeps every event within the 1 KiB metadata cap', async () => {
    const store = reviewStore(env);
    const learner = newLearner();
    await store.append(learner, review(`q:${'x'.repeat(200)}`));
    const { keys: listed } = await env.PROGRESS.list({ prefix: keys.reviewPrefix(learner) });
    expect(new TextEncoder().encode(JSON.stringify(listed[0]!.metadata)).length).toBeLessThanOrEqual(1024);
  });

  it('skips an event whose metadata this version does not know, instead of failing the deck', async () => {
    const store = reviewStore(env);
    const learner = newLearner();
    const known = added({ glossary: 'rare-earth' });
    await store.append(learner, known);
    await env.PROGRESS.put(keys.reviewEvent(learner, 'zzz-future'), '{}', { metadata: { t: 1, future: true } });
    await env.PROGRESS.put(keys.reviewEvent(learner, 'zzz-rating'), '{}', { metadata: { t: 1, c: 'q:x', g: 9, k: 1, p: '', s: [] } });
    expect(await store.events(learner)).toEqual([known]);
  });
});
