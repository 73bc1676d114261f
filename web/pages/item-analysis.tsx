import { flagsOf, type Flag } from '../../core/stats/flags.ts';
import type { Report } from '../../core/stats/report.ts';
import { ItemChart } from '../components/item-chart.tsx';
import { ItemResponses, type AcceptTarget } from '../components/item-responses.tsx';
import { usePage } from '../page-context.ts';
import { Shell } from './instructor/index.ts';

export interface ItemAnalysisProps {
  csrf: string;
  report: Report;
  /** The quiz's title in the UI language. */
  title: string;
  /** The quiz language the texts are shown in, and the others it has. */
  qlang: string;
  languages: Array<{ code: string; label: string }>;
  attempts: 'first' | 'all';
  /** This page without its query string, and the CSV export without its extension. */
  path: string;
  csvPath: string;
  /** Sets only: typed answers can be accepted. */
  accept?: AcceptTarget | undefined;
  notice?: string | undefined;
}

/** Item analysis of one quiz: test figures, a table and a chart per question, response rows, CSV downloads. */
export function ItemAnalysisPage(p: ItemAnalysisProps) {
  const { t, lang } = usePage();
  const pct = (x: number | null) =>
    x === null ? t('itemAnalysis.noData') : new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(x);
  const num = (x: number | null) =>
    x === null ? t('itemAnalysis.noData') : new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(x);
  const flagText = (f: Flag) =>
    f.code === 'unchosen'
      ? t('itemAnalysis.flag.unchosen', { text: f.text === 'true' || f.text === 'false' ? t(`itemAnalysis.${f.text}`) : f.text })
      : t(`itemAnalysis.flag.${f.code}`);
  const r = p.report;
  const link = (attempts: string, ql: string) => `${p.path}?attempts=${attempts}&ql=${ql}`;
  const points = r.questions.flatMap((q, i) =>
    q.facility !== null && q.discriminationIndex !== null
      ? [{ label: String(i + 1), facility: q.facility, discrimination: q.discriminationIndex }]
      : [],
  );
  return (
    <Shell csrf={p.csrf}>
      <h1>{t('itemAnalysis.title', { title: p.title })}</h1>
      <p class="lead">{t('itemAnalysis.intro')}</p>
      {p.notice && (
        <p class="notice" role="status">
          {p.notice}
        </p>
      )}
      <nav aria-label={t('itemAnalysis.selection')} class="item-selection">
        <p>
          {t('itemAnalysis.selection')}:{' '}
          {(['first', 'all'] as const).map((a) => (
            <a key={a} class="button" href={link(a, p.qlang)} aria-current={a === p.attempts ? 'page' : undefined}>
              {t(`itemAnalysis.${a}`)}
            </a>
          ))}
        </p>
        {p.languages.length > 1 && (
          <p>
            {t('itemAnalysis.quizLanguage')}:{' '}
            {p.languages.map((l) => (
              <a key={l.code} class="button" href={link(p.attempts, l.code)} aria-current={l.code === p.qlang ? 'page' : undefined}>
                {l.label}
              </a>
            ))}
          </p>
        )}
      </nav>

      <h2>{t('itemAnalysis.testFigures')}</h2>
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
      {r.attempts === 0 && <p class="empty">{t('itemAnalysis.noAttempts')}</p>}
      <p>
        {t('itemAnalysis.downloads')}:{' '}
        <a class="button" href={`${p.csvPath}.csv?table=questions&attempts=${p.attempts}&lang=${p.qlang}`} download>
          {t('itemAnalysis.csvQuestions')}
        </a>{' '}
        <a class="button" href={`${p.csvPath}.csv?table=scores&attempts=${p.attempts}`} download>
          {t('itemAnalysis.csvScores')}
        </a>
      </p>

      <h2 id="questions">{t('itemAnalysis.questionsHeading')}</h2>
      <div class="table-wrap" tabIndex={0}>
        <table class="progress-table sets-table item-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('itemAnalysis.question')}</th>
              <th scope="col">{t('itemAnalysis.n')}</th>
              <th scope="col">{t('itemAnalysis.facility')}</th>
              <th scope="col">{t('itemAnalysis.discrimination')}</th>
              <th scope="col">{t('itemAnalysis.efficiency')}</th>
              <th scope="col">{t('itemAnalysis.flags')}</th>
            </tr>
          </thead>
          <tbody>
            {r.questions.map((q, i) => {
              const flags = flagsOf(q);
              return (
                <tr key={q.id}>
                  <td>{i + 1}</td>
                  <th scope="row">
                    <a href={`#q-${q.id}`}>
                      <span lang={p.qlang}>{q.prompt || q.id}</span>
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
          </tbody>
        </table>
      </div>

      <h2>{t('itemAnalysis.chartHeading')}</h2>
      <figure>
        <ItemChart
          points={points}
          title={t('itemAnalysis.chartHeading')}
          desc={t('itemAnalysis.chartDesc')}
          xLabel={t('itemAnalysis.chartX')}
          yLabel={t('itemAnalysis.chartY')}
        />
        <figcaption>
          <a href="#questions">{t('itemAnalysis.chartDesc')}</a>
        </figcaption>
      </figure>

      <h2>{t('itemAnalysis.responsesHeading')}</h2>
      {!p.accept && <p class="muted">{t('itemAnalysis.readOnly')}</p>}
      {r.questions.map((q, i) => (
        <section key={q.id} id={`q-${q.id}`} aria-labelledby={`qh-${q.id}`}>
          <h3 id={`qh-${q.id}`}>
            {i + 1}. <span lang={p.qlang}>{q.prompt || q.id}</span>
          </h3>
          <ItemResponses questionId={q.id} rows={q.responses} qlang={p.qlang} target={p.accept} />
        </section>
      ))}
    </Shell>
  );
}
