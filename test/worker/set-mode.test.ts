// A set's mode (issue 17, item 2's data): practice or test, carried by our JSON and taken from ?mode= for GIFT
// and Cloze, which have no place for it; practice unless said.
import { describe, expect, it } from 'vitest';
import { api, auth, json, validSet } from './instructor-helpers.ts';

const gift = { ...auth, 'content-type': 'text/plain' };
const GIFT = '::Q1::Japan ist Partner der USA. {T}';

async function created(res: Response) {
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}
const modeOf = async (id: string) => ((await (await api(`/${id}`, { headers: auth })).json()) as { set: { mode?: string } }).set.mode;

describe('a set’s mode through the instructor API', () => {
  it('round-trips "test" through a JSON import, the JSON export and its re-import', async () => {
    const id = await created(
      await api('', { method: 'POST', headers: { ...auth, ...json }, body: JSON.stringify({ ...validSet(), mode: 'test' }) }),
    );
    expect(await modeOf(id)).toBe('test');
    const exported = await (await api(`/${id}/export?format=json`, { headers: auth })).text();
    expect(JSON.parse(exported).mode).toBe('test');
    const again = await created(await api('', { method: 'POST', headers: { ...auth, ...json }, body: exported }));
    expect(await modeOf(again)).toBe('test');
  });

  it('is practice when a JSON set does not say, and the export says so', async () => {
    const id = await created(await api('', { method: 'POST', headers: { ...auth, ...json }, body: JSON.stringify(validSet()) }));
    expect(await modeOf(id)).toBe('practice');
    expect(JSON.parse(await (await api(`/${id}/export?format=json`, { headers: auth })).text()).mode).toBe('practice');
  });

  it('takes ?mode=test for GIFT and Cloze, keeps it through an edit without ?mode, and leaves it out of the GIFT export', async () => {
    const id = await created(await api('?format=gift&lang=de&mode=test', { method: 'POST', headers: gift, body: GIFT }));
    expect(await modeOf(id)).toBe('test');
    expect(await (await api(`/${id}/export?format=gift`, { headers: auth })).text()).not.toMatch(/mode|test/i);
    expect((await api(`/${id}?format=gift&lang=de`, { method: 'PUT', headers: gift, body: `${GIFT}\n\nZweite Frage {F}` })).status).toBe(
      200,
    );
    expect(await modeOf(id)).toBe('test');
    expect((await api(`/${id}?format=gift&lang=de&mode=practice`, { method: 'PUT', headers: gift, body: GIFT })).status).toBe(200);
    expect(await modeOf(id)).toBe('practice');

    const cloze = await created(
      await api('?format=cloze&lang=de&mode=test', { method: 'POST', headers: gift, body: 'Die {1:SA:=Vereinbarung} gilt.' }),
    );
    expect(await modeOf(cloze)).toBe('test');
    const plain = await created(await api('?format=gift&lang=de', { method: 'POST', headers: gift, body: GIFT }));
    expect(await modeOf(plain)).toBe('practice');
  });

  it('refuses an unknown mode, and ?mode= with JSON (which carries it in the body), with 400', async () => {
    const bad = await api('?format=gift&lang=de&mode=exam', { method: 'POST', headers: gift, body: GIFT });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).error.details[0].path).toBe('mode');
    const both = await api('?mode=test', { method: 'POST', headers: { ...auth, ...json }, body: JSON.stringify(validSet()) });
    expect(both.status).toBe(400);
    expect(((await both.json()) as any).error.details).toEqual([{ path: 'mode', message: 'not for JSON' }]);
    const body = await api('', { method: 'POST', headers: { ...auth, ...json }, body: JSON.stringify({ ...validSet(), mode: 'exam' }) });
    expect(body.status).toBe(422);
  });
});
