import type { ComponentChildren } from 'preact';
import { href, usePage } from '../page-context.ts';

/** Header with navigation and language switch, main landmark, footer: the frame of every page. */
export function Layout({ children }: { children: ComponentChildren }) {
  const { t, lang } = usePage();
  const links = [
    { path: '/', label: t('nav.overview') },
    { path: '/test', label: t('nav.test') },
    { path: '/progress', label: t('nav.progress') },
  ];
  const list = (
    <ul>
      {links.map((l) => (
        <li key={l.path}>
          <a href={href(lang, l.path)}>{l.label}</a>
        </li>
      ))}
    </ul>
  );
  return (
    <>
      <a class="skip" href="#main">
        {t('site.skip')}
      </a>
      <header class="site-header">
        <a class="brand" href={href(lang, '/')}>
          {t('site.name')}
        </a>
        {/* One row on a phone: the links fold into a menu that opens without JavaScript (<details>). */}
        <nav class="site-nav" aria-label={t('nav.label')}>
          <div class="nav-wide">{list}</div>
          <details class="nav-menu">
            <summary>{t('nav.menu')}</summary>
            {list}
          </details>
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
          <li key={l.code} class={l.code === lang ? 'current' : undefined}>
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
