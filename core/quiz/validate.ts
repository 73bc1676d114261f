import { kindOf } from './kinds/index.ts';
import type { Problem, PublicIds } from './kinds/kind.ts';
import { NO_IDS } from './public-ids.ts';
import type { Quiz } from './quiz.ts';
import { ResponseSchemas, type AnyResponse } from './response.ts';
import { quickResponse } from './response-quick.ts';
import type { Question } from './schema.ts';

/** A response that is malformed or names choices, gaps or items the question does not have: a client error, not a wrong answer. */
export class ResponseError extends Error {
  readonly details: Problem[];
  constructor(details: Problem[]) {
    super(details.map((d) => `${d.path}: ${d.message}`).join('; '));
    this.name = 'ResponseError';
    this.details = details;
  }
}

/** Checks only the shape of a response for the question's type (no ids); the parsed response, or its problems. */
export function shapeOf(q: Question, raw: unknown, at = 'response'): { response: AnyResponse } | { problems: Problem[] } {
  const quick = quickResponse(q.type, raw);
  if (quick) return { response: quick };
  const result = ResponseSchemas[q.type].safeParse(raw);
  if (result.success) return { response: result.data as AnyResponse };
  return {
    problems: result.error.issues.map((i) => ({
      path: [at, ...i.path.map(String)].join('.'),
      message: `${i.message} (a "${q.type}" question)`,
    })),
  };
}

/** Every problem with `raw` as a response to `q` (its shape, then its ids), or the valid response. */
function check(q: Question, raw: unknown, at: string, ids: PublicIds): { response: AnyResponse } | { problems: Problem[] } {
  const shaped = shapeOf(q, raw, at);
  if (!('response' in shaped)) return shaped;
  const problems = kindOf(q.type).validate(q, shaped.response, at, ids);
  return problems.length ? { problems } : shaped;
}

/**
 * Checks that `raw` is a valid response to `q` (right shape, only public ids the question has in this attempt,
 * no duplicates) and returns it typed; throws a ResponseError naming every problem. Scoring assumes a response
 * that passed here. `ids` may be left out only for questions without choices or items.
 */
export function validateResponse(q: Question, raw: unknown, ids: PublicIds = NO_IDS, at = 'response'): AnyResponse {
  const checked = check(q, raw, at, ids);
  if ('problems' in checked) throw new ResponseError(checked.problems);
  return checked.response;
}

/** Whether `raw` is a valid response to `q` under the ids `ids` (as validateResponse checks it), without throwing. */
export const fitsResponse = (q: Question, raw: unknown, ids: PublicIds): boolean => 'response' in check(q, raw, 'response', ids);

/**
 * Checks a whole attempt's responses: every id must be a question of the quiz and every response valid.
 * Returns the valid responses by question id; throws one ResponseError with every problem (`responses.<id>…`).
 */
export function validateAttempt(
  quiz: Quiz,
  responses: Readonly<Record<string, unknown>>,
  ids: PublicIds = NO_IDS,
): Map<string, AnyResponse> {
  const problems: Problem[] = [];
  for (const id of Object.keys(responses))
    if (!quiz.questions.some((q) => q.id === id))
      problems.push({ path: `responses.${id}`, message: `question "${id}" is not part of quiz "${quiz.id}"` });
  const valid = new Map<string, AnyResponse>();
  for (const q of quiz.questions) {
    if (!Object.hasOwn(responses, q.id)) continue;
    const checked = check(q, responses[q.id], `responses.${q.id}`, ids);
    if ('problems' in checked) problems.push(...checked.problems);
    else valid.set(q.id, checked.response);
  }
  if (problems.length) throw new ResponseError(problems);
  return valid;
}

/**
 * True when `raw` chooses or types nothing for `q`: missing, a blank text, no choice, no pair, an order
 * that leaves an item without a place, every gap blank. A malformed response is not "unanswered" (it is
 * invalid, see validateResponse). Pages use this to say "nothing chosen" instead of grading.
 */
export function isUnanswered(q: Question, raw: unknown): boolean {
  if (raw === undefined || raw === null) return true;
  const shaped = shapeOf(q, raw);
  return 'response' in shaped && kindOf(q.type).isUnanswered(q, shaped.response);
}
