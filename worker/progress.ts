import type { Context } from 'hono';
import type { AttemptResult } from '../core/quiz/attempt.ts';
import type { LearnerQuestion } from '../core/quiz/learner.ts';
import type { Quiz } from '../core/quiz/quiz.ts';
import type { AttemptMeta, AttemptRecord } from '../core/progress/attempt-record.ts';
import { summarize } from '../core/progress/summary.ts';
import { content } from './content.ts';
import type { AppEnv } from './env.ts';
import { currentLearner, ensureLearner } from './learner.ts';
import { newAttemptId } from './stores/keys.ts';
import { KvProgressStore, type ProgressStore } from './stores/progress-store.ts';

export const progressStore = (env: Env): ProgressStore => new KvProgressStore(env.PROGRESS);

export interface StoredAttempt {
  record: AttemptRecord;
  meta: AttemptMeta;
  /** The learner it was stored for (created by this write if new). */
  learner: string;
}

/**
 * Stores a graded attempt for the learner of this request (creating the learner on the first write):
 * one KV write. Returns what was stored, so the response can show it without reading KV back.
 */
export async function storeAttempt(
  c: Context<AppEnv>,
  quiz: Quiz,
  attempt: AttemptResult,
  opts: {
    lang: string;
    seed: string | null;
    copies: readonly LearnerQuestion[];
    responses: Readonly<Record<string, unknown>>;
    title?: string;
  },
): Promise<StoredAttempt> {
  const learner = await ensureLearner(c);
  const scores = new Map(attempt.results.map((r) => [r.questionId, r.score]));
  const record: AttemptRecord = {
    id: newAttemptId(),
    quizId: quiz.id,
    kind: quiz.kind,
    ...(opts.title ? { title: opts.title } : {}),
    version: quiz.version,
    lang: opts.lang,
    seed: opts.seed,
    createdAt: new Date().toISOString(),
    score: attempt.score,
    max: attempt.max,
    questions: opts.copies.map((q) => ({
      id: q.id,
      prompt: q.prompt,
      response: opts.responses[q.id] ?? null,
      score: scores.get(q.id) ?? 0,
    })),
  };
  const meta = await progressStore(c.env).record(learner, record);
  return { record, meta, learner };
}

export const lessonQuizIds = () => content.lessons.map((l) => l.id);

/** The learner's attempt summaries: nothing read at all without a valid learner cookie, else one `list()`. */
export async function loadAttempts(c: Context<AppEnv>) {
  const learner = await currentLearner(c);
  const metas = learner ? await progressStore(c.env).summaries(learner) : [];
  return { learner, metas };
}

/** The learner's progress over the lessons (overview, `/api/progress`). */
export async function loadSummary(c: Context<AppEnv>) {
  const { learner, metas } = await loadAttempts(c);
  return { learner, summary: summarize(metas, lessonQuizIds()) };
}
