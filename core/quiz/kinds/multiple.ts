import { pick } from '../../content/localized.ts';
import { clamp01, ORDER_KEY, unknownId, type Kind } from './kind.ts';

/** Weighted choices (Moodle style): the sum of the chosen weights, a wrong pick can cost; clamped to 0..1. */
export const multiple = {
  graded: true,
  validate(q, r, at, ids) {
    const known = new Set(q.choices.map((c) => ids(q.id, c.id)));
    return [...new Set(r.choices)].filter((id) => !known.has(id)).map((id) => unknownId(q, `${at}.choices`, id));
  },
  isUnanswered: (_q, r) => r.choices.length === 0,
  score(q, r, { lang, ids }) {
    const picked = new Set(r.choices);
    const notes: string[] = [];
    let score = 0;
    const items = q.choices.map((c) => {
      const id = ids(q.id, c.id);
      const chosen = picked.has(id);
      if (chosen) score += c.weight;
      if (chosen && c.feedback) notes.push(pick(c.feedback, lang));
      return { kind: 'choice' as const, id, text: pick(c.text, lang), chosen, right: c.weight > 0 };
    });
    return { score: clamp01(score), items, notes };
  },
  keyed: (q, _lang, ids) => ({ choices: q.choices.filter((c) => c.weight > 0).map((c) => ids(q.id, c.id)) }),
  solutionText: (q, lang) =>
    q.choices
      .filter((c) => c.weight > 0)
      .map((c) => pick(c.text, lang))
      .join('; '),
  learner: (q, lang, order, ids) => ({
    id: q.id,
    prompt: pick(q.prompt, lang),
    type: 'multiple',
    choices: order(q.choices).map((c) => ({ id: ids(q.id, c.id), text: pick(c.text, lang) })),
  }),
  idKeys: (q) => [...q.choices.map((c) => c.id), ORDER_KEY],
  inKeys: (_q, r, keyOf) => ({ choices: r.choices.map(keyOf) }),
} satisfies Kind<'multiple'>;
