import type { LearnerQuestion } from '../../core/quiz/learner.ts';
import { Feedback, verdict } from '../quiz/feedback.tsx';
import type { CheckResult, QuizLabels } from '../quiz/types.ts';
import { href, usePage } from '../page-context.ts';

export interface ResultsProps {
  title: string;
  score: number;
  max: number;
  questions: LearnerQuestion[];
  results: Record<string, CheckResult>;
  lang: string;
  labels: QuizLabels;
  againHref: string;
  backHref: string;
  backLabel: string;
}

/** Score and a per-question review: the prompt, what was answered, and the full feedback. */
export function ResultsPage(p: ResultsProps) {
  const { t, lang: uiLang } = usePage();
  const share = p.max ? Math.round((p.score / p.max) * 100) : 0;
  return (
    <>
      <nav class="breadcrumb" aria-label={t('nav.breadcrumb')}>
        <a href={href(uiLang, '/')}>{t('nav.overview')}</a> › {p.title}
      </nav>
      <h1>{t('quiz.resultsTitle', { title: p.title })}</h1>
      <p class="result-score" role="status">
        {t('quiz.resultsScore', { score: formatScore(p.score), max: p.max, percent: share })}
      </p>
      <p class="actions">
        <a class="button primary" href={p.againHref}>
          {t('quiz.again')}
        </a>{' '}
        <a class="button" href={p.backHref}>
          {p.backLabel}
        </a>
      </p>
      <h2>{t('quiz.review')}</h2>
      <ol class="review">
        {p.questions.map((q) => {
          const r = p.results[q.id];
          return (
            <li key={q.id} class="review-item">
              <h3 lang={p.lang}>{q.prompt}</h3>
              {r ? (
                <Feedback result={r} labels={p.labels} lang={p.lang} uiLang={uiLang} />
              ) : (
                <p class="feedback bad">
                  <strong>{verdict(0, p.labels)}</strong> — {p.labels.noAnswer}
                </p>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}

export const formatScore = (n: number) => String(Math.round(n * 100) / 100);
