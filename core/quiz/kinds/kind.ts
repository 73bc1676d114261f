import type { FeedbackItem } from '../feedback.ts';
import type { LearnerQuestion } from '../learner.ts';
import type { ResponseOf } from '../response.ts';
import type { QuestionOf, QuestionType } from '../schema.ts';

/** One problem with a response, by its path (`responses.q1.choice`), in words a client developer understands. */
export interface Problem {
  path: string;
  message: string;
}

/** Options of one grading run; data only, so core stays pure. */
export interface GradeOptions {
  /** Every word form of the course (see buildLexicon): a typed course word is never taken for a typo. */
  lexicon?: ReadonlySet<string>;
}

export interface GradeContext extends GradeOptions {
  /** The quiz language. */
  lang: string;
}

/** What a kind's scoring gives back; grade() adds the parts every kind shares. */
export interface Scored {
  /** 0..1 before rounding. */
  score: number;
  items: FeedbackItem[];
  notes: string[];
}

export type LearnerOf<K extends QuestionType> = Extract<LearnerQuestion, { type: K }>;

/** Orders a list for one attempt (seeded), so a reload shows the same order. */
export type Shuffler = <T>(items: readonly T[]) => T[];

/**
 * Everything the grader must know about one question kind. Each kind is one module; the map in
 * kinds/index.ts must have every QuestionType, so a new kind is a compile error until it is handled.
 */
export interface Kind<K extends QuestionType> {
  /** False only for kinds that are kept but never scored (essays). */
  graded: boolean;
  /** Problems beyond the response's shape (ids the question does not have, duplicates); empty when valid. */
  validate(q: QuestionOf<K>, r: ResponseOf<K>, at: string): Problem[];
  /** True when the learner chose or typed nothing (a shape-valid response). */
  isUnanswered(q: QuestionOf<K>, r: ResponseOf<K>): boolean;
  /** Scores a validated, answered response. */
  score(q: QuestionOf<K>, r: ResponseOf<K>, ctx: GradeContext): Scored;
  /** The response that scores 1, in the learner's ids. */
  keyed(q: QuestionOf<K>, lang: string): ResponseOf<K>;
  /** The solution as a learner reads it. */
  solutionText(q: QuestionOf<K>, lang: string): string;
  /** The learner's copy: no key of any kind. */
  learner(q: QuestionOf<K>, lang: string, order: Shuffler): LearnerOf<K>;
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

export function assertNever(x: never): never {
  throw new Error(`Unhandled question type: ${JSON.stringify(x)}`);
}
