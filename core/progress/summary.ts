import type { AttemptSummary } from './attempt-record.ts';

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
  /** When the latest attempt was made, ms since epoch. */
  lastAt: number | null;
}

export interface ProgressSummary {
  /** Per quiz id, in the order of `quizIds` given. */
  quizzes: QuizProgress[];
  /** Every attempt, oldest first: for the history chart (`at`: ms since epoch). */
  history: Array<{ quizId: string; share: number; at: number; kind: AttemptSummary['kind'] }>;
  /** Questions missed most often, most first. */
  missed: Array<{ questionId: string; quizId: string; times: number }>;
  /** Where to go on: the first lesson (in course order) that is not done, after the one worked on last. */
  continueWith: string | null;
  total: number;
}

/** Turns the stored attempt summaries into what the overview and the progress page show. Pure. */
export function summarize(summaries: readonly AttemptSummary[], quizIds: readonly string[]): ProgressSummary {
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
