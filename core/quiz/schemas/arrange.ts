// The kinds whose learner arranges what the author wrote: pairs to match, items to order.
import { z } from 'zod';
import { limitedArray } from '../../sets/limited-text.ts';
import { LIMITS } from '../../sets/limits.ts';
import type { SchemaParts } from './parts.ts';

/**
 * Pairs of a left and a right text, and right-hand extras. Two left items may share an answer (Moodle merges
 * equal answers into one choice), but only one that is the same in every language, so that each language
 * offers the same items; the extras differ from every answer and from each other.
 */
export function matchSchema({ base, text, languages }: SchemaParts) {
  return z
    .object({
      ...base,
      type: z.literal('match'),
      pairs: limitedArray(z.object({ left: text, right: text }).strict(), LIMITS.pairs, 'pairs').min(2),
      /** Extra right-hand items that belong to no left item (GIFT's `= -> Chat`): shown among the options. */
      distractors: limitedArray(text, LIMITS.distractors, 'extra right-hand items').optional(),
    })
    .strict()
    .superRefine((q, ctx) => {
      for (const lang of languages) {
        const answers = q.pairs.map((p) => p.right[lang]);
        const shared = q.pairs.findIndex(
          (p, i) =>
            answers.indexOf(p.right[lang]) !== i &&
            !languages.every((l) => q.pairs[answers.indexOf(p.right[lang])]!.right[l] === p.right[l]),
        );
        if (shared >= 0)
          ctx.addIssue({
            code: 'custom',
            path: ['pairs', shared, 'right'],
            message: `shares its answer with another pair in "${lang}" only: a shared answer must be the same in every language`,
          });
        const rights = [...new Set(answers), ...(q.distractors ?? []).map((d) => d[lang])];
        if (new Set(rights).size !== rights.length)
          ctx.addIssue({
            code: 'custom',
            path: ['distractors'],
            message: `extra right-hand items in "${lang}" must differ from every answer and from each other`,
          });
      }
    });
}

/** Items in their right order, as the author writes them. */
export function orderSchema({ base, text }: SchemaParts) {
  return z.object({ ...base, type: z.literal('order'), items: limitedArray(text, LIMITS.items, 'items').min(2) }).strict();
}
