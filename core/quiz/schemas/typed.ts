// The kinds whose learner writes the answer: a short text, a number, or an essay that is never scored.
import { z } from 'zod';
import { limitedArray, limitedString } from '../../sets/limited-text.ts';
import { LIMITS } from '../../sets/limits.ts';
import type { SchemaParts } from './parts.ts';

/** An accepted typed answer; the text `*` accepts anything (GIFT's catch-all, usually with weight 0 and feedback). */
const acceptedAnswer = () =>
  z
    .object({ text: limitedString().trim().min(1), weight: z.number().min(0).max(1).default(1), feedback: limitedString().optional() })
    .strict();

/** Accepted answers per language, one at least worth 100 % in each. */
export function shortSchema({ base, perLang, languages }: SchemaParts) {
  return z
    .object({
      ...base,
      type: z.literal('short'),
      answers: perLang(acceptedAnswer()),
      caseSensitive: z.boolean().default(false),
      typoTolerance: z.boolean().default(true),
    })
    .strict()
    .superRefine((q, ctx) => {
      for (const lang of languages) {
        if (!(q.answers[lang] ?? []).some((a) => a.weight === 1))
          ctx.addIssue({ code: 'custom', path: ['answers', lang], message: 'needs at least one answer worth 100 %' });
      }
    });
}

/** A further accepted value with its credit (GIFT's `{#=1822:0 =%50%1822:2}`). */
const numericalAlternative = () =>
  z
    .object({
      answer: z.number().finite().optional(),
      tolerance: z.number().min(0).default(0),
      min: z.number().finite().optional(),
      max: z.number().finite().optional(),
      // 0 keeps Moodle's 0 % answer that only gives feedback (`=%0%4#close, but no`).
      weight: z.number().min(0).max(1),
      feedback: limitedString().optional(),
    })
    .strict()
    .refine((a) => (a.answer !== undefined) !== (a.min !== undefined && a.max !== undefined), 'give either "answer" or "min" and "max"');

/** A value with a tolerance, or a range; alternatives may earn part of the credit. */
export function numericalSchema({ base, text }: SchemaParts) {
  return z
    .object({
      ...base,
      type: z.literal('numerical'),
      answer: z.number().finite().optional(),
      tolerance: z.number().min(0).default(0),
      min: z.number().finite().optional(),
      max: z.number().finite().optional(),
      alternatives: limitedArray(numericalAlternative(), LIMITS.alternatives, 'alternatives').optional(),
      /** Feedback for any number no answer matches (GIFT's `~#…`, Cloze's `*`). */
      otherFeedback: text.optional(),
      /** Feedback for a number within `answer` (Moodle's feedback on the 100 % answer, GIFT's `=1822:0#Correct!`). */
      answerFeedback: text.optional(),
    })
    .strict()
    .superRefine((q, ctx) => {
      const hasRange = q.min !== undefined || q.max !== undefined;
      if (hasRange === (q.answer !== undefined))
        ctx.addIssue({ code: 'custom', path: ['answer'], message: 'give either "answer" (with "tolerance") or "min" and "max"' });
      if (hasRange && (q.min === undefined || q.max === undefined || q.min > q.max))
        ctx.addIssue({ code: 'custom', path: ['min'], message: '"min" and "max" must both be set, min ≤ max' });
    });
}

/** Free text, stored and shown as ungraded (GIFT's essay `{}`): it never counts toward the score. */
export function essaySchema({ base, text, longText }: SchemaParts) {
  return z
    .object({
      ...base,
      type: z.literal('essay'),
      /** Words and structures to use, shown to the learner while writing. */
      checklist: limitedArray(text, LIMITS.checklist, 'checklist items').optional(),
      /** A model answer, shown after submitting (never in the learner's copy before). */
      modelAnswer: longText.optional(),
    })
    .strict();
}
