// The kinds whose learner arranges what the author wrote: pairs to match, items to order.
import { z } from 'zod';
import { limitedArray } from '../../sets/limited-text.ts';
import { LIMITS } from '../../sets/limits.ts';
import type { SchemaParts } from './parts.ts';

/** Pairs of a left and a right text, and right-hand extras; the right-hand texts are distinct in each language. */
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
        const rights = [...q.pairs.map((p) => p.right[lang]), ...(q.distractors ?? []).map((d) => d[lang])];
        if (new Set(rights).size !== rights.length)
          ctx.addIssue({ code: 'custom', path: ['pairs'], message: `right-hand items in "${lang}" must be distinct` });
      }
    });
}

/** Items in their right order, as the author writes them. */
export function orderSchema({ base, text }: SchemaParts) {
  return z.object({ ...base, type: z.literal('order'), items: limitedArray(text, LIMITS.items, 'items').min(2) }).strict();
}
