import { utcDay, type DayOf, type Deck, type ReviewRecord } from './deck.ts';

const DAY_MS = 86_400_000;

/** "YYYY-MM-DD" moved by `n` calendar days. */
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T12:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/**
 * Cards falling due on each of the next `days` days, today including everything overdue; empty when no card is
 * scheduled in them (nothing reviewed yet, or everything due later). The days are calendar days from the
 * learner's today, so a day lost or doubled by a clock change is never skipped or shown twice.
 */
export function forecast(deck: Deck, now: number, days = 14, dayOf: DayOf = utcDay): Array<{ day: string; count: number }> {
  const scheduled: number[] = [];
  for (const c of deck.cards.values()) if (c.state) scheduled.push(c.state.due);
  // Nothing reviewed: nothing to count, and the learner's day (their time zone) is not even needed.
  if (!scheduled.length) return [];
  const today = dayOf(now);
  const out = Array.from({ length: days }, (_, i) => ({ day: i === 0 ? today : addDays(today, i), count: 0 }));
  const index = new Map(out.map((d, i) => [d.day, i]));
  let any = false;
  for (const due of scheduled) {
    const i = due <= now ? 0 : index.get(dayOf(due));
    if (i === undefined) continue;
    out[i]!.count++;
    any = true;
  }
  return any ? out : [];
}

const perDay = (reviews: readonly ReviewRecord[], dayOf: DayOf) => {
  const counts = new Map<string, number>();
  for (const r of reviews) {
    const day = dayOf(r.at);
    counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  return counts;
};

/** The previous calendar day of "YYYY-MM-DD". */
const dayBefore = (day: string) => addDays(day, -1);

export interface DailyGoal {
  goal: number;
  today: number;
  /** Days in a row on which the goal was met, up to today (today counts once met; until then, up to yesterday). */
  streak: number;
}

/** Today's reviews against the daily goal, and the streak of days on which it was met. */
export function dailyGoal(deck: Deck, now: number, dayOf: DayOf = utcDay): DailyGoal {
  const goal = deck.settings.dailyGoal;
  // No reviews: nothing today and no streak, whatever the day (which can cost more than the rest to find).
  if (!deck.reviews.length) return { goal, today: 0, streak: 0 };
  const counts = perDay(deck.reviews, dayOf);
  let day = dayOf(now);
  const today = counts.get(day) ?? 0;
  if (today < goal) day = dayBefore(day);
  let streak = 0;
  while ((counts.get(day) ?? 0) >= goal) {
    streak++;
    day = dayBefore(day);
  }
  return { goal, today, streak };
}

/** Share of reviews answered right per week (weeks start on Monday), the latest `weeks` weeks that have reviews. */
export function weeklyRight(deck: Deck, dayOf: DayOf = utcDay, weeks = 8): Array<{ week: string; total: number; right: number }> {
  const byWeek = new Map<string, { week: string; total: number; right: number }>();
  for (const r of deck.reviews) {
    const day = new Date(`${dayOf(r.at)}T12:00:00Z`);
    const monday = new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY_MS).toISOString().slice(0, 10);
    const w = byWeek.get(monday) ?? { week: monday, total: 0, right: 0 };
    w.total++;
    if (r.correct) w.right++;
    byWeek.set(monday, w);
  }
  return [...byWeek.values()].sort((a, b) => (a.week < b.week ? -1 : 1)).slice(-weeks);
}
