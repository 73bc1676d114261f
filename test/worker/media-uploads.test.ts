// Files an import stored that no saved version takes ("check before saving", a save that failed) are deleted
// from R2 by the registry a day later; a file a version uses, or one stored within the day, stays.
import { runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { UPLOAD_GRACE_MS } from '../../worker/objects/set-registry/media-uploads.ts';
import type { SetRegistry } from '../../worker/objects/set-registry/set-registry.ts';
import { mediaKey } from '../../worker/stores/media-store.ts';
import { courseRegistry } from '../../worker/stores/set-store-do.ts';
import { request, visibleText } from './helpers.ts';
import { api, auth, create } from './instructor-helpers.ts';
import { session } from './signin-helpers.ts';

const registry = () => courseRegistry(env);

/** A Moodle XML file with one picture whose bytes no other test has (a PNG signature and random bytes). */
function pictureQuiz(alt = 'Eine Karte') {
  const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...crypto.getRandomValues(new Uint8Array(24))]);
  const b64 = btoa(String.fromCharCode(...bytes));
  const hash = crypto.subtle
    .digest('SHA-256', bytes)
    .then((d) => [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, '0')).join(''));
  return {
    hash,
    xml: `<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="truefalse">
    <name><text>Karte</text></name>
    <questiontext format="html"><text><![CDATA[<p>Zeigt die Karte Japan? <img src="@@PLUGINFILE@@/karte.png" alt="${alt}"></p>]]></text>
      <file name="karte.png" path="/" encoding="base64">${b64}</file></questiontext>
    <answer fraction="100"><text>true</text></answer>
    <answer fraction="0"><text>false</text></answer>
  </question>
</quiz>`,
  };
}

/** The editor form as a browser posts it, with the file uploaded (`check`: "Check before saving"). */
async function editor(xml: string, fields: Record<string, string>, path = '/en/instructor/sets') {
  const { cookie, csrf } = await session('192.0.2.61');
  const body = new FormData();
  for (const [k, v] of Object.entries({ csrf, format: 'auto', lang: 'de', text: '', title: 'Karten', ...fields })) body.set(k, v);
  body.set('file', new File([xml], 'export.xml', { type: 'text/xml' }));
  return request(path, { method: 'POST', headers: { cookie, origin: 'http://127.0.0.1' }, body, redirect: 'manual' });
}

/** Checks a file in the editor and answers the hash of its picture (stored so that the check can show it). */
async function check(xml: string): Promise<string> {
  const res = await editor(xml, { check: '1' });
  expect(res.status).toBe(200);
  // The check shows the picture with the alt text the file gives it.
  const hash = /<img src="\/media\/([0-9a-f]{64})" alt="Eine Karte"/.exec(await res.text())?.[1];
  expect(hash).toBeDefined();
  return hash!;
}

/** Imports a file through the API (a saved set), answering its id and the picture's hash. */
async function imported(xml: string) {
  const res = await api('?format=moodlexml&lang=de', {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/xml' },
    body: xml,
  });
  expect(res.status, await res.clone().text()).toBe(201);
  const body = (await res.json()) as { id: string; set: { media: Array<{ hash: string }> } };
  return { id: body.id, hash: body.set.media[0]!.hash };
}

const stored = async (hash: string) => (await env.MEDIA.head(mediaKey(hash))) !== null;
const served = async (hash: string) => (await request(`/media/${hash}`)).status;

describe('media an import stored for no saved version', () => {
  it('deletes a checked file that is never saved once a day has passed, and not before', async () => {
    const start = Date.now();
    const hash = await check(pictureQuiz().xml);
    expect(await stored(hash)).toBe(true);
    expect(await registry().pendingUploads()).toContain(hash);
    expect(await registry().expireUploads(start + UPLOAD_GRACE_MS - 1)).toEqual([]);
    expect(await served(hash)).toBe(200);
    expect(await registry().expireUploads(Date.now() + UPLOAD_GRACE_MS + 1)).toEqual([hash]);
    expect(await stored(hash)).toBe(false);
    expect(await served(hash)).toBe(404);
    expect(await registry().pendingUploads()).not.toContain(hash);
    expect(await registry().pendingMediaDeletes()).toEqual([]);
  });

  it('arms the alarm for the day’s end, keeps it armed through a publish, and the alarm deletes the file', async () => {
    const start = Date.now();
    const hash = await check(pictureQuiz().xml);
    const alarm = () => runInDurableObject(registry(), (_r: SetRegistry, state) => state.storage.getAlarm());
    // Armed no later than the day's end (an earlier alarm of another job is kept; it re-arms when it runs).
    expect(await alarm()).toBeLessThanOrEqual(Date.now() + UPLOAD_GRACE_MS);
    await runDurableObjectAlarm(registry());
    expect(await stored(hash)).toBe(true);
    expect(await alarm()).toBeGreaterThanOrEqual(start + UPLOAD_GRACE_MS - 1000);
    // The KV outbox shares the alarm: writing the learners' copies must not disarm the uploads' expiry.
    const { id } = await create();
    expect((await api(`/${id}/publish`, { method: 'POST', headers: auth })).status).toBe(200);
    expect(await alarm()).not.toBeNull();
    // A day passes for the stored row (the alarm reads the real clock): the alarm deletes the file.
    await runInDurableObject(registry(), (_r: SetRegistry, state) => {
      state.storage.sql.exec('UPDATE media_uploads SET uploaded_at = uploaded_at - ? WHERE hash = ?', UPLOAD_GRACE_MS + 1, hash);
    });
    await runDurableObjectAlarm(registry());
    expect(await stored(hash)).toBe(false);
  });

  it('deletes the files of an import whose save failed', async () => {
    const quiz = pictureQuiz();
    const res = await editor(quiz.xml, {}, '/en/instructor/sets/s-nosuchset00');
    expect(res.status).toBe(404);
    const hash = await quiz.hash;
    expect(await registry().pendingUploads()).toContain(hash);
    expect(await stored(hash)).toBe(true);
    expect(await registry().expireUploads(Date.now() + UPLOAD_GRACE_MS + 1)).toContain(hash);
    expect(await stored(hash)).toBe(false);
  });

  it('keeps a file checked and then saved within the day', async () => {
    const { xml } = pictureQuiz();
    const hash = await check(xml);
    expect((await editor(xml, {})).status).toBe(303);
    expect(await registry().pendingUploads()).not.toContain(hash);
    expect(await registry().expireUploads(Date.now() + 2 * UPLOAD_GRACE_MS)).not.toContain(hash);
    expect(await stored(hash)).toBe(true);
    expect(await served(hash)).toBe(200);
  });

  it('keeps a file a saved version uses, also when it is checked again and the check expires', async () => {
    const { xml } = pictureQuiz();
    const { hash } = await imported(xml);
    expect(await registry().pendingUploads()).not.toContain(hash);
    expect(await check(xml)).toBe(hash);
    expect(await registry().pendingUploads()).toContain(hash);
    expect(await registry().expireUploads(Date.now() + UPLOAD_GRACE_MS + 1)).not.toContain(hash);
    expect(await registry().pendingUploads()).not.toContain(hash);
    expect(await stored(hash)).toBe(true);
  });

  it('keeps a file being checked when the last set that used it is deleted, until the check expires', async () => {
    const { xml } = pictureQuiz();
    const { id, hash } = await imported(xml);
    await check(xml);
    expect((await api(`/${id}`, { method: 'DELETE', headers: auth })).status).toBe(200);
    expect(await stored(hash)).toBe(true);
    expect(await registry().expireUploads(Date.now() + UPLOAD_GRACE_MS + 1)).toEqual([hash]);
    expect(await stored(hash)).toBe(false);
  });
});

describe('the check before saving and the pictures’ alt text', () => {
  it('shows a picture with the alt text of its <img>, and no warning', async () => {
    const html = await (await editor(pictureQuiz('Karte &amp; Legende').xml, { check: '1' })).text();
    expect(html).toMatch(/<img src="\/media\/[0-9a-f]{64}" alt="Karte &amp; Legende"/);
    expect(visibleText(html)).not.toContain('No text for screen readers');
  });

  it('warns in the UI language under a picture the file gives no alt text', async () => {
    const { xml } = pictureQuiz('');
    const en = visibleText(await (await editor(xml, { check: '1' })).text());
    expect(en).toContain('No text for screen readers: the file gives this picture no alt text, so only its file name is read out.');
    const de = visibleText(await (await editor(xml, { check: '1' }, '/de/instructor/sets')).text());
    expect(de).toContain('Kein Text für Screenreader: Die Datei gibt diesem Bild keinen Alternativtext');
  });
});
