/**
 * Inflectional endings: a typed word that differs from the key only in its ending is the right word in the
 * wrong form (kritische for kritischen, Abhängigkeite for Abhängigkeit), never a typo. Endings are data per
 * language; a language without a list (English today) keeps the plain typo rule.
 */

/** German adjective, noun and verb endings (declension and conjugation); "" is no ending. */
const ENDINGS: Readonly<Record<string, ReadonlySet<string>>> = {
  de: new Set(['test', 'tet', 'ten', 'ern', 'ens', 'est', 'te', 'em', 'en', 'er', 'es', 'et', 'st', 'e', 'n', 's', 't', '']),
};

/**
 * Word-forming suffixes whose letters are the stem's, never an ending: the -t of -keit is no "-t" ending,
 * so Abhängigkei for Abhängigkeit is a typo, not the wrong ending. Folded as answers are (-tät → -taet).
 */
const SUFFIXES: Readonly<Record<string, readonly string[]>> = {
  de: ['ung', 'heit', 'keit', 'schaft', 'taet', 'ion', 'nis', 'ismus'],
};

/** A stem shorter than this is too short to call two words "the same word" (der/den, ein/eine stay distinct). */
const MIN_STEM = 3;

export interface EndingSlip {
  /** The ending the key has ("" for none). */
  expected: string;
  /** The ending that was typed ("" for none). */
  given: string;
}

/** Length of the longest common prefix of two words. */
function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * If `given` is `expected`'s stem with another inflectional ending (or with one added or dropped), names both
 * endings; else undefined. Both words must already be folded the same way (fold, and lower case where case
 * does not count).
 *
 * The stem is the longest common stem of the two words, and the rest of each must be an ending of the
 * language. One step back is allowed over an "e" only: the e of -e/-en/-em/-er/-es/-et is the ending's own
 * vowel, so kritische for kritischen is "-en" against "-e" (kritisch|en), while Abhängigkeite for
 * Abhängigkeit keeps its t in the stem and reports "no ending" against an added "-e".
 * @example endingSlip('kritische', 'kritischen', 'de') // { expected: 'en', given: 'e' }
 * @example endingSlip('abhaengigkeite', 'abhaengigkeit', 'de') // { expected: '', given: 'e' }
 */
export function endingSlip(given: string, expected: string, lang: string): EndingSlip | undefined {
  const endings = ENDINGS[lang];
  if (!endings || given === expected) return undefined;
  const common = commonPrefix(given, expected);
  // The e-split first (it names the whole ending), then the split at the longest common stem.
  const splits = expected[common - 1] === 'e' ? [common - 1, common] : [common];
  for (const at of splits) {
    if (at < MIN_STEM) continue;
    const slip = { expected: expected.slice(at), given: given.slice(at) };
    if (!endings.has(slip.expected) || !endings.has(slip.given)) continue;
    // A doubled last letter (Produzentt) is a slip of the keyboard, not an ending.
    if (slip.expected === '' && slip.given === expected.at(-1)) continue;
    if (cutsSuffix(expected, at, lang)) continue;
    return slip;
  }
  return undefined;
}

/** Whether a stem/ending split at `at` falls inside a word-forming suffix that ends the expected word. */
function cutsSuffix(expected: string, at: number, lang: string): boolean {
  return (SUFFIXES[lang] ?? []).some((s) => expected.endsWith(s) && at > expected.length - s.length && at < expected.length);
}
