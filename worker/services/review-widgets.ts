// Data for the review parts of the overview and the progress page, from the deck those pages load with their
// attempt summaries (one KV `list()` for both, worker/services/review.ts).
import { queue } from '../../core/review/deck.ts';
import { dailyGoal, forecast, weeklyRight } from '../../core/review/stats.ts';
import { dueIn, type LoadedDeck } from './review.ts';

/**
 * "N cards due" (everything the review page would show now: due, new for today, and wrong ones back in minutes),
 * when the next one falls due if none is, today's reviews against the daily goal, and the streak
 * (web/components/review-due.tsx).
 */
export function reviewDueOf(lang: string, { deck, now, dayOf }: LoadedDeck) {
  const q = queue(deck, now, dayOf);
  // What todo(q) would list, counted without making the list.
  const due = q.due.length + q.fresh.length + q.ahead.length;
  const nextIn = due === 0 && q.next !== null ? dueIn(lang, q.next, now) : null;
  return { due, nextIn, inDeck: deck.cards.size, ...dailyGoal(deck, now, dayOf) };
}

/** The 14-day forecast, the share right per week and the settings (web/components/review-forecast.tsx, review-settings.tsx). */
export function reviewForecastOf({ deck, now, dayOf }: LoadedDeck) {
  return { days: forecast(deck, now, 14, dayOf), weeks: weeklyRight(deck, dayOf), settings: deck.settings };
}
