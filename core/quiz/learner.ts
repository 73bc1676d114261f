import { kindOf } from './kinds/index.ts';
import { ORDER_KEY, type PublicIds } from './kinds/kind.ts';
import { shuffle } from './random.ts';
import type { Question } from './schema.ts';

export { assertNever } from './kinds/kind.ts';
export { clozeParts } from './kinds/cloze.ts';
export { leftId } from './kinds/match.ts';

export interface LearnerItem {
  id: string;
  text: string;
}
/**
 * A part of a cloze text: words, or a gap. A gap is typed (no options), a select of option texts (`options`, the
 * value sent is the text), a number field (`input: 'number'`), or a group of choices (`choices`, the value sent is
 * a choice id, several for `multiple`) shown as a select or as radio buttons / checkboxes in a column or a row.
 */
export type ClozePart =
  | { text: string }
  | { gap: string; options?: string[] }
  | { gap: string; input: 'number' }
  | { gap: string; choices: LearnerItem[]; multiple: boolean; display: 'select' | 'vertical' | 'horizontal' };

/** A question as the learner receives it: text in one language, shuffled per attempt, and no key of any kind. */
export type LearnerQuestion = { id: string; prompt: string } & (
  | { type: 'single'; choices: LearnerItem[] }
  | { type: 'multiple'; choices: LearnerItem[] }
  | { type: 'truefalse' }
  | { type: 'short' }
  | { type: 'cloze'; parts: ClozePart[] }
  | { type: 'match'; left: LearnerItem[]; right: LearnerItem[] }
  | { type: 'order'; items: LearnerItem[] }
  | { type: 'numerical' }
  /** `checklist`: words and structures to use, shown while writing (the model answer comes only after). */
  | { type: 'essay'; checklist?: string[] }
);

/**
 * The learner's copy of one question for one attempt: choices and items named by the attempt's public ids,
 * and shuffled by the secret ORDER_KEY id, so the same attempt renders the same way after a reload, a new
 * attempt (new ids) gets a new order, and nobody can work the author's order back out of a public seed.
 */
export function learnerCopy(q: Question, lang: string, ids: PublicIds): LearnerQuestion {
  return kindOf(q.type).learner(q, lang, (items) => shuffle(items, ids(q.id, ORDER_KEY)), ids);
}
