import { describe, expect, it } from 'vitest';
import { gradeAttempt, parseResponse } from '../../core/quiz/attempt.ts';
import { grade, keyedResponse, longestInOrder, ResponseError } from '../../core/quiz/grade.ts';
import { learnerCopy } from '../../core/quiz/learner.ts';
import { learnerQuiz, versionOf, type Quiz } from '../../core/quiz/quiz.ts';
import { shuffle } from '../../core/quiz/random.ts';
import type { Question } from '../../core/quiz/schema.ts';
import {
  cloze,
  numerical,
  numericalExact,
  numericalRange,
  order,
  question,
  shortQuestion,
  single,
  t,
  trueFalse,
} from '../fixtures/questions.ts';
import { IDS, pid, responseError, score } from './grading-helpers.ts';

describe('ordering', () => {
  const ids = (...positions: number[]) => ({ order: positions.map((i) => pid(order, `i${i}`)) });

  it('scores 1 with all items in place', () => {
    expect(score(order, ids(0, 1, 2, 3, 4))).toBe(1);
  });

  it('scores 0 for the reversed order', () => {
    expect(score(order, ids(4, 3, 2, 1, 0))).toBe(0);
  });

  it('scores (n-2)/(n-1) when one item is moved', () => {
    expect(score(order, ids(1, 2, 3, 4, 0))).toBe(0.75);
    expect(score(order, ids(4, 0, 1, 2, 3))).toBe(0.75);
    expect(score(order, ids(0, 2, 1, 3, 4))).toBe(0.75);
    expect(score(order, ids(0, 3, 1, 2, 4))).toBe(0.75);
  });

  it('scores (L-1)/(n-1) for a longest in-order run of L', () => {
    expect(score(order, ids(1, 0, 3, 2, 4))).toBe(0.5); // e.g. 0, 2, 4
    expect(score(order, ids(3, 4, 0, 1, 2))).toBe(0.5);
  });

  it('scores an incomplete order 0 as unanswered, even when what is there is in order', () => {
    const res = grade(order, ids(0, 1, 2, 3), 'de', { ids: IDS });
    expect(res.score).toBe(0);
    expect(res.answered).toBe(false);
    expect(res.correct).toBe(false);
    expect(score(order, ids())).toBe(0);
    expect(score(order, ids(2))).toBe(0);
  });

  it('scores a two-item question 1 or 0', () => {
    const two = question('order', { id: 'two', items: [t('a'), t('b')] });
    expect(score(two, { order: [pid(two, 'i0'), pid(two, 'i1')] })).toBe(1);
    expect(score(two, { order: [pid(two, 'i1'), pid(two, 'i0')] })).toBe(0);
  });

  it('reports given and expected texts and the longest in-order run', () => {
    const res = grade(order, ids(1, 0, 2, 3, 4), 'en', { ids: IDS });
    expect(res.items).toEqual([
      {
        kind: 'order',
        longestInOrder: 4,
        total: 5,
        given: ['two', 'one', 'three', 'four', 'five'],
        expected: ['one', 'two', 'three', 'four', 'five'],
      },
    ]);
  });

  it('rejects an item named twice', () => {
    const err = responseError(() => grade(order, ids(0, 0, 1, 2, 3), 'de', { ids: IDS }));
    expect(err.details).toEqual([{ path: 'response.order.1', message: expect.stringContaining('twice') }]);
  });

  it('rejects an unknown item id', () => {
    const err = responseError(() => grade(order, { order: [pid(order, 'i0'), 'bogus'] }, 'de', { ids: IDS }));
    expect(err.details[0]).toMatchObject({ path: 'response.order', message: expect.stringContaining('"bogus"') });
  });
});

describe('longestInOrder', () => {
  it('finds the longest increasing subsequence of positions', () => {
    expect(longestInOrder([])).toBe(0);
    expect(longestInOrder([0])).toBe(1);
    expect(longestInOrder([0, 1, 2, 3])).toBe(4);
    expect(longestInOrder([3, 2, 1, 0])).toBe(1);
    expect(longestInOrder([1, 2, 3, 0])).toBe(3);
    expect(longestInOrder([2, 0, 3, 1, 4])).toBe(3);
    expect(longestInOrder([0, 8, 4, 12, 2, 10, 6, 14, 1, 9])).toBe(4);
  });

  it('counts only strictly increasing runs', () => {
    expect(longestInOrder([1, 1, 1])).toBe(1);
  });
});

describe('numerical', () => {
  it('accepts an answer within the tolerance, bounds included', () => {
    expect(score(numerical, { number: 2.5 })).toBe(1);
    expect(score(numerical, { number: 2 })).toBe(1);
    expect(score(numerical, { number: 3 })).toBe(1);
    expect(score(numerical, { number: 2.9 })).toBe(1);
  });

  it('rejects an answer outside the tolerance', () => {
    expect(score(numerical, { number: 3.01 })).toBe(0);
    expect(score(numerical, { number: 1.99 })).toBe(0);
    expect(score(numerical, { number: -2.5 })).toBe(0);
  });

  it('needs the exact value when there is no tolerance', () => {
    expect(numericalExact.tolerance).toBe(0);
    expect(score(numericalExact, { number: 3 })).toBe(1);
    expect(score(numericalExact, { number: 3.1 })).toBe(0);
    expect(score(numericalExact, { number: 0.1 + 0.2 + 2.7 })).toBe(1); // floating-point noise is not an error
  });

  it('accepts any value in a min/max range, bounds included', () => {
    expect(score(numericalRange, { number: 2020 })).toBe(1);
    expect(score(numericalRange, { number: 2023.5 })).toBe(1);
    expect(score(numericalRange, { number: 2025 })).toBe(1);
    expect(score(numericalRange, { number: 2019.99 })).toBe(0);
    expect(score(numericalRange, { number: 2026 })).toBe(0);
  });

  it('reports the expected value as text', () => {
    expect(grade(numerical, { number: 9 }, 'de').items).toEqual([{ kind: 'number', given: 9, expected: '2.5 ± 0.5', right: false }]);
    expect(grade(numericalRange, { number: 9 }, 'de').solutionText).toBe('2020–2025');
    expect(grade(numericalExact, { number: 9 }, 'de').solutionText).toBe('3');
  });

  it('keys the middle of a range', () => {
    expect(keyedResponse(numericalRange, 'de', IDS)).toEqual({ number: 2022.5 });
  });
});

describe('parseResponse', () => {
  it('accepts a response of the right shape', () => {
    expect(parseResponse(single, { choice: 'abc' })).toEqual({ choice: 'abc' });
    expect(parseResponse(cloze, { gaps: { g1: 'x' } })).toEqual({ gaps: { g1: 'x' } });
  });

  it('rejects a wrong shape with the path of the problem', () => {
    const err = responseError(() => parseResponse(single, { choice: 5 }));
    expect(err.details).toHaveLength(1);
    expect(err.details[0]).toMatchObject({ path: 'response.choice', message: expect.stringContaining('"single"') });
  });

  it('rejects a response meant for another type', () => {
    expect(responseError(() => parseResponse(trueFalse, { choice: 'a' })).details.length).toBeGreaterThan(0);
    expect(responseError(() => parseResponse(numerical, { number: '3' })).details[0]?.path).toBe('response.number');
    expect(responseError(() => parseResponse(order, { order: ['a', 7] })).details[0]?.path).toBe('response.order.1');
  });

  it('uses the given path prefix', () => {
    expect(responseError(() => parseResponse(single, {}, 'responses.q1')).details[0]?.path).toBe('responses.q1.choice');
  });

  it('rejects an over-long text', () => {
    expect(() => parseResponse(shortQuestion(['x']), { text: 'x'.repeat(501) })).toThrow(ResponseError);
    expect(parseResponse(shortQuestion(['x']), { text: 'x'.repeat(500) })).toEqual({ text: 'x'.repeat(500) });
  });
});

describe('gradeAttempt', () => {
  const questions: Question[] = [single, trueFalse, order];
  const quiz: Quiz = { id: 'quiz-1', kind: 'set', questions, version: versionOf(questions) };

  it('sums the scores and counts every question in max', () => {
    const res = gradeAttempt(
      quiz,
      {
        [single.id]: { choice: pid(single, 'a') },
        [trueFalse.id]: { value: true },
        [order.id]: { order: ['i1', 'i0', 'i2', 'i3', 'i4'].map((k) => pid(order, k)) },
      },
      'de',
      { ids: IDS },
    );
    expect(res).toMatchObject({ quizId: 'quiz-1', version: quiz.version, score: 2.75, max: 3, unanswered: [] });
    expect(res.results.map((r) => r.score)).toEqual([1, 1, 0.75]);
  });

  it('scores an unanswered question 0 and still counts it in max', () => {
    const res = gradeAttempt(quiz, { [single.id]: { choice: pid(single, 'a') } }, 'de', { ids: IDS });
    expect(res.score).toBe(1);
    expect(res.max).toBe(3);
    expect(res.unanswered).toEqual([trueFalse.id, order.id]);
    expect(res.results.map((r) => r.questionId)).toEqual([single.id]);
  });

  it('scores an empty attempt 0 out of all questions', () => {
    expect(gradeAttempt(quiz, {}, 'de')).toMatchObject({ score: 0, max: 3, results: [], unanswered: questions.map((q) => q.id) });
  });

  it('throws a ResponseError listing an unknown question id, and grades nothing', () => {
    const err = responseError(() =>
      gradeAttempt(quiz, { [single.id]: { choice: pid(single, 'a') }, 'no-such-q': { value: true } }, 'de', { ids: IDS }),
    );
    expect(err.details).toEqual([{ path: 'responses.no-such-q', message: expect.stringContaining('"no-such-q"') }]);
    expect(err.message).toContain('no-such-q');
  });

  it('lists every problem: unknown ids and wrong shapes', () => {
    const err = responseError(() =>
      gradeAttempt(quiz, { nope: {}, [single.id]: { choice: 5 }, [trueFalse.id]: { value: 'yes' } }, 'de', { ids: IDS }),
    );
    expect(err.details.map((d) => d.path).sort()).toEqual(
      ['responses.nope', `responses.${single.id}.choice`, `responses.${trueFalse.id}.value`].sort(),
    );
  });

  // Regression (core/quiz/attempt.ts, gradeAttempt).
  it('treats a question with an id like "toString" as unanswered when there is no response for it', () => {
    const odd = question('truefalse', { id: 'toString', answer: true });
    const qs = [odd, trueFalse];
    const res = gradeAttempt({ id: 'odd', kind: 'set', questions: qs, version: versionOf(qs) }, { [trueFalse.id]: { value: true } }, 'de');
    expect(res).toMatchObject({ score: 1, max: 2, unanswered: ['toString'] });
  });

  it('reports an unknown choice id under the question’s path', () => {
    const err = responseError(() =>
      gradeAttempt(quiz, { [single.id]: { choice: 'zzz' }, [trueFalse.id]: { value: true } }, 'de', { ids: IDS }),
    );
    expect(err.details).toEqual([{ path: `responses.${single.id}.choice`, message: expect.stringContaining('"zzz"') }]);
  });
});

describe('quiz helpers', () => {
  it('versionOf changes with any edit', () => {
    const edited = question('single', {
      ...single,
      choices: single.choices.map((c) => (c.id === 'c' ? { ...c, text: t('Falsch drei') } : c)),
    });
    expect(versionOf([single])).toBe(versionOf([single]));
    expect(versionOf([edited])).not.toBe(versionOf([single]));
    expect(versionOf([single, order])).not.toBe(versionOf([order, single]));
  });

  it('learnerQuiz gives the learner copy of each question in the quiz order', () => {
    const questions = [single, order];
    const lq = learnerQuiz({ id: 'q', kind: 'lesson', questions, version: versionOf(questions) }, 'en', 'seed1', IDS);
    expect(lq).toMatchObject({ id: 'q', kind: 'lesson', seed: 'seed1', lang: 'en' });
    expect(lq.questions).toEqual(questions.map((q) => learnerCopy(q, 'en', IDS)));
  });

  it('shuffle keeps every item and is fixed by its seed', () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    expect(shuffle(items, 'abc')).toEqual(shuffle(items, 'abc'));
    expect([...shuffle(items, 'abc')].sort((a, b) => a - b)).toEqual(items);
    expect(shuffle(items, 'abc')).not.toEqual(shuffle(items, 'abd'));
  });
});
