// The item-analysis figures of figures.ts, read off aggregates (aggregates.ts) instead of attempts: the same
// definitions (Moodle's), computed over histograms, so the cost is the number of distinct values (a few
// hundred rows for a quiz of 12 questions), whatever the number of attempts. The sorted pairing behind
// discriminative efficiency and the median are walks over sorted histograms.
import { byId, EPS, round4, type FigureOptions, type QuestionFigures, type QuizFigures } from './figures.ts';
import type { Aggregates } from './aggregates.ts';
import { tallyOrder, type Tally } from './tally.ts';

/** Values with how often each occurs, in ascending order of value. */
type Histogram = Array<{ v: number; n: number }>;

const count = (h: Histogram) => h.reduce((s, x) => s + x.n, 0);
const wMean = (h: Histogram, n: number) => h.reduce((s, x) => s + x.v * x.n, 0) / n;

/** Sample variance (n − 1) over a histogram; null below two values. */
function wVariance(h: Histogram, n: number): number | null {
  if (n < 2) return null;
  const m = wMean(h, n);
  return h.reduce((s, x) => s + x.n * (x.v - m) ** 2, 0) / (n - 1);
}

/** The histogram of values (summing counts of equal values), ascending. */
function histogram(rows: Iterable<[number, number]>): Histogram {
  const byValue = new Map<number, number>();
  for (const [v, n] of rows) byValue.set(v, (byValue.get(v) ?? 0) + n);
  return [...byValue].map(([v, n]) => ({ v, n })).sort((a, b) => a.v - b.v);
}

/** The middle value (or the mean of the two middle values) of a sorted histogram. */
function wMedian(h: Histogram, n: number): number | null {
  if (!n) return null;
  const at = (i: number) => {
    let seen = 0;
    for (const x of h) if ((seen += x.n) > i) return x.v;
    return h[h.length - 1]!.v;
  };
  const mid = n >> 1;
  return n % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
}

/** Σ (x(i) − mx)(y(i) − my) / (n − 1), pairing the i-th smallest x with the i-th smallest y (Moodle's covariancemax). */
function sortedCovariance(xs: Histogram, ys: Histogram, n: number): number {
  const mx = wMean(xs, n);
  const my = wMean(ys, n);
  let [i, j, s] = [0, 0, 0];
  let [ci, cj] = [xs[0]?.n ?? 0, ys[0]?.n ?? 0];
  while (i < xs.length && j < ys.length) {
    const take = Math.min(ci, cj);
    s += take * (xs[i]!.v - mx) * (ys[j]!.v - my);
    ci -= take;
    cj -= take;
    if (!ci && ++i < xs.length) ci = xs[i]!.n;
    if (!cj && ++j < ys.length) cj = ys[j]!.n;
  }
  return s / (n - 1);
}

/** One question's figures from its (mark, rest) pairs with counts. */
function questionOf(
  id: string,
  pairs: ReadonlyArray<[number, number, number]>,
  round: (x: number | null) => number | null,
): QuestionFigures {
  const marks = histogram(pairs.map(([m, , n]) => [m, n]));
  const n = count(marks);
  const base = { id, n, facility: n ? round(wMean(marks, n)) : null };
  if (n < 2) return { ...base, sd: null, discriminationIndex: null, discriminativeEfficiency: null };
  const rests = histogram(pairs.map(([, r, c]) => [r, c]));
  const varMark = wVariance(marks, n)!;
  const varRest = wVariance(rests, n)!;
  const [mm, mr] = [wMean(marks, n), wMean(rests, n)];
  const cov = pairs.reduce((s, [m, r, c]) => s + c * (m - mm) * (r - mr), 0) / (n - 1);
  const covMax = sortedCovariance(marks, rests, n);
  return {
    ...base,
    sd: round(Math.sqrt(varMark)),
    discriminationIndex: varMark * varRest > EPS ? round(cov / Math.sqrt(varMark * varRest)) : null,
    discriminativeEfficiency: Math.abs(covMax) > EPS ? round(cov / covMax) : null,
  };
}

/** k/(k−1)·(1 − Σ var(question)/var(total)) where every attempt had the same questions (see figures.ts). */
function alphaOf(agg: Aggregates, byQuestion: Map<string, Array<[number, number, number]>>, attempts: number): number | null {
  if (attempts < 2 || agg.forms.length !== 1 || !agg.forms[0]) return null;
  const ids = agg.forms[0].split('\u0000');
  if (ids.length < 2) return null;
  const varTotal = wVariance(histogram(agg.tests.map(([t, , n]) => [t, n])), attempts)!;
  if (varTotal < EPS) return null;
  const sumItem = ids.reduce((s, id) => s + wVariance(histogram((byQuestion.get(id) ?? []).map(([m, , n]) => [m, n])), attempts)!, 0);
  return (ids.length / (ids.length - 1)) * (1 - sumItem / varTotal);
}

/** Test figures and per-question figures of the attempts the aggregates describe; the same as `quizFigures` of them. */
export function figuresOfAggregates(agg: Aggregates, opts: FigureOptions = {}): QuizFigures {
  const round = opts.exact ? (x: number | null) => x : round4;
  const fractions = histogram(agg.tests.map(([total, k, n]) => [k ? total / k : 0, n]));
  const attempts = count(fractions);
  const byQuestion = new Map<string, Array<[number, number, number]>>();
  for (const [q, mark, rest, n] of agg.pairs) {
    let rows = byQuestion.get(q);
    if (!rows) byQuestion.set(q, (rows = []));
    rows.push([mark, rest, n]);
  }
  const asked = new Set(opts.questionIds ?? []);
  const order = [...asked, ...[...byQuestion.keys()].filter((id) => !asked.has(id)).sort(byId)];
  const varFraction = wVariance(fractions, attempts);
  return {
    attempts,
    test: {
      mean: attempts ? round(wMean(fractions, attempts)) : null,
      median: round(wMedian(fractions, attempts)),
      sd: varFraction === null ? null : round(Math.sqrt(varFraction)),
      cronbachAlpha: opts.randomDraw ? null : round(alphaOf(agg, byQuestion, attempts)),
    },
    questions: order.map((id) => questionOf(id, byQuestion.get(id) ?? [], round)),
  };
}

/** Each question's type: the one most of its answers have (ties: the first by name), essays included. */
export function typesOfAggregates(agg: Aggregates): Record<string, string> {
  const counts = new Map<string, [string, string, number]>();
  for (const [q, type, n] of agg.types) {
    const key = JSON.stringify([q, type]);
    counts.set(key, [q, type, (counts.get(key)?.[2] ?? 0) + n]);
  }
  const best = new Map<string, [string, number]>();
  for (const [q, type, n] of counts.values()) {
    const hit = best.get(q);
    if (!hit || n > hit[1] || (n === hit[1] && type < hit[0])) best.set(q, [type, n]);
  }
  return Object.fromEntries([...best].map(([q, [type]]) => [q, type]));
}

/** Each graded question's response counts (none: an empty list), most frequent first, as ResponseTally orders them. */
export function talliesOfAggregates(agg: Aggregates): Record<string, Tally[]> {
  const out = new Map<string, Map<string, Tally>>(agg.pairs.map(([q]) => [q, new Map()]));
  for (const [q, part, lang, value, count] of agg.tallies) {
    let list = out.get(q);
    if (!list) out.set(q, (list = new Map()));
    const key = JSON.stringify([part, lang, value]);
    const hit = list.get(key);
    if (hit) hit.count += count;
    else list.set(key, { ...(part ? { part } : {}), value, ...(lang ? { lang } : {}), count });
  }
  return Object.fromEntries([...out].map(([q, list]) => [q, [...list.values()].sort(tallyOrder)]));
}
