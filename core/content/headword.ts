import type { GlossaryEntry } from './schema.ts';

const ARTICLE: Record<string, string> = { m: 'der', f: 'die', n: 'das', pl: 'die' };

/**
 * After "die" in the plural an adjective takes the weak ending -en: "seltene Erden" → "die seltenen Erden".
 * Only the words before the noun (the last word) change.
 */
function weakPlural(lemma: string): string {
  const words = lemma.split(' ');
  return words.map((w, i) => (i < words.length - 1 && /\p{Ll}e$/u.test(w) ? `${w}n` : w)).join(' ');
}

/**
 * The dictionary headword of a German entry: "die Vereinbarung, die Vereinbarungen" for nouns (article and
 * the plural spelled out), "die seltenen Erden" for plural-only nouns, "ein|läuten" for separable verbs,
 * the lemma otherwise.
 */
export function headword(e: Pick<GlossaryEntry, 'lemma' | 'pos' | 'gender' | 'plural' | 'separable'>): string {
  if (e.pos === 'noun' && e.gender === 'pl') return `die ${weakPlural(e.lemma)}`;
  if (e.pos === 'noun' && e.gender) return `${ARTICLE[e.gender]} ${e.lemma}${e.plural ? `, die ${e.plural}` : ''}`;
  return e.separable ?? e.lemma;
}
