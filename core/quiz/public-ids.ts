// Public ids: what a learner's copy calls a choice, a gap's choice, a right-hand item or an order item. The
// worker makes them (a keyed MAC per attempt, docs/decisions/0007-public-ids.md) and hands core a plain
// lookup, so core stays pure and grading stays synchronous; authoring keys never leave the server.
import { kindOf } from './kinds/index.ts';
import { ORDER_KEY, type PublicIds } from './kinds/kind.ts';
import type { AnyResponse } from './response.ts';
import type { Question } from './schema.ts';

export { ORDER_KEY, type PublicIds } from './kinds/kind.ts';

/** Every key whose public id question `q` needs in a learner's copy, its grading and its shuffle. */
export const idKeys = (q: Question): string[] => kindOf(q.type).idKeys(q);

/** Every (question, key) a quiz's questions need, for the worker to make in one go. */
export const idRequests = (questions: readonly Question[]) => questions.flatMap((q) => idKeys(q).map((key) => ({ questionId: q.id, key })));

const slot = (questionId: string, key: string) => `${questionId}\u0000${key}`;

/**
 * The lookup over ids the worker made for `requests` (`values[i]` is the id of `requests[i]`). Asking for a
 * key it was not made for is our bug, not the learner's: it throws instead of inventing an id.
 */
export function idsFrom(requests: readonly { questionId: string; key: string }[], values: readonly string[]): PublicIds {
  const table = new Map(requests.map((r, i) => [slot(r.questionId, r.key), values[i]!]));
  return (questionId, key) => {
    const id = table.get(slot(questionId, key));
    if (id === undefined) throw new Error(`no public id for "${key}" of question "${questionId}" in this attempt`);
    return id;
  };
}

/**
 * Ids that are the authoring keys themselves: for what only instructors see (a set's preview) and for reading
 * responses stored in keys (the results ledger). Never for a learner's copy.
 */
export const AUTHORING_IDS: PublicIds = (_questionId, key) => key;

/** The ids of grading calls that were given none: only questions without choices or items may be graded so. */
export const NO_IDS: PublicIds = (questionId) => {
  throw new Error(`question "${questionId}" names choices or items: grading it needs the attempt's public ids`);
};

/**
 * A validated response with every public id replaced by its authoring key, so that responses of different
 * attempts (different ids) count together in item analysis. An id the question does not have stays as it is.
 * @example responseInKeys(q, { choice: 'k3v9…' }, session.ids) // → { choice: 'b' }
 */
export function responseInKeys(q: Question, response: AnyResponse, ids: PublicIds): AnyResponse {
  const keyOf = new Map(
    idKeys(q)
      .filter((k) => k !== ORDER_KEY)
      .map((k) => [ids(q.id, k), k]),
  );
  return kindOf(q.type).inKeys(q, response, (id) => keyOf.get(id) ?? id);
}
