import { describe, expect, it } from 'vitest';
import { auth } from './instructor-helpers.ts';
import { session } from './signin-helpers.ts';
import { request, visibleText } from './helpers.ts';

// A GIFT file of descriptions only is a set to read (issue 18, item 5): it is created, published and shown to
// a learner, with its passages and without a score.
// Bilingual (Moodle's multilang spans): the API contract describes passages in both course languages.
const both = (de: string, en: string) =>
  `[html]<span lang="de" class="multilang">${de}</span><span lang="en" class="multilang">${en}</span>`;
const GIFT = [
  both('Die Vereinbarung soll die Versorgung mit seltenen Erden sichern.', 'The agreement is to secure the supply of rare earths.'),
  both('Seltene Erden sind siebzehn Metalle.', 'Rare earths are seventeen metals.'),
  '::Nur ein Name::',
].join('\n\n');

describe('a set of descriptions only', () => {
  it('is created with a warning for the name-only block, published, and read by a learner', async () => {
    const created = await request('/api/question-sets?format=gift&lang=de&title=Lesetext', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'text/plain' },
      body: GIFT,
    });
    const body = await created.clone().text();
    expect(created.status, body).toBe(201);
    expect(body).toContain('Nur ein Name');
    const { id } = JSON.parse(body) as { id: string };
    const published = await request(`/api/question-sets/${id}/publish`, { method: 'POST', headers: auth });
    expect(published.status, await published.clone().text()).toBe(200);
    for (const [ui, text] of [
      ['de', 'siebzehn Metalle'],
      ['en', 'seventeen metals'],
    ]) {
      const page = await request(`/${ui}/sets/${id}?ql=${ui}`);
      const html = await page.text();
      expect(page.status, html.slice(0, 2000)).toBe(200);
      expect(visibleText(html)).toContain(text);
    }
    // No form to hand in: a post of the results goes back to the page and stores nothing.
    const results = await request(`/de/sets/${id}/results`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'attempt=abcd1234&ql=de',
      redirect: 'manual',
    });
    expect([results.status, results.headers.get('location')]).toEqual([303, `/de/sets/${id}?ql=de`]);
    const copy = await request(`/api/quizzes/${id}`);
    expect(copy.status, await copy.clone().text()).toBe(200);
    expect(((await copy.json()) as { questions: unknown[] }).questions).toEqual([]);
    // Nothing to hand in through the API either: a 409 in JSON, and no 0-of-0 attempt is stored.
    const submit = await request(`/api/quizzes/${id}/attempts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ responses: {} }),
    });
    expect(submit.status).toBe(409);
    expect(((await submit.json()) as { error: { code: string } }).error.code).toBe('nothing_to_answer');
    expect(submit.headers.get('set-cookie') ?? '').not.toContain('learner=');
    // The instructor's pages for it work too: preview, editor, list and export.
    const { cookie } = await session();
    for (const path of [
      `/en/instructor/sets/${id}/preview`,
      `/en/instructor/sets/${id}/edit`,
      '/en/instructor',
      `/en/instructor/sets/${id}/export`,
    ])
      expect((await request(path, { headers: { cookie } })).status, path).toBe(200);
  });
});
