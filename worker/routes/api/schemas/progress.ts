// `GET /api/progress`, `DELETE /api/progress`, `GET /api/progress/export` (worker/routes/api/progress.ts):
// the learner's summary, erasing it, and everything stored (core/progress/, core/review/deck.ts).
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AttemptRecord as AttemptRecordType, AttemptSummary as AttemptSummaryType } from '../../../../core/progress/attempt-record.ts';
import type { ProgressSummary as ProgressSummaryType } from '../../../../core/progress/summary.ts';
import type { DeckCard as DeckCardType, ReviewEvent, ReviewSettings as ReviewSettingsType } from '../../../../core/review/deck.ts';
import { RATINGS, type CardState as CardStateType, type Rating } from '../../../../core/review/schedule.ts';
import type { ExportedLedgerRow } from '../../../stores/results-store.ts';
import type { ReviewDetail } from '../../../stores/review-store.ts';
import { IsoTime, json, NoQuery } from './common.ts';
import { errors } from './errors.ts';
import type { Same } from './same-type.ts';

const QuizKind = z.enum(['lesson', 'final', 'set']);

/** What is kept of every attempt for progress and review: answered by a submit as `stored.summary`. */
export const AttemptSummary = z
  .object({
    quizId: z.string(),
    kind: QuizKind,
    version: z.string().meta({ description: 'The quiz version the attempt was graded on.' }),
    score: z.number(),
    max: z.number().int(),
    createdAt: IsoTime,
    missed: z.array(z.string()).meta({ description: 'Ids of the questions scored below 1 (the first ones, if there are many).' }),
    title: z.string().optional().meta({ description: 'An instructor set’s title at the time (perhaps shortened).' }),
  })
  .strict()
  .meta({ id: 'AttemptSummary' });
true satisfies Same<z.infer<typeof AttemptSummary>, AttemptSummaryType>;

// Stored records are answered as they were stored, so their schemas allow fields written by an older version.
export const AttemptRecord = z
  .object({
    id: z.string(),
    quizId: z.string(),
    kind: QuizKind,
    title: z.string().optional(),
    version: z.string(),
    lang: z.string(),
    seed: z.string().nullable(),
    createdAt: IsoTime,
    score: z.number(),
    max: z.number().int(),
    questions: z.array(z.object({ id: z.string(), prompt: z.string(), response: z.unknown(), score: z.number() })),
  })
  .meta({ id: 'AttemptRecord' });
true satisfies Same<z.infer<typeof AttemptRecord>, AttemptRecordType>;

const Share = z.number().min(0).max(1).nullable();

export const ProgressSummary = z
  .object({
    quizzes: z.array(
      z
        .object({
          quizId: z.string(),
          state: z.enum(['not-started', 'in-progress', 'done']),
          attempts: z.number().int(),
          best: Share,
          latest: Share,
          lastAt: z.number().int().nullable(),
        })
        .strict(),
    ),
    history: z.array(z.object({ quizId: z.string(), share: z.number(), at: z.number().int(), kind: QuizKind }).strict()),
    missed: z.array(z.object({ questionId: z.string(), quizId: z.string(), times: z.number().int() }).strict()),
    continueWith: z.string().nullable(),
    total: z.number().int(),
  })
  .strict()
  .meta({ id: 'ProgressSummary' });
true satisfies Same<z.infer<typeof ProgressSummary>, ProgressSummaryType>;

export const CardState = z
  .object({
    due: z.number(),
    stability: z.number(),
    difficulty: z.number(),
    elapsedDays: z.number(),
    scheduledDays: z.number(),
    learningSteps: z.number(),
    reps: z.number().int(),
    lapses: z.number().int(),
    state: z.number().int().meta({ description: '0 new, 1 learning, 2 review, 3 relearning' }),
    lastReview: z.number().nullable(),
  })
  .meta({ id: 'CardState' });
true satisfies Same<z.infer<typeof CardState>, CardStateType>;

export const ReviewRating = z.enum(RATINGS as [Rating, ...Rating[]]).meta({ id: 'Rating' });

export const ReviewSettings = z
  .object({ newPerDay: z.number().int(), autoAddMissed: z.boolean(), dailyGoal: z.number().int() })
  .meta({ id: 'ReviewSettings' });
true satisfies Same<z.infer<typeof ReviewSettings>, ReviewSettingsType>;

export const DeckSource = z.union([z.object({ glossary: z.string() }).strict(), z.object({ lesson: z.string() }).strict()]);

const DeckCard = z
  .object({
    id: z.string(),
    addedAt: z.number(),
    state: CardState.nullable(),
    lastReview: z.string().nullable(),
    firstReviewAt: z.number().nullable(),
  })
  .strict()
  .meta({ id: 'DeckCard' });
true satisfies Same<z.infer<typeof DeckCard>, DeckCardType>;

// The stored review log: each event with the answer it recorded (reviews only).
const detail = { response: z.unknown().optional(), score: z.number().optional() };
const ReviewLogEvent = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('add'), id: z.string(), at: z.number(), source: DeckSource, ...detail }),
    z.object({
      type: z.literal('review'),
      id: z.string(),
      at: z.number(),
      cardId: z.string(),
      rating: ReviewRating,
      correct: z.boolean(),
      state: CardState,
      prev: z.string().nullable(),
      ...detail,
    }),
    z.object({ type: z.literal('settings'), id: z.string(), at: z.number(), settings: ReviewSettings, ...detail }),
  ])
  .meta({ id: 'ReviewLogEvent' });
true satisfies Same<z.infer<typeof ReviewLogEvent>, ReviewEvent & Partial<ReviewDetail>>;

/** A row of an instructors' results ledger that is this learner's (under a pseudonym per quiz). */
const LedgerRow = z
  .object({
    attemptId: z.string(),
    version: z.string(),
    kind: QuizKind,
    lang: z.string().optional(),
    createdAt: IsoTime,
    questions: z.array(
      z.object({ id: z.string(), type: z.string(), score: z.number(), response: z.unknown(), normalized: z.array(z.string()).optional() }),
    ),
  })
  .meta({ id: 'LedgerRow' });
true satisfies Same<z.infer<typeof LedgerRow>, ExportedLedgerRow>;

/** What one LMS course's gradebook holds about a launched learner (worker/objects/lti-gradebook/view.ts). */
const CourseRecord = z
  .object({
    course: z.string().nullable(),
    name: z.string().nullable(),
    attempts: z.array(
      z.object({
        link: z.string(),
        submittedAt: z.string(),
        points: z.number(),
        max: z.number(),
        answers: z.array(
          z.object({ question: z.string(), score: z.number(), response: z.string(), prompt: z.string().optional() }).strict(),
        ),
      }),
    ),
  })
  .meta({ id: 'CourseRecord' });

const tags = ['Progress'];

export const progressRoutes = {
  get: createRoute({
    method: 'get',
    path: '/',
    operationId: 'getProgress',
    tags,
    summary: "The learner's progress over the lessons",
    request: { query: NoQuery },
    responses: {
      200: json(
        z
          .object({ learner: z.boolean().meta({ description: 'Whether the request carried a learner cookie.' }), summary: ProgressSummary })
          .strict(),
        'The summary (empty without a learner cookie).',
      ),
      ...errors(400),
    },
  }),
  erase: createRoute({
    method: 'delete',
    path: '/',
    operationId: 'eraseProgress',
    tags,
    summary: 'Erase everything stored about the learner, and the cookie',
    request: { query: NoQuery },
    responses: {
      200: json(
        z
          .object({
            deleted: z.number().int().meta({ description: 'Stored entries removed (attempts and review events).' }),
            ledgerRows: z.number().int().meta({ description: 'Rows removed from the instructors’ results ledgers.' }),
          })
          .strict(),
        'Erased.',
      ),
      ...errors(400, 403, 413),
    },
  }),
  export: createRoute({
    method: 'get',
    path: '/export',
    operationId: 'exportProgress',
    tags,
    summary: 'Everything stored about the learner, as a download',
    request: { query: NoQuery },
    responses: {
      200: json(
        z
          .object({
            exportedAt: IsoTime,
            about: z.string(),
            learnerId: z.string().nullable(),
            attempts: z.array(AttemptRecord),
            resultsLedger: z.array(z.object({ quizId: z.string(), rows: z.array(LedgerRow) }).strict()),
            // A learner launched from an LMS: what each course's gradebook holds (course, name, attempts).
            courses: z.array(CourseRecord),
            review: z.object({ cards: z.array(DeckCard), settings: ReviewSettings.nullable(), events: z.array(ReviewLogEvent) }).strict(),
          })
          .strict(),
        'The export (attachment).',
      ),
      ...errors(400),
    },
  }),
};
