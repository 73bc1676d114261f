import { z } from 'zod';
import { LangCode, type Lang } from '../content/localized.ts';
import { matchSchema, orderSchema } from './schemas/arrange.ts';
import { multipleSchema, singleSchema, trueFalseSchema } from './schemas/choice.ts';
import { clozeSchema } from './schemas/cloze.ts';
import { dictationSchema } from './schemas/dictation.ts';
import { schemaParts, uniqueIds } from './schemas/parts.ts';
import { essaySchema, numericalSchema, shortSchema } from './schemas/typed.ts';

/**
 * The question model: one discriminated union shared by content files, the API and instructor imports.
 * Built per language list so that every text must exist in every content language. Each kind's schema is made
 * in core/quiz/schemas/ from the same parts (schemaParts), so every text and list has its limit.
 */
export function questionSchemas(languages: readonly Lang[]) {
  const parts = schemaParts(languages);
  const Question = z.discriminatedUnion('type', [
    singleSchema(parts),
    multipleSchema(parts),
    trueFalseSchema(parts),
    shortSchema(parts),
    clozeSchema(parts),
    matchSchema(parts),
    orderSchema(parts),
    numericalSchema(parts),
    essaySchema(parts),
    dictationSchema(parts),
  ]);

  const QuestionFile = z
    .object({ lesson: z.string(), questions: z.array(Question).min(1) })
    .strict()
    .superRefine((f, ctx) => uniqueIds(f.questions, ['questions'], ctx));

  return { Question, QuestionFile, text: parts.text, LangCode };
}

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
