/** Where a problem is in a GIFT file: 1-based line and column, and what is wrong, in an instructor's words. */
export interface GiftProblem {
  line: number;
  column: number;
  message: string;
}

/**
 * The result of reading a GIFT file. `set` is a plain object in the shape of core/sets/schema.ts's
 * QuestionSet (not yet validated: the caller validates it with setSchemas(set.languages) and uses
 * `lineOf` to put each schema problem at the line of its question). Nothing is imported when
 * `problems` is not empty.
 */
export interface GiftImport {
  set: {
    title: Record<string, string>;
    languages: string[];
    lesson?: string;
    passages: Array<{ before: string | null; text: Record<string, string> }>;
    questions: Array<Record<string, unknown>>;
  };
  /** The first line of each question's block, by question id. */
  lineOf: Record<string, number>;
  /** The `$CATEGORY` in force for each question, by question id (kept for export). */
  categoryOf: Record<string, string>;
  problems: GiftProblem[];
  /** Things imported but changed on the way, e.g. HTML formatting reduced to text. */
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
