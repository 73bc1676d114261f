import { pick } from '../../content/localized.ts';
import { ORDER_KEY, unknownId, type Kind } from './kind.ts';

/** One right choice; a wrong choice may carry partial credit (Moodle's `~%50%`). Choices are named by public ids. */
export const single = {
  graded: true,
  validate: (q, r, at, ids) => (q.choices.some((c) => ids(q.id, c.id) === r.choice) ? [] : [unknownId(q, `${at}.choice`, r.choice)]),
  isUnanswered: (_q, r) => !r.choice,
  score(q, r, { lang, ids }) {
    const chosen = q.choices.find((c) => ids(q.id, c.id) === r.choice)!;
    return {
      score: chosen.correct ? 1 : (chosen.credit ?? 0),
      items: q.choices.map((c) => ({
        kind: 'choice',
        id: ids(q.id, c.id),
        text: pick(c.text, lang),
        chosen: c === chosen,
        right: !!c.correct,
      })),
      notes: chosen.feedback ? [pick(chosen.feedback, lang)] : [],
    };
  },
  keyed: (q, _lang, ids) => ({ choice: ids(q.id, q.choices.find((c) => c.correct)!.id) }),
  solutionText: (q, lang) => pick(q.choices.find((c) => c.correct)!.text, lang),
  learner: (q, lang, order, ids) => ({
    id: q.id,
    prompt: pick(q.prompt, lang),
    type: 'single',
    choices: order(q.choices).map((c) => ({ id: ids(q.id, c.id), text: pick(c.text, lang) })),
  }),
  idKeys: (q) => [...q.choices.map((c) => c.id), ORDER_KEY],
  inKeys: (_q, r, keyOf) => ({ choice: keyOf(r.choice) }),
} satisfies Kind<'single'>;
