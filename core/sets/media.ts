import { z } from 'zod';
import { mediaHashes, parseRich } from '../formats/shared/rich-text.ts';
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

/** Every `<img>` of our media in a stored text, in order: the hash it shows and its alt text (entities decoded). */
function picturesIn(stored: string): Array<{ hash: string; alt: string }> {
  return [...stored.matchAll(/<img src="\/media\/([0-9a-f]{64})" alt="[^"<>]*">/g)].map((m) => {
    const [node] = parseRich(m[0]);
    return { hash: m[1]!, alt: typeof node === 'object' && node.tag === 'img' ? node.alt : '' };
  });
}

/** The strings of a value (a set's questions and passages), depth first in key order: the order they are read in. */
function* stringsOf(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const v of value) yield* stringsOf(v);
  else if (typeof value === 'object' && value !== null) for (const v of Object.values(value)) yield* stringsOf(v);
}

/**
 * The media list with each picture's `alt` taken from the first `<img>` that shows it with a non-empty one,
 * reading `texts` in order (an `alt=""` says nothing about the picture, so a later description wins over it);
 * an `alt` the list already has stays, and a file no `<img>` describes keeps none.
 * @example withAlts(media, [passage, question1, question2])
 */
export function withAlts<M extends { hash: string; alt?: string | undefined }>(media: readonly M[], texts: unknown): M[] {
  const alts = new Map<string, string>();
  for (const text of stringsOf(texts))
    if (text.includes('<img ')) for (const { hash, alt } of picturesIn(text)) if (alt.trim() && !alts.has(hash)) alts.set(hash, alt.trim());
  return media.map((m) => (m.alt === undefined && alts.has(m.hash) ? { ...m, alt: alts.get(m.hash)! } : m));
}
