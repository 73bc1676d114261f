import { kindOf } from './kinds/index.ts';
import { ORDER_KEY, type PublicIds } from './kinds/kind.ts';
import { shuffle } from './random.ts';
import type { Question } from './schema.ts';

export { assertNever } from './kinds/kind.ts';
export { clozeParts } from './kinds/cloze.ts';
export { leftId } from './kinds/match.ts';

export type { ClozePart, LearnerItem, LearnerQuestion } from './learner-types.ts';
import type { LearnerQuestion } from './learner-types.ts';

/**
 * The learner's copy of one question for one attempt: choices and items named by the attempt's public ids,
 * and shuffled by the secret ORDER_KEY id, so the same attempt renders the same way after a reload, a new
 * attempt (new ids) gets a new order, and nobody can work the author's order back out of a public seed.
 */
export function learnerCopy(q: Question, lang: string, ids: PublicIds): LearnerQuestion {
  return kindOf(q.type).learner(q, lang, (items) => shuffle(items, ids(q.id, ORDER_KEY)), ids);
}
