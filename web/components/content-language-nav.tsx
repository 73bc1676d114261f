import { usePage } from '../page-context.ts';

export interface LanguageLink {
  code: string;
  label: string;
  href: string;
  current: boolean;
}

/**
 * "Questions in: German | English": the quiz content language, independent of the UI language, with a
 * visible caption. A quiz in one language has nothing to switch, so it shows nothing.
 */
export function ContentLanguageNav({ links }: { links: LanguageLink[] }) {
  const { t } = usePage();
  if (links.length < 2) return null;
  return (
    <nav class="ql-switch" aria-labelledby="ql-caption">
      <span id="ql-caption" class="ql-caption">
        {t('quiz.contentLanguage')}:
      </span>
      <ul>
        {links.map((l) => (
          <li key={l.code}>
            <a href={l.href} aria-current={l.current ? 'true' : undefined} hreflang={l.code}>
              {l.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
