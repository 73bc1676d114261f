import type { DictationWord, WordStatus } from './feedback.ts';
import type { Grading } from './grading.ts';
import { moodleMatches } from './moodle-match.ts';
import { editDistance, fold } from './normalize.ts';
import { matchCredit, matchText, sentenceCase, type TextMatch } from './text-match.ts';

/**
 * Word-by-word grading of a dictation (docs/decisions/0013-dictation.md). Both texts are cut into words
 * (punctuation dropped), aligned by a Needleman–Wunsch alignment that maximises the credit earned, and each
 * word is classed: right, misspelt, wrong ending, missing or extra. How two words compare is the course's one
 * matcher (text-match.ts, endings.ts); this file only aligns and classes.
 */

export type { DictationWord, WordStatus } from './feedback.ts';

export interface DictationRules {
  /** The set's rule: under `moodle` only a word written exactly earns credit. */
  grading?: Grading | undefined;
  /** Whether a one-letter typo on a long word still earns credit (the matcher's rule). */
  typoTolerance: boolean;
  /** A form question: a wrong ending earns nothing. */
  form: boolean;
  lexicon?: ReadonlySet<string> | undefined;
}

export interface Alignment {
  words: DictationWord[];
  /** Credit earned over the longer of the two word lists, 0..1: a perfect copy scores 1, extra words cost. */
  score: number;
}

/** The dictated text is German whatever the quiz language (the course teaches German). */
const LANG = 'de';

/** The words of a text: letters with their marks and digits, joined by inner hyphens or apostrophes. */
export function dictationWords(text: string): string[] {
  return [...text.normalize('NFC').matchAll(/[\p{L}\p{M}\p{N}]+(?:[-\u2010\u2011'\u2019][\p{L}\p{M}\p{N}]+)*/gu)].map((m) => m[0]);
}

type Pair = Required<Pick<DictationWord, 'status' | 'match' | 'credit'>> & { ending?: string };

const lower = (w: string) => fold(w).toLowerCase();

/** Whether two words are close enough to be one word written wrong rather than one missing and one extra. */
function near(g: string, e: string): boolean {
  const limit = Math.min(g.length, e.length) >= 5 ? 2 : 1;
  return editDistance(g, e, limit) <= limit;
}

/**
 * How a written word compares with a word of the text; undefined when they are different words. The text's
 * first word may be written in either case, and the learner's first word may start with a capital (sentence
 * case, docs/decisions/0010); anywhere else a capital counts, a noun's above all.
 */
function compare(
  given: string,
  expected: string,
  at: { textStart: boolean; writtenStart: boolean },
  rules: DictationRules,
): Pair | undefined {
  const g = lower(given);
  const e = lower(expected);
  const similar = g === e || near(g, e) || (g.slice(0, 3) === e.slice(0, 3) && g.length >= 3);
  if (!similar) return undefined;
  const opts = { caseSensitive: !at.textStart, typoTolerance: true, form: rules.form, lang: LANG, lexicon: rules.lexicon };
  // The matcher forgives a capital on a first letter (its answers are one word or phrase); inside a written
  // sentence that capital ("Die" for "die") is a capital in the wrong place.
  const misCapital = !at.textStart && !at.writtenStart && g === e && fold(given) !== fold(expected);
  const match: TextMatch = misCapital ? { kind: 'case', expected } : matchText(given, expected, opts);
  if (match.kind === 'none' && !near(g, e)) return undefined;
  const credit =
    rules.grading === 'moodle'
      ? Number(moodleMatches(at.writtenStart ? sentenceCase(given, expected) : given, expected, !at.textStart))
      : match.kind === 'typo' && !rules.typoTolerance
        ? 0
        : matchCredit(match, opts);
  const status: WordStatus =
    match.kind === 'ending' ? 'ending' : (match.kind === 'exact' || match.kind === 'spelling') && credit > 0 ? 'right' : 'misspelt';
  return { status, match: match.kind, credit, ...(match.kind === 'ending' ? { ending: match.ending } : {}) };
}

/**
 * Aligns what the learner wrote with the dictated text and classes every word.
 * @example alignDictation('Die Vereinbarung sieht vor.', 'die Vereinbarung siht', rules).score // ≈ 0.67 (a typo earns its word; "vor" is missing)
 */
export function alignDictation(text: string, written: string, rules: DictationRules): Alignment {
  const E = dictationWords(text);
  const G = dictationWords(written);
  const n = E.length;
  const m = G.length;
  // Value of a pair: credit first (in halves, scaled so no number of pairs outweighs half a credit), then
  // one point per pair, so a word written wrong is shown against its word rather than as missing plus extra.
  const scale = n + m + 2;
  const pairs: (Pair | undefined)[][] = E.map((e, i) =>
    G.map((g, j) => compare(g, e, { textStart: i === 0, writtenStart: j === 0 }, rules)),
  );
  const value = (p: Pair) => Math.round(p.credit * 2) * scale + 1;
  const best: number[][] = Array.from({ length: n + 1 }, () => Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) {
      const p = pairs[i]![j];
      best[i]![j] = Math.max(best[i + 1]![j]!, best[i]![j + 1]!, p ? value(p) + best[i + 1]![j + 1]! : -1);
    }
  const words: DictationWord[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    const p = i < n && j < m ? pairs[i]![j] : undefined;
    if (p && best[i]![j] === value(p) + best[i + 1]![j + 1]!) words.push({ ...p, expected: E[i++]!, given: G[j++]! });
    else if (i < n && (j === m || best[i]![j] === best[i + 1]![j])) words.push({ status: 'missing', expected: E[i++]!, credit: 0 });
    else words.push({ status: 'extra', given: G[j++]!, credit: 0 });
  }
  const earned = words.reduce((sum, w) => sum + w.credit, 0);
  return { words, score: n === 0 ? 0 : earned / Math.max(n, m) };
}
