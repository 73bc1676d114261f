import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { pick } from '../../core/content/localized.ts';
import { gradeAttempt, type AttemptResult } from '../../core/quiz/attempt.ts';
import type { LearnerQuestion } from '../../core/quiz/learner.ts';
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
import { isSetId, setQuiz, setStore } from '../sets.ts';
import type { Quiz } from '../../core/quiz/quiz.ts';
import type { Passage } from '../../core/sets/schema.ts';
import { renderPage } from '../render.tsx';
import { renderNotFound } from './pages.tsx';
import { storeAttempt } from '../progress.ts';

type C = Context<AppEnv>;

/** The quiz language: `?ql=`, else the language the learner is learning (the one the UI is not in). */
function quizLanguage(c: C, fromForm?: string, languages: readonly string[] = contentLanguages): string {
  const asked = fromForm ?? c.req.query('ql');
  if (asked && languages.includes(asked)) return asked;
  const ui = c.get('lang');
  return languages.find((l) => l !== ui) ?? languages[0] ?? sourceLanguage;
}

const validSeed = (s: string | undefined | null): s is string => !!s && SEED_PATTERN.test(s);

/** Answers carried in the URL or a form, kept only where they fit their question; the rest is dropped. */
function cleanAnswers(raw: Record<string, unknown>, quiz: Quiz): Record<string, AnyResponse> {
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

function languageLinks(c: C, current: string, languages: readonly string[], build: (ql: string) => string) {
  const t = c.get('t');
  return languages.map((code) => ({ code, label: t(`languages.${code}` as 'languages.de'), href: build(code), current: code === current }));
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

interface PracticeTarget {
  quiz: Quiz;
  languages: readonly string[];
  title: string;
  /** `/{lang}/lessons/{id}/quiz` or `/{lang}/sets/{id}`: the practice page; results post to `${base}/results`. */
  base: string;
  backHref: string;
  backLabel: string;
  passages?: Passage[];
  /** The lesson to show in the breadcrumb, if any. */
  lessonId?: string;
  setTitle?: string;
}

/** One practice question (GET): a fresh form, or the graded answer of a plain form post. */
function practicePage(c: C, target: PracticeTarget) {
  const lang = c.get('lang');
  const t = c.get('t');
  const { quiz, base } = target;
  const ql = quizLanguage(c, undefined, target.languages);
  const seed = c.req.query('attempt');
  if (!validSeed(seed)) return c.redirect(`${base}?attempt=${newSeed()}&ql=${ql}&n=1`, 302);

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
  const passage = target.passages?.find((p) => p.before === question.id);

  return renderPage(
    c,
    lang,
    <QuizPage
      title={target.title}
      lessonId={target.lessonId}
      languageLinks={languageLinks(
        c,
        ql,
        target.languages,
        (code) => `${base}?attempt=${seed}&ql=${code}&n=${n}&a=${encodeAnswers(prior)}`,
      )}
      practice={{
        quizId: quiz.id,
        seed,
        lang: ql,
        uiLang: lang,
        question: copy,
        passage: passage ? pick(passage.text, ql) : null,
        number: n,
        total,
        answeredSoFar: prior,
        action: base,
        hidden: { attempt: seed, ql, n: String(n), a: encodeAnswers(prior) },
        nextBase: n < total ? `${base}?attempt=${seed}&ql=${ql}&n=${n + 1}` : null,
        finishAction: `${base}/results`,
        labels: quizLabels(t),
        result,
        given,
        problem,
      }}
    />,
    { title: `${t('quiz.practice')}: ${target.title}`, islands: true },
  );
}

/** The end of a practice run (POST): grade every answer, store the attempt (one KV write), show the review. */
async function practiceResults(c: C, target: PracticeTarget) {
  const field = await formFields(c);
  const seed = field('attempt')[0];
  if (!validSeed(seed))
    throw new ApiError(400, 'invalid_request', 'The form has no valid attempt.', [{ path: 'attempt', message: 'missing or malformed' }]);
  const ql = quizLanguage(c, field('ql')[0], target.languages);
  const { quiz } = target;
  const responses = cleanAnswers(decodeAnswers(field('a')[0]), quiz);
  const attempt = gradeAttempt(quiz, responses, ql);
  const copies = learnerQuiz(quiz, ql, seed).questions;
  await storeAttempt(c, quiz, attempt, { lang: ql, seed, copies, responses, ...(target.setTitle ? { title: target.setTitle } : {}) });
  return renderResults(c, {
    title: target.title,
    attempt,
    copies,
    ql,
    againHref: `${target.base}?ql=${ql}`,
    backHref: target.backHref,
    backLabel: target.backLabel,
  });
}

/** The results page of a graded attempt (practice run, set or final test): score and per-question review. */
function renderResults(
  c: C,
  r: {
    title: string;
    attempt: AttemptResult;
    copies: LearnerQuestion[];
    ql: string;
    againHref: string;
    backHref: string;
    backLabel: string;
  },
) {
  const t = c.get('t');
  return renderPage(
    c,
    c.get('lang'),
    <ResultsPage
      title={r.title}
      score={r.attempt.score}
      max={r.attempt.max}
      questions={r.copies}
      results={Object.fromEntries(r.attempt.results.map((x) => [x.questionId, withResult(x)]))}
      lang={r.ql}
      labels={quizLabels(t)}
      againHref={r.againHref}
      backHref={r.backHref}
      backLabel={r.backLabel}
    />,
    { title: t('quiz.resultsTitle', { title: r.title }) },
  );
}

function lessonTarget(c: C): PracticeTarget | null {
  const lang = c.get('lang');
  const lesson = getLesson(c.req.param('lessonId') ?? '');
  if (!lesson) return null;
  return {
    quiz: getQuiz(lesson.id, 'practice'),
    languages: contentLanguages,
    title: pick(lesson.title, lang),
    base: `/${lang}/lessons/${lesson.id}/quiz`,
    backHref: `/${lang}/lessons/${lesson.id}`,
    backLabel: c.get('t')('quiz.backToLesson'),
    lessonId: lesson.id,
  };
}

async function setTarget(c: C): Promise<PracticeTarget | null> {
  const lang = c.get('lang');
  const id = c.req.param('setId') ?? '';
  if (!isSetId(id)) return null;
  const v = await setStore(c.env).published(id);
  if (!v) return null;
  const title = pick(v.set.title, lang);
  return {
    quiz: setQuiz(v),
    languages: v.set.languages,
    title,
    base: `/${lang}/sets/${id}`,
    backHref: v.set.lesson ? `/${lang}/lessons/${v.set.lesson}` : `/${lang}/`,
    backLabel: v.set.lesson ? c.get('t')('quiz.backToLesson') : c.get('t')('nav.overview'),
    passages: v.set.passages,
    setTitle: title,
  };
}

export const quizPages = new Hono<AppEnv>()
  .get('/:lang/lessons/:lessonId/quiz', (c) => {
    const target = lessonTarget(c);
    return target ? practicePage(c, target) : renderNotFound(c, c.get('lang'));
  })
  .post('/:lang/lessons/:lessonId/quiz/results', formLimit, async (c) => {
    const target = lessonTarget(c);
    return target ? practiceResults(c, target) : renderNotFound(c, c.get('lang'));
  })
  .get('/:lang/sets/:setId', async (c) => {
    const target = await setTarget(c);
    return target ? practicePage(c, target) : renderNotFound(c, c.get('lang'));
  })
  .post('/:lang/sets/:setId/results', formLimit, async (c) => {
    const target = await setTarget(c);
    return target ? practiceResults(c, target) : renderNotFound(c, c.get('lang'));
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
        languageLinks={languageLinks(c, ql, contentLanguages, (code) => `${base}?attempt=${seed}&ql=${code}`)}
      />,
      { title: t('test.title') },
    );
  })
  .post('/:lang/test', formLimit, async (c) => {
    const lang = c.get('lang');
    const t = c.get('t');
    const field = await formFields(c);
    const seed = field('attempt')[0];
    if (!validSeed(seed))
      throw new ApiError(400, 'invalid_request', 'The form has no valid attempt.', [{ path: 'attempt', message: 'missing or malformed' }]);
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
    return renderResults(c, {
      title: t('test.title'),
      attempt,
      copies,
      ql,
      againHref: `/${lang}/test?ql=${ql}`,
      backHref: `/${lang}/`,
      backLabel: t('nav.overview'),
    });
  });
