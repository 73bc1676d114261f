import type { ResponseRow } from '../../core/stats/rows.ts';
import { usePage } from '../page-context.ts';
import { DataTable } from './data-table.tsx';

/** Where an instructor of a set accepts typed answers: the form action and its CSRF token. */
export interface AcceptTarget {
  action: string;
  csrf: string;
  /** The report's selection, kept after the redirect. */
  attempts: string;
  /** The set version the page shows: the accept is refused (409) if the set has another one by then. */
  expectedVersion: number;
}

const percent = (lang: string, x: number | null) =>
  x === null ? '–' : new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(x);

/** A form to accept a typed answer that scored below full credit (no JavaScript needed). */
function AcceptForm({ row, questionId, qlang, target }: { row: ResponseRow; questionId: string; qlang: string; target: AcceptTarget }) {
  const { t } = usePage();
  const lang = row.lang ?? qlang;
  const id = `accept-${questionId}-${row.part ?? ''}-${lang}-${row.value}`.replace(/[^A-Za-z0-9_-]/g, '_');
  return (
    <form method="post" action={target.action} class="inline-form accept-form">
      <input type="hidden" name="csrf" value={target.csrf} />
      <input type="hidden" name="attempts" value={target.attempts} />
      <input type="hidden" name="expectedVersion" value={String(target.expectedVersion)} />
      <input type="hidden" name="question" value={questionId} />
      <input type="hidden" name="value" value={row.value} />
      <input type="hidden" name="lang" value={lang} />
      {row.part && <input type="hidden" name="part" value={row.part} />}
      {row.part ? (
        <input type="hidden" name="credit" value="1" />
      ) : (
        <>
          <label for={id} class="visually-hidden">
            {t('itemAnalysis.acceptAs', { text: row.value })}
          </label>
          <select id={id} name="credit" class="text">
            <option value="1">{t('itemAnalysis.full')}</option>
            <option value="0.5">{t('itemAnalysis.half')}</option>
          </select>
        </>
      )}
      <button type="submit" class="button" aria-label={`${t('itemAnalysis.accept')}: ${row.value}`}>
        {t('itemAnalysis.accept')}
      </button>
    </form>
  );
}

/** The responses to one question: per choice, or the distinct typed answers, with counts and scores. */
export function ItemResponses({
  questionId,
  rows,
  qlang,
  target,
}: {
  questionId: string;
  rows: ResponseRow[];
  qlang: string;
  target?: AcceptTarget | undefined;
}) {
  const { t, lang } = usePage();
  if (!rows.length) return <p class="empty">{t('itemAnalysis.noResponses')}</p>;
  const text = (r: ResponseRow) => ((r.text === 'true' || r.text === 'false') && !r.typed ? t(`itemAnalysis.${r.text}`) : r.text);
  return (
    <DataTable
      class="progress-table sets-table item-responses"
      focusable
      columns={[t('itemAnalysis.response'), t('itemAnalysis.count'), t('itemAnalysis.score'), target && t('instructor.actions')]}
    >
      {rows.map((r) => (
        <tr key={`${r.part ?? ''}-${r.lang ?? ''}-${r.value}`}>
          <th scope="row">
            {r.part && <span class="muted">{t('itemAnalysis.gap', { gap: r.part })}: </span>}
            <span lang={r.typed ? (r.lang ?? qlang) : r.text === 'true' || r.text === 'false' ? lang : qlang}>{text(r)}</span>
          </th>
          <td>{r.count}</td>
          <td>{percent(lang, r.score)}</td>
          {target && (
            <td>
              {r.typed && r.score !== null && r.score < 1 && <AcceptForm row={r} questionId={questionId} qlang={qlang} target={target} />}
            </td>
          )}
        </tr>
      ))}
    </DataTable>
  );
}
