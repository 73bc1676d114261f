// Issue 18, item 2: a set says how typed answers are graded, "as Moodle grades them" or German-aware. The same
// German answers under both rules: a typo, a wrong ending, ae for ä, a capital, an article, Moodle's wildcards.
import { describe, expect, it } from 'vitest';
import { grade, type GradeOptions } from '../../core/quiz/grade.ts';
import { moodleMatches } from '../../core/quiz/moodle-match.ts';
import type { Question } from '../../core/quiz/schema.ts';
import { cloze, shortQuestion } from '../fixtures/questions.ts';
import { gapItem, textItem } from './grading-helpers.ts';

const moodle: GradeOptions = { grading: 'moodle' };
const german: GradeOptions = { grading: 'german' };
const typed = (q: Question, text: string, opts: GradeOptions) => {
  const res = grade(q, { text }, 'de', opts);
  return { score: res.score, match: textItem(res).match, expected: textItem(res).expected };
};
const lenient = (answers: string[]) => shortQuestion(answers, { caseSensitive: false, typoTolerance: true });
const strict = (answers: string[]) => shortQuestion(answers, { caseSensitive: true, typoTolerance: true });

describe('German-aware grading (the default)', () => {
  it('accepts one typo with a note, half credits a wrong ending, accepts ae for ä with a note', () => {
    expect(typed(lenient(['Unterzeichnung']), 'Unterzeichnumg', german)).toMatchObject({ score: 1, match: 'typo' });
    expect(typed(lenient(['kritischen']), 'kritische', german)).toMatchObject({ score: 0.5, match: 'ending' });
    expect(typed(lenient(['einläuten']), 'einlaeuten', german)).toMatchObject({ score: 1, match: 'spelling' });
    expect(typed(lenient(['Abhängigkeit']), 'die Abhängigkeit', german).score).toBe(1);
  });

  it('forgives a first-letter capital where case counts', () => {
    expect(typed(strict(['vorsehen']), 'Vorsehen', german).score).toBe(1);
  });

  it('is what grading without a rule does: built-in quizzes and sets stored before the choice', () => {
    for (const text of ['Unterzeichnumg', 'unterzeichnungen', 'Unterzeichnung'])
      expect(grade(lenient(['Unterzeichnung']), { text }, 'de', german)).toEqual(grade(lenient(['Unterzeichnung']), { text }, 'de'));
  });
});

describe('grading as Moodle grades it', () => {
  it('gives a typo, a wrong ending, ae for ä and an article in front 0, with no note', () => {
    expect(typed(lenient(['Unterzeichnung']), 'Unterzeichnumg', moodle)).toMatchObject({ score: 0, match: 'none' });
    expect(typed(lenient(['kritischen']), 'kritische', moodle)).toMatchObject({ score: 0, match: 'none' });
    expect(typed(lenient(['einläuten']), 'einlaeuten', moodle)).toMatchObject({ score: 0, match: 'none' });
    expect(typed(lenient(['Abhängigkeit']), 'die Abhängigkeit', moodle).score).toBe(0);
  });

  it('accepts the answer exactly, after folding case (unless the question counts it) and white space', () => {
    expect(typed(lenient(['einläuten']), '  EINLÄUTEN ', moodle)).toMatchObject({ score: 1, match: 'exact' });
    expect(typed(lenient(['die enge Zusammenarbeit']), 'die   enge\tZusammenarbeit', moodle).score).toBe(1);
    expect(typed(strict(['vorsehen']), 'Vorsehen', moodle).score).toBe(0);
    expect(typed(strict(['vorsehen']), 'vorsehen', moodle).score).toBe(1);
  });

  it("counts case only by the question's own flag, not because it tests form", () => {
    const form = shortQuestion(['vorsehen'], { caseSensitive: false, typoTolerance: false, tests: 'form' });
    expect(typed(form, 'Vorsehen', moodle).score).toBe(1);
  });

  it("takes Moodle's wildcards: * for any run of characters, \\* for a star", () => {
    expect(typed(lenient(['Klima*']), 'Klimawandel', moodle).score).toBe(1);
    expect(typed(lenient(['*wandel']), 'Strukturwandel', moodle).score).toBe(1);
    expect(typed(lenient(['Klima*']), 'Umwelt', moodle).score).toBe(0);
    expect(typed(lenient(['*']), 'irgendwas', moodle).score).toBe(1);
    expect(moodleMatches('a*b', 'a\\*b', false)).toBe(true);
    expect(moodleMatches('axb', 'a\\*b', false)).toBe(false);
    expect(moodleMatches('a.b', 'a?b', false)).toBe(false);
  });

  it('takes the first accepted answer that matches, as Moodle does', () => {
    const q = shortQuestion(
      [
        { text: 'Klima*', weight: 0.5 },
        { text: 'Klimawandel', weight: 1 },
      ],
      { caseSensitive: false, typoTolerance: true },
    );
    expect(typed(q, 'Klimawandel', moodle).score).toBe(0.5);
  });

  it('grades cloze text gaps the same way', () => {
    const german = grade(cloze, { gaps: { g1: 'Produzenten', g2: 'Exporteur' } }, 'de');
    const strictly = grade(cloze, { gaps: { g1: 'Produzenten', g2: 'Exporteur' } }, 'de', moodle);
    expect(gapItem(german, 'g1').accepted).toBe(true);
    expect(gapItem(strictly, 'g1')).toMatchObject({ accepted: false, match: 'none' });
    expect(gapItem(strictly, 'g2').accepted).toBe(true);
  });
});
