// Data for the review parts of the overview and the progress page: one `list()` of the review log on top of
// the attempt summaries those pages list already (two KV operations in all).
import type { Context } from 'hono';
import type { AttemptMeta } from '../../core/progress/attempt-record.ts';
import { queue } from '../../core/review/deck.ts';
import { dailyGoal, forecast, weeklyRight } from '../../core/review/stats.ts';
import type { AppEnv } from '../env.ts';
import { loadDeck } from './review.ts';

/** "N cards due", today's reviews against the daily goal, and the streak (web/components/review-due.tsx). */
export async function loadReviewDue(c: Context<AppEnv>, metas: readonly AttemptMeta[]) {
  const { deck, now, dayOf } = await loadDeck(c, metas);
  const q = queue(deck, now, dayOf);
  return { due: q.due.length + q.fresh.length, inDeck: deck.cards.size, ...dailyGoal(deck, now, dayOf) };
}

/** The 14-day forecast, the share right per week and the settings (web/components/review-forecast.tsx, review-settings.tsx). */
export async function loadReviewForecast(c: Context<AppEnv>, metas: readonly AttemptMeta[]) {
  const { deck, now, dayOf } = await loadDeck(c, metas);
  return { days: forecast(deck, now, 14, dayOf), weeks: weeklyRight(deck, dayOf), settings: deck.settings };
}
