import type { QuizProgress } from '../../core/progress/summary.ts';
import { formatPercent } from '../format.ts';
import { usePage } from '../page-context.ts';

/** "not started" / "completed, best 64 %" / "passed (80 % or more), best 92 %": one wording for course map and progress. */
export function progressText(t: ReturnType<typeof usePage>['t'], lang: string, q: QuizProgress | undefined): string {
  const state = t(`progress.states.${q?.state ?? 'not-started'}` as 'progress.states.done');
  return q?.best != null ? `${state}, ${t('progress.badge', { percent: formatPercent(lang, q.best) })}` : state;
}

/** The state of one lesson's quiz as a badge. */
export function ProgressBadge({ progress }: { progress: QuizProgress | undefined }) {
  const { t, lang } = usePage();
  return <p class={`badge state-${progress?.state ?? 'not-started'}`}>{progressText(t, lang, progress)}</p>;
}
