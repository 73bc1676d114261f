import { pick } from '../content/localized.ts';
import type { GradeResult } from './feedback.ts';
import { KINDS, kindOf } from './kinds/index.ts';
import { clamp01, type GradeOptions, type PublicIds } from './kinds/kind.ts';
import { NO_IDS } from './public-ids.ts';
import type { AnyResponse } from './response.ts';
import type { Question } from './schema.ts';
import { validateResponse } from './validate.ts';

export type { DictationWord, FeedbackItem, GradeResult, TextVerdict } from './feedback.ts';
export type { GradeOptions } from './kinds/kind.ts';
export { longestInOrder, orderFromPositions } from './kinds/order.ts';
export { ResponseError, isUnanswered, validateAttempt, validateResponse } from './validate.ts';
export { ENDING_CREDIT } from './text-match.ts';
export { buildLexicon } from './lexicon.ts';

const round = (n: number) => Math.round(n * 10000) / 10000;

/** The response that scores 1, in the attempt's public ids. */
export function keyedResponse(q: Question, lang: string, ids: PublicIds): AnyResponse {
  return kindOf(q.type).keyed(q, lang, ids);
}

/**
 * Scores a response that passed validateResponse (it does not check ids again). Pure: the same question,
 * response and ids always give the same result, and shuffling never changes a score because responses name
 * items by their public ids, not by position. An unanswered response (isUnanswered) scores 0.
 */
export function scoreResponse(q: Question, response: AnyResponse, lang: string, opts: GradeOptions = {}): GradeResult {
  const kind = kindOf(q.type);
  const ids = opts.ids ?? NO_IDS;
  const answered = !kind.isUnanswered(q, response);
  const scored = kind.score(q, response, { ...opts, lang, ids });
  const score = answered && kind.graded ? round(clamp01(scored.score)) : 0;
  const outcome = kind.graded ? q.outcomeFeedback?.[score >= 1 ? 'correct' : score > 0 ? 'partial' : 'incorrect'] : undefined;
  return {
    questionId: q.id,
    type: q.type,
    score,
    correct: score === 1,
    graded: KINDS[q.type].graded,
    answered,
    items: scored.items,
    notes: scored.notes,
    solution: kind.keyed(q, lang, ids),
    solutionText: kind.solutionText(q, lang),
    explanation: q.explanation ? pick(q.explanation, lang) : '',
    ...(outcome ? { outcomeFeedback: pick(outcome, lang) } : {}),
    sources: q.sources,
  };
}

/**
 * Validates and grades one response: the one-call path for checking a single question. Throws a
 * ResponseError (a client error) for a malformed response or one naming ids the question does not have in
 * this attempt (`opts.ids`, required for questions with choices or items).
 * @example grade(q, { text: 'kritischen' }, 'de', { lexicon })
 * @example grade(q, { choice: copy.choices[0].id }, 'de', { ids: session.ids })
 */
export function grade(q: Question, response: unknown, lang: string, opts: GradeOptions = {}): GradeResult {
  return scoreResponse(q, validateResponse(q, response, opts.ids), lang, opts);
}
