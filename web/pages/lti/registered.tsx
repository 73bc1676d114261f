import { usePage } from '../../page-context.ts';

/** Dynamic registration done: what was registered; the platform's window closes itself (lti-close.js). */
export function RegisteredPage({ issuer, name }: { issuer: string; name: string }) {
  const { t } = usePage();
  return (
    <>
      <h1>{t('lti.registered.title')}</h1>
      <p>{t('lti.registered.text', { platform: name || issuer })}</p>
      <p>{t('lti.registered.close')}</p>
    </>
  );
}
