import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { AttemptSummary } from '../../core/progress/attempt-record.ts';
import { PASS_SHARE, courseProgress, summarize, type ProgressSummary, type QuizProgress } from '../../core/progress/summary.ts';

/**
 * The summary as it was computed before it became one pass (sorted copies, a filter per quiz): the single pass
 * must give exactly this, for any attempts in any order.
 */
function reference(summaries: readonly AttemptSummary[], quizIds: readonly string[]): ProgressSummary {
  const sorted = summaries.map((s) => ({ ...s, at: Date.parse(s.createdAt) })).sort((a, b) => a.at - b.at);
  const share = (s: AttemptSummary) => (s.max > 0 ? s.score / s.max : 0);
  const quizzes = quizIds.map((quizId): QuizProgress => {
    const mine = sorted.filter((s) => s.quizId === quizId);
    if (!mine.length) return { quizId, state: 'not-started', attempts: 0, best: null, latest: null, lastAt: null };
    const best = Math.max(...mine.map(share));
    const last = mine[mine.length - 1]!;
    return {
      quizId,
      state: best >= PASS_SHARE ? 'done' : 'in-progress',
      attempts: mine.length,
      best,
      latest: share(last),
      lastAt: last.at,
    };
  });
  const counts = new Map<string, { quizId: string; times: number }>();
  for (const s of sorted)
    for (const id of s.missed) {
      const c = counts.get(id) ?? { quizId: s.quizId, times: 0 };
      c.times++;
      counts.set(id, c);
    }
  const missed = [...counts]
    .map(([questionId, c]) => ({ questionId, ...c }))
    .sort((a, b) => b.times - a.times || a.questionId.localeCompare(b.questionId));
  const lastLesson = [...sorted].reverse().find((s) => s.kind === 'lesson' && quizIds.includes(s.quizId))?.quizId;
  const start = lastLesson ? quizIds.indexOf(lastLesson) : 0;
  const order = [...quizIds.slice(start), ...quizIds.slice(0, start)];
  const continueWith = sorted.length ? (order.find((id) => quizzes.find((q) => q.quizId === id)!.state !== 'done') ?? null) : null;
  return {
    quizzes,
    history: sorted.map((s) => ({ quizId: s.quizId, share: share(s), at: s.at, kind: s.kind })),
    missed,
    continueWith,
    total: sorted.length,
  };
}

const quizId = fc.constantFrom('a', 'b', 'c', 'final', 'set1');
const attempt: fc.Arbitrary<AttemptSummary> = fc.record({
  quizId,
  kind: fc.constantFrom('lesson', 'final', 'set'),
  version: fc.constant('1'),
  score: fc.integer({ min: 0, max: 12 }),
  max: fc.integer({ min: 0, max: 12 }),
  // Few distinct times, so that ties (kept in listed order) are common; now and then one that does not parse.
  createdAt: fc.oneof(
    { weight: 20, arbitrary: fc.integer({ min: 0, max: 6 }).map((t) => new Date(1_700_000_000_000 + t * 1000).toISOString()) },
    { weight: 1, arbitrary: fc.constant('not a time') },
  ),
  missed: fc.array(fc.constantFrom('q1', 'q2', 'q3', 'q4'), { maxLength: 3 }),
});

describe('summarize, one pass', () => {
  it('equals the sort-and-filter summary for any attempts, in any listed order', () => {
    fc.assert(
      fc.property(fc.array(attempt, { maxLength: 30 }), fc.subarray(['a', 'b', 'c', 'final']), (summaries, quizIds) => {
        expect(summarize(summaries, quizIds)).toEqual(reference(summaries, quizIds));
      }),
      { numRuns: 2_000 },
    );
  });

  it("gives the overview's part (states, where to go on, total) exactly as the whole summary has it", () => {
    fc.assert(
      fc.property(fc.array(attempt, { maxLength: 30 }), fc.subarray(['a', 'b', 'c', 'final']), (summaries, quizIds) => {
        const { quizzes, continueWith, total } = reference(summaries, quizIds);
        expect(courseProgress(summaries, quizIds)).toEqual({ quizzes, continueWith, total });
      }),
      { numRuns: 2_000 },
    );
  });

  it('equals it for attempts already in time order (the sort is skipped)', () => {
    fc.assert(
      fc.property(fc.array(attempt, { maxLength: 30 }), (summaries) => {
        const ordered = [...summaries].sort((x, y) => x.createdAt.localeCompare(y.createdAt)).filter((s) => s.createdAt !== 'not a time');
        expect(summarize(ordered, ['a', 'b', 'c'])).toEqual(reference(ordered, ['a', 'b', 'c']));
      }),
      { numRuns: 1_000 },
    );
  });
});
