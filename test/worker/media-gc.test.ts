// The registry deletes a set's media from R2 once no version of any set uses them, and retries a failed delete.
import { evictDurableObject, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import type { QuestionSet } from '../../core/sets/schema.ts';
import type { SetRegistry } from '../../worker/objects/set-registry/set-registry.ts';
import { mediaKey } from '../../worker/stores/media-store.ts';

const source = { format: 'json' as const, text: '{}' };
const hashOf = (c: string) => c.repeat(64);
/** A one-question set that shows the given media. */
const withMedia = (...hashes: string[]): QuestionSet => ({
  title: { de: 'Bilder' },
  languages: ['de'],
  mode: 'practice',
  passages: [],
  media: hashes.map((hash, i) => ({ hash, name: `b${i}.png`, type: 'image/png', size: 3 })),
  questions: [
    {
      id: 'q1',
      type: 'truefalse',
      prompt: { de: `Wahr? ${hashes.map((h) => `<img src="/media/${h}" alt="">`).join('')}` },
      answer: true,
      sources: [],
    },
  ],
});
const put = (hash: string) => env.MEDIA.put(mediaKey(hash), new Uint8Array([1, 2, 3]), { httpMetadata: { contentType: 'image/png' } });
type Swappable = { mediaGc: { bucket: R2Bucket } };

describe('media no version uses are deleted with the set', () => {
  it('keeps what another set (or another version) uses, deletes the rest after the commit', async () => {
    const reg = env.SET_REGISTRY.getByName(`gc-${crypto.randomUUID()}`);
    const [a, b, c] = [hashOf('a'), hashOf('b'), hashOf('c')];
    await Promise.all([a, b, c].map(put));
    const one = await reg.create(withMedia(a, b), source);
    await reg.replace(one.id, withMedia(a, c), source);
    const two = await reg.create(withMedia(b), source);
    expect(await reg.remove(one.id)).toBe(true);
    expect(await env.MEDIA.head(mediaKey(a))).toBeNull();
    expect(await env.MEDIA.head(mediaKey(c))).toBeNull();
    expect(await env.MEDIA.head(mediaKey(b))).not.toBeNull();
    expect(await reg.pendingMediaDeletes()).toEqual([]);
    expect(await reg.remove(two.id)).toBe(true);
    expect(await env.MEDIA.head(mediaKey(b))).toBeNull();
  });

  it('keeps a failed delete queued with an alarm, and the alarm deletes it', async () => {
    const reg = env.SET_REGISTRY.getByName(`gc-fail-${crypto.randomUUID()}`);
    const d = hashOf('d');
    await put(d);
    const { id } = await reg.create(withMedia(d), source);
    await runInDurableObject(reg, (r: SetRegistry) => {
      const gc = (r as unknown as Swappable).mediaGc;
      gc.bucket = new Proxy(env.MEDIA, {
        get: (t, p) => (p === 'delete' ? () => Promise.reject(new Error('R2 down')) : Reflect.get(t, p)),
      });
    });
    expect(await reg.remove(id)).toBe(true);
    expect(await reg.pendingMediaDeletes()).toEqual([d]);
    expect(await env.MEDIA.head(mediaKey(d))).not.toBeNull();
    expect(await runInDurableObject(reg, (_r: SetRegistry, state) => state.storage.getAlarm())).not.toBeNull();
    await runInDurableObject(reg, (r: SetRegistry) => {
      (r as unknown as Swappable).mediaGc.bucket = env.MEDIA;
    });
    // The alarm may already be running on its own (workerd fires a due alarm itself): run it until it is done.
    await vi.waitFor(async () => {
      await runDurableObjectAlarm(reg);
      expect(await reg.pendingMediaDeletes()).toEqual([]);
    });
    expect(await env.MEDIA.head(mediaKey(d))).toBeNull();
  });

  it('brings a queue from before retries had a due time, and deletes what it held when the object wakes', async () => {
    const name = `gc-upgrade-${crypto.randomUUID()}`;
    const f = hashOf('f');
    await put(f);
    await runInDurableObject(env.SET_REGISTRY.getByName(name), (_r: SetRegistry, state) => {
      state.storage.sql.exec('DROP TABLE media_gc');
      state.storage.sql.exec('CREATE TABLE media_gc (hash TEXT PRIMARY KEY, tries INTEGER NOT NULL DEFAULT 0) STRICT');
      state.storage.sql.exec('INSERT INTO media_gc (hash) VALUES (?)', f);
    });
    await evictDurableObject(env.SET_REGISTRY.getByName(name));
    const after = env.SET_REGISTRY.getByName(name);
    expect(await after.pendingMediaDeletes()).toEqual([f]);
    const columns = await runInDurableObject(after, (_r: SetRegistry, state) =>
      state.storage.sql
        .exec<{ name: string }>("SELECT name FROM pragma_table_info('media_gc')")
        .toArray()
        .map((c) => c.name),
    );
    expect(columns).toContain('due');
    await vi.waitFor(async () => {
      await runDurableObjectAlarm(after);
      expect(await after.pendingMediaDeletes()).toEqual([]);
    });
    expect(await env.MEDIA.head(mediaKey(f))).toBeNull();
  });

  it('does not delete a queued file that a new version uses meanwhile', async () => {
    const reg = env.SET_REGISTRY.getByName(`gc-reuse-${crypto.randomUUID()}`);
    const e = hashOf('e');
    await put(e);
    const { id } = await reg.create(withMedia(e), source);
    await runInDurableObject(reg, (r: SetRegistry) => {
      (r as unknown as Swappable).mediaGc.bucket = new Proxy(env.MEDIA, {
        get: (t, p) => (p === 'delete' ? () => Promise.reject(new Error('R2 down')) : Reflect.get(t, p)),
      });
    });
    await reg.remove(id);
    expect(await reg.pendingMediaDeletes()).toEqual([e]);
    await reg.create(withMedia(e), source);
    expect(await reg.pendingMediaDeletes()).toEqual([]);
    await runInDurableObject(reg, (r: SetRegistry) => {
      (r as unknown as Swappable).mediaGc.bucket = env.MEDIA;
    });
    await runDurableObjectAlarm(reg);
    expect(await env.MEDIA.head(mediaKey(e))).not.toBeNull();
  });
});
