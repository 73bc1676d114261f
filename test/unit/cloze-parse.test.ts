import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCloze } from '../../core/formats/cloze/parse.ts';
import { parseGift } from '../../core/formats/gift/parse.ts';
import { setSchemas } from '../../core/sets/schema.ts';

const EN = { lang: 'en', languages: ['de', 'en'] } as const;
const fixture = readFileSync(new URL('../fixtures/cloze/every-type.cloze', import.meta.url), 'utf8');
const parsed = parseCloze(fixture, EN);
const byId = Object.fromEntries(parsed.set.questions.map((q) => [q.id, q]));
/** The first gap of a fixture question. */
const gap = (id: string) => {
  const q = byId[id];
  if (!q || q.type !== 'cloze') throw new Error(`no cloze question ${id}`);
  return q.gaps[0]!;
};
const t = (en: string) => ({ en });

describe('Moodle Cloze: one fixture per sub-question type and modifier', () => {
  it('imports the whole fixture file, valid under the set schema', () => {
    expect(parsed.problems).toEqual([]);
    expect(parsed.set.questions).toHaveLength(27);
    expect(setSchemas(['en']).QuestionSet.safeParse(parsed.set).success).toBe(true);
  });

  it('reads SHORTANSWER (SA, MW) with weights, feedback and a "*" catch-all; all-right answers as a simple gap', () => {
    expect(gap('sa')).toEqual({
      id: 'g1',
      kind: 'typed',
      answers: {
        en: [
          { text: 'neodymium', weight: 1, feedback: 'right' },
          { text: 'neodym', weight: 0.5, feedback: 'the German name' },
          { text: '*', weight: 0, feedback: 'no' },
        ],
      },
    });
    expect(gap('shortanswer')).toEqual({ id: 'g1', answers: { en: ['neodymium'] } });
    expect(gap('mw')).toEqual({ id: 'g1', answers: { en: ['neodymium', 'Nd'] } });
    expect(byId.sa).toMatchObject({
      text: t('The metal is {{g1}}.'),
      prompt: t('The metal is _____.'),
      caseSensitive: false,
      typoTolerance: false,
    });
  });

  it('reads SHORTANSWER_C (SAC, MWC) as case-sensitive, and the number before the type as the gap weight', () => {
    expect(gap('sac')).toEqual({
      id: 'g1',
      kind: 'typed',
      caseSensitive: true,
      answers: {
        en: [
          { text: 'Nd', weight: 1, feedback: 'right' },
          { text: 'ND', weight: 0.5, feedback: 'mind the case' },
        ],
      },
    });
    expect(gap('shortanswer_c')).toEqual({
      id: 'g1',
      kind: 'typed',
      weight: 2,
      caseSensitive: true,
      answers: { en: [{ text: 'Nd', weight: 1 }] },
    });
    expect(gap('mwc')).toMatchObject({ kind: 'typed', caseSensitive: true });
  });

  it('reads NUMERICAL (NM) with tolerances, a decimal comma, weights, feedback and "*" as the other-answer feedback', () => {
    expect(gap('nm')).toEqual({
      id: 'g1',
      kind: 'numerical',
      weight: 2,
      answers: [
        { answer: 2025, tolerance: 1, weight: 1, feedback: t('right') },
        { answer: 2020, tolerance: 5, weight: 0.5, feedback: t('close') },
      ],
      otherFeedback: t('no'),
    });
    expect(gap('numerical')).toEqual({ id: 'g1', kind: 'numerical', answers: [{ answer: 3.14, tolerance: 0.01, weight: 1 }] });
  });

  it('reads MULTICHOICE (MC) with credit or feedback as a choice gap, a plain one as a select of words', () => {
    expect(gap('mc')).toEqual({
      id: 'g1',
      kind: 'single',
      choices: [
        { id: 'a', text: t('an ally'), weight: 1, feedback: t('yes') },
        { id: 'b', text: t('a rival'), weight: 0, feedback: t('no') },
        { id: 'c', text: t('a partner'), weight: 0.5 },
      ],
    });
    expect(gap('multichoice')).toEqual({ id: 'g1', answers: { en: ['an ally'] }, options: { en: ['an ally', 'a rival'] } });
    expect(gap('mc100')).toEqual({ id: 'g1', answers: { en: ['this'] }, options: { en: ['this', 'that'] } });
  });

  it('reads the vertical, horizontal and shuffled variants of MULTICHOICE', () => {
    const shape = (id: string) => {
      const g = gap(id) as { kind?: string; display?: string; shuffle?: boolean };
      return [g.kind, g.display ?? 'select', g.shuffle ?? false];
    };
    expect(shape('mcs')).toEqual(['single', 'select', true]);
    expect(shape('multichoice_s')).toEqual(['single', 'select', true]);
    expect(shape('mcv')).toEqual(['single', 'vertical', false]);
    expect(shape('multichoice_v')).toEqual(['single', 'vertical', false]);
    expect(shape('mcvs')).toEqual(['single', 'vertical', true]);
    expect(shape('mch')).toEqual(['single', 'horizontal', false]);
    expect(shape('multichoice_h')).toEqual(['single', 'horizontal', false]);
    expect(shape('mchs')).toEqual(['single', 'horizontal', true]);
  });

  it('reads MULTIRESPONSE (MR, MRH, _S) with Moodle weights: = shares 100 %, each unweighted wrong answer takes one share back', () => {
    expect(gap('mr')).toEqual({
      id: 'g1',
      kind: 'multi',
      choices: [
        { id: 'a', text: t('neodymium'), weight: 0.5 },
        { id: 'b', text: t('dysprosium'), weight: 0.5 },
        { id: 'c', text: t('iron'), weight: -0.5 },
      ],
    });
    expect(gap('multiresponse')).toMatchObject({
      kind: 'multi',
      choices: [{ weight: 0.5 }, { weight: 0.5 }, { weight: -1, feedback: t('no') }],
    });
    expect(gap('mrs')).toMatchObject({ kind: 'multi', shuffle: true, choices: [{ weight: 1 }, { weight: -1 }] });
    expect(gap('mrh')).toMatchObject({ kind: 'multi', display: 'horizontal' });
    expect(gap('multiresponse_h')).toMatchObject({ kind: 'multi', display: 'horizontal' });
    expect(gap('mrhs')).toMatchObject({ kind: 'multi', display: 'horizontal', shuffle: true });
    expect(gap('multiresponse_hs')).toMatchObject({ kind: 'multi', display: 'horizontal', shuffle: true });
  });

  it('reads \\} \\~ \\# as literal characters in the text, the answers and the feedback', () => {
    expect(byId.escapes).toMatchObject({ text: t('A brace } a tilde ~ a hash # and {{g1}}.') });
    expect(gap('escapes')).toEqual({
      id: 'g1',
      kind: 'typed',
      answers: {
        en: [
          { text: 'a}b', weight: 1, feedback: 'fb with # and ~' },
          { text: 'x~y', weight: 0 },
        ],
      },
    });
  });
});

describe('Moodle Cloze: several gaps, inside GIFT, and problems', () => {
  it('reads a {1:MC:…} inside a GIFT question as a cloze gap, with the other gaps of the question', () => {
    const r = parseGift('::EFL::The meaning is {1:MC:~=similar to~close to} and it {1:SA:=has happened}.', EN);
    expect(r.problems).toEqual([]);
    expect(r.set.questions[0]).toMatchObject({
      type: 'cloze',
      title: 'EFL',
      text: t('The meaning is {{g1}} and it {{g2}}.'),
      prompt: t('The meaning is _____ and it _____.'),
      gaps: [
        { id: 'g1', answers: { en: ['similar to'] }, options: { en: ['similar to', 'close to'] } },
        { id: 'g2', answers: { en: ['has happened'] } },
      ],
    });
  });

  it('reads bilingual embedded answers from multilang spans, the gaps outside the spans', () => {
    const src =
      '[html]<span lang="de" class="multilang">Die Metalle:</span><span lang="en" class="multilang">The metals:</span> {1:SA:=<span lang="de" class="multilang">Neodym</span><span lang="en" class="multilang">neodymium</span>}';
    const r = parseCloze(src, EN);
    expect(r.problems).toEqual([]);
    expect(r.set.languages).toEqual(['de', 'en']);
    expect(r.set.questions[0]).toMatchObject({
      text: { de: 'Die Metalle: {{g1}}', en: 'The metals: {{g1}}' },
      gaps: [{ id: 'g1', answers: { de: ['Neodym'], en: ['neodymium'] } }],
    });
  });

  it('refuses what would grade differently than in Moodle, each problem with its line', () => {
    const r = parseCloze(
      ['A {1:MC:a~b}.', '', 'B {1:SA:col*r}.', '', 'C {1:NM:=abc}.', '', 'D {1:SA:=x} and {not a gap}.', '', 'No gaps at all.'].join('\n'),
      EN,
    );
    expect(r.problems.map((p) => p.line)).toEqual([1, 3, 5, 7, 9]);
    expect(r.problems[0]!.message).toMatch(/no answer worth 100 %/);
    expect(r.problems[1]!.message).toMatch(/wildcard/);
    expect(r.problems[2]!.message).toMatch(/not a number/);
    expect(r.problems[3]!.message).toMatch(/not an embedded answer/);
    expect(r.problems[4]!.message).toMatch(/no embedded answers/);
  });

  it('refuses a type written in small letters, which Moodle would show as text', () => {
    const r = parseGift('Pick {1:mc:=a~b}.', EN);
    expect(r.problems).toEqual([expect.objectContaining({ line: 1, message: expect.stringMatching(/capitals/) })]);
  });
});
