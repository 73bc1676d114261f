// Opening a quiz for one attempt, the same way for the JSON API and every page: which quiz (a lesson, the
// final test's draw, a published set), in which content language, for which seed, with which public ids.
import { pick } from '../../core/content/localized.ts';
import type { PublicIds } from '../../core/quiz/public-ids.ts';
import { learnerQuiz, type LearnerQuiz, type Quiz } from '../../core/quiz/quiz.ts';
import { SEED_PATTERN } from '../../core/quiz/random.ts';
import { content, sourceLanguage } from './content.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { FINAL_ID, getQuiz } from './quizzes.ts';
import { isSetId, setQuiz } from './sets.ts';
import type { SetVersion } from '../stores/set-store.ts';
import { quizIds } from './public-ids.ts';
import { setMode } from '../../core/sets/schema.ts';
import { setStore } from '../stores/index.ts';

/**
 * The seed of a lesson or set quiz opened without one: a check or submit that sends no seed is graded with
 * this seed's ids. Every copy a learner is shown has a fresh seed of its own, which the client sends back.
 */
export const PRACTICE_SEED = 'practice';

/** A quiz opened for one attempt. */
export interface QuizSession {
  quiz: Quiz;
  /** Content languages the quiz exists in (a set may have only some of the course's). */
  languages: readonly string[];
  /** The content language of this attempt: always one of `languages`. */
  lang: string;
  seed: string;
  /** The attempt's public ids (a MAC of quiz, question, key and seed): the copy shows them, grading reads them. */
  ids: PublicIds;
  /** For an instructor set: its published version (title, passages, lesson). */
  set?: SetVersion;
  /** The set's title in the attempt's language, as attempts record it. */
  setTitle?: string;
  /**
   * A test, not practice: the final test, or a set its instructor marked as one. A test gives no feedback or
   * solution before the whole attempt is handed in (`/check` refuses it, its page is one form).
   */
  test: boolean;
}

export interface OpenOptions {
  /** The language asked for (`?lang=`, `?ql=`, a form field). */
  lang?: string | undefined;
  seed?: string | undefined;
  /**
   * What a wrong `lang` means: the API refuses it (422), pages fall back to the default. The default is the
   * first of `prefer` the quiz has, else the course's source language, else the quiz's first language.
   */
  strict: boolean;
  prefer?: readonly string[];
}

export const isSeed = (s: string | undefined | null): s is string => !!s && SEED_PATTERN.test(s);

/** The content language of an attempt: the one asked for if the quiz has it, else the default (see OpenOptions). */
export function chooseLanguage(languages: readonly string[], opts: Pick<OpenOptions, 'lang' | 'strict' | 'prefer'>): string {
  const asked = opts.lang;
  if (asked && languages.includes(asked)) return asked;
  if (asked && opts.strict)
    throw new ApiError(422, 'invalid_request', `This quiz exists in ${languages.join(', ')}, not in "${asked}".`, [
      { path: 'lang', message: 'not a language of this quiz' },
    ]);
  return [...(opts.prefer ?? []), sourceLanguage].find((l) => languages.includes(l)) ?? languages[0]!;
}

/**
 * Opens quiz `quizId` for an attempt. Throws a 404 ApiError for an unknown or unpublished quiz, a 422 for
 * the final test without a seed (its questions are a draw per seed) or, when strict, a language it lacks.
 */
export async function openQuiz(env: Env, quizId: string, opts: OpenOptions): Promise<QuizSession> {
  if (opts.seed !== undefined && !isSeed(opts.seed))
    throw new ApiError(400, 'invalid_request', 'The attempt seed is malformed.', [
      { path: 'seed', message: 'must be 4–32 lowercase letters or digits' },
    ]);
  if (quizId === FINAL_ID && !opts.seed)
    throw new ApiError(422, 'invalid_request', 'The final test needs the "seed" of the attempt it belongs to.', [
      { path: 'seed', message: 'is required for the final test' },
    ]);
  const seed = opts.seed ?? PRACTICE_SEED;
  if (isSetId(quizId)) {
    const set = await setStore(env).published(quizId);
    if (!set) throw notFound('quiz', quizId);
    const lang = chooseLanguage(set.set.languages, opts);
    const quiz = setQuiz(set);
    const ids = await quizIds(env, quiz, seed);
    return {
      quiz,
      languages: set.set.languages,
      lang,
      seed,
      ids,
      set,
      setTitle: pick(set.set.title, lang),
      test: setMode(set.set) === 'test',
    };
  }
  const quiz = getQuiz(quizId, seed);
  const lang = chooseLanguage(content.course.languages, opts);
  return { quiz, languages: content.course.languages, lang, seed, ids: await quizIds(env, quiz, seed), test: quizId === FINAL_ID };
}

/**
 * Copies made in this isolate, per ids object: quizIds hands out one ids object per (quiz, version, seed) while
 * it keeps them, so a copy lives as long as its ids do and needs no bound of its own. The API's copy, the
 * submit's record and every page of a practice run then share one copy instead of shuffling and picking again.
 */
const copies = new WeakMap<PublicIds, Map<string, LearnerQuiz>>();

/** Frozen all the way down: a copy shared between requests must not be changed by one of them. */
function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

/** The learner's copy of the session's quiz: no keys, choices named by the attempt's ids and shuffled by them. */
export function learnerCopyOf(s: QuizSession): LearnerQuiz {
  let mine = copies.get(s.ids);
  if (!mine) copies.set(s.ids, (mine = new Map()));
  const slot = JSON.stringify([s.quiz.id, s.quiz.version, s.seed, s.lang]);
  let copy = mine.get(slot);
  if (!copy) {
    copy = deepFreeze(learnerQuiz(s.quiz, s.lang, s.seed, s.ids));
    mine.set(slot, copy);
  }
  return copy;
}
