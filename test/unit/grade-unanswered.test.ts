// Unanswered stays unanswered (issue 11 item 5) and validation is a step of its own (issue 9 item 3).
import { describe, expect, it } from 'vitest';
import { gradeAttempt } from '../../core/quiz/attempt.ts';
import { grade, isUnanswered, orderFromPositions, ResponseError, validateAttempt, validateResponse } from '../../core/quiz/grade.ts';
import { learnerCopy } from '../../core/quiz/learner.ts';
import type { Quiz } from '../../core/quiz/quiz.ts';
import { cloze, match, multiple, numerical, order, question, shortQuestion, single, t, trueFalse } from '../fixtures/questions.ts';
import { IDS, pid } from './grading-helpers.ts';
const problemsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ResponseError) return e.details;
    throw e;
  }
  throw new Error('expected a ResponseError');
};
const essay = question('essay', {
  id: 'essay-q',
  checklist: [t('die Versorgungssicherheit'), t('um … zu', 'in order to')],
  modelAnswer: t(
    'Die USA und Japan wollen ihre Versorgungssicherheit stärken, um unabhängiger zu werden.',
    'The US and Japan want to secure their supply.',
  ),
});

describe('isUnanswered', () => {
  it('is true for a missing response of any kind', () => {
    for (const q of [single, multiple, trueFalse, cloze, match, order, numerical, essay])
      expect(isUnanswered(q, undefined), q.type).toBe(true);
  });

  it('is true when nothing is chosen or typed', () => {
    expect(isUnanswered(multiple, { choices: [] })).toBe(true);
    expect(isUnanswered(shortQuestion(['Erde']), { text: '   ' })).toBe(true);
    expect(isUnanswered(cloze, { gaps: {} })).toBe(true);
    expect(isUnanswered(cloze, { gaps: { g1: ' ', g2: '' } })).toBe(true);
    expect(isUnanswered(match, { pairs: {} })).toBe(true);
    expect(isUnanswered(order, { order: [] })).toBe(true);
    expect(isUnanswered(essay, { text: '' })).toBe(true);
  });

  it('is true for an order that leaves an item without a place', () => {
    expect(isUnanswered(order, { order: [pid(order, 'i0'), pid(order, 'i1')] })).toBe(true);
  });

  it('is false for an answer, even a wrong or partial one', () => {
    expect(isUnanswered(single, { choice: pid(single, 'b') })).toBe(false);
    expect(isUnanswered(trueFalse, { value: false })).toBe(false);
    expect(isUnanswered(match, { pairs: { l1: pid(match, 'r1') } })).toBe(false);
    expect(isUnanswered(cloze, { gaps: { g1: 'x' } })).toBe(false);
    expect(isUnanswered(numerical, { number: 0 })).toBe(false);
  });

  it('is false for a malformed response (that is invalid, not unanswered)', () => {
    expect(isUnanswered(single, { choices: ['a'] })).toBe(false);
  });
});

describe('an untouched order or match question scores 0', () => {
  it('scores an order with positions missing 0, as unanswered, and lists it so in the attempt', () => {
    const res = grade(order, { order: [pid(order, 'i0'), pid(order, 'i1'), pid(order, 'i2')] }, 'de', { ids: IDS });
    expect(res).toMatchObject({ score: 0, answered: false, correct: false });
    const quiz: Quiz = { id: 'qz', kind: 'lesson', version: 'v', questions: [order, match] };
    const attempt = gradeAttempt(quiz, { [order.id]: { order: [] }, [match.id]: { pairs: {} } }, 'de', { ids: IDS });
    expect(attempt).toMatchObject({ score: 0, max: 2, unanswered: [order.id, match.id], results: [] });
  });

  it('turns untouched position selects into an unanswered order, and chosen ones into the order', () => {
    const ids = order.items.map((_, i) => pid(order, `i${i}`));
    const blank = orderFromPositions(Object.fromEntries(ids.map((id) => [id, undefined])));
    expect(blank).toEqual({ order: [] });
    const placed = orderFromPositions(Object.fromEntries(ids.map((id, i) => [id, ids.length - i])));
    expect(placed).toEqual({ order: [...ids].reverse() });
    if ('order' in placed) expect(grade(order, placed, 'de', { ids: IDS }).score).toBe(0);
  });

  it('names each item that shares a position, so the page can flag both', () => {
    const [a, b, c] = [pid(order, 'i0'), pid(order, 'i1'), pid(order, 'i2')];
    expect(orderFromPositions({ [a]: 2, [b]: 2, [c]: 1 }, 'responses.q.order')).toEqual({
      problems: [
        { path: `responses.q.order.${a}`, message: 'position 2 is chosen for 2 items' },
        { path: `responses.q.order.${b}`, message: 'position 2 is chosen for 2 items' },
      ],
    });
  });

  it('rejects a right-hand item chosen for two left items, named at each of them', () => {
    const problems = problemsOf(() => validateResponse(match, { pairs: { l1: pid(match, 'r0'), l2: pid(match, 'r0') } }, IDS));
    expect(problems.map((p) => p.path)).toEqual(['response.pairs.l1', 'response.pairs.l2']);
    expect(problems[0]!.message).toContain('same right-hand item');
  });

  it('scores a partly answered match by its share of pairs right', () => {
    expect(grade(match, { pairs: { l1: pid(match, 'r0') } }, 'de', { ids: IDS }).score).toBeCloseTo(1 / match.pairs.length, 4);
  });
});

describe('validation is separate from scoring', () => {
  it('validateResponse returns the typed response when the shape and the ids are right', () => {
    expect(validateResponse(single, { choice: pid(single, 'a') }, IDS)).toEqual({ choice: pid(single, 'a') });
  });

  it('validateResponse names the shape problem and the id problem with their paths', () => {
    expect(problemsOf(() => validateResponse(single, { choice: 7 }, IDS, 'responses.s'))[0]!.path).toBe('responses.s.choice');
    expect(problemsOf(() => validateResponse(single, { choice: 'zzz' }, IDS, 'responses.s'))).toEqual([
      { path: 'responses.s.choice', message: expect.stringContaining('"zzz"') },
    ]);
  });

  it('validateAttempt lists every problem of every question at once', () => {
    const quiz: Quiz = { id: 'qz', kind: 'lesson', version: 'v', questions: [single, match, order] };
    const problems = problemsOf(() =>
      validateAttempt(
        quiz,
        {
          nope: { value: true },
          [single.id]: { choice: 'zzz' },
          [match.id]: { pairs: { l1: pid(match, 'r0'), l2: pid(match, 'r0') } },
          [order.id]: { order: [pid(order, 'i0'), pid(order, 'i0')] },
        },
        IDS,
      ),
    );
    expect(problems.map((p) => p.path)).toEqual([
      'responses.nope',
      `responses.${single.id}.choice`,
      `responses.${match.id}.pairs.l1`,
      `responses.${match.id}.pairs.l2`,
      `responses.${order.id}.order.1`,
    ]);
  });

  it('validateAttempt returns the valid responses by question id', () => {
    const quiz: Quiz = { id: 'qz', kind: 'lesson', version: 'v', questions: [single, trueFalse] };
    expect([...validateAttempt(quiz, { [trueFalse.id]: { value: true } })]).toEqual([[trueFalse.id, { value: true }]]);
  });
});

describe('essay: checklist and model answer', () => {
  it('shows the checklist in the learner copy, never the model answer', () => {
    const copy = learnerCopy(essay, 'de', IDS);
    expect(copy).toEqual({ id: essay.id, prompt: expect.any(String), type: 'essay', checklist: ['die Versorgungssicherheit', 'um … zu'] });
    expect(JSON.stringify(copy)).not.toContain('unabhängiger');
  });

  it('shows the model answer after submitting and which checklist items the text uses, and is never scored', () => {
    const res = grade(essay, { text: 'Die Versorgungssicherheit ist wichtig.' }, 'de');
    expect(res).toMatchObject({ score: 0, graded: false, answered: true, solutionText: expect.stringContaining('unabhängiger') });
    expect(res.items[0]).toEqual({
      kind: 'essay',
      given: 'Die Versorgungssicherheit ist wichtig.',
      checklist: [
        { text: 'die Versorgungssicherheit', used: true },
        { text: 'um … zu', used: false },
      ],
      modelAnswer: expect.stringContaining('Versorgungssicherheit stärken'),
    });
  });
});
