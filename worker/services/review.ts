// The one review path for the JSON API and the pages: load the deck (one `list()`), say what to do
// now, grade an answer with the core grader and store it as one event (one write), add cards, save settings.
import type { Context } from 'hono';
import type { AttemptSummary } from '../../core/progress/attempt-record.ts';
import type { LearnerQuestion } from '../../core/quiz/learner.ts';
import { learnerCopy } from '../../core/quiz/learner.ts';
import { responseInKeys, type PublicIds } from '../../core/quiz/public-ids.ts';
import { fitsResponse } from '../../core/quiz/validate.ts';
import type { AnyResponse } from '../../core/quiz/response.ts';
import { parseCardId } from '../../core/review/card-id.ts';
import {
  buildDeck,
  queue,
  todo,
  type DayOf,
  type Deck,
  type DeckSource,
  type ReviewRecord,
  type ReviewSettings,
} from '../../core/review/deck.ts';
import { gradeCard } from '../../core/review/grade-card.ts';
import type { GradeResult } from '../../core/quiz/grade.ts';
import { schedule, type Rating } from '../../core/review/schedule.ts';
import type { BuiltCard } from '../../core/review/word-cards.ts';
import { courseLexicon, getEntry, getLesson, sentenceById, sourceLanguage } from './content.ts';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../http/errors.ts';
import { currentLearner, ensureLearner } from '../auth/learner.ts';
import { sourcesOf } from './quizzes.ts';
import { newAttemptId } from '../stores/keys.ts';
import { learnerStore, reviewStore } from '../stores/index.ts';
import { sessionIds } from './public-ids.ts';
import { chooseLanguage } from './quiz-session.ts';
import { cardExists, cardsOf, missedCards, resolveCard } from './review-cards.ts';
import { dayOfRequest } from './review-time.ts';

export { dueIn } from './review-time.ts';

export interface LoadedDeck {
  learner: string | null;
  /** The learner's attempt summaries, oldest first: the deck's missed questions come from them. */
  summaries: AttemptSummary[];
  deck: Deck;
  now: number;
  dayOf: DayOf;
}

/**
 * The course lexicon where quizzes grade with it (worker/services/attempts.ts): in the source language. Not in
 * other card languages, whose answers are graded without German endings, so a lexicon there would turn a wrong
 * ending into another word.
 */
const lexiconFor = (lang: string) => (lang === sourceLanguage ? courseLexicon : undefined);

/**
 * The learner's deck and attempt summaries: nothing read without a learner cookie, else one listing of both
 * (worker/stores/learner-store-kv.ts).
 */
export async function loadDeck(c: Context<AppEnv>): Promise<LoadedDeck> {
  const learner = await currentLearner(c);
  const { summaries, events } = learner ? await learnerStore(c.env).read(learner) : { summaries: [], events: [] };
  const deck = buildDeck({ events, missed: missedCards(summaries), expand: cardsOf, exists: cardExists });
  return { learner, summaries, deck, now: Date.now(), dayOf: dayOfRequest(c) };
}

/** A card as the learner receives it: its question's learner copy (no key), re-shuffled for each review. */
export type CardCopy = LearnerQuestion & {
  kind: BuiltCard['kind'];
  /** The content language of the card's texts. */
  lang: string;
  /** The German sentence the card comes from, and the words it asks about. */
  context?: { sentenceId: string; lang: string; text: string; focus: string };
};

/**
 * The public ids of one showing of a card: bound to the learner and to the review the showing follows (the
 * card's latest, null before the first), so they are new after every review and differ between learners.
 */
const cardIds = (env: Env, learner: string, card: BuiltCard, after: string | null): Promise<PublicIds> =>
  sessionIds(env, `review:${card.id}`, `${learner}:${after ?? 'new'}`, [card.question]);

function copyOf(card: BuiltCard, lang: string, ids: PublicIds): CardCopy {
  const copy = learnerCopy(card.question, lang, ids);
  const s = card.context && sentenceById.get(card.context.sentenceId);
  return {
    ...copy,
    id: card.id,
    kind: card.kind,
    lang,
    ...(s && card.context ? { context: { ...card.context, lang: sourceLanguage, text: s.text[sourceLanguage]! } } : {}),
  };
}

export interface ReviewNow {
  due: number;
  new: number;
  /** ISO time of the next card due after these, or null. */
  next: string | null;
  cards: CardCopy[];
}

/** The cards to do now that still exist (a set may be gone), in order, with the counts of the queue. */
async function pending(c: Context<AppEnv>, loaded?: LoadedDeck) {
  const { learner, deck, now, dayOf } = loaded ?? (await loadDeck(c));
  const q = queue(deck, now, dayOf);
  const found = await Promise.all(todo(q).map(async (id) => (learner ? await resolveCard(c.env, id) : null)));
  const cards = found.flatMap((f) => (f && learner ? [{ ...f, learner, held: deck.cards.get(f.card.id)! }] : []));
  return { due: q.due.length + q.ahead.length, new: q.fresh.length, next: q.next !== null ? new Date(q.next).toISOString() : null, cards };
}

/** The learner copy of one pending card, with the ids of this showing. */
async function showing(c: Context<AppEnv>, lang: string | undefined, p: Awaited<ReturnType<typeof pending>>['cards'][number]) {
  const ids = await cardIds(c.env, p.learner, p.card, p.held.lastReview);
  return copyOf(p.card, chooseLanguage(p.languages, { lang, strict: false }), ids);
}

/** What to review now: due cards, then new ones within the daily limit, then those due in a few minutes. */
export async function reviewNow(c: Context<AppEnv>, lang: string | undefined, loaded?: LoadedDeck): Promise<ReviewNow> {
  const { cards, ...counts } = await pending(c, loaded);
  return { ...counts, cards: await Promise.all(cards.map((p) => showing(c, lang, p))) };
}

/**
 * What the review page shows: the counts, how many cards are left, and a copy of the first card only (the page
 * shows one at a time, so ids are made for that card alone).
 */
export async function reviewHead(c: Context<AppEnv>, lang: string | undefined, loaded?: LoadedDeck) {
  const { cards, ...counts } = await pending(c, loaded);
  return { ...counts, left: cards.length, first: cards[0] ? await showing(c, lang, cards[0]) : null };
}

/** A graded and stored answer: the grade, the rating, the card's next due time and the copy it answered. */
export interface Answered {
  cardId: string;
  lang: string;
  result: GradeResult;
  rating: Rating;
  due: number;
  copy: CardCopy;
}

const unknownCard = (id: string) =>
  new ApiError(404, 'not_found', `No card "${id}" in your review.`, [{ path: 'cardId', message: 'unknown card' }]);

/**
 * The learner copy of a card of the learner's deck (for reading a plain form post), and lazily the showing
 * before its latest review (what a tab opened before that review shows); a 404 if it is not in the deck.
 */
export async function deckCard(c: Context<AppEnv>, cardId: string, lang: string | undefined, loaded?: LoadedDeck) {
  if (!parseCardId(cardId)) throw unknownCard(cardId);
  const l = loaded ?? (await loadDeck(c));
  const held = l.deck.cards.get(cardId);
  const found = l.learner && held ? await resolveCard(c.env, cardId) : null;
  if (!l.learner || !held || !found) throw unknownCard(cardId);
  const cardLang = chooseLanguage(found.languages, { lang, strict: false });
  const ids = await cardIds(c.env, l.learner, found.card, held.lastReview);
  // The showing before the latest review: what a second tab, open since then, still shows.
  const latest = held.lastReview ? l.deck.reviews.find((r) => r.id === held.lastReview) : undefined;
  const earlier = latest ? () => cardIds(c.env, l.learner!, found.card, latest.prev) : null;
  const earlierCopy = earlier ? async () => copyOf(found.card, cardLang, await earlier()) : null;
  return { learner: l.learner, held, card: found.card, lang: cardLang, ids, earlier, earlierCopy, copy: copyOf(found.card, cardLang, ids) };
}

/**
 * Grades an answer to a card and stores it as one review event (one write), scheduled from the card's latest
 * review. An unknown card is a 404 and a response that does not fit a 422: nothing is stored then. A passed
 * `loaded` deck gets the review in memory too, so the page that answered counts what is left without
 * listing again (KV may list the new key late).
 */
export async function answerCard(
  c: Context<AppEnv>,
  cardId: string,
  body: { response: unknown; easy?: boolean | undefined; lang?: string | undefined },
  loaded?: LoadedDeck,
): Promise<Answered> {
  const shown = await deckCard(c, cardId, body.lang, loaded);
  const { learner, held, card, lang } = shown;
  let { ids, copy } = shown;
  // Two tabs on one card: the one answering second names the ids of the showing before the first one's review.
  // It is graded with those (and scheduled on top of that review), so no review is lost; older ids are refused.
  if (!fitsResponse(card.question, body.response, ids) && shown.earlier) {
    const earlier = await shown.earlier();
    if (fitsResponse(card.question, body.response, earlier)) [ids, copy] = [earlier, copyOf(card, lang, earlier)];
  }
  const { result, rating } = gradeCard(card.question, body.response, lang, { easy: body.easy === true, ids, lexicon: lexiconFor(lang) });
  const now = Date.now();
  const state = schedule(held.state, rating, now);
  const record: ReviewRecord = {
    type: 'review',
    id: newAttemptId(now),
    at: now,
    cardId,
    rating,
    correct: result.correct,
    state,
    prev: held.lastReview,
  };
  // Kept in authoring keys, as the results ledger keeps responses: the ids of this showing mean nothing later.
  const response = responseInKeys(card.question, body.response as AnyResponse, ids);
  await reviewStore(c.env).append(learner, record, { response, score: result.score });
  if (loaded) {
    Object.assign(held, { state, lastReview: record.id, firstReviewAt: held.firstReviewAt ?? now });
    loaded.deck.reviews.push(record);
  }
  return { cardId, lang, result, rating, due: state.due, copy };
}

/** Cards answered since `since` (ms): how far into a review session the learner is. */
export const answeredSince = (loaded: LoadedDeck, since: number) => loaded.deck.reviews.filter((r) => r.at >= since).length;

/** The answer as `POST /api/review/{cardId}/answer` returns it. */
export const answerJson = (a: Answered) => ({
  cardId: a.cardId,
  score: a.result.score,
  correct: a.result.correct,
  rating: a.rating,
  due: new Date(a.due).toISOString(),
  solution: a.result.solution,
  solutionText: a.result.solutionText,
  feedback: { items: a.result.items, notes: a.result.notes, explanation: a.result.explanation },
  sources: sourcesOf(a.result.sources),
});

/** Checks that a source names a glossary entry or a lesson of the course; a 404 otherwise. */
export function checkSource(source: DeckSource): void {
  if ('glossary' in source && !getEntry(source.glossary))
    throw new ApiError(404, 'not_found', `No glossary entry "${source.glossary}".`, [{ path: 'glossary', message: 'unknown entry' }]);
  if ('lesson' in source && !getLesson(source.lesson))
    throw new ApiError(404, 'not_found', `No lesson "${source.lesson}".`, [{ path: 'lesson', message: 'unknown lesson' }]);
}

/** Adds a word or a lesson's words to the learner's review (creating the learner): one write, none if nothing is new. */
export async function addCards(c: Context<AppEnv>, source: DeckSource): Promise<{ added: number }> {
  checkSource(source);
  const learner = await ensureLearner(c);
  const { deck } = await loadDeck(c);
  const fresh = cardsOf(source).filter((id) => !deck.cards.has(id));
  if (fresh.length) {
    const now = Date.now();
    await reviewStore(c.env).append(learner, { type: 'add', id: newAttemptId(now), at: now, source });
  }
  return { added: fresh.length };
}

/** Saves the learner's review settings: one write; the latest settings win. */
export async function saveSettings(c: Context<AppEnv>, settings: ReviewSettings): Promise<void> {
  const learner = await ensureLearner(c);
  const now = Date.now();
  await reviewStore(c.env).append(learner, { type: 'settings', id: newAttemptId(now), at: now, settings });
}
