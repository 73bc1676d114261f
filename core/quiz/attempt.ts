import { scoreResponse } from './grade.ts';
import type { GradeResult } from './feedback.ts';
import type { GradeOptions } from './kinds/kind.ts';
import type { Quiz } from './quiz.ts';
import type { AnyResponse } from './response.ts';
import type { Question } from './schema.ts';
import { isUnanswered, ResponseError, shapeOf, validateAttempt } from './validate.ts';

/**
 * Checks only that `raw` has the shape of a response to the question's type; throws ResponseError naming
 * each problem. Prefer validateResponse, which also checks the ids; this stays for callers that grade next.
 */
export function parseResponse(q: Question, raw: unknown, at = 'response'): AnyResponse {
  const shaped = shapeOf(q, raw, at);
  if ('problems' in shaped) throw new ResponseError(shaped.problems);
  return shaped.response;
}

export interface AttemptResult {
  quizId: string;
  version: string;
  /** Sum of the question scores. */
  score: number;
  /** Number of graded questions (essays excluded). */
  max: number;
  /** One result per answered question, in quiz order. */
  results: GradeResult[];
  /** Question ids without a response or with an unanswered one (isUnanswered): scored 0. */
  unanswered: string[];
}

/**
 * Validates and grades a whole attempt. Every graded question of the quiz counts toward `max`; an
 * unanswered one scores 0. Any invalid response is a ResponseError listing every problem, and then nothing
 * is graded, so a bad request never yields a half-stored attempt.
 */
export function gradeAttempt(
  quiz: Quiz,
  responses: Readonly<Record<string, unknown>>,
  lang: string,
  opts: GradeOptions = {},
): AttemptResult {
  const valid = validateAttempt(quiz, responses, opts.ids);
  const results: GradeResult[] = [];
  const unanswered: string[] = [];
  for (const q of quiz.questions) {
    const r = valid.get(q.id);
    if (r === undefined || isUnanswered(q, r)) unanswered.push(q.id);
    else results.push(scoreResponse(q, r, lang, opts));
  }
  const score = Math.round(results.reduce((s, r) => s + r.score, 0) * 10000) / 10000;
  // Essays are kept but never scored: they do not count toward the maximum.
  const max = quiz.questions.filter((q) => q.type !== 'essay').length;
  return { quizId: quiz.id, version: quiz.version, score, max, results, unanswered };
}
