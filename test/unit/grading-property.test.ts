import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseResponse } from '../../core/quiz/attempt.ts';
import { grade, keyedResponse, longestInOrder } from '../../core/quiz/grade.ts';
import { learnerCopy, type LearnerItem, type LearnerQuestion } from '../../core/quiz/learner.ts';
import type { AnyResponse } from '../../core/quiz/response.ts';
import type { Question } from '../../core/quiz/schema.ts';
import { contentLangs, contentQuestions } from '../fixtures/questions.ts';
import { IDS, simpleGap, testIds } from './grading-helpers.ts';

const RUNS = { numRuns: 200 };

const seedArb = fc.string({ unit: fc.constantFrom(...'abcdefghijkmnpqrstuvwxyz0123456789'), minLength: 4, maxLength: 32 });
const langArb = fc.constantFrom(...contentLangs);
const questionArb = fc.constantFrom(...contentQuestions);

/** Characters that the folding treats specially, mixed into random strings. */
const TRICKY = [...'äöüÄÖÜßẞ’‘‚‛′´`“”„‟″«»‹›‐‑‒–—―−.,;:!? \t\n\u00a0\u2003aeoOusSxyz'];
const trickyString = fc.string({ unit: fc.constantFrom(...TRICKY), maxLength: 30 });

/** Typed text: random, or an accepted answer slightly mangled (case, typography, one edit, spaces). */
function typedArb(accepted: readonly string[]): fc.Arbitrary<string> {
  const mangled = fc
    .tuple(fc.constantFrom(...accepted), fc.nat(), fc.constantFrom('upper', 'lower', 'drop', 'swap', 'spaces', 'umlaut', 'dot', 'none'))
    .map(([text, at, how]) => {
      const i = text.length ? at % text.length : 0;
      switch (how) {
        case 'upper':
          return text.toUpperCase();
        case 'lower':
          return text.toLowerCase();
        case 'drop':
          return text.slice(0, i) + text.slice(i + 1);
        case 'swap':
          return i + 1 < text.length ? text.slice(0, i) + text[i + 1] + text[i] + text.slice(i + 2) : text;
        case 'spaces':
          return `  ${text.replace(/ /g, '   ')} `;
        case 'umlaut':
          return text.replace(/ae/g, 'ä').replace(/oe/g, 'ö').replace(/ue/g, 'ü').replace(/ss/g, 'ß');
        case 'dot':
          return `${text}.`;
        default:
          return text;
      }
    });
  return fc.oneof(fc.string({ maxLength: 40 }), trickyString, fc.constantFrom(...accepted), mangled);
}

const idsOf = (items: readonly LearnerItem[]) => items.map((i) => i.id);

/** Random responses of the right shape for one question, built from the learner copy's ids and options. */
function responseArb(q: Question, lang: string, copy: LearnerQuestion): fc.Arbitrary<AnyResponse> {
  switch (copy.type) {
    case 'essay':
      return fc.string({ maxLength: 200 }).map((text) => ({ text }));
    case 'dictation':
      return fc.oneof(fc.string({ maxLength: 200 }), fc.constant(copy.dictate), typedArb([copy.dictate])).map((text) => ({ text }));
    case 'single':
      return fc.constantFrom(...idsOf(copy.choices)).map((choice) => ({ choice }));
    case 'multiple':
      return fc.subarray(idsOf(copy.choices)).map((choices) => ({ choices }));
    case 'truefalse':
      return fc.boolean().map((value) => ({ value }));
    case 'short': {
      const accepted = q.type === 'short' ? q.answers[lang]!.map((a) => a.text) : [];
      return typedArb(accepted).map((text) => ({ text }));
    }
    case 'cloze': {
      if (q.type !== 'cloze') throw new Error('type mismatch');
      const gaps = copy.parts.flatMap((p) => ('gap' in p ? [p] : []));
      const perGap = gaps.map((p) => {
        const answers = simpleGap(q.gaps.find((g) => g.id === p.gap)!).answers[lang]!;
        const value =
          'options' in p && p.options ? fc.oneof(fc.constantFrom(...p.options), fc.string({ maxLength: 20 })) : typedArb(answers);
        return fc.option(value, { nil: undefined }).map((v) => [p.gap, v] as const);
      });
      return fc
        .tuple(...perGap)
        .map((entries) => ({ gaps: Object.fromEntries(entries.filter(([, v]) => v !== undefined)) as Record<string, string> }));
    }
    case 'match': {
      // Each right-hand item at most once (a right item chosen twice is invalid, see validateResponse).
      const rights = idsOf(copy.right);
      const n = copy.left.length;
      return fc
        .tuple(fc.shuffledSubarray(rights, { minLength: rights.length }), fc.array(fc.boolean(), { minLength: n, maxLength: n }))
        .map(([perm, used]) => ({
          pairs: Object.fromEntries(copy.left.flatMap((l, i) => (used[i] ? [[l.id, perm[i]!]] : []))) as Record<string, string>,
        }));
    }
    case 'order':
      return fc.shuffledSubarray(idsOf(copy.items)).map((order) => ({ order }));
    case 'numerical':
      return fc
        .oneof(
          fc.integer({ min: -1000, max: 5000 }),
          fc.double({ noNaN: true, noDefaultInfinity: true }),
          fc.constant((keyedResponse(q, lang, IDS) as { number: number }).number),
        )
        .map((number) => ({ number }));
  }
}

/** A question, a language, a seed (whose ids the copy uses), and a random response for that copy. */
const caseArb = fc
  .tuple(questionArb, langArb, seedArb)
  .chain(([q, lang, seed]) => responseArb(q, lang, learnerCopy(q, lang, testIds(seed))).map((response) => ({ q, lang, seed, response })));

/** Ids named by a response (choices, right-hand items, order items). */
function idsIn(r: AnyResponse): string[] {
  if ('choice' in r) return [r.choice];
  if ('choices' in r) return r.choices;
  if ('pairs' in r) return Object.values(r.pairs);
  if ('order' in r) return r.order;
  return [];
}
/** The ids a learner copy offers, with their texts. */
function offered(copy: LearnerQuestion): Map<string, string> {
  const items =
    copy.type === 'single' || copy.type === 'multiple'
      ? copy.choices
      : copy.type === 'match'
        ? copy.right
        : copy.type === 'order'
          ? copy.items
          : [];
  return new Map(items.map((i) => [i.id, i.text]));
}

describe('grading properties', () => {
  it('every content question is covered by the arbitraries', () => {
    const types = new Set(contentQuestions.map((q) => q.type));
    types.delete('essay'); // writing tasks are kept, never scored
    expect(types.size).toBe(9);
    // each type's arbitrary yields responses the response schema accepts
    for (const q of contentQuestions)
      for (const lang of contentLangs)
        for (const r of fc.sample(responseArb(q, lang, learnerCopy(q, lang, testIds('abcd'))), 5))
          expect(() => parseResponse(q, r), q.id).not.toThrow();
  });

  it('scores any well-shaped response within [0, 1]', () => {
    fc.assert(
      fc.property(caseArb, ({ q, lang, seed, response }) => {
        const parsed = parseResponse(q, response);
        const res = grade(q, parsed, lang, { ids: testIds(seed) });
        expect(Number.isFinite(res.score)).toBe(true);
        expect(res.score).toBeGreaterThanOrEqual(0);
        expect(res.score).toBeLessThanOrEqual(1);
        expect(res.correct).toBe(res.score === 1);
      }),
      { numRuns: 1000 },
    );
  });

  it('scores the keyed response 1 for every content question in every language', () => {
    for (const q of contentQuestions)
      for (const lang of contentLangs) {
        const res = grade(q, parseResponse(q, keyedResponse(q, lang, IDS)), lang, { ids: IDS });
        if (q.type === 'essay') {
          expect(res.graded).toBe(false);
          continue;
        }
        expect(res.score, `${q.id}/${lang}`).toBe(1);
        expect(res.correct).toBe(true);
        expect(res.solution).toEqual(keyedResponse(q, lang, IDS));
      }
  });

  it('scores the keyed response 1 after any learner copy: its ids and options are all offered to the learner', () => {
    fc.assert(
      fc.property(questionArb, langArb, seedArb, (q, lang, seed) => {
        const copy = learnerCopy(q, lang, testIds(seed));
        const keyed = keyedResponse(q, lang, testIds(seed));
        const ids = offered(copy);
        for (const id of idsIn(keyed)) expect(ids.has(id), `${q.id}: ${id}`).toBe(true);
        if (copy.type === 'match' && 'pairs' in keyed) expect(Object.keys(keyed.pairs).sort()).toEqual(idsOf(copy.left).sort());
        if (copy.type === 'order' && 'order' in keyed) expect([...keyed.order].sort()).toEqual(idsOf(copy.items).sort());
        if (copy.type === 'cloze' && 'gaps' in keyed)
          for (const p of copy.parts) if ('options' in p && p.options) expect(p.options, `${q.id}/${p.gap}`).toContain(keyed.gaps[p.gap]);
        expect(grade(q, parseResponse(q, keyed), lang, { ids: testIds(seed) }).score).toBe(q.type === 'essay' ? 0 : 1);
      }),
      RUNS,
    );
  });

  it('never lets the shuffle or the ids change a score: the same choices, by text, score the same under any seed', () => {
    fc.assert(
      fc.property(caseArb, seedArb, ({ q, lang, seed, response }, other) => {
        const a = learnerCopy(q, lang, testIds(seed));
        const b = learnerCopy(q, lang, testIds(other));
        // Both copies offer the same texts; under another seed every one has another id.
        const inA = offered(a);
        const inB = offered(b);
        expect([...inB.values()].sort()).toEqual([...inA.values()].sort());
        if (seed !== other) for (const id of inA.keys()) expect(inB.has(id)).toBe(false);
        // Rebuild the response from copy B by looking up each chosen text.
        const byText = new Map([...inB].map(([id, text]) => [text, id]));
        const translate = (id: string) => byText.get(inA.get(id)!)!;
        let viaB: AnyResponse = response;
        if ('choice' in response) viaB = { choice: translate(response.choice) };
        else if ('choices' in response) viaB = { choices: response.choices.map(translate) };
        else if ('order' in response) viaB = { order: response.order.map(translate) };
        else if ('pairs' in response)
          viaB = { pairs: Object.fromEntries(Object.entries(response.pairs).map(([l, r]) => [l, translate(r)])) };
        for (const id of idsIn(viaB)) expect(inB.has(id)).toBe(true);
        expect(grade(q, viaB, lang, { ids: testIds(other) }).score).toBe(grade(q, response, lang, { ids: testIds(seed) }).score);
      }),
      RUNS,
    );
  });

  it('scores an id sequence for an order question the same under every seed: (L−1)/(n−1) of its positions, 0 when incomplete', () => {
    const orderQuestions = contentQuestions.filter((q) => q.type === 'order');
    expect(orderQuestions.length).toBeGreaterThan(0);
    const arb = fc
      .tuple(fc.constantFrom(...orderQuestions), langArb, seedArb, seedArb)
      .chain(([q, lang, s1, s2]) =>
        fc
          .shuffledSubarray(idsOf((learnerCopy(q, lang, testIds(s1)) as { items: LearnerItem[] }).items))
          .map((ids) => ({ q, lang, s1, s2, ids })),
      );
    fc.assert(
      fc.property(arb, ({ q, lang, s1, s2, ids }) => {
        const copyB = learnerCopy(q, lang, testIds(s2));
        if (copyB.type !== 'order') throw new Error('not an order copy');
        // the same texts in the other copy, each under that attempt's own id
        const textsA = offered(learnerCopy(q, lang, testIds(s1)));
        const idInB = new Map([...offered(copyB)].map(([id, text]) => [text, id]));
        const idsB = ids.map((id) => idInB.get(textsA.get(id)!)!);
        // score oracle from the keyed positions, which do not depend on any seed
        const keyed = (keyedResponse(q, lang, testIds(s1)) as { order: string[] }).order;
        const n = keyed.length;
        const L = longestInOrder(ids.map((id) => keyed.indexOf(id)));
        // An order that leaves an item without a place is unanswered: 0.
        const expected = ids.length < n ? 0 : L === n ? 1 : Math.round((Math.max(0, L - 1) / (n - 1)) * 10000) / 10000;
        expect(grade(q, { order: ids }, lang, { ids: testIds(s1) }).score).toBe(expected);
        expect(grade(q, { order: idsB }, lang, { ids: testIds(s2) }).score).toBe(expected);
      }),
      RUNS,
    );
  });

  it('scores a learner who submits the order as shown below 1, whatever the seed', () => {
    const orderQuestions = contentQuestions.filter((q) => q.type === 'order');
    fc.assert(
      fc.property(fc.constantFrom(...orderQuestions), langArb, seedArb, (q, lang, seed) => {
        const copy = learnerCopy(q, lang, testIds(seed));
        if (copy.type !== 'order') throw new Error('not an order copy');
        expect(grade(q, { order: idsOf(copy.items) }, lang, { ids: testIds(seed) }).score).toBeLessThan(1);
      }),
      RUNS,
    );
  });
});
