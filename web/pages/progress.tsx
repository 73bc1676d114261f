import type { ProgressSummary } from '../../core/progress/summary.ts';
import { HISTORY_SHOWN, HistoryChart } from '../components/history-chart.tsx';
import { href, sentenceParts, usePage } from '../page-context.ts';
import { ReviewForecast, type ReviewForecastProps } from '../components/review-forecast.tsx';
import { ReviewSettingsForm } from '../components/review-settings.tsx';
import type { ReviewSettings } from '../../core/review/deck.ts';
import { formatPercent } from '../format.ts';
import { DataTable } from '../components/data-table.tsx';

export interface ProgressRow {
  quizId: string;
  title: string;
  href: string;
}

export interface MissedRow {
  prompt: string;
  times: number;
  sources: Array<{ id: string; href: string }>;
}

export interface ProgressPageProps {
  summary: ProgressSummary;
  rows: ProgressRow[];
  missed: MissedRow[];
  deleted: number | null;
  /** The review's 14-day forecast, share right per week and settings (absent: the section is not shown). */
  review?: (ReviewForecastProps & { settings: ReviewSettings }) | undefined;
}

const pct = (lang: string, n: number | null) => (n === null ? '–' : formatPercent(lang, n));

/** The learner's progress: per lesson and test, history, most missed questions, export and delete. */
export function ProgressPage({ summary, rows, missed, deleted, review }: ProgressPageProps) {
  const { t, lang } = usePage();
  return (
    <>
      <h1>{t('progress.title')}</h1>
      <p class="lead">{t('progress.privacy')}</p>
      {deleted !== null && (
        <p class="notice" role="status">
          {t('progress.deleted', { count: deleted })}
        </p>
      )}
      {summary.total === 0 ? (
        <>
          <p class="empty">{t('progress.empty')}</p>
          <p>
            <a class="button" href={href(lang, '/')}>
              {t('progress.start')}
            </a>
          </p>
        </>
      ) : (
        <Attempts summary={summary} rows={rows} missed={missed} />
      )}
      {review && (
        <>
          <ReviewForecast days={review.days} weeks={review.weeks} />
          <ReviewSettingsForm settings={review.settings} />
        </>
      )}
      <YourData />
    </>
  );
}

/** What the attempts so far show: the state of each quiz, the history of scores, the questions missed most. */
function Attempts({ summary, rows, missed }: Pick<ProgressPageProps, 'summary' | 'rows' | 'missed'>) {
  const { t, lang } = usePage();
  const titleOf = new Map(rows.map((r) => [r.quizId, r.title]));
  return (
    <>
      <h2>{t('progress.perQuiz')}</h2>
      <QuizTable summary={summary} rows={rows} />
      <h2>{t('progress.history')}</h2>
      <HistoryChart
        lang={lang}
        labels={{
          title:
            summary.total > HISTORY_SHOWN
              ? t('progress.chartTitleLast', { shown: HISTORY_SHOWN, total: summary.total })
              : t('progress.chartTitle', { count: summary.total }),
          caption: t('progress.chartCaption'),
          ...(summary.total > HISTORY_SHOWN ? { more: t('progress.chartMore', { shown: HISTORY_SHOWN, total: summary.total }) } : {}),
          y: t('progress.chartY'),
          x: t('progress.chartX'),
          showTable: t('progress.showTable'),
          when: t('progress.when'),
          quiz: t('progress.quiz'),
          score: t('progress.score'),
        }}
        points={summary.history.map((h) => ({ label: titleOf.get(h.quizId) ?? h.quizId, share: h.share, at: h.at }))}
      />
      {missed.length > 0 && (
        <>
          <h2>{t('progress.missed')}</h2>
          <ol class="missed">
            {missed.map((m, i) => (
              <li key={i}>
                {m.prompt} <span class="times">({t('progress.missedTimes', { count: m.times })})</span>{' '}
                {m.sources.map((s) => (
                  <a key={s.id} class="source-link" href={s.href}>
                    {t('lesson.sentenceRef', sentenceParts(s.id))}
                  </a>
                ))}
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}

/** One row per quiz: its state, attempts, best and latest score (on phones each row a small card, its cells labelled). */
function QuizTable({ summary, rows }: Pick<ProgressPageProps, 'summary' | 'rows'>) {
  const { t, lang } = usePage();
  const byId = new Map(summary.quizzes.map((q) => [q.quizId, q]));
  return (
    <DataTable
      class="progress-table"
      columns={[t('progress.quiz'), t('progress.state'), t('progress.attempts'), t('progress.best'), t('progress.latest')]}
    >
      {rows.map((r) => {
        const q = byId.get(r.quizId);
        return (
          <tr key={r.quizId} class={`state-${q?.state ?? 'not-started'}`}>
            <th scope="row">
              <a href={r.href}>{r.title}</a>
            </th>
            <td data-label={t('progress.state')}>{t(`progress.states.${q?.state ?? 'not-started'}` as 'progress.states.done')}</td>
            <td data-label={t('progress.attempts')}>{q?.attempts ?? 0}</td>
            <td data-label={t('progress.best')}>{pct(lang, q?.best ?? null)}</td>
            <td data-label={t('progress.latest')}>{pct(lang, q?.latest ?? null)}</td>
          </tr>
        );
      })}
    </DataTable>
  );
}

/** The learner's data: download it as JSON, or delete it after ticking a confirmation. */
function YourData() {
  const { t, lang } = usePage();
  return (
    <>
      <h2>{t('progress.yourData')}</h2>
      <p>
        <a class="button" href="/api/progress/export" download="rare-earths-progress.json">
          {t('progress.export')}
        </a>
      </p>
      <form method="post" action={href(lang, '/progress/delete')} class="danger-zone">
        <p>
          <label class="choice" for="confirm-delete">
            <input type="checkbox" id="confirm-delete" name="confirm" value="yes" required />
            <span class="choice-text">{t('progress.confirmDelete')}</span>
          </label>
        </p>
        <button type="submit" class="danger">
          {t('progress.delete')}
        </button>
      </form>
    </>
  );
}
