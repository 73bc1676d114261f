import { usePage } from '../page-context.ts';

export interface LanguageLink {
  code: string;
  label: string;
  href: string;
  current: boolean;
}

/** "Questions in: German | English": the quiz content language, independent of the UI language. */
export function ContentLanguageNav({ links }: { links: LanguageLink[] }) {
  const { t } = usePage();
  return (
    <nav class="view-switch" aria-label={t('quiz.contentLanguage')}>
      <ul>
        {links.map((l) => (
          <li key={l.code}>
            <a href={l.href} aria-current={l.current ? 'true' : undefined}>
              {l.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
