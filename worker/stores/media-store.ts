import type { MediaType } from '../../core/sets/media.ts';

/** The R2 key of a media file: its SHA-256 (docs/decisions/0015), built here and nowhere else. */
export const mediaKey = (hash: string) => `media/${hash}`;

/** A stored picture or sound: its bytes as a stream, its type and size. */
export interface StoredMedia {
  body: ReadableStream;
  type: string;
  size: number;
}

/**
 * Pictures and sounds of instructors' sets, content-addressed: the same bytes are one object whatever set or
 * version uses them. Writes are idempotent (same key, same bytes); deletes are the SetRegistry's (media-gc.ts).
 */
export class MediaStore {
  private readonly bucket: R2Bucket;

  constructor(bucket: R2Bucket) {
    this.bucket = bucket;
  }

  /** Stores a file unless an object with its hash is there already (R2 is read-after-write consistent). */
  async put(file: { hash: string; type: MediaType; bytes: Uint8Array }): Promise<void> {
    if (await this.bucket.head(mediaKey(file.hash))) return;
    await this.bucket.put(mediaKey(file.hash), file.bytes, { httpMetadata: { contentType: file.type }, sha256: file.hash });
  }

  async get(hash: string): Promise<StoredMedia | null> {
    const obj = await this.bucket.get(mediaKey(hash));
    if (!obj) return null;
    return { body: obj.body, type: obj.httpMetadata?.contentType ?? 'application/octet-stream', size: obj.size };
  }

  /** The bytes of a file as base64 (for an export), or undefined when it is not stored. */
  async base64(hash: string): Promise<string | undefined> {
    const obj = await this.bucket.get(mediaKey(hash));
    if (!obj) return undefined;
    const b = new Uint8Array(await obj.arrayBuffer());
    let s = '';
    for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
    return btoa(s);
  }

  async has(hash: string): Promise<boolean> {
    return (await this.bucket.head(mediaKey(hash))) !== null;
  }
}
