import type { Lesson } from '../../core/content/schema.ts';
import { pick } from '../../core/content/localized.ts';
import { href, usePage } from '../page-context.ts';

export interface OverviewProps {
  lessons: Lesson[];
  sourceLanguage: string;
}

/** The course map: six lessons in order. */
export function OverviewPage({ lessons, sourceLanguage }: OverviewProps) {
  const { t, lang } = usePage();
  return (
    <>
      <h1>{t('overview.title')}</h1>
      <p class="lead">{t('overview.intro')}</p>
      <h2 id="lessons-h">{t('overview.lessons')}</h2>
      <ol class="lesson-list" aria-labelledby="lessons-h">
        {lessons.map((l, i) => (
          <li key={l.id} class="card">
            <p class="eyebrow">{t('overview.lessonNumber', { n: i + 1 })}</p>
            <h3>
              <a href={href(lang, `/lessons/${l.id}`)}>{pick(l.title, lang)}</a>
            </h3>
            {lang !== sourceLanguage && (
              <p class="subtitle" lang={sourceLanguage}>
                {pick(l.title, sourceLanguage)}
              </p>
            )}
            <p>{pick(l.summary, lang)}</p>
          </li>
        ))}
      </ol>
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
