import { z } from 'zod';
import { LangCode, localized, type Lang } from '../content/localized.ts';
import { questionSchemas } from '../quiz/schema.ts';

/** Limits an instructor meets with a clear message rather than a failure somewhere later. */
export const SET_LIMITS = {
  bodyBytes: 256 * 1024,
  questions: 200,
  promptChars: 4000,
  textChars: 1000,
} as const;

/** A passage of text shown before a question (GIFT's "description"); `before: null` puts it at the end. */
export type Passage = { before: string | null; text: Record<string, string> };

/**
 * An instructor's question set, in any subset of the course languages (`languages`); every text of the set
 * must exist in each of them. The same question model as the built-in quizzes.
 */
export function setSchemas(languages: readonly Lang[]) {
  const text = localized(languages);
  const { Question } = questionSchemas(languages);
  const QuestionSet = z
    .object({
      title: text,
      languages: z.array(LangCode).min(1),
      lesson: z
        .string()
        .regex(/^[a-z0-9-]+$/)
        .optional(),
      passages: z.array(z.object({ before: z.string().nullable(), text }).strict()).default([]),
      /** GIFT's `$CATEGORY` in force for each question, by question id: kept so that an export writes it back. */
      categories: z.record(z.string(), z.string().max(SET_LIMITS.textChars)).optional(),
      questions: z
        .array(Question)
        .min(1, 'a set needs at least one question')
        .max(SET_LIMITS.questions, `a set has at most ${SET_LIMITS.questions} questions`),
    })
    .strict()
    .superRefine((set, ctx) => {
      const ids = new Set<string>();
      set.questions.forEach((q, i) => {
        if (ids.has(q.id)) ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: `duplicate question id "${q.id}"` });
        ids.add(q.id);
        for (const lang of languages)
          if ((q.prompt[lang] ?? '').length > SET_LIMITS.promptChars)
            ctx.addIssue({
              code: 'custom',
              path: ['questions', i, 'prompt', lang],
              message: `is longer than ${SET_LIMITS.promptChars} characters`,
            });
      });
      // Every other text of a question (choices, answers, feedback, explanations) has a shorter limit.
      const walk = (value: unknown, path: (string | number)[]) => {
        if (typeof value === 'string') {
          if (value.length > SET_LIMITS.textChars && path[2] !== 'prompt')
            ctx.addIssue({ code: 'custom', path, message: `is longer than ${SET_LIMITS.textChars} characters` });
        } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
        else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
      };
      set.questions.forEach((q, i) => walk(q, ['questions', i]));
      for (const id of Object.keys(set.categories ?? {}))
        if (!ids.has(id)) ctx.addIssue({ code: 'custom', path: ['categories', id], message: `no question has the id "${id}"` });
      set.passages.forEach((p, i) => {
        if (p.before !== null && !ids.has(p.before))
          ctx.addIssue({ code: 'custom', path: ['passages', i, 'before'], message: `no question has the id "${p.before}"` });
      });
    });
  return { QuestionSet, text };
}

export type QuestionSet = z.infer<ReturnType<typeof setSchemas>['QuestionSet']>;
/** A set as importers build it, before validation (defaults not yet applied). */
export type QuestionSetInput = z.input<ReturnType<typeof setSchemas>['QuestionSet']>;
