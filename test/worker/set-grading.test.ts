// Issue 18, item 2: a set says how typed answers are graded. A GIFT import asks (?grading=, Moodle's rule
// unless said), our JSON carries it, an edit keeps it, and a learner's answer is graded by it.
import { describe, expect, it } from 'vitest';
import { request } from './helpers.ts';
import { api, auth, json, validSet } from './instructor-helpers.ts';

const gift = { ...auth, 'content-type': 'text/plain' };
// GIFT imports allow no typo unless the file says so (Moodle has no such allowance); this one says so.
const GIFT = '// @typoTolerance true\n::Q1::Was wird 2025 unterzeichnet? {=Unterzeichnung}';

async function created(res: Response) {
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}
const gradingOf = async (id: string) =>
  ((await (await api(`/${id}`, { headers: auth })).json()) as { set: { grading?: string } }).set.grading;

/** Publishes the set and checks one typed answer to Q1 as a learner. */
async function checked(id: string, text: string) {
  expect((await api(`/${id}/publish`, { method: 'POST', headers: auth })).status).toBe(200);
  const copy = (await (await request(`/api/quizzes/${id}?lang=de`)).json()) as { seed: string };
  const res = await request(`/api/quizzes/${id}/check`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ questionId: 'Q1', response: { text }, seed: copy.seed, lang: 'de' }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as { score: number; items: Array<{ match: string; expected: string }> };
}

describe('a set’s grading rule through the instructor API and a learner’s check', () => {
  it('grades a typo 0 in a GIFT set imported with ?grading=moodle', async () => {
    const id = await created(await api('?format=gift&lang=de&grading=moodle', { method: 'POST', headers: gift, body: GIFT }));
    expect(await gradingOf(id)).toBe('moodle');
    const r = await checked(id, 'Unterzeichnumg');
    expect(r.score).toBe(0);
    expect(r.items[0]).toMatchObject({ match: 'none' });
  });

  it('grades the same typo as right, with a note, in a GIFT set imported with ?grading=german', async () => {
    const id = await created(await api('?format=gift&lang=de&grading=german', { method: 'POST', headers: gift, body: GIFT }));
    expect(await gradingOf(id)).toBe('german');
    const r = await checked(id, 'Unterzeichnumg');
    expect(r.score).toBe(1);
    expect(r.items[0]).toMatchObject({ match: 'typo', expected: 'Unterzeichnung' });
  });

  it('makes a new GIFT or Cloze set Moodle-graded unless asked, and keeps the rule through an edit without ?grading', async () => {
    const id = await created(await api('?format=gift&lang=de', { method: 'POST', headers: gift, body: GIFT }));
    expect(await gradingOf(id)).toBe('moodle');
    const german = await created(await api('?format=gift&lang=de&grading=german', { method: 'POST', headers: gift, body: GIFT }));
    expect((await api(`/${german}?format=gift&lang=de`, { method: 'PUT', headers: gift, body: GIFT })).status).toBe(200);
    expect(await gradingOf(german)).toBe('german');
    const cloze = await created(
      await api('?format=cloze&lang=de', { method: 'POST', headers: gift, body: 'Die {1:SA:=Vereinbarung} gilt.' }),
    );
    expect(await gradingOf(cloze)).toBe('moodle');
  });

  it('carries the rule in our JSON, leaves it out (German-aware) when JSON does not say, and refuses ?grading= with JSON', async () => {
    const id = await created(
      await api('', { method: 'POST', headers: { ...auth, ...json }, body: JSON.stringify({ ...validSet(), grading: 'moodle' }) }),
    );
    const exported = await (await api(`/${id}/export?format=json`, { headers: auth })).text();
    expect(JSON.parse(exported).grading).toBe('moodle');
    const plain = await created(await api('', { method: 'POST', headers: { ...auth, ...json }, body: JSON.stringify(validSet()) }));
    expect(await gradingOf(plain)).toBeUndefined();
    const both = await api('?grading=moodle', { method: 'POST', headers: { ...auth, ...json }, body: JSON.stringify(validSet()) });
    expect(both.status).toBe(400);
    expect(((await both.json()) as any).error.details).toEqual([{ path: 'grading', message: 'not for JSON' }]);
    const bad = await api('?format=gift&lang=de&grading=lenient', { method: 'POST', headers: gift, body: GIFT });
    expect(bad.status).toBe(400);
  });
});
