import { $ } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { z } from 'zod';
import type { SetGrading, SetMode } from '../../../core/sets/schema.ts';
import { LIMITS } from '../../../core/sets/limits.ts';
import type { AppEnv } from '../../env.ts';
import { ApiError, notFound } from '../../http/errors.ts';
import { requireBearer } from '../../auth/instructor-token.ts';
import { ensureMedia, storeMedia } from '../../services/media.ts';
import {
  exportResponse,
  readMoodleXmlSet,
  readSet,
  sourceOf,
  type ReadResult,
  type SetInput,
  type XmlReadResult,
} from '../../services/sets.ts';
import { resultsStore, setStore } from '../../stores/index.ts';
import { documented, JsonApi } from './json-api.ts';
import { setsRoutes, type ImportQuery } from './schemas/question-sets.ts';

/** The body as our JSON (application/json) or GIFT (text/plain with ?format=gift). */
async function inputOf(c: Context<AppEnv>, q: z.infer<typeof ImportQuery>): Promise<SetInput> {
  const type = c.req.header('content-type') ?? '';
  const text = await c.req.text();
  // The route takes Moodle XML's larger limit (its media come as base64); every other format keeps the set's.
  if (q.format !== 'moodlexml' && new TextEncoder().encode(text).length > LIMITS.bodyBytes)
    throw new ApiError(413, 'too_large', `The set is larger than ${LIMITS.bodyBytes / 1024} KiB, the limit for JSON, GIFT and Cloze.`, [
      { message: `at most ${LIMITS.bodyBytes} bytes` },
    ]);
  if (q.format === 'cloze') return { format: 'cloze', text, lang: q.lang, title: q.title, lesson: q.lesson };
  // Only when asked: an XML body without ?format= stays a 415, as any other type we were not told about.
  if (q.format === 'moodlexml') return { format: 'moodlexml', text, lang: q.lang, title: q.title, lesson: q.lesson };
  if (q.format === 'gift' || (!q.format && type.startsWith('text/plain')))
    return { format: 'gift', text, lang: q.lang, title: q.title, lesson: q.lesson };
  if (q.format === 'json' || type.includes('json')) return { format: 'json', text };
  throw new ApiError(
    415,
    'unsupported_media_type',
    'Send our JSON (Content-Type: application/json), GIFT (Content-Type: text/plain with ?format=gift&lang=), Moodle Cloze (?format=cloze&lang=) or Moodle XML (?format=moodlexml&lang=).',
  );
}

/** What a GIFT, Cloze or Moodle XML file cannot say, from the query: the mode and how typed answers are graded. */
type Extra = { mode?: SetMode | undefined; grading?: SetGrading | undefined };

/** Reads an import (a Moodle XML file's files are stored before the caller saves the set); a 422 with every problem. */
async function readOrThrow(c: Context<AppEnv>, input: SetInput, extra: Extra) {
  const xml = input.format === 'moodlexml' ? await readMoodleXmlSet(input) : undefined;
  const { set, warnings } = checked(input, xml ?? readSet(input), extra);
  if (xml?.ok) await storeMedia(c.env, xml.media);
  return { set, warnings, ...(xml?.ok ? { media: xml.media, report: xml.report } : {}) };
}

function checked(input: SetInput, result: ReadResult | XmlReadResult, extra: Extra) {
  for (const key of ['mode', 'grading'] as const)
    if (extra[key] && input.format === 'json')
      throw new ApiError(
        400,
        'invalid_request',
        `Our JSON carries the ${key} in the body ("${key}": "${extra[key]}"); ?${key}= is for GIFT and Cloze.`,
        [{ path: key, message: 'not for JSON' }],
      );
  if (!result.ok)
    throw new ApiError(
      422,
      'invalid_set',
      `The set was not saved: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} to fix.`,
      result.problems,
    );
  const { mode, grading } = extra;
  return { ...result, set: { ...result.set, ...(mode ? { mode } : {}), ...(grading ? { grading } : {}) } };
}

/**
 * A new GIFT or Cloze set is graded as Moodle grades it unless ?grading= says otherwise: the file was written
 * for Moodle, and its author expects Moodle's marks.
 */
const newExtra = (input: SetInput, q: Extra): Extra => (input.format === 'json' ? q : { mode: q.mode, grading: q.grading ?? 'moodle' });

/**
 * A GIFT or Cloze edit without ?mode= or ?grading= keeps the set's: the file cannot say them, a test stays a
 * test, and a set stored before the choice (no grading, German-aware) stays so.
 */
async function keptExtra(c: Context<AppEnv>, setId: string, input: SetInput, q: Extra): Promise<Extra> {
  if (input.format === 'json' || (q.mode && q.grading)) return q;
  const latest = (await setStore(c.env).latest(setId))?.set;
  return { mode: q.mode ?? latest?.mode, grading: q.grading ?? latest?.grading };
}

/** The instructor API: every route needs `Authorization: Bearer <INSTRUCTOR_TOKEN>`. */
export const setsApi = $(new JsonApi().use(requireBearer))
  .openapi(setsRoutes.list, async (c) => {
    const sets = await setStore(c.env).list();
    const attempts = await resultsStore(c.env).counts(sets.map((s) => s.id));
    return c.json(
      {
        sets: sets.map((s) => ({
          ...s,
          state: s.publishedVersion ? ('published' as const) : ('draft' as const),
          attempts: attempts.get(s.id) ?? 0,
        })),
      },
      200,
    );
  })
  .openapi(setsRoutes.create, async (c) => {
    const q = c.req.valid('query');
    const input = await inputOf(c, q);
    const { set, warnings, media, report } = await readOrThrow(c, input, newExtra(input, q));
    const v = await setStore(c.env).create(set, sourceOf(input, set));
    if (media) await ensureMedia(c.env, media);
    return c.json({ id: v.id, version: v.version, set: v.set, warnings, ...(report ? { report } : {}) }, 201);
  })
  .openapi(setsRoutes.get, async (c) => {
    const { setId } = c.req.valid('param');
    const v = await setStore(c.env).latest(setId);
    if (!v) throw notFound('question set', setId);
    const row = (await setStore(c.env).list()).find((s) => s.id === v.id);
    return c.json(
      { id: v.id, version: v.version, publishedVersion: row?.publishedVersion ?? null, createdAt: v.createdAt, set: v.set },
      200,
    );
  })
  .openapi(setsRoutes.replace, async (c) => {
    const { setId } = c.req.valid('param');
    const q = c.req.valid('query');
    const input = await inputOf(c, q);
    const { set, warnings, media, report } = await readOrThrow(c, input, await keptExtra(c, setId, input, q));
    const v = await setStore(c.env).replace(setId, set, sourceOf(input, set));
    if (!v) throw notFound('question set', setId);
    if (media) await ensureMedia(c.env, media);
    return c.json({ id: v.id, version: v.version, set: v.set, warnings, ...(report ? { report } : {}) }, 200);
  })
  .openapi(setsRoutes.remove, async (c) => {
    const { setId } = c.req.valid('param');
    if (!(await setStore(c.env).remove(setId))) throw notFound('question set', setId);
    return c.json({ deleted: setId }, 200);
  })
  .openapi(setsRoutes.publish, async (c) => {
    const { setId } = c.req.valid('param');
    const row = await setStore(c.env).publish(setId);
    if (!row) throw notFound('question set', setId);
    return c.json({ ...row, state: 'published' as const }, 200);
  })
  .openapi(setsRoutes.unpublish, async (c) => {
    const { setId } = c.req.valid('param');
    const row = await setStore(c.env).unpublish(setId);
    if (!row) throw notFound('question set', setId);
    return c.json({ ...row, state: 'draft' as const }, 200);
  })
  .openapi(setsRoutes.export, async (c) => {
    const { setId } = c.req.valid('param');
    const v = await setStore(c.env).latest(setId);
    if (!v) throw notFound('question set', setId);
    return documented(await exportResponse(c, v, c.req.valid('query').format));
  });
