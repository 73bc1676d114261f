// Times as the learner reads them: "in 3 days" in the UI language, and the calendar day in the learner's time zone.
import type { Context } from 'hono';
import { utcDay, type DayOf } from '../../core/review/deck.ts';
import type { AppEnv } from '../env.ts';

// Intl formatters are costly to make (a time zone's formatter was the overview's largest CPU cost, 0.37 ms a
// request) and cheap to reuse: one per language and per time zone an isolate has met, a bounded number of each.
const MAX_FORMATTERS = 64;
const relative = new Map<string, Intl.RelativeTimeFormat>();
const days = new Map<string, DayOf>();
function remember<T>(map: Map<string, T>, key: string, make: () => T): T {
  let v = map.get(key);
  if (v === undefined) {
    v = make();
    if (map.size >= MAX_FORMATTERS) map.delete(map.keys().next().value!);
    map.set(key, v);
  }
  return v;
}

/** "in 10 minutes", "in 3 days": how far away a time is, in the UI language. */
export function dueIn(lang: string, due: number, now = Date.now()): string {
  const minutes = Math.max(1, Math.round((due - now) / 60_000));
  const f = remember(relative, lang, () => new Intl.RelativeTimeFormat(lang, { numeric: 'always' }));
  if (minutes < 60) return f.format(minutes, 'minute');
  if (minutes < 48 * 60) return f.format(Math.round(minutes / 60), 'hour');
  return f.format(Math.round(minutes / 1440), 'day');
}

/**
 * Every time zone's offset, and so its midnight, falls on a quarter hour: the calendar day is the same for a
 * whole quarter hour of UTC, and a zone's formatter is asked once per quarter hour met, not once per review.
 */
const QUARTER_HOUR_MS = 15 * 60_000;
const MAX_DAYS_KNOWN = 4_096;

/** The calendar day in time zone `tz`, or null for a zone Intl does not know. */
function dayIn(tz: string): DayOf | null {
  let f: Intl.DateTimeFormat;
  try {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' });
  } catch {
    return null;
  }
  const known = new Map<number, string>();
  return (ms) => {
    const quarter = Math.floor(ms / QUARTER_HOUR_MS);
    let day = known.get(quarter);
    if (day === undefined) {
      day = f.format(quarter * QUARTER_HOUR_MS);
      if (known.size >= MAX_DAYS_KNOWN) known.clear();
      known.set(quarter, day);
    }
    return day;
  };
}

/**
 * The learner's calendar day, in the time zone Cloudflare reports for the request (UTC without one). Read on
 * the first question only: reading `request.cf` parses the whole cf object (0.1 ms), and a learner without
 * reviews never asks (core/review/deck.ts and stats.ts need the day only for reviewed cards).
 */
export function dayOfRequest(c: Context<AppEnv>): DayOf {
  let dayOf: DayOf | undefined;
  return (ms) => {
    if (!dayOf) {
      const tz = (c.req.raw as { cf?: { timezone?: unknown } }).cf?.timezone;
      dayOf = typeof tz !== 'string' ? utcDay : remember(days, tz, () => dayIn(tz) ?? utcDay);
    }
    return dayOf(ms);
  };
}
