import { describe, expect, it } from 'vitest';
import { parseCloze } from '../../core/formats/cloze/parse.ts';
import { grade, keyedResponse } from '../../core/quiz/grade.ts';
import { learnerCopy, type ClozePart } from '../../core/quiz/learner.ts';
import { questionSchemas, type Question } from '../../core/quiz/schema.ts';
import { IDS, testIds } from './grading-helpers.ts';

const { Question: QuestionSchema } = questionSchemas(['en']);
/** A cloze question read from Moodle's syntax, validated by the one schema. */
const fromCloze = (src: string): Question => {
  const r = parseCloze(src, { lang: 'en', languages: ['en'] });
  if (r.problems.length) throw new Error(JSON.stringify(r.problems));
  return QuestionSchema.parse(r.set.questions[0]);
};

// Five gaps of four types, weighted 1, 1, 2, 1, 1 (Moodle: the number before the type is the gap's mark).
const FIVE = fromCloze(
  'Words: {1:SA:=neodymium~%50%neodym#nearly}. Country: {1:MC:=Japan~%50%Korea#close~China}. Year: {2:NM:=2025:0~%50%2024#a year off}. Rare earths: {1:MR:=neodymium~=dysprosium~iron}. Symbol: {1:SAC:=Nd~%25%nd#case}.',
);
const copy = learnerCopy(FIVE, 'en', IDS);
const gapParts = copy.type === 'cloze' ? copy.parts.filter((p): p is Exclude<ClozePart, { text: string }> => 'gap' in p) : [];
/** The learner's id of a choice in a gap, found by its text (as a learner picks it). */
const pickId = (gap: string, text: string) => {
  const part = gapParts.find((p) => p.gap === gap);
  const c = part && 'choices' in part ? part.choices.find((x) => x.text === text) : undefined;
  if (!c) throw new Error(`no choice "${text}" in ${gap}`);
  return c.id;
};

describe('cloze grading as Moodle grades embedded answers', () => {
  it("gives partial credit per gap, weighted by each gap's mark", () => {
    const r = grade(
      FIVE,
      { gaps: { g1: 'neodymium', g2: pickId('g2', 'Korea'), g3: '1999', g4: [pickId('g4', 'neodymium')], g5: 'Nd' } },
      'en',
      { ids: IDS },
    );
    // (1·1 + 1·0.5 + 2·0 + 1·0.5 + 1·1) / 6
    expect(r.score).toBe(0.5);
    expect(r.items.map((i) => (i.kind === 'gap' ? i.accepted : null))).toEqual([true, true, false, true, true]);
    expect(r.notes).toEqual(['close']);
  });

  it("weights a numerical gap twice and gives each gap's partial credit and feedback", () => {
    const r = grade(
      FIVE,
      {
        gaps: {
          g1: 'Neodym',
          g2: pickId('g2', 'Japan'),
          g3: '2024',
          g4: [pickId('g4', 'neodymium'), pickId('g4', 'dysprosium')],
          g5: 'nd',
        },
      },
      'en',
      { ids: IDS },
    );
    // (1·0.5 + 1·1 + 2·0.5 + 1·1 + 1·0.25) / 6
    expect(r.score).toBe(Math.round((3.75 / 6) * 10000) / 10000);
    expect(r.notes).toEqual(['nearly', 'a year off', 'case']);
  });

  it('lets a wrong pick in a multi-response gap cost, never below 0 for the gap', () => {
    const iron = pickId('g4', 'iron');
    const one = (g4: string[]) => grade(FIVE, { gaps: { g4 } }, 'en', { ids: IDS }).score;
    expect(one([pickId('g4', 'neodymium'), iron])).toBe(0);
    expect(one([iron])).toBe(0);
    expect(one([pickId('g4', 'neodymium'), pickId('g4', 'dysprosium')])).toBe(Math.round((1 / 6) * 10000) / 10000);
  });

  it('scores the keyed response 1, and an empty one as unanswered', () => {
    expect(grade(FIVE, keyedResponse(FIVE, 'en', IDS), 'en', { ids: IDS }).score).toBe(1);
    const empty = grade(FIVE, { gaps: { g1: '', g4: [] } }, 'en', { ids: IDS });
    expect([empty.answered, empty.score]).toEqual([false, 0]);
  });

  it('accepts a number with a decimal comma and anything for "*", with the catch-all feedback', () => {
    const q = fromCloze('Pi {1:NM:=3.14:0.01~*#not quite}, word {1:SA:=yes~*#any other word}.');
    expect(grade(q, { gaps: { g1: '3,141', g2: 'yes' } }, 'en', { ids: IDS }).score).toBe(1);
    const wrong = grade(q, { gaps: { g1: 'three', g2: 'no' } }, 'en', { ids: IDS });
    expect([wrong.score, wrong.notes]).toEqual([0, ['not quite', 'any other word']]);
  });

  it('refuses ids a gap does not have, and a list for a gap that takes one answer', () => {
    expect(() => grade(FIVE, { gaps: { g2: 'nope' } }, 'en', { ids: IDS })).toThrow(/not part of question/);
    expect(() => grade(FIVE, { gaps: { g1: ['a'] } }, 'en', { ids: IDS })).toThrow(/takes one answer/);
    expect(() => grade(FIVE, { gaps: { g4: ['nope'] } }, 'en', { ids: IDS })).toThrow(/not part of question/);
  });
});

describe('the learner copy of a cloze question', () => {
  const FORBIDDEN = ['answers', 'weight', 'feedback', 'otherFeedback', 'tolerance', 'caseSensitive', 'correct'];
  const keysOf = (x: unknown): string[] =>
    Array.isArray(x) ? x.flatMap(keysOf) : x && typeof x === 'object' ? Object.entries(x).flatMap(([k, v]) => [k, ...keysOf(v)]) : [];

  it('carries controls per gap (text, select, radio or checkbox groups, number) and no key', () => {
    const q = fromCloze('A {1:MCV:=x#fb-secret~y} B {1:MRH:=p~q} C {1:NM:=5:1#num-secret} D {1:SA:=typed-secret}.');
    for (const seed of ['s1', 's2', 's3']) {
      const c = learnerCopy(q, 'en', testIds(seed));
      const json = JSON.stringify(c);
      for (const k of FORBIDDEN) expect(keysOf(c)).not.toContain(k);
      for (const secret of ['fb-secret', 'num-secret', 'typed-secret', '"5"']) expect(json).not.toContain(secret);
    }
    const parts = learnerCopy(q, 'en', testIds('s1'));
    expect(parts.type === 'cloze' && parts.parts.filter((p) => 'gap' in p).map((p) => Object.keys(p).sort().join())).toEqual([
      'choices,display,gap,multiple',
      'choices,display,gap,multiple',
      'gap,input',
      'gap',
    ]);
  });

  it("keeps the author's order unless the gap is a shuffled (_S) variant", () => {
    const q = fromCloze('{1:MCV:=a~b~c~d~e~f} {1:MCVS:=a~b~c~d~e~f}');
    const orders = ['s1', 's2', 's3', 's4'].map((seed) => {
      const c = learnerCopy(q, 'en', testIds(seed));
      return c.type === 'cloze' ? c.parts.flatMap((p) => ('choices' in p ? [p.choices.map((x) => x.text).join('')] : [])) : [];
    });
    expect(orders.every((o) => o[0] === 'abcdef')).toBe(true);
    expect(new Set(orders.map((o) => o[1])).size).toBeGreaterThan(1);
  });
});
