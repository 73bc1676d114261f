import { Island } from '../island.tsx';
import { PracticeQuestion, type PracticeProps } from '../islands/practice-question.tsx';
import { href, usePage } from '../page-context.ts';
import { Breadcrumb } from '../components/breadcrumb.tsx';
import { ContentLanguageNav, type LanguageLink } from '../components/content-language-nav.tsx';
import { LearningNote } from '../components/learning-direction.tsx';

export interface QuizPageProps {
  title: string;
  lessonId?: string | undefined;
  practice: PracticeProps;
  /** Links to the same question in each content language (none for a quiz in one language). */
  languageLinks: LanguageLink[];
  /** The language the learner chose to learn on the overview (cookie `learning`), if any. */
  learning?: string | null | undefined;
}

/** A lesson's practice quiz: one question at a time, a progress bar, feedback after each check. */
export function QuizPage(p: QuizPageProps) {
  const { t, lang } = usePage();
  return (
    <>
      <Breadcrumb
        items={[
          { label: t('nav.overview'), href: href(lang, '/') },
          ...(p.lessonId ? [{ label: p.title, href: href(lang, `/lessons/${p.lessonId}`) }] : []),
          { label: t('quiz.practice') },
        ]}
      />
      <h1 class="quiz-title">
        {t('quiz.practice')}: {p.title}
      </h1>
      <ContentLanguageNav links={p.languageLinks} />
      <Island name="PracticeQuestion" component={PracticeQuestion} props={p.practice} />
      {/* Below the question, so that on a phone the question keeps the first screen. */}
      <LearningNote learning={p.learning} />
    </>
  );
}
