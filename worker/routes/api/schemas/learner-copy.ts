// A question as a learner receives it (core/quiz/learner.ts): one language, shuffled, no key. Shared by the
// quiz API's learner copy and the review API's cards.
import { z } from 'zod';
import type {
  ClozePart as ClozePartType,
  LearnerItem as LearnerItemType,
  LearnerQuestion as LearnerQuestionType,
} from '../../../../core/quiz/learner.ts';
import type { Same } from './same-type.ts';

/** A choice, pair side or item: an opaque id that changes per attempt, and its text. */
export const LearnerItem = z.object({ id: z.string(), text: z.string() }).strict().meta({ id: 'LearnerItem' });
true satisfies Same<z.infer<typeof LearnerItem>, LearnerItemType>;

/** Words, or a gap: typed, a select of texts, a number, or a group of choices. */
export const ClozePart = z
  .union([
    z.object({ text: z.string() }).strict(),
    z.object({ gap: z.string(), options: z.array(z.string()).optional() }).strict(),
    z.object({ gap: z.string(), input: z.literal('number') }).strict(),
    z
      .object({
        gap: z.string(),
        choices: z.array(LearnerItem),
        multiple: z.boolean(),
        display: z.enum(['select', 'vertical', 'horizontal']),
      })
      .strict(),
  ])
  .meta({ id: 'ClozePart' });
true satisfies Same<z.infer<typeof ClozePart>, ClozePartType>;

const items = z.array(LearnerItem);

/** What each question type shows besides its id and prompt. */
const byType = {
  single: { choices: items },
  multiple: { choices: items },
  truefalse: {},
  short: {},
  cloze: { parts: z.array(ClozePart) },
  match: {
    left: items,
    right: items,
    reusable: z.boolean().optional().meta({ description: 'Stems share an answer: one right-hand item may be chosen for several.' }),
  },
  order: { items },
  numerical: {},
  essay: { checklist: z.array(z.string()).optional().meta({ description: 'Words and structures to use.' }) },
  dictation: {
    dictate: z.string().meta({
      description:
        "The German text to speak with the browser's German voice (and to show behind a button where there is none); see docs/decisions/0013-dictation.md.",
    }),
  },
};

/**
 * The learner copy's variants with `extra` fields on each (a review card adds its kind and context), as one
 * union on `type`: each variant strict, so a key that leaks into a copy fails the contract.
 */
export function learnerQuestionWith<E extends z.ZodRawShape>(extra: E) {
  const variant = <T extends keyof typeof byType>(type: T) =>
    z.object({ id: z.string(), prompt: z.string(), type: z.literal(type), ...byType[type], ...extra }).strict();
  return z.discriminatedUnion('type', [
    variant('single'),
    variant('multiple'),
    variant('truefalse'),
    variant('short'),
    variant('cloze'),
    variant('match'),
    variant('order'),
    variant('numerical'),
    variant('essay'),
    variant('dictation'),
  ]);
}

export const LearnerQuestion = learnerQuestionWith({}).meta({ id: 'LearnerQuestion' });
true satisfies Same<z.infer<typeof LearnerQuestion>, LearnerQuestionType>;
