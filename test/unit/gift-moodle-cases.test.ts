// Every import case of Moodle's own GIFT unit tests (moodle/moodle question/format/gift/tests/giftformat_test.php,
// test_import_*), with Moodle's expected values: type, texts, fractions, feedback, tolerances. The GIFT inputs are
// Moodle's; where our model deliberately differs, the test says why. (Export cases: gift-roundtrip.test.ts.)
import { describe, expect, it } from 'vitest';
import { grade } from '../../core/quiz/grade.ts';
import { importGift, moodleOne, moodleView } from './gift-moodle-view.ts';

describe("Moodle's giftformat_test.php, import cases", () => {
  it('test_import_essay: an essay named Q8', () => {
    expect(moodleOne('\n// essay\n::Q8:: How are you? {}')).toEqual({ name: 'Q8', qtype: 'essay', questiontext: 'How are you?' });
  });

  it('test_import_match: [html], [moodle], [plain] and [markdown] subquestions, and "= -> Chat" as an extra wrong answer', () => {
    const gift = [
      '',
      '// question: 2  name: Moodle activities',
      '::Moodle activities::[html]Match the <b>activity</b> to the description.{',
      '    =[html]An activity supporting asynchronous discussions. -> Forum',
      '    =[moodle]A teacher asks a question and specifies a choice of multiple responses. -> Choice',
      '    =[plain]A bank of record entries which participants can add to. -> Database',
      '    =[markdown]A collection of web pages that anyone can add to or edit. -> Wiki',
      '    = -> Chat',
      '}',
    ].join('\n');
    expect(moodleOne(gift)).toEqual({
      name: 'Moodle activities',
      qtype: 'match',
      // Moodle keeps <b>; our safe subset stores emphasis in one canonical form, <strong> (looks the same).
      questiontext: 'Match the <strong>activity</strong> to the description.',
      subquestions: [
        'An activity supporting asynchronous discussions.',
        'A teacher asks a question and specifies a choice of multiple responses.',
        'A bank of record entries which participants can add to.',
        'A collection of web pages that anyone can add to or edit.',
        '',
      ],
      subanswers: ['Forum', 'Choice', 'Database', 'Wiki', 'Chat'],
    });
  });

  it('test_import_multichoice: one right answer, feedback per answer in [html] and [plain]', () => {
    const gift = [
      '',
      '// multiple choice with specified feedback for right and wrong answers',
      "::Q2:: What's between orange and green in the spectrum?",
      '{',
      '    =yellow # right; good!',
      "    ~red # [html]wrong, it's yellow",
      "    ~[plain]blue # wrong, it's yellow",
      '}',
    ].join('\n');
    expect(moodleOne(gift)).toEqual({
      name: 'Q2',
      qtype: 'multichoice',
      questiontext: "What's between orange and green in the spectrum?",
      single: 1,
      answer: ['yellow', 'red', 'blue'],
      fraction: [1, 0, 0],
      feedback: ['right; good!', "wrong, it's yellow", "wrong, it's yellow"],
    });
  });

  it('test_import_multichoice_multi: no "=", so several may be picked, with negative weights', () => {
    const gift = [
      '',
      '// multiple choice, multiple response with specified feedback for right and wrong answers',
      "::colours:: What's between orange and green in the spectrum?",
      '{',
      '    ~%50%yellow # right; good!',
      '    ~%-100%red # [html]wrong',
      '    ~%50%off-beige # right; good!',
      '    ~%-100%[plain]blue # wrong',
      '}',
    ].join('\n');
    expect(moodleOne(gift)).toEqual({
      name: 'colours',
      qtype: 'multichoice',
      questiontext: "What's between orange and green in the spectrum?",
      single: 0,
      answer: ['yellow', 'red', 'off-beige', 'blue'],
      fraction: [0.5, -1, 0.5, -1],
      feedback: ['right; good!', 'wrong', 'right; good!', 'wrong'],
    });
  });

  it('test_import_multichoice_multi_tricky: %100% without "=" is still multiple response', () => {
    const gift = [
      '',
      "::colours:: What's between orange and green in the spectrum?",
      '{',
      '    ~%100%yellow # right; good!',
      '    ~%-50%red # wrong',
      '    ~%-50%blue # wrong',
      '}',
    ].join('\n');
    expect(moodleOne(gift)).toMatchObject({
      qtype: 'multichoice',
      single: 0,
      answer: ['yellow', 'red', 'blue'],
      fraction: [1, -0.5, -0.5],
      feedback: ['right; good!', 'wrong', 'wrong'],
    });
  });

  it('test_import_numerical: 3 ± 2, and ~# as the "*" answer worth 0 with its feedback', () => {
    const q = moodleOne('\n// math range question\n::Q5:: What is a number from 1 to 5? {#3:2~#Completely wrong}');
    expect(q).toEqual({
      name: 'Q5',
      qtype: 'numerical',
      questiontext: 'What is a number from 1 to 5?',
      answer: [3, '*'],
      tolerance: [2, ''],
      fraction: [1, 0],
      feedback: ['', 'Completely wrong'],
    });
  });

  const shortanswer = [
    '',
    '// question: 666  name: Shortanswer',
    '::Shortanswer::Which is the best animal?{',
    '    =Frog#Good!',
    '    =%50%Cat#What is it with Moodlers and cats?',
    '    =%0%*#Completely wrong',
  ];
  const animals = {
    name: 'Shortanswer',
    qtype: 'shortanswer',
    questiontext: 'Which is the best animal?',
    answer: ['Frog', 'Cat', '*'],
    fraction: [1, 0.5, 0],
    feedback: ['Good!', 'What is it with Moodlers and cats?', 'Completely wrong'],
  };

  it('test_import_shortanswer: weights and feedback, "*" as the catch-all worth 0', () => {
    const result = importGift([...shortanswer, '}'].join('\n'));
    expect(result.problems).toEqual([]);
    expect(moodleView(result.valid.questions[0]!)).toEqual(animals);
    // And it grades as Moodle: Cat earns half, anything else 0 with the catch-all's feedback.
    const q = result.valid.questions[0]!;
    expect(grade(q, { text: 'cat' }, 'en')).toMatchObject({ score: 0.5, items: [{ note: 'What is it with Moodlers and cats?' }] });
    expect(grade(q, { text: 'dog' }, 'en')).toMatchObject({ score: 0, items: [{ note: 'Completely wrong' }] });
  });

  it('test_import_shortanswer_with_general_feedback: ####[html] general feedback', () => {
    const gift = [...shortanswer, '    ####[html]Here is some general feedback!', '}'].join('\n');
    expect(moodleOne(gift)).toEqual({ ...animals, generalfeedback: 'Here is some general feedback!' });
  });

  it('test_import_truefalse: FALSE, the first feedback for a wrong answer, the second for a right one', () => {
    const gift =
      '\n// true/false\n::Q1:: 42 is the Absolute Answer to everything.{\nFALSE#42 is the Ultimate Answer.#You gave the right answer.}';
    expect(moodleOne(gift)).toEqual({
      name: 'Q1',
      qtype: 'truefalse',
      questiontext: '42 is the Absolute Answer to everything.',
      correctanswer: 0,
      feedbacktrue: '42 is the Ultimate Answer.',
      feedbackfalse: 'You gave the right answer.',
    });
  });

  it.each(['T', 'TRUE'])('test_import_truefalse_true_answer: {%s} under a name with digits and a dash', (answer) => {
    expect(moodleOne(`// name 0-11\n::2-08 TSL::TSL is blablabla.{${answer}}`)).toEqual({
      name: '2-08 TSL',
      qtype: 'truefalse',
      questiontext: 'TSL is blablabla.',
      correctanswer: 1,
      feedbacktrue: '',
      feedbackfalse: '',
    });
  });

  it('test_import_backslash: \\\\ is one backslash (MDL-34171)', () => {
    expect(moodleOne('\n// essay\n::double backslash:: A \\\\ B \\\\\\\\ C{}')).toEqual({
      name: 'double backslash',
      qtype: 'essay',
      questiontext: 'A \\ B \\\\ C',
    });
  });

  it('test_import_pre_content: escaped braces inside <pre>; its lines kept, the <pre> itself reported', () => {
    const gift = [
      '',
      '::Q001::[html]<p>What would running the test method print?</p>',
      '<pre>',
      '    public void test() \\{',
      '        method1();',
      '        method2();',
      '        method3();',
      '    \\}',
      '</pre>',
      '{}',
    ].join('\n');
    const result = importGift(gift);
    expect(result.problems).toEqual([]);
    // Moodle keeps the <pre>; it is not in our safe subset (issue 13), so it goes with a warning on its line,
    // and its line breaks stay (indentation collapses as in any other text).
    expect(result.warnings).toEqual([{ line: 2, column: 15, message: expect.stringMatching(/^removed from this text: <pre>/) }]);
    expect(moodleView(result.valid.questions[0]!)).toEqual({
      name: 'Q001',
      qtype: 'essay',
      questiontext: '<p>What would running the test method print?</p> public void test() {\nmethod1();\nmethod2();\nmethod3();\n}',
    });
  });

  it('test_import_question_with_tags: [id:myid] is the id; the tags are left out with a warning', () => {
    const gift = [
      '',
      '// This question is to test importing tags: [tag:tag] [tag:other-tag].',
      '// And an idnumber: [id:myid].',
      '::Question name:: How are you? {}',
    ].join('\n');
    const result = importGift(gift);
    expect(result.problems).toEqual([]);
    expect(result.valid.questions[0]).toMatchObject({ id: 'myid', title: 'Question name', type: 'essay', prompt: { en: 'How are you?' } });
    // Our sets have no tags: the import says so on the comment's line instead of dropping them silently.
    expect(result.warnings).toEqual([
      { line: 2, column: 1, message: 'the tags "tag", "other-tag" were left out: sets here have no tags.' },
    ]);
  });
});

describe("Moodle's extract_idnumber_and_tags_from_comment cases, as comments before a question", () => {
  // [Moodle's case name, the comment, Moodle's idnumber, Moodle's tags]. Our id is the idnumber when it is a
  // valid id, else "q1" with a warning; tags are reported as left out.
  const cases: Array<[string, string, string, string[]]> = [
    ['nothing in comment', '// A basic comment.', '', []],
    ['idnumber only', '// A comment with [id:frog] <-- an idnumber.', 'frog', []],
    ['tags only', '// Look tags: [tag:frog] [tag:toad].', '', ['frog', 'toad']],
    ['everything', '// [tag:add] [tag:basic] [id:four]', 'four', ['add', 'basic']],
    ['everything mixed up', '// [tag:  basic] Here is  \n// a [id:   four   ] que[tag:add   ]stion.', 'four', ['basic', 'add']],
    ['escape ] idnumber', '// [id:i\\]d].', 'i]d', []],
    ['escape ] tag', '// [tag:t\\]ag].', '', ['t]ag']],
  ];

  it.each(cases)('%s', (_name, comment, idnumber, tags) => {
    const result = importGift(`${comment}\nQ?{T}`);
    expect(result.problems).toEqual([]);
    const id = result.valid.questions[0]!.id;
    const messages = result.warnings.map((w) => w.message);
    if (idnumber && /^[A-Za-z0-9_-]+$/.test(idnumber)) expect(id).toBe(idnumber);
    else expect(id).toBe('q1');
    if (idnumber === 'i]d') expect(messages).toContainEqual(expect.stringMatching(/the id number "i\]d" could not be used/));
    if (tags.length) expect(messages).toContain(`the tags ${tags.map((t) => `"${t}"`).join(', ')} were left out: sets here have no tags.`);
    else expect(messages.filter((m) => m.includes('tags'))).toEqual([]);
  });

  it('split over line: a tag cut by a line break is no tag (the next line is question text to Moodle too)', () => {
    const result = importGift("// Ceci n\\'est pas une [tag:\n\\\\ frog].\nQ?{T}");
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.valid.questions[0]).toMatchObject({ id: 'q1', prompt: { en: '\\ frog].<br>Q?' } });
  });
});
