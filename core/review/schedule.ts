import { createEmptyCard, fsrs, Rating as FsrsRating, State, type Card, type Grade } from 'ts-fsrs';

/** The four ratings of a review, named as the API names them. */
export type Rating = 'again' | 'hard' | 'good' | 'easy';
export const RATINGS: readonly Rating[] = ['again', 'hard', 'good', 'easy'];

/** A card's FSRS state as plain numbers (times in ms since epoch), so it fits KV metadata and JSON. */
export interface CardState {
  due: number;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  /** 0 new, 1 learning, 2 review, 3 relearning (ts-fsrs `State`). */
  state: number;
  lastReview: number | null;
}

/**
 * The scheduler: FSRS as the issue asks (retention 0.9, fuzz on, short-term learning steps on). The longest
 * interval is a year, so every card is seen again before its review records expire (a year and a month, see
 * docs/decisions/0004-review.md): a card's state never falls back to an older review.
 */
export const MAX_INTERVAL_DAYS = 365;
/**
 * One learning step of a minute for a new card and one of ten minutes after a lapse: a wrong answer comes back
 * in the same session (see LEARN_AHEAD_MS in deck.ts), a right one graduates and comes back days later.
 */
const scheduler = fsrs({
  request_retention: 0.9,
  enable_fuzz: true,
  enable_short_term: true,
  learning_steps: ['1m'],
  relearning_steps: ['10m'],
  maximum_interval: MAX_INTERVAL_DAYS,
});

const GRADE: Record<Rating, Grade> = { again: FsrsRating.Again, hard: FsrsRating.Hard, good: FsrsRating.Good, easy: FsrsRating.Easy };

function toCard(s: CardState): Card {
  return {
    due: new Date(s.due),
    stability: s.stability,
    difficulty: s.difficulty,
    elapsed_days: s.elapsedDays,
    scheduled_days: s.scheduledDays,
    learning_steps: s.learningSteps,
    reps: s.reps,
    lapses: s.lapses,
    state: s.state as State,
    ...(s.lastReview !== null ? { last_review: new Date(s.lastReview) } : {}),
  };
}

const round = (n: number) => Math.round(n * 1e4) / 1e4;

function fromCard(c: Card): CardState {
  return {
    due: c.due.getTime(),
    stability: round(c.stability),
    difficulty: round(c.difficulty),
    elapsedDays: c.elapsed_days,
    scheduledDays: c.scheduled_days,
    learningSteps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state,
    lastReview: c.last_review ? c.last_review.getTime() : null,
  };
}

/** The state after one review at `now` (ms); `prev` null is a new card. Pure: the same inputs, the same state. */
export function schedule(prev: CardState | null, rating: Rating, now: number): CardState {
  const card = prev ? toCard(prev) : createEmptyCard(new Date(now));
  return fromCard(scheduler.next(card, new Date(now), GRADE[rating]).card);
}
