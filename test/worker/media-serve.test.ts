// GET /media/{sha256}: an imported set's pictures and sounds from our origin, gone with the last set that uses them.
/// <reference types="vite/client" />
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { QuestionSet } from '../../core/sets/schema.ts';
import xml from '../fixtures/moodlexml/all-types.xml?raw';
import { request } from './helpers.ts';
import { api, auth } from './instructor-helpers.ts';

const importSet = async () => {
  const res = await api('?format=moodlexml&lang=de', {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/xml' },
    body: xml,
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { id: string; set: QuestionSet };
};

describe('GET /media/{sha256}', () => {
  it('serves a set’s picture and sound with their type, a year’s cache and nosniff', async () => {
    const { set } = await importSet();
    for (const m of set.media!) {
      const res = await request(`/media/${m.hash}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(m.type);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'; sandbox");
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect(bytes.length).toBe(m.size);
      expect(bytes[0]).toBe(m.type === 'image/png' ? 0x89 : 0x52);
    }
  });

  it('lists each picture with the alt text of its <img> in the JSON export (a sound has none)', async () => {
    const { id } = await importSet();
    const res = await api(`/${id}/export?format=json`, { headers: auth });
    expect(res.status).toBe(200);
    const exported = (await res.json()) as { media: Array<{ name: string; type: string; alt?: string }> };
    expect(exported.media.map((m) => [m.name, m.alt])).toEqual([
      ['map (1).png', 'A map'],
      ['tone.wav', undefined],
    ]);
  });

  it('answers 404 for a hash nothing stored, and for an address that is not a hash', async () => {
    expect((await request(`/media/${'0'.repeat(64)}`)).status).toBe(404);
    expect((await request('/media/..%2Fsecret')).status).toBe(404);
  });
});

describe('deleting sets removes the media no remaining version uses', () => {
  it('keeps a file while another set uses it, and deletes it with the last one', async () => {
    const a = await importSet();
    const b = await importSet();
    const hashes = a.set.media!.map((m) => m.hash);
    expect(b.set.media!.map((m) => m.hash)).toEqual(hashes);
    expect((await api(`/${a.id}`, { method: 'DELETE', headers: auth })).status).toBe(200);
    for (const h of hashes) expect((await request(`/media/${h}`)).status).toBe(200);
    // The last sets that use them (b, and the one the test above imported) go: so do the files.
    const live = (await (await api('', { headers: auth })).json()) as { sets: Array<{ id: string }> };
    expect(live.sets.map((s) => s.id)).toContain(b.id);
    for (const s of live.sets) expect((await api(`/${s.id}`, { method: 'DELETE', headers: auth })).status).toBe(200);
    for (const h of hashes) {
      expect((await request(`/media/${h}`)).status).toBe(404);
      expect(await env.MEDIA.head(`media/${h}`)).toBeNull();
    }
  });
});
