import { grade, ResponseError, type GradeResult } from './grade.ts';
import { ResponseSchemas, type AnyResponse } from './response.ts';
import type { Question } from './schema.ts';
import type { Quiz } from './quiz.ts';

function issuePath(prefix: string, path: readonly PropertyKey[]) {
  return [prefix, ...path.map(String)].join('.');
}

/** Checks that `raw` is a response of the question's type; throws ResponseError naming each problem. */
export function parseResponse(q: Question, raw: unknown, at = 'response'): AnyResponse {
  const result = ResponseSchemas[q.type].safeParse(raw);
  if (!result.success)
    throw new ResponseError(
      result.error.issues.map((i) => ({ path: issuePath(at, i.path), message: `${i.message} (a "${q.type}" question)` })),
    );
  return result.data as AnyResponse;
}

export interface AttemptResult {
  quizId: string;
  version: string;
  /** Sum of the question scores. */
  score: number;
  /** Number of graded questions (essays excluded). */
  max: number;
  results: GradeResult[];
  /** Question ids left unanswered (scored 0). */
  unanswered: string[];
}

/**
 * Grades a whole attempt. Every question of the quiz counts toward `max`; an unanswered one scores 0.
 * A response for a question that is not in this quiz, or of the wrong shape, is a ResponseError: nothing is
 * graded then, so a bad request never yields a half-stored attempt.
 */
export function gradeAttempt(quiz: Quiz, responses: Readonly<Record<string, unknown>>, lang: string): AttemptResult {
  const problems: Array<{ path: string; message: string }> = [];
  for (const id of Object.keys(responses))
    if (!quiz.questions.some((q) => q.id === id))
      problems.push({ path: `responses.${id}`, message: `question "${id}" is not part of quiz "${quiz.id}"` });
  const parsed = new Map<string, AnyResponse>();
  for (const q of quiz.questions) {
    if (!Object.hasOwn(responses, q.id)) continue;
    try {
      parsed.set(q.id, parseResponse(q, responses[q.id], `responses.${q.id}`));
    } catch (e) {
      if (e instanceof ResponseError) problems.push(...e.details);
      else throw e;
    }
  }
  if (problems.length) throw new ResponseError(problems);

  const results: GradeResult[] = [];
  const unanswered: string[] = [];
  for (const q of quiz.questions) {
    const r = parsed.get(q.id);
    if (!r) {
      unanswered.push(q.id);
      continue;
    }
    try {
      results.push(grade(q, r, lang));
    } catch (e) {
      if (e instanceof ResponseError)
        problems.push(...e.details.map((d) => ({ ...d, path: d.path.replace(/^response/, `responses.${q.id}`) })));
      else throw e;
    }
  }
  if (problems.length) throw new ResponseError(problems);
  const score = Math.round(results.reduce((s, r) => s + r.score, 0) * 10000) / 10000;
  // Essays are kept but never scored: they do not count toward the maximum.
  const max = quiz.questions.filter((q) => q.type !== 'essay').length;
  return { quizId: quiz.id, version: quiz.version, score, max, results, unanswered };
}
