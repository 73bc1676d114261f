import type { AttemptMeta } from './attempt-record.ts';

/** A lesson counts as done from this share of the points in one practice attempt. */
export const PASS_SHARE = 0.8;

export type LessonState = 'not-started' | 'in-progress' | 'done';

export interface QuizProgress {
  quizId: string;
  state: LessonState;
  attempts: number;
  /** Best and latest share of points, 0..1 (null before the first attempt). */
  best: number | null;
  latest: number | null;
  lastAt: number | null;
}

export interface ProgressSummary {
  /** Per quiz id, in the order of `quizIds` given. */
  quizzes: QuizProgress[];
  /** Every attempt, oldest first: for the history chart. */
  history: Array<{ quizId: string; share: number; at: number; kind: AttemptMeta['k'] }>;
  /** Questions missed most often, most first. */
  missed: Array<{ questionId: string; quizId: string; times: number }>;
  /** Where to go on: the first lesson (in course order) that is not done, after the one worked on last. */
  continueWith: string | null;
  total: number;
}

/** Turns the stored attempt summaries into what the overview and the progress page show. Pure. */
export function summarize(metas: readonly AttemptMeta[], quizIds: readonly string[]): ProgressSummary {
  const sorted = [...metas].sort((a, b) => a.t - b.t);
  const share = (m: AttemptMeta) => (m.m > 0 ? m.s / m.m : 0);
  const quizzes = quizIds.map((quizId): QuizProgress => {
    const mine = sorted.filter((m) => m.q === quizId);
    if (!mine.length) return { quizId, state: 'not-started', attempts: 0, best: null, latest: null, lastAt: null };
    const best = Math.max(...mine.map(share));
    const last = mine[mine.length - 1]!;
    return { quizId, state: best >= PASS_SHARE ? 'done' : 'in-progress', attempts: mine.length, best, latest: share(last), lastAt: last.t };
  });
  const counts = new Map<string, { quizId: string; times: number }>();
  for (const m of sorted)
    for (const id of m.x) {
      const c = counts.get(id) ?? { quizId: m.q, times: 0 };
      c.times++;
      counts.set(id, c);
    }
  const missed = [...counts]
    .map(([questionId, c]) => ({ questionId, ...c }))
    .sort((a, b) => b.times - a.times || a.questionId.localeCompare(b.questionId));
  const lastLesson = [...sorted].reverse().find((m) => m.k === 'l' && quizIds.includes(m.q))?.q;
  const start = lastLesson ? quizIds.indexOf(lastLesson) : 0;
  const order = [...quizIds.slice(start), ...quizIds.slice(0, start)];
  const continueWith = sorted.length ? (order.find((id) => quizzes.find((q) => q.quizId === id)!.state !== 'done') ?? null) : null;
  return {
    quizzes,
    history: sorted.map((m) => ({ quizId: m.q, share: share(m), at: m.t, kind: m.k })),
    missed,
    continueWith,
    total: sorted.length,
  };
}
