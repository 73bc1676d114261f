/**
 * Typed answers are compared the way a teacher would: white space, typographic quotes and dashes folded,
 * ä/ae, ö/oe, ü/ue, ß/ss equal, case only where the question says it matters, and (optionally) one typo
 * forgiven on words of five letters or more — reported, never silent.
 */

const QUOTES: Array<[RegExp, string]> = [
  [/[\u2018\u2019\u201A\u201B\u2032\u00B4\u0060]/g, "'"],
  [/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB\u2039\u203A]/g, '"'],
  [/[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g, '-'],
];
const UMLAUTS: Array<[RegExp, string]> = [
  [/ä/g, 'ae'],
  [/ö/g, 'oe'],
  [/ü/g, 'ue'],
  [/Ä/g, 'Ae'],
  [/Ö/g, 'Oe'],
  [/Ü/g, 'Ue'],
  [/ß/g, 'ss'],
  [/ẞ/g, 'SS'],
];

/** Folds everything that never makes an answer wrong; keeps case. */
export function fold(text: string): string {
  let s = text.normalize('NFC');
  for (const [re, to] of QUOTES) s = s.replace(re, to);
  for (const [re, to] of UMLAUTS) s = s.replace(re, to);
  return s
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*([,;:.!?])\s*/g, '$1 ')
    .replace(/[\s.!?]+$/, '')
    .trim()
    .normalize('NFC'); // a combining mark after a replaced umlaut composes only now
}

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent swaps), stopping early past `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
  }
  return d[a.length]![b.length]!;
}

export interface MatchOptions {
  caseSensitive: boolean;
  typoTolerance: boolean;
}

export type TextMatch =
  | { kind: 'exact' }
  /** Right but for one typo: accepted, and the learner is told the spelling. */
  | { kind: 'typo'; expected: string }
  /** Right but for capitalisation, where case matters: not accepted, and the learner is told why. */
  | { kind: 'case'; expected: string }
  | { kind: 'none' };

const MIN_TYPO_LENGTH = 5;

/** Compares a typed answer with one accepted answer. */
export function matchText(given: string, expected: string, opts: MatchOptions): TextMatch {
  const g = fold(given);
  const e = fold(expected);
  if (!g) return { kind: 'none' };
  const gl = g.toLowerCase();
  const el = e.toLowerCase();
  if (opts.caseSensitive ? g === e : gl === el) return { kind: 'exact' };
  // Where case matters, a capitalisation slip is wrong, and must not pass as a "typo".
  if (opts.caseSensitive && gl === el) return { kind: 'case', expected };
  if (opts.typoTolerance) {
    // Every word of five letters or more may carry one typo; shorter words must be exact.
    const gw = opts.caseSensitive ? g.split(' ') : gl.split(' ');
    const ew = opts.caseSensitive ? e.split(' ') : el.split(' ');
    if (gw.length === ew.length) {
      let typos = 0;
      const ok = ew.every((w, i) => {
        if (w === gw[i]) return true;
        if (w.length < MIN_TYPO_LENGTH || editDistance(w, gw[i]!, 1) > 1) return false;
        typos++;
        return true;
      });
      if (ok && typos === 1) return { kind: 'typo', expected };
    }
  }
  return { kind: 'none' };
}

/** The best of several weighted accepted answers: the highest credit, then exact before typo before case. */
export function bestMatch<T extends { text: string; weight: number }>(given: string, accepted: readonly T[], opts: MatchOptions) {
  const rank = { exact: 3, typo: 2, case: 1, none: 0 } as const;
  let best: { answer: T; match: TextMatch; credit: number } | undefined;
  for (const answer of accepted) {
    const match = matchText(given, answer.text, opts);
    if (match.kind === 'none') continue;
    const credit = match.kind === 'exact' || match.kind === 'typo' ? answer.weight : 0;
    if (!best || credit > best.credit || (credit === best.credit && rank[match.kind] > rank[best.match.kind]))
      best = { answer, match, credit };
  }
  return best;
}
