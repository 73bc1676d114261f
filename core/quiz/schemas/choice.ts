// The kinds whose learner picks among choices the author wrote: one right (single), weighted (multiple), true/false.
import { z } from 'zod';
import { limitedArray } from '../../sets/limited-text.ts';
import { LIMITS } from '../../sets/limits.ts';
import { Id, round, uniqueIds, type SchemaParts } from './parts.ts';

/** One right choice; the others may carry partial credit. */
export function singleSchema({ base, text }: SchemaParts) {
  const Choice = z
    .object({
      id: Id,
      text,
      correct: z.boolean().optional(),
      /** Partial credit for a choice that is not the right one (Moodle's `~%50%` in a single-answer question). */
      credit: z.number().gt(0).lt(1).optional(),
      feedback: text.optional(),
    })
    .strict();
  return z
    .object({ ...base, type: z.literal('single'), choices: limitedArray(Choice, LIMITS.choices, 'choices').min(2) })
    .strict()
    .superRefine((q, ctx) => {
      const right = q.choices.filter((c) => c.correct).length;
      if (right !== 1) ctx.addIssue({ code: 'custom', path: ['choices'], message: `needs exactly one correct choice, has ${right}` });
      uniqueIds(q.choices, ['choices'], ctx);
    });
}

/** Several choices, each with a weight; the positive ones add up to the whole question. */
export function multipleSchema({ base, text }: SchemaParts) {
  const WeightedChoice = z.object({ id: Id, text, weight: z.number().min(-1).max(1), feedback: text.optional() }).strict();
  return z
    .object({ ...base, type: z.literal('multiple'), choices: limitedArray(WeightedChoice, LIMITS.choices, 'choices').min(2) })
    .strict()
    .superRefine((q, ctx) => {
      const sum = q.choices.filter((c) => c.weight > 0).reduce((s, c) => s + c.weight, 0);
      if (Math.abs(sum - 1) > 0.001)
        ctx.addIssue({
          code: 'custom',
          path: ['choices'],
          message: `the positive weights must add up to 1 (100 %), they add up to ${round(sum)}`,
        });
      uniqueIds(q.choices, ['choices'], ctx);
    });
}

export function trueFalseSchema({ base, text }: SchemaParts) {
  return z
    .object({
      ...base,
      type: z.literal('truefalse'),
      answer: z.boolean(),
      feedback: z.object({ right: text.optional(), wrong: text.optional() }).strict().optional(),
    })
    .strict();
}
