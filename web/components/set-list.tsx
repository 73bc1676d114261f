export interface SetLink {
  id: string;
  title: string;
  /** The language the title is in (a set may not have the UI language). */
  titleLang: string;
  href: string;
  lesson?: string | undefined;
}

/** Links to published instructor sets. */
export function SetList({ sets, label, labelledBy }: { sets: SetLink[]; label?: string; labelledBy?: string }) {
  return (
    <ul class="set-list" aria-label={label} aria-labelledby={labelledBy}>
      {sets.map((s) => (
        <li key={s.id}>
          <a href={s.href} lang={s.titleLang}>
            {s.title}
          </a>
        </li>
      ))}
    </ul>
  );
}
