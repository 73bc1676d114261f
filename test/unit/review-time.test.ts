import { describe, expect, it } from 'vitest';
import type { Context } from 'hono';
import type { AppEnv } from '../../worker/env.ts';
import { dayOfRequest, dueIn } from '../../worker/services/review-time.ts';

const requestIn = (timezone: unknown) => ({ req: { raw: { cf: { timezone } } } }) as unknown as Context<AppEnv>;

/** What the zone's formatter answers for this very time, remembering nothing: the day the learner's calendar shows. */
const formatters = new Map<string, Intl.DateTimeFormat>();
const direct = (tz: string, ms: number) => {
  if (!formatters.has(tz))
    formatters.set(tz, new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }));
  return formatters.get(tz)!.format(ms);
};

// Zones with half- and quarter-hour offsets and a half-hour daylight saving shift (Lord Howe): a day cached
// per hour of UTC instead of per quarter hour would give the wrong day around their midnights.
const ZONES = ['Europe/Berlin', 'America/St_Johns', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/Los_Angeles'];

describe("the learner's calendar day (remembered per quarter hour)", () => {
  it('is the day a fresh formatter gives, around every local midnight and daylight saving change', () => {
    for (const tz of ZONES) {
      const dayOf = dayOfRequest(requestIn(tz));
      // Every 5 minutes across two days around each zone's spring and autumn changes of 2026, and random times.
      const starts = [Date.UTC(2026, 2, 27), Date.UTC(2026, 3, 3), Date.UTC(2026, 9, 3), Date.UTC(2026, 9, 24), Date.UTC(2026, 10, 0)];
      const times = starts.flatMap((t) => Array.from({ length: 2 * 288 }, (_, i) => t + i * 5 * 60_000));
      for (let i = 0; i < 500; i++) times.push(Date.UTC(2020, 0, 1) + Math.floor(Math.random() * 10 * 365 * 86_400_000));
      for (const ms of times) expect(dayOf(ms), `${tz} at ${new Date(ms).toISOString()}`).toBe(direct(tz, ms));
    }
  });

  it('is the UTC day without a time zone or with one Intl does not know', () => {
    const ms = Date.UTC(2026, 11, 6, 23, 30);
    expect(dayOfRequest(requestIn(undefined))(ms)).toBe('2026-12-06');
    expect(dayOfRequest(requestIn('Not/AZone'))(ms)).toBe('2026-12-06');
    expect(dayOfRequest(requestIn('Asia/Tokyo'))(ms)).toBe('2026-12-07');
  });
});

describe('dueIn', () => {
  it('says how far away a time is in the UI language, with one formatter per language', () => {
    const now = Date.UTC(2026, 11, 6, 12);
    expect(dueIn('en', now + 10 * 60_000, now)).toBe('in 10 minutes');
    expect(dueIn('de', now + 3 * 86_400_000, now)).toBe('in 3 Tagen');
    expect(dueIn('en', now + 5 * 3_600_000, now)).toBe('in 5 hours');
    expect(dueIn('de', now + 30_000, now)).toBe('in 1 Minute');
  });
});
