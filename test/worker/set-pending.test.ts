import { runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { SetRegistry } from '../../worker/objects/set-registry/set-registry.ts';
import { COURSE_REGISTRY } from '../../worker/stores/set-store-do.ts';
import { capitalsSet } from '../fixtures/sets.ts';
import { request, visibleText } from './helpers.ts';
import { auth, createSet, session } from './set-accept-helpers.ts';

type Swappable = { kvSync: { kv: KVNamespace } };
const failing = new Proxy(env.SETS, {
  get: (target, prop) =>
    prop === 'put' || prop === 'delete' ? () => Promise.reject(new Error('KV unavailable')) : Reflect.get(target, prop),
});
const listed = async (id: string) =>
  (
    (await (await request('/api/question-sets', { headers: auth })).json()) as { sets: Array<{ id: string; learnerCopyPending: boolean }> }
  ).sets.find((s) => s.id === id);
const dashboard = async (cookie: string, lang: string) =>
  visibleText(await (await request(`/${lang}/instructor`, { headers: { cookie } })).text());

describe('the instructor list while a learner copy is owed', () => {
  it('marks the set in words, in both UI languages, until the registry has written it', async () => {
    const registry = env.SET_REGISTRY.getByName(COURSE_REGISTRY);
    const id = await createSet(capitalsSet, false);
    const other = await createSet(capitalsSet); // published while KV works: never marked
    await runInDurableObject(registry, async (instance: SetRegistry) => {
      (instance as unknown as Swappable).kvSync.kv = failing;
      await instance.publish(id);
    });

    expect(await listed(id)).toMatchObject({ learnerCopyPending: true });
    expect(await listed(other)).toMatchObject({ learnerCopyPending: false });
    const cookie = await session();
    const en = await dashboard(cookie, 'en');
    expect(en).toContain("Learners' copy not yet updated");
    expect(en).toContain('learners may still see the state before your last change');
    expect(en.split("Learners' copy not yet updated").length - 1).toBe(2); // the notice and the one row
    const de = await dashboard(cookie, 'de');
    expect(de).toContain('Kopie für Lernende noch nicht aktualisiert');

    // KV is back: the alarm writes the copy, and the mark goes.
    await runInDurableObject(registry, (instance: SetRegistry) => {
      (instance as unknown as Swappable).kvSync.kv = env.SETS;
    });
    expect(await runDurableObjectAlarm(registry)).toBe(true);
    expect(await listed(id)).toMatchObject({ learnerCopyPending: false });
    expect(await dashboard(cookie, 'en')).not.toContain("Learners' copy not yet updated");
  });
});
