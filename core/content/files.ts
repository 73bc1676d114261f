/** One thing wrong with a content file: which file, where inside it, and what. */
export interface ContentProblem {
  file: string;
  path: string;
  message: string;
}

/** The content files by their path relative to the repo root, e.g. `content/course.json`. */
export type ContentFiles = Record<string, unknown>;

export const FILES = {
  course: 'content/course.json',
  article: 'content/article.json',
  lessons: 'content/lessons.json',
  glossary: 'content/glossary.json',
  questionsDir: 'content/questions/',
} as const;
