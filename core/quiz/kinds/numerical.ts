import { pick } from '../../content/localized.ts';
import type { QuestionOf } from '../schema.ts';
import type { Kind } from './kind.ts';

type Range = { answer?: number | undefined; tolerance: number; min?: number | undefined; max?: number | undefined };
const within = (n: number, a: Range) =>
  a.answer !== undefined ? Math.abs(n - a.answer) <= a.tolerance + 1e-9 : n >= a.min! && n <= a.max!;

function numberText(q: QuestionOf<'numerical'>): string {
  if (q.answer === undefined) return `${q.min}–${q.max}`;
  return q.tolerance ? `${q.answer} ± ${q.tolerance}` : String(q.answer);
}

/**
 * A number within the tolerance or range scores 1 (with `answerFeedback`); an alternative earns its weight (GIFT's
 * `=%50%…`, 0 % for one that only gives feedback) and its feedback; any other number gets the catch-all (GIFT's `~#…`).
 */
export const numerical = {
  graded: true,
  validate: () => [],
  isUnanswered: () => false,
  score(q, r, { lang }) {
    const ok = within(r.number, q);
    const partial = ok ? undefined : (q.alternatives ?? []).filter((a) => within(r.number, a)).sort((a, b) => b.weight - a.weight)[0];
    return {
      score: ok ? 1 : (partial?.weight ?? 0),
      items: [{ kind: 'number', given: r.number, expected: numberText(q), right: ok }],
      notes: ok
        ? q.answerFeedback
          ? [pick(q.answerFeedback, lang)]
          : []
        : partial
          ? partial.feedback
            ? [partial.feedback]
            : []
          : q.otherFeedback
            ? [pick(q.otherFeedback, lang)]
            : [],
    };
  },
  keyed: (q) => ({ number: q.answer ?? (q.min! + q.max!) / 2 }),
  solutionText: numberText,
  learner: (q, lang) => ({ id: q.id, prompt: pick(q.prompt, lang), type: 'numerical' }),
  // Nothing to name: a value, a text or a number, no choices or items.
  idKeys: () => [],
  inKeys: (_q, r) => r,
} satisfies Kind<'numerical'>;
