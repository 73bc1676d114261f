import { describe, expect, it } from 'vitest';
import { serializeSigned } from 'hono/utils/cookie';
import { request } from './helpers.ts';
import { api, auth, create, t, TOKEN, validSet } from './instructor-helpers.ts';

describe('instructor web area', () => {
  const signIn = (token: string, ip = '10.0.0.1') =>
    request('/en/instructor/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://127.0.0.1', 'cf-connecting-ip': ip },
      body: `token=${encodeURIComponent(token)}`,
      redirect: 'manual',
    });

  async function session() {
    const res = await signIn(TOKEN, '10.0.0.2');
    expect(res.status).toBe(303);
    const cookie = /instructor=[^;]+/.exec(res.headers.get('set-cookie')!)![0];
    expect(res.headers.get('set-cookie')).toMatch(/instructor=[^;]+;[^,]*HttpOnly/i);
    const html = await (await request('/en/instructor', { headers: { cookie } })).text();
    const csrf = /name="csrf" value="([0-9a-f]+)"/.exec(html)![1]!;
    return { cookie, csrf };
  }

  const form = (path: string, cookie: string, body: string, origin = 'http://127.0.0.1') =>
    request(path, {
      method: 'POST',
      headers: { cookie, origin, 'content-type': 'application/x-www-form-urlencoded' },
      body,
      redirect: 'manual',
    });

  it('signs in with the token and shows the list', async () => {
    const { cookie } = await session();
    const html = await (await request('/en/instructor', { headers: { cookie } })).text();
    expect(html).toContain('New question set');
  });

  it('refuses a forged or expired session on every page and form', async () => {
    const forged = 'instructor=9999999999.abc.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA%3D';
    const expired = (await serializeSigned('instructor', `${Math.floor(Date.now() / 1000) - 10}.abcdef`, TOKEN)).split(';')[0]!;
    for (const cookie of [forged, expired, '']) {
      for (const path of ['/en/instructor/sets/new', '/en/instructor/sets/s-abcdef/edit', '/en/instructor/sets/s-abcdef/preview']) {
        const res = await request(path, { headers: { cookie } });
        expect(res.status, `${path} ${cookie}`).toBe(401);
        expect(await res.text()).not.toContain('name="csrf"');
      }
      const list = await (await request('/en/instructor', { headers: { cookie } })).text();
      expect(list).not.toContain('New question set');
      expect((await form('/en/instructor/sets', cookie, 'format=json&text=%7B%7D')).status).toBe(401);
    }
  });

  it('refuses a form without the CSRF token, with a wrong one, or from another origin', async () => {
    const { cookie, csrf } = await session();
    const body = `format=json&text=${encodeURIComponent(JSON.stringify(validSet()))}`;
    expect((await form('/en/instructor/sets', cookie, body)).status).toBe(403);
    expect((await form('/en/instructor/sets', cookie, `${body}&csrf=${'0'.repeat(64)}`)).status).toBe(403);
    expect((await form('/en/instructor/sets', cookie, `${body}&csrf=${csrf}`, 'https://evil.example')).status).toBe(403);
    const ok = await form('/en/instructor/sets', cookie, `${body}&csrf=${csrf}`);
    expect(ok.status).toBe(303);
  });

  it('marks a GIFT set as a test from the editor, keeps the mode on the next edit, and offers the choice pre-selected', async () => {
    const { cookie, csrf } = await session();
    const gift = '::Q1:: Japan ist ein Partner der USA. {T}';
    const body = (mode: string) => `format=gift&lang=de&title=Klassenarbeit&mode=${mode}&text=${encodeURIComponent(gift)}&csrf=${csrf}`;
    expect((await form('/en/instructor/sets', cookie, body('test'))).status).toBe(303);
    const sets = ((await (await api('', { headers: auth })).json()) as any).sets as Array<{ id: string; title: Record<string, string> }>;
    const id = sets.find((x) => x.title.de === 'Klassenarbeit')!.id;
    expect(((await (await api(`/${id}`, { headers: auth })).json()) as any).set.mode).toBe('test');
    const editor = await (await request(`/en/instructor/sets/${id}/edit`, { headers: { cookie } })).text();
    expect(editor).toMatch(/<option value="test" selected[\s=>]/);
    expect((await form(`/en/instructor/sets/${id}`, cookie, body('practice'))).status).toBe(303);
    expect(((await (await api(`/${id}`, { headers: auth })).json()) as any).set.mode).toBe('practice');
  });

  it('deletes a set only after the confirmation form, and learners lose access to it', async () => {
    const { cookie, csrf } = await session();
    const { id } = await create();
    await api(`/${id}/publish`, { method: 'POST', headers: auth });
    const confirm = await request(`/en/instructor/sets/${id}/delete`, { headers: { cookie } });
    expect(await confirm.text()).toContain('Yes, delete the set');
    expect((await api(`/${id}`, { headers: auth })).status).toBe(200); // asking is not deleting
    expect((await form(`/en/instructor/sets/${id}/delete`, cookie, `csrf=${csrf}`)).status).toBe(303);
    expect((await api(`/${id}`, { headers: auth })).status).toBe(404);
    expect((await request(`/api/quizzes/${id}`)).status).toBe(404);
  });

  it('rate-limits failed sign-ins', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await signIn('wrong-token-wrong-token', '10.9.9.9')).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.at(-1)).toBe(429);
    // The limit is per client: another address may still sign in.
    expect((await signIn(TOKEN, '10.9.9.10')).status).toBe(303);
  });

  it('shows every problem of an invalid import next to the text, and saves nothing', async () => {
    const { cookie, csrf } = await session();
    const before = ((await (await api('', { headers: auth })).json()) as any).sets.length;
    const bad = JSON.stringify({ ...validSet(), questions: [{ id: 'q1', type: 'single', prompt: t('x', 'y'), choices: [] }] }, null, 2);
    const res = await form('/en/instructor/sets', cookie, `format=json&csrf=${csrf}&text=${encodeURIComponent(bad)}`);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('questions[0].choices');
    expect(html).toContain(bad.split('\n')[1]!.trim().replace(/"/g, '&quot;').slice(0, 10));
    expect(((await (await api('', { headers: auth })).json()) as any).sets.length).toBe(before);
  });
});
