// `GET /api/review`, `POST /api/review/cards`, `POST /api/review/{cardId}/answer` (worker/routes/api/review.ts):
// the cards to review now, adding words, answering a card (worker/services/review.ts).
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { answerJson, ReviewNow as ReviewNowType } from '../../../services/review.ts';
import { IsoTime, json, Lang, pathId, SourceSentence } from './common.ts';
import { errors } from './errors.ts';
import { FeedbackItem, QuestionResponse } from './feedback.ts';
import { learnerQuestionWith } from './learner-copy.ts';
import { ReviewRating } from './progress.ts';
import type { Same } from './same-type.ts';

const Id = z.string().min(1).max(64);

/** A word (one glossary entry's cards) or a lesson (every word of its paragraph). */
export const AddCardsBody = z
  .union([z.object({ glossary: Id }).strict(), z.object({ lesson: Id }).strict()], {
    error: 'must be {"glossary": "<entryId>"} or {"lesson": "<lessonId>"}',
  })
  .meta({ id: 'AddCardsBody', example: { glossary: 'seltene-erden' } });

export const AnswerCardBody = z
  .object({
    response: z.unknown().refine((v) => v !== undefined, 'is required'),
    easy: z.boolean().optional().meta({ description: 'The learner found it easy: rated "easy" when right.' }),
    lang: Lang.optional(),
  })
  .strict()
  .meta({ id: 'AnswerCardBody' });

export const ReviewQuery = z.object({ lang: Lang.optional() }).strict();

/** A card: its question's learner copy (re-shuffled for each review), what kind of card, and its sentence. */
export const CardCopy = learnerQuestionWith({
  kind: z.enum(['recognition', 'production', 'gap', 'question']),
  lang: z.string().meta({ description: 'The content language of the card’s texts.' }),
  context: z
    .object({ sentenceId: z.string(), lang: z.string(), text: z.string(), focus: z.string() })
    .strict()
    .optional()
    .meta({ description: 'The German sentence the card comes from, and the words it asks about.' }),
}).meta({ id: 'CardCopy' });

export const ReviewNow = z
  .object({
    due: z.number().int(),
    new: z.number().int(),
    next: IsoTime.nullable().meta({ description: 'When the next card after these is due, or null.' }),
    cards: z.array(CardCopy),
  })
  .strict()
  .meta({ id: 'ReviewNow' });
true satisfies Same<z.infer<typeof ReviewNow>, ReviewNowType>;

export const AnsweredCard = z
  .object({
    cardId: z.string(),
    score: z.number().min(0).max(1),
    correct: z.boolean(),
    rating: ReviewRating,
    due: IsoTime,
    solution: QuestionResponse,
    solutionText: z.string(),
    feedback: z.object({ items: z.array(FeedbackItem), notes: z.array(z.string()), explanation: z.string() }).strict(),
    sources: z.array(SourceSentence),
  })
  .strict()
  .meta({ id: 'AnsweredCard' });
true satisfies Same<z.infer<typeof AnsweredCard>, ReturnType<typeof answerJson>>;

const tags = ['Review'];
const cardId = pathId('cardId', 'A card id: `w.<entry>.<r|p|g>`, `q.<question>` or `s.<set>.<question>`.', 'w.seltene-erden.r');

export const reviewRoutes = {
  now: createRoute({
    method: 'get',
    path: '/',
    operationId: 'reviewNow',
    tags,
    summary: 'The cards to review now',
    request: { query: ReviewQuery },
    responses: { 200: json(ReviewNow, 'Due cards, then new ones within the daily limit.'), ...errors(400) },
  }),
  add: createRoute({
    method: 'post',
    path: '/cards',
    operationId: 'addCards',
    tags,
    summary: "Add a word or a lesson's words to the review",
    request: { body: { required: true, content: { 'application/json': { schema: AddCardsBody } } } },
    responses: {
      201: json(z.object({ added: z.number().int().meta({ description: 'Cards that were new to the deck.' }) }).strict(), 'Added.'),
      ...errors(400, 403, 404, 413, 422),
    },
  }),
  answer: createRoute({
    method: 'post',
    path: '/{cardId}/answer',
    operationId: 'answerCard',
    tags,
    summary: 'Answer a card: graded, scheduled and stored',
    request: {
      params: cardId,
      body: { required: true, content: { 'application/json': { schema: AnswerCardBody } } },
    },
    responses: {
      200: json(AnsweredCard, 'The grade, the rating and when the card is due again.'),
      ...errors(400, 403, 404, 413, 422),
    },
  }),
};
