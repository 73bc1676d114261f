import type { Report } from '../../core/stats/report.ts';
import { ItemChart } from '../components/item-chart.tsx';
import { QuestionTable, TestFigures } from '../components/item-figures.tsx';
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
  const { t } = usePage();
  const r = p.report;
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
      <Selection {...p} />

      <h2>{t('itemAnalysis.testFigures')}</h2>
      <TestFigures report={r} />
      {r.attempts === 0 && <p class="empty">{t('itemAnalysis.noAttempts')}</p>}
      <Downloads csvPath={p.csvPath} attempts={p.attempts} qlang={p.qlang} />

      <h2 id="questions">{t('itemAnalysis.questionsHeading')}</h2>
      <QuestionTable report={r} qlang={p.qlang} />

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

/** Which attempts (first or all) and which quiz language the report shows, as links to the other choices. */
function Selection(p: Pick<ItemAnalysisProps, 'path' | 'qlang' | 'attempts' | 'languages'>) {
  const { t } = usePage();
  const link = (attempts: string, ql: string) => `${p.path}?attempts=${attempts}&ql=${ql}`;
  return (
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
  );
}

/** The report as CSV: the question table in the quiz language, and the scores. */
function Downloads(p: Pick<ItemAnalysisProps, 'csvPath' | 'attempts' | 'qlang'>) {
  const { t } = usePage();
  return (
    <p>
      {t('itemAnalysis.downloads')}:{' '}
      <a class="button" href={`${p.csvPath}.csv?table=questions&attempts=${p.attempts}&lang=${p.qlang}`} download>
        {t('itemAnalysis.csvQuestions')}
      </a>{' '}
      <a class="button" href={`${p.csvPath}.csv?table=scores&attempts=${p.attempts}`} download>
        {t('itemAnalysis.csvScores')}
      </a>
    </p>
  );
}
