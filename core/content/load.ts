import type { z } from 'zod';
import { CourseSchema, schemasFor, type Article, type Course, type GlossaryEntry, type Lesson } from './schema.ts';
import { matchForm } from './terms.ts';
import type { Question } from '../quiz/schema.ts';

/** One thing wrong with a content file: which file, where inside it, and what. */
export interface ContentProblem {
  file: string;
  path: string;
  message: string;
}

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

/** The content files by their path relative to the repo root, e.g. `content/course.json`. */
export type ContentFiles = Record<string, unknown>;

export const FILES = {
  course: 'content/course.json',
  article: 'content/article.json',
  lessons: 'content/lessons.json',
  glossary: 'content/glossary.json',
  questionsDir: 'content/questions/',
} as const;

/** Formats a zod issue path as `sentences[3].text.en`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join('');
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
  const questions: Record<string, Question[]> = {};
  const questionFiles = Object.keys(files)
    .filter((f) => f.startsWith(FILES.questionsDir) && f.endsWith('.json'))
    .sort();
  const fileOfLesson: Record<string, string> = {};
  for (const file of questionFiles) {
    const parsed = parse(s.QuestionFile, file, files[file], problems);
    if (!parsed) continue;
    const expected = file.slice(FILES.questionsDir.length, -'.json'.length);
    if (parsed.lesson !== expected)
      problems.push({ file, path: 'lesson', message: `must be "${expected}", the file's name` });
    questions[parsed.lesson] = parsed.questions;
    fileOfLesson[parsed.lesson] = file;
  }
  if (!article || !lessons || !glossary) throw new ContentError(problems);

  const src = course.sourceLanguage;
  const sentences = new Map(article.sentences.map((x) => [x.id, x]));
  const seenSentence = new Set<string>();
  article.sentences.forEach((x, i) => {
    if (seenSentence.has(x.id)) problems.push({ file: FILES.article, path: `sentences[${i}].id`, message: `duplicate id "${x.id}"` });
    seenSentence.add(x.id);
    if (!x.id.startsWith(`p${x.paragraph}s`))
      problems.push({ file: FILES.article, path: `sentences[${i}].id`, message: `"${x.id}" does not belong to paragraph ${x.paragraph}` });
  });
  for (const list of ['corrections', 'typography'] as const)
    article[list].forEach((c, i) => {
      const text = sentences.get(c.sentenceId)?.text[src];
      if (text === undefined) problems.push({ file: FILES.article, path: `${list}[${i}].sentenceId`, message: `unknown sentence "${c.sentenceId}"` });
      else if (!text.includes(c.corrected))
        problems.push({ file: FILES.article, path: `${list}[${i}].corrected`, message: `"${c.corrected}" is not in sentence ${c.sentenceId}` });
    });

  const paragraphOf = (id: string) => sentences.get(id)?.paragraph;
  const lessonIds = new Set<string>();
  lessons.forEach((l, i) => {
    if (lessonIds.has(l.id)) problems.push({ file: FILES.lessons, path: `[${i}].id`, message: `duplicate lesson id "${l.id}"` });
    lessonIds.add(l.id);
    if (!article.sentences.some((x) => x.paragraph === l.paragraph))
      problems.push({ file: FILES.lessons, path: `[${i}].paragraph`, message: `the article has no paragraph ${l.paragraph}` });
    l.keyFacts.forEach((f, j) =>
      f.sources.forEach((id, k) => {
        if (paragraphOf(id) !== l.paragraph)
          problems.push({ file: FILES.lessons, path: `[${i}].keyFacts[${j}].sources[${k}]`, message: `"${id}" is not a sentence of paragraph ${l.paragraph}` });
      }),
    );
  });

  const entryIds = new Set<string>();
  glossary.forEach((e, i) => {
    if (entryIds.has(e.id)) problems.push({ file: FILES.glossary, path: `[${i}].id`, message: `duplicate id "${e.id}"` });
    entryIds.add(e.id);
    const found = article.sentences
      .filter((x) => e.forms.some((form) => matchForm(x.text[src]!, form).length > 0))
      .map((x) => x.id);
    e.forms.forEach((form, j) => {
      if (!article.sentences.some((x) => matchForm(x.text[src]!, form).length > 0))
        problems.push({ file: FILES.glossary, path: `[${i}].forms[${j}]`, message: `"${form}" occurs in no sentence` });
    });
    const listed = [...e.sentences].sort();
    if (listed.join() !== [...found].sort().join())
      problems.push({ file: FILES.glossary, path: `[${i}].sentences`, message: `"${e.lemma}" occurs in ${found.join(', ') || 'no sentence'}, the entry lists ${listed.join(', ')}` });
  });

  const questionIds = new Set<string>();
  for (const [lessonId, list] of Object.entries(questions)) {
    const file = fileOfLesson[lessonId]!;
    const lesson = lessons.find((l) => l.id === lessonId);
    if (!lesson) problems.push({ file, path: 'lesson', message: `no lesson has the id "${lessonId}"` });
    list.forEach((q, i) => {
      if (questionIds.has(q.id)) problems.push({ file, path: `questions[${i}].id`, message: `question id "${q.id}" is used twice` });
      questionIds.add(q.id);
      if (!q.explanation) problems.push({ file, path: `questions[${i}].explanation`, message: 'a built-in question needs an explanation' });
      if (!q.sources.length) problems.push({ file, path: `questions[${i}].sources`, message: 'a built-in question must cite the sentence(s) that prove its answer' });
      q.sources.forEach((id, k) => {
        if (!sentences.has(id)) problems.push({ file, path: `questions[${i}].sources[${k}]`, message: `unknown sentence "${id}"` });
      });
    });
  }

  if (problems.length) throw new ContentError(problems);
  return { course, article, lessons, glossary, questions };
}
