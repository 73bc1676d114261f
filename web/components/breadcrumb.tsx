import { usePage } from '../page-context.ts';

export interface Crumb {
  label: string;
  /** Omitted for the current page. */
  href?: string | undefined;
  /** The label's language, when it is not the UI's (an instructor set's title). */
  lang?: string | undefined;
}

/** "Course › Lesson 2 › Practice quiz" on one line: long titles are cut with an ellipsis, never wrapped. */
export function Breadcrumb({ items }: { items: Crumb[] }) {
  const { t } = usePage();
  return (
    <nav class="breadcrumb" aria-label={t('nav.breadcrumb')}>
      <ol>
        {items.map((c, i) => (
          <li key={i}>
            {c.href ? (
              <a href={c.href} lang={c.lang}>
                {c.label}
              </a>
            ) : (
              <span aria-current="page" lang={c.lang}>
                {c.label}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
