import { pick } from '../../content/localized.ts';
import { publicId } from '../random.ts';
import { unknownId, type Kind } from './kind.ts';

/** One right choice; a wrong choice may carry partial credit (Moodle's `~%50%`). */
export const single = {
  graded: true,
  validate: (q, r, at) => (q.choices.some((c) => publicId(q.id, c.id) === r.choice) ? [] : [unknownId(q, `${at}.choice`, r.choice)]),
  isUnanswered: (_q, r) => !r.choice,
  score(q, r, { lang }) {
    const chosen = q.choices.find((c) => publicId(q.id, c.id) === r.choice)!;
    return {
      score: chosen.correct ? 1 : (chosen.credit ?? 0),
      items: q.choices.map((c) => ({
        kind: 'choice',
        id: publicId(q.id, c.id),
        text: pick(c.text, lang),
        chosen: c === chosen,
        right: !!c.correct,
      })),
      notes: chosen.feedback ? [pick(chosen.feedback, lang)] : [],
    };
  },
  keyed: (q) => ({ choice: publicId(q.id, q.choices.find((c) => c.correct)!.id) }),
  solutionText: (q, lang) => pick(q.choices.find((c) => c.correct)!.text, lang),
  learner: (q, lang, order) => ({
    id: q.id,
    prompt: pick(q.prompt, lang),
    type: 'single',
    choices: order(q.choices).map((c) => ({ id: publicId(q.id, c.id), text: pick(c.text, lang) })),
  }),
} satisfies Kind<'single'>;
