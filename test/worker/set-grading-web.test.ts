// Issue 18, item 2 in the instructor's pages: the editor asks how a GIFT set's typed answers are graded
// (Moodle's rule for a new set), keeps the choice on edit, and the preview shows it.
import { describe, expect, it } from 'vitest';
import { request } from './helpers.ts';
import { api, auth, TOKEN } from './instructor-helpers.ts';

const origin = 'http://127.0.0.1';
const GIFT = '::Q1::Was wird unterzeichnet? {=Unterzeichnung}';

async function session() {
  const res = await request('/en/instructor/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin, 'cf-connecting-ip': '10.0.0.7' },
    body: `token=${encodeURIComponent(TOKEN)}`,
    redirect: 'manual',
  });
  const cookie = /instructor=[^;]+/.exec(res.headers.get('set-cookie')!)![0];
  const html = await (await request('/en/instructor', { headers: { cookie } })).text();
  return { cookie, csrf: /name="csrf" value="([0-9a-f]+)"/.exec(html)![1]! };
}

const post = (path: string, cookie: string, fields: Record<string, string>) =>
  request(path, {
    method: 'POST',
    headers: { cookie, origin, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });

/** The ids of every set, to find the one a form just made. */
const setIds = async () => ((await (await api('', { headers: auth })).json()) as { sets: Array<{ id: string }> }).sets.map((s) => s.id);

describe('the grading choice in the instructor’s editor and preview', () => {
  it('offers Moodle’s rule first for a new set, stores the choice, shows it in the editor and the preview', async () => {
    const { cookie, csrf } = await session();
    const blank = await (await request('/en/instructor/sets/new', { headers: { cookie } })).text();
    expect(blank).toMatch(/<option value="moodle" selected/);
    expect(blank).toContain('German-aware');

    const before = new Set(await setIds());
    const saved = await post('/en/instructor/sets', cookie, {
      csrf,
      format: 'gift',
      lang: 'de',
      title: 'Lesen',
      text: GIFT,
      mode: 'practice',
      grading: 'german',
    });
    expect(saved.status, await saved.clone().text()).toBe(303);
    const id = (await setIds()).find((x) => !before.has(x))!;
    const stored = (await (await api(`/${id}`, { headers: auth })).json()) as { set: { grading?: string } };
    expect(stored.set.grading).toBe('german');

    const edit = await (await request(`/en/instructor/sets/${id}/edit`, { headers: { cookie } })).text();
    expect(edit).toMatch(/<option value="german" selected/);
    expect(edit).not.toMatch(/<option value="moodle" selected/);
    const preview = await (await request(`/en/instructor/sets/${id}/preview`, { headers: { cookie } })).text();
    expect(preview).toMatch(/id="set-grading">Typed answers: German-aware/);

    expect(
      (
        await post(`/en/instructor/sets/${id}`, cookie, {
          csrf,
          format: 'gift',
          lang: 'de',
          title: 'Lesen',
          text: GIFT,
          mode: 'practice',
          grading: 'moodle',
        })
      ).status,
    ).toBe(303);
    const again = await (await request(`/en/instructor/sets/${id}/preview`, { headers: { cookie } })).text();
    expect(again).toMatch(/id="set-grading">Typed answers: As Moodle grades them/);
  });
});
