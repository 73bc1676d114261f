import type { ComponentChildren } from 'preact';
import { href, usePage } from '../../page-context.ts';

/** The import formats, by the names instructors know them from Moodle. */
export const FORMAT_NAMES = {
  gift: 'GIFT (Moodle)',
  cloze: 'Cloze (Moodle, embedded answers)',
  json: 'JSON',
  moodlexml: 'Moodle XML',
} as const;

export interface SetRow {
  id: string;
  title: Record<string, string>;
  languages: string[];
  lesson?: string | undefined;
  latestVersion: number;
  publishedVersion: number | null;
  questionCount: number;
  attempts: number;
  updatedAt: string;
}

export interface ProblemRow {
  line?: number | undefined;
  column?: number | undefined;
  path?: string | undefined;
  message: string;
}

export const base = (lang: string) => href(lang, '/instructor');

/** Hidden CSRF field for every instructor form. */
export const Csrf = ({ token }: { token: string }) => <input type="hidden" name="csrf" value={token} />;

export function PostButton({ action, csrf, label, cls }: { action: string; csrf: string; label: string; cls?: string }) {
  return (
    <form method="post" action={action} class="inline-form">
      <Csrf token={csrf} />
      <button type="submit" class={cls ?? 'button'}>
        {label}
      </button>
    </form>
  );
}

export function Shell({ csrf, children }: { csrf: string; children: ComponentChildren }) {
  const { t, lang } = usePage();
  return (
    <>
      <div class="instructor-bar">
        <a href={base(lang)}>{t('instructor.title')}</a>
        <PostButton action={`${base(lang)}/sign-out`} csrf={csrf} label={t('instructor.signOut')} />
      </div>
      {children}
    </>
  );
}

/** A built-in quiz on the dashboard, linked to its item analysis. */
