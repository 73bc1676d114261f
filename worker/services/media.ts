import type { Context } from 'hono';
import type { MediaFile } from '../../core/formats/moodlexml/media.ts';
import { mediaOf } from '../../core/sets/media.ts';
import type { QuestionSet } from '../../core/sets/schema.ts';
import { notFound } from '../http/errors.ts';
import { MediaStore } from '../stores/media-store.ts';
import { courseRegistry } from '../stores/set-store-do.ts';

/** The media store of the app (R2 `MEDIA`, docs/decisions/0015). */
export const mediaStore = (env: Env) => new MediaStore(env.MEDIA);

/**
 * Stores an import's files before its set (a version is never saved showing a file that is not there), after
 * telling the registry: a file no version takes within a day ("check before saving", a save that failed) is
 * deleted by the registry's alarm (docs/decisions/0015). Telling it first means a file being stored is never
 * one the registry is about to delete.
 */
export async function storeMedia(env: Env, files: readonly MediaFile[]): Promise<void> {
  if (!files.length) return;
  await courseRegistry(env).recordUploads([...new Set(files.map((f) => f.hash))]);
  const store = mediaStore(env);
  await Promise.all(files.map((f) => store.put(f)));
}

/**
 * After the set is saved: every file it uses is there. A set deleted at the same moment may have queued one of
 * them (before this version used it) and deleted it between `storeMedia` and the save; the registry deletes
 * nothing a saved version uses, so putting it back once more closes that window (docs/decisions/0015).
 */
export async function ensureMedia(env: Env, files: readonly MediaFile[]): Promise<void> {
  const store = mediaStore(env);
  await Promise.all(files.map(async (f) => (await store.has(f.hash)) || store.put(f)));
}

/** The base64 of every file a set uses, by hash (for a Moodle XML export). */
export async function mediaBase64(env: Env, set: QuestionSet): Promise<Map<string, string>> {
  const store = mediaStore(env);
  const out = new Map<string, string>();
  await Promise.all(
    mediaOf(set).map(async (hash) => {
      const b64 = await store.base64(hash);
      if (b64 !== undefined) out.set(hash, b64);
    }),
  );
  return out;
}

/**
 * A stored picture or sound from our own origin: its sniffed content type, cached for a year (the address is the
 * content's hash, so it never changes), `nosniff`, and a CSP that lets nothing in it run.
 */
export async function mediaResponse(c: Context, hash: string): Promise<Response> {
  const file = await mediaStore(c.env as Env).get(hash);
  if (!file) throw notFound('media file', hash);
  return new Response(file.body, {
    headers: {
      'Content-Type': file.type,
      'Content-Length': String(file.size),
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'",
      ETag: `"${hash}"`,
    },
  });
}
