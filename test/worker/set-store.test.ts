import { runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import type { SetRegistry } from '../../worker/objects/set-registry/set-registry.ts';
import { describe, expect, it } from 'vitest';
import { DoSetStore } from '../../worker/stores/set-store-do.ts';
import { clearPublishedCaches, PUBLISHED_LIST_KEY } from '../../worker/stores/set-store-published.ts';
import { keys } from '../../worker/stores/keys.ts';
import { questionSet, setStoreContract } from './set-store-contract.ts';
import { MemorySetStore } from './set-store-memory.ts';

setStoreContract('in memory', { make: () => new MemorySetStore() });

// Each test gets its own registry object, so the runs do not see each other's sets.
setStoreContract('SetRegistry Durable Object', {
  make: () => new DoSetStore(env, `contract-${crypto.randomUUID()}`),
  cold: clearPublishedCaches,
});

describe('the KV copies the registry writes for learners', () => {
  it('holds the published version with its number, and the list of published sets', async () => {
    const store = new DoSetStore(env, `kv-${crypto.randomUUID()}`);
    const { id } = await store.create(questionSet('Kopie'), { format: 'json', text: '{}' });
    await store.publish(id);
    await store.replace(id, questionSet('Entwurf'), { format: 'json', text: '{}' });
    const copy = await env.SETS.get<{ version: number; set: { title: { de: string } } }>(keys.setPublished(id), 'json');
    expect(copy).toMatchObject({ version: 1, set: { title: { de: 'Kopie' } } });
    const list = await env.SETS.get<Array<{ id: string }>>(PUBLISHED_LIST_KEY, 'json');
    expect(list?.map((s) => s.id)).toEqual([id]);
    await store.remove(id);
    expect(await env.SETS.get(keys.setPublished(id))).toBeNull();
    expect(await env.SETS.get(PUBLISHED_LIST_KEY, 'json')).toEqual([]);
  });
});

describe('when KV fails while publishing', () => {
  it('keeps the publish, answers, and writes the learner copy on the retry', async () => {
    const stub = env.SET_REGISTRY.getByName(`failing-kv-${crypto.randomUUID()}`);
    const failing = new Proxy(env.SETS, {
      get: (target, prop) =>
        prop === 'put' || prop === 'delete' ? () => Promise.reject(new Error('KV unavailable')) : Reflect.get(target, prop),
    });
    const { id } = await stub.create(questionSet('Ausfall'), { format: 'json', text: '{}' });
    await runInDurableObject(stub, async (registry: SetRegistry) => {
      const sync = (registry as unknown as { kvSync: { kv: KVNamespace } }).kvSync;
      const kv = sync.kv;
      sync.kv = failing;
      expect(await registry.publish(id)).toMatchObject({ summary: { publishedVersion: 1 } });
      expect(registry.pendingKvWrites()).toEqual([keys.setPublished(id), PUBLISHED_LIST_KEY].sort());
      sync.kv = kv;
    });
    expect(await env.SETS.get(keys.setPublished(id))).toBeNull();
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await stub.pendingKvWrites()).toEqual([]);
    expect(await env.SETS.get(keys.setPublished(id), 'json')).toMatchObject({ id, version: 1 });
  });
});
