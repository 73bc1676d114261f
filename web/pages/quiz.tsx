import { Island } from '../island.tsx';
import { PracticeQuestion, type PracticeProps } from '../islands/practice-question.tsx';
import { href, usePage } from '../page-context.ts';

export interface QuizPageProps {
  title: string;
  lessonId?: string | undefined;
  practice: PracticeProps;
  /** Links to the same question in each content language. */
  languageLinks: Array<{ code: string; label: string; href: string; current: boolean }>;
}

/** A lesson's practice quiz: one question at a time, a progress bar, feedback after each check. */
export function QuizPage(p: QuizPageProps) {
  const { t, lang } = usePage();
  return (
    <>
      <nav class="breadcrumb" aria-label={t('nav.breadcrumb')}>
        <a href={href(lang, '/')}>{t('nav.overview')}</a> ›{' '}
        {p.lessonId ? <a href={href(lang, `/lessons/${p.lessonId}`)}>{p.title}</a> : p.title} › {t('quiz.practice')}
      </nav>
      <h1>
        {t('quiz.practice')}: {p.title}
      </h1>
      <nav class="view-switch" aria-label={t('quiz.contentLanguage')}>
        <ul>
          {p.languageLinks.map((l) => (
            <li key={l.code}>
              <a href={l.href} aria-current={l.current ? 'true' : undefined}>
                {l.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <Island name="PracticeQuestion" component={PracticeQuestion} props={p.practice} />
    </>
  );
}
