// Matching questions whose stems share an answer (issue 18, item 5), as Moodle's qtype_match reads them: equal
// answers are one choice, right for every stem that has it, and a learner may pick it for each of them.
import { describe, expect, it } from 'vitest';
import { grade, ResponseError } from '../../core/quiz/grade.ts';
import { learnerCopy } from '../../core/quiz/learner.ts';
import { idKeys } from '../../core/quiz/public-ids.ts';
import type { Question } from '../../core/quiz/schema.ts';
import { imported } from './gift-helpers.ts';
import { IDS, pid } from './grading-helpers.ts';
import { roundTrip, schemaFor } from './gift-roundtrip-helpers.ts';
import { clashingFields, fieldName, responseFromForm } from '../../web/quiz/form.ts';
import { responseRows } from '../../core/stats/rows.ts';

const { set, q } = imported('matching-shared.gift');
const animals = q('animals') as Question;
const copy = learnerCopy(animals, 'en', IDS);
const byText = (text: string) => {
  if (copy.type !== 'match') throw new Error('not a matching copy');
  return copy.right.find((r) => r.text === text)!.id;
};
const pairs = (p: Record<string, string>) => grade(animals, { pairs: p }, 'en', { ids: IDS });

describe('a GIFT matching question whose stems share an answer', () => {
  it('imports with every pair kept and the repeated extra dropped', () => {
    expect(set.questions[0]).toMatchObject({
      type: 'match',
      pairs: [
        { left: { en: 'Cat' }, right: { en: 'mammal' } },
        { left: { en: 'Dog' }, right: { en: 'mammal' } },
        { left: { en: 'Snake' }, right: { en: 'reptile' } },
      ],
      distractors: [{ en: 'bird' }],
    });
  });

  it('offers the shared answer once in the learner copy, by public ids that are no authoring keys', () => {
    if (copy.type !== 'match') throw new Error('not a matching copy');
    expect(copy.right.map((r) => r.text).sort()).toEqual(['bird', 'mammal', 'reptile']);
    expect(copy.left.map((l) => l.text)).toEqual(['Cat', 'Dog', 'Snake']);
    const keys = idKeys(animals);
    expect(keys).toEqual(['r0', 'r2', 'd0', '~order']);
    const json = JSON.stringify(copy);
    for (const k of ['r0', 'r1', 'r2', 'd0', '"l1":', 'correct', 'answer']) expect(json).not.toContain(k);
    for (const r of copy.right) expect(r.id).not.toMatch(/^(r|d)\d+$/);
  });

  it('scores the shared answer right for both stems that have it', () => {
    const res = pairs({ l1: byText('mammal'), l2: byText('mammal'), l3: byText('reptile') });
    expect(res.score).toBe(1);
    expect(res.items.map((i) => (i.kind === 'pair' ? [i.left, i.given, i.right] : null))).toEqual([
      ['Cat', 'mammal', true],
      ['Dog', 'mammal', true],
      ['Snake', 'reptile', true],
    ]);
  });

  it('gives the share of stems right, as Moodle does: wrong picks, also repeated ones, score nothing', () => {
    expect(pairs({ l1: byText('mammal'), l2: byText('reptile'), l3: byText('reptile') }).score).toBeCloseTo(2 / 3);
    expect(pairs({ l1: byText('bird'), l2: byText('bird'), l3: byText('mammal') }).score).toBe(0);
    expect(pairs({ l1: byText('mammal') }).score).toBeCloseTo(1 / 3);
  });

  it('still refuses ids the question does not have, such as the key of the merged second answer', () => {
    expect(() => pairs({ l1: pid(animals, 'r1') })).toThrow(ResponseError);
    expect(() => pairs({ l1: 'r0' })).toThrow(ResponseError);
  });

  it('writes the shared answer back on each pair, and reads back the same question', () => {
    const { gift, back } = roundTrip(set);
    expect(gift).toContain('=Cat -> mammal');
    expect(gift).toContain('=Dog -> mammal');
    expect(back.questions[0]).toMatchObject({ pairs: set.questions[0]!.type === 'match' ? set.questions[0]!.pairs : [] });
  });
});

describe('a matching question whose answers all differ', () => {
  it('still refuses the same right-hand item for two left items', () => {
    const { q: q2 } = imported('matching.gift');
    const symbols = q2('symbols') as Question;
    const one = IDS(symbols.id, 'r0');
    expect(() => grade(symbols, { pairs: { l1: one, l2: one } }, 'en', { ids: IDS })).toThrow(/same right-hand item/);
  });
});

describe('the matching schema', () => {
  const schema = schemaFor(['de', 'en']);
  const withPairs = (pairs: Array<[string, string, string, string]>, distractors?: Array<[string, string]>) => ({
    title: { de: 'T', en: 'T' },
    languages: ['de', 'en'],
    passages: [],
    questions: [
      {
        id: 'm',
        type: 'match',
        prompt: { de: 'Ordnen Sie zu.', en: 'Match.' },
        pairs: pairs.map(([ld, le, rd, re]) => ({ left: { de: ld, en: le }, right: { de: rd, en: re } })),
        ...(distractors ? { distractors: distractors.map(([de, en]) => ({ de, en })) } : {}),
      },
    ],
  });

  it('accepts an answer shared in every language', () => {
    expect(
      schema.safeParse(
        withPairs([
          ['Katze', 'Cat', 'Säugetier', 'mammal'],
          ['Hund', 'Dog', 'Säugetier', 'mammal'],
        ]),
      ).success,
    ).toBe(true);
  });

  it('refuses an answer shared in one language only, and an extra equal to an answer', () => {
    const one = schema.safeParse(
      withPairs([
        ['Katze', 'Cat', 'Säugetier', 'mammal'],
        ['Hund', 'Dog', 'Säugetier', 'beast'],
      ]),
    );
    expect(one.error?.issues[0]?.message).toMatch(/shared answer must be the same in every language/);
    const extra = schema.safeParse(
      withPairs(
        [
          ['Katze', 'Cat', 'Säugetier', 'mammal'],
          ['Hund', 'Dog', 'Hund', 'dog'],
        ],
        [['Hund', 'doggy']],
      ),
    );
    expect(extra.error?.issues[0]?.message).toMatch(/must differ from every answer/);
  });
});

describe('a shared answer in the browser form and in item analysis', () => {
  it('lets the form choose the shared item for two stems, without a clash, and says the copy allows it', () => {
    if (copy.type !== 'match') throw new Error('not a matching copy');
    expect(copy.reusable).toBe(true);
    const [cat, dog, snake] = copy.left.map((l) => fieldName(copy.id, l.id));
    const fields: Record<string, string[]> = { [cat!]: [byText('mammal')], [dog!]: [byText('mammal')], [snake!]: [byText('reptile')] };
    const get = (name: string) => fields[name] ?? [];
    expect(clashingFields(copy, get)).toEqual([]);
    const response = responseFromForm(copy, get);
    expect(response).toEqual({ pairs: { l1: byText('mammal'), l2: byText('mammal'), l3: byText('reptile') } });
    expect(pairs((response as { pairs: Record<string, string> }).pairs).score).toBe(1);
  });

  it('scores the shared answer right for every stem that has it in the response rows', () => {
    const rows = responseRows(animals, [{ value: 'r0', part: 'l2', count: 3 }], 'en');
    expect(rows.find((r) => r.part === 'l2' && r.text === 'Dog → mammal')).toMatchObject({ count: 3, score: 1 });
    expect(rows.filter((r) => r.text.endsWith('→ mammal'))).toHaveLength(2);
  });
});
