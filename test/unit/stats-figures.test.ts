import { describe, expect, it } from 'vitest';
import { cronbachAlpha, quizFigures, type ScoredAttempt } from '../../core/stats/figures.ts';

const attempt = (...s: number[]): ScoredAttempt => ({ scores: Object.fromEntries(s.map((x, i) => [`q${i + 1}`, x])) });

// Five attempts of four questions, worked by hand (totals 3, 3, 3.5, 2, 2; sample variances use n − 1):
// q1 separates well, q2 is answered right by the weaker learners (negative), q3 everyone got right,
// q4 is partial credit that does not relate to the rest at all (covariance 0).
const attempts = [attempt(1, 0, 1, 1), attempt(1, 0, 1, 1), attempt(1, 1, 1, 0.5), attempt(0, 1, 1, 0), attempt(0, 1, 1, 0)];

describe('quiz statistics as Moodle computes them', () => {
  const figures = quizFigures(attempts);
  const q = (id: string) => figures.questions.find((x) => x.id === id)!;

  it('gives facility and sample SD per question', () => {
    expect(q('q1')).toMatchObject({ n: 5, facility: 0.6, sd: 0.5477 }); // var = 1.2 / 4 = 0.3
    expect(q('q4')).toMatchObject({ facility: 0.5, sd: 0.5 });
  });

  it('correlates each question with the rest of the attempt (discrimination index)', () => {
    // q1: cov(m, rest) = 0.2 / 4 = 0.05; var(rest) = 0.2 / 4 = 0.05 → 0.05 / √(0.3 · 0.05) = 0.4082
    expect(q('q1').discriminationIndex).toBe(0.4082);
    // q2: cov = −1.8 / 4 = −0.45; var(rest) = 4.2 / 4 = 1.05 → −0.45 / √(0.3 · 1.05) = −0.8018
    expect(q('q2').discriminationIndex).toBe(-0.8018);
    expect(q('q4').discriminationIndex).toBe(0);
  });

  it('divides by the covariance of the sorted marks and rests (discriminative efficiency)', () => {
    expect(q('q1').discriminativeEfficiency).toBe(1); // marks already rank as the rests: cov = covmax = 0.05
    expect(q('q2').discriminativeEfficiency).toBe(-0.8182); // covmax = 2.2 / 4 = 0.55 → −0.45 / 0.55
  });

  it('has no discrimination or efficiency for a question everyone got right (zero variance)', () => {
    expect(q('q3')).toEqual({ id: 'q3', n: 5, facility: 1, sd: 0, discriminationIndex: null, discriminativeEfficiency: null });
  });

  it('gives the test figures over totals as fractions of the maximum, and Cronbach alpha', () => {
    // fractions .75 .75 .875 .5 .5: mean 0.675, median 0.75, sd √(0.1125 / 4) = 0.1677
    // alpha = 4/3 · (1 − (0.3 + 0.3 + 0 + 0.25) / 0.45) = −1.1852 (a negative alpha: the questions disagree)
    expect(figures).toMatchObject({ attempts: 5, test: { mean: 0.675, median: 0.75, sd: 0.1677, cronbachAlpha: -1.1852 } });
  });

  it('gives a plausible positive alpha when questions agree', () => {
    const agree = [attempt(1, 1, 1), attempt(1, 1, 0), attempt(0, 1, 0), attempt(0, 0, 0)];
    // item variances 1/3, 1/4, 1/4; totals 3, 2, 1, 0: var 5/3 → 3/2 · (1 − (5/6) / (5/3)) = 0.75
    expect(quizFigures(agree).test.cronbachAlpha).toBe(0.75);
  });
});

describe('figures that need more data than there is', () => {
  it('are null for a random draw (alpha), whatever the data', () => {
    expect(quizFigures(attempts, { randomDraw: true }).test.cronbachAlpha).toBeNull();
  });

  it('are null for alpha when attempts had different questions, and count n per question', () => {
    const drawn: ScoredAttempt[] = [
      { scores: { a: 1, b: 0 } },
      { scores: { b: 1, c: 1 } },
      { scores: { a: 0, c: 1 } },
      { scores: { a: 1, b: 1 } },
    ];
    const f = quizFigures(drawn);
    expect(f.test.cronbachAlpha).toBeNull();
    expect(cronbachAlpha(drawn, [1, 2, 1, 2])).toBeNull();
    expect(f.questions.map((x) => [x.id, x.n])).toEqual([
      ['a', 3],
      ['b', 3],
      ['c', 2],
    ]);
    // c: marks 1, 1 (no variance) → facility 1, no discrimination
    expect(f.questions[2]).toMatchObject({ facility: 1, sd: 0, discriminationIndex: null });
  });

  it('are null with one attempt, and a question nobody had is listed with n 0', () => {
    const f = quizFigures([attempt(1, 0)], { questionIds: ['q1', 'q2', 'q9'] });
    expect(f.test).toEqual({ mean: 0.5, median: 0.5, sd: null, cronbachAlpha: null });
    expect(f.questions.map((x) => x.id)).toEqual(['q1', 'q2', 'q9']);
    expect(f.questions[0]).toEqual({ id: 'q1', n: 1, facility: 1, sd: null, discriminationIndex: null, discriminativeEfficiency: null });
    expect(f.questions[2]).toMatchObject({ n: 0, facility: null });
  });

  it('are null for everything without attempts', () => {
    expect(quizFigures([])).toEqual({ attempts: 0, test: { mean: null, median: null, sd: null, cronbachAlpha: null }, questions: [] });
  });
});
