import { href, usePage } from '../../page-context.ts';

/** Why an LTI login, launch or registration was refused (the `reason` of the server's LtiError). */
export interface LtiErrorPageProps {
  reason: string;
}

/**
 * A refused LTI request as a page in the UI language, inside the LMS's frame: what happened, in words, and
 * what to do (start the activity again from the course). It never shows the token or internals.
 */
export function LtiErrorPage({ reason }: LtiErrorPageProps) {
  const { t, lang } = usePage();
  const key = `lti.errors.${reason}` as 'lti.errors.bad_request';
  return (
    <>
      <h1>{t('lti.errorTitle')}</h1>
      <p>{t(key)}</p>
      <p>{t('lti.errorAgain')}</p>
      <ul class="error-ways">
        <li>
          <a href={href(lang, '/')} target="_blank" rel="noopener">
            {t('errors.home')}
          </a>
        </li>
      </ul>
    </>
  );
}
