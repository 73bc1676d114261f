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
        <NumberSetting id="rs-new" name="newPerDay" label={t('review.newPerDay')} value={settings.newPerDay} />
        <NumberSetting id="rs-goal" name="dailyGoal" label={t('review.dailyGoal')} value={settings.dailyGoal} />
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

/** One whole-number setting with its label and the limits the server enforces too. */
function NumberSetting({ id, name, label, value }: { id: string; name: keyof typeof SETTING_LIMITS; label: string; value: number }) {
  return (
    <p>
      <label for={id}>{label}</label>{' '}
      <input
        class="number"
        id={id}
        name={name}
        type="number"
        inputMode="numeric"
        min={SETTING_LIMITS[name].min}
        max={SETTING_LIMITS[name].max}
        value={value}
      />
    </p>
  );
}
