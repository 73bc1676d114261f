import type { DeckSource, ReviewEvent, ReviewSettings } from '../../core/review/deck.ts';
import { RATINGS, type CardState } from '../../core/review/schedule.ts';
import { keys } from './keys.ts';

/** What an answer was, kept with its review for the learner's export (not needed to schedule). */
export interface ReviewDetail {
  response: unknown;
  score: number;
}

/** The review log of each learner: events in, events out; the KV encoding stays in here. */
export interface ReviewStore {
  /** Stores one event: exactly one write, to a key of its own. */
  append(learnerId: string, event: ReviewEvent, detail?: ReviewDetail): Promise<void>;
  /** Every event of a learner, oldest first: one `list()` per 1000 events, no reads. */
  events(learnerId: string): Promise<ReviewEvent[]>;
  /** Every event with its stored detail, for the export. */
  exportAll(learnerId: string): Promise<Array<ReviewEvent & Partial<ReviewDetail>>>;
}

/**
 * Review events expire 400 days after they are written: the longest interval is 365 days, so a card's latest
 * review always outlives the ones before it, and the log of a learner who left does not pile up.
 */
export const REVIEW_TTL_SECONDS = 400 * 24 * 3600;

/** A card state as a short array: metadata is capped at 1024 bytes and read for every event on every page. */
type StateTuple = [number, number, number, number, number, number, number, number, number, number | null];
type Meta =
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

function metaOf(e: ReviewEvent): Meta {
  if (e.type === 'review')
    return { t: e.at, c: e.cardId, g: RATINGS.indexOf(e.rating) + 1, k: e.correct ? 1 : 0, p: e.prev ?? '', s: tuple(e.state) };
  if (e.type === 'add') return { t: e.at, a: sourceText(e.source) };
  return { t: e.at, o: settingsTuple(e.settings) };
}

/** The event behind a key; null for metadata this version does not know (never a crash on old data). */
function eventOf(id: string, m: Meta | undefined | null): ReviewEvent | null {
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

export class KvReviewStore implements ReviewStore {
  constructor(private readonly kv: KVNamespace) {}

  async append(learnerId: string, event: ReviewEvent, detail?: ReviewDetail): Promise<void> {
    await this.kv.put(keys.reviewEvent(learnerId, event.id), JSON.stringify({ ...event, ...detail }), {
      metadata: metaOf(event),
      expirationTtl: REVIEW_TTL_SECONDS,
    });
  }

  private async *pages(learnerId: string) {
    let cursor: string | undefined;
    do {
      const page: KVNamespaceListResult<Meta> = await this.kv.list<Meta>({
        prefix: keys.reviewPrefix(learnerId),
        ...(cursor ? { cursor } : {}),
      });
      yield page.keys;
      cursor = page.list_complete ? undefined : page.cursor;
    } while (cursor);
  }

  async events(learnerId: string): Promise<ReviewEvent[]> {
    const prefix = keys.reviewPrefix(learnerId).length;
    const out: ReviewEvent[] = [];
    for await (const page of this.pages(learnerId))
      for (const k of page) {
        const e = eventOf(k.name.slice(prefix), k.metadata);
        if (e) out.push(e);
      }
    return out;
  }

  async exportAll(learnerId: string): Promise<Array<ReviewEvent & Partial<ReviewDetail>>> {
    const names: string[] = [];
    for await (const page of this.pages(learnerId)) names.push(...page.map((k) => k.name));
    const values = await Promise.all(names.map((n) => this.kv.get<ReviewEvent & Partial<ReviewDetail>>(n, 'json')));
    return values.filter((v): v is ReviewEvent & Partial<ReviewDetail> => v !== null);
  }
}
