// Limits on stored text (issue 17, item 6) through the instructor API: GIFT, Cloze and JSON imports beyond a
// limit are a 422 that names the limit and the place, never a 500; sets at the limits, and sets stored before
// the limits existed, render for learners.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../core/sets/limits.ts';

import { request } from './helpers.ts';
import { api, auth, json, t, validSet } from './instructor-helpers.ts';
import { setStore } from '../../worker/stores/index.ts';

type Problem = { path?: string; line?: number; column?: number; message: string };
const nested = (n: number, tag = 'b') => `${`<${tag}>`.repeat(n)}tief${`</${tag}>`.repeat(n)}`;

/** Posts a set in one format; answers the status and the error details (or the created set's id). */
async function importSet(body: string, format: 'gift' | 'cloze' | 'json') {
  const path = format === 'json' ? '' : `?format=${format}&lang=de&title=Grenzen`;
  const type = format === 'json' ? json : { 'content-type': 'text/plain' };
  const res = await api(path, { method: 'POST', headers: { ...auth, ...type }, body });
  const out = (await res.json()) as { id?: string; error?: { code: string; details: Problem[] } };
  return { status: res.status, id: out.id, code: out.error?.code, details: out.error?.details ?? [] };
}

/** Publishes a set and answers the status of every learner page of it (each question, and the API copy). */
async function learnerStatuses(id: string, questions: number) {
  expect((await api(`/${id}/publish`, { method: 'POST', headers: auth })).status).toBe(200);
  const statuses = [(await request(`/api/quizzes/${id}?lang=de`)).status];
  for (let n = 1; n <= questions; n++) statuses.push((await request(`/de/sets/${id}?attempt=abcd1234&ql=de&n=${n}`)).status);
  return statuses;
}

describe('POST /api/question-sets beyond a limit', () => {
  it('answers 2,600 nested <b> in a GIFT [html] text with 422, the limit and its line and column', async () => {
    const r = await importSet(`// Tiefe\n::Tief::[html]Welches Land? ${nested(2600)}{=China ~Japan}`, 'gift');
    expect(r.status).toBe(422);
    expect(r.details).toEqual([
      {
        line: 2,
        column: 29 + 3 * LIMITS.markupDepth,
        message: 'this text nests markup more than 1,000 elements deep; the limit is 32: write the markup flatter.',
      },
    ]);
  });

  it('answers a Cloze text nested too deep, and one too long, with 422 at their lines and columns', async () => {
    const deep = await importSet(`::L::\n[html]Der ${nested(100, 'em')} Text {1:SA:=Lücke}`, 'cloze');
    expect(deep.status).toBe(422);
    expect(deep.details).toEqual([
      { line: 2, column: 11 + 4 * 32, message: expect.stringContaining('100 elements deep; the limit is 32') },
    ]);
    const long = await importSet(`// Lang\n${'Wort '.repeat(10_001)}{1:SA:=Lücke}`, 'cloze');
    expect(long.status).toBe(422);
    expect(long.details).toEqual([{ line: 2, column: 1, message: 'this text (in "de") is 50,011 characters long; the limit is 50,000.' }]);
  });

  it('answers a GIFT choice beyond 2,000 characters with 422 at its line and column', async () => {
    const r = await importSet(`Frage {\n=China\n~${'x'.repeat(2001)}\n}`, 'gift');
    expect(r.status).toBe(422);
    expect(r.details).toEqual([{ line: 3, column: 2, message: 'this text (in "de") is 2,001 characters long; the limit is 2,000.' }]);
  });

  it('answers JSON with markup nested thousands deep, a 200 KB title or too many pairs with 422 at their paths', async () => {
    const set: any = validSet();
    set.title = t('x'.repeat(200_000), 'Titel');
    set.questions[0].prompt.de = nested(5000, 'em');
    set.questions.push({
      id: 'm',
      type: 'match',
      prompt: t('Zuordnen', 'Match'),
      pairs: Array.from({ length: 101 }, (_, i) => ({ left: t(`l${i}`, `l${i}`), right: t(`r${i}`, `r${i}`) })),
    });
    const r = await importSet(JSON.stringify(set), 'json');
    expect(r.status).toBe(422);
    expect(r.details).toEqual([
      { path: 'title.de', message: 'is 200,000 characters long; the limit is 200' },
      { path: 'questions[0].prompt.de', message: 'nests markup 5,000 elements deep; the limit is 32' },
      { path: 'questions[2].pairs', message: 'has 101 pairs; the limit is 100' },
    ]);
  });
});

describe('sets that real instructors write, and sets at the limits, on learner pages', () => {
  it('imports a GIFT file with a 20,000-character passage and a matching question of 50 pairs', async () => {
    const passage = 'Die Vereinbarung stärkt die Versorgungssicherheit der Partner. '.repeat(320).trim();
    expect(passage.length).toBeGreaterThan(20_000);
    const pairs = Array.from({ length: 50 }, (_, i) => `=Wort ${i} -> word ${i}`).join('\n');
    const r = await importSet(`${passage}\n\nOrdnen Sie zu. {\n${pairs}\n}\n\nStimmt das? {T}`, 'gift');
    expect(r.status, JSON.stringify(r.details)).toBe(201);
    expect(await learnerStatuses(r.id!, 2)).toEqual([200, 200, 200]);
  });

  it('renders a JSON set with every text at its length and nesting limit', async () => {
    const deep = (tag: string) => `${`<${tag}>`.repeat(LIMITS.markupDepth)}x${`</${tag}>`.repeat(LIMITS.markupDepth)}`;
    const filled = (n: number, tag = 'em') => deep(tag) + 'y'.repeat(n - deep(tag).length);
    const both = (s: string) => t(s, s);
    const set = {
      title: both('T'.repeat(LIMITS.titleChars)),
      languages: ['de', 'en'],
      passages: [{ before: 'q1', text: t(filled(LIMITS.longTextChars, 'ul'), 'kurz') }],
      questions: [
        {
          id: 'q1',
          type: 'single',
          prompt: t(filled(LIMITS.longTextChars), 'p'),
          explanation: both(filled(LIMITS.textChars, 'strong')),
          choices: Array.from({ length: LIMITS.choices }, (_, i) => ({ id: `c${i}`, text: both(`${deep('u')}${i}`), correct: i === 0 })),
        },
        {
          id: 'q2',
          type: 'match',
          prompt: both(deep('sup')),
          pairs: Array.from({ length: LIMITS.pairs }, (_, i) => ({ left: both(`${deep('sub')}${i}`), right: both(`r${i}`) })),
        },
        {
          id: 'q3',
          type: 'order',
          prompt: both('Ordnen'),
          items: Array.from({ length: LIMITS.items }, (_, i) => both(`${deep('em')}${i}`)),
        },
      ],
    };
    const body = JSON.stringify(set);
    expect(body.length).toBeLessThan(LIMITS.bodyBytes);
    const r = await importSet(body, 'json');
    expect(r.status, JSON.stringify(r.details.slice(0, 3))).toBe(201);
    expect(await learnerStatuses(r.id!, 3)).toEqual([200, 200, 200, 200]);
  });

  it('renders a set stored before the limits existed, its markup nested thousands deep, without a 500', async () => {
    const old: any = validSet('Alt');
    old.questions[0].prompt.de = `Wer? ${nested(3000, 'em')}`;
    old.questions[0].choices[1].feedback = t(nested(3000, 'strong'), 'No.');
    // Straight into the store, as an older version of the app stored it (no schema on the way).
    const v = await setStore(env).create(old, { format: 'json', text: JSON.stringify(old) });
    const statuses = await learnerStatuses(v.id, 2);
    expect(statuses).toEqual([200, 200, 200]);
    const page = await (await request(`/de/sets/${v.id}?attempt=abcd1234&ql=de&n=1`)).text();
    expect(page).toContain(`${'<em>'.repeat(LIMITS.markupDepth)}tief`);
    expect(page).not.toContain('<em>'.repeat(LIMITS.markupDepth + 1));
  });
});
