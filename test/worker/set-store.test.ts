import { env } from 'cloudflare:workers';
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
