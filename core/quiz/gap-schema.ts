import { z } from 'zod';
import type { Lang } from '../content/localized.ts';
import { limitedArray, limitedString } from '../sets/limited-text.ts';
import { LIMITS } from '../sets/limits.ts';

/**
 * The gaps of a cloze question, as Moodle's Cloze (embedded answers) needs them, backwards compatible with the
 * built-in content: a gap without `kind` is the simple one (typed answers, or options, all right answers worth
 * 100 %); `typed`, `single`, `multi` and `numerical` gaps carry Moodle's per-answer credit and feedback.
 * Every gap may carry Moodle's mark (`weight`, the `2` of `{2:SA:…}`): the question's score is the weighted
 * share of its gaps.
 */
export function gapSchemas(
  languages: readonly Lang[],
  text: z.ZodObject<Record<string, z.ZodString>>,
  Id: z.ZodString,
  perLang: <T extends z.ZodType>(item: T) => z.ZodObject<Record<string, z.ZodArray<T>>>,
) {
  // Moodle's syntax writes the mark as digits: a whole number.
  const weight = z.number().int('a gap weight is a whole number').positive('a gap weight is more than 0').max(100).optional();
  const Word = limitedString().trim().min(1);

  /** Simple: every answer (or the options' right ones) earns the whole gap; the built-in content's form. */
  const SimpleGap = z
    .object({ id: Id, kind: z.literal('text').optional(), weight, answers: perLang(Word), options: perLang(Word).optional() })
    .strict();

  /** Moodle's SHORTANSWER (SA, MW) and SHORTANSWER_C (SAC, MWC): weighted answers with feedback; `*` accepts anything. */
  const TypedGap = z
    .object({
      id: Id,
      kind: z.literal('typed'),
      weight,
      /** SAC: case counts in this gap (else the question's `caseSensitive`). */
      caseSensitive: z.boolean().optional(),
      answers: perLang(
        z.object({ text: Word, weight: z.number().min(0).max(1).default(1), feedback: limitedString().optional() }).strict(),
      ),
    })
    .strict();

  const GapChoice = z.object({ id: Id, text, weight: z.number().min(-1).max(1), feedback: text.optional() }).strict();
  /** MULTICHOICE (one pick, a select or radio buttons) and MULTIRESPONSE (checkboxes: the sum of the picks' weights). */
  const ChoiceGap = z
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
  /** NUMERICAL (NM): values with tolerances (`=1822:2`), weighted, with feedback; `otherFeedback` is Moodle's `*`. */
  const NumericalGap = z
    .object({
      id: Id,
      kind: z.literal('numerical'),
      weight,
      answers: limitedArray(NumAnswer, LIMITS.answers, 'answers').min(1),
      otherFeedback: text.optional(),
    })
    .strict();

  const Gap = z.discriminatedUnion('kind', [SimpleGap, TypedGap, ChoiceGap, NumericalGap]);
  return { Gap, languages };
}

type Issue = { path: (string | number)[]; message: string };

/** The rules a gap's answers follow that a shape cannot say (a right answer exists; weights add up). */
export function gapIssues(
  gap: {
    kind?: string | undefined;
    answers?: unknown;
    options?: Record<string, string[]> | undefined;
    choices?: Array<{ id: string; weight: number }>;
  },
  languages: readonly string[],
): Issue[] {
  const out: Issue[] = [];
  const byLang = (gap.answers ?? {}) as Record<string, Array<string | { weight: number }>>;
  if (gap.kind === undefined || gap.kind === 'text') {
    if (gap.options)
      for (const lang of languages)
        if (!(byLang[lang] as string[]).some((a) => gap.options![lang]!.includes(a)))
          out.push({ path: ['options', lang], message: 'the options must include an accepted answer' });
  } else if (gap.kind === 'typed') {
    for (const lang of languages)
      if (!(byLang[lang] as Array<{ weight: number }>).some((a) => a.weight === 1))
        out.push({ path: ['answers', lang], message: 'needs at least one answer worth 100 %' });
  } else if (gap.kind === 'numerical') {
    if (!(gap.answers as Array<{ weight: number }>).some((a) => a.weight === 1))
      out.push({ path: ['answers'], message: 'needs at least one answer worth 100 %' });
  } else {
    const choices = gap.choices ?? [];
    const ids = new Set<string>();
    choices.forEach((c, i) => {
      if (ids.has(c.id)) out.push({ path: ['choices', i, 'id'], message: `duplicate id "${c.id}"` });
      ids.add(c.id);
    });
    if (gap.kind === 'single' && !choices.some((c) => c.weight === 1))
      out.push({ path: ['choices'], message: 'needs one choice worth 100 %' });
    if (gap.kind === 'multi') {
      const sum = choices.filter((c) => c.weight > 0).reduce((s, c) => s + c.weight, 0);
      if (Math.abs(sum - 1) > 0.001)
        out.push({
          path: ['choices'],
          message: `the positive weights must add up to 1 (100 %), they add up to ${Math.round(sum * 1000) / 1000}`,
        });
    }
  }
  return out;
}
