import { Island } from '../island.tsx';
import { PracticeQuestion, practiceData, type PracticeProps } from '../islands/practice-question.tsx';
import { href, usePage } from '../page-context.ts';
import { Breadcrumb } from '../components/breadcrumb.tsx';
import { ContentLanguageNav, type LanguageLink } from '../components/content-language-nav.tsx';
import { LearningNote } from '../components/learning-direction.tsx';
import { RichText } from '../quiz/rich-text.tsx';
import { withDictation } from '../quiz/dictation-labels.ts';

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
      <Island
        name="PracticeQuestion"
        component={PracticeQuestion}
        props={p.practice.question.type === 'dictation' ? { ...p.practice, labels: withDictation(p.practice.labels, t) } : p.practice}
        data={practiceData(p.practice)}
      />
      {/* Below the question, so that on a phone the question keeps the first screen. */}
      <LearningNote learning={p.learning} />
    </>
  );
}

export interface ReadingSetPageProps {
  title: string;
  /** The set's passages in the quiz language, in the author's order. */
  passages: string[];
  /** The quiz language, for the passages' `lang`. */
  lang: string;
  backHref: string;
  backLabel: string;
}

/**
 * A set of passages only (a GIFT file of descriptions): a text to read, with no questions and so no score,
 * no form and no island.
 */
export function ReadingSetPage(p: ReadingSetPageProps) {
  const { t, lang } = usePage();
  return (
    <>
      <Breadcrumb items={[{ label: t('nav.overview'), href: href(lang, '/') }, { label: p.title }]} />
      <h1 class="quiz-title">{p.title}</h1>
      {p.passages.map((text, i) => (
        <div key={i} class="passage" lang={p.lang}>
          <RichText text={text} />
        </div>
      ))}
      <p>
        <a href={p.backHref}>{p.backLabel}</a>
      </p>
    </>
  );
}
