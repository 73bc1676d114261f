import { Island } from '../island.tsx';
import { PracticeQuestion, type PracticeProps } from '../islands/practice-question.tsx';
import { href, usePage } from '../page-context.ts';
import { ContentLanguageNav, type LanguageLink } from '../components/content-language-nav.tsx';

export interface QuizPageProps {
  title: string;
  lessonId?: string | undefined;
  practice: PracticeProps;
  /** Links to the same question in each content language. */
  languageLinks: LanguageLink[];
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
      <ContentLanguageNav links={p.languageLinks} />
      <Island name="PracticeQuestion" component={PracticeQuestion} props={p.practice} />
    </>
  );
}
