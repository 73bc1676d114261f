// Export → import gives the set back (in normal form): the fixture file, and a property over generated sets.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMoodleXml, toMoodleXml } from '../../core/formats/moodlexml/index.ts';
import { toBase64 } from '../../core/formats/moodlexml/media.ts';
import { normalSet } from '../../core/formats/shared/normal-set.ts';
import type { QuestionSet } from '../../core/sets/schema.ts';
import { schemaFor } from './gift-roundtrip-helpers.ts';
import { COURSE, fixture, readValid } from './moodlexml-helpers.ts';

async function roundTrip(set: QuestionSet, files = new Map<string, string>()) {
  const out = toMoodleXml(set, files);
  const r = await parseMoodleXml(out.xml, { lang: set.languages[0]!, languages: COURSE, title: set.title[set.languages[0]!]! });
  if (r.problems.length) throw new Error(`${JSON.stringify(r.problems, null, 2)}\n---\n${out.xml}`);
  const parsed = schemaFor(r.set.languages).safeParse(r.set);
  if (!parsed.success) throw new Error(`${JSON.stringify(parsed.error.issues, null, 2)}\n---\n${out.xml}`);
  return { out, back: parsed.data };
}

describe('Moodle XML export', () => {
  it('gives back the fixture set, media and all', async () => {
    const first = await readValid(fixture('all-types.xml'), 'de', 'Rare earths');
    const files = new Map(first.media.map((m) => [m.hash, toBase64(m.bytes)]));
    const { out, back } = await roundTrip(first.valid, files);
    expect(out.skipped).toEqual([]);
    expect(out.xml).toContain('<file name="map (1).png" path="/" encoding="base64">');
    expect(out.xml).toContain('@@PLUGINFILE@@/map%20(1).png');
    expect(normalSet(back)).toEqual(normalSet(first.valid));
  });

  it('writes cloze as cloze, order as ordering, and leaves out a kind Moodle lacks with a note', async () => {
    const { valid } = await readValid(fixture('all-types.xml'), 'de', 'T');
    const { xml } = toMoodleXml(valid, new Map());
    expect(xml).toContain('<question type="cloze">');
    expect(xml).toContain('<question type="ordering">');
    const odd = {
      ...valid,
      questions: [...valid.questions, { id: 'odd', type: 'dictation', prompt: { de: 'x', en: 'x' }, text: 'Hallo', sources: [] }],
    } as unknown as QuestionSet;
    const out = toMoodleXml(odd, new Map());
    expect(out.skipped).toEqual(['odd']);
    expect(out.xml).toContain('<!-- not exportable to Moodle XML: question odd (dictation): Moodle has no "dictation" question type -->');
  });
});

const CHARS = [...'abcxyzABZ019 äöüßÄ:#={}~\\&<>"\'%[]-/*$.!?', '\n', ']]>', '@@PLUGINFILE@@', '&amp;', '<br>', '[[1]]', 'multilang'];
const text = fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 10 }).map((a) => a.join('').trim() || 'x');
const plainText = text.map((s) => s.replace(/[{}]/g, '').replace(/\s+/g, ' ').trim() || 'x');

function setArbitrary(langs: string[]) {
  const loc = (arb: fc.Arbitrary<string>) =>
    fc.tuple(...langs.map(() => arb)).map((ts) => Object.fromEntries(langs.map((l, i) => [l, ts[i]!])));
  const base = (i: number) =>
    fc
      .record({ prompt: loc(text), explanation: fc.option(loc(text), { nil: undefined }), title: text.map((t) => t.slice(0, 50)) })
      .map((b) => ({ id: `q${i}`, sources: [], ...b, ...(b.explanation ? {} : { explanation: undefined }) }));
  const kinds = (i: number) =>
    fc.oneof(
      fc.tuple(base(i), fc.array(loc(text), { minLength: 2, maxLength: 4 }), fc.nat()).map(([b, texts, k]) => ({
        ...b,
        type: 'single' as const,
        choices: texts.map((t, j) => ({ id: String.fromCharCode(97 + j), text: t, ...(j === k % texts.length ? { correct: true } : {}) })),
      })),
      fc.tuple(base(i), fc.boolean()).map(([b, answer]) => ({ ...b, type: 'truefalse' as const, answer })),
      fc
        .tuple(base(i), fc.constantFrom([0.5, 0.5], [1], [0.25, 0.75]), fc.array(loc(text), { minLength: 4, maxLength: 4 }))
        .map(([b, weights, texts]) => ({
          ...b,
          type: 'multiple' as const,
          choices: [...weights, -0.5].map((w, j) => ({ id: String.fromCharCode(97 + j), text: texts[j]!, weight: w })),
        })),
      fc.tuple(base(i), fc.tuple(...langs.map(() => fc.uniqueArray(plainText, { minLength: 1, maxLength: 3 })))).map(([b, lists]) => ({
        ...b,
        type: 'short' as const,
        answers: Object.fromEntries(langs.map((l, k) => [l, lists[k]!.map((t, j) => ({ text: t, weight: j === 0 ? 1 : 0.5 }))])),
        caseSensitive: false,
        typoTolerance: false,
      })),
      fc.tuple(base(i), plainText, fc.boolean()).map(([b, word, cs]) => ({
        ...b,
        type: 'short' as const,
        answers: Object.fromEntries(langs.map((l) => [l, [{ text: word, weight: 1 }]])),
        caseSensitive: cs,
        typoTolerance: false,
      })),
      fc
        .tuple(base(i), fc.integer({ min: -5000, max: 5000 }), fc.nat({ max: 10 }))
        .map(([b, answer, tolerance]) => ({ ...b, type: 'numerical' as const, answer, tolerance })),
      fc.tuple(base(i), fc.uniqueArray(plainText, { minLength: 2, maxLength: 4 })).map(([b, items]) => ({
        ...b,
        type: 'order' as const,
        items: items.map((t) => Object.fromEntries(langs.map((l) => [l, t]))),
      })),
      fc.tuple(base(i), fc.uniqueArray(plainText, { minLength: 2, maxLength: 3 })).map(([b, rights]) => ({
        ...b,
        type: 'match' as const,
        pairs: rights.map((r, j) => ({
          left: Object.fromEntries(langs.map((l) => [l, `left ${j}`])),
          right: Object.fromEntries(langs.map((l) => [l, r])),
        })),
      })),
      base(i).map((b) => ({ ...b, type: 'essay' as const })),
    );
  return fc.integer({ min: 1, max: 4 }).chain((n) =>
    fc.tuple(...Array.from({ length: n }, (_, i) => kinds(i + 1))).map((questions) => ({
      title: Object.fromEntries(langs.map((l) => [l, 'Set'])),
      languages: langs,
      mode: 'practice' as const,
      passages: [{ before: 'q1', text: Object.fromEntries(langs.map((l) => [l, `Lies ${l}`])) }],
      questions: questions.map((q) => JSON.parse(JSON.stringify(q)) as unknown),
    })),
  );
}

describe('Moodle XML round trip (property)', () => {
  for (const langs of [['de'], ['de', 'en']])
    it(`gives back any generated set in ${langs.join(' and ')}`, async () => {
      await fc.assert(
        fc.asyncProperty(setArbitrary(langs), async (raw) => {
          const set = schemaFor(langs).parse(raw) as QuestionSet;
          const { back } = await roundTrip(set);
          expect(normalSet(back)).toEqual(normalSet(set));
        }),
        { numRuns: 60 },
      );
    });
});
