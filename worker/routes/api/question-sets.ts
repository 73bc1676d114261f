import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { LIMITS } from '../../../core/sets/limits.ts';
import { SetMode } from '../../../core/sets/schema.ts';
import type { AppEnv } from '../../env.ts';
import { ApiError, notFound } from '../../http/errors.ts';
import { requireBearer } from '../../auth/instructor-token.ts';
import { attemptCounts } from '../../stores/results-store.ts';
import { exportResponse, readSet, sourceOf, type SetInput } from '../../services/sets.ts';
import { query } from '../../http/validate.ts';
import { setStore } from '../../stores/index.ts';

const ImportQuery = z
  .object({
    format: z.enum(['json', 'gift', 'cloze']).optional(),
    lang: z.string().optional(),
    title: z.string().max(LIMITS.titleChars).optional(),
    lesson: z.string().max(64).optional(),
    /** GIFT and Cloze have no place for the set's mode: it comes from here (our JSON carries it in the body). */
    mode: SetMode.optional(),
  })
  .strict();

/** The body as our JSON (application/json) or GIFT (text/plain with ?format=gift). */
async function inputOf(c: Context<AppEnv>, q: z.infer<typeof ImportQuery>): Promise<SetInput> {
  const type = c.req.header('content-type') ?? '';
  const text = await c.req.text();
  if (q.format === 'cloze') return { format: 'cloze', text, lang: q.lang, title: q.title, lesson: q.lesson };
  if (q.format === 'gift' || (!q.format && type.startsWith('text/plain')))
    return { format: 'gift', text, lang: q.lang, title: q.title, lesson: q.lesson };
  if (q.format === 'json' || type.includes('json')) return { format: 'json', text };
  throw new ApiError(
    415,
    'unsupported_media_type',
    'Send our JSON (Content-Type: application/json), GIFT (Content-Type: text/plain with ?format=gift&lang=) or Moodle Cloze (?format=cloze&lang=).',
  );
}

function readOrThrow(input: SetInput, mode: SetMode | undefined) {
  if (mode && input.format === 'json')
    throw new ApiError(400, 'invalid_request', 'Our JSON carries the mode in the body ("mode": "test"); ?mode= is for GIFT and Cloze.', [
      { path: 'mode', message: 'not for JSON' },
    ]);
  const result = readSet(input);
  if (!result.ok)
    throw new ApiError(
      422,
      'invalid_set',
      `The set was not saved: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} to fix.`,
      result.problems,
    );
  return { ...result, set: mode ? { ...result.set, mode } : result.set };
}

/** A GIFT or Cloze edit without ?mode= keeps the set's mode: the file cannot say it, and a test stays a test. */
async function keptMode(c: Context<AppEnv>, input: SetInput, mode: SetMode | undefined): Promise<SetMode | undefined> {
  if (mode || input.format === 'json') return mode;
  return (await setStore(c.env).latest(idParam(c)))?.set.mode;
}

const idParam = (c: Context<AppEnv>) => c.req.param('setId') ?? '';

/** The instructor API: every route needs `Authorization: Bearer <INSTRUCTOR_TOKEN>`. */
export const setsApi = new Hono<AppEnv>()
  .use(requireBearer)
  .get('/', async (c) => {
    const sets = await setStore(c.env).list();
    const attempts = await attemptCounts(
      c.env,
      sets.map((s) => s.id),
    );
    return c.json({
      sets: sets.map((s) => ({ ...s, state: s.publishedVersion ? 'published' : 'draft', attempts: attempts.get(s.id) ?? 0 })),
    });
  })
  .post('/', query(ImportQuery), async (c) => {
    const q = c.req.valid('query');
    const input = await inputOf(c, q);
    const { set, warnings } = readOrThrow(input, q.mode);
    const v = await setStore(c.env).create(set, sourceOf(input));
    return c.json({ id: v.id, version: v.version, set: v.set, warnings }, 201);
  })
  .get('/:setId', async (c) => {
    const v = await setStore(c.env).latest(idParam(c));
    if (!v) throw notFound('question set', idParam(c));
    const row = (await setStore(c.env).list()).find((s) => s.id === v.id);
    return c.json({ id: v.id, version: v.version, publishedVersion: row?.publishedVersion ?? null, createdAt: v.createdAt, set: v.set });
  })
  .put('/:setId', query(ImportQuery), async (c) => {
    const q = c.req.valid('query');
    const input = await inputOf(c, q);
    const { set, warnings } = readOrThrow(input, await keptMode(c, input, q.mode));
    const v = await setStore(c.env).replace(idParam(c), set, sourceOf(input));
    if (!v) throw notFound('question set', idParam(c));
    return c.json({ id: v.id, version: v.version, set: v.set, warnings });
  })
  .delete('/:setId', async (c) => {
    if (!(await setStore(c.env).remove(idParam(c)))) throw notFound('question set', idParam(c));
    return c.json({ deleted: idParam(c) });
  })
  .post('/:setId/publish', async (c) => {
    const row = await setStore(c.env).publish(idParam(c));
    if (!row) throw notFound('question set', idParam(c));
    return c.json({ ...row, state: 'published' });
  })
  .post('/:setId/unpublish', async (c) => {
    const row = await setStore(c.env).unpublish(idParam(c));
    if (!row) throw notFound('question set', idParam(c));
    return c.json({ ...row, state: 'draft' });
  })
  .get('/:setId/export', query(z.object({ format: z.enum(['gift', 'cloze', 'json']).default('json') }).strict()), async (c) => {
    const v = await setStore(c.env).latest(idParam(c));
    if (!v) throw notFound('question set', idParam(c));
    return exportResponse(c, v, c.req.valid('query').format);
  });
