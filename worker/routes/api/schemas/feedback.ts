// What grading tells the learner (core/quiz/feedback.ts), shared by the quiz API (check, attempts) and the
// review API (an answered card): responses by question type, feedback items, a graded answer.
import { z } from 'zod';
import type {
  DictationWord as DictationWordType,
  FeedbackItem as FeedbackItemType,
  TextVerdict as TextVerdictType,
} from '../../../../core/quiz/feedback.ts';
import { ResponseSchemas } from '../../../../core/quiz/response.ts';
import type { AnyResponse, ResponseOf } from '../../../../core/quiz/response.ts';
import type { QuestionType as QuestionTypeType } from '../../../../core/quiz/schema.ts';
import type { MatchKind as MatchKindType } from '../../../../core/quiz/text-match.ts';
import type { CheckResult as WebCheckResult } from '../../../../web/quiz/types.ts';
import type { CheckedAnswer as CheckedAnswerType } from '../../../services/attempts.ts';
import { SourceSentence } from './common.ts';
import type { Same } from './same-type.ts';

const types = Object.keys(ResponseSchemas) as [QuestionTypeType, ...QuestionTypeType[]];

/** The question types, from the one table that has a response schema for each. */
export const QuestionType = z.enum(types).meta({ id: 'QuestionType' });
true satisfies Same<z.infer<typeof QuestionType>, QuestionTypeType>;

const named = <T extends QuestionTypeType>(type: T) =>
  ResponseSchemas[type].meta({ id: `${type[0]!.toUpperCase()}${type.slice(1)}Response` }) as (typeof ResponseSchemas)[T];

/** What a learner sends for a question: the shape of its type (core/quiz/response.ts, the schemas the grader checks with). */
export const QuestionResponse = z
  .union([
    named('single'),
    named('multiple'),
    named('truefalse'),
    named('short'),
    named('cloze'),
    named('match'),
    named('order'),
    named('numerical'),
    named('essay'),
    named('dictation'),
  ])
  .meta({ id: 'QuestionResponse' });
true satisfies Same<z.infer<typeof QuestionResponse>, AnyResponse>;
true satisfies Same<z.infer<ReturnType<typeof named<'single'>>>, ResponseOf<'single'>>;

export const MatchKind = z.enum(['exact', 'spelling', 'typo', 'case', 'ending', 'otherWord', 'none']);
true satisfies Same<z.infer<typeof MatchKind>, MatchKindType>;

const textVerdict = {
  given: z.string(),
  match: MatchKind,
  expected: z.string().meta({ description: 'The accepted answer the text was compared with.' }),
  accepted: z.boolean(),
  ending: z.string().optional().meta({ description: 'The expected ending, without "-" ("" for none).' }),
  word: z.string().optional(),
};
true satisfies Same<z.infer<z.ZodObject<typeof textVerdict>>, TextVerdictType>;

/** One word of a dictation's feedback, in the order of the text (an extra word where it was written). */
export const DictationWord = z
  .object({
    status: z.enum(['right', 'misspelt', 'ending', 'missing', 'extra']),
    expected: z.string().optional().meta({ description: 'The word of the text; absent for an extra word.' }),
    given: z.string().optional().meta({ description: 'The word written; absent for a missing word.' }),
    match: MatchKind.optional(),
    ending: z.string().optional().meta({ description: 'For a wrong ending: the ending the text has, without "-".' }),
    credit: z.number().min(0).max(1),
  })
  .strict()
  .meta({ id: 'DictationWord' });
true satisfies Same<z.infer<typeof DictationWord>, DictationWordType>;

/** What was right or wrong in one part of an answer. */
export const FeedbackItem = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('choice'), id: z.string(), text: z.string(), chosen: z.boolean(), right: z.boolean() }).strict(),
    z.object({ kind: z.literal('truefalse'), given: z.boolean(), expected: z.boolean() }).strict(),
    z.object({ kind: z.literal('text'), note: z.string().optional(), ...textVerdict }).strict(),
    z.object({ kind: z.literal('gap'), gap: z.string(), ...textVerdict }).strict(),
    z
      .object({ kind: z.literal('pair'), left: z.string(), given: z.string().nullable(), expected: z.string(), right: z.boolean() })
      .strict(),
    z
      .object({
        kind: z.literal('order'),
        longestInOrder: z.number().int(),
        total: z.number().int(),
        given: z.array(z.string()),
        expected: z.array(z.string()),
      })
      .strict(),
    z.object({ kind: z.literal('number'), given: z.number(), expected: z.string(), right: z.boolean() }).strict(),
    z
      .object({
        kind: z.literal('essay'),
        given: z.string(),
        checklist: z.array(z.object({ text: z.string(), used: z.boolean() }).strict()).optional(),
        modelAnswer: z.string().optional(),
      })
      .strict(),
    z
      .object({
        kind: z.literal('dictation'),
        given: z.string(),
        expected: z.string().meta({ description: 'The dictated text.' }),
        words: z.array(DictationWord),
      })
      .strict(),
  ])
  .meta({ id: 'FeedbackItem' });
true satisfies Same<z.infer<typeof FeedbackItem>, FeedbackItemType>;

/** Scores are fractions of the question's maximum. */
const Score = z.number().min(0).max(1);

/** One graded question, with its key and explanation and the sentences it is drawn from. */
export const CheckedAnswer = z
  .object({
    questionId: z.string(),
    type: QuestionType,
    score: Score,
    correct: z.boolean(),
    graded: z.boolean().meta({ description: 'False for essays: kept for the instructor, never scored.' }),
    answered: z.boolean(),
    items: z.array(FeedbackItem),
    notes: z.array(z.string()).meta({ description: "The author's feedback for what was chosen." }),
    /** The response that scores 1, in the learner copy's ids. */
    solution: QuestionResponse,
    solutionText: z.string(),
    explanation: z.string(),
    outcomeFeedback: z.string().optional().meta({
      description: "The set's words for this outcome (Moodle's correct / partially correct / incorrect feedback), when it has them.",
    }),
    sources: z.array(SourceSentence),
  })
  .strict()
  .meta({ id: 'CheckedAnswer' });
true satisfies Same<z.infer<typeof CheckedAnswer>, CheckedAnswerType>;
true satisfies Same<z.infer<typeof CheckedAnswer>, WebCheckResult>; // what the quiz components of web/ show
