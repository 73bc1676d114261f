// Moodle's documentation file question/format/gift/examples.txt (test/fixtures/gift/moodle-examples.gift) imports
// whole, each question with the type, answers, fractions and feedback Moodle's importer gives it (read from
// format.php), and an export of it imports back to the same set.
import { describe, expect, it } from 'vitest';
import { parseGift } from '../../core/formats/gift/parse.ts';
import { toGift } from '../../core/formats/gift/write.ts';
import { normalSet } from '../../core/formats/shared/normal-set.ts';
import { grade } from '../../core/quiz/grade.ts';
import type { AnyResponse } from '../../core/quiz/response.ts';
import { setSchemas } from '../../core/sets/schema.ts';
import { IDS, pid } from './grading-helpers.ts';
import { giftFixture, importGift, moodleView, type MoodleView } from './gift-moodle-view.ts';

const GRANT = "Who's buried in Grant's tomb?";
const ENTOMBED = "Grant is _____ in Grant's tomb.";
const THANKSGIVING = 'The American holiday of Thanksgiving is celebrated on the _____ Thursday of November.';
const PI = 'What is the value of pi (to 3 decimal places)? _____.';
const BORN = 'When was Ulysses S. Grant born?';
const TWO = "What two people are entombed in Grant's tomb?";
const JESUS = 'Jesus Christ was from _____.';
const blank = (n: number) => Array.from({ length: n }, () => '');

const mc = (questiontext: string, answer: string[], fraction: number[], feedback = blank(answer.length)): MoodleView => ({
  qtype: 'multichoice',
  questiontext,
  single: 1,
  answer,
  fraction,
  feedback,
});
const mr = (questiontext: string, answer: string[], fraction: number[]): MoodleView => ({
  ...mc(questiontext, answer, fraction),
  single: 0,
});
const sa = (questiontext: string, answer: string[], fraction = answer.map(() => 1), feedback = blank(answer.length)): MoodleView => ({
  qtype: 'shortanswer',
  questiontext,
  answer,
  fraction,
  feedback,
});
const tf = (questiontext: string, correct: 0 | 1, feedbacktrue = ''): MoodleView => ({
  qtype: 'truefalse',
  questiontext,
  correctanswer: correct,
  feedbacktrue,
  feedbackfalse: '',
});
const num = (questiontext: string, answer: number[], tolerance: number[], fraction = [1], feedback = blank(answer.length)): MoodleView => ({
  qtype: 'numerical',
  questiontext,
  answer,
  tolerance,
  fraction,
  feedback,
});
const match = (questiontext: string, pairs: Array<[string, string]>): MoodleView => ({
  qtype: 'match',
  questiontext,
  subquestions: pairs.map(([l]) => l),
  subanswers: pairs.map(([, r]) => r),
});
const named = (name: string, q: MoodleView): MoodleView => ({ name, ...q });

const grantMc = mc(GRANT, ['Grant', 'Jefferson', 'no one'], [0, 0, 1]);
// Moodle imports a missing-word question with choices as a multichoice whose text shows _____; we keep it as a
// one-gap cloze (a select inline), which grades the same: the view shows it as Moodle's multichoice.
const entombed = mc(ENTOMBED, ['buried', 'entombed', 'living'], [0, 1, 0]);
const grantFalse = tf("Grant is buried in Grant's tomb.", 0);
const nobody = sa(GRANT, ['no one', 'nobody']);
const thanksgiving = mc(THANKSGIVING, ['second', 'third', 'fourth'], [0, 0, 1]);
const excellent = ['excellent answer!', 'excellent answer!'];
const hometown = ["Yes! That's right!", 'Right, but misspelled.', 'He was born here, but not raised here.'];
const countries: Array<[string, string]> = [
  ['Canada', 'Ottawa'],
  ['Italy', 'Rome'],
  ['Japan', 'Tokyo'],
];

/** examples.txt, question by question, as Moodle's importer reads it. */
const MOODLE: MoodleView[] = [
  // Examples from the class description.
  grantMc,
  entombed,
  grantFalse,
  nobody,
  num(BORN, [1822], [1]),
  // Examples from the documentation.
  grantMc,
  entombed,
  thanksgiving,
  mc('Japanese characters originally came from what country?', ['India', 'China', 'Korea', 'Egypt'], [0, 1, 0, 0]),
  nobody,
  sa('Two plus two equals _____.', ['four', '4']),
  tf("Grant is buried in Grant's tomb.", 0),
  tf('The sun rises in the east.', 1),
  match(
    'Matching Question.',
    [1, 2, 3].map((i) => [`subquestion${i}`, `subanswer${i}`] as [string, string]),
  ),
  match('Match the following countries with their corresponding capitals.', [...countries, ['India', 'New Delhi']]),
  num(BORN, [1822], [0]),
  num(PI, [3.1415], [0.0005]),
  num(PI, [3.1415], [0.0005]), // Moodle stores 3.141..3.142 as its middle and half its width
  num(BORN, [1822, 1822], [0, 2], [1, 0.5]),
  num("What's 2 plus 2?", [4], [0]),
  named('Kanji Origins', sa('Japanese characters originally\ncame from what country?', ['China'])),
  named('Thanksgiving Date', { ...thanksgiving, questiontext: THANKSGIVING.replace('is celebrated', 'is\ncelebrated') }),
  mc(
    "What's the answer to this multiple-choice question?",
    ['wrong answer', 'another wrong answer', 'right answer'],
    [0, 0, 1],
    ['feedback comment on the wrong answer', 'feedback comment on this wrong answer', 'Very good!'],
  ),
  sa(GRANT, ['no one', 'nobody'], [1, 1], excellent),
  // [markdown]: Moodle keeps "**Grant's tomb**" and renders it when shown; we store the rendering.
  sa("Who's buried in <strong>Grant's tomb</strong>?", ['no one', 'nobody'], [1, 1], excellent),
  tf("Grant is buried in Grant's tomb.", 0, "No one is buried in Grant's tomb."),
  mc('Difficult question.', ['wrong answer', 'half credit answer', 'full credit answer'], [0, 0.5, 1]),
  named(
    "Jesus' hometown",
    mc(
      JESUS,
      ['Jerusalem', 'Bethlehem', 'Galilee', 'Nazareth'],
      [0, 0.25, 0.5, 1],
      [
        'This was an important city, but the wrong answer.',
        'He was born here, but not raised here.',
        'You need to be more specific.',
        "Yes! That's right!",
      ],
    ),
  ),
  // The text ends with "}", so Moodle inserts no blank.
  named("Jesus' hometown", sa('Jesus Christ was from', ['Nazareth', 'Nazereth', 'Bethlehem'], [1, 0.75, 0.25], hometown)),
  mr(TWO, ['No one', 'Grant', "Grant's wife", "Grant's father"], [0, 0.5, 0.5, 0]),
  mr(TWO, ['No one', 'Grant', "Grant's wife", "Grant's father"], [-0.5, 0.5, 0.5, -0.5]),
  mc('Which answer equals 5?', ['= 2 + 2', '= 2 + 3', '= 2 + 4'], [0, 1, 0]),
  named(
    'GIFT Control Characters',
    mc(
      'Which of the following is NOT a control character for the GIFT import format?',
      ['~', '=', '#', '{', '}', '\\'],
      [0, 0, 0, 0, 0, 1],
      [
        ...['~', '=', '#', '{', '}'].map((c) => `${c} is a control character.`),
        // Moodle keeps the continuation lines' indentation; shown as HTML it collapses, as we store it.
        'Correct! \\ (backslash) is not a control character. BUT,\nit is used to escape the control characters. So, to specify\na literal backslash, you must escape it with a backslash\n(as shown in this example).',
      ],
    ),
  ),
  // Examples from gift/format.php.
  grantMc,
  entombed,
  grantFalse,
  nobody,
  num(BORN, [1822], [5]),
  match('Match the following countries with their corresponding\ncapitals.', countries),
  // More complicated examples.
  named(
    "Grant's Tomb",
    mc(ENTOMBED, ['buried', 'entombed', 'living'], [0, 1, 0], ['No one is buried there.', 'Right answer!', 'We hope not!']),
  ),
  mc(
    'Difficult multiple choice question.',
    ['wrong answer', 'half credit answer', 'full credit answer'],
    [0, 0.5, 1],
    ['comment on wrong answer', 'comment on answer', 'well done!'],
  ),
  named("Jesus' hometown (Short answer ex.)", sa(JESUS, ['Nazareth', 'Nazereth', 'Bethlehem'], [1, 0.75, 0.25], hometown)),
  named(
    'Numerical example',
    num(BORN, [1822, 1822], [0, 2], [1, 0.5], ['Correct! 100% credit', 'He was born in 1822.\nYou get 50% credit for being close.']),
  ),
];

describe("Moodle's examples.txt", () => {
  const result = importGift(giftFixture('moodle-examples.gift'));

  it('imports whole: no problem, nothing left out, every question', () => {
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.valid.questions).toHaveLength(MOODLE.length);
  });

  it.each(MOODLE.map((m, i) => [i + 1, m.qtype, m] as const))('question %i reads as Moodle reads it (%s)', (n, _type, moodle) => {
    expect(moodleView(result.valid.questions[n - 1]!)).toEqual(moodle);
  });

  it('grades partial credit and negative weights as Moodle does', () => {
    const qs = result.valid.questions;
    const pick = (i: number, ...texts: string[]) => {
      const q = qs[i - 1]!;
      if (q.type !== 'single' && q.type !== 'multiple') throw new Error(`question ${i} is a ${q.type}`);
      const ids = texts.map((t) => pid(q, q.choices.find((c) => c.text.en === t)!.id));
      return q.type === 'single' ? { choice: ids[0]! } : { choices: ids };
    };
    const score = (i: number, r: AnyResponse) => grade(qs[i - 1]!, r, 'en', { ids: IDS }).score;
    expect(score(28, pick(28, 'Galilee'))).toBe(0.5);
    expect(score(31, pick(31, 'Grant', 'No one'))).toBe(0);
    expect(score(31, pick(31, 'Grant', "Grant's wife"))).toBe(1);
  });

  it('exports to GIFT and imports back to the same set', () => {
    const set = result.valid;
    const back = parseGift(toGift(set), { lang: 'en', languages: ['en'] });
    expect(back.problems).toEqual([]);
    const parsed = setSchemas(['en']).QuestionSet.parse(back.set);
    expect(normalSet(parsed)).toEqual(normalSet(set));
  });
});
