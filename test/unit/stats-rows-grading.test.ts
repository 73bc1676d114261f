// Issue 18, item 2: item analysis re-scores a set's typed answers by the set's rule, as its learners are graded.
import { describe, expect, it } from 'vitest';
import { responseRows } from '../../core/stats/rows.ts';
import { ResponseTally } from '../../core/stats/tally.ts';
import { shortQuestion } from '../fixtures/questions.ts';

const q = shortQuestion(['Unterzeichnung', 'kritischen'], { caseSensitive: false, typoTolerance: true });
const tallies = (() => {
  const tl = new ResponseTally();
  for (const text of ['Unterzeichnumg', 'kritische', 'Unterzeichnung'])
    tl.add({ type: 'short', response: { text }, normalized: [text], lang: 'de' });
  return tl.rows();
})();
const scores = (rows: ReturnType<typeof responseRows>) => Object.fromEntries(rows.map((r) => [r.text, r.score]));

describe('response rows of typed answers', () => {
  it('score a typo and a wrong ending German-aware when the set does not say (or says german)', () => {
    const expected = { Unterzeichnumg: 1, kritische: 0.5, Unterzeichnung: 1 };
    expect(scores(responseRows(q, tallies, 'de'))).toEqual(expected);
    expect(scores(responseRows(q, tallies, 'de', { grading: 'german' }))).toEqual(expected);
  });

  it('score them 0 in a set graded as Moodle grades it', () => {
    expect(scores(responseRows(q, tallies, 'de', { grading: 'moodle' }))).toEqual({ Unterzeichnumg: 0, kritische: 0, Unterzeichnung: 1 });
  });
});
