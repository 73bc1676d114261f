// GIFT files as instructors write them (issue 18, item 5): a file of descriptions only is a set to read, a
// block holding only a name is skipped with a warning (as Moodle does), and the sizes real files have import.
import { describe, expect, it } from 'vitest';
import { parseGift } from '../../core/formats/gift/parse.ts';
import { toGift } from '../../core/formats/gift/write.ts';
import { setSchemas } from '../../core/sets/schema.ts';
import { EN, fixture, imported } from './gift-helpers.ts';

const DE = { lang: 'de', languages: ['de', 'en'] } as const;

describe('a GIFT file of descriptions only', () => {
  const result = parseGift(fixture('descriptions-only.gift'), DE);

  it('imports as a set of passages with no questions, which the set schema accepts', () => {
    expect(result.problems).toEqual([]);
    expect(result.set.questions).toEqual([]);
    expect(result.set.passages!.map((p) => p.before)).toEqual([null, null]);
    expect(result.set.passages![1]!.text.de).toContain('siebzehn Metalle');
    expect(setSchemas(['de']).QuestionSet.safeParse(result.set).success).toBe(true);
  });

  it('keeps the text of a named description and skips a block holding only a name, with a warning at its line', () => {
    expect(result.set.passages![0]!.text.de).toContain('Die Vereinbarung');
    expect(result.warnings).toEqual([
      { line: 7, column: 1, message: '"::Nur ein Name::" has a name but no text or answers; it was skipped.' },
    ]);
  });

  it('writes the passages back, and reads the same set from the export', () => {
    const set = setSchemas(['de']).QuestionSet.parse(result.set);
    const back = parseGift(toGift(set), DE);
    expect(back.problems).toEqual([]);
    expect(back.set.passages).toEqual(set.passages);
  });

  it('is refused by the set schema only when it has neither questions nor passages', () => {
    const empty = { title: { de: 'Leer' }, languages: ['de'], passages: [], questions: [] };
    expect(setSchemas(['de']).QuestionSet.safeParse(empty).error?.issues[0]?.message).toBe('a set needs at least one question or passage');
  });
});

describe('a name-only block among questions', () => {
  it('is skipped with a warning, and the questions around it import', () => {
    const r = parseGift('::q1::Stimmt das?{T}\n\n::Entwurf::\n\n::q2::Und das?{F}', DE);
    expect(r.problems).toEqual([]);
    expect(r.set.questions.map((q) => q.id)).toEqual(['q1', 'q2']);
    expect(r.warnings).toEqual([{ line: 3, column: 1, message: '"::Entwurf::" has a name but no text or answers; it was skipped.' }]);
  });
});

describe('sizes real files have', () => {
  it('imports a fixture with a passage of more than 20,000 characters', () => {
    const { set } = imported('long-passage.gift', { ...EN, lang: 'de' });
    expect(set.passages[0]!.text.de!.length).toBeGreaterThan(20_000);
    expect(set.questions).toHaveLength(1);
  });

  it('imports a fixture with a matching question of 50 pairs', () => {
    const { q } = imported('fifty-pairs.gift', { ...EN, lang: 'de' });
    expect(q('words').pairs).toHaveLength(50);
  });
});
