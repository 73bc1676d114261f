import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { pick } from '../../core/content/localized.ts';
import { gradeAttempt } from '../../core/quiz/attempt.ts';
import { grade, ResponseError } from '../../core/quiz/grade.ts';
import { learnerQuiz } from '../../core/quiz/quiz.ts';
import type { AnyResponse } from '../../core/quiz/response.ts';
import { parseResponse } from '../../core/quiz/attempt.ts';
import { newSeed, SEED_PATTERN } from '../../core/quiz/random.ts';
import { decodeAnswers, encodeAnswers, responseFromForm, type FormProblem } from '../../web/quiz/form.ts';
import type { CheckResult } from '../../web/quiz/types.ts';
import { FinalTestPage } from '../../web/pages/final-test.tsx';
import { QuizPage } from '../../web/pages/quiz.tsx';
import { ResultsPage } from '../../web/pages/results.tsx';
import { contentLanguages, getLesson, sourceLanguage } from '../content.ts';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { quizLabels } from '../quiz-labels.ts';
import { FINAL_ID, getQuiz, sourcesOf } from '../quizzes.ts';
import { renderPage } from '../render.tsx';
import { renderNotFound } from './pages.tsx';
import { storeAttempt } from '../progress.ts';

type C = Context<AppEnv>;

/** The quiz language: `?ql=`, else the language the learner is learning (the one the UI is not in). */
function quizLanguage(c: C, fromForm?: string): string {
  const asked = fromForm ?? c.req.query('ql');
  if (asked && contentLanguages.includes(asked)) return asked;
  const ui = c.get('lang');
  return contentLanguages.find((l) => l !== ui) ?? sourceLanguage;
}

const validSeed = (s: string | undefined | null): s is string => !!s && SEED_PATTERN.test(s);

/** Answers carried in the URL or a form, kept only where they fit their question; the rest is dropped. */
function cleanAnswers(raw: Record<string, unknown>, quiz: ReturnType<typeof getQuiz>): Record<string, AnyResponse> {
  const out: Record<string, AnyResponse> = {};
  for (const q of quiz.questions) {
    if (!(q.id in raw)) continue;
    try {
      const r = parseResponse(q, raw[q.id]);
      grade(q, r, sourceLanguage); // ids must exist in the question
      out[q.id] = r;
    } catch (e) {
      if (!(e instanceof ResponseError)) throw e;
    }
  }
  return out;
}

const withResult = (r: ReturnType<typeof grade>): CheckResult => ({ ...r, sources: sourcesOf(r.sources) });

function languageLinks(c: C, current: string, build: (ql: string) => string) {
  const t = c.get('t');
  return contentLanguages.map((code) => ({ code, label: t(`languages.${code}` as 'languages.de'), href: build(code), current: code === current }));
}

const formLimit = bodyLimit({
  maxSize: 64 * 1024,
  onError: () => {
    throw new ApiError(413, 'too_large', 'The form is larger than 64 KiB.');
  },
});

async function formFields(c: C) {
  const body = await c.req.parseBody({ all: true });
  return (name: string): string[] => {
    const v = body[name];
    return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');
  };
}

export const quizPages = new Hono<AppEnv>()
  .get('/:lang/lessons/:lessonId/quiz', (c) => {
    const lang = c.get('lang');
    const t = c.get('t');
    const lesson = getLesson(c.req.param('lessonId'));
    if (!lesson) return renderNotFound(c, lang);
    const base = `/${lang}/lessons/${lesson.id}/quiz`;
    const ql = quizLanguage(c);
    const seed = c.req.query('attempt');
    if (!validSeed(seed)) return c.redirect(`${base}?attempt=${newSeed()}&ql=${ql}&n=1`, 302);

    const quiz = getQuiz(lesson.id, seed);
    const total = quiz.questions.length;
    const n = Math.min(Math.max(1, Number.parseInt(c.req.query('n') ?? '1', 10) || 1), total);
    const question = quiz.questions[n - 1]!;
    const copy = learnerQuiz(quiz, ql, seed).questions[n - 1]!;
    const answers = cleanAnswers(decodeAnswers(c.req.query('a')), quiz);
    const prior = { ...answers };
    delete prior[question.id];

    // A plain form post (GET) of this question: grade it on the server.
    let given: AnyResponse | null = answers[question.id] ?? null;
    let problem: FormProblem | null = null;
    const submitted = Object.keys(c.req.queries()).some((k) => k.startsWith(`r.${question.id}`));
    if (submitted) {
      const r = responseFromForm(copy, (name) => c.req.queries(name) ?? []);
      if (typeof r === 'string') problem = r;
      else given = parseResponse(question, r);
    }
    const result = given ? withResult(grade(question, given, ql)) : null;
    const hidden = { attempt: seed, ql, n: String(n), a: encodeAnswers(prior) };
    const title = pick(lesson.title, lang);

    return renderPage(
      c,
      lang,
      <QuizPage
        title={title}
        lessonId={lesson.id}
        languageLinks={languageLinks(c, ql, (code) => `${base}?attempt=${seed}&ql=${code}&n=${n}&a=${encodeAnswers(prior)}`)}
        practice={{
          quizId: lesson.id,
          seed,
          lang: ql,
          uiLang: lang,
          question: copy,
          number: n,
          total,
          answeredSoFar: prior,
          action: base,
          hidden,
          nextBase: n < total ? `${base}?attempt=${seed}&ql=${ql}&n=${n + 1}` : null,
          finishAction: `${base}/results`,
          labels: quizLabels(t),
          result,
          given,
          problem,
        }}
      />,
      { title: `${t('quiz.practice')}: ${title}`, islands: true },
    );
  })
  .post('/:lang/lessons/:lessonId/quiz/results', formLimit, async (c) => {
    const lang = c.get('lang');
    const t = c.get('t');
    const lesson = getLesson(c.req.param('lessonId'));
    if (!lesson) return renderNotFound(c, lang);
    const field = await formFields(c);
    const seed = field('attempt')[0];
    if (!validSeed(seed)) throw new ApiError(400, 'invalid_request', 'The form has no valid attempt.', [{ path: 'attempt', message: 'missing or malformed' }]);
    const ql = quizLanguage(c, field('ql')[0]);
    const quiz = getQuiz(lesson.id, seed);
    const responses = cleanAnswers(decodeAnswers(field('a')[0]), quiz);
    const attempt = gradeAttempt(quiz, responses, ql);
    const copies = learnerQuiz(quiz, ql, seed).questions;
    await storeAttempt(c, quiz, attempt, { lang: ql, seed, copies, responses });
    const base = `/${lang}/lessons/${lesson.id}`;
    return renderPage(
      c,
      lang,
      <ResultsPage
        title={pick(lesson.title, lang)}
        score={attempt.score}
        max={attempt.max}
        questions={copies}
        results={Object.fromEntries(attempt.results.map((r) => [r.questionId, withResult(r)]))}
        lang={ql}
        labels={quizLabels(t)}
        againHref={`${base}/quiz?ql=${ql}`}
        backHref={base}
        backLabel={t('quiz.backToLesson')}
      />,
      { title: t('quiz.resultsTitle', { title: pick(lesson.title, lang) }) },
    );
  })
  .get('/:lang/test', (c) => {
    const lang = c.get('lang');
    const t = c.get('t');
    const ql = quizLanguage(c);
    const seed = c.req.query('attempt');
    const base = `/${lang}/test`;
    if (!validSeed(seed)) return c.redirect(`${base}?attempt=${newSeed()}&ql=${ql}`, 302);
    const quiz = getQuiz(FINAL_ID, seed);
    return renderPage(
      c,
      lang,
      <FinalTestPage
        questions={learnerQuiz(quiz, ql, seed).questions}
        lang={ql}
        labels={quizLabels(t)}
        action={base}
        hidden={{ attempt: seed, ql }}
        languageLinks={languageLinks(c, ql, (code) => `${base}?attempt=${seed}&ql=${code}`)}
      />,
      { title: t('test.title') },
    );
  })
  .post('/:lang/test', formLimit, async (c) => {
    const lang = c.get('lang');
    const t = c.get('t');
    const field = await formFields(c);
    const seed = field('attempt')[0];
    if (!validSeed(seed)) throw new ApiError(400, 'invalid_request', 'The form has no valid attempt.', [{ path: 'attempt', message: 'missing or malformed' }]);
    const ql = quizLanguage(c, field('ql')[0]);
    const quiz = getQuiz(FINAL_ID, seed);
    const copies = learnerQuiz(quiz, ql, seed).questions;
    const responses: Record<string, AnyResponse> = {};
    for (const copy of copies) {
      const r = responseFromForm(copy, field);
      if (typeof r !== 'string') responses[copy.id] = r;
    }
    const attempt = gradeAttempt(quiz, responses, ql);
    await storeAttempt(c, quiz, attempt, { lang: ql, seed, copies, responses });
    return renderPage(
      c,
      lang,
      <ResultsPage
        title={t('test.title')}
        score={attempt.score}
        max={attempt.max}
        questions={copies}
        results={Object.fromEntries(attempt.results.map((r) => [r.questionId, withResult(r)]))}
        lang={ql}
        labels={quizLabels(t)}
        againHref={`/${lang}/test?ql=${ql}`}
        backHref={`/${lang}/`}
        backLabel={t('nav.overview')}
      />,
      { title: t('quiz.resultsTitle', { title: t('test.title') }) },
    );
  });
