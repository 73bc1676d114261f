import { Fragment } from 'preact';
import { usePage } from '../page-context.ts';
import { px } from './svg.ts';
import { DataTable } from './data-table.tsx';
import { formatDay, formatPercent } from '../format.ts';

export interface ReviewForecastProps {
  /** Cards due per day for 14 days; empty when none is due in them (core/review/stats.ts). */
  days: Array<{ day: string; count: number }>;
  weeks: Array<{ week: string; total: number; right: number }>;
}

const W = 320;
const H = 120;
const PAD = 18;

/**
 * For the progress page: cards due per day for 14 days as a server-rendered SVG with a table (a sentence when none
 * is due in them), and the share right per week.
 */
export function ReviewForecast({ days, weeks }: ReviewForecastProps) {
  const { t, lang } = usePage();
  // Formatters made once per language (web/format.ts): making two here was 0.4 ms of the progress page.
  const label = (day: string) => formatDay(lang, day);
  return (
    <section class="review-forecast" aria-labelledby="review-forecast-title">
      <h2 id="review-forecast-title">{t('review.forecast')}</h2>
      {days.length === 0 ? (
        // Nothing scheduled: a sentence says so, where a chart of empty days and a table of zeros would not.
        <p class="muted">{t('review.forecastEmpty')}</p>
      ) : (
        <>
          <DueBars days={days} />
          <details class="show-all">
            <summary>{t('review.forecast')}</summary>
            <DataTable bare columns={[t('review.day'), t('review.cards')]}>
              {days.map((d) => (
                <tr key={d.day}>
                  <th scope="row">{label(d.day)}</th>
                  <td>{d.count}</td>
                </tr>
              ))}
            </DataTable>
          </details>
        </>
      )}
      {weeks.length > 0 && (
        <>
          <h3>{t('review.weekly')}</h3>
          <DataTable bare columns={[t('review.week'), t('review.reviews'), t('review.share')]}>
            {weeks.map((w) => (
              <tr key={w.week}>
                <th scope="row">{label(w.week)}</th>
                <td>{w.total}</td>
                <td>{formatPercent(lang, w.right / w.total)}</td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </section>
  );
}

/** One bar per day, its count above it. */
function DueBars({ days }: Pick<ReviewForecastProps, 'days'>) {
  const { t } = usePage();
  const max = Math.max(1, ...days.map((d) => d.count));
  const bar = (W - PAD) / days.length;
  return (
    <svg class="review-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="review-forecast-svg" width="100%">
      <title id="review-forecast-svg">{t('review.forecastChart')}</title>
      {days.map((d, i) => {
        // A day without cards draws nothing: a bar of height 0 is invisible, and its count is in the table.
        if (d.count <= 0) return null;
        const h = ((H - PAD) * d.count) / max;
        return (
          <Fragment key={d.day}>
            <rect x={px(PAD + i * bar + 2)} y={px(H - PAD - h)} width={px(bar - 4)} height={px(h)} fill="currentColor" opacity="0.7" />
            <text x={px(PAD + i * bar + bar / 2)} y={px(H - PAD - h - 3)} font-size="9" text-anchor="middle">
              {d.count}
            </text>
          </Fragment>
        );
      })}
      <line x1={PAD} y1={H - PAD} x2={W} y2={H - PAD} stroke="currentColor" />
    </svg>
  );
}
