import { drawFinal, versionOf, type Quiz } from '../../core/quiz/quiz.ts';
import { content, sentenceById } from './content.ts';
import { notFound } from '../http/errors.ts';

export const FINAL_ID = 'final';

const lessonQuizzes = new Map<string, Quiz>(
  content.lessons.map((l) => {
    const questions = content.questions[l.id] ?? [];
    return [l.id, { id: l.id, kind: 'lesson', title: l.title, questions, version: versionOf(questions) }];
  }),
);
// The final test draws graded questions only: a writing task is practice, read by the learner, never scored.
const pool = Object.fromEntries([...lessonQuizzes].map(([id, q]) => [id, q.questions.filter((x) => x.type !== 'essay')]));
const finalVersion = versionOf(Object.values(pool).flat());

/**
 * The quiz behind a quiz id: a lesson's practice quiz, or the final test drawn for `seed`.
 * Throws a 404 ApiError for an unknown id.
 */
export function getQuiz(quizId: string, seed: string): Quiz {
  const lesson = lessonQuizzes.get(quizId);
  if (lesson) return lesson;
  if (quizId === FINAL_ID) {
    const { questions, minPerLesson } = content.course.finalTest;
    return { id: FINAL_ID, kind: 'final', questions: drawFinal(pool, seed, questions, minPerLesson), version: finalVersion };
  }
  throw notFound('quiz', quizId);
}

/** The lesson a sentence belongs to, for links from feedback into the reader. */
export function lessonOfSentence(sentenceId: string): string | undefined {
  const paragraph = sentenceById.get(sentenceId)?.paragraph;
  return content.lessons.find((l) => l.paragraph === paragraph)?.id;
}

type SourceSentence = { id: string; lesson: string; text: (typeof content.article.sentences)[number]['text'] };

/** Every sentence as a source, made once per isolate: feedback names the same sentences on every check. */
const sources = new Map<string, Readonly<SourceSentence>>();
function sourceOf(id: string): Readonly<SourceSentence> | undefined {
  let s = sources.get(id);
  if (!s) {
    const sentence = sentenceById.get(id);
    if (!sentence) return undefined;
    s = Object.freeze({ id, lesson: lessonOfSentence(id)!, text: sentence.text });
    sources.set(id, s);
  }
  return s;
}

/** Source sentences of a graded question, in every content language, with the lesson to link to. */
export function sourcesOf(ids: readonly string[]): SourceSentence[] {
  return ids.flatMap((id) => {
    const s = sourceOf(id);
    return s ? [s] : [];
  });
}
