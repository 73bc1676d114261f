/**
 * Card ids: what a card asks is in its id, so a deck is a list of ids and nothing about a card needs storing
 * beyond its reviews. `w.{entry}.{r|p|g}` is a glossary word (recognition, production, gap); `q.{question}`
 * a missed built-in question (ids are unique across the course); `s.{set}.{question}` a missed question of
 * an instructor set.
 */
export type WordKind = 'recognition' | 'production' | 'gap';
export type CardRef =
  | { type: 'word'; entryId: string; kind: WordKind }
  | { type: 'question'; questionId: string }
  | { type: 'set'; setId: string; questionId: string };

const LETTER: Record<WordKind, string> = { recognition: 'r', production: 'p', gap: 'g' };
const KIND: Record<string, WordKind> = { r: 'recognition', p: 'production', g: 'gap' };
const PART = '[A-Za-z0-9][A-Za-z0-9_-]{0,63}';
const PATTERN = new RegExp(`^(?:w\\.(${PART})\\.([rpg])|q\\.(${PART})|s\\.(${PART})\\.(${PART}))$`);

/** The id of a card. */
export function cardId(ref: CardRef): string {
  switch (ref.type) {
    case 'word':
      return `w.${ref.entryId}.${LETTER[ref.kind]}`;
    case 'question':
      return `q.${ref.questionId}`;
    case 'set':
      return `s.${ref.setId}.${ref.questionId}`;
  }
}

/** Reads a card id; null for anything that is not one (a client error, never a crash). */
export function parseCardId(id: string): CardRef | null {
  const m = PATTERN.exec(id);
  if (!m) return null;
  if (m[1]) return { type: 'word', entryId: m[1], kind: KIND[m[2]!]! };
  if (m[3]) return { type: 'question', questionId: m[3] };
  return { type: 'set', setId: m[4]!, questionId: m[5]! };
}
