// The instructor's question sets (worker/routes/api/question-sets.ts): list, import (our JSON, GIFT or Moodle Cloze as
// text/plain), read, replace, delete, publish, export. Every route needs the instructor token.
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { LIMITS } from '../../../../core/sets/limits.ts';
import { SetGrading, SetMode, setSchemas } from '../../../../core/sets/schema.ts';
import type { SetSummary as SetSummaryType } from '../../../stores/set-store.ts';
import { IsoTime, json, languageSubsets, pathId, perCombination, perLanguages, text } from './common.ts';
import { ErrorDetail, errors } from './errors.ts';
import type { Same } from './same-type.ts';

// Built once per language combination, on first use: each build makes every question schema too.
const setSchemasIn = perCombination(setSchemas);

/**
 * A set in any combination of the course languages: the fields of the one schema that validates imports
 * (core/sets/schema.ts), with `mode` as a stored set has it: a version stored before modes existed has none.
 * For a body that is the same thing (a missing mode is practice); for an answer it is what is sent.
 */
const storedSet = (langs: readonly string[]) => {
  const { shape } = setSchemasIn(langs).QuestionSet;
  const mode = SetMode.optional().meta({
    description: '`practice` (when left out) or `test`: a test shows no solution before it is handed in.',
  });
  const grading = SetGrading.optional().meta({
    description:
      'How typed answers are graded: `moodle` as Moodle grades them (exact after case and space folding, `*` wildcards), `german` German-aware (typo and spelling notes, half credit for a wrong ending; also when left out).',
  });
  return z.object({ ...shape, mode, grading }).strict();
};
export const QuestionSet = perLanguages(languageSubsets, storedSet, 'QuestionSet').meta({ id: 'QuestionSet' });

const Texts = perLanguages(languageSubsets, (langs) => setSchemasIn(langs).text);

export const SetSummary = z
  .object({
    id: z.string().meta({ example: 's-4f9k2m0q1z' }),
    title: Texts,
    languages: z.array(z.string()),
    lesson: z.string().optional(),
    latestVersion: z.number().int(),
    publishedVersion: z.number().int().nullable(),
    questionCount: z.number().int(),
    createdAt: IsoTime,
    updatedAt: IsoTime,
    learnerCopyPending: z
      .boolean()
      .meta({ description: 'The learners’ copy is not yet updated: learners may still see the state before the last change.' }),
  })
  .strict()
  .meta({ id: 'SetSummary' });
true satisfies Same<z.infer<typeof SetSummary>, SetSummaryType>;

/** How a body is read: `format` wins over the Content-Type; GIFT and Cloze need `lang` for plain text. */
export const ImportQuery = z
  .object({
    format: z.enum(['json', 'gift', 'cloze', 'moodlexml']).optional(),
    lang: z.string().optional().meta({ description: 'GIFT and Cloze: the language of plain text.' }),
    title: z.string().max(LIMITS.titleChars).optional().meta({ description: 'GIFT and Cloze: the set’s title.' }),
    lesson: z.string().max(64).optional().meta({ description: 'The lesson the set belongs to.' }),
    mode: SetMode.optional().meta({ description: 'GIFT and Cloze: practice or test (our JSON carries it in the body).' }),
    grading: SetGrading.optional().meta({
      description:
        'GIFT and Cloze: `moodle` (a new set’s default) or `german`; an edit without it keeps the set’s (our JSON carries it in the body).',
    }),
  })
  .strict();

export const ExportQuery = z.object({ format: z.enum(['gift', 'cloze', 'json', 'moodlexml']).default('json') }).strict();

/** Our JSON (application/json) or GIFT / Moodle Cloze text (text/plain). Read and checked by the route, never by the framework. */
const setBody = {
  required: true,
  content: {
    'application/json': { schema: QuestionSet },
    'text/plain': {
      schema: z.string().meta({ description: 'GIFT, or Moodle Cloze with `?format=cloze`.', example: '::q1:: Wer? {=China ~Japan}' }),
    },
    'application/xml': {
      schema: z.string().meta({
        description: 'A Moodle XML `<quiz>` with `?format=moodlexml`, pictures and sounds inside it; at most 10 MiB.',
      }),
    },
  },
};

const Saved = z
  .object({
    id: z.string(),
    version: z.number().int(),
    set: QuestionSet,
    warnings: z.array(ErrorDetail).meta({ description: 'What was read but changed or left out (GIFT, Cloze, Moodle XML).' }),
    report: z
      .array(
        z
          .object({
            name: z.string(),
            moodleType: z.string(),
            type: z.string().optional(),
            id: z.string().optional(),
            skipped: z.string().optional(),
          })
          .strict(),
      )
      .optional()
      .meta({ description: 'Moodle XML: each question of the file, its Moodle type and what it became here, or why it was skipped.' }),
  })
  .strict()
  .meta({ id: 'SavedSet' });

const tags = ['Question sets'];
const security = [{ instructorToken: [] }];
const setId = pathId('setId', 'A set id.', 's-4f9k2m0q1z');
const auth = [401, 429] as const;

export const setsRoutes = {
  list: createRoute({
    method: 'get',
    path: '/',
    operationId: 'listSets',
    tags,
    security,
    summary: 'Every set, drafts included',
    responses: {
      200: json(
        z
          .object({
            sets: z.array(SetSummary.extend({ state: z.enum(['published', 'draft']), attempts: z.number().int() }).strict()),
          })
          .strict(),
        'The sets with their state and attempt counts.',
      ),
      ...errors(...auth),
    },
  }),
  create: createRoute({
    method: 'post',
    path: '/',
    operationId: 'createSet',
    tags,
    security,
    summary: 'Import a new set',
    request: { query: ImportQuery, body: setBody },
    responses: { 201: json(Saved, 'Stored as version 1.'), ...errors(400, 403, 413, 415, 422, ...auth) },
  }),
  get: createRoute({
    method: 'get',
    path: '/{setId}',
    operationId: 'getSet',
    tags,
    security,
    summary: 'The latest version of a set, with keys',
    request: { params: setId },
    responses: {
      200: json(
        z
          .object({
            id: z.string(),
            version: z.number().int(),
            publishedVersion: z.number().int().nullable(),
            createdAt: IsoTime,
            set: QuestionSet,
          })
          .strict(),
        'The set.',
      ),
      ...errors(404, ...auth),
    },
  }),
  replace: createRoute({
    method: 'put',
    path: '/{setId}',
    operationId: 'replaceSet',
    tags,
    security,
    summary: 'Store a new version of a set',
    request: { params: setId, query: ImportQuery, body: setBody },
    responses: { 200: json(Saved, 'The new version.'), ...errors(400, 403, 404, 413, 415, 422, ...auth) },
  }),
  remove: createRoute({
    method: 'delete',
    path: '/{setId}',
    operationId: 'deleteSet',
    tags,
    security,
    summary: 'Delete a set with every version',
    request: { params: setId },
    responses: { 200: json(z.object({ deleted: z.string() }).strict(), 'Deleted.'), ...errors(403, 404, 413, ...auth) },
  }),
  publish: createRoute({
    method: 'post',
    path: '/{setId}/publish',
    operationId: 'publishSet',
    tags,
    security,
    summary: 'Show the latest version to learners',
    request: { params: setId },
    responses: {
      200: json(SetSummary.extend({ state: z.literal('published') }).strict(), 'Published.'),
      ...errors(403, 404, 413, ...auth),
    },
  }),
  unpublish: createRoute({
    method: 'post',
    path: '/{setId}/unpublish',
    operationId: 'unpublishSet',
    tags,
    security,
    summary: 'Hide the set from learners',
    request: { params: setId },
    responses: {
      200: json(SetSummary.extend({ state: z.literal('draft') }).strict(), 'Unpublished.'),
      ...errors(403, 404, 413, ...auth),
    },
  }),
  export: createRoute({
    method: 'get',
    path: '/{setId}/export',
    operationId: 'exportSet',
    tags,
    security,
    summary: 'The latest version in an import format (it imports back to the same set)',
    request: { params: setId, query: ExportQuery },
    responses: {
      200: {
        description: 'An attachment: GIFT or Cloze as text/plain, Moodle XML (with its media) as application/xml, or our JSON.',
        content: {
          ...text('text/plain', 'GIFT or Cloze').content,
          ...text('application/xml', 'Moodle XML').content,
          'application/json': { schema: QuestionSet },
        },
      },
      ...errors(400, 404, ...auth),
    },
  }),
};
