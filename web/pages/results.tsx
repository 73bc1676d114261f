import type { LearnerQuestion } from '../../core/quiz/learner.ts';
import { Feedback, verdict } from '../quiz/feedback.tsx';
import type { CheckResult, QuizLabels } from '../quiz/types.ts';
import { href, usePage } from '../page-context.ts';
import { Breadcrumb } from '../components/breadcrumb.tsx';
import { formatNumber, formatPercent } from '../format.ts';
import { Prompt } from '../quiz/prompt.tsx';

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
  const share = p.max ? p.score / p.max : 0;
  return (
    <>
      <Breadcrumb items={[{ label: t('nav.overview'), href: href(uiLang, '/') }, { label: p.title }]} />
      <h1>{t('quiz.resultsTitle', { title: p.title })}</h1>
      <p class="result-score" role="status">
        {t('quiz.resultsScore', {
          score: formatNumber(uiLang, p.score),
          max: formatNumber(uiLang, p.max),
          percent: formatPercent(uiLang, share),
        })}
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
              <h3 lang={p.lang}>
                <Prompt q={q} labels={p.labels} />
              </h3>
              {r ? (
                <Feedback result={r} labels={p.labels} lang={p.lang} uiLang={uiLang} headingId={`fb-${q.id}`} level={4} region={false} />
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
