import { z } from 'zod';
import type { QuestionType } from './schema.ts';

const Key = z.string().min(1).max(64);
const Text = z.string().max(500, 'is longer than 500 characters');

/** What a learner sends for each question type (SPEC §4). */
export const ResponseSchemas = {
  single: z.object({ choice: Key }).strict(),
  multiple: z.object({ choices: z.array(Key).max(20) }).strict(),
  truefalse: z.object({ value: z.boolean() }).strict(),
  short: z.object({ text: Text }).strict(),
  /** A gap's typed text, its choice's id, or (multi-response gaps) the chosen ids. */
  cloze: z.object({ gaps: z.record(Key, z.union([Text, z.array(Key).max(20)])) }).strict(),
  match: z.object({ pairs: z.record(Key, Key) }).strict(),
  order: z.object({ order: z.array(Key).max(20) }).strict(),
  numerical: z.object({ number: z.number().finite() }).strict(),
  essay: z.object({ text: z.string().max(10_000, 'is longer than 10,000 characters') }).strict(),
  /** What the learner wrote of the dictated text. */
  dictation: z.object({ text: z.string().max(1_000, 'is longer than 1,000 characters') }).strict(),
} satisfies Record<QuestionType, z.ZodType>;

export type ResponseOf<T extends QuestionType> = z.infer<(typeof ResponseSchemas)[T]>;
export type AnyResponse = ResponseOf<QuestionType>;
