import { describe, expect, it } from 'vitest';
import type { AttemptRecord } from '../../core/progress/attempt-record.ts';
import type { ProgressStore } from '../../worker/stores/progress-store.ts';
import { newAttemptId } from '../../worker/stores/keys.ts';

/** A learner nobody else uses: the stores of a run share their storage. */
export const newLearner = () => `learner-${crypto.randomUUID()}`;

let clock = Date.parse('2026-12-01T10:00:00.000Z');
/**
 * An attempt at `quizId` made `minutes` after the previous one made here, scoring each question as given
 * (its id: `${quizId}-${i + 1}`). Its id is time-ordered unless `id` is given.
 */
export function attempt(quizId: string, scores: number[], over: Partial<AttemptRecord> & { minutes?: number } = {}): AttemptRecord {
  const { minutes = 1, ...rest } = over;
  clock += minutes * 60_000;
  return {
    id: newAttemptId(clock),
    quizId,
    kind: quizId === 'final' ? 'final' : quizId.startsWith('s-') ? 'set' : 'lesson',
    version: '1.abc',
    lang: 'de',
    seed: 'abcd1234',
    createdAt: new Date(clock).toISOString(),
    score: scores.reduce((a, b) => a + b, 0),
    max: scores.length,
    questions: scores.map((score, i) => ({ id: `${quizId}-${i + 1}`, prompt: `Frage ${i + 1}`, response: { value: true }, score })),
    ...rest,
  };
}

/**
 * The behaviour every ProgressStore must have, run against each implementation (as hono's router suite runs
 * every router): test/worker/progress-store.test.ts.
 */
export function progressStoreContract(name: string, make: () => ProgressStore) {
  describe(`ProgressStore contract: ${name}`, () => {
    it('records an attempt and answers its summary in domain words, as it then lists it', async () => {
      const store = make();
      const learner = newLearner();
      const a = attempt('alliance', [1, 0.5, 0]);
      const summary = await store.record(learner, a);
      expect(summary).toEqual({
        quizId: 'alliance',
        kind: 'lesson',
        version: '1.abc',
        score: 1.5,
        max: 3,
        createdAt: a.createdAt,
        missed: ['alliance-2', 'alliance-3'],
      });
      expect(await store.summaries(learner)).toEqual([summary]);
      expect(await store.exportAll(learner)).toEqual([a]);
    });

    it("keeps a set's title with its summary, and says which kind each attempt was", async () => {
      const store = make();
      const learner = newLearner();
      await store.record(learner, attempt('s-abc123', [1], { title: 'Ein Set' }));
      await store.record(learner, attempt('final', [0]));
      expect((await store.summaries(learner)).map((s) => [s.kind, s.title])).toEqual([
        ['set', 'Ein Set'],
        ['final', undefined],
      ]);
    });

    it('lists oldest first by time, whatever the ids (an idempotent submit id is not time-ordered)', async () => {
      const store = make();
      const learner = newLearner();
      const late = attempt('china', [1], { id: 'k0000-first-by-id' });
      const early = attempt('alliance', [1], {
        id: 'kffff-last-by-id',
        createdAt: new Date(Date.parse(late.createdAt) - 3_600_000).toISOString(),
      });
      await store.record(learner, late);
      await store.record(learner, early);
      expect((await store.summaries(learner)).map((s) => s.quizId)).toEqual(['alliance', 'china']);
      expect((await store.exportAll(learner)).map((a) => a.id)).toEqual([early.id, late.id]);
    });

    it('stores the same attempt recorded again (a retry) once', async () => {
      const store = make();
      const learner = newLearner();
      const a = attempt('balance', [1, 1]);
      const first = await store.record(learner, a);
      expect(await store.record(learner, a)).toEqual(first);
      expect(await store.summaries(learner)).toHaveLength(1);
      expect(await store.exportAll(learner)).toEqual([a]);
    });

    it('keeps learners apart, and erases one learner only, harmlessly again', async () => {
      const store = make();
      const [a, b] = [newLearner(), newLearner()];
      await store.record(a, attempt('alliance', [1]));
      await store.record(a, attempt('china', [0]));
      await store.record(b, attempt('outlook', [1]));
      expect((await store.summaries(b)).map((s) => s.quizId)).toEqual(['outlook']);
      expect(await store.erase(a)).toBe(2);
      expect(await store.summaries(a)).toEqual([]);
      expect(await store.exportAll(a)).toEqual([]);
      expect(await store.erase(a)).toBe(0);
      expect(await store.exportAll(b)).toHaveLength(1);
    });

    it('answers nothing for a learner without attempts', async () => {
      const store = make();
      const learner = newLearner();
      expect(await store.summaries(learner)).toEqual([]);
      expect(await store.exportAll(learner)).toEqual([]);
      expect(await store.erase(learner)).toBe(0);
    });

    it('loses none of 20 attempts recorded at once by one learner (tabs submitting together)', async () => {
      const store = make();
      const learner = newLearner();
      const made = Array.from({ length: 20 }, (_, i) => attempt('cooperation', [i % 2]));
      const answered = await Promise.all(made.map((a) => store.record(learner, a)));
      expect(await store.summaries(learner)).toEqual(answered);
      expect((await store.exportAll(learner)).map((a) => a.id)).toEqual(made.map((a) => a.id));
    });
  });
}
