import type { AttemptView, LearnerView, PassbackView } from './lti-results-types.ts';
import { formatDateTime, formatNumber, formatPercent } from '../format.ts';
import { usePage } from '../page-context.ts';

/** "7 of 10 (70%)" in the UI language. */
function Score({ a }: { a: Pick<AttemptView, 'points' | 'max'> }) {
  const { t, lang } = usePage();
  return (
    <>
      {t('ltiResults.score', {
        points: formatNumber(lang, a.points),
        max: formatNumber(lang, a.max),
        percent: formatPercent(lang, a.max ? a.points / a.max : 0),
      })}
    </>
  );
}

/**
 * Where a score stands with the platform: sent, waiting, failed (retried later) or refused (not retried), each
 * with the platform's answer, or not to be sent.
 */
export function PassbackStatus({ p, enabled }: { p: PassbackView | null; enabled: boolean }) {
  const { t, lang } = usePage();
  if (!enabled) return <span class="muted">{t('ltiResults.status.off')}</span>;
  if (!p) return <span class="muted">{t('ltiResults.status.notCounted')}</span>;
  if (p.state === 'sent') return <span class="ok">{t('ltiResults.status.sent')}</span>;
  if (p.state === 'pending') return <span>{t('ltiResults.status.pending')}</span>;
  return (
    <span class="bad">
      {p.state === 'refused' ? t('ltiResults.status.refused') : t('ltiResults.status.failed', { count: p.tries })}{' '}
      {p.nextTry && p.state === 'failed' ? t('ltiResults.status.nextTry', { at: formatDateTime(lang, p.nextTry) }) : null}
      {p.lastError ? (
        <>
          <br />
          <span class="muted">
            {t('ltiResults.status.error')} <code>{p.lastError}</code>
          </span>
        </>
      ) : null}
    </span>
  );
}

/** One attempt inside the learner's disclosure: time, score, passback, and each answer with its score. */
function AttemptDetails({ a, counted, enabled }: { a: AttemptView; counted: boolean; enabled: boolean }) {
  const { t, lang } = usePage();
  return (
    <li>
      <p>
        <strong>{formatDateTime(lang, new Date(a.submittedAt))}</strong> — <Score a={a} />
        {counted ? ` (${t('ltiResults.counted')})` : ''} — <PassbackStatus p={a.passback} enabled={enabled} />
      </p>
      <ul>
        {a.answers.map((x) => (
          <li key={x.question}>
            {x.prompt ? <span lang={a.lang ?? undefined}>{x.prompt}</span> : <code>{x.question}</code>}:{' '}
            {x.response ? <q lang={a.lang ?? undefined}>{x.response}</q> : <em>{t('ltiResults.noAnswer')}</em>} (
            {formatPercent(lang, x.score)})
          </li>
        ))}
      </ul>
    </li>
  );
}

/** The score that speaks for the learner on the platform: the last one queued (sent, waiting or failed). */
const latestPassback = (l: LearnerView) => [...l.attempts].reverse().find((a) => a.passback)?.passback ?? null;

/** One learner's row: name, attempts, counted score and time, passback, and a disclosure with every answer. */
export function LearnerRow({ l, index, enabled }: { l: LearnerView; index: number; enabled: boolean }) {
  const { t, lang } = usePage();
  const counted = l.attempts.find((a) => a.attemptId === l.counted);
  return (
    <tr>
      <th scope="row">{l.name ?? t('ltiResults.unnamed', { n: index + 1 })}</th>
      <td>{formatNumber(lang, l.attempts.length)}</td>
      <td>{counted ? <Score a={counted} /> : t('ltiResults.none')}</td>
      <td>{counted ? formatDateTime(lang, new Date(counted.submittedAt)) : t('ltiResults.none')}</td>
      <td>
        <PassbackStatus p={latestPassback(l)} enabled={enabled && l.attempts.length > 0} />
      </td>
      <td>
        {l.attempts.length ? (
          <details>
            <summary>{t('ltiResults.showAnswers', { count: l.attempts.length })}</summary>
            <ol>
              {l.attempts.map((a) => (
                <AttemptDetails key={a.attemptId} a={a} counted={a.attemptId === l.counted} enabled={enabled} />
              ))}
            </ol>
          </details>
        ) : (
          t('ltiResults.none')
        )}
      </td>
    </tr>
  );
}
