import { describe, expect, it } from 'vitest';
import type { ReviewEvent, ReviewRecord } from '../../core/review/deck.ts';
import { schedule } from '../../core/review/schedule.ts';
import { newAttemptId } from '../../worker/stores/keys.ts';
import type { ReviewStore } from '../../worker/stores/review-store.ts';

/** A learner nobody else uses: the stores of a run share their storage. */
export const newLearner = () => `learner-${crypto.randomUUID()}`;

let clock = Date.parse('2026-12-01T10:00:00.000Z');
const next = () => (clock += 60_000);

/** A review of `cardId` scheduled from `prev` (null: the card's first), at the next minute. */
export function review(cardId: string, prev: ReviewRecord | null = null, rating: ReviewRecord['rating'] = 'good'): ReviewRecord {
  const at = next();
  return {
    type: 'review',
    id: newAttemptId(at),
    at,
    cardId,
    rating,
    correct: rating !== 'again',
    state: schedule(prev?.state ?? null, rating, at),
    prev: prev?.id ?? null,
  };
}
export const added = (source: { glossary: string } | { lesson: string }): ReviewEvent => {
  const at = next();
  return { type: 'add', id: newAttemptId(at), at, source };
};
export const settings = (newPerDay: number, autoAddMissed: boolean, dailyGoal: number): ReviewEvent => {
  const at = next();
  return { type: 'settings', id: newAttemptId(at), at, settings: { newPerDay, autoAddMissed, dailyGoal } };
};

/**
 * The behaviour every ReviewStore must have, run against each implementation: test/worker/review-store.test.ts.
 */
export function reviewStoreContract(name: string, make: () => ReviewStore) {
  describe(`ReviewStore contract: ${name}`, () => {
    it('gives back every kind of event as it was appended', async () => {
      const store = make();
      const learner = newLearner();
      const [glossary, lesson] = [added({ glossary: 'rare-earth' }), added({ lesson: 'china' })];
      const first = review('w:rare-earth:de-en');
      const log: ReviewEvent[] = [glossary, lesson, first, review('w:rare-earth:de-en', first, 'again'), settings(15, false, 30)];
      for (const e of log) await store.append(learner, e);
      expect(await store.events(learner)).toEqual(log);
    });

    it('lists events in the order of their ids (time), whatever order they were appended in', async () => {
      const store = make();
      const learner = newLearner();
      const [a, b, c] = [review('q:alliance-1'), review('q:alliance-2'), review('q:alliance-3')];
      for (const e of [c, a, b]) await store.append(learner, e);
      expect((await store.events(learner)).map((e) => e.id)).toEqual([a.id, b.id, c.id]);
    });

    it('keeps the answer with its review for the export, and out of the events', async () => {
      const store = make();
      const learner = newLearner();
      const add = added({ lesson: 'china' });
      const r = review('q:china-2');
      await store.append(learner, add);
      await store.append(learner, r, { response: { choice: 'c0' }, score: 1 });
      expect(await store.exportAll(learner)).toEqual([add, { ...r, response: { choice: 'c0' }, score: 1 }]);
      expect(await store.events(learner)).toEqual([add, r]);
    });

    it('keeps learners apart, and erases one whole log only, harmlessly again', async () => {
      const store = make();
      const [a, b] = [newLearner(), newLearner()];
      await store.append(a, added({ lesson: 'china' }));
      await store.append(a, review('q:china-1'));
      await store.append(b, settings(5, true, 10));
      expect((await store.events(b)).map((e) => e.type)).toEqual(['settings']);
      expect(await store.erase(a)).toBe(2);
      expect(await store.events(a)).toEqual([]);
      expect(await store.exportAll(a)).toEqual([]);
      expect(await store.erase(a)).toBe(0);
      expect(await store.events(b)).toHaveLength(1);
    });

    it('loses neither of two reviews of one card answered at once (two tabs), nor any of ten others', async () => {
      const store = make();
      const learner = newLearner();
      const [tab1, tab2] = [review('q:outlook-1'), review('q:outlook-1')];
      const others = Array.from({ length: 10 }, (_, i) => review(`q:outlook-${i + 2}`));
      await Promise.all([tab1, tab2, ...others].map((e) => store.append(learner, e)));
      const listed = await store.events(learner);
      expect(listed.filter((e) => e.type === 'review' && e.cardId === 'q:outlook-1')).toEqual([tab1, tab2]);
      expect(listed).toHaveLength(12);
    });
  });
}
