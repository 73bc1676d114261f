// Grading of the choice kinds, cloze and matching (text rules: grade-text and grade-rules; order, numerical and attempts: grade-kinds).
import { describe, expect, it } from 'vitest';
import { grade as gradeWith } from '../../core/quiz/grade.ts';
import type { Question } from '../../core/quiz/schema.ts';
import { cloze, match, multiple, multipleOverOne, question, single, t, trueFalse } from '../fixtures/questions.ts';
import { gapItem, IDS, pid, responseError, score } from './grading-helpers.ts';

/** Grades in the attempt whose ids `pid` names. */
const grade = (q: Question, r: unknown, lang: string) => gradeWith(q, r, lang, { ids: IDS });

// ---------------------------------------------------------------------------------------------------------

describe('single choice', () => {
  it('scores 1 for the correct choice and 0 for a wrong one', () => {
    expect(score(single, { choice: pid(single, 'a') })).toBe(1);
    expect(grade(single, { choice: pid(single, 'a') }, 'de').correct).toBe(true);
    expect(score(single, { choice: pid(single, 'b') })).toBe(0);
    expect(score(single, { choice: pid(single, 'c') })).toBe(0);
    expect(grade(single, { choice: pid(single, 'c') }, 'de').correct).toBe(false);
  });

  it('gives the chosen choice’s feedback once, in the notes, in the quiz language', () => {
    const res = grade(single, { choice: pid(single, 'b') }, 'en');
    expect(res.notes).toEqual(['The text does not say that.']);
    const chosen = res.items.find((i) => i.kind === 'choice' && i.chosen);
    expect(chosen).toMatchObject({ kind: 'choice', id: pid(single, 'b'), text: 'Wrong one', right: false });
    // The right choice has feedback too, but it was not chosen: its feedback is not shown.
    const right = res.items.find((i) => i.kind === 'choice' && i.right);
    expect(right).toMatchObject({ id: pid(single, 'a'), chosen: false });
    expect(JSON.stringify(res)).not.toContain('That is what the text says.');
  });

  it('has no note when the chosen choice has no feedback', () => {
    const res = grade(single, { choice: pid(single, 'c') }, 'de');
    expect(res.notes).toEqual([]);
    expect(res.items.some((i) => 'note' in i)).toBe(false);
  });

  it('rejects an unknown choice id with a ResponseError naming it', () => {
    const err = responseError(() => grade(single, { choice: 'a' }, 'de')); // the author's id is not the learner's id
    expect(err.details).toEqual([{ path: 'response.choice', message: expect.stringContaining('"a"') }]);
  });

  it('reports the solution and the explanation', () => {
    const res = grade(single, { choice: pid(single, 'b') }, 'en');
    expect(res.solution).toEqual({ choice: pid(single, 'a') });
    expect(res.solutionText).toBe('Right');
    expect(res.explanation).toBe('Explanation for single-q');
  });
});

describe('multiple choice', () => {
  const ids = (...keys: string[]) => ({ choices: keys.map((k) => pid(multiple, k)) });

  it('scores the sum of the chosen weights', () => {
    expect(score(multiple, ids('a', 'b', 'c'))).toBe(1);
    expect(score(multiple, ids('a'))).toBe(0.5);
    expect(score(multiple, ids('b', 'c'))).toBe(0.5);
    expect(score(multiple, ids('a', 'b'))).toBe(0.75);
    expect(score(multiple, ids())).toBe(0);
  });

  it('lets a wrong pick cost its (negative) weight', () => {
    expect(score(multiple, ids('a', 'b', 'c', 'd'))).toBe(0.5);
    expect(score(multiple, ids('a', 'b', 'd'))).toBe(0.25);
  });

  it('clamps the score at 0', () => {
    expect(score(multiple, ids('a', 'e'))).toBe(0);
    expect(score(multiple, ids('d', 'e'))).toBe(0);
    expect(score(multiple, ids('b', 'd'))).toBe(0);
  });

  it('clamps the score at 1 when the positive weights add up to a little more than 1', () => {
    expect(score(multipleOverOne, { choices: [pid(multipleOverOne, 'a'), pid(multipleOverOne, 'b')] })).toBe(1);
    expect(score(multipleOverOne, { choices: [pid(multipleOverOne, 'b')] })).toBe(0.5005);
  });

  it('counts a choice named twice once', () => {
    expect(score(multiple, ids('a', 'a'))).toBe(0.5);
  });

  it('notes the feedback of a chosen wrong choice', () => {
    expect(grade(multiple, ids('a', 'd'), 'en').notes).toEqual(['D is not in the text.']);
    expect(grade(multiple, ids('a'), 'en').notes).toEqual([]);
  });

  it('marks each choice chosen and right in its items', () => {
    const res = grade(multiple, ids('a', 'd'), 'de');
    const byId = new Map(res.items.map((i) => [i.kind === 'choice' ? i.id : '', i]));
    expect(byId.get(pid(multiple, 'a'))).toMatchObject({ chosen: true, right: true });
    expect(byId.get(pid(multiple, 'b'))).toMatchObject({ chosen: false, right: true });
    expect(byId.get(pid(multiple, 'd'))).toMatchObject({ chosen: true, right: false });
  });

  it('rejects an unknown choice id', () => {
    const err = responseError(() => grade(multiple, { choices: [pid(multiple, 'a'), 'nope'] }, 'de'));
    expect(err.details[0]).toMatchObject({ path: 'response.choices', message: expect.stringContaining('"nope"') });
  });
});

describe('true/false', () => {
  it('scores 1 for the right value and 0 for the wrong one', () => {
    expect(score(trueFalse, { value: true })).toBe(1);
    expect(score(trueFalse, { value: false })).toBe(0);
  });

  it('notes the "right" feedback for a right answer and the "wrong" feedback for a wrong one', () => {
    expect(grade(trueFalse, { value: true }, 'en').notes).toEqual(['Right, see p1s1.']);
    expect(grade(trueFalse, { value: false }, 'en').notes).toEqual(['Actually, it is true.']);
    expect(grade(trueFalse, { value: false }, 'de').notes).toEqual(['Doch, das stimmt.']);
  });

  it('has no note when the question has no feedback for the case', () => {
    const q = question('truefalse', { id: 'tf-plain', answer: false, feedback: { wrong: t('Nein.', 'No.') } });
    expect(grade(q, { value: false }, 'en').notes).toEqual([]);
    expect(grade(q, { value: true }, 'en').notes).toEqual(['No.']);
  });

  it('reports given and expected value', () => {
    expect(grade(trueFalse, { value: false }, 'de').items).toEqual([{ kind: 'truefalse', given: false, expected: true }]);
  });
});

describe('cloze', () => {
  it('scores the share of gaps filled right', () => {
    expect(score(cloze, { gaps: { g1: 'Produzent', g2: 'Exporteur' } })).toBe(1);
    expect(score(cloze, { gaps: { g1: 'Produzent', g2: 'Importeur' } })).toBe(0.5);
    expect(score(cloze, { gaps: { g1: 'Verbraucher', g2: 'Importeur' } })).toBe(0);
  });

  it('accepts one typo in a typed gap', () => {
    const res = grade(cloze, { gaps: { g1: 'Produznet', g2: 'Exporteur' } }, 'de');
    expect(res.score).toBe(1);
    expect(gapItem(res, 'g1')).toMatchObject({ match: 'typo', expected: 'Produzent', given: 'Produznet' });
  });

  it('gives no typo allowance in a gap with options', () => {
    const res = grade(cloze, { gaps: { g1: 'Produzent', g2: 'Exportuer' } }, 'de');
    expect(res.score).toBe(0.5);
    expect(gapItem(res, 'g2')).toMatchObject({ match: 'none', expected: 'Exporteur' });
  });

  it('still folds typography and case in a gap with options', () => {
    expect(score(cloze, { gaps: { g1: 'produzent', g2: ' exporteur ' } })).toBe(1);
  });

  it('scores a missing gap as wrong', () => {
    const res = grade(cloze, { gaps: { g2: 'Exporteur' } }, 'de');
    expect(res.score).toBe(0.5);
    expect(gapItem(res, 'g1')).toMatchObject({ given: '', match: 'none' });
    expect(score(cloze, { gaps: {} })).toBe(0);
  });

  it('uses the gap answers of the quiz language', () => {
    expect(score(cloze, { gaps: { g1: 'producer', g2: 'exporter' } }, 'en')).toBe(1);
    expect(score(cloze, { gaps: { g1: 'producer', g2: 'exporter' } }, 'de')).toBe(0);
  });

  it('respects case sensitivity per question (no typo allowance in option gaps, so case shows)', () => {
    const q = question('cloze', { ...cloze, id: 'cloze-cs', caseSensitive: true });
    const res = grade(q, { gaps: { g1: 'Produzent', g2: 'exporteur' } }, 'de');
    expect(res.score).toBe(0.5);
    expect(gapItem(res, 'g2').match).toBe('case');
  });

  // Regression (core/quiz/grade.ts, cloze).
  it('scores a missing gap as wrong also when its id is "constructor"', () => {
    const q = question('cloze', {
      id: 'cloze-proto',
      text: t('{{constructor}} und {{g}}'),
      gaps: [
        { id: 'constructor', answers: { de: ['a'], en: ['a'] } },
        { id: 'g', answers: { de: ['b'], en: ['b'] } },
      ],
    });
    expect(score(q, { gaps: { g: 'b' } })).toBe(0.5);
  });

  it('rejects an unknown gap id', () => {
    const err = responseError(() => grade(cloze, { gaps: { g1: 'Produzent', g9: 'x' } }, 'de'));
    expect(err.details).toEqual([{ path: 'response.gaps.g9', message: expect.stringContaining('"g9"') }]);
  });
});

describe('matching', () => {
  const right = (i: number) => pid(match, `r${i}`);

  it('scores 1 when every pair is right', () => {
    expect(score(match, { pairs: { l1: right(0), l2: right(1), l3: right(2), l4: right(3) } })).toBe(1);
  });

  it('scores the share of pairs right', () => {
    expect(score(match, { pairs: { l1: right(0), l2: right(1), l3: right(3), l4: right(2) } })).toBe(0.5);
    expect(score(match, { pairs: { l1: right(0), l2: right(2), l3: right(3), l4: right(1) } })).toBe(0.25);
    expect(score(match, { pairs: { l1: right(1), l2: right(0), l3: right(3), l4: right(2) } })).toBe(0);
  });

  it('scores a left item left unmatched as wrong', () => {
    const res = grade(match, { pairs: { l1: right(0), l2: right(1), l3: right(2) } }, 'en');
    expect(res.score).toBe(0.75);
    expect(res.items[3]).toEqual({ kind: 'pair', left: 'der Rohstoff', given: null, expected: 'raw material', right: false });
  });

  it('reports the given right-hand text for each left item', () => {
    const res = grade(match, { pairs: { l1: right(1) } }, 'en');
    expect(res.items[0]).toEqual({ kind: 'pair', left: 'verschärfen', given: 'essential', expected: 'to tighten', right: false });
  });

  it('rejects an unknown left id or right id', () => {
    expect(responseError(() => grade(match, { pairs: { l9: right(0) } }, 'de')).details[0]?.path).toBe('response.pairs.l9');
    const err = responseError(() => grade(match, { pairs: { l1: 'zzz' } }, 'de'));
    expect(err.details[0]).toMatchObject({ path: 'response.pairs.l1', message: expect.stringContaining('"zzz"') });
  });
});
