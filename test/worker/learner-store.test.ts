// A learner's attempts and review log read with one listing (worker/stores/learner-store-kv.ts): the same
// summaries and events as the two stores give apart, in as many list() calls as pages, one for most learners.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { KvLearnerStore } from '../../worker/stores/learner-store-kv.ts';
import { KvProgressStore } from '../../worker/stores/progress-store-kv.ts';
import { KvReviewStore } from '../../worker/stores/review-store-kv.ts';
import { countingKv } from './kv-counter.ts';
import { attempt } from './progress-store-contract.ts';
import { added, newLearner, review, settings } from './review-store-contract.ts';

const progress = new KvProgressStore(env.PROGRESS);
const reviews = new KvReviewStore(env.PROGRESS);

describe('KvLearnerStore: attempts and review log in one listing', () => {
  it("reads what the progress and review stores read, one list() for both, and nobody else's keys", async () => {
    const learner = newLearner();
    const other = newLearner();
    await progress.record(learner, attempt('china', [1, 0, 1]));
    await progress.record(learner, attempt('final', [0, 1]));
    const first = review('q:china-2');
    await reviews.append(learner, added({ lesson: 'china' }));
    await reviews.append(learner, first, { response: { value: true }, score: 1 });
    await reviews.append(learner, review('q:china-2', first, 'again'));
    await reviews.append(learner, settings(5, false, 10));
    await progress.record(other, attempt('china', [1]));
    await reviews.append(other, added({ glossary: 'seltene-erden' }));

    const ops: string[] = [];
    const read = await new KvLearnerStore(countingKv(env.PROGRESS, 'PROGRESS', ops)).read(learner);
    expect(ops).toEqual(['PROGRESS.list']);
    expect(read).toEqual({ summaries: await progress.summaries(learner), events: await reviews.events(learner) });
    expect(read.summaries.map((s) => s.quizId)).toEqual(['china', 'final']);
    expect(read.events.map((e) => e.type).sort()).toEqual(['add', 'review', 'review', 'settings']);
  });

  it('reads every page of a learner past 1,000 keys: their newest attempts and all their reviews', async () => {
    const learner = newLearner();
    const records = Array.from({ length: 1_003 }, (_, i) => attempt(i % 2 ? 'china' : 'alliance', [i % 3 === 0 ? 1 : 0]));
    for (let i = 0; i < records.length; i += 100) await Promise.all(records.slice(i, i + 100).map((r) => progress.record(learner, r)));
    await reviews.append(learner, added({ lesson: 'china' }));
    await reviews.append(learner, review('q:china-1'));

    const ops: string[] = [];
    const read = await new KvLearnerStore(countingKv(env.PROGRESS, 'PROGRESS', ops)).read(learner);
    expect(ops).toEqual(['PROGRESS.list', 'PROGRESS.list']);
    expect(read.summaries).toHaveLength(1_003);
    expect(read.summaries.at(-1)!.createdAt).toBe(records.at(-1)!.createdAt);
    expect(read.events).toHaveLength(2);
    // The progress store alone reads every page too (with one, a learner past 1,000 lost their newest).
    expect(await progress.summaries(learner)).toEqual(read.summaries);
  });
});
