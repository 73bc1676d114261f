import type { Question } from '../../quiz/schema.ts';
import { choiceId } from './answers.ts';
import { textWriters, type TextWriters } from './write-text.ts';

/** What writing one set to GIFT shares: its languages, the text writers, and the notes gathered on the way. */
export interface GiftWriting extends TextWriters {
  langs: readonly string[];
  /** Things that will not come back exactly on import, in the order they were found. */
  notes: string[];
}

export function giftWriting(langs: readonly string[]): GiftWriting {
  return { ...textWriters(langs), langs, notes: [] };
}

/** A question GIFT cannot say: the writer leaves a comment in its place and names why. */
export class Skip extends Error {}

/** The question's general feedback as the last line of its block, or nothing. */
export const generalFeedback = (w: GiftWriting, q: Question) => (q.explanation ? `\t####${w.loc(q.explanation)}\n` : '');

/** Notes choice ids that GIFT cannot keep: they are written by position and come back as a, b, c, … */
export function noteChoiceIds(w: GiftWriting, q: Question, ids: readonly string[], what = 'choice') {
  if (ids.some((id, i) => id !== choiceId(i)))
    w.notes.push(
      `question ${q.id}: the ${what} ids (${ids.join(', ')}) are written by position and come back as ${ids.map((_, i) => choiceId(i)).join(', ')}.`,
    );
}
