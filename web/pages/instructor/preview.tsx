import type { LearnerQuestion } from '../../../core/quiz/learner.ts';
import { QuestionFields } from '../../quiz/question-fields.tsx';
import type { QuizLabels } from '../../quiz/types.ts';
import { usePage } from '../../page-context.ts';
import { ContentLanguageNav } from '../../components/content-language-nav.tsx';
import { RichText } from '../../quiz/rich-text.tsx';
import { Prompt } from '../../quiz/prompt.tsx';
import { base, Csrf, Shell } from './shared.tsx';

export function PreviewPage(p: {
  csrf: string;
  setId: string;
  title: string;
  version: number;
  /** How the set's typed answers are graded: the instructor sees it where the questions are. */
  grading: 'moodle' | 'german';
  ql: string;
  languages: Array<{ code: string; label: string }>;
  questions: LearnerQuestion[];
  passages: Array<{ before: string | null; text: string }>;
  labels: QuizLabels;
}) {
  const { t, lang } = usePage();
  const passageBefore = (id: string | null) => p.passages.filter((x) => x.before === id);
  return (
    <Shell csrf={p.csrf}>
      <h1>{t('instructor.preview', { title: p.title })}</h1>
      <p class="lead">{t('instructor.previewIntro', { version: p.version })}</p>
      <p id="set-grading">
        {t('instructor.grading')}: {t(p.grading === 'moodle' ? 'instructor.gradingMoodle' : 'instructor.gradingGerman')}
      </p>
      <ContentLanguageNav
        links={p.languages.map((l) => ({ ...l, href: `${base(lang)}/sets/${p.setId}/preview?ql=${l.code}`, current: l.code === p.ql }))}
      />
      <ol class="test-questions" lang={p.ql}>
        {p.questions.map((q) => (
          <li key={q.id} class="question-card">
            {passageBefore(q.id).map((x, i) => (
              <div key={i} class="passage">
                <RichText text={x.text} />
              </div>
            ))}
            <fieldset>
              <legend>
                <Prompt q={q} labels={p.labels} />
              </legend>
              <QuestionFields q={q} labels={p.labels} locked />
            </fieldset>
          </li>
        ))}
      </ol>
      {passageBefore(null).map((x, i) => (
        <div key={i} class="passage" lang={p.ql}>
          <RichText text={x.text} />
        </div>
      ))}
    </Shell>
  );
}

export function DeletePage({ csrf, setId, title }: { csrf: string; setId: string; title: string }) {
  const { t, lang } = usePage();
  return (
    <Shell csrf={csrf}>
      <h1>{t('instructor.deleteTitle', { title })}</h1>
      <p>{t('instructor.deleteText')}</p>
      <form method="post" action={`${base(lang)}/sets/${setId}/delete`} class="danger-zone">
        <Csrf token={csrf} />
        <button type="submit" class="danger">
          {t('instructor.deleteConfirm')}
        </button>{' '}
        <a href={base(lang)}>{t('instructor.cancel')}</a>
      </form>
    </Shell>
  );
}
