// What the inputs of every question kind share: their ids, the answer given before, and the right/wrong mark.
import type { FeedbackItem } from '../../core/quiz/grade.ts';
import type { LearnerQuestion } from '../../core/quiz/learner.ts';
import { Ui } from '../components/ui-text.tsx';
import type { QuizLabels } from './types.ts';

/**
 * The attributes of every field a learner types an answer into: a phone must not change what is graded
 * (auto-capitalisation turned "vorsehen" into "Vorsehen", autocorrect swaps German words for others), and a
 * browser's spell checker must not mark or fix the learner's German before it is checked.
 */
export const typedFieldAttrs = { autocomplete: 'off', autocapitalize: 'off', autocorrect: 'off', spellcheck: false } as const;

/** The id of one input of a question. */
export const fid = (q: Pick<LearnerQuestion, 'id'>, part: string) => `f-${q.id}-${part}`;

/** A learner copy of one kind (or kinds). */
export type CopyOf<K extends LearnerQuestion['type']> = Extract<LearnerQuestion, { type: K }>;

/** The answer given before, as loosely as a form gives it back (every kind reads its own fields). */
export type Given = Record<string, any> | undefined;

/** What every kind's inputs receive. */
export interface FieldProps<K extends LearnerQuestion['type']> {
  q: CopyOf<K>;
  labels: QuizLabels;
  /** Left undefined, values are not set: a re-render does not reset what the learner is typing or has ticked. */
  given: Given;
  locked: boolean | undefined;
  /** The graded answer's items, to mark each choice, pair or item in place; empty before checking. */
  items: readonly FeedbackItem[];
}

/** A right/wrong mark in the UI language: icon and words, never colour alone. */
export function Mark({ ok, text, lang }: { ok: boolean; text: string; lang: string }) {
  return (
    <Ui lang={lang} class={`mark ${ok ? 'ok' : 'bad'}`}>
      <span aria-hidden="true">{ok ? '✓ ' : '✗ '}</span>
      {text}
    </Ui>
  );
}
