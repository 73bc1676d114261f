import type { LearnerQuestion } from '../../core/quiz/learner.ts';
import type { AnyResponse } from '../../core/quiz/response.ts';
import { QuestionFields } from '../quiz/question-fields.tsx';
import { sentField } from '../quiz/form.ts';
import type { QuizLabels } from '../quiz/types.ts';
import { href, usePage } from '../page-context.ts';
import { Breadcrumb } from '../components/breadcrumb.tsx';
import { ContentLanguageNav, type LanguageLink } from '../components/content-language-nav.tsx';
import { LearningNote } from '../components/learning-direction.tsx';
import { Ui } from '../components/ui-text.tsx';
import { Prompt } from '../quiz/prompt.tsx';
import { RichText } from '../quiz/rich-text.tsx';
import { withDictation } from '../quiz/dictation-labels.ts';

/** An instructor's passage (a reading text) before the questions that ask about it. */
const Passage = (p: { text: string; lang: string }) => (
  <div class="passage" lang={p.lang}>
    <RichText text={p.text} />
  </div>
);

export interface FinalTestProps {
  /** The final test's, or a set's (a set its instructor marked as a test). */
  title: string;
  /** What the test is and that feedback comes after handing in. */
  intro: string;
  questions: LearnerQuestion[];
  /** Instructor passages in the quiz language, by the id of the question they stand before ('' : after the last). */
  passages?: Record<string, string> | undefined;
  lang: string;
  labels: QuizLabels;
  action: string;
  hidden: Record<string, string>;
  languageLinks: LanguageLink[];
  /** After a submit with open questions: the answers given so far, shown again. */
  given?: Record<string, AnyResponse> | undefined;
  /** How many questions were left open; the page asks to submit again to hand in anyway. */
  open?: number | undefined;
  /** The language the learner chose to learn, shown as on each quiz. */
  learning?: string | null | undefined;
}

/**
 * "Question 3 of 20" from the label's template, as the practice page fills it: asking `t` with the numbers
 * looked the words up again for every question of the page.
 */
const questionOf = (labels: QuizLabels, n: number, total: number) =>
  labels.questionOf.replace('{{n}}', String(n)).replace('{{total}}', String(total));

/** A test (the final test, or a set marked as one): all questions in one plain form; feedback only after handing in. */
export function FinalTestPage(p: FinalTestProps) {
  const { t, lang } = usePage();
  const asking = !!p.open && p.open > 0;
  const labels = p.questions.some((q) => q.type === 'dictation') ? withDictation(p.labels, t) : p.labels;
  return (
    <>
      <Breadcrumb items={[{ label: t('nav.overview'), href: href(lang, '/') }, { label: p.title }]} />
      <h1>{p.title}</h1>
      <p class="lead">{p.intro}</p>
      <div class="quiz-meta">
        <ContentLanguageNav links={p.languageLinks} />
        <LearningNote learning={p.learning} />
      </div>
      {asking && (
        <p class="open-notice" role="alert" id="open-notice">
          {t('test.open', { count: p.open })}
        </p>
      )}
      <form method="post" action={p.action} class="final-form">
        {Object.entries(p.hidden).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <ol class="test-questions">
          {p.questions.map((q, i) => {
            const open = asking && !p.given?.[q.id];
            return (
              <li key={q.id} class={open ? 'question-card open' : 'question-card'}>
                {p.passages?.[q.id] && <Passage text={p.passages[q.id]!} lang={p.lang} />}
                <input type="hidden" name={sentField(q.id)} value="1" />
                <fieldset lang={p.lang}>
                  <legend>
                    <Ui lang={lang} class="q-index">
                      {questionOf(p.labels, i + 1, p.questions.length)}
                      {open && <span class="open-tag"> · {p.labels.open}</span>}
                    </Ui>{' '}
                    <Prompt q={q} labels={labels} />
                  </legend>
                  <QuestionFields q={q} labels={labels} given={p.given?.[q.id]} />
                </fieldset>
              </li>
            );
          })}
        </ol>
        {p.passages?.[''] && <Passage text={p.passages['']} lang={p.lang} />}
        <button type="submit" class="primary" aria-describedby={asking ? 'open-notice' : undefined}>
          {asking ? t('test.submitAnyway') : t('test.submit')}
        </button>
      </form>
    </>
  );
}
