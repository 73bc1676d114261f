import { bytes, LIMITS } from '../../sets/limits.ts';
import type { MediaType } from '../../sets/media.ts';

/**
 * The files a Moodle XML question brings (`<file name encoding="base64">`): decoded, typed by their first bytes
 * (never by the name: a `.png` that is an SVG or HTML page is refused), and named by their SHA-256, which is
 * their key in storage and their address (`/media/{sha256}`), so versions and sets share an unchanged file.
 */

/** A file ready to store: its bytes and what the set records of it. */
export interface MediaFile {
  hash: string;
  name: string;
  type: MediaType;
  bytes: Uint8Array;
}

const starts = (b: Uint8Array, sig: readonly number[], at = 0) => sig.every((v, i) => b[at + i] === v);
const ascii = (b: Uint8Array, at: number, s: string) =>
  starts(
    b,
    [...s].map((c) => c.charCodeAt(0)),
    at,
  );

/** The content type of a picture or sound, by its magic bytes; undefined for anything else. */
export function sniff(b: Uint8Array): MediaType | undefined {
  if (starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts(b, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (ascii(b, 0, 'GIF87a') || ascii(b, 0, 'GIF89a')) return 'image/gif';
  if (ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP')) return 'image/webp';
  if (ascii(b, 0, 'RIFF') && ascii(b, 8, 'WAVE')) return 'audio/wav';
  if (ascii(b, 0, 'OggS')) return 'audio/ogg';
  if (ascii(b, 0, 'ID3') || (b[0] === 0xff && ((b[1] ?? 0) & 0xe6) === 0xe2)) return 'audio/mpeg';
  if (ascii(b, 4, 'ftyp') && ['M4A ', 'M4B ', 'mp42', 'isom', 'dash'].some((brand) => ascii(b, 8, brand))) return 'audio/mp4';
  return undefined;
}

/** What a refused file looks like, for the message: an SVG or HTML page says so. */
function looksLike(b: Uint8Array): string {
  const head = new TextDecoder().decode(b.subarray(0, 512)).trimStart().toLowerCase();
  if (head.includes('<svg')) return 'an SVG picture (it can carry script)';
  if (head.startsWith('<')) return 'markup (HTML or XML), not a picture or sound';
  return 'not a PNG, JPEG, GIF or WebP picture nor an MP3, OGG, M4A or WAV sound';
}

/** The bytes of base64 text (white space allowed), or undefined when it is not base64. */
export function fromBase64(text: string): Uint8Array | undefined {
  const clean = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) return undefined;
  const bin = atob(clean);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Bytes as base64 (for the export). */
export function toBase64(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
  return btoa(s);
}

/** SHA-256 in lowercase hex (Web Crypto: the same in workerd and Node). */
export async function sha256(b: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', b as Uint8Array<ArrayBuffer>));
  return [...digest].map((x) => x.toString(16).padStart(2, '0')).join('');
}

/** A file read from base64, or the reason it is refused (with its name and the limit). */
export async function readMediaFile(name: string, encoding: string | undefined, body: string): Promise<MediaFile | string> {
  if ((encoding ?? 'base64').toLowerCase() !== 'base64')
    return `the file "${name}" is not base64 (encoding="${encoding}"), so it was left out.`;
  const b = fromBase64(body);
  if (!b) return `the file "${name}" is not valid base64, so it was left out.`;
  if (b.length > LIMITS.mediaFileBytes)
    return `the file "${name}" is ${bytes(b.length)}; the limit for one picture or sound is ${bytes(LIMITS.mediaFileBytes)}, so it was left out.`;
  const type = sniff(b);
  if (!type) return `the file "${name}" is ${looksLike(b)}, so it was left out.`;
  return { hash: await sha256(b), name, type, bytes: b };
}
