// The instructor's side of a context gradebook: the link's results (names refreshed from NRPS), the rule for
// which attempt counts, a retry of failed scores, and the CSV. Only for the link of the instructor's launch.
import type { TFunction } from 'i18next';
import type { LinkResults } from '../../../web/pages/lti-results-types.ts';
import { csvCell } from '../results-csv.ts';
import { bookName, gradebookOf } from './gradebook-object.ts';
import type { AttemptPolicy, LtiLaunch } from './types.ts';

const bookOf = (env: Env, launch: LtiLaunch) => gradebookOf(env, bookName(launch.iss, launch.contextId));

/** The results of the launch's link in its own context (another context's names are in another object). */
export const resultsOf = (env: Env, launch: LtiLaunch): Promise<LinkResults | null> => bookOf(env, launch).results(launch.resourceLinkId);

/** Sets the link's rule; false when the link is not (any more) in the gradebook. */
export const setPolicyOf = (env: Env, launch: LtiLaunch, policy: AttemptPolicy): Promise<boolean> =>
  bookOf(env, launch).setPolicy(launch.resourceLinkId, policy);

/** Tries the link's failed scores again now; how many. */
export const retryFailedOf = (env: Env, launch: LtiLaunch): Promise<number> => bookOf(env, launch).retryFailed(launch.resourceLinkId);

/**
 * One row per attempt: learner, attempt number, time, points, maximum, whether it counts, passback state and
 * error, then one column per question (its score). Cells anyone wrote (names, errors) are neutralised as the
 * item analysis's CSV is (csvCell), so a name beginning with `=` is no formula.
 */
export function resultsCsv(r: LinkResults, t: TFunction): string {
  const questions = [...new Set(r.learners.flatMap((l) => l.attempts.flatMap((a) => a.answers.map((x) => x.question))))];
  const head = ['learner', 'attempt', 'submitted_at', 'points', 'max', 'counted', 'passback', 'passback_error', ...questions];
  const rows = r.learners.flatMap((l, i) =>
    l.attempts.map((a, n) => {
      const scores = new Map(a.answers.map((x) => [x.question, x.score]));
      return [
        l.name ?? t('ltiResults.unnamed', { n: i + 1 }),
        n + 1,
        a.submittedAt,
        a.points,
        a.max,
        a.attemptId === l.counted ? 'yes' : 'no',
        a.passback?.state ?? (r.passesBack ? 'not_counted' : 'off'),
        a.passback?.lastError ?? '',
        ...questions.map((q) => scores.get(q) ?? null),
      ];
    }),
  );
  return `\ufeff${[head, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
