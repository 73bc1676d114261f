/**
 * Folding of typed answers: white space, typographic quotes and dashes never make an answer wrong, and
 * ä/ae, ö/oe, ü/ue, ß/ss are equal. Matching (case, typos, endings) is in text-match.ts.
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

function tidy(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*([,;:.!?])\s*/g, '$1 ')
    .replace(/[\s.!?]+$/, '')
    .trim()
    .normalize('NFC'); // a combining mark after a replaced umlaut composes only now
}

/** Folds quotes, dashes and white space, but keeps umlauts and ß: tells "einlaeuten" from "einläuten". */
export function foldTypography(text: string): string {
  let s = text.normalize('NFC');
  for (const [re, to] of QUOTES) s = s.replace(re, to);
  return tidy(s);
}

/** Folds everything that never makes an answer wrong (typography and ä/ae, ö/oe, ü/ue, ß/ss); keeps case. */
export function fold(text: string): string {
  let s = text.normalize('NFC');
  for (const [re, to] of QUOTES) s = s.replace(re, to);
  for (const [re, to] of UMLAUTS) s = s.replace(re, to);
  return tidy(s);
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
