import { fold } from './normalize.ts';

/**
 * Verb and noun prefixes: "versehen" for "vorsehen" is another word (ver- instead of vor-), never a typo,
 * even when the course's lexicon does not hold it. Data per language, folded as answers are (über → ueber).
 */
const PREFIXES: Readonly<Record<string, readonly string[]>> = {
  de: [
    'ab',
    'an',
    'auf',
    'aus',
    'be',
    'bei',
    'dar',
    'ein',
    'ent',
    'er',
    'ge',
    'her',
    'hin',
    'miss',
    'mit',
    'nach',
    'über',
    'um',
    'unter',
    'ver',
    'vor',
    'weg',
    'zer',
    'zu',
    'zurück',
  ].map((p) => fold(p)),
};

/** The rest of a word after a prefix must be this long to be a word of its own (sehen, stehen). */
const MIN_REST = 4;

/**
 * If `given` is `expected` with another prefix (versehen for vorsehen), the two prefixes; else undefined.
 * Both words folded the same way (fold, lower case).
 */
export function prefixSwap(given: string, expected: string, lang: string): { expected: string; given: string } | undefined {
  const prefixes = PREFIXES[lang];
  if (!prefixes) return undefined;
  for (const pe of prefixes) {
    if (!expected.startsWith(pe)) continue;
    const rest = expected.slice(pe.length);
    if (rest.length < MIN_REST) continue;
    const pg = prefixes.find((p) => p !== pe && given === p + rest);
    if (pg) return { expected: pe, given: pg };
  }
  return undefined;
}
