import { pick } from '../../content/localized.ts';
import { publicId } from '../random.ts';
import { clamp01, unknownId, type Kind } from './kind.ts';

/** Weighted choices (Moodle style): the sum of the chosen weights, a wrong pick can cost; clamped to 0..1. */
export const multiple = {
  graded: true,
  validate(q, r, at) {
    const ids = new Set(q.choices.map((c) => publicId(q.id, c.id)));
    return [...new Set(r.choices)].filter((id) => !ids.has(id)).map((id) => unknownId(q, `${at}.choices`, id));
  },
  isUnanswered: (_q, r) => r.choices.length === 0,
  score(q, r, { lang }) {
    const picked = new Set(r.choices);
    const notes: string[] = [];
    let score = 0;
    const items = q.choices.map((c) => {
      const id = publicId(q.id, c.id);
      const chosen = picked.has(id);
      if (chosen) score += c.weight;
      if (chosen && c.feedback) notes.push(pick(c.feedback, lang));
      return { kind: 'choice' as const, id, text: pick(c.text, lang), chosen, right: c.weight > 0 };
    });
    return { score: clamp01(score), items, notes };
  },
  keyed: (q) => ({ choices: q.choices.filter((c) => c.weight > 0).map((c) => publicId(q.id, c.id)) }),
  solutionText: (q, lang) =>
    q.choices
      .filter((c) => c.weight > 0)
      .map((c) => pick(c.text, lang))
      .join('; '),
  learner: (q, lang, order) => ({
    id: q.id,
    prompt: pick(q.prompt, lang),
    type: 'multiple',
    choices: order(q.choices).map((c) => ({ id: publicId(q.id, c.id), text: pick(c.text, lang) })),
  }),
} satisfies Kind<'multiple'>;
