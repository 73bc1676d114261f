import { setStore } from '../../stores/index.ts';
import { content, getLesson } from '../content.ts';
import { isSetId } from '../sets.ts';
import { mac } from './signed.ts';

/**
 * The quizzes an LTI link can open, named as the link's `custom.quiz` names them: a lesson id (that lesson's
 * quiz), `final` (the final test), or `set:{id}` (a published instructor set).
 */
export interface LinkableQuiz {
  quiz: string;
  title: Record<string, string>;
  kind: 'lesson' | 'final' | 'set';
}

/** The page that plays `quiz` in the UI language `lang`, or null when `quiz` names nothing we have. */
export function quizPath(lang: string, quiz: string): string | null {
  if (quiz === 'final') return `/${lang}/test`;
  if (quiz.startsWith('set:')) return isSetId(quiz.slice(4)) ? `/${lang}/sets/${quiz.slice(4)}` : null;
  return getLesson(quiz) ? `/${lang}/lessons/${quiz}/quiz` : null;
}

/** Everything the deep-linking picker offers: the lessons' quizzes, the final test, the published sets. */
export async function linkableQuizzes(env: Env): Promise<LinkableQuiz[]> {
  const lessons = content.lessons.map((l): LinkableQuiz => ({ quiz: l.id, title: l.title, kind: 'lesson' }));
  const sets = (await setStore(env).listPublished())
    .filter((s) => s.publishedVersion !== null)
    .map((s): LinkableQuiz => ({ quiz: `set:${s.id}`, title: s.title, kind: 'set' }));
  return [...lessons, { quiz: 'final', title: {}, kind: 'final' }, ...sets];
}

/**
 * The learner id of the platform's person (iss, sub): `lti_` + base64url(HMAC(LEARNER_SECRET, iss + "\n" + sub)),
 * 43 characters after the prefix. The same person has the same id on every device and in every course of that
 * platform; nobody can derive (iss, sub) from it, and no anonymous id (a UUID) starts with `lti_`.
 */
export async function ltiLearnerId(env: Env, iss: string, sub: string): Promise<string> {
  return `lti_${await mac(env, 'lti-learner', `${iss}\n${sub}`)}`;
}
