// Issue 17, item 1 for review cards: a recognition card's choices are MACs bound to the learner and to the
// card's latest review, so the author's `c0` (the right gloss) shows nowhere, ids change after every review,
// and a solver that knows the old ids scores no better than chance.
import { describe, expect, it } from 'vitest';
import type { LearnerQuestion } from '../../core/quiz/learner.ts';
import type { Question } from '../../core/quiz/schema.ts';
import { legacyPublicId } from '../../core/stats/legacy-ids.ts';
import { contentCard } from '../../worker/services/review-cards.ts';
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

  it('get new ids after each review; a second tab may answer the showing before, older ids are refused', async () => {
    const cookie = await learnerWithDeck();
    const card = (await cards(cookie)).find((c) => c.kind === 'recognition')! as Extract<Card, { type: 'single' }>;
    const question = contentCard(card.id)!.question as Extract<Question, { type: 'single' }>;
    const rightText = question.choices.find((c) => c.correct)!.text.en;
    const first = choicesOf(card);
    const wrong = card.choices.find((c) => c.text !== rightText)!.id;
    const right = card.choices.find((c) => c.text === rightText)!.id;
    // A wrong answer brings the card back within minutes, shown with new ids.
    expect((await answer(cookie, card.id, { choice: wrong })).status).toBe(200);
    const again = (await cards(cookie)).find((c) => c.id === card.id);
    expect(again, 'a card answered wrong comes back').toBeDefined();
    for (const id of choicesOf(again!)) expect(first).not.toContain(id);
    // A second tab still showing the first showing answers it: graded with its ids, stored.
    const secondTab = await answer(cookie, card.id, { choice: right });
    expect(secondTab.status, await secondTab.clone().text()).toBe(200);
    expect(await secondTab.json()).toMatchObject({ score: 1, solution: { choice: right } });
    // Two reviews later the first showing's ids name nothing: refused, nothing stored.
    expect((await answer(cookie, card.id, { choice: right })).status).toBe(422);
    // Two reviews stored, their answers in authoring keys (`c0` is the right gloss), not in ids of a showing.
    const exported = (await (await request('/api/progress/export', { headers: as(cookie) })).json()) as {
      review: { events: Array<{ type: string; cardId?: string; response?: unknown }> };
    };
    const reviews = exported.review.events.filter((e) => e.type === 'review' && e.cardId === card.id);
    expect(reviews.map((r) => r.response)).toEqual([{ choice: expect.stringMatching(/^c[1-9]$/) }, { choice: 'c0' }]);
  });

  it('take a review page form from a tab one review behind as its answer, and an older one as nothing chosen', async () => {
    const cookie = await learnerWithDeck();
    const card = (await cards(cookie)).find((c) => c.kind === 'recognition')!;
    const [first, other] = choicesOf(card) as [string, string];
    const post = (choice: string) =>
      request(`/en/review/${card.id}`, {
        method: 'POST',
        headers: as(cookie, {
          'content-type': 'application/x-www-form-urlencoded',
          origin: 'http://127.0.0.1',
          'sec-fetch-site': 'same-origin',
        }),
        body: new URLSearchParams({ [`r.${card.id}`]: choice, easy: '0' }).toString(),
      });
    // Another tab answered this card: this form, one review behind, is still read and graded.
    expect((await answer(cookie, card.id, { choice: other })).status).toBe(200);
    const behind = await post(first);
    expect(behind.status).toBe(200);
    expect(await behind.text()).toContain('id="review-verdict"');
    // Two reviews behind, its ids name nothing any more: the card again, asking for an answer.
    const older = await post(first);
    expect(older.status).toBe(200);
    expect(await older.text()).toContain('Choose or write an answer first.');
  });
});
