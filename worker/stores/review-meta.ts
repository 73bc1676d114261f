// How the KV review store keeps an event: what scheduling needs as the metadata of the event's key, so one
// `list()` rebuilds a deck without reading any value. Metadata is capped at 1024 bytes, hence the short keys
// and tuples; none of this leaves the store (the rest of the app sees ReviewEvent).
import type { DeckSource, ReviewEvent, ReviewSettings } from '../../core/review/deck.ts';
import { RATINGS, type CardState } from '../../core/review/schedule.ts';

/** A card state as a short array: metadata is capped at 1024 bytes and read for every event on every page. */
type StateTuple = [number, number, number, number, number, number, number, number, number, number | null];
export type ReviewMeta =
  | { t: number; c: string; g: number; k: 0 | 1; p: string; s: StateTuple }
  | { t: number; a: string }
  | { t: number; o: [number, 0 | 1, number] };

const tuple = (s: CardState): StateTuple => [
  s.due,
  s.stability,
  s.difficulty,
  s.elapsedDays,
  s.scheduledDays,
  s.learningSteps,
  s.reps,
  s.lapses,
  s.state,
  s.lastReview,
];
const untuple = (s: StateTuple): CardState => ({
  due: s[0],
  stability: s[1],
  difficulty: s[2],
  elapsedDays: s[3],
  scheduledDays: s[4],
  learningSteps: s[5],
  reps: s[6],
  lapses: s[7],
  state: s[8],
  lastReview: s[9],
});

const sourceText = (s: DeckSource) => ('glossary' in s ? `g:${s.glossary}` : `l:${s.lesson}`);
const sourceOf = (a: string): DeckSource => (a.startsWith('g:') ? { glossary: a.slice(2) } : { lesson: a.slice(2) });
const settingsTuple = (s: ReviewSettings): [number, 0 | 1, number] => [s.newPerDay, s.autoAddMissed ? 1 : 0, s.dailyGoal];

export function encodeEvent(e: ReviewEvent): ReviewMeta {
  if (e.type === 'review')
    return { t: e.at, c: e.cardId, g: RATINGS.indexOf(e.rating) + 1, k: e.correct ? 1 : 0, p: e.prev ?? '', s: tuple(e.state) };
  if (e.type === 'add') return { t: e.at, a: sourceText(e.source) };
  return { t: e.at, o: settingsTuple(e.settings) };
}

/** The event behind a key; null for metadata this version does not know (never a crash on old data). */
export function decodeEvent(id: string, m: ReviewMeta | undefined | null): ReviewEvent | null {
  if (!m || typeof m.t !== 'number') return null;
  if ('c' in m && Array.isArray(m.s)) {
    const rating = RATINGS[m.g - 1];
    if (!rating) return null;
    return { type: 'review', id, at: m.t, cardId: m.c, rating, correct: m.k === 1, state: untuple(m.s), prev: m.p || null };
  }
  if ('a' in m) return { type: 'add', id, at: m.t, source: sourceOf(m.a) };
  if ('o' in m) return { type: 'settings', id, at: m.t, settings: { newPerDay: m.o[0], autoAddMissed: m.o[1] === 1, dailyGoal: m.o[2] } };
  return null;
}
