import { z } from 'zod';
import { LangCode, type Lang } from '../content/localized.ts';
import { limitedArray, limitedString, limitedText } from '../sets/limited-text.ts';
import { LIMITS } from '../sets/limits.ts';
import { gapIssues, gapSchemas } from './gap-schema.ts';

const Id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'must be 1–64 letters, digits, "-" or "_"');
const GrammarTag = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lowercase tag such as "relative-clause"');
const SentenceRef = z.string().regex(/^p\d+s\d+$/, 'must be a sentence id such as "p1s2"');

/**
 * The question model: one discriminated union shared by content files, the API and instructor imports.
 * Built per language list so that every text must exist in every content language. Every text and list has its
 * limit (core/sets/limits.ts), so that JSON imports, GIFT and Cloze imports and content files meet the same ones.
 */
export function questionSchemas(languages: readonly Lang[]) {
  const text = limitedText(languages);
  /** A text that may hold a reading passage (prompts, cloze texts, model answers). */
  const longText = limitedText(languages, LIMITS.longTextChars);
  const perLang = <T extends z.ZodType>(item: T) => {
    const shape: Record<string, z.ZodArray<T>> = {};
    for (const lang of languages)
      shape[lang] = limitedArray(item, LIMITS.answers, 'answers').min(1, `needs at least one answer in "${lang}"`);
    return z.object(shape).strict();
  };

  const base = {
    id: Id,
    /** A short name (GIFT's ::title::), for instructors' lists. */
    title: limitedString(LIMITS.titleChars).optional(),
    prompt: longText,
    /** Why the answer is right (GIFT's general feedback). Built-in content must have one (checked by the loader). */
    explanation: text.optional(),
    sources: limitedArray(SentenceRef, LIMITS.sources, 'sources').default([]),
    /**
     * What the question tests: its meaning (default) or its form. A form question gets no typo tolerance,
     * counts case, and gives no credit for a wrong ending (core/quiz/text-match.ts).
     */
    tests: z.enum(['meaning', 'form']).optional(),
    /** Tags of the grammar goals the question tests, e.g. "relative-clause", "passive", "zu-infinitive". */
    grammar: z.array(GrammarTag).max(10).optional(),
  };

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
  const WeightedChoice = z.object({ id: Id, text, weight: z.number().min(-1).max(1), feedback: text.optional() }).strict();

  const Single = z
    .object({ ...base, type: z.literal('single'), choices: limitedArray(Choice, LIMITS.choices, 'choices').min(2) })
    .strict()
    .superRefine((q, ctx) => {
      const right = q.choices.filter((c) => c.correct).length;
      if (right !== 1) ctx.addIssue({ code: 'custom', path: ['choices'], message: `needs exactly one correct choice, has ${right}` });
      uniqueIds(q.choices, ['choices'], ctx);
    });

  const Multiple = z
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

  const TrueFalse = z
    .object({
      ...base,
      type: z.literal('truefalse'),
      answer: z.boolean(),
      feedback: z.object({ right: text.optional(), wrong: text.optional() }).strict().optional(),
    })
    .strict();

  /** An accepted typed answer; the text `*` accepts anything (GIFT's catch-all, usually with weight 0 and feedback). */
  const Accepted = z
    .object({ text: limitedString().trim().min(1), weight: z.number().min(0).max(1).default(1), feedback: limitedString().optional() })
    .strict();
  const Short = z
    .object({
      ...base,
      type: z.literal('short'),
      answers: perLang(Accepted),
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

  const { Gap } = gapSchemas(languages, text, Id, perLang);
  const Cloze = z
    .object({
      ...base,
      type: z.literal('cloze'),
      text: longText,
      gaps: limitedArray(Gap, LIMITS.gaps, 'gaps').min(1),
      caseSensitive: z.boolean().default(false),
      typoTolerance: z.boolean().default(true),
    })
    .strict()
    .superRefine((q, ctx) => {
      uniqueIds(q.gaps, ['gaps'], ctx);
      for (const lang of languages) {
        const marks = [...(q.text[lang] ?? '').matchAll(/\{\{([^}]+)\}\}/g)].map((m) => m[1]);
        const ids = q.gaps.map((g) => g.id);
        for (const id of ids)
          if (marks.filter((m) => m === id).length !== 1)
            ctx.addIssue({ code: 'custom', path: ['text', lang], message: `gap "{{${id}}}" must appear exactly once` });
        for (const m of marks)
          if (!ids.includes(m!)) ctx.addIssue({ code: 'custom', path: ['text', lang], message: `"{{${m}}}" is not a gap id` });
      }
      q.gaps.forEach((g, i) => {
        for (const issue of gapIssues(g, languages))
          ctx.addIssue({ code: 'custom', path: ['gaps', i, ...issue.path], message: issue.message });
      });
    });

  const Match = z
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

  const Order = z.object({ ...base, type: z.literal('order'), items: limitedArray(text, LIMITS.items, 'items').min(2) }).strict();

  /** Free text, stored and shown as ungraded (GIFT's essay `{}`): it never counts toward the score. */
  const Essay = z
    .object({
      ...base,
      type: z.literal('essay'),
      /** Words and structures to use, shown to the learner while writing. */
      checklist: limitedArray(text, LIMITS.checklist, 'checklist items').optional(),
      /** A model answer, shown after submitting (never in the learner's copy before). */
      modelAnswer: longText.optional(),
    })
    .strict();

  const Numerical = z
    .object({
      ...base,
      type: z.literal('numerical'),
      answer: z.number().finite().optional(),
      tolerance: z.number().min(0).default(0),
      min: z.number().finite().optional(),
      max: z.number().finite().optional(),
      /** Further accepted values with their credit (GIFT's `{#=1822:0 =%50%1822:2}`). */
      alternatives: limitedArray(
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
          .refine(
            (a) => (a.answer !== undefined) !== (a.min !== undefined && a.max !== undefined),
            'give either "answer" or "min" and "max"',
          ),
        LIMITS.alternatives,
        'alternatives',
      ).optional(),
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

  const Question = z.discriminatedUnion('type', [Single, Multiple, TrueFalse, Short, Cloze, Match, Order, Numerical, Essay]);

  const QuestionFile = z
    .object({ lesson: z.string(), questions: z.array(Question).min(1) })
    .strict()
    .superRefine((f, ctx) => uniqueIds(f.questions, ['questions'], ctx));

  return { Question, QuestionFile, text, LangCode };
}

function uniqueIds(items: readonly { id: string }[], path: (string | number)[], ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [...path, i, 'id'], message: `duplicate id "${item.id}"` });
    seen.add(item.id);
  });
}

const round = (n: number) => Math.round(n * 1000) / 1000;

export type QuestionSchemas = ReturnType<typeof questionSchemas>;
export type Question = z.infer<QuestionSchemas['Question']>;
export type QuestionType = Question['type'];
export type QuestionOf<T extends QuestionType> = Extract<Question, { type: T }>;
export type Gap = QuestionOf<'cloze'>['gaps'][number];
/** A gap of one kind; `text` is the simple gap (no `kind`, or `kind: "text"`). */
export type GapOf<K extends NonNullable<Gap['kind']>> = [K] extends ['text']
  ? Exclude<Gap, { kind: 'typed' | 'single' | 'multi' | 'numerical' }>
  : Extract<Gap, { kind?: K | undefined }> | Extract<Gap, { kind: K }>;
/** Whether a gap is the simple one (typed answers or options, all worth 100 %). */
export const isSimpleGap = (g: Gap): g is GapOf<'text'> => g.kind === undefined || g.kind === 'text';
