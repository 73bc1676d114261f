import { fold } from './normalize.ts';

/** The form in which words are kept in a lexicon and looked up: folded and lower case. */
export const lexiconKey = (word: string) => fold(word).toLowerCase();

/**
 * Every word form in the given texts (article sentences, glossary lemmas and forms), as lexicon keys.
 * Pure data in, data out: the worker builds it once from the course and passes it to grade/gradeAttempt,
 * so that "versehen" typed for "vorsehen" is named as another word of the course, never taken for a typo.
 * Separable-verb marks ("ein|läuten") are dropped; hyphenated compounds count whole and by their parts.
 */
export function buildLexicon(texts: readonly string[]): ReadonlySet<string> {
  const words = new Set<string>();
  for (const text of texts)
    for (const [token] of text.replace(/\|/g, '').matchAll(/[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*/gu)) {
      words.add(lexiconKey(token));
      if (token.includes('-')) for (const part of token.split('-')) words.add(lexiconKey(part));
    }
  return words;
}
