import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { typedAnswer } from '../../core/quiz/kinds/typed-answer.ts';
import { capitalsSet } from '../fixtures/sets.ts';

import { request, visibleText } from './helpers.ts';
import { auth, createSet, editSet, postAccept, resultsPage, scoreOf, session } from './set-accept-helpers.ts';
import { setStore } from '../../worker/stores/index.ts';

type Stored = {
  version: number;
  set: { title: { de: string }; questions: Array<{ id: string; answers?: { de: Array<{ text: string }> } }> };
};
type Row = { id: string; latestVersion: number; publishedVersion: number | null };

const stored = async (id: string, version?: number): Promise<Stored> => {
  const store = setStore(env);
  return (await (version ? store.version(id, version) : store.latest(id))) as unknown as Stored;
};
const row = async (id: string) =>
  ((await (await request('/api/question-sets', { headers: auth })).json()) as { sets: Row[] }).sets.find((s) => s.id === id)!;
const deAnswers = (v: Stored) => v.set.questions.find((q) => q.id === 'cap')!.answers!.de.map((a) => a.text);
const titled = (de: string) => ({ ...capitalsSet, title: { de, en: de } });
/** Whether the grader reads Moodle's `\*` as the literal star (core/quiz/kinds/typed-answer.ts). */
const graderKnowsLiteralStar = typedAnswer('*', [{ text: '\\*', weight: 1 }], { caseSensitive: false, typoTolerance: false }).credit === 1;

describe('POST /{lang}/instructor/results/{setId}/accept', () => {
  it('takes "*" literally: after accepting it, an unrelated answer still scores 0', async () => {
    const id = await createSet(capitalsSet);
    expect(await scoreOf(id, 'cap', { text: '*' })).toBe(0);
    const cookie = await session();
    const page = await resultsPage(cookie, id);
    expect(page.expectedVersion).toBe('1'); // the form says which version the instructor looked at

    const res = await postAccept(cookie, id, { csrf: page.csrf, expectedVersion: '1', question: 'cap', value: '*' });
    expect(res.status).toBe(303);
    const notice = visibleText(await (await request(res.headers.get('location')!, { headers: { cookie } })).text());
    expect(notice).toContain('„*“ wird jetzt akzeptiert, und Version 2 ist für Lernende veröffentlicht.');

    expect(await scoreOf(id, 'cap', { text: 'Berlin' })).toBe(0);
    expect(await scoreOf(id, 'cap', { text: 'irgendetwas' })).toBe(0);
    expect(await scoreOf(id, 'cap', { text: 'Peking' })).toBe(1);
    // Stored as Moodle writes a literal star: GIFT's catch-all is never among the answers.
    expect(deAnswers(await stored(id))).toEqual(['Peking', '\\*']);
  });

  it.skipIf(!graderKnowsLiteralStar)('grades the accepted "*" itself as right', async () => {
    const id = await createSet(capitalsSet);
    const cookie = await session();
    const { csrf } = await resultsPage(cookie, id);
    expect((await postAccept(cookie, id, { csrf, expectedVersion: '1', question: 'cap', value: '*' })).status).toBe(303);
    expect(await scoreOf(id, 'cap', { text: '*' })).toBe(1);
    expect(await scoreOf(id, 'cap', { text: 'Berlin' })).toBe(0);
  });

  it('refuses an empty or blank answer with a 422 page in the UI language, storing nothing', async () => {
    const id = await createSet(capitalsSet);
    const cookie = await session();
    const { csrf } = await resultsPage(cookie, id);
    for (const [lang, value, title] of [
      ['de', '', 'Keine Antwort zum Akzeptieren'],
      ['de', ' \t\n ', 'Keine Antwort zum Akzeptieren'],
      ['en', '\u0000\u202e ', 'There is no answer to accept'],
    ] as const) {
      const res = await postAccept(cookie, id, { csrf, expectedVersion: '1', question: 'cap', value }, lang);
      expect(res.status, JSON.stringify(value)).toBe(422);
      const html = await res.text();
      expect(visibleText(html)).toContain(title);
      expect(html).toContain(`href="/${lang}/instructor/results/${id}?attempts=first"`);
    }
    expect(await row(id)).toMatchObject({ latestVersion: 1, publishedVersion: 1 });
  });

  it('answers 409 when the set changed after the instructor looked at it: the edit stays, nothing is published', async () => {
    const id = await createSet(capitalsSet);
    const cookie = await session();
    const { csrf, expectedVersion } = await resultsPage(cookie, id);
    expect(await editSet(id, titled('Hauptstädte, bearbeitet'))).toBe(2); // saved in the editor meanwhile

    const res = await postAccept(cookie, id, { csrf, expectedVersion: expectedVersion ?? '1', question: 'cap', value: 'Beijing' });
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(visibleText(html)).toContain('Das Set wurde inzwischen geändert');
    expect(visibleText(html)).toContain('wurde Version 2 dieses Sets gespeichert (Sie sahen Version 1)');
    expect(html).toContain(`href="/de/instructor/results/${id}?attempts=first"`);

    expect(await row(id)).toMatchObject({ latestVersion: 2, publishedVersion: 1 });
    const latest = await stored(id);
    expect(latest.set.title.de).toBe('Hauptstädte, bearbeitet');
    expect(deAnswers(latest)).toEqual(['Peking']);
    expect(await scoreOf(id, 'cap', { text: 'Beijing' })).toBe(0);
  });

  it('loses no edit and publishes nothing by mistake when accepts and edits arrive at the same moment', async () => {
    const id = await createSet(capitalsSet);
    const cookie = await session();
    const { csrf } = await resultsPage(cookie, id);
    const outcomes: number[] = [];
    for (let i = 0; i < 8; i++) {
      const { latestVersion: n } = await row(id);
      expect((await request(`/api/question-sets/${id}/publish`, { method: 'POST', headers: auth })).status).toBe(200);
      const [accept] = await Promise.all([
        postAccept(cookie, id, { csrf, expectedVersion: String(n), question: 'cap', value: `Antwort ${i}` }),
        editSet(id, titled(`Runde ${i}`)),
      ]);
      outcomes.push(accept.status);
      const after = await row(id);
      // Whatever came first, the edit is the latest version, and only a version the accept made is live.
      expect((await stored(id)).set.title.de, `round ${i}`).toBe(`Runde ${i}`);
      if (accept.status === 409) {
        expect(after, `round ${i}`).toMatchObject({ latestVersion: n + 1, publishedVersion: n });
      } else {
        expect(accept.status, `round ${i}`).toBe(303);
        expect(after, `round ${i}`).toMatchObject({ latestVersion: n + 2, publishedVersion: n + 1 });
        expect(deAnswers(await stored(id, n + 1))).toContain(`Antwort ${i}`);
      }
    }
    expect(outcomes).toHaveLength(8);
  });
});
