import { Hono, type Context } from 'hono';
import { pick } from '../../../core/content/localized.ts';
import type { AnyResponse } from '../../../core/quiz/response.ts';
import { newSeed } from '../../../core/quiz/random.ts';
import { decodeAnswers, responseFromForm, type FormProblem } from '../../../web/quiz/form.ts';
import { getLesson } from '../../services/content.ts';
import { preferredLanguages } from '../../render/learning-language.ts';
import type { AppEnv } from '../../env.ts';
import { ApiError, notFound } from '../../http/errors.ts';
import { IDEMPOTENCY_FIELD, parseIdempotencyKey, useIdempotencyKey } from '../../http/idempotency-key.ts';
import { FINAL_ID } from '../../services/quizzes.ts';
import { checkAnswer, keepValidAnswers, submitAttempt } from '../../services/attempts.ts';
import { isSeed, learnerCopyOf, openQuiz, type QuizSession } from '../../services/quiz-session.ts';
import { isSetId } from '../../services/sets.ts';
import { ReadingSetPage } from '../../../web/pages/quiz.tsx';
import { renderPage } from '../../render/document.tsx';
import { finalTestTarget, renderPractice, renderResults, renderTest, type PracticeTarget, type TestTarget } from './quiz-views.tsx';

type C = Context<AppEnv>;

/** Opens a quiz for a page: a wrong `ql` falls back to the default, an unknown quiz is a 404 page. */
const openForPage = (c: C, quizId: string, ql: string | undefined, seed: string) =>
  openQuiz(c.env, quizId, { lang: ql, seed, strict: false, prefer: preferredLanguages(c) });

async function formFields(c: C) {
  const body = await c.req.parseBody({ all: true });
  return (name: string): string[] => {
    const v = body[name];
    return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');
  };
}

/** The attempt seed of a form post: a broken form is a 400 page, not a new attempt. */
function formSeed(field: (name: string) => string[]): string {
  const seed = field('attempt')[0];
  if (!isSeed(seed))
    throw new ApiError(400, 'invalid_request', 'The form has no valid attempt.', [{ path: 'attempt', message: 'missing or malformed' }]);
  return seed;
}

/**
 * The idempotency key the quiz form carries (made when the page was rendered), kept for this request's
 * submit: the same form posted again is stored once. A malformed or repeated one is a 400 page.
 */
function formKey(c: C, field: (name: string) => string[]): string | undefined {
  const values = field(IDEMPOTENCY_FIELD);
  if (values.length > 1)
    throw new ApiError(400, 'invalid_request', 'The form has more than one idempotency key.', [
      { path: IDEMPOTENCY_FIELD, message: 'sent more than once' },
    ]);
  const key = parseIdempotencyKey(values[0], IDEMPOTENCY_FIELD);
  useIdempotencyKey(c, key);
  return key;
}

/** Where the practice run of a lesson or a published set lives; null for an unknown one. */
async function practiceTarget(c: C): Promise<{ quizId: string; target: PracticeTarget } | null> {
  const lang = c.get('lang');
  const t = c.get('t');
  const lessonId = c.req.param('lessonId');
  if (lessonId !== undefined) {
    const lesson = getLesson(lessonId);
    if (!lesson) return null;
    const base = `/${lang}/lessons/${lesson.id}/quiz`;
    const target = {
      title: pick(lesson.title, lang),
      base,
      backHref: `/${lang}/lessons/${lesson.id}`,
      backLabel: t('quiz.backToLesson'),
      lessonId: lesson.id,
    };
    return { quizId: lesson.id, target };
  }
  const setId = c.req.param('setId') ?? '';
  if (!isSetId(setId)) return null;
  // Opening the session below reads the published copy (one KV read, cached per isolate).
  return { quizId: setId, target: { title: '', base: `/${lang}/sets/${setId}`, backHref: `/${lang}/`, backLabel: t('nav.overview') } };
}

/** Completes a set's target from its published version (title, passages, lesson to return to). */
function withSet(c: C, s: QuizSession, target: PracticeTarget): PracticeTarget {
  if (!s.set) return target;
  const lang = c.get('lang');
  const lesson = s.set.set.lesson;
  return {
    ...target,
    title: pick(s.set.set.title, lang),
    passages: s.set.set.passages,
    ...(lesson ? { backHref: `/${lang}/lessons/${lesson}`, backLabel: c.get('t')('quiz.backToLesson') } : {}),
  };
}

/** One practice question (GET): a fresh form, or the graded answer of a plain form post. */
async function practicePage(c: C) {
  const found = await practiceTarget(c);
  if (!found) throw notFound('quiz', c.req.param('lessonId') ?? c.req.param('setId') ?? '');
  const seed = c.req.query('attempt');
  const ql = c.req.query('ql');
  const s = await openForPage(c, found.quizId, ql, isSeed(seed) ? seed : 'practice');
  const target = withSet(c, s, found.target);
  if (!s.quiz.questions.length) return readingPage(c, s, target);
  if (!isSeed(seed)) return c.redirect(`${target.base}?attempt=${newSeed()}&ql=${s.lang}${s.test ? '' : '&n=1'}`, 302);
  // A set marked as a test is one form, graded only when handed in (no check, no solution before).
  if (s.test) return renderTest(c, s, testTarget(target));

  const total = s.quiz.questions.length;
  const n = Math.min(Math.max(1, Number.parseInt(c.req.query('n') ?? '1', 10) || 1), total);
  const question = s.quiz.questions[n - 1]!;
  const answers = keepValidAnswers(s, decodeAnswers(c.req.query('a')));
  const prior = { ...answers };
  delete prior[question.id];

  // A plain form post (GET) of this question: grade it on the server.
  let given: AnyResponse | null = answers[question.id] ?? null;
  let problem: FormProblem | null = null;
  if (Object.keys(c.req.queries()).some((k) => k.startsWith(`r.${question.id}`))) {
    const copy = learnerCopyOf(s).questions[n - 1]!;
    const r = responseFromForm(copy, (name) => c.req.queries(name) ?? []);
    if (typeof r === 'string') problem = r;
    else given = keepValidAnswers(s, { [question.id]: r })[question.id] ?? null;
  }
  const result = given ? checkAnswer(s, question.id, given) : null;
  return renderPractice(c, s, target, { n, prior, given, result, problem });
}

/** A set of passages only (a GIFT file of descriptions): the passages to read, with no attempt and no score. */
function readingPage(c: C, s: QuizSession, target: PracticeTarget) {
  const passages = (target.passages ?? []).map((p) => pick(p.text, s.lang));
  return renderPage(
    c,
    c.get('lang'),
    <ReadingSetPage title={target.title} passages={passages} lang={s.lang} backHref={target.backHref} backLabel={target.backLabel} />,
    { title: target.title },
  );
}

/** The end of a practice run (POST): grade every answer, store the attempt, show the review. */
async function practiceResults(c: C) {
  const found = await practiceTarget(c);
  if (!found) throw notFound('quiz', c.req.param('lessonId') ?? c.req.param('setId') ?? '');
  const field = await formFields(c);
  const s = await openForPage(c, found.quizId, field('ql')[0], formSeed(field));
  const key = formKey(c, field);
  const target = withSet(c, s, found.target);
  // A set to read has nothing to hand in: back to its page, no attempt stored.
  if (!s.quiz.questions.length) return c.redirect(`${target.base}?ql=${s.lang}`, 303);
  const back = { againHref: `${target.base}?ql=${s.lang}`, backHref: target.backHref, backLabel: target.backLabel };
  if (s.test) return handIn(c, s, field, key, testTarget(target), back);
  const submitted = await submitAttempt(c, s, keepValidAnswers(s, decodeAnswers(field('a')[0])));
  return renderResults(c, s, { title: target.title, ...submitted, ...back });
}

/** A set's page as a test: the same title, passages and place, handed in at `${base}/results`. */
const testTarget = (t: PracticeTarget): TestTarget => ({
  title: t.title,
  base: t.base,
  action: `${t.base}/results`,
  kind: 'set',
  passages: t.passages,
});

/**
 * Hands in a test form (the final test, or a set marked as one): every question's fields, asked once more
 * when some are open (the second submit, with the same key, hands in anyway), then graded and stored once.
 */
async function handIn(
  c: C,
  s: QuizSession,
  field: (name: string) => string[],
  key: string | undefined,
  target: TestTarget,
  back: { againHref: string; backHref: string; backLabel: string },
) {
  const responses: Record<string, unknown> = {};
  for (const copy of learnerCopyOf(s).questions) {
    const r = responseFromForm(copy, field);
    if (typeof r !== 'string') responses[copy.id] = r;
  }
  const given = keepValidAnswers(s, responses);
  const open = s.quiz.questions.length - Object.keys(given).length;
  if (open > 0 && field('confirm')[0] !== '1') return renderTest(c, s, target, { given, open, idempotencyKey: key });
  const submitted = await submitAttempt(c, s, given);
  return renderResults(c, s, { title: target.title, ...submitted, ...back });
}

export const quizPages = new Hono<AppEnv>()
  .get('/:lang/lessons/:lessonId/quiz', practicePage)
  .post('/:lang/lessons/:lessonId/quiz/results', practiceResults)
  .get('/:lang/sets/:setId', practicePage)
  .post('/:lang/sets/:setId/results', practiceResults)
  .get('/:lang/test', async (c) => {
    const seed = c.req.query('attempt');
    const s = await openForPage(c, FINAL_ID, c.req.query('ql'), isSeed(seed) ? seed : newSeed());
    if (!isSeed(seed)) return c.redirect(`/${c.get('lang')}/test?attempt=${s.seed}&ql=${s.lang}`, 302);
    return renderTest(c, s, finalTestTarget(c));
  })
  .post('/:lang/test', async (c) => {
    const lang = c.get('lang');
    const field = await formFields(c);
    const s = await openForPage(c, FINAL_ID, field('ql')[0], formSeed(field));
    const key = formKey(c, field);
    return handIn(c, s, field, key, finalTestTarget(c), {
      againHref: `/${lang}/test?ql=${s.lang}`,
      backHref: `/${lang}/`,
      backLabel: c.get('t')('nav.overview'),
    });
  });
