/// <reference types="vite/client" />
// The editor: an uploaded Moodle XML file is recognised by its content, checked before saving (per question its
// type or why it was skipped, what was left out, the media), and saved with its media.
import { describe, expect, it } from 'vitest';
import xml from '../fixtures/moodlexml/all-types.xml?raw';
import { request, visibleText } from './helpers.ts';
import { api, auth } from './instructor-helpers.ts';
import { session } from './signin-helpers.ts';

/** The editor form as a browser sends it: multipart, with the file uploaded. */
function upload(cookie: string, csrf: string, fields: Record<string, string>, path = '/en/instructor/sets') {
  const body = new FormData();
  body.set('csrf', csrf);
  body.set('format', 'auto');
  body.set('lang', 'de');
  body.set('text', '');
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  body.set('file', new File([xml], 'export.xml', { type: 'text/xml' }));
  return request(path, { method: 'POST', headers: { cookie, origin: 'http://127.0.0.1' }, body, redirect: 'manual' });
}

describe('the editor with a Moodle XML upload', () => {
  it('checks before saving: each question with its type or the reason it was skipped, the notes and the media, and saves nothing', async () => {
    const { cookie, csrf } = await session('192.0.2.31');
    const before = ((await (await api('', { headers: auth })).json()) as { sets: unknown[] }).sets.length;
    const res = await upload(cookie, csrf, { check: '1' });
    expect(res.status).toBe(200);
    const html = await res.text();
    const text = visibleText(html);
    expect(text).toContain('What will be imported');
    const row = (name: string, type: string, as: string) => `<th scope="row">${name}</th><td><code>${type}</code></td><td>${as}</td>`;
    expect(html).toContain(row('Who agreed?', 'multichoice', 'one answer'));
    expect(html).toContain(row('Select', 'gapselect', 'gaps'));
    expect(html).toContain(row('Intro', 'description', 'text to read'));
    expect(html).toContain(
      row('Calc', 'calculated', `skipped: Moodle's &quot;calculated&quot; questions have no counterpart here, so it was skipped.`),
    );
    expect(text).toContain('the file "evil.png" is an SVG picture');
    const img = /<img src="\/media\/([0-9a-f]{64})" alt="A map"/.exec(html);
    expect(img).not.toBeNull();
    expect(html).toMatch(
      /<audio controls="" preload="none" src="\/media\/[0-9a-f]{64}" aria-label="tone.wav"><\/audio>|<audio controls preload="none" src="\/media\/[0-9a-f]{64}" aria-label="tone.wav"><\/audio>/,
    );
    expect((await request(`/media/${img![1]}`)).headers.get('content-type')).toBe('image/png');
    expect(((await (await api('', { headers: auth })).json()) as { sets: unknown[] }).sets.length).toBe(before);
  });

  it('saves the recognised file with its media and the form’s mode, and the German editor says the same in German', async () => {
    const { cookie, csrf } = await session('192.0.2.32');
    const res = await upload(cookie, csrf, { mode: 'test', title: 'Aus Moodle' });
    expect(res.status, await res.clone().text()).toBe(303);
    const sets = ((await (await api('', { headers: auth })).json()) as { sets: Array<{ id: string; title: Record<string, string> }> }).sets;
    const id = sets.find((s) => s.title.de === 'Aus Moodle')!.id;
    const v = (await (await api(`/${id}`, { headers: auth })).json()) as { set: { mode: string; media: unknown[]; questions: unknown[] } };
    expect(v.set.mode).toBe('test');
    expect(v.set.media).toHaveLength(2);
    expect(v.set.questions).toHaveLength(13);
    const de = await upload(cookie, csrf, { check: '1' }, '/de/instructor/sets');
    expect(visibleText(await de.text())).toContain('Was importiert wird');
  });
});
