// GIFT as Moodle's own export writes it, and the leniencies of Moodle's importer that real files rely on.
import { describe, expect, it } from 'vitest';
import { parseGift } from '../../core/formats/gift/parse.ts';
import { byId, EN, fixture, imported } from './gift-helpers.ts';

describe("a file as Moodle's own export writes it", () => {
  it('reads the HTML, the escapes, the weights and the empty feedback Moodle writes', () => {
    const { result, q } = imported('moodle-export.gift');
    expect(result.set.title).toEqual({ en: 'Week 1' });
    expect(result.set.questions.map((x) => x.id)).toEqual(['q1', 'Year', 'Symbol', 'Essay']); // "Magnet metal" is no id
    expect(q('q1')).toMatchObject({
      title: 'Magnet metal',
      type: 'single',
      prompt: { en: 'Which metal is used in the strongest permanent magnets?<br>' },
      choices: [
        { id: 'a', text: { en: 'Neodymium' }, correct: true, feedback: { en: 'Right: NdFeB magnets.' } },
        { id: 'b', text: { en: 'Aluminium' }, feedback: { en: 'No.' } },
        { id: 'c', text: { en: 'Lead' } },
      ],
    });
    expect(q('Year')).toEqual({
      id: 'Year',
      type: 'numerical',
      title: 'Year',
      prompt: { en: 'In which year was the agreement signed?' },
      answer: 2023,
      tolerance: 0,
      alternatives: [{ answer: 2023, tolerance: 1, weight: 0.5, feedback: 'Almost.' }],
      otherFeedback: { en: 'Look again.' }, // Moodle keeps ~# as the feedback of its "*" answer; so do we
    });
    expect(q('Symbol').answers).toEqual({
      en: [
        { text: 'Nd', weight: 1 },
        { text: '*', weight: 0, feedback: 'Check the periodic table.' },
      ],
    });
    expect(q('Essay').explanation).toEqual({ en: 'Mention <strong>magnets</strong>.' }); // in the safe subset
    // Only what is outside the safe subset is reported: the editor's style attribute (dir goes silently).
    expect(result.warnings.map((w) => [w.line, w.message])).toEqual([[6, expect.stringMatching(/^removed from this text: style="…"/)]]);
  });

  it('refuses a negative weight in a question with one right answer, which Moodle scores below 0 (ours cannot)', () => {
    // Moodle's single choice gives a pick its fraction, -50 % included; our single kind scores a wrong pick 0 and a
    // multiple-response copy would let the learner tick several: either would grade differently, so a 422.
    const src = fixture('moodle-export.gift').replace('~<p>Lead', '~%-50%<p>Lead');
    const result = parseGift(src, EN);
    expect(result.problems).toEqual([{ line: 9, column: 3, message: expect.stringMatching(/^the weight %-50% would lower the score/) }]);
    const gap = parseGift('Grant is {=entombed ~%-50%buried ~living} in the tomb.', EN);
    expect(gap.problems.map((p) => [p.line, p.column])).toEqual([[1, 22]]);
  });
});

describe("Moodle's leniency", () => {
  it('reads unescaped single colons in a stem as text, and ~=answer as =answer, and trims everything', () => {
    const { q } = imported('lenient.gift');
    expect(q('colons').prompt).toEqual({ en: 'Time: 10:30. Question: is this a colon-rich stem?' });
    expect(q('sloppy')).toMatchObject({
      type: 'single',
      choices: [
        { id: 'a', text: { en: 'Right' }, correct: true },
        { id: 'b', text: { en: 'Wrong' } },
      ],
    });
    expect(q('spaces')).toMatchObject({
      prompt: { en: 'Lots of space around the text.' },
      choices: [{ text: { en: 'Right answer' }, correct: true, feedback: { en: 'Feedback with spaces' } }, { text: { en: 'Wrong' } }],
    });
  });

  it('decides the type in Moodle order: # before ~, ~ before = and ->, T/F only exactly', () => {
    const types = (src: string) => parseGift(src, EN).set.questions.map((q) => q.type);
    expect(types('A{#5}\n\nB{~a =b->c}\n\nC{=a->b =c->d}\n\nD{TRUE}\n\nE{true}\n\nF{T#fb}')).toEqual([
      'numerical',
      'single',
      'match',
      'truefalse',
      'short',
      'truefalse',
    ]);
  });

  it('reads an answer without "=" as a short answer, as Moodle does', () => {
    const result = parseGift('Capital of France?{Paris}', EN);
    expect(byId(result, 'q1').answers).toEqual({ en: [{ text: 'Paris', weight: 1 }] });
  });

  it('accepts Windows line ends and a byte-order mark', () => {
    const result = parseGift('\uFEFF::a::One?{T}\r\n\r\n::b::Two?{F}\r\n', EN);
    expect(result.problems).toEqual([]);
    expect(result.set.questions.map((q) => q.id)).toEqual(['a', 'b']);
    expect(result.lineOf).toEqual({ a: 1, b: 3 });
  });

  it('lets a multi-line question keep its line breaks', () => {
    const result = parseGift('::m::First line\nsecond line{\n=yes\n~no\n}', EN);
    // Moodle's default format shows a line break as a line break: stored as the <br> of the safe subset.
    expect(byId(result, 'm').prompt).toEqual({ en: 'First line<br>second line' });
  });
});
