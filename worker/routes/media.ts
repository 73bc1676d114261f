// GET /media/{sha256}: the pictures and sounds of instructors' sets, from our own origin (docs/decisions/0015).
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { notFound } from '../http/errors.ts';
import { mediaResponse } from '../services/media.ts';

/**
 * Served to anyone who has the address, without asking which set uses it: the address is the SHA-256 of the
 * bytes, so only someone who has the file or was shown it knows it, and a check would cost a Durable Object
 * call per picture. A file no set uses any more is deleted with its last set.
 */
export const mediaRoutes = new Hono<AppEnv>().get('/media/:hash', async (c) => {
  const hash = c.req.param('hash');
  if (!/^[0-9a-f]{64}$/.test(hash)) throw notFound('media file', hash);
  return mediaResponse(c, hash);
});
