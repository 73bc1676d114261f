import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCloze } from '../../core/formats/cloze/parse.ts';
import { toClozeWithReport } from '../../core/formats/cloze/write.ts';
import { parseGift } from '../../core/formats/gift/parse.ts';
import { toGiftWithReport } from '../../core/formats/gift/write.ts';
import { normalSet } from '../../core/formats/shared/normal-set.ts';
import { setSchemas, type QuestionSet } from '../../core/sets/schema.ts';

const COURSE = ['de', 'en'] as const;
const schemas = new Map<string, ReturnType<typeof setSchemas>['QuestionSet']>();
const schemaFor = (langs: readonly string[]) => {
  if (!schemas.has(langs.join())) schemas.set(langs.join(), setSchemas(langs).QuestionSet);
  return schemas.get(langs.join())!;
};
/** Reads a file, fails on any problem, and validates the set. */
function read(text: string, lang: string, format: 'cloze' | 'gift'): QuestionSet {
  const r = (format === 'cloze' ? parseCloze : parseGift)(text, { lang, languages: COURSE });
  if (r.problems.length) throw new Error(`${JSON.stringify(r.problems)}\n---\n${text}`);
  const parsed = schemaFor(r.set.languages).safeParse(r.set);
  if (!parsed.success) throw new Error(`${JSON.stringify(parsed.error.issues)}\n---\n${text}`);
  return parsed.data;
}

describe('Cloze export → import', () => {
  it('gives the fixture of every sub-question type back equal, as Cloze and as GIFT with embedded answers', () => {
    const set = read(readFileSync(new URL('../fixtures/cloze/every-type.cloze', import.meta.url), 'utf8'), 'en', 'cloze');
    const cloze = toClozeWithReport(set);
    expect(cloze.skipped).toEqual([]);
    expect(read(cloze.text, 'en', 'cloze')).toEqual(normalSet(set));
    const gift = toGiftWithReport(set);
    expect(gift.skipped).toEqual([]);
    expect(read(gift.text, 'en', 'gift')).toEqual(normalSet(set));
  });

  it("writes Moodle's syntax: the weight, the type code, = and %n%, #feedback, escapes", () => {
    const set = read('::t::Count {2:NM:=3:1#ok~*#no}, pick {1:MRH:%50%a\\~b~%50%c~%-100%d#not \\# this}.', 'en', 'cloze');
    expect(toClozeWithReport(set).text).toContain('::t::Count {2:NM:=3:1#ok~*#no}, pick {1:MRH:%50%a\\~b~%50%c~%-100%d#not \\# this}.');
  });

  it('names what it cannot write, and what comes back changed', () => {
    const set = schemaFor(['en']).parse({
      title: { en: 'S' },
      languages: ['en'],
      questions: [
        { id: 'tf', type: 'truefalse', prompt: { en: 'True?' }, answer: true },
        {
          id: 'c',
          type: 'cloze',
          prompt: { en: 'Fill in.' },
          text: { en: 'A {{x}}.' },
          gaps: [{ id: 'x', kind: 'numerical', answers: [{ min: 1, max: 3 }] }],
        },
      ],
    });
    const r = toClozeWithReport(set);
    expect(r.skipped).toEqual(['tf']);
    expect(r.notes.join('\n')).toMatch(/range 1\.\.3 of gap x comes back/);
    expect(r.notes.join('\n')).toMatch(/its prompt in "en" comes back/);
  });
});

// Property: any set of cloze questions (gaps of every kind, one or two languages) comes back equal.
const CHARS = [...'abcxyzAB019 äöüß:#={}~\\&<>"\'%[]-/*$.!?', '->', '::', '{{', '&amp;', '&#35;', '[html]', '//'];
const raw = fc.array(fc.constantFrom(...CHARS), { minLength: 0, maxLength: 10 }).map((a) => a.join(''));
const word = raw.map((s) => s.trim() || 'x').filter((s) => s !== '*' && !s.includes('*'));
const side = raw.map((s) => s.replace(/[{}]/g, ''));
const pickOne = <T>(items: readonly T[]) => fc.constantFrom(...items);

function setArbitrary(langs: string[]) {
  const loc = fc.tuple(...langs.map(() => word)).map((ts) => Object.fromEntries(langs.map((l, i) => [l, ts[i]!])));
  const perLang = <T>(item: fc.Arbitrary<T>, min: number, max: number) =>
    fc
      .tuple(...langs.map(() => fc.array(item, { minLength: min, maxLength: max })))
      .map((ls) => Object.fromEntries(langs.map((l, i) => [l, ls[i]!])));
  const weight = fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined });
  const strip = <T extends Record<string, unknown>>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
  const simple = fc.record({ weight, answers: perLang(word, 1, 3) });
  const typed = fc
    .record({
      weight,
      caseSensitive: fc.boolean(),
      answers: perLang(fc.record({ text: word, weight: pickOne([1, 0.5, 0, 0.25]), feedback: fc.option(word, { nil: undefined }) }), 1, 3),
    })
    .map((g) =>
      strip({
        kind: 'typed',
        ...g,
        answers: Object.fromEntries(Object.entries(g.answers).map(([l, list]) => [l, [{ text: 'right', weight: 1 }, ...list.map(strip)]])),
      }),
    );
  const choice = fc
    .record({
      weight,
      kind: pickOne(['single', 'multi'] as const),
      display: pickOne(['select', 'vertical', 'horizontal'] as const),
      shuffle: fc.boolean(),
      extra: fc.array(fc.record({ text: loc, weight: pickOne([0, -1, -0.5, 0.5]), feedback: fc.option(loc, { nil: undefined }) }), {
        minLength: 1,
        maxLength: 4,
      }),
    })
    .map(({ extra, kind, display, ...g }) => {
      const right = kind === 'multi' ? extra.filter((c) => c.weight > 0).length + 1 : 1;
      const choices = [{ text: loc, weight: 1 }, ...extra].map((c, i) => ({
        ...c,
        text: i === 0 ? Object.fromEntries(langs.map((l) => [l, 'right'])) : c.text,
      }));
      return strip({
        kind,
        ...g,
        display: kind === 'multi' && display === 'select' ? 'vertical' : display,
        choices: choices.map((c, i) =>
          strip({ id: String.fromCharCode(97 + i), ...c, weight: c.weight > 0 && kind === 'multi' ? 1 / right : c.weight }),
        ),
      });
    });
  const numerical = fc
    .record({
      weight,
      answers: fc.array(
        fc.record({
          answer: fc.integer({ min: -5000, max: 5000 }),
          tolerance: pickOne([0, 1, 0.5]),
          weight: pickOne([1, 0.5, 0]),
          feedback: fc.option(loc, { nil: undefined }),
        }),
        { minLength: 1, maxLength: 3 },
      ),
      otherFeedback: fc.option(loc, { nil: undefined }),
    })
    .map((g) => strip({ kind: 'numerical', ...g, answers: [{ answer: 7, tolerance: 0, weight: 1 }, ...g.answers.map(strip)] }));
  const gap = fc.oneof(simple, typed, choice, numerical);
  const question = fc.record({
    gaps: fc.array(gap, { minLength: 1, maxLength: 5 }),
    sides: fc.array(fc.tuple(...langs.map(() => side)), { minLength: 6, maxLength: 6 }),
  });
  return fc.array(question, { minLength: 1, maxLength: 3 }).map((qs) =>
    schemaFor(langs).parse({
      title: Object.fromEntries(langs.map((l) => [l, 'Set'])),
      languages: langs,
      questions: qs.map(({ gaps, sides }, k) => {
        const text = Object.fromEntries(
          // Every text names its language, so that a set in two languages is written with multilang spans.
          langs.map((l, li) => [l, `${l}: ${sides[0]![li]}${gaps.map((_, i) => `{{g${i + 1}}}${sides[i + 1]![li]}`).join('')}`.trim()]),
        );
        return {
          id: `q${k + 1}`,
          type: 'cloze',
          prompt: text,
          text,
          caseSensitive: false,
          typoTolerance: false,
          gaps: gaps.map((g, i) => ({ id: `g${i + 1}`, ...g })),
        };
      }),
    }),
  );
}

describe('property: generated Cloze sets', () => {
  for (const langs of [['en'], ['de', 'en']]) {
    it(`come back equal from Cloze (${langs.join(', ')})`, () => {
      fc.assert(
        fc.property(setArbitrary(langs), (set) => {
          // The prompt is the text with blanks on import: compare the rest.
          const back = read(toClozeWithReport(set).text, langs[0]!, 'cloze');
          const strip = (s: QuestionSet) => ({ ...s, questions: s.questions.map(({ prompt: _p, ...q }) => q) });
          expect(strip(back)).toEqual(strip(normalSet(set)));
        }),
        { numRuns: Number(process.env.CLOZE_PROPERTY_RUNS ?? 100) },
      );
    }, 120_000);
  }
});
