// GIFT as Moodle reads it: one fixture per construct (test/fixtures/gift/*.gift).
import { describe, expect, it } from 'vitest';
import { parseGift } from '../../core/formats/gift/parse.ts';
import { byId, EN, imported } from './gift-helpers.ts';

describe('GIFT constructs (one fixture each)', () => {
  it('reads true/false with the first feedback for a wrong choice and the second for a right one', () => {
    const { q } = imported('truefalse.gift');
    expect(q('moon')).toMatchObject({
      type: 'truefalse',
      title: 'moon',
      prompt: { en: 'The Moon goes round the Earth.' },
      answer: true,
      feedback: { wrong: { en: 'Look again: it does.' }, right: { en: 'Right, about once every 27 days.' } },
    });
    expect(q('sun')).toMatchObject({ type: 'truefalse', answer: false });
    expect(q('sun').feedback).toBeUndefined();
    expect(q('water')).toMatchObject({ answer: true, explanation: { en: 'At higher altitudes it boils at a lower temperature.' } });
  });

  it('reads multiple choice with one right answer, partial credit and feedback per answer', () => {
    const { q } = imported('multiple-choice.gift');
    expect(q('capital')).toEqual({
      id: 'capital',
      type: 'single',
      title: 'capital',
      prompt: { en: 'Which city is the capital of Japan?' },
      choices: [
        { id: 'a', text: { en: 'Tokyo' }, correct: true, feedback: { en: 'Yes, since 1868.' } },
        { id: 'b', text: { en: 'Kyoto' }, feedback: { en: 'Kyoto was the capital before 1868.' } },
        { id: 'c', text: { en: 'Edo' }, credit: 0.5, feedback: { en: 'Half right: Edo is the old name of Tokyo.' } },
        { id: 'd', text: { en: 'Osaka' }, feedback: { en: 'Osaka is the second largest city.' } },
      ],
    });
  });

  it('reads a missing-word question as a cloze with one gap (choices, or typed answers)', () => {
    const { result } = imported('missing-word.gift');
    const [choice, typed] = result.set.questions as Array<Record<string, any>>;
    expect(choice).toMatchObject({
      id: 'q1',
      type: 'cloze',
      prompt: { en: 'Neodymium is a _____ used in strong magnets.' },
      text: { en: 'Neodymium is a {{g1}} used in strong magnets.' },
      gaps: [{ id: 'g1', answers: { en: ['rare-earth element'] }, options: { en: ['noble gas', 'rare-earth element', 'halogen'] } }],
      caseSensitive: false,
    });
    expect(typed).toMatchObject({
      id: 'q2',
      type: 'cloze',
      text: { en: 'Japan imports most of its rare earths from {{g1}} today.' },
      gaps: [{ id: 'g1', answers: { en: ['China', 'the PRC'] } }],
    });
    expect(typed!.gaps[0].options).toBeUndefined();
  });

  it('reads short answers with alternatives, a weight, feedback and a "*" catch-all, case-insensitive', () => {
    const { q } = imported('short-answer.gift');
    expect(q('element')).toMatchObject({
      type: 'short',
      caseSensitive: false,
      answers: {
        en: [
          { text: 'Neodymium', weight: 1, feedback: 'Right.' },
          { text: 'Neodym', weight: 1 },
          { text: 'Nd', weight: 0.5, feedback: 'That is the symbol, not the name.' },
          { text: '*', weight: 0, feedback: 'Look it up in the periodic table.' },
        ],
      },
    });
  });

  it('reads multiple response (no "=") with positive and negative weights', () => {
    const { q } = imported('multiple-response.gift');
    expect(q('magnets')).toMatchObject({
      type: 'multiple',
      choices: [
        { id: 'a', text: { en: 'Neodymium' }, weight: 0.5, feedback: { en: 'Yes.' } },
        { id: 'b', text: { en: 'Dysprosium' }, weight: 0.5 },
        { id: 'c', text: { en: 'Iron' }, weight: -1, feedback: { en: 'No, iron is a transition metal but not a rare earth.' } },
        { id: 'd', text: { en: 'Copper' }, weight: -1 },
      ],
    });
  });

  it('reads matching pairs in order, with general feedback', () => {
    const { q } = imported('matching.gift');
    expect(q('symbols')).toMatchObject({
      type: 'match',
      pairs: [
        { left: { en: 'Neodymium' }, right: { en: 'Nd' } },
        { left: { en: 'Dysprosium' }, right: { en: 'Dy' } },
        { left: { en: 'Lanthanum' }, right: { en: 'La' } },
      ],
      explanation: { en: 'All three are lanthanides.' },
    });
  });

  it('reads numerical answers with a tolerance, a range, and several weighted answers', () => {
    const { q } = imported('numerical.gift');
    expect(q('year-tol')).toMatchObject({ type: 'numerical', answer: 2023, tolerance: 1 });
    expect(q('year-range')).toMatchObject({ type: 'numerical', min: 2020, max: 2025 });
    expect(q('year-range').answer).toBeUndefined();
    expect(q('weighted')).toMatchObject({
      type: 'numerical',
      answer: 15,
      tolerance: 0,
      alternatives: [
        { answer: 15, tolerance: 2, weight: 0.5, feedback: 'Close: count again.' },
        { answer: 17, tolerance: 0, weight: 0.25, feedback: 'That counts scandium and yttrium too.' },
      ],
    });
  });

  it('reads escaped special characters as literal text', () => {
    const { q } = imported('escapes.gift');
    expect(q('escaped')).toMatchObject({
      type: 'truefalse',
      prompt: { en: 'Is 1 + 1 = 2 true {always}?<br>Hint: think of ~arithmetic#1.' },
    });
    expect(q('escaped-answer')).toMatchObject({
      type: 'single',
      choices: [{ text: { en: 'a = b ~ c' }, correct: true }, { text: { en: 'a # b' } }],
    });
  });

  it('reads an essay ({}), with its general feedback as the explanation', () => {
    const { q } = imported('essay.gift');
    expect(q('essay')).toEqual({
      id: 'essay',
      type: 'essay',
      title: 'essay',
      prompt: { en: 'Explain in your own words why rare earths matter for electric cars.' },
      explanation: { en: 'A good answer mentions magnets in electric motors.' },
    });
    expect(q('essay-plain')).toMatchObject({ type: 'essay' });
  });

  it('reads a description as a passage before the next question (or at the end)', () => {
    const { set } = imported('description.gift');
    expect(set.questions.map((x) => x.id)).toEqual(['after']);
    expect(set.passages).toEqual([
      { before: 'after', text: { en: 'Rare earths are seventeen metals used in magnets, screens and batteries.' } },
      { before: null, text: { en: 'This closing remark follows the last question.' } },
    ]);
  });

  it('takes ids from // @id, else from a unique ::title:: that is a valid id, else by position; keeps categories', () => {
    const { result, set } = imported('comments-title-category.gift');
    expect(set.questions.map((x) => [x.id, x.title])).toEqual([
      ['q-basic', 'q-basic'],
      ['custom-id', 'Not a valid id!'],
      ['q3', 'dup'],
      ['q4', 'dup'],
      ['q5', undefined],
      ['trade', 'trade'],
    ]);
    expect(set.questions[0]!.prompt).toEqual({ en: 'Neodymium is a metal.' });
    expect(result.categoryOf).toEqual({
      'q-basic': '$course$/top/Rare earths/Basics',
      'custom-id': '$course$/top/Rare earths/Basics',
      q3: '$course$/top/Rare earths/Basics',
      q4: '$course$/top/Rare earths/Basics',
      q5: '$course$/top/Rare earths/Basics',
      trade: '$course$/top/Rare earths/Trade',
    });
    expect(set.title).toEqual({ en: 'Basics' });
    expect(result.lineOf).toEqual({ 'q-basic': 5, 'custom-id': 8, q3: 10, q4: 12, q5: 14, trade: 18 });
  });

  it('takes the set title from // @title comments (our export writes them), unless the title option is given', () => {
    const src =
      '// @title de: Seltene Erden\n// @title en: Rare earths\n\n[html]<span lang="de" class="multilang">Ja?</span><span lang="en" class="multilang">Yes?</span>{T}';
    expect(parseGift(src, EN).set.title).toEqual({ de: 'Seltene Erden', en: 'Rare earths' });
    expect(parseGift(src, { ...EN, title: 'Given' }).set.title).toEqual({ de: 'Given', en: 'Given' });
  });

  it('uses the title option, else "Untitled set", in every set language', () => {
    expect(parseGift('Q?{T}', { ...EN, title: 'Mine' }).set.title).toEqual({ en: 'Mine' });
    expect(parseGift('Q?{T}', EN).set.title).toEqual({ en: 'Untitled set' });
    expect(parseGift('Q?{T}', { ...EN, lesson: 'rare-earths' }).set.lesson).toBe('rare-earths');
  });

  it('reads [html] with multilang spans as a bilingual question (attribute order free)', () => {
    const { result, q } = imported('multilang.gift');
    expect(result.set.languages).toEqual(['de', 'en']);
    expect(q('ml-tf')).toMatchObject({
      prompt: { de: 'Neodym ist ein Metall.', en: 'Neodymium is a metal.' },
      feedback: { wrong: { de: 'Doch.', en: 'It is.' }, right: { de: 'Richtig.', en: 'Right.' } },
    });
    expect(q('ml-mc')).toMatchObject({
      type: 'single',
      prompt: { de: 'Welches Element hat das Symbol Nd?', en: 'Which element has the symbol Nd?' },
      choices: [
        { id: 'a', text: { de: 'Neodym', en: 'Neodymium' }, correct: true },
        { id: 'b', text: { de: 'Eisen', en: 'Iron' }, feedback: { de: 'Fe ist Eisen.', en: 'Fe is iron.' } },
      ],
      explanation: { de: 'Nd steht für Neodym.', en: 'Nd stands for neodymium.' },
    });
    expect(q('ml-short').answers).toEqual({
      de: [
        { text: 'Neodym', weight: 1 },
        { text: 'Nd', weight: 1 },
      ],
      en: [
        { text: 'Neodymium', weight: 1 },
        { text: 'Nd', weight: 1 },
      ],
    });
    expect(result.warnings).toEqual([]); // <p> and multilang spans are not "formatting lost"
  });

  it('renders [markdown] to the safe markup, and keeps [plain] text as written (its "<" is text)', () => {
    const { q } = imported('markdown.gift');
    expect(q('md').prompt).toEqual({ en: 'Is <strong>neodymium</strong> a <em>metal</em>?' });
    expect(q('plain').prompt).toEqual({ en: 'Is &lt;b>iron&lt;/b> a rare earth?' });
  });

  it('keeps [html] formatting of the safe subset (a lone <p> unwrapped), with no warning when nothing is removed', () => {
    const result = parseGift('// first line\n::h::[html]<p>Is <b>iron</b> a<br>rare earth&nbsp;&amp; a metal?</p>{T}', EN);
    expect(result.problems).toEqual([]);
    expect(byId(result, 'h').prompt).toEqual({ en: 'Is <strong>iron</strong> a<br>rare earth\u00a0&amp; a metal?' });
    expect(result.warnings).toEqual([]);
  });

  it('makes answers and feedback [html] when the question text is, unless they say otherwise', () => {
    const result = parseGift('[html]Pick <i>one</i>{=<b>A</b>#<i>yes</i> ~[plain]<b>B</b>}', EN);
    expect(byId(result, 'q1').choices).toEqual([
      { id: 'a', text: { en: '<strong>A</strong>' }, correct: true, feedback: { en: '<em>yes</em>' } },
      { id: 'b', text: { en: '&lt;b>B&lt;/b>' } },
    ]);
  });
});
