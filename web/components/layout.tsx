import type { ComponentChildren } from 'preact';
import { href, usePage } from '../page-context.ts';

/** Header with navigation and language switch, main landmark, footer: the frame of every page. */
export function Layout({ children }: { children: ComponentChildren }) {
  const { t, lang } = usePage();
  return (
    <>
      <a class="skip" href="#main">
        {t('site.skip')}
      </a>
      <header class="site-header">
        <a class="brand" href={href(lang, '/')}>
          {t('site.short')}
        </a>
        <nav aria-label={t('nav.label')}>
          <ul>
            <li>
              <a href={href(lang, '/')}>{t('nav.overview')}</a>
            </li>
            <li>
              <a href={href(lang, '/test')}>{t('nav.test')}</a>
            </li>
            <li>
              <a href={href(lang, '/progress')}>{t('nav.progress')}</a>
            </li>
          </ul>
        </nav>
        <LanguageSwitch />
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer class="site-footer">
        <p>{t('site.footer')}</p>
        <p>
          <a href={href(lang, '/instructor')}>{t('nav.instructor')}</a>
        </p>
      </footer>
    </>
  );
}

/** Links to the same page in every other UI language, each named in its own language. */
export function LanguageSwitch() {
  const { t, lang, languages, path } = usePage();
  return (
    <nav class="lang-switch" aria-label={t('nav.language')}>
      <ul>
        {languages.map((l) => (
          <li key={l.code}>
            {l.code === lang ? (
              <span aria-current="true" lang={l.code}>
                {l.name}
              </span>
            ) : (
              <a href={href(l.code, path)} hreflang={l.code} lang={l.code}>
                {l.name}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
