import { describe, expect, it } from 'vitest';
import { shortQuestion } from '../fixtures/questions.ts';
import { typed } from './grading-helpers.ts';

// Several accepted answers with different weights: a teacher grades what the learner wrote.
describe('the best of several accepted answers', () => {
  const q = shortQuestion(['rare earths', { text: 'rare earth', weight: 0.5 }], { caseSensitive: false });

  it('takes an answer written as it stands over a typo of a better one', () => {
    expect(typed(q, 'rare earth', 'en')).toMatchObject({ score: 0.5, match: 'exact', expected: 'rare earth' });
  });

  it('still takes the full answer, and a typo of it when nothing was written exactly', () => {
    expect(typed(q, 'rare earths', 'en')).toMatchObject({ score: 1, match: 'exact' });
    expect(typed(q, 'rare eatrhs', 'en')).toMatchObject({ score: 1, match: 'typo', expected: 'rare earths' });
  });

  it('counts an ae/oe/ue/ss spelling as written, not as a near miss', () => {
    const de = shortQuestion(['Abhängigkeit', { text: 'Abhaengigkeiten', weight: 0.5 }]);
    expect(typed(de, 'Abhaengigkeit')).toMatchObject({ score: 1, match: 'spelling' });
  });
});
