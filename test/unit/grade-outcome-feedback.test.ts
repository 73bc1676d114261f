import { describe, expect, it } from 'vitest';
import { grade } from '../../core/quiz/grade.ts';
import { multiple, numerical, question, t } from '../fixtures/questions.ts';
import { IDS, pid } from './grading-helpers.ts';

// Moodle's combined feedback (correctfeedback, partiallycorrectfeedback, incorrectfeedback), kept by Moodle XML
// imports as `outcomeFeedback`: the learner reads the one for the outcome they reached, in the quiz language.
const withOutcomes = question('multiple', {
  ...multiple,
  outcomeFeedback: {
    correct: t('Alles richtig.', 'All right.'),
    partial: t('Teilweise.', 'In part.'),
    incorrect: t('Leider nicht.', 'Sadly not.'),
  },
});

describe('outcome feedback', () => {
  const keys = multiple.choices.filter((c) => c.weight > 0).map((c) => pid(withOutcomes, c.id));
  const wrong = multiple.choices.filter((c) => c.weight <= 0).map((c) => pid(withOutcomes, c.id));

  it('gives the words for a right, a partly right and a wrong answer, in the quiz language', () => {
    expect(grade(withOutcomes, { choices: keys }, 'de', { ids: IDS }).outcomeFeedback).toBe('Alles richtig.');
    expect(grade(withOutcomes, { choices: keys.slice(0, 1) }, 'en', { ids: IDS }).outcomeFeedback).toBe('In part.');
    expect(grade(withOutcomes, { choices: wrong.slice(0, 1) }, 'de', { ids: IDS }).outcomeFeedback).toBe('Leider nicht.');
  });

  it('says nothing where the question has no words for that outcome, or none at all', () => {
    const onlyRight = question('numerical', { ...numerical, outcomeFeedback: { correct: t('Genau.', 'Exactly.') } });
    expect(grade(onlyRight, { number: 2.5 }, 'en').outcomeFeedback).toBe('Exactly.');
    expect(grade(onlyRight, { number: 9 }, 'en')).not.toHaveProperty('outcomeFeedback');
    expect(grade(multiple, { choices: keys }, 'de', { ids: IDS })).not.toHaveProperty('outcomeFeedback');
  });
});
