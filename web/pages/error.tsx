import { href, usePage } from '../page-context.ts';

export interface ErrorPageProps {
  status: 400 | 404 | 413 | 422 | 429 | 500;
  /** Where the learner came from, when it is a page of this site: offered as "go back". */
  backHref?: string | undefined;
}

/** An error as a page in the UI language, with a way back; it never shows internals. */
export function ErrorPage({ status, backHref }: ErrorPageProps) {
  const { t, lang } = usePage();
  const key = `errors.s${status}` as 'errors.s400';
  return (
    <>
      <h1>{t(`${key}.title`)}</h1>
      <p>{t(`${key}.text`)}</p>
      <ul class="error-ways">
        {backHref ? (
          <li>
            <a href={backHref}>{t('errors.back')}</a>
          </li>
        ) : null}
        <li>
          <a href={href(lang, '/')}>{t('errors.home')}</a>
        </li>
      </ul>
    </>
  );
}
