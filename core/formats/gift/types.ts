import type { z } from 'zod';
import type { QuestionSchemas } from '../../quiz/schema.ts';
import type { QuestionSetInput } from '../../sets/schema.ts';
import type { FormatProblem } from '../shared/problems.ts';

/** Where a problem is in a GIFT file: 1-based line and column, and what is wrong, in an instructor's words. */
export type GiftProblem = FormatProblem;

/** A question as the readers build it: the schema's input type, so that a schema change breaks the build. */
export type QuestionInput = z.input<QuestionSchemas['Question']>;
export type QuestionType = QuestionInput['type'];
/** A question before it has an id (the readers give ids once the whole file is read). */
export type QuestionDraft = QuestionInput extends infer Q ? (Q extends unknown ? Omit<Q, 'id'> : never) : never;
/** The type-specific fields of one kind (what sits in the braces). */
export type KindFields<T extends QuestionType = QuestionType> = T extends QuestionType
  ? Omit<Extract<QuestionInput, { type: T }>, 'id' | 'prompt' | 'title' | 'explanation' | 'sources'>
  : never;

/**
 * The result of reading a GIFT file. `set` is in the input shape of core/sets/schema.ts's QuestionSet (not yet
 * validated: the caller validates it with setSchemas(set.languages) and uses `lineOf` to put each schema
 * problem at the line of its question). Nothing is imported when `problems` is not empty.
 */
export interface GiftImport {
  set: QuestionSetInput;
  /** The first line of each question's block, by question id. */
  lineOf: Record<string, number>;
  /** The `$CATEGORY` in force for each question, by question id (also kept on the set as `categories`). */
  categoryOf: Record<string, string>;
  problems: GiftProblem[];
  /** Things imported but changed on the way, e.g. markup outside the safe subset removed. */
  warnings: GiftProblem[];
}

export interface GiftOptions {
  /** The language of plain (non-multilang) text: the import's `?lang=`. */
  lang: string;
  /** The languages a set may use (the course's content languages); multilang spans in others are problems. */
  languages: readonly string[];
  /** Set title, from `?title=`; without it, the first category or "Untitled set". */
  title?: string;
  lesson?: string;
}
