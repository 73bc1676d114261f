// Property: an accepted answer always scores full marks, under every rule (meaning or form, case, typo
// tolerance, the course lexicon), typed with any of the variations that never make an answer wrong.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildLexicon, grade } from '../../core/quiz/grade.ts';
import type { Question } from '../../core/quiz/schema.ts';
import { content, contentLangs, contentQuestions, question } from '../fixtures/questions.ts';
import { simpleGap } from './grading-helpers.ts';

const lexicon = buildLexicon([
  ...content.article.sentences.flatMap((s) => Object.values(s.text)),
  ...content.glossary.flatMap((e) => [e.lemma, ...e.forms]),
  ...contentQuestions.flatMap((q) =>
    q.type === 'short'
      ? Object.values(q.answers)
          .flat()
          .map((a) => a.text)
      : [],
  ),
]);

/** Ways of typing a text that never change what it says. */
const variant = fc.constantFrom(
  (s: string) => s,
  (s: string) => `  ${s.replace(/ /g, '   ')}\t`,
  (s: string) => `${s}.`,
  (s: string) => s.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss'),
  (s: string) => s.replace(/ae/g, 'ä').replace(/oe/g, 'ö').replace(/ue/g, 'ü'),
  (s: string) => s.replace(/'/g, '’').replace(/"/g, '“').replace(/-/g, '–'),
  (s: string) => s.normalize('NFD'),
);
const rules = fc.record({
  tests: fc.constantFrom('meaning', 'form', undefined),
  caseSensitive: fc.boolean(),
  typoTolerance: fc.boolean(),
  withLexicon: fc.boolean(),
});

/** Random German-looking words, so the generated keys meet every rule (endings, prefixes, short words). */
const wordArb = fc.oneof(
  fc.constantFrom('kritischen', 'Quellen', 'vorsehen', 'strategische', 'Exporteur', 'einläuten', 'Straße', 'sollen', 'Erden', 'den'),
  fc.string({ unit: fc.constantFrom(...'abdeghiklmnorstuväöüß'), minLength: 1, maxLength: 12 }),
);

const typedQuestions = contentQuestions.filter((q) => q.type === 'short' || q.type === 'cloze');

function withRules(q: Question, r: { tests: 'meaning' | 'form' | undefined; caseSensitive: boolean; typoTolerance: boolean }): Question {
  if (q.type !== 'short' && q.type !== 'cloze') return q;
  const { tests, ...rest } = r;
  return { ...q, ...rest, ...(tests ? { tests } : {}) };
}

describe('an accepted answer always scores full marks under every rule', () => {
  it('for every accepted answer of every typed content question, in every language', () => {
    expect(typedQuestions.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(fc.constantFrom(...typedQuestions), fc.constantFrom(...contentLangs), rules, variant, (q0, lang, r, vary) => {
        const q = withRules(q0, r);
        const opts = r.withLexicon ? { lexicon } : {};
        if (q.type === 'short')
          for (const a of q.answers[lang]!.filter((x) => x.weight === 1 && x.text !== '*'))
            expect(grade(q, { text: vary(a.text) }, lang, opts).score, `${q.id}: ${a.text}`).toBe(1);
        if (q.type === 'cloze') {
          const accepted = q.gaps.map((g) => simpleGap(g).answers[lang]!);
          for (let k = 0; k < Math.max(...accepted.map((a) => a.length)); k++) {
            const gaps = Object.fromEntries(q.gaps.map((g, i) => [g.id, vary(accepted[i]![k % accepted[i]!.length]!)]));
            expect(grade(q, { gaps }, lang, opts).score, `${q.id}: ${JSON.stringify(gaps)}`).toBe(1);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('for generated keys of one to three words, with other accepted answers beside them', () => {
    fc.assert(
      fc.property(
        fc.array(wordArb, { minLength: 1, maxLength: 3 }),
        fc.array(wordArb, { maxLength: 3 }),
        rules,
        variant,
        (words, others, r, vary) => {
          const key = words.join(' ');
          const answers = [{ text: key }, ...others.map((text) => ({ text, weight: 0.5 }))];
          const q = withRules(question('short', { id: 'gen', answers: { de: answers, en: answers } }), r);
          const opts = r.withLexicon ? { lexicon: buildLexicon([...others, 'kritische', 'versehen', 'wollen']) } : {};
          expect(grade(q, { text: vary(key) }, 'de', opts).score).toBe(1);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
