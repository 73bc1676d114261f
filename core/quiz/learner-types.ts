// What a learner receives of a question: the shapes only (the kinds make them; see learner.ts).

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
  /** `reusable`: stems share an answer, so one right-hand item may be chosen for several (as in Moodle). */
  | { type: 'match'; left: LearnerItem[]; right: LearnerItem[]; reusable?: boolean }
  | { type: 'order'; items: LearnerItem[] }
  | { type: 'numerical' }
  /** `checklist`: words and structures to use, shown while writing (the model answer comes only after). */
  | { type: 'essay'; checklist?: string[] }
  /** `dictate`: the German text the browser speaks (and shows behind a button where it cannot): see kinds/dictation.ts. */
  | { type: 'dictation'; dictate: string }
);
