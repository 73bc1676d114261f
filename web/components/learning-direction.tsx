import { href, usePage } from '../page-context.ts';

/** The query parameter of the overview's choice; the route keeps it in the cookie of the same name. */
export const LEARNING_PARAM = 'learning';

/**
 * "I am learning German / English": the explicit choice on the overview. Plain links (`/{lang}/?learning=de`),
 * so it works without JavaScript; the route remembers the choice and uses it as the default question language.
 */
export function LearningChoice({ learning, languages }: { learning: string; languages: readonly string[] }) {
  const { t, lang } = usePage();
  return (
    <section class="learning" id="learning" aria-labelledby="learning-h">
      <h2 id="learning-h">{t('overview.learningTitle')}</h2>
      <ul class="segmented">
        {languages.map((code) => (
          <li key={code}>
            <a href={href(lang, `/?${LEARNING_PARAM}=${code}`)} aria-current={code === learning ? 'true' : undefined}>
              {t('overview.iAmLearning', { language: t(`languages.${code}` as 'languages.de') })}
            </a>
          </li>
        ))}
      </ul>
      <p class="hint">{t('overview.learningHint')}</p>
    </section>
  );
}

/** "You are learning German · change", on each quiz: the choice made on the overview, and the way back to it. */
export function LearningNote({ learning }: { learning?: string | null | undefined }) {
  const { t, lang } = usePage();
  if (!learning) return null;
  return (
    <p class="learning-note">
      {t('quiz.learning', { language: t(`languages.${learning}` as 'languages.de') })} ·{' '}
      <a href={href(lang, '/#learning')}>{t('quiz.changeLearning')}</a>
    </p>
  );
}
