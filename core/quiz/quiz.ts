import type { PublicIds } from './kinds/kind.ts';
import { learnerCopy, type LearnerQuestion } from './learner.ts';
import { fnv1a, shuffle } from './random.ts';
import type { Question } from './schema.ts';

/** A quiz as the server knows it: its questions with keys, and a version that changes with any edit. */
export interface Quiz {
  id: string;
  kind: 'lesson' | 'final' | 'set';
  title?: Record<string, string>;
  questions: Question[];
  version: string;
}

/** The learner's copy of a quiz attempt. */
export interface LearnerQuiz {
  id: string;
  kind: Quiz['kind'];
  version: string;
  seed: string;
  lang: string;
  questions: LearnerQuestion[];
}

/** A short content hash: attempts record it, so an edited quiz never reinterprets old attempts. */
export const versionOf = (questions: readonly Question[]) => fnv1a(JSON.stringify(questions)).toString(36);

/**
 * The learner's copy of a quiz for the attempt `seed`, whose public ids (made by the worker for that seed)
 * are `ids`. The seed goes back with every check and submit, so the server can make the same ids again.
 */
export function learnerQuiz(quiz: Quiz, lang: string, seed: string, ids: PublicIds): LearnerQuiz {
  return {
    id: quiz.id,
    kind: quiz.kind,
    version: quiz.version,
    seed,
    lang,
    questions: quiz.questions.map((q) => learnerCopy(q, lang, ids)),
  };
}

/**
 * The final test's draw for one attempt: `minPerLesson` questions from every lesson, the rest from the whole
 * remaining pool, in a shuffled order; the same seed always draws the same test. Dictations are practice: their
 * sentence reaches the page (docs/decisions/0013-dictation.md), so they come last in every list and are drawn
 * only where a test asks for more questions than the rest of the pool holds (never with the course's settings).
 */
export function drawFinal(
  pool: Readonly<Record<string, readonly Question[]>>,
  seed: string,
  count: number,
  minPerLesson: number,
): Question[] {
  const picked: Question[] = [];
  const rest: Question[] = [];
  for (const [lesson, questions] of Object.entries(pool).sort(([a], [b]) => a.localeCompare(b))) {
    const mixed = practiceLast(shuffle(questions, `${seed}:final:${lesson}`));
    picked.push(...mixed.slice(0, minPerLesson));
    rest.push(...mixed.slice(minPerLesson));
  }
  const more = practiceLast(shuffle(rest, `${seed}:final:rest`)).slice(0, Math.max(0, count - picked.length));
  return shuffle([...picked, ...more], `${seed}:final:order`).slice(0, count);
}

/** The list with its dictations moved to the end, in their order (a stable partition). */
const practiceLast = (questions: readonly Question[]) => [
  ...questions.filter((q) => q.type !== 'dictation'),
  ...questions.filter((q) => q.type === 'dictation'),
];
