/**
 * Inflectional endings: a typed word that differs from the key only in its ending is the right word in the
 * wrong form (kritische for kritischen), never a typo. Endings are data per language; a language without a
 * list (English today) keeps the plain typo rule.
 */

/** German adjective, noun and verb endings (declension and conjugation), longest first where it matters. */
const ENDINGS: Readonly<Record<string, readonly string[]>> = {
  de: ['test', 'tet', 'ten', 'ern', 'ens', 'est', 'te', 'em', 'en', 'er', 'es', 'et', 'st', 'e', 'n', 's', 't', ''],
};

/** A stem shorter than this is too short to call two words "the same word" (der/den, ein/eine stay distinct). */
const MIN_STEM = 3;

export interface EndingSlip {
  /** The ending the key has ("" for none). */
  expected: string;
  /** The ending that was typed ("" for none). */
  given: string;
}

/**
 * If `given` is `expected` with another inflectional ending, names both endings; else undefined.
 * Both words must already be folded the same way (fold, and lower case where case does not count).
 * The longest ending of the key wins, so kritische for kritischen reports "-en" (not "-n").
 * @example endingSlip('kritische', 'kritischen', 'de') // { expected: 'en', given: 'e' }
 */
export function endingSlip(given: string, expected: string, lang: string): EndingSlip | undefined {
  const endings = ENDINGS[lang];
  if (!endings || given === expected) return undefined;
  for (const end of endings) {
    if (!expected.endsWith(end)) continue;
    const stem = expected.slice(0, expected.length - end.length);
    if (stem.length < MIN_STEM || !given.startsWith(stem)) continue;
    const rest = given.slice(stem.length);
    // A doubled last letter (Produzentt) is a slip of the keyboard, not an ending.
    if (end === '' && rest.length === 1 && rest === stem.at(-1)) continue;
    if (rest !== end && endings.includes(rest)) return { expected: end, given: rest };
  }
  return undefined;
}
