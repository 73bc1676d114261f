import { describe, expect, it } from 'vitest';
import bundle from '../../build/content.json';
import { keyedResponse } from '../../core/quiz/grade.ts';
import { AUTHORING_IDS } from '../../core/quiz/public-ids.ts';
import type { Question } from '../../core/quiz/schema.ts';
import { contentCard } from '../../worker/services/review-cards.ts';
import { request, visibleText } from './helpers.ts';
import { fetchCounting } from './kv-counter.ts';
import { cardAnswer, keyedFor } from './public-ids-helpers.ts';

const content = (bundle as any).content;
const questions = content.questions as Record<string, Question[]>;
const json = { 'content-type': 'application/json' };
const cookieOf = (res: Response) => /learner=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
const as = (cookie: string, extra: Record<string, string> = {}) => ({ ...extra, cookie: `learner=${cookie}` });

async function addLesson(lesson: string, cookie?: string) {
  const res = await request('/api/review/cards', {
    method: 'POST',
    headers: cookie ? as(cookie, json) : json,
    body: JSON.stringify({ lesson }),
  });
  return { res, body: (await res.json()) as any, cookie: cookie ?? cookieOf(res)! };
}
const getReview = async (cookie: string, lang = 'en') =>
  (await (await request(`/api/review?lang=${lang}`, { headers: as(cookie) })).json()) as any;
const exportOf = async (cookie: string) => (await (await request('/api/progress/export', { headers: as(cookie) })).json()) as any;

/**
 * A right and a wrong response to a card in the ids of its current showing (the test knows the key from the
 * server's question; the learner does not), and the right one in authoring keys, as the export keeps it.
 */
async function responses(cookie: string, cardId: string) {
  const q = contentCard(cardId)!.question;
  const [right, wrong] = await Promise.all([cardAnswer(cookie, q, cardId, true), cardAnswer(cookie, q, cardId, false)]);
  return { right, wrong, rightInKeys: keyedResponse(q, 'en', AUTHORING_IDS) };
}
const answer = (cookie: string, cardId: string, body: unknown) =>
  request(`/api/review/${cardId}/answer`, { method: 'POST', headers: as(cookie, json), body: JSON.stringify(body) });

/** Every property name anywhere in a payload: a key of a question must never be among them. */
function propertyNames(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => propertyNames(v, out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      propertyNames(v, out);
    }
  return out;
}
const KEY_FIELDS = [
  'correct',
  'weight',
  'answers',
  'answer',
  'solution',
  'solutionText',
  'feedback',
  'explanation',
  'credit',
  'accepted',
  'tolerance',
  'min',
  'max',
  'state',
];

describe('POST /api/review/cards', () => {
  it("adds a lesson's words (creating the learner), counts only new cards, and answers bad input with the error shape, storing nothing", async () => {
    const { res, body, cookie } = await addLesson('alliance');
    expect(res.status).toBe(201);
    expect(body.added).toBeGreaterThan(10);
    expect((await addLesson('alliance', cookie)).body).toEqual({ added: 0 });
    const entry = await request('/api/review/cards', {
      method: 'POST',
      headers: as(cookie, json),
      body: JSON.stringify({ glossary: 'vorsehen' }),
    });
    expect(await entry.json()).toEqual({ added: 3 }); // recognition, production and a gap for a separable verb

    const before = (await exportOf(cookie)).review.events.length;
    for (const [payload, status] of [
      [{ lesson: 'atlantis' }, 404],
      [{ glossary: 'nope' }, 404],
      [{ lesson: 'alliance', glossary: 'x' }, 422],
      [{}, 422],
      ['[', 400],
    ] as const) {
      const r = await request('/api/review/cards', {
        method: 'POST',
        headers: as(cookie, json),
        body: typeof payload === 'string' ? payload : JSON.stringify(payload),
      });
      expect(r.status, JSON.stringify(payload)).toBe(status);
      expect(((await r.json()) as any).error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    }
    expect((await exportOf(cookie)).review.events.length).toBe(before);
  });
});

describe('GET /api/review', () => {
  it('gives new cards up to the daily limit of 10, as learner copies that carry no key', async () => {
    const { cookie } = await addLesson('china');
    const review = await getReview(cookie);
    expect(review).toMatchObject({ due: 0, new: 10, next: null });
    expect(review.cards).toHaveLength(10);
    for (const card of review.cards)
      expect(card).toMatchObject({ id: expect.any(String), kind: expect.any(String), prompt: expect.any(String) });
    const names = propertyNames(review);
    for (const k of KEY_FIELDS) expect(names.has(k), k).toBe(false);
    expect(JSON.stringify(review)).not.toMatch(/"(der|die|das) [A-ZÄÖÜ]/); // no production answer in any copy
  });

  it('costs no KV operation without a learner, and at most two with one', async () => {
    expect((await fetchCounting('/api/review?lang=de')).ops).toEqual([]);
    const { cookie } = await addLesson('balance');
    const { res, ops } = await fetchCounting('/api/review?lang=de', { headers: as(cookie) });
    expect(res.status).toBe(200);
    expect(ops.length).toBeLessThanOrEqual(2);
    expect(ops.every((o) => o === 'PROGRESS.list')).toBe(true);
    const page = await fetchCounting('/en/review', { headers: as(cookie) });
    expect(page.res.status).toBe(200);
    expect(page.ops.length).toBeLessThanOrEqual(2);
  });

  it('refuses an unknown language with the error shape', async () => {
    const res = await request('/api/review?lang=fr');
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.code).toBe('invalid_request');
  });
});

describe('POST /api/review/:cardId/answer', () => {
  it('moves due: a right answer later, a wrong one within minutes, and the wrong card comes back in the same session', async () => {
    const { cookie } = await addLesson('cooperation');
    const [first, second] = (await getReview(cookie)).cards as Array<{ id: string }>;
    const t0 = Date.now();
    const right = (await (await answer(cookie, first!.id, { response: (await responses(cookie, first!.id)).right })).json()) as any;
    expect(right).toMatchObject({ correct: true, score: 1, rating: 'good' });
    expect(Date.parse(right.due) - t0).toBeGreaterThanOrEqual(86_400_000); // graduates: days, not minutes
    expect(right.sources.length).toBeGreaterThan(0);
    expect(right.sources[0].text).toMatchObject({ de: expect.any(String), en: expect.any(String) });

    const wrong = (await (
      await answer(cookie, second!.id, { response: (await responses(cookie, second!.id)).wrong, easy: true })
    ).json()) as any;
    expect(wrong).toMatchObject({ correct: false, rating: 'again' });
    expect(Date.parse(wrong.due) - t0).toBeLessThanOrEqual(10 * 60_000 + 5000);
    expect(Date.parse(wrong.due)).toBeLessThan(Date.parse(right.due));

    const after = await getReview(cookie);
    const ids = after.cards.map((c: any) => c.id);
    expect(ids).toContain(second!.id); // learn-ahead: back in this session
    expect(ids.indexOf(second!.id)).toBe(ids.length - 1); // after the new ones
    expect(ids).not.toContain(first!.id);
  });

  it('rates a right answer "too easy" as easy, due later than good', async () => {
    const { cookie } = await addLesson('outlook');
    const [a, b] = (await getReview(cookie)).cards as Array<{ id: string }>;
    const good = (await (await answer(cookie, a!.id, { response: (await responses(cookie, a!.id)).right })).json()) as any;
    const easy = (await (await answer(cookie, b!.id, { response: (await responses(cookie, b!.id)).right, easy: true })).json()) as any;
    expect(easy.rating).toBe('easy');
    expect(Date.parse(easy.due)).toBeGreaterThan(Date.parse(good.due));
  });

  it('answers an unknown card 404 and a bad response 422, storing nothing', async () => {
    const { cookie } = await addLesson('sustainability');
    const [card] = (await getReview(cookie)).cards as Array<{ id: string }>;
    const before = (await exportOf(cookie)).review.events.length;
    for (const [id, body, status] of [
      ['w.nope.r', { response: { choice: 'a' } }, 404],
      ['q.alliance-q99', { response: { text: 'x' } }, 404],
      ['not a card', { response: {} }, 404],
      ['w.einlaeuten.p', { response: { text: 'einläuten' } }, 404], // a real card, not in this deck
      [card!.id, { response: { nonsense: 1 } }, 422],
      [card!.id, {}, 422],
      [card!.id, { response: (await responses(cookie, card!.id)).right, easy: 'yes' }, 422],
    ] as const) {
      const res = await answer(cookie, encodeURIComponent(id), body);
      expect(res.status, `${id} ${JSON.stringify(body)}`).toBe(status);
      expect(((await res.json()) as any).error.code).toEqual(expect.any(String));
    }
    expect((await exportOf(cookie)).review.events.length).toBe(before);
  });

  it('stores one put per review (and reads with two lists)', async () => {
    const { cookie } = await addLesson('alliance');
    const [card] = (await getReview(cookie)).cards as Array<{ id: string }>;
    const { res, ops } = await fetchCounting(`/api/review/${card!.id}/answer`, {
      method: 'POST',
      headers: as(cookie, json),
      body: JSON.stringify({ response: (await responses(cookie, card!.id)).right }),
    });
    expect(res.status).toBe(200);
    expect(ops.filter((o) => o === 'PROGRESS.put')).toHaveLength(1);
    expect(ops.filter((o) => !['PROGRESS.put', 'PROGRESS.list'].includes(o))).toEqual([]);
    expect(ops.length).toBeLessThanOrEqual(3);
  });

  it('loses no review when two tabs answer at once, to different cards and to the same card', async () => {
    const { cookie } = await addLesson('china');
    const [a, b, c] = (await getReview(cookie)).cards as Array<{ id: string }>;
    const [ra, rb, rc] = await Promise.all([a, b, c].map((x) => responses(cookie, x!.id)));
    const results = await Promise.all([
      answer(cookie, a!.id, { response: ra!.right }),
      answer(cookie, b!.id, { response: rb!.right }),
      answer(cookie, c!.id, { response: rc!.right }),
      answer(cookie, c!.id, { response: rc!.wrong }),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const exported = await exportOf(cookie);
    const reviews = exported.review.events.filter((e: any) => e.type === 'review');
    expect(reviews).toHaveLength(4);
    expect(reviews.filter((e: any) => e.cardId === c!.id)).toHaveLength(2);
    // The schedule reflects both answers to the same card: two repetitions, not one.
    expect(exported.review.cards.find((x: any) => x.id === c!.id).state.reps).toBe(2);
  });
});

describe('missed questions, export and delete', () => {
  it('makes a question missed in a quiz a card, unless the learner turned that off', async () => {
    const [q1, q2] = questions.alliance!;
    // An unanswered question scores 0: it is missed, with no need to know its key.
    const submit = await request('/api/quizzes/alliance/attempts', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ responses: { [q1!.id]: await keyedFor('alliance', 'practice', q1!, 'de') }, lang: 'de' }),
    });
    expect(submit.status).toBe(201);
    const cookie = cookieOf(submit)!;
    const ids = (await getReview(cookie, 'de')).cards.map((c: any) => c.id);
    expect(ids).toContain(`q.${q2!.id}`);
    expect(ids).not.toContain(`q.${q1!.id}`);
    const card = (await getReview(cookie, 'de')).cards.find((c: any) => c.id === `q.${q2!.id}`);
    for (const k of KEY_FIELDS) expect(propertyNames(card).has(k), k).toBe(false);

    const off = await request('/en/review/settings', {
      method: 'POST',
      headers: as(cookie, { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://127.0.0.1' }),
      body: 'newPerDay=10&dailyGoal=20',
      redirect: 'manual',
    });
    expect(off.status).toBe(303);
    expect((await getReview(cookie, 'de')).cards.map((c: any) => c.id)).not.toContain(`q.${q2!.id}`);
  });

  it('exports cards and reviews apart from attempts, and delete erases them all', async () => {
    const { cookie } = await addLesson('balance');
    const [card] = (await getReview(cookie)).cards as Array<{ id: string }>;
    const r = await responses(cookie, card!.id);
    await answer(cookie, card!.id, { response: r.right });
    const exported = await exportOf(cookie);
    expect(exported.attempts).toEqual([]); // the review log never shows up among attempts
    expect(exported.review.events.map((e: any) => e.type)).toEqual(['add', 'review']);
    expect(exported.review.events[1]).toMatchObject({ cardId: card!.id, response: r.rightInKeys, score: 1 });
    expect(exported.review.cards.length).toBeGreaterThan(5);
    expect((await request('/api/progress', { headers: as(cookie) }).then((r) => r.json())) as any).toMatchObject({ summary: { total: 0 } });

    const del = (await (await request('/api/progress', { method: 'DELETE', headers: as(cookie) })).json()) as any;
    expect(del.deleted).toBe(2);
    const after = await exportOf(cookie);
    expect(after.review).toMatchObject({ cards: [], events: [] });
  });
});

describe('/{lang}/review without JavaScript', () => {
  it('shows one card as a plain form, grades the post, and shows the solution, the sentence and when it is due again', async () => {
    const { cookie } = await addLesson('alliance');
    const page = await request('/en/review', { headers: as(cookie) });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<progress');
    const action = /<form method="post" action="(\/en\/review\/[^"]+)"/.exec(html)![1]!;
    const cardId = action.split('/').pop()!;
    const session = /name="s" value="(\d+)"/.exec(html)![1]!;
    const q = contentCard(cardId)!.question;
    const wrong = (await responses(cookie, cardId)).wrong as { choice?: string };
    const field = q.type === 'single' ? `r.${cardId}=${encodeURIComponent(wrong.choice!)}` : `r.${cardId}=xxxx`;
    const res = await request(action, {
      method: 'POST',
      headers: as(cookie, { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://127.0.0.1' }),
      body: `${field}&s=${session}&easy=0`,
    });
    expect(res.status).toBe(200);
    const text = visibleText(await res.text());
    expect(text).toMatch(/Due again in \d+ minutes?\./);
    expect(text).toContain('Next card');
    const again = visibleText(await (await request(`/en/review?s=${session}`, { headers: as(cookie) })).text());
    expect(again).toContain('Card 2 of');
  });

  it('answers a card that is not in the deck with an HTML 404 in the UI language', async () => {
    const { cookie } = await addLesson('alliance');
    const res = await request('/de/review/w.nope.r', {
      method: 'POST',
      headers: as(cookie, { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://127.0.0.1' }),
      body: 'n=1',
    });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
  });
});
