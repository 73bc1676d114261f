import { Hono, type Context } from 'hono';
import type { TFunction } from 'i18next';
import { getCookie } from 'hono/cookie';
import { rememberPreference } from '../../http/preference-cookie.ts';
import { pick } from '../../../core/content/localized.ts';
import { OverviewPage } from '../../../web/pages/overview.tsx';
import { LessonPage } from '../../../web/pages/lesson.tsx';
import type { ReaderProps } from '../../../web/islands/reader.tsx';
import {
  content,
  contentLanguages,
  correctionsOf,
  getLesson,
  glossaryOf,
  lessonIndex,
  sentencesOf,
  sourceLanguage,
  termSegments,
} from '../../services/content.ts';
import type { AppEnv } from '../../env.ts';
import type { Lesson } from '../../../core/content/schema.ts';
import { notFound } from '../../http/errors.ts';
import { renderPage } from '../../render/document.tsx';
import { lessonQuizIds } from '../../services/progress.ts';
import { courseProgress } from '../../../core/progress/summary.ts';
import { LEARNING_PARAM } from '../../../web/components/learning-direction.tsx';
import { chosenLearning, rememberLearning } from '../../render/learning-language.ts';
import { loadDeck } from '../../services/review.ts';
import { reviewDueOf } from '../../services/review-widgets.ts';
import { setStore } from '../../stores/index.ts';

/** The course's own pages: the overview and the lessons. */
export const coursePages = new Hono<AppEnv>();

coursePages.get('/:lang', (c) => c.redirect(`/${c.req.param('lang')}/`, 301));

coursePages.get('/:lang/', async (c) => {
  const lang = c.get('lang');
  // "I am learning German / English" is a plain link: remember the choice and show the overview again.
  const learningAsked = c.req.query(LEARNING_PARAM);
  if (learningAsked !== undefined) {
    if (contentLanguages.includes(learningAsked)) rememberLearning(c, learningAsked);
    return c.redirect(`/${lang}/#learning`, 303);
  }
  // One KV operation for the learner: the attempt summaries and the review log (none without a learner cookie).
  const [loaded, sets] = await Promise.all([loadDeck(c), publishedSets(c.env, lang)]);
  const { summaries } = loaded;
  const reviewDue = reviewDueOf(lang, loaded);
  c.header('Cache-Control', 'private, no-store');
  return renderPage(
    c,
    lang,
    <OverviewPage
      lessons={content.lessons}
      sourceLanguage={sourceLanguage}
      progress={courseProgress(summaries, lessonQuizIds())}
      sets={sets}
      learning={chosenLearning(c)}
      contentLanguages={contentLanguages}
      reviewDue={reviewDue}
    />,
    { title: c.get('t')('overview.title') },
  );
});

coursePages.get('/:lang/lessons/:lessonId', async (c) => {
  const lang = c.get('lang');
  const lesson = getLesson(c.req.param('lessonId'));
  if (!lesson) throw notFound('lesson', c.req.param('lessonId'));
  const i = lessonIndex(lesson.id);
  const view = readerView(c, [...contentLanguages, 'both']);
  const sets = (await publishedSets(c.env, lang)).filter((s) => s.lesson === lesson.id);
  const addedParam = c.req.query('added');
  const added = addedParam !== undefined && /^\d{1,4}$/.test(addedParam) ? Number(addedParam) : null;
  // Built only when the page is not in the cache: the props are the expensive part.
  const page = () => (
    <LessonPage
      lesson={lesson}
      number={i + 1}
      prev={content.lessons[i - 1]}
      next={content.lessons[i + 1]}
      reader={readerProps(lesson, view, lang, c.get('t'))}
      glossary={glossaryOf(lesson)}
      corrections={correctionsOf(lesson)}
      sourceLanguage={sourceLanguage}
      sets={sets}
      added={added}
    />
  );
  return renderPage(
    c,
    lang,
    page,
    // The same for every learner: cached per view and list of attached sets.
    {
      title: pick(lesson.title, lang),
      description: pick(lesson.summary, lang),
      cacheKey: `${view}|${sets.map((s) => `${s.id}:${s.title}`).join(',')}`,
    },
  );
});

/**
 * The reader's view (one language or `both`): asked in the query (and then remembered in a cookie), else the
 * remembered one, else both.
 */
function readerView(c: Context<AppEnv>, views: readonly string[]): string {
  const queryView = c.req.query('view');
  const cookieView = getCookie(c, 'view');
  if (queryView && views.includes(queryView)) {
    // The reader's enhancer switches the view in place by asking for this page: this cookie remembers it for
    // both ways, and no script writes it (HttpOnly).
    rememberPreference(c, 'view', queryView);
    return queryView;
  }
  if (cookieView && views.includes(cookieView)) return cookieView;
  return 'both';
}

/**
 * The reader's props: the lesson's sentences with their glossary terms, in the view asked for. The entries
 * of those terms are the glossary list's, which the page shows below the text (the dialog is made from it).
 */
function readerProps(lesson: Lesson, view: string, lang: string, t: TFunction): ReaderProps {
  return {
    languages: [sourceLanguage, ...contentLanguages.filter((l) => l !== sourceLanguage)].map((code) => ({
      code,
      label: t(`languages.${code}` as 'languages.de', { defaultValue: code }),
    })),
    view,
    // Paired with the UI language where it is a content language, else with the first other one.
    pairWith:
      lang !== sourceLanguage && contentLanguages.includes(lang)
        ? lang
        : (contentLanguages.find((l) => l !== sourceLanguage) ?? sourceLanguage),
    sentences: sentencesOf(lesson).map((s) => ({ id: s.id, segments: termSegments(s), text: s.text })),
    labels: {
      view: t('lesson.view'),
      both: t('lesson.both'),
      listen: t('review.listen'),
    },
    uiLang: lang,
  };
}

/** Published instructor sets as learners see them listed (index read, cached per isolate). */
async function publishedSets(env: Env, lang: string) {
  const rows = await setStore(env).listPublished();
  return rows
    .filter((s) => s.publishedVersion !== null)
    .map((s) => ({
      id: s.id,
      title: pick(s.title, lang),
      titleLang: s.title[lang] ? lang : s.languages[0]!,
      lesson: s.lesson,
      href: `/${lang}/sets/${s.id}`,
    }));
}
