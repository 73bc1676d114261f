// The figures of an item-analysis report as the page shows them: percentages, numbers, the question table.
import { flagsOf, type Flag } from '../../core/stats/flags.ts';
import type { Report } from '../../core/stats/report.ts';
import { usePage, type PageContext } from '../page-context.ts';
import { DataTable } from './data-table.tsx';

/** A share as a percentage and a figure as a number in the UI language; "no data" for a figure that has none. */
export function figureFormats({ t, lang }: Pick<PageContext, 't' | 'lang'>) {
  const pct = (x: number | null) =>
    x === null ? t('itemAnalysis.noData') : new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(x);
  const num = (x: number | null) =>
    x === null ? t('itemAnalysis.noData') : new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(x);
  return { pct, num };
}

/** The test's figures: attempts, mean, median, standard deviation, Cronbach's alpha. */
export function TestFigures({ report: r }: { report: Report }) {
  const page = usePage();
  const { t } = page;
  const { pct, num } = figureFormats(page);
  return (
    <dl class="item-figures">
      <dt>{t('itemAnalysis.attempts')}</dt>
      <dd>{r.attempts}</dd>
      <dt>{t('itemAnalysis.mean')}</dt>
      <dd>{pct(r.test.mean)}</dd>
      <dt>{t('itemAnalysis.median')}</dt>
      <dd>{pct(r.test.median)}</dd>
      <dt>{t('itemAnalysis.sd')}</dt>
      <dd>{pct(r.test.sd)}</dd>
      <dt>{t('itemAnalysis.alpha')}</dt>
      <dd>{r.test.cronbachAlpha === null ? t('itemAnalysis.alphaNone') : num(r.test.cronbachAlpha)}</dd>
    </dl>
  );
}

/** One row per question: its figures and the flags that ask an author to look again; each links to its responses. */
export function QuestionTable({ report: r, qlang }: { report: Report; qlang: string }) {
  const page = usePage();
  const { t } = page;
  const { pct, num } = figureFormats(page);
  const flagText = (f: Flag) =>
    f.code === 'unchosen'
      ? t('itemAnalysis.flag.unchosen', { text: f.text === 'true' || f.text === 'false' ? t(`itemAnalysis.${f.text}`) : f.text })
      : t(`itemAnalysis.flag.${f.code}`);
  return (
    <DataTable
      class="progress-table sets-table item-table"
      focusable
      columns={[
        '#',
        t('itemAnalysis.question'),
        t('itemAnalysis.n'),
        t('itemAnalysis.facility'),
        t('itemAnalysis.discrimination'),
        t('itemAnalysis.efficiency'),
        t('itemAnalysis.flags'),
      ]}
    >
      {r.questions.map((q, i) => {
        const flags = flagsOf(q);
        return (
          <tr key={q.id}>
            <td>{i + 1}</td>
            <th scope="row">
              <a href={`#q-${q.id}`}>
                <span lang={qlang}>{q.prompt || q.id}</span>
              </a>
              <br />
              <span class="muted">
                {q.id} · {t(`itemAnalysis.types.${q.type}` as 'itemAnalysis.types.single')}
              </span>
            </th>
            <td>{q.n}</td>
            <td>{pct(q.facility)}</td>
            <td>{num(q.discriminationIndex)}</td>
            <td>{pct(q.discriminativeEfficiency)}</td>
            <td class="item-flags">
              {flags.length ? (
                <ul>
                  {flags.map((f) => (
                    <li key={f.code + ('text' in f ? f.text : '')}>{flagText(f)}</li>
                  ))}
                </ul>
              ) : (
                <span class="muted">{t('itemAnalysis.noFlags')}</span>
              )}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
