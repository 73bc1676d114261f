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

const share = (s: AttemptSummary) => (s.max > 0 ? s.score / s.max : 0);

/** One quiz's attempts while they are counted, oldest first. */
interface Tally {
  attempts: number;
  best: number;
  last: AttemptSummary;
  lastAt: number;
}

/** What the overview shows of a learner's progress: each quiz's state and where to go on. */
export type CourseProgress = Pick<ProgressSummary, 'quizzes' | 'continueWith' | 'total'>;

/** What the progress page adds: the history and the questions missed, counted while the attempts are read. */
interface Details {
  history: ProgressSummary['history'];
  counts: Map<string, { quizId: string; times: number }>;
}

/**
 * The quizzes' progress from the attempts, in one pass in time order (each time parsed once; the KV store lists
 * them in order already, so the sort is usually skipped), grouped by quiz in a map; the history and the missed
 * questions too when `details` asks for them. Pure.
 */
function progressOf(summaries: readonly AttemptSummary[], quizIds: readonly string[], details: Details | null): CourseProgress {
  const n = summaries.length;
  const times = new Array<number>(n);
  let ordered = true;
  for (let i = 0; i < n; i++) {
    times[i] = Date.parse(summaries[i]!.createdAt);
    // Written so that a NaN time (never stored, but not excluded by the type) falls back to the sort.
    if (i > 0 && !(times[i - 1]! <= times[i]!)) ordered = false;
  }
  const order = Array.from({ length: n }, (_, i) => i);
  // Array sort is stable: attempts of the same time keep the order they were listed in.
  if (!ordered) order.sort((a, b) => times[a]! - times[b]!);

  const course = new Set(quizIds);
  const tallies = new Map<string, Tally>();
  let lastLesson: string | undefined;
  for (let k = 0; k < n; k++) {
    const s = summaries[order[k]!]!;
    const at = times[order[k]!]!;
    const sh = share(s);
    if (course.has(s.quizId)) {
      const t = tallies.get(s.quizId);
      if (t) {
        t.attempts++;
        t.best = Math.max(t.best, sh);
        t.last = s;
        t.lastAt = at;
      } else tallies.set(s.quizId, { attempts: 1, best: sh, last: s, lastAt: at });
      if (s.kind === 'lesson') lastLesson = s.quizId;
    }
    if (!details) continue;
    details.history.push({ quizId: s.quizId, share: sh, at, kind: s.kind });
    for (const id of s.missed) {
      const c = details.counts.get(id);
      if (c) c.times++;
      else details.counts.set(id, { quizId: s.quizId, times: 1 });
    }
  }

  const quizzes = quizIds.map((quizId): QuizProgress => {
    const t = tallies.get(quizId);
    if (!t) return { quizId, state: 'not-started', attempts: 0, best: null, latest: null, lastAt: null };
    return {
      quizId,
      state: t.best >= PASS_SHARE ? 'done' : 'in-progress',
      attempts: t.attempts,
      best: t.best,
      latest: share(t.last),
      lastAt: t.lastAt,
    };
  });
  let continueWith: string | null = null;
  if (n) {
    // From the lesson worked on last, round the course once: the first quiz not done.
    const start = lastLesson ? quizIds.indexOf(lastLesson) : 0;
    for (let k = 0; k < quizIds.length && continueWith === null; k++) {
      const id = quizIds[(start + k) % quizIds.length]!;
      const t = tallies.get(id);
      if (!t || !(t.best >= PASS_SHARE)) continueWith = id;
    }
  }
  return { quizzes, continueWith, total: n };
}

/** Each quiz's state and where to go on, as `summarize` gives them, without the history and the missed questions. */
export const courseProgress = (summaries: readonly AttemptSummary[], quizIds: readonly string[]): CourseProgress =>
  progressOf(summaries, quizIds, null);

/** Turns the stored attempt summaries into what the progress page and `/api/progress` show. Pure. */
export function summarize(summaries: readonly AttemptSummary[], quizIds: readonly string[]): ProgressSummary {
  const details: Details = { history: [], counts: new Map() };
  const { quizzes, continueWith, total } = progressOf(summaries, quizIds, details);
  const missed = [...details.counts]
    .map(([questionId, c]) => ({ questionId, ...c }))
    .sort((a, b) => b.times - a.times || a.questionId.localeCompare(b.questionId));
  return { quizzes, history: details.history, missed, continueWith, total };
}
