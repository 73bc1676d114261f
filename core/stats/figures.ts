// Moodle's quiz statistics (question/classes/statistics/questions/calculator.php and the quiz report's
// calculator), on scores given as fractions of each question's maximum, from a list of attempts. This is the
// reference definition: ledgers report from aggregates (aggregate-figures.ts, docs/decisions/0014), and the
// property test holds those figures equal to these on the same attempts.

/** One attempt as the statistics see it: the score (0..1 of its maximum) of each graded question it had. */
export interface ScoredAttempt {
  scores: Readonly<Record<string, number>>;
}

export interface TestFigures {
  mean: number | null;
  median: number | null;
  sd: number | null;
  cronbachAlpha: number | null;
}

export interface QuestionFigures {
  id: string;
  /** Attempts that had this question. */
  n: number;
  facility: number | null;
  sd: number | null;
  discriminationIndex: number | null;
  discriminativeEfficiency: number | null;
}

export interface QuizFigures {
  attempts: number;
  test: TestFigures;
  questions: QuestionFigures[];
}

export interface FigureOptions {
  /** The quiz draws its questions per attempt (the final test): Cronbach's alpha does not apply. */
  randomDraw?: boolean;
  /** Questions to report, in this order (also those no attempt had), then every other question seen, by id. */
  questionIds?: readonly string[];
  /** Unrounded figures (the property tests compare these); by default fractions rounded to 4 places. */
  exact?: boolean;
}

/**
 * Figures are fractions rounded to 4 places, as the API reports them. The value is first cut to 9 decimals, so
 * two computations that differ only by floating-point noise (sums in another order) round alike, also at .5,
 * and a noise below zero rounds to 0, not -0.
 */
export const round4 = (x: number | null) => (x === null ? null : Math.round(Number(x.toFixed(9)) * 10000) / 10000 || 0);
const keep = (x: number | null) => x;
/** Variances below this are zero: sums of fractions carry rounding noise, and a zero divisor means "no data". */
export const EPS = 1e-12;
/** Questions no list names are reported in id order (the same in every shard and every merge). */
export const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** Sample variance (n − 1); null below two values. */
function variance(xs: readonly number[]): number | null {
  if (xs.length < 2) return null;
  const m = mean(xs);
  return xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
}

function median(xs: readonly number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Sample covariance of two equally long lists (n − 1). */
function covariance(xs: readonly number[], ys: readonly number[]): number {
  const mx = mean(xs);
  const my = mean(ys);
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += (xs[i]! - mx) * (ys[i]! - my);
  return sum / (xs.length - 1);
}

/** One question's figures from its marks and the rest of each attempt's total (total minus this question). */
export function questionFigures(id: string, marks: readonly number[], rests: readonly number[], round = round4): QuestionFigures {
  const n = marks.length;
  const base = { id, n, facility: n ? round(mean(marks)) : null };
  if (n < 2) return { ...base, sd: null, discriminationIndex: null, discriminativeEfficiency: null };
  const varMark = variance(marks)!;
  const varRest = variance(rests)!;
  const cov = covariance(marks, rests);
  // Moodle's covariancemax: the covariance the question would have if its marks ranked exactly as the rests.
  const covMax = covariance(
    [...marks].sort((a, b) => a - b),
    [...rests].sort((a, b) => a - b),
  );
  return {
    ...base,
    sd: round(Math.sqrt(varMark)),
    discriminationIndex: varMark * varRest > EPS ? round(cov / Math.sqrt(varMark * varRest)) : null,
    discriminativeEfficiency: Math.abs(covMax) > EPS ? round(cov / covMax) : null,
  };
}

/** Test figures and per-question figures of a set of attempts (see the module comment for the definitions). */
export function quizFigures(attempts: readonly ScoredAttempt[], opts: FigureOptions = {}): QuizFigures {
  const round = opts.exact ? keep : round4;
  const totals = attempts.map((a) => Object.values(a.scores).reduce((s, x) => s + x, 0));
  const fractions = attempts.map((a, i) => {
    const k = Object.keys(a.scores).length;
    return k ? totals[i]! / k : 0;
  });

  // The questions asked for first, then any other question seen, by id.
  const marks = new Map<string, number[]>((opts.questionIds ?? []).map((id) => [id, []]));
  const rests = new Map<string, number[]>((opts.questionIds ?? []).map((id) => [id, []]));
  attempts.forEach((a, i) => {
    for (const [id, score] of Object.entries(a.scores)) {
      if (!marks.has(id)) {
        marks.set(id, []);
        rests.set(id, []);
      }
      marks.get(id)!.push(score);
      rests.get(id)!.push(totals[i]! - score);
    }
  });
  const asked = new Set(opts.questionIds ?? []);
  const order = [...asked, ...[...marks.keys()].filter((id) => !asked.has(id)).sort(byId)];
  const questions = order.map((id) => questionFigures(id, marks.get(id) ?? [], rests.get(id) ?? [], round));

  const varFraction = variance(fractions);
  return {
    attempts: attempts.length,
    test: {
      mean: fractions.length ? round(mean(fractions)) : null,
      median: round(median(fractions)),
      sd: varFraction === null ? null : round(Math.sqrt(varFraction)),
      cronbachAlpha: opts.randomDraw ? null : round(cronbachAlpha(attempts, totals)),
    },
    questions,
  };
}

/**
 * k/(k−1)·(1 − Σ var(question)/var(total)), sample variances. Only where every attempt had the same
 * questions (else the item variances and the total variance describe different tests): null otherwise,
 * and null for fewer than two attempts or questions, or no variance in the totals.
 */
export function cronbachAlpha(attempts: readonly ScoredAttempt[], totals: readonly number[]): number | null {
  if (attempts.length < 2) return null;
  const ids = Object.keys(attempts[0]!.scores).sort();
  const k = ids.length;
  if (k < 2) return null;
  const same = attempts.every((a) => {
    const own = Object.keys(a.scores);
    return own.length === k && ids.every((id) => id in a.scores);
  });
  if (!same) return null;
  const varTotal = variance(totals)!;
  if (varTotal < EPS) return null;
  const sumItem = ids.reduce((s, id) => s + variance(attempts.map((a) => a.scores[id]!))!, 0);
  return (k / (k - 1)) * (1 - sumItem / varTotal);
}
