import { withoutArticle } from './articles.ts';
import { assertNever } from './kinds/assert-never.ts';
import type { Grading } from './grading.ts';
import { endingSlip } from './endings.ts';
import { lexiconKey } from './lexicon.ts';
import { prefixSwap } from './prefixes.ts';
import { editDistance, fold, foldTypography } from './normalize.ts';

/**
 * The one text matcher for every typed answer (short answers and cloze gaps, built-in and instructor
 * questions alike). The rules, in the order they are tried for each word:
 * 1. equal after folding: exact, or `spelling` when only ä/ae, ö/oe, ü/ue, ß/ss differ (accepted, noted);
 * 2. a capitalisation slip where case counts: `case`, scores 0;
 * 3. the same word with another inflectional ending (endings.ts): `ending`, never a typo;
 * 4. another word: the key's word with another prefix (versehen for vorsehen, prefixes.ts), or a word of
 *    the course (the lexicon) close to the key: `otherWord`, never a typo, scores 0;
 * 5. one edit on a word of five letters or more, once per answer, where typos are tolerated: `typo`.
 * Before these, a capital on the answer's first letter where the key has a small one is dropped (a phone or a
 * sentence start puts it there: "Vorsehen", "Die Unterzeichnung"); a small letter where the key has a capital
 * stays a case slip (the noun's capital is the point: "exporteur"). Where nothing matches, a meaning question
 * also tries the answer without a leading article (articles.ts: "die Abhängigkeit" for "Abhängigkeit").
 */

export interface MatchOptions {
  caseSensitive: boolean;
  typoTolerance: boolean;
  /** A form question: an ending slip scores 0 instead of ENDING_CREDIT. */
  form?: boolean;
  /** The quiz language, for its list of endings (endings.ts); without it no ending rule applies. */
  lang?: string;
  /** Lexicon keys (buildLexicon) of every word of the course. */
  lexicon?: ReadonlySet<string> | undefined;
  /** The set's instructor chose Moodle's rule (moodle-match.ts): none of the rules above, only its wildcards. */
  moodle?: boolean;
}

export type TextMatch =
  | { kind: 'exact' }
  /** Equal but for ä/ae, ö/oe, ü/ue, ß/ss: accepted, and the learner is told the spelling ("written einläuten"). */
  | { kind: 'spelling'; expected: string }
  /** Right but for one typo: accepted, and the learner is told the spelling. */
  | { kind: 'typo'; expected: string }
  /** Right but for capitalisation, where case matters: not accepted, and the learner is told why. */
  | { kind: 'case'; expected: string }
  /** The right word with the wrong inflectional ending; `ending` is the expected one ("" for none). */
  | { kind: 'ending'; expected: string; ending: string; word: string }
  /** Another word of the course typed for the key's word ("versehen" for "vorsehen"). */
  | { kind: 'otherWord'; expected: string; word: string }
  | { kind: 'none' };

export type MatchKind = TextMatch['kind'];

/**
 * Credit for the right word with the wrong ending in a meaning question: the meaning is understood, the form
 * is not, so half. Used for every typed answer and gap; a form question gives 0.
 */
export const ENDING_CREDIT = 0.5;

const MIN_TYPO_LENGTH = 5;
/** How far a course word may be from the key's word to be named as the word typed instead of it. */
const OTHER_WORD_DISTANCE = 2;

/** The share of an accepted answer's weight that a match earns. */
export function matchCredit(match: TextMatch, opts: Pick<MatchOptions, 'form'>): number {
  switch (match.kind) {
    case 'exact':
    case 'spelling':
    case 'typo':
      return 1;
    case 'ending':
      return opts.form ? 0 : ENDING_CREDIT;
    case 'case':
    case 'otherWord':
    case 'none':
      return 0;
    default:
      return assertNever(match, 'text match');
  }
}

/**
 * The text rules of a question: a form question never tolerates typos and always counts case. Under Moodle's
 * rule (a set's `grading`) only the question's own case flag counts.
 */
export function textRules(
  q: { caseSensitive: boolean; typoTolerance: boolean; tests?: 'meaning' | 'form' | undefined },
  lang: string,
  lexicon?: ReadonlySet<string>,
  grading?: Grading,
): MatchOptions {
  if (grading === 'moodle') return { caseSensitive: q.caseSensitive, typoTolerance: false, lang, moodle: true };
  const form = q.tests === 'form';
  return { caseSensitive: form || q.caseSensitive, typoTolerance: !form && q.typoTolerance, form, lang, lexicon };
}

/**
 * The typed text with its first letter made small where the key's first letter is that small letter: a capital
 * there is sentence case, never a case error. The other way round (exporteur for Exporteur) is left alone.
 */
export function sentenceCase(given: string, expected: string): string {
  const k = expected[0];
  if (k === undefined || k === k.toUpperCase() || given[0] === k || given[0] !== k.toUpperCase()) return given;
  return k + given.slice(1);
}

/** Compares a typed answer with one accepted answer. */
export function matchText(given: string, expected: string, opts: MatchOptions): TextMatch {
  const match = matchAnswer(given, expected, opts);
  if (match.kind !== 'none' || opts.form) return match;
  const noun = withoutArticle(given, expected, opts.lang);
  return noun === undefined ? match : matchAnswer(noun, expected, opts);
}

function matchAnswer(given: string, expected: string, opts: MatchOptions): TextMatch {
  const e = fold(expected);
  const g = sentenceCase(fold(given), e);
  if (!g) return { kind: 'none' };
  const cased = (s: string) => (opts.caseSensitive ? s : s.toLowerCase());
  if (cased(g) === cased(e)) {
    const te = foldTypography(expected);
    return cased(sentenceCase(foldTypography(given), te)) === cased(te) ? { kind: 'exact' } : { kind: 'spelling', expected };
  }
  // Where case matters, a capitalisation slip is wrong, and must not pass as a "typo".
  if (opts.caseSensitive && g.toLowerCase() === e.toLowerCase()) return { kind: 'case', expected };

  const gw = cased(g).split(' ');
  const ew = cased(e).split(' ');
  if (gw.length !== ew.length) return { kind: 'none' };
  let typos = 0;
  let ending: { ending: string; word: string } | undefined;
  let other: string | undefined;
  let caseSlip = false;
  const typedWords = foldTypography(given).split(' ');
  for (let i = 0; i < ew.length; i++) {
    const w = ew[i]!;
    const x = gw[i]!;
    if (w === x) continue;
    if (opts.caseSensitive && w.toLowerCase() === x.toLowerCase()) {
      caseSlip = true;
      continue;
    }
    const slip = opts.lang ? endingSlip(x, w, opts.lang) : undefined;
    if (slip) {
      ending ??= { ending: slip.expected, word: typedWords[i] ?? x };
      continue;
    }
    if (opts.lang && prefixSwap(x.toLowerCase(), w.toLowerCase(), opts.lang)) {
      other ??= typedWords[i] ?? x;
      continue;
    }
    if (opts.lexicon?.has(lexiconKey(x)) && w.length >= MIN_TYPO_LENGTH && editDistance(w, x, OTHER_WORD_DISTANCE) <= OTHER_WORD_DISTANCE) {
      other ??= typedWords[i] ?? x;
      continue;
    }
    if (opts.typoTolerance && w.length >= MIN_TYPO_LENGTH && editDistance(w, x, 1) <= 1) {
      typos++;
      continue;
    }
    return { kind: 'none' };
  }
  if (other !== undefined) return { kind: 'otherWord', expected, word: other };
  if (typos > 1) return { kind: 'none' };
  if (caseSlip) return { kind: 'case', expected };
  if (ending) return { kind: 'ending', expected, ...ending };
  return typos === 1 ? { kind: 'typo', expected } : { kind: 'none' };
}

const RANK: Record<MatchKind, number> = { exact: 6, spelling: 5, typo: 4, ending: 3, otherWord: 2, case: 1, none: 0 };

/**
 * How closely the learner wrote this very answer: 2 letter for letter (after folding, and in lower case where
 * case does not count); 1 with only a forgiven difference (ae/oe/ue/ss, a sentence-case capital, an article
 * before the noun); 0 for a near miss of it.
 */
function written(given: string, expected: string, m: TextMatch, opts: MatchOptions): number {
  if (m.kind !== 'exact' && m.kind !== 'spelling') return 0;
  const cased = (s: string) => (opts.caseSensitive ? fold(s) : fold(s).toLowerCase());
  return cased(given) === cased(expected) ? 2 : 1;
}

/**
 * The best of several weighted accepted answers. An answer the learner wrote as it stands wins over a near
 * miss of another (a teacher grades what was written: "rare earth" listed at 50 % is not a typo of "rare
 * earths" at 100 %), and one written letter for letter wins over one matched with a forgiven capital or
 * article (an author who lists "Deutsch" at 0 % for "deutsch" grades that capital); then the highest credit;
 * then exact before spelling, typo, ending, other word, case.
 */
export function bestMatch<T extends { text: string; weight: number }>(given: string, accepted: readonly T[], opts: MatchOptions) {
  let best: { answer: T; match: TextMatch; credit: number; written: number } | undefined;
  for (const answer of accepted) {
    const match = matchText(given, answer.text, opts);
    if (match.kind === 'none') continue;
    const credit = answer.weight * matchCredit(match, opts);
    const w = written(given, answer.text, match, opts);
    const better =
      !best ||
      w > best.written ||
      (w === best.written && (credit > best.credit || (credit === best.credit && RANK[match.kind] > RANK[best.match.kind])));
    if (better) best = { answer, match, credit, written: w };
  }
  return best;
}
