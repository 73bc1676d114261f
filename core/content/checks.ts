// The checks across content files that no one file's schema can make: ids, paragraphs, occurrences, sources.
import type { Question } from '../quiz/schema.ts';
import { FILES, type ContentProblem } from './files.ts';
import type { Article, GlossaryEntry, Lesson, Sentence } from './schema.ts';
import { matchForm } from './terms.ts';

/** Each sentence id once and in its paragraph; each correction in a sentence that holds the corrected text. */
export function checkArticle(article: Article, sentences: ReadonlyMap<string, Sentence>, src: string, problems: ContentProblem[]) {
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
      if (text === undefined)
        problems.push({ file: FILES.article, path: `${list}[${i}].sentenceId`, message: `unknown sentence "${c.sentenceId}"` });
      else if (!text.includes(c.corrected))
        problems.push({
          file: FILES.article,
          path: `${list}[${i}].corrected`,
          message: `"${c.corrected}" is not in sentence ${c.sentenceId}`,
        });
    });
}

/** Each lesson id once, on a paragraph of the article, its key facts citing sentences of that paragraph. */
export function checkLessons(
  lessons: readonly Lesson[],
  article: Article,
  sentences: ReadonlyMap<string, Sentence>,
  problems: ContentProblem[],
) {
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
          problems.push({
            file: FILES.lessons,
            path: `[${i}].keyFacts[${j}].sources[${k}]`,
            message: `"${id}" is not a sentence of paragraph ${l.paragraph}`,
          });
      }),
    );
  });
}

/** Each entry id once; every form occurs in the article, and the entry lists exactly the sentences it occurs in. */
export function checkGlossary(glossary: readonly GlossaryEntry[], article: Article, src: string, problems: ContentProblem[]) {
  const entryIds = new Set<string>();
  glossary.forEach((e, i) => {
    if (entryIds.has(e.id)) problems.push({ file: FILES.glossary, path: `[${i}].id`, message: `duplicate id "${e.id}"` });
    entryIds.add(e.id);
    const found = article.sentences.filter((x) => e.forms.some((form) => matchForm(x.text[src]!, form).length > 0)).map((x) => x.id);
    e.forms.forEach((form, j) => {
      if (!article.sentences.some((x) => matchForm(x.text[src]!, form).length > 0))
        problems.push({ file: FILES.glossary, path: `[${i}].forms[${j}]`, message: `"${form}" occurs in no sentence` });
    });
    const listed = [...e.sentences].sort();
    if (listed.join() !== [...found].sort().join())
      problems.push({
        file: FILES.glossary,
        path: `[${i}].sentences`,
        message: `"${e.lemma}" occurs in ${found.join(', ') || 'no sentence'}, the entry lists ${listed.join(', ')}`,
      });
  });
}

/**
 * Every question file belongs to a lesson; question ids are unique across the course; a built-in question has an
 * explanation and cites the sentences that prove its answer.
 */
export function checkQuestions(
  questions: Readonly<Record<string, readonly Question[]>>,
  fileOfLesson: Readonly<Record<string, string>>,
  lessons: readonly Lesson[],
  sentences: ReadonlyMap<string, Sentence>,
  problems: ContentProblem[],
) {
  const questionIds = new Set<string>();
  for (const [lessonId, list] of Object.entries(questions)) {
    const file = fileOfLesson[lessonId]!;
    const lesson = lessons.find((l) => l.id === lessonId);
    if (!lesson) problems.push({ file, path: 'lesson', message: `no lesson has the id "${lessonId}"` });
    list.forEach((q, i) => {
      if (questionIds.has(q.id)) problems.push({ file, path: `questions[${i}].id`, message: `question id "${q.id}" is used twice` });
      questionIds.add(q.id);
      if (!q.explanation) problems.push({ file, path: `questions[${i}].explanation`, message: 'a built-in question needs an explanation' });
      if (!q.sources.length)
        problems.push({
          file,
          path: `questions[${i}].sources`,
          message: 'a built-in question must cite the sentence(s) that prove its answer',
        });
      q.sources.forEach((id, k) => {
        if (!sentences.has(id)) problems.push({ file, path: `questions[${i}].sources[${k}]`, message: `unknown sentence "${id}"` });
      });
    });
  }
}
