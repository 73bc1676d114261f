import { z } from 'zod';
import { LangCode, type Lang } from '../content/localized.ts';
import type { Grading } from '../quiz/grading.ts';
import { questionSchemas } from '../quiz/schema.ts';
import { limitedArray, limitedString, limitedText } from './limited-text.ts';
import { LIMITS } from './limits.ts';
import { MediaRef, unlistedMedia } from './media.ts';

/** A passage of text shown before a question (GIFT's "description"); `before: null` puts it at the end. */
export type Passage = { before: string | null; text: Record<string, string> };

/** Practice shows solutions while answering (`/check`); a test shows none before it is handed in. */
export const SetMode = z.enum(['practice', 'test']);
export type SetMode = z.infer<typeof SetMode>;

/** A stored set's mode: sets stored before modes existed have none and are practice. */
export const setMode = (set: QuestionSet): SetMode => set.mode ?? 'practice';

/** How typed answers are graded: as Moodle grades them, or German-aware (core/quiz/kinds/kind.ts: Grading). */
export const SetGrading = z.enum(['moodle', 'german']) satisfies z.ZodType<Grading>;
export type SetGrading = z.infer<typeof SetGrading>;

/**
 * A set's grading. Sets without one (stored before the choice, or JSON that does not say) are German-aware,
 * which is how they were always graded; GIFT and Cloze imports say Moodle unless asked otherwise (the route).
 */
export const setGrading = (set: Pick<QuestionSet, 'grading'>): SetGrading => set.grading ?? 'german';

/**
 * An instructor's question set, in any subset of the course languages (`languages`); every text of the set
 * must exist in each of them. The same question model as the built-in quizzes, with the same limits.
 */
export function setSchemas(languages: readonly Lang[]) {
  const text = limitedText(languages, LIMITS.titleChars);
  const { Question } = questionSchemas(languages);
  const QuestionSet = z
    .object({
      title: text,
      languages: z.array(LangCode).min(1),
      lesson: z
        .string()
        .regex(/^[a-z0-9-]+$/)
        .optional(),
      /** New sets say their mode (default practice), so that an export shows it. */
      mode: SetMode.default('practice'),
      /** How typed answers are graded (setGrading): absent is German-aware, as before the choice existed. */
      grading: SetGrading.optional(),
      passages: limitedArray(
        z.object({ before: z.string().nullable(), text: limitedText(languages, LIMITS.longTextChars) }).strict(),
        LIMITS.passages,
        'passages',
      ).default([]),
      /** GIFT's `$CATEGORY` in force for each question, by question id: kept so that an export writes it back. */
      categories: z.record(z.string(), limitedString()).optional(),
      /** The pictures and sounds the set's texts show (`/media/{sha256}`), content-addressed (docs/decisions/0015). */
      media: limitedArray(MediaRef, LIMITS.mediaFiles, 'pictures and sounds').optional(),
      /** None in a set to read (a GIFT file of descriptions only): it has passages and no score. */
      questions: limitedArray(Question, LIMITS.questions, 'questions'),
    })
    .strict()
    .superRefine((set, ctx) => {
      if (!set.questions.length && !set.passages.length)
        ctx.addIssue({ code: 'custom', path: ['questions'], message: 'a set needs at least one question or passage' });
      const ids = new Set<string>();
      set.questions.forEach((q, i) => {
        if (ids.has(q.id)) ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: `duplicate question id "${q.id}"` });
        ids.add(q.id);
      });
      for (const id of Object.keys(set.categories ?? {}))
        if (!ids.has(id)) ctx.addIssue({ code: 'custom', path: ['categories', id], message: `no question has the id "${id}"` });
      for (const hash of unlistedMedia(set))
        ctx.addIssue({ code: 'custom', path: ['media'], message: `a text shows /media/${hash}, which is not among the set's media` });
      set.passages.forEach((p, i) => {
        if (p.before !== null && !ids.has(p.before))
          ctx.addIssue({ code: 'custom', path: ['passages', i, 'before'], message: `no question has the id "${p.before}"` });
      });
    });
  return { QuestionSet, text };
}

type ParsedSet = z.infer<ReturnType<typeof setSchemas>['QuestionSet']>;
/**
 * A stored set. `mode` is optional here because versions stored before it existed lack it: read it with setMode.
 */
export type QuestionSet = Omit<ParsedSet, 'mode'> & { mode?: SetMode };
/** A set as importers build it, before validation (defaults not yet applied). */
export type QuestionSetInput = z.input<ReturnType<typeof setSchemas>['QuestionSet']>;
