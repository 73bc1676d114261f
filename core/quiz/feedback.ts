import type { MatchKind } from './text-match.ts';
import type { AnyResponse } from './response.ts';
import type { QuestionType } from './schema.ts';

/**
 * How a typed text compared with the key, as the learner is told: `ending` names the expected inflectional
 * ending (without "-", "" for none) and `word` the typed word with the wrong ending; for `otherWord`,
 * `word` names the other word that was typed.
 */
export interface TextVerdict {
  given: string;
  match: MatchKind;
  /** The accepted answer the text was compared with (the spelling to show). */
  expected: string;
  /** True when the text earned credit (exact, spelling, typo, and an ending in a meaning question). */
  accepted: boolean;
  ending?: string;
  word?: string;
}

export type WordStatus = 'right' | 'misspelt' | 'ending' | 'missing' | 'extra';

/** One word of the feedback, in the order of the dictated text (extra words where they were written). */
export interface DictationWord {
  status: WordStatus;
  /** The word of the dictated text; absent for an extra word. */
  expected?: string;
  /** The word the learner wrote; absent for a missing word. */
  given?: string;
  /** How the written word compared with the text's (text-match.ts); absent for missing and extra words. */
  match?: MatchKind;
  /** For a wrong ending: the ending the text has, without "-" ("" for none). */
  ending?: string;
  /** 0..1: what this word earned. */
  credit: number;
}

/** What was right or wrong in one part of an answer, for feedback that says what, not only whether. */
export type FeedbackItem =
  | { kind: 'choice'; id: string; text: string; chosen: boolean; right: boolean }
  | { kind: 'truefalse'; given: boolean; expected: boolean }
  | ({ kind: 'text'; note?: string } & TextVerdict)
  | ({ kind: 'gap'; gap: string } & TextVerdict)
  | { kind: 'pair'; left: string; given: string | null; expected: string; right: boolean }
  | { kind: 'order'; longestInOrder: number; total: number; given: string[]; expected: string[] }
  | { kind: 'number'; given: number; expected: string; right: boolean }
  | { kind: 'essay'; given: string; checklist?: Array<{ text: string; used: boolean }>; modelAnswer?: string }
  /** A dictation, word by word in the order of the text (extra words where they were written). */
  | { kind: 'dictation'; given: string; expected: string; words: DictationWord[] };

export interface GradeResult {
  questionId: string;
  type: QuestionType;
  /** 0..1 */
  score: number;
  correct: boolean;
  /** False for essays: kept for the instructor, never scored. */
  graded: boolean;
  /** False when nothing was chosen or typed (see isUnanswered): such a response scores 0. */
  answered: boolean;
  items: FeedbackItem[];
  /** The author's feedback for what was chosen, in the quiz language. */
  notes: string[];
  /** The keyed response: what scores 1. */
  solution: AnyResponse;
  /** The solution as a learner reads it (an essay's model answer). */
  solutionText: string;
  explanation: string;
  /** The author's words for this outcome (Moodle's correct / partially correct / incorrect feedback), if any. */
  outcomeFeedback?: string;
  sources: string[];
}
