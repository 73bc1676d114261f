// GIFT files with mistakes: every problem at once with line and column, warnings where something changed,
// HTML that never reaches a text as markup, and large hostile files read to the end.
import { describe, expect, it } from 'vitest';
import { parseGift } from '../../core/formats/gift/parse.ts';
import { escapeGift } from '../../core/formats/gift/write.ts';
import { grade } from '../../core/quiz/grade.ts';
import { questionSchemas } from '../../core/quiz/schema.ts';
import { byId, EN } from './gift-helpers.ts';

describe('problems', () => {
  it('reports every problem in a file at once, with line, column and a plain message', () => {
    const src = [
      '// A file with several mistakes', //                                  1
      '::ok::This one is fine.{T}', //                                       2
      '', //                                                                 3
      '::unclosed::Where is the end? {=here ~there', //                      4  `{` at column 31
      '', //                                                                 5
      '::one::Only one choice{~%100%alone}', //                              6  `{` at column 23
      '', //                                                                 7
      '::cloze::Capital {1:SHORTANSWER:=Berlin} and {1:MC:~=Rhine~Elbe}', // 8  Moodle Cloze inside GIFT: imported
      '', //                                                                 9
      '::lang::[html]<span lang="en" class="multilang">Yes?</span><span lang="fr" class="multilang">Oui?</span>{T}', // 10 fr span at column 60
      '', //                                                                 11
      '::stray::A stray } brace{T}', //                                      12 `}` at column 18
      '', //                                                                 13
      '::two-right::Pick{=a =b ~c}', //                                      14 `{` at column 18
      '', //                                                                 15
      '::nomatch::Pair them{=a -> b =c}', //                                 16 `c` at column 31
    ].join('\n');
    const result = parseGift(src, EN);
    expect(result.problems.map((p) => [p.line, p.column])).toEqual([
      [4, 31],
      [6, 23],
      [10, 60],
      [12, 18],
      [14, 18],
      [16, 31],
    ]);
    const messages = result.problems.map((p) => p.message);
    expect(messages[0]).toBe('this "{" is never closed: the answers must end with "}" (write \\{ for a literal brace).');
    expect(messages[1]).toBe('this multiple-choice question has only one answer; it needs at least two.');
    expect(messages[2]).toBe('the language "fr" of this multilang span is not one of the course languages ("de", "en").');
    expect(messages[3]).toBe('this "}" has no "{" before it (write \\} for a literal brace).');
    expect(messages[4]).toMatch(/^this question marks 2 answers as right/);
    expect(messages[5]).toBe('"c" has no "->": write each pair as =left -> right.');
    // Nothing is imported from a file with problems, but the good question was still read.
    expect(result.set.questions.map((q) => q.id)).toContain('ok');
    expect(byId(result, 'cloze')).toMatchObject({ type: 'cloze', text: { en: 'Capital {{g1}} and {{g2}}' } });
  });

  // Moodle's GIFT reader would take `{1:SA:=Berlin}` for a short answer "1:SA:" / "Berlin"; issue 13 reads Cloze
  // where teachers put it, so the only block is a gap too. A nested brace stays a problem.
  it('reads Cloze syntax in the only block as a gap, and refuses a brace inside the answers', () => {
    const result = parseGift('Capital?{1:SA:=Berlin}\n\nNested{=a {b}}', EN);
    expect(result.problems.map((p) => [p.line, p.column, p.message])).toEqual([
      [3, 11, expect.stringMatching(/a "\{" inside the answers/)],
    ]);
    expect(result.set.questions[0]).toMatchObject({
      type: 'cloze',
      text: { en: 'Capital?{{g1}}' },
      gaps: [{ id: 'g1', answers: { en: ['Berlin'] } }],
    });
  });

  it('explains an unescaped "=" inside HTML in the answers', () => {
    const result = parseGift('[html]Pick{=<span lang="de" class="multilang">Ja</span> ~nein}', { lang: 'de', languages: ['de'] });
    expect(result.problems).toEqual([{ line: 1, column: 23, message: expect.stringMatching(/unescaped "=" inside an HTML tag.*\\=/) }]);

    // In true/false feedback and in the general feedback an "=" does no harm, as in Moodle.
    const harmless = parseGift('[html]Sure?{T#<a href="https://example.org">see</a>####<b class="x">ok</b>}', {
      lang: 'de',
      languages: ['de'],
    });
    expect(harmless.problems).toEqual([]);
    // The link and the bold text are in the safe subset and kept (b as strong, class dropped).
    expect(harmless.set.questions[0]).toMatchObject({
      type: 'truefalse',
      feedback: { wrong: { de: '<a href="https://example.org" rel="noopener noreferrer nofollow">see</a>' } },
      explanation: { de: '<strong>ok</strong>' },
    });
  });

  // Moodle imports partial credit in a missing-word question (examples.txt, "Jesus' hometown"): a multichoice whose
  // text shows _____, graded by the picked answer's fraction. We do the same instead of refusing it.
  it('reads partial credit in a missing-word gap as Moodle: one choice, its weight, the blank in the text', () => {
    const result = parseGift('The sky is {=blue ~%50%light blue ~green} today.', EN);
    expect(result.problems).toEqual([]);
    expect(result.set.questions[0]).toMatchObject({
      type: 'single',
      prompt: { en: 'The sky is _____ today.' },
      choices: [
        { id: 'a', text: { en: 'blue' }, correct: true },
        { id: 'b', text: { en: 'light blue' }, credit: 0.5 },
        { id: 'c', text: { en: 'green' } },
      ],
    });
  });

  it('needs every language in a multilang text of a bilingual file; plain text is shown in all of them, as in Moodle', () => {
    const src = [
      '::a::[html]<span lang="de" class="multilang">Ja?</span><span lang="en" class="multilang">Yes?</span>{T}',
      '',
      '::b::Plain text only{T}',
      '',
      '::c::[html]<span lang="de" class="multilang">Nur deutsch</span>{T}',
    ].join('\n');
    const result = parseGift(src, EN);
    expect(result.set.languages).toEqual(['de', 'en']);
    expect(result.problems.map((p) => [p.line, p.column])).toEqual([[5, 12]]);
    expect(result.problems[0]!.message).toMatch(/no version in "en"/);
    expect(result.set.questions[1]!.prompt).toEqual({ de: 'Plain text only', en: 'Plain text only' });
  });

  it('checks weights: out of range, not adding up, no right answer, nothing at 100 %', () => {
    const src = ['A{~%150%a ~b}', '', 'B{~%40%a ~%40%b ~c}', '', 'C{~a ~b}', '', 'D{=%50%half}', '', 'E{#abc}', '', 'F{#=%50%5}'].join(
      '\n',
    );
    const messages = parseGift(src, EN).problems.map((p) => `${p.line}: ${p.message}`);
    expect(messages).toEqual([
      expect.stringMatching(/^1: the weight %150% is not possible/),
      expect.stringMatching(/^3: the weights of the right answers add up to 80 %/),
      expect.stringMatching(/^5: no answer is marked as right/),
      expect.stringMatching(/^7: none of the answers is worth 100 %/),
      expect.stringMatching(/^9: "abc" is not a number/),
      expect.stringMatching(/^11: none of the numerical answers is worth 100 %/),
    ]);
  });

  it('checks ids given with // @id', () => {
    const result = parseGift('// @id bad id!\nA{T}\n\n// @id same\nB{T}\n\n// @id same\nC{T}', EN);
    expect(result.problems).toEqual([
      { line: 1, column: 4, message: expect.stringMatching(/"@id bad id!" is not a valid id/) },
      { line: 7, column: 4, message: 'the id "same" is already used by the question on line 5.' },
    ]);
  });

  it('wants $CATEGORY on its own and reads an unclosed ::title as text, with a warning', () => {
    const result = parseGift('$CATEGORY: a/b\nQuestion?{T}\n\n::Title without end Question?{T}', EN);
    expect(result.problems).toEqual([{ line: 2, column: 1, message: expect.stringMatching(/"\$CATEGORY:" must stand alone/) }]);
    expect(result.warnings).toEqual([{ line: 4, column: 1, message: expect.stringMatching(/no closing "::"/) }]);
    expect(result.set.questions[0]!.prompt).toEqual({ en: 'Title without end Question?' });
  });

  // Since issue 18 a file of descriptions only is a set to read (gift-descriptions-only.test.ts); a file with
  // neither questions nor descriptions is still refused.
  it('says so when a file has no questions and no descriptions', () => {
    expect(parseGift('// only a comment\n\n// and another', EN).problems).toEqual([
      { line: 1, column: 1, message: expect.stringMatching(/^this file has no questions/) },
    ]);
  });

  // Moodle keeps ~# (as a "*" answer), a 0 % numerical answer with its feedback and a missing-word answer's feedback;
  // so do we now: nothing was lost, so no warning. A wrong numerical value after ~ is what is still left out.
  it('warns where something was imported but changed, and not where nothing was lost', () => {
    const result = parseGift('N{#=5 =%0%4#close, but no ~#wrong}\n\nM{=a#good ~b} is the word.\n\nW{#5 ~3}', EN);
    expect(result.problems).toEqual([]);
    expect(result.warnings.map((w) => [w.line, w.message])).toEqual([
      [5, expect.stringMatching(/^a wrong answer with a value \(~…\) was left out/)],
    ]);
    const [n, m] = result.set.questions;
    expect(n).toMatchObject({
      type: 'numerical',
      alternatives: [{ answer: 4, weight: 0, feedback: 'close, but no' }],
      otherFeedback: { en: 'wrong' },
    });
    expect(m).toMatchObject({ type: 'single', choices: [{ feedback: { en: 'good' } }, {}] });
    const q = questionSchemas(['en']).Question.parse(n);
    expect(grade(q, { number: 4 }, 'en')).toMatchObject({ score: 0, notes: ['close, but no'] });
    expect(grade(q, { number: 7 }, 'en')).toMatchObject({ score: 0, notes: ['wrong'] });
  });
});

describe('HTML from a GIFT file never reaches a text as markup', () => {
  const attacks = [
    '<script>alert(1)</script>Which?',
    '<img src=x onerror=alert(1)>Which?',
    '<a href="javascript:alert(1)">x</a> Which?',
    '<svg onload=alert(1)>Which?',
    '<scr<script>ipt>alert(1)</script>Which?',
    '<iframe src="javascript:alert(1)"></iframe>Which?',
    '<a title=">" onclick="alert(1)">x</a>',
    '<img src=x onerror=alert(1)',
  ];
  const texts = (value: unknown): string[] =>
    typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(texts) : [];

  it.each(attacks)('removes %s', (raw) => {
    const attack = escapeGift(raw); // as a GIFT writer escapes it; unescaped `=`, `#` and `:` would split the answers
    const src = `::x::[html]${attack}{=[html]${attack} ~right#${attack} ####${attack}}\n\n[html]${attack}\n\n[html]${raw}{T}`;
    const result = parseGift(src, EN);
    const all = texts(result.set);
    expect(all.length).toBeGreaterThan(5);
    for (const t of all) {
      expect(t).not.toContain('<');
      expect(t).not.toMatch(/onerror|onclick|onload|javascript:/i);
    }
  });

  it('also inside multilang spans', () => {
    const src =
      '[html]<span lang="de" class="multilang"><script>alert(1)</script>Frage <img src=x onerror=alert(1)></span><span lang="en" class="multilang"><a href="javascript:alert(1)">x</a> question</span>{T}';
    const result = parseGift(src, EN);
    expect(result.set.questions[0]!.prompt).toEqual({ de: 'Frage', en: 'x question' });
    // The sanitiser's warning names what went (the old one only said "reduced to plain text").
    expect(result.warnings.map((w) => [w.line, w.message])).toEqual([
      [1, expect.stringMatching(/^removed from this text: <script>, (onerror="…", )?<img>, .*a link to javascript:/)],
    ]);
  });
});

describe('large files', () => {
  // Speed is the bench's business (no timing assertions in npm test); here: large, hostile inputs near the
  // size limit are read to the end and answered with problems, never a crash.
  it('reads pathological files near the 256 KB limit to the end', () => {
    const files = [
      `Q ${'word :: # '.repeat(25000)}{T}`,
      `Q{${'~a '.repeat(80000)}}`,
      `Q{${'#'.repeat(200000)}}`,
      `[html]${'<a x'.repeat(60000)}{T}`,
      Array.from({ length: 20000 }, () => 'Q{x').join('\n\n'),
    ];
    for (const f of files) {
      const result = parseGift(f, EN);
      expect(result.problems.length + result.set.questions.length).toBeGreaterThan(0);
    }
    // The last file: one unclosed brace per block, each reported at its own line.
    const last = parseGift(files[4]!, EN);
    expect(last.problems.length).toBeGreaterThanOrEqual(20000);
    expect(last.problems.at(-1)!.line).toBe(39999);
  }, 60_000);
});
