import { evictDurableObject, runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

import { keys } from '../../worker/stores/keys.ts';
import { COURSE_REGISTRY } from '../../worker/stores/set-store-do.ts';
import { clearPublishedCaches } from '../../worker/stores/set-store-published.ts';
import type { SetSummary, SetVersion } from '../../worker/stores/set-store.ts';
import { request } from './helpers.ts';
import { setStore } from '../../worker/stores/index.ts';

const auth = { authorization: 'Bearer test-instructor-token-0123456789' };
const t = (s: string) => ({ de: s, en: s });
const version = (id: string, n: number, title: string): SetVersion =>
  ({
    id,
    version: n,
    createdAt: `2026-11-0${n}T10:00:00.000Z`,
    set: {
      title: t(title),
      languages: ['de', 'en'],
      passages: [],
      questions: [{ id: 'q1', type: 'truefalse', prompt: t(`${title}: Japan ist Partner der USA.`), answer: true }],
    },
    source: { format: 'json', text: `{"title":"${title}"}` },
  }) as unknown as SetVersion;
// The old KV index's rows, from before the registry said whether a learner copy was owed.
const row = (v: SetVersion, latestVersion: number, publishedVersion: number | null): Omit<SetSummary, 'learnerCopyPending'> => ({
  id: v.id,
  title: v.set.title,
  languages: v.set.languages,
  latestVersion,
  publishedVersion,
  questionCount: 1,
  createdAt: '2026-10-31T09:00:00.000Z',
  updatedAt: v.createdAt,
});

// The old layout as concurrency left it: an index that lost a version of `s-orphan01` and the whole row of
// `s-unlisted1`, a published set with two versions, and nothing else.
const published = [version('s-published', 1, 'Veröffentlicht 1'), version('s-published', 2, 'Veröffentlicht 2')];
const orphaned = [1, 2, 3].map((n) => version('s-orphan01', n, `Verwaist ${n}`));
const unlisted = version('s-unlisted1', 1, 'Nicht im Index');
const oldKeys = [...published, ...orphaned, unlisted].map((v) => keys.set(v.id, v.version));

/**
 * A registry that has never run, on a KV holding only the old layout: each test starts from here, so none
 * depends on what another left behind (the course registry and KV are shared within this file).
 */
async function freshRegistryOnOldLayout() {
  const registry = env.SET_REGISTRY.getByName(COURSE_REGISTRY);
  const left = await env.SETS.list();
  await Promise.all(left.keys.map((k) => env.SETS.delete(k.name)));
  await runInDurableObject(registry, async (_o, state) => {
    await state.storage.deleteAlarm();
    await state.storage.deleteAll();
  });
  await evictDurableObject(registry);
  clearPublishedCaches();
  for (const v of [...published, ...orphaned, unlisted]) await env.SETS.put(keys.set(v.id, v.version), JSON.stringify(v));
  await env.SETS.put(keys.setPublished('s-published'), JSON.stringify(published[0]));
  await env.SETS.put(keys.setIndex(), JSON.stringify([row(published[1]!, 2, 1), row(orphaned[1]!, 2, null)]));
}

const api = (path: string, init: RequestInit = {}) =>
  request(`/api/question-sets${path}`, { ...init, headers: { ...auth, ...init.headers } });
const list = async () => ((await (await api('')).json()) as { sets: SetSummary[] }).sets;

describe('carrying sets from the old KV layout into the registry', () => {
  it('brings in every set and version on first use, including those the index lost, once under concurrent first uses', async () => {
    await freshRegistryOnOldLayout();
    // Eight requests arrive at a registry that has never run.
    const lists = await Promise.all(Array.from({ length: 8 }, () => list()));
    for (const sets of lists) expect(sets.map((s) => s.id).sort()).toEqual(['s-orphan01', 's-published', 's-unlisted1']);

    const byId = new Map(lists[0]!.map((s) => [s.id, s]));
    expect(byId.get('s-published')).toMatchObject({ latestVersion: 2, publishedVersion: 1, createdAt: '2026-10-31T09:00:00.000Z' });
    expect(byId.get('s-orphan01')).toMatchObject({ latestVersion: 3, publishedVersion: null, title: t('Verwaist 3') });
    expect(byId.get('s-unlisted1')).toMatchObject({ latestVersion: 1, publishedVersion: null, createdAt: unlisted.createdAt });

    const store = setStore(env);
    for (const v of [...published, ...orphaned, unlisted]) expect(await store.version(v.id, v.version)).toEqual(v);

    // Learners keep playing the published version, and now see it listed.
    clearPublishedCaches();
    const quiz = (await (await request('/api/quizzes/s-published?lang=de')).json()) as { version: string };
    expect(quiz.version.split('.')[0]).toBe('1');
    expect((await store.listPublished()).map((s) => s.id)).toEqual(['s-published']);

    // The numbering goes on from the versions found, the orphan's included.
    const put = await api('/s-orphan01', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(version('x', 1, 'Weiter').set),
    });
    expect(((await put.json()) as { version: number }).version).toBe(4);

    // The old keys stay (docs/decisions/0002 says when they can go).
    for (const name of oldKeys) expect(await env.SETS.get(name), name).not.toBeNull();
  });

  it('does not run again when the registry wakes up: a set deleted since stays deleted', async () => {
    await freshRegistryOnOldLayout();
    expect((await list()).map((s) => s.id).sort()).toEqual(['s-orphan01', 's-published', 's-unlisted1']);
    expect((await api('/s-unlisted1', { method: 'DELETE' })).status).toBe(200);
    await evictDurableObject(env.SET_REGISTRY.getByName(COURSE_REGISTRY));
    expect((await list()).map((s) => s.id).sort()).toEqual(['s-orphan01', 's-published']);
    expect(await env.SETS.get(keys.set('s-unlisted1', 1))).not.toBeNull(); // still in the old layout, not brought back
  });
});
