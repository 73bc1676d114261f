import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

import { clearPublishedCaches } from '../../worker/stores/set-store-published.ts';
import { request } from './helpers.ts';
import { setStore } from '../../worker/stores/index.ts';

const auth = { authorization: 'Bearer test-instructor-token-0123456789' };
const json = { 'content-type': 'application/json' };
const t = (s: string) => ({ de: s, en: s });
const body = (title: string) =>
  JSON.stringify({
    title: t(title),
    languages: ['de', 'en'],
    questions: [{ id: 'q1', type: 'truefalse', prompt: t(`Japan ist Partner der USA (${title}).`), answer: true }],
  });
const api = (path: string, init: RequestInit = {}) =>
  request(`/api/question-sets${path}`, { ...init, headers: { ...auth, ...init.headers } });
const create = async (title: string) => {
  const res = await api('', { method: 'POST', headers: json, body: body(title) });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
};
const listed = async () =>
  ((await (await api('')).json()) as { sets: Array<{ id: string; latestVersion: number; publishedVersion: number | null }> }).sets;
const all = <T>(n: number, fn: (i: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => fn(i)));

describe('instructor actions at the same moment (HTTP API)', () => {
  it('lists and serves all of 20 concurrent creates', async () => {
    const responses = await all(20, (i) => api('', { method: 'POST', headers: json, body: body(`Gleichzeitig ${i}`) }));
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
    const ids = await Promise.all(responses.map(async (r) => ((await r.json()) as { id: string }).id));
    expect(new Set(ids).size).toBe(20);
    const inList = new Set((await listed()).map((s) => s.id));
    for (const id of ids) expect(inList.has(id), id).toBe(true);
    const reads = await Promise.all(ids.map((id) => api(`/${id}`)));
    expect(reads.map((r) => r.status)).toEqual(Array(20).fill(200));
  });

  it('gives 10 concurrent replaces of one set the versions 2 to 11, each readable', async () => {
    const id = await create('Ersetzen');
    const responses = await all(10, (i) => api(`/${id}`, { method: 'PUT', headers: json, body: body(`Fassung ${i}`) }));
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
    const saved = await Promise.all(responses.map(async (r) => (await r.json()) as { version: number; set: { title: { de: string } } }));
    expect(saved.map((s) => s.version).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    for (const s of saved) expect((await setStore(env).version(id, s.version))?.set.title.de).toBe(s.set.title.de);
    expect(((await (await api(`/${id}`)).json()) as { version: number }).version).toBe(11);
  });

  it('makes 20 sets playable with 20 concurrent publishes, also for a learner on a cold isolate', async () => {
    const ids = await all(20, (i) => create(`Veröffentlichen ${i}`));
    const responses = await all(20, (i) => api(`/${ids[i]}/publish`, { method: 'POST' }));
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200));
    clearPublishedCaches();
    const plays = await Promise.all(ids.map((id) => request(`/api/quizzes/${id}?lang=de`)));
    expect(plays.map((r) => r.status)).toEqual(Array(20).fill(200));
    const published = new Set((await setStore(env).listPublished()).map((s) => s.id));
    for (const id of ids) expect(published.has(id), id).toBe(true);
  });

  it('leaves learners the version published last when replaces and publishes of one set race', async () => {
    const id = await create('Rennen');
    await all(10, async (i) => {
      expect((await api(`/${id}`, { method: 'PUT', headers: json, body: body(`Rennen ${i}`) })).status).toBe(200);
      expect((await api(`/${id}/publish`, { method: 'POST' })).status).toBe(200);
    });
    const row = (await listed()).find((s) => s.id === id)!;
    expect(row.publishedVersion).toBe(11);
    clearPublishedCaches();
    const quiz = (await (await request(`/api/quizzes/${id}?lang=de`)).json()) as { version: string };
    expect(quiz.version.split('.')[0]).toBe('11');
  });

  it('removes every set under concurrent deletes, for the instructor and for learners', async () => {
    const ids = await all(10, (i) => create(`Löschen ${i}`));
    await all(10, (i) => api(`/${ids[i]}/publish`, { method: 'POST' }));
    const responses = await all(10, (i) => api(`/${ids[i]}`, { method: 'DELETE' }));
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
    const inList = new Set((await listed()).map((s) => s.id));
    clearPublishedCaches();
    for (const id of ids) {
      expect(inList.has(id), id).toBe(false);
      expect((await api(`/${id}`)).status).toBe(404);
      expect((await request(`/api/quizzes/${id}`)).status).toBe(404);
    }
    const stillListed = new Set((await setStore(env).listPublished()).map((s) => s.id));
    for (const id of ids) expect(stillListed.has(id), id).toBe(false);
  });
});
