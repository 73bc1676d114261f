import { describe, expect, it } from 'vitest';
import { request, visibleText } from './helpers.ts';
import { fetchCounting } from './kv-counter.ts';
import { capitalsSet, TEST_TOKEN as TOKEN } from '../fixtures/sets.ts';

const auth = { authorization: `Bearer ${TOKEN}` };
const json = { 'content-type': 'application/json' };

const set = capitalsSet;

async function session() {
  const res = await request('/en/instructor/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://127.0.0.1', 'cf-connecting-ip': '10.7.0.1' },
    body: `token=${TOKEN}`,
    redirect: 'manual',
  });
  expect(res.status).toBe(303);
  return /instructor=[^;]+/.exec(res.headers.get('set-cookie')!)![0];
}

async function publishedSet() {
  const res = await request('/api/question-sets', { method: 'POST', headers: { ...auth, ...json }, body: JSON.stringify(set) });
  const { id } = (await res.json()) as { id: string };
  await request(`/api/question-sets/${id}/publish`, { method: 'POST', headers: auth });
  return id;
}

// Public ids are per seed: a submit names the seed of the copy its choice ids came from.
const SEED = 'results1';
const submit = async (id: string, responses: unknown) => {
  const res = await request(`/api/quizzes/${id}/attempts`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ responses, lang: 'de', seed: SEED }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { results: Array<{ questionId: string; score: number }> };
};

describe('/{lang}/instructor/results/{quizId}', () => {
  it('shows figures, flags, the chart and its table, and accepts a typed answer into a new published version', async () => {
    const id = await publishedSet();
    const copy = (await (await request(`/api/quizzes/${id}?lang=de&seed=${SEED}`)).json()) as any;
    const china = copy.questions[1].choices.find((c: any) => c.text === 'China').id;
    for (const text of ['Peking', 'Beijing', 'Beijing', 'Peking']) await submit(id, { cap: { text }, who: { choice: china } });

    const cookie = await session();
    const page = await request(`/de/instructor/results/${id}`, { headers: { cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    const text = visibleText(html);
    expect(text).toContain('Aufgabenanalyse: Hauptstädte');
    expect(text).toContain('Niemand hat „Island“ gewählt.'); // the distractor nobody chose
    expect(text).toContain('Sehr leicht'); // everyone chose China
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="chart-title chart-desc"/);
    expect(html).toContain(`href="/de/instructor/results/${id}.csv?table=scores&amp;attempts=first"`);
    expect(html).toMatch(/<table[^>]*item-table/);

    // The CSV download works with the session (no Bearer token in a browser).
    const csv = await request(`/de/instructor/results/${id}.csv?table=scores&attempts=all`, { headers: { cookie } });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect((await csv.text()).trim().split('\r\n')).toHaveLength(5);

    // Accept "Beijing" (typed in German, scored 0) with full credit.
    const csrf = /name="csrf" value="([0-9a-f]+)"/.exec(html)![1]!;
    const expectedVersion = /name="expectedVersion" value="(\d+)"/.exec(html)![1];
    expect(expectedVersion).toBe('1');
    const form = `csrf=${csrf}&attempts=first&expectedVersion=${expectedVersion}&question=cap&value=Beijing&lang=de&credit=1`;
    const accepted = await request(`/de/instructor/results/${id}/accept`, {
      method: 'POST',
      headers: { cookie, origin: 'http://127.0.0.1', 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
      redirect: 'manual',
    });
    expect(accepted.status).toBe(303);
    const location = accepted.headers.get('location')!;
    const after = visibleText(await (await request(location, { headers: { cookie } })).text());
    expect(after).toContain('„Beijing“ wird jetzt akzeptiert, und Version 2 ist für Lernende veröffentlicht.');

    const graded = await submit(id, { cap: { text: 'Beijing' } });
    expect(graded.results.find((r) => r.questionId === 'cap')!.score).toBe(1);
  });

  it('refuses a forged accept (no CSRF token) and offers no accept form for built-in quizzes', async () => {
    const id = await publishedSet();
    const cookie = await session();
    const res = await request(`/en/instructor/results/${id}/accept`, {
      method: 'POST',
      headers: { cookie, origin: 'http://127.0.0.1', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'question=cap&value=x&lang=de&credit=1',
      redirect: 'manual',
    });
    expect(res.status).toBe(403);
    const lesson = await request('/en/instructor/results/china', { headers: { cookie } });
    expect(lesson.status).toBe(200);
    const html = await lesson.text();
    expect(html).not.toContain('/accept"');
    expect(visibleText(html)).toContain('Built-in questions cannot be changed here');
    const built = await request('/en/instructor/results/china/accept', {
      method: 'POST',
      headers: { cookie, origin: 'http://127.0.0.1', 'content-type': 'application/x-www-form-urlencoded' },
      body: `csrf=${/name="csrf" value="([0-9a-f]+)"/.exec(html)![1]}&question=x&value=y&lang=de&credit=1`,
    });
    expect(built.status).toBe(404);
    expect((await request('/en/instructor/results/final', { headers: { cookie } })).status).toBe(200);
  });

  it('asks to sign in without a session, and links every quiz from the dashboard', async () => {
    const res = await request('/en/instructor/results/china');
    expect(res.status).toBe(401);
    expect(await res.text()).not.toContain('item-table');
    const cookie = await session();
    const dash = await (await request('/en/instructor', { headers: { cookie } })).text();
    for (const quiz of ['china', 'final']) expect(dash).toContain(`href="/en/instructor/results/${quiz}"`);
  });

  it('lists sets with attempt counts and no KV list() of learner keys', async () => {
    const cookie = await session();
    const { res, ops } = await fetchCounting('/en/instructor', { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(ops.filter((op) => op.startsWith('PROGRESS.'))).toEqual([]);
  });

  it('shows instructor markup as words in the tables, the chart notes, the JSON and the CSV, never as tags', async () => {
    const gift = '::Q1:: [html]Welches Land ist der <b>größte</b> Exporteur? {=China ~Japan}';
    const res = await request('/api/question-sets?format=gift&lang=de&title=Markup', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'text/plain' },
      body: gift,
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const { id } = (await res.json()) as { id: string };
    await request(`/api/question-sets/${id}/publish`, { method: 'POST', headers: auth });
    const copy = (await (await request(`/api/quizzes/${id}?lang=de&seed=${SEED}`)).json()) as any;
    await submit(id, { [copy.questions[0].id]: { choice: copy.questions[0].choices[0].id } });
    const report = (await (await request(`/api/results/${id}`, { headers: auth })).json()) as any;
    expect(report.questions[0].prompt).toBe('Welches Land ist der größte Exporteur?');
    const csv = await (await request(`/api/results/${id}.csv?table=questions`, { headers: auth })).text();
    expect(csv).toContain('Welches Land ist der größte Exporteur?');
    const cookie = await session();
    const page = await (await request(`/de/instructor/results/${id}`, { headers: { cookie } })).text();
    expect(page).not.toMatch(/&lt;\/?(strong|b)&gt;/);
    expect(page).toContain('der größte Exporteur');
  });
});
