import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGift } from '../../core/formats/gift/parse.ts';
import { toGift, toGiftWithReport } from '../../core/formats/gift/write.ts';
import { normalSet } from '../../core/formats/shared/normal-set.ts';
import { setSchemas, type QuestionSet } from '../../core/sets/schema.ts';

const COURSE = ['de', 'en'] as const;
const schemaCache = new Map<string, ReturnType<typeof setSchemas>>();
/** The set schema for some languages (built once: building it is slow). */
const schemaFor = (languages: readonly string[]) => {
  const key = languages.join();
  if (!schemaCache.has(key)) schemaCache.set(key, setSchemas(languages));
  return schemaCache.get(key)!.QuestionSet;
};

/** Writes a set, reads it back in its first language, and returns the validated result. */
function roundTrip(set: QuestionSet) {
  const gift = toGift(set);
  const result = parseGift(gift, { lang: set.languages[0]!, languages: COURSE, ...(set.lesson ? { lesson: set.lesson } : {}) });
  if (result.problems.length) throw new Error(`${JSON.stringify(result.problems, null, 2)}\n---\n${gift}`);
  const parsed = schemaFor(result.set.languages).safeParse(result.set);
  if (!parsed.success) throw new Error(`${JSON.stringify(parsed.error.issues, null, 2)}\n---\n${gift}`);
  return { gift, back: parsed.data, result };
}

const make = (languages: string[], raw: Record<string, unknown>) => schemaFor(languages).parse({ languages, ...raw });

/** Every exportable type, with what each can carry; `t` gives a text in the set's languages. */
function everyType(t: (en: string, de?: string) => Record<string, string>, langs: string[]) {
  const perLang = <T>(value: (lang: string) => T) => Object.fromEntries(langs.map((l) => [l, value(l)]));
  return {
    title: t('Rare earths: a quiz', 'Seltene Erden: ein Quiz'),
    passages: [
      { before: 'single-1', text: t('Read this first: {it} matters #1.', 'Zuerst lesen: {es} zählt #1.') },
      { before: 'tf', text: t('A passage before true/false.', 'Ein Text vor Wahr/Falsch.') },
      { before: null, text: t('The end ~ thanks.', 'Ende ~ danke.') },
    ],
    questions: [
      {
        id: 'single-1',
        type: 'single',
        title: 'Capital :: of Japan',
        prompt: t('Which city is the capital of Japan? (Hint: 1 = one)', 'Welche Stadt ist die Hauptstadt Japans? (Tipp: 1 = eins)'),
        explanation: t('Tokyo since 1868.', 'Tokio seit 1868.'),
        sources: ['p1s2', 'p3s1'],
        choices: [
          { id: 'a', text: t('Tokyo'), correct: true, feedback: t('Yes #1', 'Ja #1') },
          { id: 'b', text: t('Edo'), credit: 0.5, feedback: t('Old name.', 'Alter Name.') },
          { id: 'c', text: t('%50% Osaka') },
          { id: 'd', text: t('[html] <b>Kyoto</b>') },
        ],
      },
      {
        id: 'multi',
        type: 'multiple',
        prompt: t('Which are rare earths?', 'Welche sind Seltene Erden?'),
        choices: [
          { id: 'a', text: t('Neodymium', 'Neodym'), weight: 1 / 3, feedback: t('Yes.', 'Ja.') },
          { id: 'b', text: t('Dysprosium', 'Dysprosium'), weight: 1 / 3 },
          { id: 'c', text: t('Lanthanum', 'Lanthan'), weight: 1 / 3 },
          { id: 'd', text: t('Iron', 'Eisen'), weight: -0.5, feedback: t('No!', 'Nein!') },
          { id: 'e', text: t('Copper', 'Kupfer'), weight: 0 },
        ],
      },
      {
        id: 'tf',
        type: 'truefalse',
        prompt: t('Neodymium is a metal.', 'Neodym ist ein Metall.'),
        answer: true,
        feedback: { right: t('Right.', 'Richtig.'), wrong: t('It is a metal.', 'Es ist ein Metall.') },
        explanation: t('All rare earths are metals.', 'Alle Seltenen Erden sind Metalle.'),
      },
      {
        id: 'tf-right-only',
        type: 'truefalse',
        prompt: t('Iron is a rare earth.', 'Eisen ist eine Seltene Erde.'),
        answer: false,
        feedback: { right: t('Indeed.', 'Genau.') },
      },
      { id: 'tf-bare', type: 'truefalse', prompt: t('Water is wet.', 'Wasser ist nass.'), answer: true },
      {
        id: 'short',
        type: 'short',
        prompt: t('What does Nd stand for?', 'Wofür steht Nd?'),
        answers: perLang((l) => [
          { text: l === 'de' ? 'Neodym' : 'Neodymium', weight: 1, feedback: 'Right -> well done.' },
          { text: 'Nd', weight: 0.5, feedback: 'Only the symbol.' },
          { text: 'a -> b = c', weight: 0.25 },
          { text: '*', weight: 0, feedback: 'Look it up.' },
        ]),
        caseSensitive: true,
        typoTolerance: true,
      },
      {
        id: 'short-uneven',
        type: 'short',
        prompt: t('Name a magnet metal.', 'Nenne ein Magnetmetall.'),
        answers: perLang((l) =>
          l === 'de' ? [{ text: 'Neodym' }, { text: 'Samarium' }, { text: 'Kobalt', weight: 0.5 }] : [{ text: 'neodymium' }],
        ),
        typoTolerance: false,
      },
      {
        id: 'gap-choice',
        type: 'cloze',
        prompt: t('Neodymium is a _____ used in magnets.', 'Neodym ist ein _____ für Magnete.'),
        text: t('Neodymium is a {{g1}} used in magnets.', 'Neodym ist ein {{g1}} für Magnete.'),
        gaps: [
          {
            id: 'g1',
            answers: perLang((l) => [l === 'de' ? 'Seltenerdmetall' : 'rare earth']),
            options: perLang((l) => ['gas', l === 'de' ? 'Seltenerdmetall' : 'rare earth', 'salt']),
          },
        ],
      },
      {
        id: 'gap-typed',
        type: 'cloze',
        prompt: t('_____ imports most rare earths from China.', '_____ importiert die meisten Seltenen Erden aus China.'),
        text: t('{{g1}} imports most rare earths from China.', '{{g1}} importiert die meisten Seltenen Erden aus China.'),
        gaps: [{ id: 'g1', answers: perLang((l) => (l === 'de' ? ['Japan', 'Nippon'] : ['Japan'])) }],
        caseSensitive: true,
      },
      {
        id: 'gap-all-right',
        type: 'cloze',
        prompt: t('Pick _____ here.', 'Wähle _____ hier.'),
        text: t('Pick {{g1}} here.', 'Wähle {{g1}} hier.'),
        gaps: [{ id: 'g1', answers: perLang(() => ['x', 'y']), options: perLang(() => ['x', 'y']) }],
      },
      {
        id: 'match',
        type: 'match',
        prompt: t('Match the symbols.', 'Ordne die Symbole zu.'),
        pairs: [
          { left: t('Neodymium -> ?', 'Neodym -> ?'), right: t('Nd -> yes') },
          { left: t('Dysprosium', 'Dysprosium'), right: t('Dy') },
          { left: t('ends with -'), right: t('> starts with >') },
        ],
        explanation: t('Symbols come from Latin names.', 'Symbole kommen aus dem Lateinischen.'),
      },
      { id: 'num-tol', type: 'numerical', prompt: t('Year of the agreement?', 'Jahr des Abkommens?'), answer: 2023, tolerance: 1 },
      { id: 'num-range', type: 'numerical', prompt: t('A year in the 2020s?', 'Ein Jahr in den 2020ern?'), min: 2020, max: 2029.5 },
      {
        id: 'num-alt',
        type: 'numerical',
        prompt: t('How many lanthanides?', 'Wie viele Lanthanoide?'),
        answer: 15,
        alternatives: [
          { answer: 15, tolerance: 2, weight: 0.5, feedback: 'Close.' },
          { min: -17.25, max: 1e-7, weight: 0.1 },
          { answer: 16, weight: 1 },
        ],
      },
      {
        id: 'essay',
        type: 'essay',
        prompt: t('Why do rare earths matter?', 'Warum sind Seltene Erden wichtig?'),
        explanation: t('Magnets.', 'Magnete.'),
      },
      { id: 'essay-bare', type: 'essay', title: 'essay title', prompt: t('Discuss.', 'Diskutiere.') },
    ],
  };
}

describe('toGift → parseGift gives the same set back', () => {
  it('for a single-language set with every exportable type', () => {
    const set = make(
      ['en'],
      everyType((en) => ({ en }), ['en']),
    );
    const { back, gift } = roundTrip(set);
    expect(back).toEqual(normalSet(set));
    expect(gift).not.toContain('multilang');
    expect(gift).toContain('// @id single-1\n');
    expect(gift).toContain('::Capital \\:\\: of Japan::Which city is the capital of Japan? (Hint\\: 1 \\= one){');
    expect(gift).toContain('\t~%-50%Iron#No!\n');
  });

  it('for a bilingual set with every exportable type', () => {
    const set = make(
      ['de', 'en'],
      everyType((en, de = en) => ({ de, en }), ['de', 'en']),
    );
    const { back, gift } = roundTrip(set);
    expect(back).toEqual(normalSet(set));
    expect(gift).toContain('[html]<span lang\\="de" class\\="multilang">Welche Stadt');
  });

  it('for a German-only set read back in German', () => {
    const set = make(
      ['de'],
      everyType((en, de = en) => ({ de }), ['de']),
    );
    expect(roundTrip(set).back).toEqual(normalSet(set));
  });

  it('keeps the categories it is given', () => {
    const set = make(['en'], {
      title: { en: 'T' },
      questions: [
        { id: 'a', type: 'essay', prompt: { en: 'A' } },
        { id: 'b', type: 'essay', prompt: { en: 'B' } },
      ],
    });
    const gift = toGift(set, { categoryOf: { a: '$course$/top/One', b: '$course$/top/Two' } });
    expect(parseGift(gift, { lang: 'en', languages: COURSE }).categoryOf).toEqual({ a: '$course$/top/One', b: '$course$/top/Two' });
  });

  it('writes what GIFT cannot say as a comment and lists it; several gaps (or one at the end) as embedded answers', () => {
    const set = make(['en'], {
      title: { en: 'T' },
      questions: [
        { id: 'order', type: 'order', prompt: { en: 'Order them.' }, items: [{ en: 'a' }, { en: 'b' }] },
        {
          id: 'two-gaps',
          type: 'cloze',
          prompt: { en: 'Fill in.' },
          text: { en: '{{x}} and {{y}}.' },
          gaps: [
            { id: 'x', answers: { en: ['a'] } },
            { id: 'y', answers: { en: ['b'] } },
          ],
        },
        {
          id: 'gap-at-end',
          type: 'cloze',
          prompt: { en: 'The end is _____' },
          text: { en: 'The end is {{g1}}' },
          gaps: [{ id: 'g1', answers: { en: ['near'] } }],
        },
        {
          id: 'renumbered',
          type: 'single',
          prompt: { en: 'Pick.' },
          choices: [
            { id: 'yes', text: { en: 'Yes' }, correct: true },
            { id: 'no', text: { en: 'No' } },
          ],
        },
      ],
    });
    const report = toGiftWithReport(set);
    expect(report.skipped).toEqual(['order']);
    expect(report.text).toContain('// not exportable to GIFT: question order (order)');
    expect(report.text).toContain('{1:SA:=a} and {1:SA:=b}.');
    expect(report.notes).toEqual([
      expect.stringMatching(/question two-gaps: the gaps \(x, y\) come back as g1, g2/),
      expect.stringMatching(/question two-gaps: its prompt in "en" comes back/),
      expect.stringMatching(/question two-gaps: its gaps are written as embedded answers/),
      expect.stringMatching(/question gap-at-end: its gaps are written as embedded answers/),
      expect.stringMatching(/question renumbered: the choice ids \(yes, no\) .* a, b/),
    ]);
    const back = parseGift(report.text, { lang: 'en', languages: COURSE });
    expect(back.problems).toEqual([]);
    expect(back.set.questions.map((q) => [q.id, q.type])).toEqual([
      ['two-gaps', 'cloze'],
      ['gap-at-end', 'cloze'],
      ['renumbered', 'single'],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Property: any set of exportable questions comes back equal.

const CHARS = [
  ...'abcxyzABZ019 äöüßÄ:#={}~\\&<>"\'%[]-/*$.!?',
  '\n',
  '->',
  '::',
  '\\n',
  '{{',
  '}}',
  '####',
  '<br>',
  '&amp;',
  '&#35;',
  '[html]',
  '//',
];
const raw = fc.array(fc.constantFrom(...CHARS), { minLength: 0, maxLength: 12 }).map((a) => a.join(''));
/** A non-empty trimmed text, with GIFT and HTML specials, line breaks and umlauts. */
const text = raw.map((s) => s.trim() || 'x');
/** Text around a gap: no braces (a `{{…}}` would be another gap). */
const gapSide = raw.map((s) => s.replace(/[{}]/g, ''));
const answerText = text.filter((s) => s !== '*');
const id = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{0,10}$/);
const finite = fc.oneof(
  fc.integer({ min: -100000, max: 100000 }),
  fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }),
);
const nonNegative = fc.oneof(fc.constantFrom(0, 0.5, 1, 2.25), fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }));
const POSITIVE_SETS = [[1], [0.5, 0.5], [0.25, 0.75], [1 / 3, 1 / 3, 1 / 3], [0.2, 0.3, 0.5], [0.1, 0.9], [0.4, 0.6], [0.125, 0.875]];
const NEGATIVE = [0, -1, -0.5, -0.25, -1 / 3, -0.1, -0.05];

function setArbitrary(langs: string[]) {
  const loc = fc.tuple(...langs.map(() => text)).map((ts) => Object.fromEntries(langs.map((l, i) => [l, ts[i]!])));
  const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
  /** A list per language: the same in every language, or each its own. */
  const perLang = <T>(item: fc.Arbitrary<T>, min: number, max: number) =>
    fc.oneof(
      fc.array(item, { minLength: min, maxLength: max }).map((list) => Object.fromEntries(langs.map((l) => [l, list]))),
      fc
        .tuple(...langs.map(() => fc.array(item, { minLength: min, maxLength: max })))
        .map((lists) => Object.fromEntries(langs.map((l, i) => [l, lists[i]!]))),
    );
  const base = {
    title: maybe(text.map((s) => s.slice(0, 200).trim() || 'x')),
    prompt: loc,
    explanation: maybe(loc),
    sources: fc.constantFrom([], ['p1s1'], ['p2s3', 'p10s12']),
  };
  const strip = <T extends Record<string, unknown>>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
  const ids = (n: number) => Array.from({ length: n }, (_, i) => String.fromCharCode(97 + i));

  const single = fc
    .record({
      ...base,
      texts: fc.array(fc.tuple(loc, maybe(loc)), { minLength: 2, maxLength: 8 }),
      right: fc.nat(),
      credits: fc.array(fc.constantFrom(undefined, 0.5, 0.25, 1 / 3, 0.1, 0.9)),
    })
    .map(({ texts, right, credits, ...rest }) => ({
      ...strip(rest),
      type: 'single',
      choices: texts.map(([t, feedback], i) =>
        strip({
          id: ids(texts.length)[i],
          text: t,
          feedback,
          ...(i === right % texts.length ? { correct: true } : { credit: credits[i] }),
        }),
      ),
    }));
  const multiple = fc
    .record({
      ...base,
      positive: fc.constantFrom(...POSITIVE_SETS),
      negative: fc.array(fc.constantFrom(...NEGATIVE), { maxLength: 4 }),
      texts: fc.array(fc.tuple(loc, maybe(loc)), { minLength: 10, maxLength: 10 }),
    })
    .filter(({ positive, negative }) => positive.length + negative.length >= 2)
    .map(({ positive, negative, texts, ...rest }) => {
      const weights = [...positive, ...negative];
      return {
        ...strip(rest),
        type: 'multiple',
        choices: weights.map((weight, i) => strip({ id: ids(10)[i], text: texts[i]![0], weight, feedback: texts[i]![1] })),
      };
    });
  const truefalse = fc.record({ ...base, answer: fc.boolean(), right: maybe(loc), wrong: maybe(loc) }).map(({ right, wrong, ...rest }) => ({
    ...strip(rest),
    type: 'truefalse',
    ...(right || wrong ? { feedback: strip({ right, wrong }) } : {}),
  }));
  const accepted = fc.record({ text: answerText, weight: fc.constantFrom(1, 0.5, 0.25, 0, 1 / 3), feedback: maybe(text) }).map(strip);
  const short = fc
    .record({ ...base, answers: perLang(accepted, 1, 4), right: text, caseSensitive: fc.boolean(), typoTolerance: fc.boolean() })
    .map(({ answers, right, ...rest }) => ({
      ...strip(rest),
      type: 'short',
      answers: Object.fromEntries(Object.entries(answers).map(([l, list]) => [l, [...list, { text: right, weight: 1 }]])),
    }));
  const cloze = fc
    .record({
      ...base,
      before: fc.tuple(...langs.map(() => gapSide)),
      after: fc.tuple(...langs.map(() => gapSide.map((s) => (s.trim() ? s : `${s}.`)))),
      typed: perLang(answerText, 1, 3),
      options: fc.option(perLang(fc.tuple(answerText, fc.boolean()), 2, 5)),
      caseSensitive: fc.boolean(),
      typoTolerance: fc.boolean(),
    })
    .map(({ before, after, typed, options, prompt: _prompt, ...rest }) => {
      const clozeText = Object.fromEntries(langs.map((l, i) => [l, `${before[i]}{{g1}}${after[i]}`.trim()]));
      let gap: Record<string, unknown>;
      if (options) {
        const opts = Object.fromEntries(
          Object.entries(options).map(([l, list]) => [l, [...new Map(list.map(([t, right]) => [t, right])).entries()]]),
        );
        gap = {
          id: 'g1',
          options: Object.fromEntries(Object.entries(opts).map(([l, list]) => [l, list.map(([t]) => t)])),
          answers: Object.fromEntries(
            Object.entries(opts).map(([l, list]) => [
              l,
              list.some(([, r]) => r) ? list.filter(([, r]) => r).map(([t]) => t) : [list[0]![0]],
            ]),
          ),
        };
      } else gap = { id: 'g1', answers: typed };
      return {
        ...strip(rest),
        type: 'cloze',
        prompt: Object.fromEntries(Object.entries(clozeText).map(([l, t]) => [l, t.replace('{{g1}}', '_____')])),
        text: clozeText,
        gaps: [gap],
      };
    })
    // A gap needs two options to be written as choices (with one, GIFT would read typed answers).
    .filter((q) => {
      const options = (q.gaps[0] as { options?: Record<string, string[]> }).options;
      return !options || Object.values(options).every((list) => list.length >= 2);
    });
  const match = fc
    .record({ ...base, pairs: fc.array(fc.tuple(loc, loc), { minLength: 2, maxLength: 6 }) })
    .filter(({ pairs }) => langs.every((l) => new Set(pairs.map(([, r]) => r[l])).size === pairs.length))
    .map(({ pairs, ...rest }) => ({ ...strip(rest), type: 'match', pairs: pairs.map(([left, right]) => ({ left, right })) }));
  const value = fc.oneof(
    fc.record({ answer: finite, tolerance: nonNegative }),
    fc.tuple(finite, finite).map(([a, b]) => ({ min: Math.min(a, b), max: Math.max(a, b) })),
  );
  const numerical = fc
    .record({
      ...base,
      main: value,
      alternatives: maybe(
        fc.array(fc.record({ v: value, weight: fc.constantFrom(1, 0.5, 0.25, 0.1, 1 / 3, 0.05), feedback: maybe(text) }), {
          minLength: 1,
          maxLength: 4,
        }),
      ),
    })
    .map(({ main, alternatives, ...rest }) => ({
      ...strip(rest),
      type: 'numerical',
      ...main,
      ...(alternatives ? { alternatives: alternatives.map(({ v, weight, feedback }) => strip({ ...v, weight, feedback })) } : {}),
    }));
  const essay = fc.record(base).map((rest) => ({ ...strip(rest), type: 'essay' }));

  const question = fc.oneof(single, multiple, truefalse, short, cloze, match, numerical, essay);
  return fc
    .record({
      title: loc,
      questions: fc.array(fc.tuple(id, question), { minLength: 1, maxLength: 6 }),
      passages: fc.array(fc.tuple(fc.nat(), loc), { maxLength: 3 }),
    })
    .map(({ title, questions, passages }) => {
      const unique = [...new Map(questions.map(([qid, q]) => [qid.toLowerCase(), { ...q, id: qid }])).values()];
      const placed = passages
        .map(([n, t]) => ({ at: n % (unique.length + 1), text: t }))
        .sort((a, b) => a.at - b.at)
        .map(({ at, text: t }) => ({ before: unique[at]?.id ?? null, text: t }));
      return schemaFor(langs).parse({ title, languages: langs, passages: placed, questions: unique });
    });
}

describe('round trip property', () => {
  for (const langs of [['en'], ['de', 'en']]) {
    it(`holds for generated sets in ${langs.join(' and ')}`, () => {
      fc.assert(
        fc.property(setArbitrary(langs), (set) => {
          const report = toGiftWithReport(set);
          expect(report.skipped).toEqual([]);
          expect(report.notes).toEqual([]);
          expect(roundTrip(set).back).toEqual(normalSet(set));
        }),
        { numRuns: Number(process.env.GIFT_PROPERTY_RUNS ?? 150) },
      );
    }, 120_000);
  }
});
