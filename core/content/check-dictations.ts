// The content's dictations: every lesson has one, and each dictates exactly one sentence of its own paragraph.
import type { Question } from '../quiz/schema.ts';
import type { ContentProblem } from './files.ts';
import type { Lesson, Sentence } from './schema.ts';

/**
 * Every lesson has at least one dictation; a built-in dictation cites one sentence, of its lesson's paragraph,
 * and its text is that sentence in the source language letter for letter (the learner hears and writes the
 * article as the lesson shows it, corrections included).
 */
export function checkDictations(
  questions: Readonly<Record<string, readonly Question[]>>,
  fileOfLesson: Readonly<Record<string, string>>,
  lessons: readonly Lesson[],
  sentences: ReadonlyMap<string, Sentence>,
  sourceLanguage: string,
  problems: ContentProblem[],
) {
  for (const lesson of lessons) {
    const list = questions[lesson.id] ?? [];
    const file = fileOfLesson[lesson.id];
    if (file && !list.some((q) => q.type === 'dictation'))
      problems.push({ file, path: 'questions', message: `lesson "${lesson.id}" needs at least one dictation` });
    list.forEach((q, i) => {
      if (q.type !== 'dictation' || !file) return;
      const sentence = q.sources.length === 1 ? sentences.get(q.sources[0]!) : undefined;
      if (!sentence || sentence.paragraph !== lesson.paragraph)
        problems.push({
          file,
          path: `questions[${i}].sources`,
          message: `a dictation cites exactly one sentence of paragraph ${lesson.paragraph}`,
        });
      else if (sentence.text[sourceLanguage] !== q.text)
        problems.push({ file, path: `questions[${i}].text`, message: `must be sentence ${sentence.id} exactly as the article has it` });
    });
  }
}
