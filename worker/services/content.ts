// The validated content bundle written by scripts/build.ts (content files + locales), and the indexes
// every request needs, built once per isolate.
import bundle from '../../build/content.json';
import type { Content } from '../../core/content/load.ts';
import type { GlossaryEntry, Lesson, Sentence } from '../../core/content/schema.ts';
import { findTerms, segment, type Segment } from '../../core/content/terms.ts';
import { buildLexicon } from '../../core/quiz/lexicon.ts';

const data = bundle as unknown as { content: Content; locales: Record<string, Record<string, unknown>> };

export const content: Content = data.content;
export const locales = data.locales;
/** UI languages: the locale files present. */
export const uiLanguages: readonly string[] = Object.keys(locales);
/** Content languages: `content/course.json`. */
export const contentLanguages: readonly string[] = content.course.languages;
export const sourceLanguage = content.course.sourceLanguage;

const lessonById = new Map(content.lessons.map((l) => [l.id, l]));
const entryById = new Map(content.glossary.map((e) => [e.id, e]));
export const sentenceById = new Map(content.article.sentences.map((s) => [s.id, s]));

export const getLesson = (id: string): Lesson | undefined => lessonById.get(id);
export const getEntry = (id: string): GlossaryEntry | undefined => entryById.get(id);
export const lessonIndex = (id: string) => content.lessons.findIndex((l) => l.id === id);

export function sentencesOf(lesson: Lesson): Sentence[] {
  return content.article.sentences.filter((s) => s.paragraph === lesson.paragraph);
}

/** Glossary entries that occur in the lesson's paragraph, in order of first occurrence. */
export function glossaryOf(lesson: Lesson): GlossaryEntry[] {
  const ids = new Set(sentencesOf(lesson).map((s) => s.id));
  return content.glossary.filter((e) => e.sentences.some((id) => ids.has(id)));
}

const segmentCache = new Map<string, Segment[]>();
/** The source-language sentence cut into plain text and glossary terms. */
export function termSegments(sentence: Sentence): Segment[] {
  let segs = segmentCache.get(sentence.id);
  if (!segs) {
    const entries = content.glossary.filter((e) => e.sentences.includes(sentence.id));
    const text = sentence.text[sourceLanguage]!;
    segs = segment(text, findTerms(text, entries));
    segmentCache.set(sentence.id, segs);
  }
  return segs;
}

export function correctionsOf(lesson: Lesson) {
  const ids = new Set(sentencesOf(lesson).map((s) => s.id));
  return content.article.corrections.filter((c) => ids.has(c.sentenceId));
}

/**
 * Every word form of the course in its source language (the article, glossary lemmas and forms), built once
 * per isolate: the grader names a typed course word instead of taking it for a typo of another.
 */
export const courseLexicon: ReadonlySet<string> = buildLexicon([
  ...content.article.sentences.map((s) => s.text[sourceLanguage]!),
  ...content.glossary.flatMap((e) => [e.lemma, ...e.forms]),
]);
