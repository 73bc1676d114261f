import { z } from 'zod';
import { mediaHashes } from '../formats/shared/rich-text.ts';
import { limitedString } from './limited-text.ts';

/**
 * The pictures and sounds a set may show, by the content type its bytes were sniffed as (never the name's
 * extension): what every browser plays or shows, and nothing that can carry script (no SVG, no HTML).
 */
export const MEDIA_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'audio/mpeg',
  'audio/ogg',
  'audio/mp4',
  'audio/wav',
] as const;
export const MediaType = z.enum(MEDIA_TYPES);
export type MediaType = z.infer<typeof MediaType>;

/** One file a set version uses: its SHA-256 (the R2 key and the URL), the name it came with, type, size and alt text. */
export const MediaRef = z
  .object({
    hash: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in lowercase hex'),
    name: limitedString(255),
    type: MediaType,
    size: z.number().int().min(1),
    alt: limitedString().optional(),
  })
  .strict();
export type MediaRef = z.infer<typeof MediaRef>;

/** The hashes a set's texts show that its `media` list lacks (a hand-written JSON set may forget one). */
export function unlistedMedia(set: { media?: readonly { hash: string }[] | undefined; questions: unknown; passages: unknown }): string[] {
  const listed = new Set((set.media ?? []).map((m) => m.hash));
  const shown = mediaHashes(JSON.stringify([set.questions, set.passages]).replace(/\\"/g, '"'));
  return [...new Set(shown.filter((h) => !listed.has(h)))];
}

/** The hashes a set uses (its media list), once each. */
export const mediaOf = (set: { media?: readonly { hash: string }[] | undefined }): string[] => [
  ...new Set((set.media ?? []).map((m) => m.hash)),
];
