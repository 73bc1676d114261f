// Rendering of the quiz pages (a practice question, the final test, a results page) from a quiz session
// and what the attempt service returned. The routes in quiz-pages.tsx only parse and call these.
import type { Context } from 'hono';
import { pick } from '../../../core/content/localized.ts';
import type { AttemptResult } from '../../../core/quiz/attempt.ts';
import type { LearnerQuestion } from '../../../core/quiz/learner.ts';
import type { AnyResponse } from '../../../core/quiz/response.ts';
import type { Passage } from '../../../core/sets/schema.ts';
import { encodeAnswers, type FormProblem } from '../../../web/quiz/form.ts';
import { FinalTestPage } from '../../../web/pages/final-test.tsx';
import { QuizPage } from '../../../web/pages/quiz.tsx';
import { ResultsPage } from '../../../web/pages/results.tsx';
import type { AppEnv } from '../../env.ts';
import { IDEMPOTENCY_FIELD, newIdempotencyKey } from '../../http/idempotency-key.ts';
import { learningLanguage } from '../../render/learning-language.ts';
import { quizLabels } from '../../render/labels.ts';
import { renderPage } from '../../render/document.tsx';
import type { CheckedAnswer } from '../../services/attempts.ts';
import { learnerCopyOf, type QuizSession } from '../../services/quiz-session.ts';

type C = Context<AppEnv>;

/** Where a practice run lives and where it leads back to. */
export interface PracticeTarget {
  title: string;
  /** `/{lang}/lessons/{id}/quiz` or `/{lang}/sets/{id}`: the practice page; results post to `${base}/results`. */
  base: string;
  backHref: string;
  backLabel: string;
  passages?: Passage[] | undefined;
  /** The lesson to show in the breadcrumb, if any. */
  lessonId?: string | undefined;
}

/** Links to the same place in each of the quiz's languages; none for a quiz in one language. */
function languageLinks(c: C, s: QuizSession, build: (ql: string) => string) {
  const t = c.get('t');
  if (s.languages.length < 2) return [];
  return s.languages.map((code) => ({
    code,
    label: t(`languages.${code}` as 'languages.de'),
    href: build(code),
    current: code === s.lang,
  }));
}

/** One practice question: fresh, or graded after a plain form post. */
export function renderPractice(
  c: C,
  s: QuizSession,
  target: PracticeTarget,
  q: {
    n: number;
    prior: Record<string, AnyResponse>;
    given: AnyResponse | null;
    result: CheckedAnswer | null;
    problem: FormProblem | null;
  },
) {
  const lang = c.get('lang');
  const t = c.get('t');
  const { base } = target;
  const total = s.quiz.questions.length;
  const copy = learnerCopyOf(s).questions[q.n - 1]!;
  const question = s.quiz.questions[q.n - 1]!;
  const passage = target.passages?.find((p) => p.before === question.id);
  const a = encodeAnswers(q.prior);
  return renderPage(
    c,
    lang,
    <QuizPage
      title={target.title}
      lessonId={target.lessonId}
      learning={learningLanguage(c)}
      languageLinks={languageLinks(c, s, (code) => `${base}?attempt=${s.seed}&ql=${code}&n=${q.n}&a=${a}`)}
      practice={{
        quizId: s.quiz.id,
        seed: s.seed,
        lang: s.lang,
        uiLang: lang,
        question: copy,
        passage: passage ? pick(passage.text, s.lang) : null,
        number: q.n,
        total,
        answeredSoFar: q.prior,
        action: base,
        // The finish form sends every hidden field but n and a: its key makes a re-post one attempt.
        hidden: { attempt: s.seed, ql: s.lang, n: String(q.n), a, [IDEMPOTENCY_FIELD]: newIdempotencyKey() },
        nextBase: q.n < total ? `${base}?attempt=${s.seed}&ql=${s.lang}&n=${q.n + 1}` : null,
        finishAction: `${base}/results`,
        labels: quizLabels(t),
        result: q.result,
        given: q.given,
        problem: q.problem,
      }}
    />,
    { title: `${t('quiz.practice')}: ${target.title}` },
  );
}

/** Where a test lives: its page (`base`, which also takes the language links) and what it is called. */
export interface TestTarget {
  title: string;
  base: string;
  /** Where the form hands in: `/{lang}/test`, or `${base}/results` for a set. */
  action: string;
  /** The final test is drawn from all lessons; a set's test is its own questions. */
  kind: 'final' | 'set';
  passages?: Passage[] | undefined;
}

/** The final test as a target. */
export const finalTestTarget = (c: C): TestTarget => {
  const base = `/${c.get('lang')}/test`;
  return { title: c.get('t')('test.title'), base, action: base, kind: 'final' };
};

/**
 * A test (the final test, or a set its instructor marked as one) as one form, with no feedback before it is
 * handed in; after a submit with open questions, the answers so far, how many are open, and the idempotency
 * key that submit carried (a fresh form gets a new one).
 */
export function renderTest(
  c: C,
  s: QuizSession,
  target: TestTarget,
  opts: { given?: Record<string, AnyResponse>; open?: number; idempotencyKey?: string | undefined } = {},
) {
  const lang = c.get('lang');
  const t = c.get('t');
  const passages = Object.fromEntries((target.passages ?? []).map((p) => [p.before ?? '', pick(p.text, s.lang)] as const));
  return renderPage(
    c,
    lang,
    <FinalTestPage
      title={target.title}
      intro={t(target.kind === 'final' ? 'test.intro' : 'test.setIntro', { count: s.quiz.questions.length })}
      questions={learnerCopyOf(s).questions}
      passages={passages}
      lang={s.lang}
      labels={quizLabels(t)}
      action={target.action}
      hidden={{
        attempt: s.seed,
        ql: s.lang,
        [IDEMPOTENCY_FIELD]: opts.idempotencyKey ?? newIdempotencyKey(),
        ...(opts.open ? { confirm: '1' } : {}),
      }}
      languageLinks={languageLinks(c, s, (code) => `${target.base}?attempt=${s.seed}&ql=${code}`)}
      given={opts.given}
      open={opts.open}
      learning={learningLanguage(c)}
    />,
    { title: target.title },
  );
}

/** The results page of a graded attempt (practice run, set or final test): score and per-question review. */
export function renderResults(
  c: C,
  s: QuizSession,
  r: {
    title: string;
    attempt: AttemptResult;
    results: CheckedAnswer[];
    copies: LearnerQuestion[];
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
      results={Object.fromEntries(r.results.map((x) => [x.questionId, x]))}
      lang={s.lang}
      labels={quizLabels(t)}
      againHref={r.againHref}
      backHref={r.backHref}
      backLabel={r.backLabel}
    />,
    { title: t('quiz.resultsTitle', { title: r.title }) },
  );
}
