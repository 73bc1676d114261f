import { describe, expect, it } from 'vitest';
import type { LedgerEntry, ResultsStore } from '../../worker/stores/results-store.ts';

/** A quiz id nobody else uses: the stores of a run share their ledgers. */
export const newQuiz = () => `s-${crypto.randomUUID().slice(0, 10)}`;

let n = 0;
/** An attempt at `quizId` by `learnerId` answering true/false questions `q1`, `q2`, … with these scores. */
export const entry = (quizId: string, learnerId: string, scores: number[], over: Partial<LedgerEntry> = {}): LedgerEntry => ({
  quizId,
  kind: 'set',
  version: '1.abc',
  attemptId: `att-${++n}-${Math.random().toString(36).slice(2, 8)}`,
  learnerId,
  createdAt: new Date(Date.parse('2026-12-01T10:00:00.000Z') + n * 1000).toISOString(),
  lang: 'de',
  questions: scores.map((score, i) => ({ id: `q${i + 1}`, type: 'truefalse', score, response: { value: score === 1 } })),
  ...over,
});

/**
 * The behaviour every ResultsStore must have, run against each implementation: test/worker/results-store.test.ts.
 */
export function resultsStoreContract(name: string, make: () => ResultsStore) {
  describe(`ResultsStore contract: ${name}`, () => {
    it('records attempts and reports each learner’s first attempt or every attempt', async () => {
      const store = make();
      const quiz = newQuiz();
      expect(await store.record(entry(quiz, 'learner-a', [1, 0]))).toMatchObject({ stored: 'new' });
      await store.record(entry(quiz, 'learner-a', [1, 1]));
      await store.record(entry(quiz, 'learner-b', [0, 0], { version: '2.def' }));
      expect((await store.counts([quiz])).get(quiz)).toBe(3);
      const all = await store.report(quiz, 'all');
      expect(all).toMatchObject({ attempts: 3, version: '2.def', types: { q1: 'truefalse', q2: 'truefalse' } });
      const first = await store.report(quiz, 'first');
      expect(first.attempts).toBe(2);
      // learner a's first attempt (1, 0) and learner b's (0, 0): q1 facility 0.5, q2 facility 0
      expect(first.questions.find((q) => q.id === 'q1')).toMatchObject({ n: 2, facility: 0.5 });
      expect(first.questions.find((q) => q.id === 'q2')).toMatchObject({ n: 2, facility: 0 });
      expect(first.tallies.q1?.reduce((a, t) => a + t.count, 0)).toBe(2);
    });

    it('takes the first attempt by time, also when it was recorded late (a parked row moved in)', async () => {
      const store = make();
      const quiz = newQuiz();
      const later = entry(quiz, 'learner-a', [0]);
      await store.record(later);
      await store.record(entry(quiz, 'learner-a', [1], { createdAt: new Date(Date.parse(later.createdAt) - 60_000).toISOString() }));
      expect((await store.report(quiz, 'first')).questions[0]).toMatchObject({ n: 1, facility: 1 });
      expect((await store.scores(quiz, 'all')).rows).toEqual([[1], [0]]);
    });

    it('records a delivered-twice attempt once, and tells the retry the first one’s time and request digest', async () => {
      const store = make();
      const quiz = newQuiz();
      const e = entry(quiz, 'learner-a', [1], { requestHash: 'digest-1' });
      expect(await store.record(e)).toEqual({ stored: 'new', createdAt: e.createdAt, requestHash: 'digest-1' });
      const retry = await store.record({ ...e, createdAt: new Date(Date.now() + 60_000).toISOString(), requestHash: 'digest-2' });
      expect(retry).toEqual({ stored: 'repeat', createdAt: e.createdAt, requestHash: 'digest-1' });
      expect(await store.record({ ...entry(quiz, 'learner-b', [1]) })).toMatchObject({ requestHash: null });
      expect((await store.counts([quiz])).get(quiz)).toBe(2);
    });

    it('counts attempts for the quizzes asked about, 0 for one without any', async () => {
      const store = make();
      const [a, b] = [newQuiz(), newQuiz()];
      await store.record(entry(a, 'learner-a', [1]));
      expect(Object.fromEntries(await store.counts([a, b]))).toEqual({ [a]: 1, [b]: 0 });
      expect(await store.report(b, 'all')).toMatchObject({ attempts: 0, version: null, questions: [] });
    });

    it('gives the score matrix in the order asked, then other questions; essays listed as types, never scored', async () => {
      const store = make();
      const quiz = newQuiz();
      await store.record(entry(quiz, 'learner-a', [1, 0.5]));
      await store.record({
        ...entry(quiz, 'learner-b', [0]),
        questions: [
          { id: 'q3', type: 'truefalse', score: 1, response: { value: true } },
          { id: 'q9', type: 'essay', score: 0, response: { text: 'Ein Aufsatz' } },
        ],
      });
      expect(await store.scores(quiz, 'all', ['q2', 'q1'])).toEqual({
        questionIds: ['q2', 'q1', 'q3'],
        rows: [
          [0.5, 1, null],
          [null, null, 1],
        ],
      });
      const report = await store.report(quiz, 'all', { questionIds: ['q1', 'q2', 'q3'] });
      expect(report.types.q9).toBe('essay');
      expect(report.questions.map((q) => q.id)).toEqual(['q1', 'q2', 'q3']);
    });

    it('exports a learner’s rows per quiz, oldest first, answers as values, scores within 0..1, no pseudonym', async () => {
      const store = make();
      const [a, b, none] = [newQuiz(), newQuiz(), newQuiz()];
      const early = entry(a, 'learner-x', [1], { requestHash: 'digest' });
      const typed = {
        ...entry(a, 'learner-x', [], { lang: undefined }),
        questions: [
          { id: 'q2', type: 'short', score: 1.7, response: { text: 'Peking ' }, normalized: ['Peking'] },
          { id: 'q1', type: 'truefalse', score: -1, response: null },
        ],
      };
      await store.record(typed);
      await store.record({ ...early, createdAt: new Date(Date.parse(typed.createdAt) - 1000).toISOString() });
      await store.record(entry(b, 'learner-x', [0], { kind: 'lesson' }));
      await store.record(entry(a, 'learner-y', [1]));
      const rows = await store.rowsOf('learner-x', [a, b, none]);
      expect(rows.map((q) => q.quizId)).toEqual([a, b]);
      expect(rows[0]!.rows.map((r) => r.attemptId)).toEqual([early.attemptId, typed.attemptId]);
      expect(rows[0]!.rows[1]).toEqual({
        attemptId: typed.attemptId,
        version: '1.abc',
        kind: 'set',
        createdAt: typed.createdAt,
        questions: [
          { id: 'q1', type: 'truefalse', score: 0, response: null },
          { id: 'q2', type: 'short', score: 1, response: { text: 'Peking ' }, normalized: ['Peking'] },
        ],
      });
      expect(rows[0]!.rows[0]).toMatchObject({ lang: 'de' });
      expect(JSON.stringify(rows)).not.toMatch(/learnerKey|requestHash|learner-x/);
      expect(rows[1]!.rows).toHaveLength(1);
    });

    it('erases one learner from the quizzes given, harmlessly again, and reports drop', async () => {
      const store = make();
      const [a, b, untouched] = [newQuiz(), newQuiz(), newQuiz()];
      for (const quiz of [a, b, untouched]) await store.record(entry(quiz, 'learner-x', [1]));
      await store.record(entry(a, 'learner-x', [0]));
      await store.record(entry(a, 'learner-y', [1]));
      expect(await store.erase('learner-x', [a, b])).toBe(3);
      expect(Object.fromEntries(await store.counts([a, b, untouched]))).toEqual({ [a]: 1, [b]: 0, [untouched]: 1 });
      expect((await store.report(a, 'all')).attempts).toBe(1);
      expect(await store.rowsOf('learner-x', [a, b])).toEqual([]);
      expect(await store.erase('learner-x', [a, b])).toBe(0);
      expect((await store.rowsOf('learner-y', [a]))[0]!.rows).toHaveLength(1);
    });

    it('records one attempt delivered ten times at once exactly once (retries racing)', async () => {
      const store = make();
      const quiz = newQuiz();
      const e = entry(quiz, 'learner-a', [1], { requestHash: 'digest-r' });
      const outcomes = await Promise.all(Array.from({ length: 10 }, () => store.record(e)));
      expect(outcomes.map((o) => o.stored).sort()).toEqual(['new', ...Array(9).fill('repeat')]);
      for (const o of outcomes) expect(o).toMatchObject({ createdAt: e.createdAt, requestHash: 'digest-r' });
      expect((await store.counts([quiz])).get(quiz)).toBe(1);
    });

    it('loses none of 20 attempts recorded at once, and two erases at once remove each row once', async () => {
      const store = make();
      const quiz = newQuiz();
      await Promise.all(Array.from({ length: 20 }, (_, i) => store.record(entry(quiz, `learner-${i % 2}`, [i % 2]))));
      expect((await store.counts([quiz])).get(quiz)).toBe(20);
      const erased = await Promise.all([store.erase('learner-0', [quiz]), store.erase('learner-0', [quiz])]);
      expect(erased[0] + erased[1]).toBe(10);
      expect((await store.counts([quiz])).get(quiz)).toBe(10);
      expect(await store.rowsOf('learner-0', [quiz])).toEqual([]);
    });
  });
}
