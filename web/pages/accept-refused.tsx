import { usePage } from '../page-context.ts';
import { Shell } from './instructor/index.ts';

export type AcceptRefusal = { reason: 'conflict'; expected: number; latest: number } | { reason: 'empty' };

/**
 * Why an accepted answer was not stored (the set changed since the instructor looked at it, or there was
 * nothing to accept), with the way back to the results, where the current version is shown.
 */
export function AcceptRefusedPage({ refusal, csrf, backHref }: { refusal: AcceptRefusal; csrf: string; backHref: string }) {
  const { t } = usePage();
  return (
    <Shell csrf={csrf}>
      {refusal.reason === 'conflict' ? (
        <>
          <h1>{t('setRegistry.conflictTitle')}</h1>
          <p>{t('setRegistry.conflictText', { expected: refusal.expected, latest: refusal.latest })}</p>
        </>
      ) : (
        <>
          <h1>{t('setRegistry.emptyTitle')}</h1>
          <p>{t('setRegistry.emptyText')}</p>
        </>
      )}
      <p>
        <a class="button primary" href={backHref}>
          {t('setRegistry.backToResults')}
        </a>
      </p>
    </Shell>
  );
}
