import { Fragment } from 'preact';
import { formatDateTime, formatNumber, formatPercent } from '../format.ts';
import { px } from './svg.ts';
import { DataTable } from './data-table.tsx';

export interface HistoryPoint {
  label: string;
  share: number;
  /** Epoch milliseconds. */
  at: number;
}

export interface HistoryLabels {
  title: string;
  caption: string;
  /** Axis titles: "Score", "Attempts, oldest first". */
  y: string;
  x: string;
  showTable: string;
  when: string;
  quiz: string;
  score: string;
  /** Said under the chart when it shows only the latest of more attempts. */
  more?: string;
}

const W = 340;
const H = 120;
const LEFT = 44;
const TOP = 16;

/** Attempts the chart and its table show: the latest ones (the export has every attempt). */
export const HISTORY_SHOWN = 30;

/**
 * Scores over time as a small SVG bar chart: one bar per attempt of the last HISTORY_SHOWN, oldest first, with
 * labelled axes whose numbers are in the UI language; the same attempts as a table behind "show as a table",
 * numbered as in the whole history. Drawn with attributes only (the CSP allows no inline styles).
 */
export function HistoryChart({ points, labels, lang }: { points: HistoryPoint[]; labels: HistoryLabels; lang: string }) {
  const shown = points.slice(-HISTORY_SHOWN);
  const first = points.length - shown.length + 1;
  return (
    <figure class="chart">
      <HistoryBars shown={shown} first={first} labels={labels} lang={lang} />
      <figcaption>
        {labels.caption}
        {labels.more ? ` ${labels.more}` : ''}
      </figcaption>
      <details class="show-all">
        <summary>{labels.showTable}</summary>
        <DataTable class="history-table" focusable columns={['#', labels.when, labels.quiz, labels.score]}>
          {shown.map((p, i) => (
            <tr key={i}>
              <td>{formatNumber(lang, first + i)}</td>
              <td>{formatDateTime(lang, p.at)}</td>
              <td>{p.label}</td>
              <td>{formatPercent(lang, p.share)}</td>
            </tr>
          ))}
        </DataTable>
      </details>
    </figure>
  );
}

/** The attempts shown as bars over gridlines at 0, 50 and 100 %; the first and last bar (or all of ten) numbered. */
function HistoryBars({ shown, first, labels, lang }: { shown: HistoryPoint[]; first: number; labels: HistoryLabels; lang: string }) {
  const step = (W - LEFT - 8) / Math.max(1, shown.length);
  const bw = Math.max(4, Math.min(24, step - 3));
  const y = (share: number) => TOP + H - share * H;
  return (
    <svg viewBox={`0 0 ${W} ${TOP + H + 44}`} width="100%" height="180" role="img" aria-labelledby="chart-title">
      <title id="chart-title">{labels.title}</title>
      <text x="0" y="10" font-size="10" fill="#505a66">
        {labels.y}
      </text>
      {[0, 0.5, 1].map((s) => (
        <Fragment key={s}>
          <line x1={LEFT} x2={W} y1={y(s)} y2={y(s)} stroke="#d5dbe1" stroke-width="1" />
          <text x={LEFT - 4} y={y(s) + 4} font-size="10" fill="#505a66" text-anchor="end">
            {formatPercent(lang, s)}
          </text>
        </Fragment>
      ))}
      {shown.map((p, i) => {
        const bh = Math.max(2, p.share * H);
        const x = LEFT + 4 + i * step;
        return (
          <Fragment key={i}>
            <rect x={px(x)} y={px(TOP + H - bh)} width={px(bw)} height={px(bh)} rx="2" fill={p.share >= 0.8 ? '#1a6b35' : '#0b57a4'}>
              <title>{`${p.label}: ${formatPercent(lang, p.share)} (${formatDateTime(lang, p.at)})`}</title>
            </rect>
            {(i === 0 || i === shown.length - 1 || shown.length <= 10) && (
              <text x={px(x + bw / 2)} y={TOP + H + 14} font-size="10" fill="#505a66" text-anchor="middle">
                {formatNumber(lang, first + i)}
              </text>
            )}
          </Fragment>
        );
      })}
      <text x={LEFT + (W - LEFT) / 2} y={TOP + H + 36} font-size="10" fill="#505a66" text-anchor="middle">
        {labels.x}
      </text>
    </svg>
  );
}
