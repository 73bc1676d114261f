import { pick } from '../../content/localized.ts';
import { fold } from '../normalize.ts';
import type { Kind } from './kind.ts';

/** Whether the essay uses a checklist item: every word of it, folded and in any case, as a word start. */
function uses(text: string, item: string): boolean {
  const words = fold(text)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u);
  return fold(item)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .every((w) => words.some((x) => x.startsWith(w)));
}

/**
 * Free writing, kept and shown but never scored. After submitting, the learner sees the model answer and
 * which words and structures of the checklist the text uses (a hint, not a grade).
 */
export const essay = {
  graded: false,
  validate: () => [],
  isUnanswered: (_q, r) => !r.text.trim(),
  score: (q, r, { lang }) => ({
    score: 0,
    items: [
      {
        kind: 'essay',
        given: r.text,
        ...(q.checklist ? { checklist: q.checklist.map((c) => ({ text: pick(c, lang), used: uses(r.text, pick(c, lang)) })) } : {}),
        ...(q.modelAnswer ? { modelAnswer: pick(q.modelAnswer, lang) } : {}),
      },
    ],
    notes: [],
  }),
  keyed: () => ({ text: '' }),
  solutionText: (q, lang) => (q.modelAnswer ? pick(q.modelAnswer, lang) : ''),
  learner: (q, lang) => ({
    id: q.id,
    prompt: pick(q.prompt, lang),
    type: 'essay',
    ...(q.checklist ? { checklist: q.checklist.map((c) => pick(c, lang)) } : {}),
  }),
  // Nothing to name: a value, a text or a number, no choices or items.
  idKeys: () => [],
  inKeys: (_q, r) => r,
} satisfies Kind<'essay'>;
