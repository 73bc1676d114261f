import { pick } from '../../content/localized.ts';
import { textRules } from '../text-match.ts';
import { inLang, type Kind } from './kind.ts';
import { typedAnswer } from './typed-answer.ts';

const full = (answers: readonly { text: string; weight: number }[]) => answers.find((a) => a.weight === 1)?.text ?? answers[0]?.text ?? '';

/** A typed answer: the best matching accepted answer's weight, under the text rules of text-match.ts. */
export const short = {
  graded: true,
  validate: () => [],
  isUnanswered: (_q, r) => !r.text.trim(),
  score(q, r, { lang, lexicon, grading }) {
    const { credit, verdict, feedback } = typedAnswer(r.text, inLang(q.answers, lang), textRules(q, lang, lexicon, grading));
    return { score: credit, items: [{ kind: 'text', ...verdict, ...(feedback ? { note: feedback } : {}) }], notes: [] };
  },
  keyed: (q, lang) => ({ text: full(inLang(q.answers, lang)) }),
  solutionText: (q, lang) => full(inLang(q.answers, lang)),
  learner: (q, lang) => ({ id: q.id, prompt: pick(q.prompt, lang), type: 'short' }),
  // Nothing to name: a value, a text or a number, no choices or items.
  idKeys: () => [],
  inKeys: (_q, r) => r,
} satisfies Kind<'short'>;
