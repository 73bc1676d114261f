import { pick } from '../../content/localized.ts';
import type { Kind } from './kind.ts';

/** A statement judged true or false: 1 or 0, with the author's feedback for the right or the wrong case. */
export const truefalse = {
  graded: true,
  validate: () => [],
  isUnanswered: () => false,
  score(q, r, { lang }) {
    const right = r.value === q.answer;
    const fb = right ? q.feedback?.right : q.feedback?.wrong;
    return { score: right ? 1 : 0, items: [{ kind: 'truefalse', given: r.value, expected: q.answer }], notes: fb ? [pick(fb, lang)] : [] };
  },
  keyed: (q) => ({ value: q.answer }),
  solutionText: (q) => String(q.answer),
  learner: (q, lang) => ({ id: q.id, prompt: pick(q.prompt, lang), type: 'truefalse' }),
  // Nothing to name: a value, a text or a number, no choices or items.
  idKeys: () => [],
  inKeys: (_q, r) => r,
} satisfies Kind<'truefalse'>;
