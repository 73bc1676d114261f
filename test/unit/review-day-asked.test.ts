import { describe, expect, it } from 'vitest';
import { buildDeck, queue, todo, type ReviewEvent } from '../../core/review/deck.ts';
import { schedule } from '../../core/review/schedule.ts';
import { dailyGoal } from '../../core/review/stats.ts';

// Finding the learner's calendar day reads the request's cf object and formats a time in their zone, which
// costs more than the rest of the overview's review count (worker/services/review-time.ts): the deck asks for
// the day only when a card has been reviewed, and answers the same either way.

const T0 = Date.parse('2026-12-01T09:00:00Z');
const input = (events: ReviewEvent[], missed: Array<{ cardId: string; at: number }> = []) => ({
  events,
  missed,
  expand: () => ['w.a.r', 'w.b.r'],
  exists: () => true,
});
const add: ReviewEvent = { type: 'add', id: `${T0}`.padStart(16, '0'), at: T0, source: { lesson: 'china' } };

/** A day function that counts its questions. */
function counting() {
  const calls: number[] = [];
  const dayOf = (ms: number) => (calls.push(ms), new Date(ms).toISOString().slice(0, 10));
  return { calls, dayOf };
}

describe('the learner’s day, asked only when it matters', () => {
  it('is never asked for a deck without reviews, new and missed cards alike', () => {
    const deck = buildDeck(input([add], [{ cardId: 'q.china-1', at: T0 + 1 }]));
    const { calls, dayOf } = counting();
    const q = queue(deck, T0 + 60_000, dayOf);
    expect(todo(q)).toEqual(['w.a.r', 'w.b.r', 'q.china-1']);
    expect(dailyGoal(deck, T0 + 60_000, dayOf)).toEqual({ goal: 20, today: 0, streak: 0 });
    expect(calls).toEqual([]);
  });

  it('is asked once a card was reviewed, and counts what was introduced and reviewed today', () => {
    const state = schedule(null, 'good', T0 + 1_000);
    const reviewed: ReviewEvent = {
      type: 'review',
      id: `${T0 + 1_000}`.padStart(16, '0'),
      at: T0 + 1_000,
      cardId: 'w.a.r',
      rating: 'good',
      correct: true,
      state,
      prev: null,
    };
    const deck = buildDeck(input([add, reviewed]));
    const { calls, dayOf } = counting();
    expect(dailyGoal(deck, T0 + 60_000, dayOf)).toEqual({ goal: 20, today: 1, streak: 0 });
    const settings: ReviewEvent = {
      type: 'settings',
      id: `${T0 + 2_000}`.padStart(16, '0'),
      at: T0 + 2_000,
      settings: { newPerDay: 1, autoAddMissed: true, dailyGoal: 20 },
    };
    // One new card a day, one introduced today: no new card left.
    expect(queue(buildDeck(input([add, reviewed, settings])), T0 + 60_000, dayOf).fresh).toEqual([]);
    expect(calls.length).toBeGreaterThan(0);
  });
});
