import type { z } from 'zod';
import type { Question } from '../quiz/schema.ts';
import { checkDictations } from './check-dictations.ts';
import { checkArticle, checkGlossary, checkLessons, checkQuestions } from './checks.ts';
import { FILES, type ContentFiles, type ContentProblem } from './files.ts';
import { CourseSchema, schemasFor, type Article, type Course, type GlossaryEntry, type Lesson, type Schemas } from './schema.ts';

export { FILES, type ContentFiles, type ContentProblem };

export class ContentError extends Error {
  readonly problems: ContentProblem[];
  constructor(problems: ContentProblem[]) {
    super(`Invalid content:\n${problems.map((p) => `  ${p.file}: ${p.path || '(root)'}: ${p.message}`).join('\n')}`);
    this.name = 'ContentError';
    this.problems = problems;
  }
}

export interface Content {
  course: Course;
  article: Article;
  lessons: Lesson[];
  glossary: GlossaryEntry[];
  /** Questions per lesson id, in file order. */
  questions: Record<string, Question[]>;
}

/** Formats a zod issue path as `sentences[3].text.en`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

function parse<T extends z.ZodType>(schema: T, file: string, data: unknown, problems: ContentProblem[]): z.infer<T> | undefined {
  if (data === undefined) {
    problems.push({ file, path: '', message: 'file is missing' });
    return undefined;
  }
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) problems.push({ file, path: formatPath(issue.path), message: issue.message });
  return undefined;
}

/**
 * Validates every content file against the one schema and against each other (sentence ids, lesson
 * paragraphs, glossary occurrences, question sources). Throws a ContentError that lists every problem
 * with its file and path; returns the parsed content (defaults applied) otherwise.
 */
export function loadContent(files: ContentFiles): Content {
  const problems: ContentProblem[] = [];
  const course = parse(CourseSchema, FILES.course, files[FILES.course], problems);
  if (!course) throw new ContentError(problems);
  const s = schemasFor(course.languages);
  const article = parse(s.Article, FILES.article, files[FILES.article], problems);
  const lessons = parse(s.Lessons, FILES.lessons, files[FILES.lessons], problems);
  const glossary = parse(s.Glossary, FILES.glossary, files[FILES.glossary], problems);
  const { questions, fileOfLesson } = parseQuestionFiles(files, s, problems);
  if (!article || !lessons || !glossary) throw new ContentError(problems);

  const src = course.sourceLanguage;
  const sentences = new Map(article.sentences.map((x) => [x.id, x]));
  checkArticle(article, sentences, src, problems);
  checkLessons(lessons, article, sentences, problems);
  checkGlossary(glossary, article, src, problems);
  checkQuestions(questions, fileOfLesson, lessons, sentences, problems);
  checkDictations(questions, fileOfLesson, lessons, sentences, src, problems);
  if (problems.length) throw new ContentError(problems);
  return { course, article, lessons, glossary, questions };
}

/** The question files in name order, each named after its lesson: questions per lesson id, and each lesson's file. */
function parseQuestionFiles(files: ContentFiles, s: Schemas, problems: ContentProblem[]) {
  const questions: Record<string, Question[]> = {};
  const questionFiles = Object.keys(files)
    .filter((f) => f.startsWith(FILES.questionsDir) && f.endsWith('.json'))
    .sort();
  const fileOfLesson: Record<string, string> = {};
  for (const file of questionFiles) {
    const parsed = parse(s.QuestionFile, file, files[file], problems);
    if (!parsed) continue;
    const expected = file.slice(FILES.questionsDir.length, -'.json'.length);
    if (parsed.lesson !== expected) problems.push({ file, path: 'lesson', message: `must be "${expected}", the file's name` });
    questions[parsed.lesson] = parsed.questions;
    fileOfLesson[parsed.lesson] = file;
  }
  return { questions, fileOfLesson };
}
