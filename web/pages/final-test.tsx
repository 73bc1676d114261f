import type { LearnerQuestion } from '../../core/quiz/learner.ts';
import { QuestionFields } from '../quiz/question-fields.tsx';
import type { QuizLabels } from '../quiz/types.ts';
import { href, usePage } from '../page-context.ts';
import { ContentLanguageNav, type LanguageLink } from '../components/content-language-nav.tsx';

export interface FinalTestProps {
  questions: LearnerQuestion[];
  lang: string;
  labels: QuizLabels;
  action: string;
  hidden: Record<string, string>;
  languageLinks: LanguageLink[];
}

/** The final test: all questions in one plain form; feedback only after submitting. */
export function FinalTestPage(p: FinalTestProps) {
  const { t, lang } = usePage();
  return (
    <>
      <nav class="breadcrumb" aria-label={t('nav.breadcrumb')}>
        <a href={href(lang, '/')}>{t('nav.overview')}</a> › {t('test.title')}
      </nav>
      <h1>{t('test.title')}</h1>
      <p class="lead">{t('test.intro', { count: p.questions.length })}</p>
      <ContentLanguageNav links={p.languageLinks} />
      <form method="post" action={p.action} class="final-form">
        {Object.entries(p.hidden).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <ol class="test-questions">
          {p.questions.map((q, i) => (
            <li key={q.id} class="question-card">
              <fieldset lang={p.lang}>
                <legend>
                  <span class="q-index" lang={lang}>
                    {t('quiz.questionOf', { n: i + 1, total: p.questions.length })}
                  </span>{' '}
                  {q.prompt}
                </legend>
                <QuestionFields q={q} labels={p.labels} />
              </fieldset>
            </li>
          ))}
        </ol>
        <button type="submit" class="primary">
          {t('test.submit')}
        </button>
      </form>
    </>
  );
}
