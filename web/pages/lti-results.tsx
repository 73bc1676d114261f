import type { LinkResults } from './lti-results-types.ts';
import { DataTable } from '../components/data-table.tsx';
import { usePage } from '../page-context.ts';
import { LearnerRow } from './lti-results-rows.tsx';

export interface LtiResultsProps {
  results: LinkResults;
  quizTitle: string;
  /** Form actions and links, each carrying the session where the browser refused its cookie. */
  policyAction: string;
  retryAction: string;
  csvHref: string;
  itemAnalysisHref: string;
  notice?: string | undefined;
}

/** The rule for which attempt counts, as a labelled select with its explanation. */
function PolicyForm({ action, policy }: { action: string; policy: LinkResults['policy'] }) {
  const { t } = usePage();
  return (
    <form method="post" action={action}>
      <p>
        <label for="lti-policy">{t('ltiResults.policy')}</label>
        <br />
        <select id="lti-policy" name="policy" aria-describedby="lti-policy-help">
          {(['best', 'last', 'first'] as const).map((p) => (
            <option key={p} value={p} selected={p === policy}>
              {t(`ltiResults.policies.${p}`)}
            </option>
          ))}
        </select>{' '}
        <button type="submit" class="button">
          {t('ltiResults.savePolicy')}
        </button>
        <br />
        <span id="lti-policy-help" class="muted">
          {t('ltiResults.policyHelp')}
        </span>
      </p>
    </form>
  );
}

/**
 * The class results of one LTI link for its instructor (issue 19, item 5): learners × attempts with the
 * counted score, the grade passback of each, and every answer; the rule for which attempt counts; CSV.
 */
export function LtiResultsPage(p: LtiResultsProps) {
  const { t } = usePage();
  const r = p.results;
  const states = new Set(r.learners.flatMap((l) => l.attempts.map((a) => a.passback?.state)));
  return (
    <>
      <h1>{t('ltiResults.title', { quiz: p.quizTitle })}</h1>
      {r.contextTitle ? <p class="muted">{t('ltiResults.course', { course: r.contextTitle })}</p> : null}
      {p.notice ? (
        <p class="notice" role="status">
          {p.notice}
        </p>
      ) : null}
      {r.passesBack ? null : <p>{t('ltiResults.noPassback')}</p>}
      <PolicyForm action={p.policyAction} policy={r.policy} />
      <p class="actions">
        <a class="button" href={p.csvHref} download>
          {t('ltiResults.csv')}
        </a>{' '}
        <a href={p.itemAnalysisHref}>{t('ltiResults.itemAnalysis')}</a>
      </p>
      {states.has('failed') || states.has('refused') ? (
        <form method="post" action={p.retryAction}>
          <p>
            {states.has('failed') ? t('ltiResults.failedIntro') : null} {states.has('refused') ? t('ltiResults.refusedIntro') : null}{' '}
            <button type="submit" class="button">
              {t('ltiResults.retry')}
            </button>
          </p>
        </form>
      ) : null}
      <h2>{t('ltiResults.learners')}</h2>
      {r.learners.length ? (
        <DataTable
          class="lti-results-table"
          columns={[
            t('ltiResults.col.learner'),
            t('ltiResults.col.attempts'),
            t('ltiResults.col.counted'),
            t('ltiResults.col.time'),
            t('ltiResults.col.passback'),
            t('ltiResults.col.answers'),
          ]}
        >
          {r.learners.map((l, i) => (
            <LearnerRow key={i} l={l} index={i} enabled={r.passesBack} />
          ))}
        </DataTable>
      ) : (
        <p>{t('ltiResults.empty')}</p>
      )}
    </>
  );
}

/** What a learner's LTI session meets at the class results: a 403 in words, and the way back to the course. */
export function InstructorsOnlyPage() {
  const { t } = usePage();
  return (
    <>
      <h1>{t('ltiResults.instructorsOnly')}</h1>
      <p>{t('ltiResults.instructorsOnlyText')}</p>
    </>
  );
}
