import type { GlossaryEntry } from '../content/schema.ts';

/** The locale key (review.card.*) of a production card's prompt, one per form of answer it asks for. */
export type ProductionPromptKey =
  | 'productionNoun'
  | 'productionPlural'
  | 'productionVerb'
  | 'productionSeparable'
  | 'productionAdjective'
  | 'productionAdverb'
  | 'productionPreposition'
  | 'productionConjunction'
  | 'productionPhrase';

type Pos = GlossaryEntry['pos'];

/** Every part of speech has its prompt, so a new one is a compile error here until it says what to write. */
const BY_POS = {
  noun: 'productionNoun',
  verb: 'productionVerb',
  adjective: 'productionAdjective',
  adverb: 'productionAdverb',
  preposition: 'productionPreposition',
  conjunction: 'productionConjunction',
  phrase: 'productionPhrase',
} as const satisfies { [P in Pos]: ProductionPromptKey };

/**
 * Which prompt a production card shows: what form the answer takes for the entry's part of speech (only a
 * singular noun with its article; a plural-only noun without; a verb's infinitive, a separable one with its
 * prefix; an adjective's base form; a phrase as it stands), so the hint never asks an adjective for an article.
 */
export function productionPromptKey(e: Pick<GlossaryEntry, 'pos' | 'gender' | 'separable'>): ProductionPromptKey {
  if (e.pos === 'noun' && e.gender === 'pl') return 'productionPlural';
  if (e.pos === 'verb' && e.separable) return 'productionSeparable';
  return BY_POS[e.pos];
}
