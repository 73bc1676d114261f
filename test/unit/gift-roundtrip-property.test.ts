// Property: any set of exportable questions, in one language or two, comes back from GIFT equal (in normal form).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toGiftWithReport } from '../../core/formats/gift/write.ts';
import { normalSet } from '../../core/formats/shared/normal-set.ts';
import { roundTrip, schemaFor } from './gift-roundtrip-helpers.ts';

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
