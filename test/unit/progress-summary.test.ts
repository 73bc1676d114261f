import { describe, expect, it } from 'vitest';
import type { AttemptSummary } from '../../core/progress/attempt-record.ts';
import { summarize } from '../../core/progress/summary.ts';

/** An attempt at quiz `q`: `s` of `m` points at `t` ms since epoch, missing the questions `x`. */
const meta = (q: string, s: number, m: number, t: number, x: string[] = []): AttemptSummary => ({
  quizId: q,
  kind: q === 'final' ? 'final' : 'lesson',
  version: '1',
  score: s,
  max: m,
  createdAt: new Date(t).toISOString(),
  missed: x,
});
const lessons = ['a', 'b', 'c'];

describe('summarize', () => {
  it('marks lessons not started, in progress (below 80 %) and done', () => {
    const s = summarize([meta('a', 10, 10, 1), meta('b', 5, 10, 2)], lessons);
    expect(s.quizzes.map((q) => q.state)).toEqual(['done', 'in-progress', 'not-started']);
  });

  it('keeps the best and the latest share apart', () => {
    const s = summarize([meta('a', 9, 10, 1), meta('a', 4, 10, 3), meta('a', 6, 10, 2)], lessons);
    expect(s.quizzes[0]).toMatchObject({ attempts: 3, best: 0.9, latest: 0.4, lastAt: 3 });
  });

  it('continues with the next lesson not done after the one worked on last', () => {
    expect(summarize([meta('a', 10, 10, 1), meta('b', 10, 10, 2)], lessons).continueWith).toBe('c');
    expect(summarize([meta('b', 2, 10, 1)], lessons).continueWith).toBe('b');
    expect(summarize([meta('c', 10, 10, 1)], lessons).continueWith).toBe('a');
    expect(summarize([], lessons).continueWith).toBeNull();
  });

  it('counts the questions missed most, most first', () => {
    const s = summarize([meta('a', 1, 3, 1, ['a-2', 'a-3']), meta('a', 2, 3, 2, ['a-3'])], lessons);
    expect(s.missed).toEqual([
      { questionId: 'a-3', quizId: 'a', times: 2 },
      { questionId: 'a-2', quizId: 'a', times: 1 },
    ]);
  });

  it('orders the history oldest first, whatever order KV lists', () => {
    expect(summarize([meta('b', 1, 2, 5), meta('a', 1, 1, 2)], lessons).history.map((h) => h.at)).toEqual([2, 5]);
  });
});
