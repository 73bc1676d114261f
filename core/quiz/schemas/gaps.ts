import { z } from 'zod';
import { limitedArray, limitedString } from '../../sets/limited-text.ts';
import { LIMITS } from '../../sets/limits.ts';
import { Id, type SchemaParts } from './parts.ts';

/** What every gap kind's schema shares: the parts, the gap's mark and a typed word. */
interface GapParts extends SchemaParts {
  weight: z.ZodOptional<z.ZodNumber>;
  word: z.ZodString;
}

/**
 * The gaps of a cloze question, as Moodle's Cloze (embedded answers) needs them, backwards compatible with the
 * built-in content: a gap without `kind` is the simple one (typed answers, or options, all right answers worth
 * 100 %); `typed`, `single`, `multi` and `numerical` gaps carry Moodle's per-answer credit and feedback.
 * Every gap may carry Moodle's mark (`weight`, the `2` of `{2:SA:…}`): the question's score is the weighted
 * share of its gaps.
 */
export function gapSchema(parts: SchemaParts) {
  const p: GapParts = {
    ...parts,
    // Moodle's syntax writes the mark as digits: a whole number.
    weight: z.number().int('a gap weight is a whole number').positive('a gap weight is more than 0').max(100).optional(),
    word: limitedString().trim().min(1),
  };
  return z.discriminatedUnion('kind', [simpleGap(p), typedGap(p), choiceGap(p), numericalGap(p)]);
}

/** Simple: every answer (or the options' right ones) earns the whole gap; the built-in content's form. */
function simpleGap({ weight, word, perLang }: GapParts) {
  return z
    .object({ id: Id, kind: z.literal('text').optional(), weight, answers: perLang(word), options: perLang(word).optional() })
    .strict();
}

/** Moodle's SHORTANSWER (SA, MW) and SHORTANSWER_C (SAC, MWC): weighted answers with feedback; `*` accepts anything. */
function typedGap({ weight, word, perLang }: GapParts) {
  return z
    .object({
      id: Id,
      kind: z.literal('typed'),
      weight,
      /** SAC: case counts in this gap (else the question's `caseSensitive`). */
      caseSensitive: z.boolean().optional(),
      answers: perLang(
        z.object({ text: word, weight: z.number().min(0).max(1).default(1), feedback: limitedString().optional() }).strict(),
      ),
    })
    .strict();
}

/** MULTICHOICE (one pick, a select or radio buttons) and MULTIRESPONSE (checkboxes: the sum of the picks' weights). */
function choiceGap({ weight, text }: GapParts) {
  const GapChoice = z.object({ id: Id, text, weight: z.number().min(-1).max(1), feedback: text.optional() }).strict();
  return z
    .object({
      id: Id,
      kind: z.enum(['single', 'multi']),
      weight,
      /** `select` (MC), `vertical` (MCV, MR), `horizontal` (MCH, MRH). */
      display: z.enum(['select', 'vertical', 'horizontal']).optional(),
      /** The `_S` variants: choices shuffled per attempt (else in the author's order). */
      shuffle: z.boolean().optional(),
      choices: limitedArray(GapChoice, LIMITS.choices, 'choices').min(2),
    })
    .strict();
}

/** NUMERICAL (NM): values with tolerances (`=1822:2`), weighted, with feedback; `otherFeedback` is Moodle's `*`. */
function numericalGap({ weight, text }: GapParts) {
  const NumAnswer = z
    .object({
      answer: z.number().finite().optional(),
      tolerance: z.number().min(0).default(0),
      min: z.number().finite().optional(),
      max: z.number().finite().optional(),
      weight: z.number().min(0).max(1).default(1),
      feedback: text.optional(),
    })
    .strict()
    .refine((a) => (a.answer !== undefined) !== (a.min !== undefined && a.max !== undefined), 'give either "answer" or "min" and "max"');
  return z
    .object({
      id: Id,
      kind: z.literal('numerical'),
      weight,
      answers: limitedArray(NumAnswer, LIMITS.answers, 'answers').min(1),
      otherFeedback: text.optional(),
    })
    .strict();
}

/** A gap as the schema gives it back. */
export type GapShape = z.output<ReturnType<typeof gapSchema>>;
