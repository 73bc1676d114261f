// Issue 17, item 1 for review cards: a recognition card's choices are MACs bound to the learner and to the
// card's latest review, so the author's `c0` (the right gloss) shows nowhere, ids change after every review,
// and a solver that knows the old ids scores no better than chance.
import { describe, expect, it } from 'vitest';
import type { LearnerQuestion } from '../../core/quiz/learner.ts';
import { legacyPublicId } from '../../core/stats/legacy-ids.ts';
import { solve } from '../unit/id-solver.ts';
import { request } from './helpers.ts';

type Card = LearnerQuestion & { kind: string; lang: string };
const json = { 'content-type': 'application/json' };
const LESSONS = ['alliance', 'balance', 'china', 'cooperation', 'outlook', 'sustainability'];
const cookieOf = (res: Response) => /learner=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
const as = (cookie: string, extra: Record<string, string> = {}) => ({ ...extra, cookie: `learner=${cookie}` });

/** A learner with every word of the course in the deck, all of them new today. */
async function learnerWithDeck(): Promise<string> {
  let cookie: string | undefined;
  for (const lesson of LESSONS) {
    const res = await request('/api/review/cards', {
      method: 'POST',
      headers: cookie ? as(cookie, json) : json,
      body: JSON.stringify({ lesson }),
    });
    expect(res.status).toBe(201);
    cookie ??= cookieOf(res);
  }
  const settings = await request('/en/review/settings', {
    method: 'POST',
    headers: as(cookie!, {
      'content-type': 'application/x-www-form-urlencoded',
      origin: 'http://127.0.0.1',
      'sec-fetch-site': 'same-origin',
    }),
    body: 'newPerDay=100&dailyGoal=20&autoAddMissed=on',
    redirect: 'manual',
  });
  expect(settings.status).toBe(303);
  return cookie!;
}
const cards = async (cookie: string) =>
  ((await (await request('/api/review?lang=en', { headers: as(cookie) })).json()) as { cards: Card[] }).cards;
const answer = (cookie: string, cardId: string, response: unknown) =>
  request(`/api/review/${cardId}/answer`, { method: 'POST', headers: as(cookie, json), body: JSON.stringify({ response, lang: 'en' }) });
const choicesOf = (c: Card) => (c.type === 'single' ? c.choices.map((x) => x.id) : []);

describe('review recognition cards', () => {
  it('never show c0 or an old id, and differ between learners', async () => {
    const [a, b] = [await learnerWithDeck(), await learnerWithDeck()];
    const [ca, cb] = [await cards(a), await cards(b)];
    const recognition = ca.filter((c) => c.kind === 'recognition');
    expect(recognition.length).toBeGreaterThan(40);
    for (const c of recognition) {
      const ids = choicesOf(c);
      for (const key of ['c0', 'c1', 'c2', 'c3']) {
        expect(ids).not.toContain(key);
        expect(ids).not.toContain(legacyPublicId(c.id, key));
      }
      const other = cb.find((x) => x.id === c.id)!;
      for (const id of ids) expect(choicesOf(other)).not.toContain(id);
    }
  });

  it('are answered no better than chance by a solver that knows the old ids and that c0 is right', async () => {
    let solver = 0;
    let chance = 0;
    let n = 0;
    for (const cookie of [await learnerWithDeck(), await learnerWithDeck()])
      for (const c of (await cards(cookie)).filter((x) => x.kind === 'recognition')) {
        // The old scheme shuffled a new card by `{cardId}:0`.
        const res = await answer(cookie, c.id, solve(c, `${c.id}:0`));
        expect(res.status, await res.clone().text()).toBe(200);
        solver += ((await res.json()) as { score: number }).score;
        chance += 1 / choicesOf(c).length;
        n++;
      }
    expect(n).toBeGreaterThan(80);
    // About four standard errors at these counts; the old ids scored 1 on every card.
    expect(solver / n, `${solver}/${n}`).toBeLessThan(chance / n + 0.18);
  });

  it('get new ids after each review; an answer with the ids of an earlier showing is refused, nothing stored', async () => {
    const cookie = await learnerWithDeck();
    const card = (await cards(cookie)).find((c) => c.kind === 'recognition')! as Extract<Card, { type: 'single' }>;
    const before = choicesOf(card);
    // A wrong answer brings the card back within minutes, shown with new ids.
    const wrongFirst = await answer(cookie, card.id, { choice: before[0] });
    expect(wrongFirst.status).toBe(200);
    const first = (await wrongFirst.json()) as { score: number; solution: { choice: string } };
    const again = (await cards(cookie)).find((c) => c.id === card.id);
    expect(again, 'a card answered wrong comes back').toBeDefined();
    for (const id of choicesOf(again!)) expect(before).not.toContain(id);
    const stale = await answer(cookie, card.id, { choice: first.solution.choice });
    expect(stale.status).toBe(422);
    // One review stored, its answer in authoring keys (`c{i}`), not in ids that meant something once.
    const exported = (await (await request('/api/progress/export', { headers: as(cookie) })).json()) as {
      review: { events: Array<{ type: string; cardId?: string; response?: unknown }> };
    };
    const reviews = exported.review.events.filter((e) => e.type === 'review' && e.cardId === card.id);
    expect(reviews).toHaveLength(1);
    expect(reviews[0]!.response).toEqual({ choice: expect.stringMatching(/^c\d$/) });
  });

  it('take a review page form with ids of an earlier showing as nothing chosen, not as an error', async () => {
    const cookie = await learnerWithDeck();
    const card = (await cards(cookie)).find((c) => c.kind === 'recognition')!;
    const stale = choicesOf(card)[0]!;
    expect((await answer(cookie, card.id, { choice: choicesOf(card)[1] })).status).toBe(200);
    const res = await request(`/en/review/${card.id}`, {
      method: 'POST',
      headers: as(cookie, {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'http://127.0.0.1',
        'sec-fetch-site': 'same-origin',
      }),
      body: new URLSearchParams({ [`r.${card.id}`]: stale, easy: '0' }).toString(),
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Choose or write an answer first.');
  });
});
