// Which card an id stands for, and what a deck source adds: built from the bundled content (no KV), except a
// missed question of an instructor set, which needs its published version (one cached read per set).
import type { AttemptSummary } from '../../core/progress/attempt-record.ts';
import { cardId, parseCardId } from '../../core/review/card-id.ts';
import type { DeckSource } from '../../core/review/deck.ts';
import { wordCard, wordCardIds, type BuiltCard, type ReviewTexts, type WordCardInput } from '../../core/review/word-cards.ts';
import type { Question } from '../../core/quiz/schema.ts';
import { content, contentLanguages, getEntry, getLesson, glossaryOf, sentenceById, sourceLanguage } from './content.ts';
import { tFor } from '../render/i18n.ts';
import { isSetId } from './sets.ts';
import { setStore } from '../stores/index.ts';

const texts: ReviewTexts = (lang, key, vars) => String(tFor(lang)(`review.card.${key}` as const, vars as { word: string }));
const wordInput: WordCardInput = {
  glossary: content.glossary,
  sentence: (id) => sentenceById.get(id)?.text[sourceLanguage],
  languages: contentLanguages,
  texts,
};
const questionById = new Map(
  Object.values(content.questions)
    .flat()
    .map((q) => [q.id, q]),
);

const built = new Map<string, BuiltCard | null>();
/** A card of the bundled content (words, built-in questions), built once per isolate; null if there is none. */
export function contentCard(id: string): BuiltCard | null {
  if (built.has(id)) return built.get(id)!;
  const ref = parseCardId(id);
  let card: BuiltCard | null = null;
  if (ref?.type === 'word') {
    const e = getEntry(ref.entryId);
    card = e ? wordCard(e, ref.kind, wordInput) : null;
  } else if (ref?.type === 'question') {
    const q = questionById.get(ref.questionId);
    card = q && q.type !== 'essay' ? { id, kind: 'question', question: q } : null;
  }
  built.set(id, card);
  return card;
}

/** Whether the card can still be asked: its word or question is in the course (a set's question: its set id is well formed). */
export function cardExists(id: string): boolean {
  // A content card met before answers without parsing its id again (every deck asks for each of its cards).
  const known = built.get(id);
  if (known) return true;
  const ref = parseCardId(id);
  if (ref?.type === 'set') return isSetId(ref.setId);
  return contentCard(id) !== null;
}

/** Any card, with the content languages it exists in; a set question reads its published set (cached per isolate). */
export async function resolveCard(env: Env, id: string): Promise<{ card: BuiltCard; languages: readonly string[] } | null> {
  const ref = parseCardId(id);
  if (ref?.type !== 'set') {
    const card = contentCard(id);
    return card ? { card, languages: contentLanguages } : null;
  }
  if (!isSetId(ref.setId)) return null;
  const set = await setStore(env).published(ref.setId);
  const q: Question | undefined = set?.set.questions.find((x) => x.id === ref.questionId);
  // Essays are never graded, so they never become cards.
  if (!set || !q || q.type === 'essay') return null;
  return { card: { id, kind: 'question', question: q }, languages: set.set.languages };
}

/** The card ids a source adds: every card of one glossary entry, or of every entry of a lesson. */
export function cardsOf(source: DeckSource): string[] {
  if ('glossary' in source) {
    const e = getEntry(source.glossary);
    return e ? wordCardIds(e) : [];
  }
  const lesson = getLesson(source.lesson);
  return lesson ? glossaryOf(lesson).flatMap(wordCardIds) : [];
}

/**
 * The card ids of one attempt's missed questions and when it was made. Remembered per summary object: the
 * progress store hands out the same frozen summary for an attempt it has decoded before.
 */
const cardsOfAttempt = new WeakMap<AttemptSummary, { at: number; ids: string[] }>();
function missedOf(s: AttemptSummary): { at: number; ids: string[] } {
  let m = cardsOfAttempt.get(s);
  if (!m) {
    const ids = s.missed.map((questionId) =>
      s.kind === 'set' ? cardId({ type: 'set', setId: s.quizId, questionId }) : cardId({ type: 'question', questionId }),
    );
    m = { at: Date.parse(s.createdAt), ids };
    cardsOfAttempt.set(s, m);
  }
  return m;
}

/**
 * Questions missed in attempts, as cards, each once with the time it was first missed (what the deck keeps):
 * derived from the attempt summaries, so a submit stays one write.
 */
export function missedCards(summaries: readonly AttemptSummary[]): Array<{ cardId: string; at: number }> {
  const first = new Map<string, number>();
  for (const s of summaries) {
    if (!s.missed.length) continue;
    const { at, ids } = missedOf(s);
    for (const id of ids) {
      const seen = first.get(id);
      if (seen === undefined || at < seen) first.set(id, at);
    }
  }
  return [...first].map(([id, at]) => ({ cardId: id, at }));
}
