import type { GlossaryEntry } from './schema.ts';

const ARTICLE: Record<string, string> = { m: 'der', f: 'die', n: 'das', pl: 'die' };

/**
 * The dictionary headword of a German entry: "die Vereinbarung, -en" for nouns (article and plural),
 * "ein|läuten" for separable verbs, the lemma otherwise.
 */
export function headword(e: Pick<GlossaryEntry, 'lemma' | 'pos' | 'gender' | 'plural' | 'separable'>): string {
  if (e.pos === 'noun' && e.gender) {
    const plural = e.plural && e.plural !== '—' && e.gender !== 'pl' ? `, ${e.plural}` : '';
    return `${ARTICLE[e.gender]} ${e.lemma}${plural}`;
  }
  return e.separable ?? e.lemma;
}
