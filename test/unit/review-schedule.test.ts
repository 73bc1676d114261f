import { describe, expect, it } from 'vitest';
import { buildDeck, queue, todo, type ReviewEvent, type ReviewRecord } from '../../core/review/deck.ts';
import { ratingOf } from '../../core/review/rating.ts';
import { schedule, type CardState, type Rating } from '../../core/review/schedule.ts';
import { dailyGoal, forecast, weeklyRight } from '../../core/review/stats.ts';

const T0 = Date.parse('2026-12-01T09:00:00Z');
const MIN = 60_000;
const DAY = 86_400_000;
const text = (match: string) => ({ kind: 'text' as const, given: 'x', match, expected: 'x' });

describe('grade → rating', () => {
  it('maps wrong to again, a typo or a hint to hard, right to good, and "too easy" to easy only when right', () => {
    expect(ratingOf({ correct: false, items: [] })).toBe('again');
    expect(ratingOf({ correct: false, items: [] }, { easy: true })).toBe('again');
    expect(ratingOf({ correct: true, items: [text('typo')] as never })).toBe('hard');
    expect(ratingOf({ correct: true, items: [{ kind: 'gap', gap: 'g1', given: 'x', match: 'typo', expected: 'y' }] as never })).toBe(
      'hard',
    );
    expect(ratingOf({ correct: true, items: [] }, { hint: true })).toBe('hard');
    expect(ratingOf({ correct: true, items: [text('exact')] as never })).toBe('good');
    expect(ratingOf({ correct: true, items: [text('exact')] as never }, { easy: true })).toBe('easy');
    expect(ratingOf({ correct: true, items: [text('typo')] as never }, { easy: true })).toBe('hard');
  });
});

describe('schedule (FSRS, fixed clock)', () => {
  it('brings a wrong answer back sooner than a right one, and a wrong new card within minutes', () => {
    const again = schedule(null, 'again', T0);
    const good = schedule(null, 'good', T0);
    const easy = schedule(null, 'easy', T0);
    expect(again.due - T0).toBeLessThanOrEqual(10 * MIN);
    expect(again.due).toBeLessThan(good.due);
    expect(good.due).toBeLessThan(easy.due);
  });

  it('grows the interval with successive right answers, and shrinks it after a lapse', () => {
    let s: CardState | null = null;
    let now = T0;
    const intervals: number[] = [];
    for (let i = 0; i < 6; i++) {
      s = schedule(s, 'good', now);
      intervals.push(s.due - now);
      now = s.due;
    }
    for (let i = 2; i < intervals.length; i++) expect(intervals[i]!).toBeGreaterThan(intervals[i - 1]!);
    const lapse = schedule(s, 'again', now);
    expect(lapse.due - now).toBeLessThan(intervals[intervals.length - 1]!);
    expect(lapse.lapses).toBe(1);
  });

  it('is deterministic for the same state, rating and time (fuzz is seeded from the card)', () => {
    const a = schedule(schedule(null, 'good', T0), 'good', T0 + DAY);
    const b = schedule(schedule(null, 'good', T0), 'good', T0 + DAY);
    expect(a).toEqual(b);
  });
});

let seq = 0;
const id = (at: number) => `${at.toString(36).padStart(9, '0')}-${(seq++).toString(16).padStart(12, '0')}`;
function review(cardId: string, rating: Rating, at: number, prev: string | null, prevState: CardState | null): ReviewRecord {
  return { type: 'review', id: id(at), at, cardId, rating, correct: rating !== 'again', state: schedule(prevState, rating, at), prev };
}
const input = (events: ReviewEvent[], missed: { cardId: string; at: number }[] = []) => ({
  events,
  missed,
  expand: (s: { glossary: string } | { lesson: string }) =>
    'glossary' in s ? [`w.${s.glossary}.r`, `w.${s.glossary}.p`] : ['w.a.r', 'w.a.p', 'w.b.r', 'w.b.p', 'w.c.r', 'w.c.p'],
  exists: (cardId: string) => !cardId.includes('gone'),
});

describe('deck and queue', () => {
  it('shows due cards first, then new ones up to the daily limit, then a card answered wrong minutes ago', () => {
    const add: ReviewEvent = { type: 'add', id: id(T0), at: T0, source: { lesson: 'x' } };
    const r1 = review('w.a.r', 'easy', T0 + MIN, null, null); // due in days
    const settings: ReviewEvent = {
      type: 'settings',
      id: id(T0 + 2 * MIN),
      at: T0 + 2 * MIN,
      settings: { newPerDay: 3, autoAddMissed: true, dailyGoal: 20 },
    };
    const r2 = review('w.a.p', 'again', T0 + 3 * MIN, null, null);
    const deck = buildDeck(input([r2, settings, r1, add]));
    const now = r2.at + 30_000; // its learning step is a minute
    const q = queue(deck, now);
    expect(q.due).toEqual([]);
    expect(q.fresh).toEqual(['w.b.r']); // 3 a day, two introduced today already
    expect(q.ahead).toEqual(['w.a.p']);
    expect(q.next).toBe(deck.cards.get('w.a.r')!.state!.due);
    const later = queue(deck, r1.state.due + 1);
    expect(todo(later).slice(0, 2)).toEqual(['w.a.p', 'w.a.r']); // most overdue first
  });

  it('adds missed questions only while the setting is on, and drops cards whose content is gone', () => {
    const missed = [
      { cardId: 'q.x1', at: T0 },
      { cardId: 'q.gone', at: T0 },
    ];
    expect([...buildDeck(input([], missed)).cards.keys()]).toEqual(['q.x1']);
    const off: ReviewEvent = { type: 'settings', id: id(T0), at: T0, settings: { newPerDay: 10, autoAddMissed: false, dailyGoal: 20 } };
    expect(buildDeck(input([off], missed)).cards.size).toBe(0);
  });

  it('keeps both of two reviews of one card scheduled from the same state, and schedules the later on the earlier', () => {
    const first = review('w.a.r', 'good', T0, null, null);
    const tabA = review('w.a.r', 'good', T0 + DAY * 3, first.id, first.state);
    const tabB = review('w.a.r', 'again', T0 + DAY * 3 + 1000, first.id, first.state); // raced: same prev as tabA
    const deck = buildDeck(input([first, tabA, tabB]));
    expect(deck.reviews).toHaveLength(3);
    const card = deck.cards.get('w.a.r')!;
    expect(card.lastReview).toBe(tabB.id);
    expect(card.state).toEqual(schedule(tabA.state, 'again', tabB.at));
    expect(card.state!.reps).toBe(3);
  });
});

describe('stats', () => {
  it('forecasts cards per day for 14 days, overdue ones today', () => {
    const r1 = review('w.a.r', 'good', T0 - 30 * DAY, null, null); // long overdue
    const r2 = review('w.b.r', 'easy', T0, null, null); // due in days
    const deck = buildDeck(input([r1, r2]));
    const f = forecast(deck, T0 + MIN);
    expect(f).toHaveLength(14);
    expect(f[0]).toEqual({ day: '2026-12-01', count: 1 });
    const dueDay = new Date(r2.state.due).toISOString().slice(0, 10);
    expect(f.find((d) => d.day === dueDay)!.count).toBe(1);
    expect(f.reduce((n, d) => n + d.count, 0)).toBe(2);
  });

  it('forecasts nothing, without asking for the day, when no card is due in the 14 days', () => {
    const asked: number[] = [];
    const dayOf = (ms: number) => (asked.push(ms), new Date(ms).toISOString().slice(0, 10));
    // Cards added but never reviewed are not scheduled: the learner's day is not needed to say so.
    const fresh = buildDeck(input([{ type: 'add', id: id(T0), at: T0, source: { lesson: 'china' } }]));
    expect(fresh.cards.size).toBeGreaterThan(0);
    expect(forecast(fresh, T0, 14, dayOf)).toEqual([]);
    expect(asked).toEqual([]);
    // Reviewed, but due only after the 14 days.
    const later = buildDeck(input([review('w.b.r', 'easy', T0 - DAY, null, null)]));
    const due = later.cards.get('w.b.r')!.state!.due;
    expect(forecast(later, due - 15 * DAY)).toEqual([]);
    expect(forecast(later, due - 13 * DAY).reduce((n, d) => n + d.count, 0)).toBe(1);
  });

  it("names 14 calendar days in a row from the learner's today, also across a clock change", () => {
    // Berlin's clocks went forward on 29 March 2026: 24 hours after 23:30 on the 28th is 00:30 on the 30th.
    const berlin = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });
    const now = Date.parse('2026-03-28T22:30:00Z');
    const deck = buildDeck(input([review('w.a.r', 'good', now - 30 * DAY, null, null)])); // overdue: counted today
    const days = forecast(deck, now, 14, (ms) => berlin.format(ms)).map((d) => d.day);
    expect(days.slice(0, 3)).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
    expect(new Set(days).size).toBe(14);
  });

  it('counts the daily goal and a streak of days on which it was met', () => {
    const events: ReviewEvent[] = [
      { type: 'settings', id: id(T0 - 5 * DAY), at: T0 - 5 * DAY, settings: { newPerDay: 10, autoAddMissed: true, dailyGoal: 2 } },
    ];
    for (const d of [3, 2, 1]) for (let i = 0; i < 2; i++) events.push(review(`w.c${d}${i}.r`, 'good', T0 - d * DAY + i, null, null));
    events.push(review('w.t.r', 'again', T0, null, null));
    const deck = buildDeck({ ...input(events), exists: () => true });
    expect(dailyGoal(deck, T0 + MIN)).toEqual({ goal: 2, today: 1, streak: 3 });
    events.push(review('w.t2.r', 'good', T0 + 1, null, null));
    expect(dailyGoal(buildDeck({ ...input(events), exists: () => true }), T0 + MIN).streak).toBe(4);
  });

  it('gives the share answered right per week, weeks from Monday', () => {
    const events = [
      review('w.a.r', 'good', T0, null, null),
      review('w.b.r', 'again', T0 + DAY, null, null),
      review('w.c.r', 'good', T0 + 7 * DAY, null, null),
    ];
    expect(weeklyRight(buildDeck(input(events)))).toEqual([
      { week: '2026-11-30', total: 2, right: 1 },
      { week: '2026-12-07', total: 1, right: 1 },
    ]);
  });
});
