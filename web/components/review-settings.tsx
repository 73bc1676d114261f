import type { ReviewSettings } from '../../core/review/deck.ts';
import { SETTING_LIMITS } from '../../core/review/deck.ts';
import { href, usePage } from '../page-context.ts';

/** For the progress page: new cards per day, missed questions on or off, and the daily goal, as a plain form. */
export function ReviewSettingsForm({ settings }: { settings: ReviewSettings }) {
  const { t, lang } = usePage();
  return (
    <section id="review-settings" aria-labelledby="review-settings-title">
      <h2 id="review-settings-title">{t('review.settings')}</h2>
      <form method="post" action={href(lang, '/review/settings')}>
        <input type="hidden" name="back" value={href(lang, '/progress')} />
        <p>
          <label for="rs-new">{t('review.newPerDay')}</label>{' '}
          <input
            class="number"
            id="rs-new"
            name="newPerDay"
            type="number"
            inputMode="numeric"
            min={SETTING_LIMITS.newPerDay.min}
            max={SETTING_LIMITS.newPerDay.max}
            value={settings.newPerDay}
          />
        </p>
        <p>
          <label for="rs-goal">{t('review.dailyGoal')}</label>{' '}
          <input
            class="number"
            id="rs-goal"
            name="dailyGoal"
            type="number"
            inputMode="numeric"
            min={SETTING_LIMITS.dailyGoal.min}
            max={SETTING_LIMITS.dailyGoal.max}
            value={settings.dailyGoal}
          />
        </p>
        <p>
          <label class="choice" for="rs-auto">
            <input id="rs-auto" name="autoAddMissed" type="checkbox" checked={settings.autoAddMissed} /> {t('review.autoAdd')}
          </label>
        </p>
        <p>
          <button type="submit" class="button">
            {t('review.save')}
          </button>
        </p>
      </form>
    </section>
  );
}
