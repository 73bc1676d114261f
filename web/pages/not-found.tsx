import { href, usePage } from '../page-context.ts';

/** A friendly 404 in the UI language. */
export function NotFoundPage() {
  const { t, lang } = usePage();
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <p class="way-back">
        <a href={href(lang, '/')}>{t('notFound.back')}</a>
      </p>
    </>
  );
}
