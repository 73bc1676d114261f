import type { Lesson } from '../../core/content/schema.ts';
import { pick } from '../../core/content/localized.ts';
import { href, usePage } from '../page-context.ts';
import { SetList, type SetLink } from '../components/set-list.tsx';
import type { CourseProgress } from '../../core/progress/summary.ts';
import { LearningChoice } from '../components/learning-direction.tsx';
import { ProgressBadge } from '../components/progress-badge.tsx';
import { ReviewDue, type ReviewDueProps } from '../components/review-due.tsx';
import { RenderedOnce } from '../components/rendered-once.tsx';

export interface OverviewProps {
  lessons: Lesson[];
  sourceLanguage: string;
  progress: CourseProgress;
  sets: SetLink[];
  /** The language the learner is learning: the remembered choice, else the default (the one the UI is not in). */
  learning?: string | null | undefined;
  /** The course's content languages, for the learning choice (default: the UI languages). */
  contentLanguages?: readonly string[] | undefined;
  /** Cards due, today's reviews against the goal, the streak. */
  reviewDue?: ReviewDueProps | undefined;
}

/** The course map: six lessons in order. */
export function OverviewPage({ lessons, sourceLanguage, progress, sets, learning, contentLanguages, reviewDue }: OverviewProps) {
  const { t, lang, languages } = usePage();
  const offered = contentLanguages ?? languages.map((l) => l.code);
  const learned = learning && offered.includes(learning) ? learning : (offered.find((l) => l !== lang) ?? offered[0]!);
  const state = new Map(progress.quizzes.map((q) => [q.quizId, q]));
  const next = progress.continueWith ? lessons.find((l) => l.id === progress.continueWith) : undefined;
  return (
    <>
      <h1>{t('overview.title')}</h1>
      <p class="lead">{t('overview.intro')}</p>
      {next && (
        <p class="continue">
          <a class="button primary" href={href(lang, `/lessons/${next.id}`)}>
            {t('progress.continue')}: {pick(next.title, lang)}
          </a>
        </p>
      )}
      {reviewDue && <ReviewDue {...reviewDue} />}
      <LearningChoice learning={learned} languages={offered} />
      <h2 id="lessons-h">{t('overview.lessons')}</h2>
      <ol class="lesson-list" aria-labelledby="lessons-h">
        {lessons.map((l, i) => (
          <li key={l.id} class="card">
            {/* All but the badge is the same for every learner: rendered once per language. */}
            <RenderedOnce
              id={`overview-lesson\u0000${l.id}\u0000${i}\u0000${sourceLanguage}`}
              render={() => <LessonHead lesson={l} n={i + 1} sourceLanguage={sourceLanguage} />}
            />
            <ProgressBadge progress={state.get(l.id)} />
          </li>
        ))}
      </ol>
      {sets.length > 0 && (
        <>
          <h2 id="sets-h">{t('instructor.fromInstructors')}</h2>
          <SetList sets={sets} labelledBy="sets-h" />
        </>
      )}
      <h2 id="test-h">{t('test.title')}</h2>
      <p>{t('test.intro', { count: 20 })}</p>
      <p>
        <a class="button primary" href={href(lang, '/test')}>
          {t('test.link')}
        </a>
      </p>
    </>
  );
}

/** A lesson's card above its progress badge: number, title (and the German one), summary. */
function LessonHead({ lesson: l, n, sourceLanguage }: { lesson: Lesson; n: number; sourceLanguage: string }) {
  const { t, lang } = usePage();
  return (
    <>
      <p class="eyebrow">{t('overview.lessonNumber', { n })}</p>
      <h3>
        <a href={href(lang, `/lessons/${l.id}`)}>{pick(l.title, lang)}</a>
      </h3>
      {lang !== sourceLanguage && (
        <p class="subtitle" lang={sourceLanguage}>
          {pick(l.title, sourceLanguage)}
        </p>
      )}
      <p>{pick(l.summary, lang)}</p>
    </>
  );
}
