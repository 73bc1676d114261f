import type { FeedbackItem } from '../feedback.ts';
import type { Grading } from '../grading.ts';
import type { LearnerQuestion } from '../learner-types.ts';
import type { ResponseOf } from '../response.ts';
import type { QuestionOf, QuestionType } from '../schema.ts';

export { assertNever } from './assert-never.ts';
export type { Grading } from '../grading.ts';

/** One problem with a response, by its path (`responses.q1.choice`), in words a client developer understands. */
export interface Problem {
  path: string;
  message: string;
}

/**
 * The public id of `key` (an authoring key: a choice id, `r0`, `i2`, `g1:a`, ORDER_KEY) in question `questionId`
 * for one attempt. The worker makes them (a keyed MAC, see core/quiz/public-ids.ts); core only looks them up.
 */
export type PublicIds = (questionId: string, key: string) => string;

/**
 * The key whose id seeds the shuffle of a question's lists: secret like every id, so nobody can undo a
 * shuffle back to the order an author wrote (GIFT's right answer first). Its value is never sent to a learner.
 * `~` cannot start an authoring id, so it never collides with one.
 */
export const ORDER_KEY = '~order';

/** Options of one grading run; data only, so core stays pure. */
export interface GradeOptions {
  /** The set's rule for typed answers; German-aware when absent (built-in quizzes, sets stored before the choice). */
  grading?: Grading;
  /** Every word form of the course (see buildLexicon): a typed course word is never taken for a typo. */
  lexicon?: ReadonlySet<string>;
  /**
   * The attempt's public ids. Required for questions with choices or items (grading without them throws);
   * typed, numerical and true/false questions need none.
   */
  ids?: PublicIds;
}

export interface GradeContext extends GradeOptions {
  /** The quiz language. */
  lang: string;
  ids: PublicIds;
}

/** What a kind's scoring gives back; grade() adds the parts every kind shares. */
export interface Scored {
  /** 0..1 before rounding. */
  score: number;
  items: FeedbackItem[];
  notes: string[];
}

export type LearnerOf<K extends QuestionType> = Extract<LearnerQuestion, { type: K }>;

/** Orders a list for one attempt (seeded by the secret ORDER_KEY id), so a reload shows the same order. */
export type Shuffler = <T>(items: readonly T[]) => T[];

/**
 * Everything the grader must know about one question kind. Each kind is one module; the map in
 * kinds/index.ts must have every QuestionType, so a new kind is a compile error until it is handled.
 */
export interface Kind<K extends QuestionType> {
  /** False only for kinds that are kept but never scored (essays). */
  graded: boolean;
  /** Problems beyond the response's shape (ids the question does not have, duplicates); empty when valid. */
  validate(q: QuestionOf<K>, r: ResponseOf<K>, at: string, ids: PublicIds): Problem[];
  /** True when the learner chose or typed nothing (a shape-valid response). */
  isUnanswered(q: QuestionOf<K>, r: ResponseOf<K>): boolean;
  /** Scores a validated, answered response. */
  score(q: QuestionOf<K>, r: ResponseOf<K>, ctx: GradeContext): Scored;
  /** The response that scores 1, in the learner's ids. */
  keyed(q: QuestionOf<K>, lang: string, ids: PublicIds): ResponseOf<K>;
  /** The solution as a learner reads it. */
  solutionText(q: QuestionOf<K>, lang: string): string;
  /** The learner's copy: no key of any kind, every choice and item named by its public id. */
  learner(q: QuestionOf<K>, lang: string, order: Shuffler, ids: PublicIds): LearnerOf<K>;
  /** Every key whose public id the question needs (ORDER_KEY too, if `learner` shuffles); none for typed kinds. */
  idKeys(q: QuestionOf<K>): string[];
  /** The response with each public id replaced by `keyOf(id)`: its authoring key (see responseInKeys). */
  inKeys(q: QuestionOf<K>, r: ResponseOf<K>, keyOf: (id: string) => string): ResponseOf<K>;
}

export const clamp01 = (n: number) => Math.min(1, Math.max(0, n));

/** The problem for an id a question does not have. */
export const unknownId = (q: { id: string }, path: string, id: string): Problem => ({
  path,
  message: `"${id}" is not part of question "${q.id}"`,
});

/** A per-language list (accepted answers, options) in `lang`, else the first language that has one. */
export function inLang<T>(perLang: Readonly<Record<string, readonly T[]>>, lang: string): readonly T[] {
  return perLang[lang] ?? Object.values(perLang)[0] ?? [];
}
