import { schedule, type CardState, type Rating } from './schedule.ts';

/** The learner's review settings (the progress page changes them). */
export interface ReviewSettings {
  /** New cards introduced per day. */
  newPerDay: number;
  /** Questions missed in quizzes, the final test and sets become cards. */
  autoAddMissed: boolean;
  /** Reviews a day that count towards the streak. */
  dailyGoal: number;
}
export const DEFAULT_SETTINGS: ReviewSettings = { newPerDay: 10, autoAddMissed: true, dailyGoal: 20 };
export const SETTING_LIMITS = { newPerDay: { min: 0, max: 100 }, dailyGoal: { min: 1, max: 500 } } as const;

/** What a learner added to the deck: one glossary entry, or every word of a lesson. */
export type DeckSource = { glossary: string } | { lesson: string };

export interface ReviewRecord {
  type: 'review';
  id: string;
  at: number;
  cardId: string;
  rating: Rating;
  correct: boolean;
  /** The card's state after this review. */
  state: CardState;
  /** The review this one was scheduled from (null for a new card): a mismatch means two tabs raced. */
  prev: string | null;
}

/** The review history is a log of events, one KV key each: nothing is ever read, changed and written back. */
export type ReviewEvent =
  | { type: 'add'; id: string; at: number; source: DeckSource }
  | ReviewRecord
  | { type: 'settings'; id: string; at: number; settings: ReviewSettings };

export interface DeckCard {
  id: string;
  addedAt: number;
  /** null: not reviewed yet (a new card). */
  state: CardState | null;
  /** The id of the latest review, which the next review is scheduled from. */
  lastReview: string | null;
  firstReviewAt: number | null;
}

export interface Deck {
  settings: ReviewSettings;
  cards: Map<string, DeckCard>;
  /** Every review, oldest first. */
  reviews: ReviewRecord[];
}

export interface DeckInput {
  events: readonly ReviewEvent[];
  /** Questions the learner missed, from the attempt summaries (derived at load time: no write at submit). */
  missed: readonly { cardId: string; at: number }[];
  expand: (source: DeckSource) => readonly string[];
  /** Cards whose word or question is gone from the course are left out. */
  exists: (cardId: string) => boolean;
}

/**
 * Rebuilds the deck from the event log. Each review carries its card's new state, so the latest review of a
 * card is its state; when two reviews of one card were scheduled from the same earlier state (two tabs at
 * once), the later one is scheduled again on top of the earlier, so the schedule reflects every review.
 */
export function buildDeck(input: DeckInput): Deck {
  const events = [...input.events].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const cards = new Map<string, DeckCard>();
  const reviews: ReviewRecord[] = [];
  let settings = DEFAULT_SETTINGS;
  const add = (id: string, at: number) => {
    if (!cards.has(id) && input.exists(id)) cards.set(id, { id, addedAt: at, state: null, lastReview: null, firstReviewAt: null });
  };
  for (const ev of events) {
    if (ev.type === 'settings') settings = ev.settings;
    else if (ev.type === 'add') for (const id of input.expand(ev.source)) add(id, ev.at);
    else {
      reviews.push(ev);
      add(ev.cardId, ev.at);
      const card = cards.get(ev.cardId);
      if (!card) continue;
      card.state = ev.prev === card.lastReview ? ev.state : schedule(card.state, ev.rating, ev.at);
      card.lastReview = ev.id;
      card.firstReviewAt ??= ev.at;
    }
  }
  if (settings.autoAddMissed) for (const m of [...input.missed].sort((a, b) => a.at - b.at)) add(m.cardId, m.at);
  return { settings, cards, reviews };
}

/** Cards due within this window are shown once nothing else is left: a wrong answer comes back in the same session. */
export const LEARN_AHEAD_MS = 20 * 60 * 1000;

/** A calendar day of the learner ("2026-12-01"), from a time in ms. */
export type DayOf = (ms: number) => string;
export const utcDay: DayOf = (ms) => new Date(ms).toISOString().slice(0, 10);

export interface Queue {
  /** Due now, most overdue first. */
  due: string[];
  /** New cards for today, within the daily limit, in the order they were added. */
  fresh: string[];
  /** Due within the learn-ahead window: shown last. */
  ahead: string[];
  /** When the next card after `ahead` falls due (ms), or null. */
  next: number | null;
}

/** What to review now: due cards first, then new ones up to the daily limit, then those due in a few minutes. */
export function queue(deck: Deck, now: number, dayOf: DayOf = utcDay): Queue {
  const all = [...deck.cards.values()];
  const byDue = all.filter((c) => c.state).sort((a, b) => a.state!.due - b.state!.due || (a.id < b.id ? -1 : 1));
  const reviewed = all.filter((c) => c.firstReviewAt !== null);
  // The day is asked only when a card was reviewed: finding the learner's day can cost more than the queue.
  const today = reviewed.length ? dayOf(now) : '';
  const introducedToday = reviewed.filter((c) => dayOf(c.firstReviewAt!) === today).length;
  const fresh = all
    .filter((c) => !c.state)
    .sort((a, b) => a.addedAt - b.addedAt) // stable: the order they were added in
    .slice(0, Math.max(0, deck.settings.newPerDay - introducedToday));
  const later = byDue.filter((c) => c.state!.due > now + LEARN_AHEAD_MS);
  return {
    due: byDue.filter((c) => c.state!.due <= now).map((c) => c.id),
    fresh: fresh.map((c) => c.id),
    ahead: byDue.filter((c) => c.state!.due > now && c.state!.due <= now + LEARN_AHEAD_MS).map((c) => c.id),
    next: later[0]?.state!.due ?? null,
  };
}

/** The cards to do now, in order. */
export const todo = (q: Queue) => [...q.due, ...q.fresh, ...q.ahead];
