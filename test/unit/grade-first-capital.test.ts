// Issue 18, item 1: a capital on an answer's first letter is not a case error (a phone or a sentence start
// puts it there), unless the noun's capital is the point; and an article before a noun answer is accepted in a
// meaning question. The review's German examples, run against the real content items, then a property test.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grade } from '../../core/quiz/grade.ts';
import type { Question } from '../../core/quiz/schema.ts';
import { contentQuestions, question, shortQuestion } from '../fixtures/questions.ts';
import { typed } from './grading-helpers.ts';

const item = (id: string) => {
  const q = contentQuestions.find((x) => x.id === id);
  if (!q) throw new Error(`no content question ${id}`);
  return q;
};
/** The first letter as a phone capitalises it (ß has no one-letter capital there, so it stays). */
const capitalise = (s: string) => (s.charAt(0).toUpperCase().length === 1 ? s.charAt(0).toUpperCase() + s.slice(1) : s);

describe('a capital on the first letter is not a case error', () => {
  it("accepts the review's answers that start with a capitalised article, in the form questions that ask for it", () => {
    expect(typed(item('alliance-15'), 'Die Unterzeichnung')).toMatchObject({ score: 1, match: 'exact' });
    expect(typed(item('balance-14'), 'Das Teilnehmerland')).toMatchObject({ score: 1, match: 'exact' });
    expect(typed(item('china-8'), 'Der Exporteur')).toMatchObject({ score: 1, match: 'exact' });
    expect(typed(item('alliance-15'), 'Die Unterzeichnung', 'en').score).toBe(1);
  });

  it('accepts "Vorsehen" for "vorsehen" in the case-strict form question cooperation-8', () => {
    expect(typed(item('cooperation-8'), 'Vorsehen')).toMatchObject({ score: 1, match: 'exact' });
    expect(typed(shortQuestion(['vorsehen'], { caseSensitive: true, typoTolerance: false }), 'Vorsehen').score).toBe(1);
  });

  it('keeps a noun\'s capital the point: "exporteur" for "Exporteur" and "der exporteur" stay case errors', () => {
    expect(typed(item('china-8'), 'exporteur')).toMatchObject({ score: 0, match: 'case' });
    expect(typed(item('china-8'), 'Der exporteur')).toMatchObject({ score: 0, match: 'case' });
    expect(typed(item('alliance-15'), 'Die unterzeichnung')).toMatchObject({ score: 0, match: 'case' });
  });

  it('only forgives the first letter: "vorSehen" and "VORSEHEN" stay case errors', () => {
    const q = item('cooperation-8');
    expect(typed(q, 'vorSehen')).toMatchObject({ score: 0, match: 'case' });
    expect(typed(q, 'VORSEHEN')).toMatchObject({ score: 0, match: 'case' });
  });

  it('tells the spelling apart as before: "Ueber" for "über" is a spelling note, "Über" is exact', () => {
    const q = shortQuestion(['über'], { caseSensitive: true, typoTolerance: false });
    expect(typed(q, 'Über')).toMatchObject({ score: 1, match: 'exact' });
    expect(typed(q, 'Ueber')).toMatchObject({ score: 1, match: 'spelling', expected: 'über' });
  });

  it('lets an author who tests sentence case list the capital as a wrong answer, which then wins', () => {
    const q = question('short', {
      id: 'deutsch',
      caseSensitive: true,
      answers: { de: [{ text: 'deutsch' }, { text: 'Deutsch', weight: 0, feedback: 'Adjektiv: klein' }], en: [{ text: 'deutsch' }] },
    });
    expect(typed(q, 'Deutsch')).toMatchObject({ score: 0, match: 'exact', expected: 'Deutsch' });
  });
});

describe('an article before a noun answer is accepted where the noun is', () => {
  it('accepts "die Abhängigkeit" and "Die Abhängigkeit" for cooperation-7, and an English article in English', () => {
    const q = item('cooperation-7');
    expect(typed(q, 'die Abhängigkeit')).toMatchObject({ score: 1, match: 'exact', expected: 'Abhängigkeit' });
    expect(typed(q, 'Die Abhaengigkeit')).toMatchObject({ score: 1, match: 'spelling' });
    expect(typed(q, 'ihre Abhängigkeit').score).toBe(0);
    expect(typed(q, 'the dependence', 'en').score).toBe(1);
  });

  it('keeps the other rules after the article: a typo, a wrong ending, a small noun where case counts', () => {
    expect(typed(shortQuestion(['Abhängigkeit']), 'die Abhängigkiet')).toMatchObject({ score: 1, match: 'typo' });
    expect(typed(shortQuestion(['Quellen']), 'die Quelle')).toMatchObject({ score: 0.5, match: 'ending' });
    expect(typed(shortQuestion(['Abhängigkeit'], { caseSensitive: true }), 'die abhängigkeit')).toMatchObject({ score: 0, match: 'case' });
  });

  it('does not strip an article in a form question, nor before a German key that is no noun', () => {
    expect(typed(shortQuestion(['Exporteur'], { tests: 'form' }), 'die Exporteur').score).toBe(0);
    expect(typed(shortQuestion(['vorsehen']), 'das vorsehen').score).toBe(0);
    expect(typed(shortQuestion(['die Abhängigkeit']), 'der die Abhängigkeit').score).toBe(0);
  });
});

/** Random German-looking words, nouns and others, so that keys start with either case. */
const wordArb = fc.oneof(
  fc.constantFrom('kritischen', 'Quellen', 'vorsehen', 'Exporteur', 'einläuten', 'über', 'Über', 'die', 'Erden', 'den'),
  fc.string({ unit: fc.constantFrom(...'abdeghiklmnorstuvÄäöüßE'), minLength: 1, maxLength: 10 }),
);
const rules = fc.record({
  tests: fc.constantFrom('meaning', 'form', undefined),
  caseSensitive: fc.boolean(),
  typoTolerance: fc.boolean(),
});
/** What a learner might type: a key as it is, a key with its first letter made small, or random words. */
const typedArb = (keys: string[]) =>
  fc.oneof(
    fc.constantFrom(...keys),
    fc.constantFrom(...keys).map((k) => k.charAt(0).toLowerCase() + k.slice(1)),
    fc.array(wordArb, { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')),
  );

/** Case is the point where two accepted answers differ only in case: the author then grades the capital. */
const caseIsThePoint = (keys: string[]) => new Set(keys.map((k) => k.toLowerCase())).size < keys.length;

describe('property: a first-letter capital never lowers a score where case is not the point', () => {
  it('for generated keys and answers under every rule', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(wordArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }).chain((ws) => {
          const keys = ws.map((w) => w.join(' '));
          return fc.tuple(fc.constant(keys), typedArb(keys), rules, fc.constantFrom('de', 'en'));
        }),
        ([keys, text, r, lang]) => {
          fc.pre(!caseIsThePoint(keys));
          const answers = keys.map((k, i) => ({ text: k, weight: i === 0 ? 1 : 0.5 }));
          const { tests, ...rest } = r;
          const q = question('short', { id: 'gen', answers: { de: answers, en: answers }, ...rest, ...(tests ? { tests } : {}) });
          const plain = grade(q, { text }, lang).score;
          expect(grade(q, { text: capitalise(text) }, lang).score, `${JSON.stringify(keys)} ${text}`).toBeGreaterThanOrEqual(plain);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('for every accepted answer of every typed content question, typed with a capital first letter', () => {
    const typedQs = contentQuestions.filter((q): q is Extract<Question, { type: 'short' }> => q.type === 'short');
    expect(typedQs.length).toBeGreaterThan(0);
    for (const q of typedQs)
      for (const lang of ['de', 'en'])
        for (const a of q.answers[lang] ?? [])
          if (a.text !== '*')
            expect(grade(q, { text: capitalise(a.text) }, lang).score, `${q.id} ${lang}: ${a.text}`).toBe(
              grade(q, { text: a.text }, lang).score,
            );
  });
});
