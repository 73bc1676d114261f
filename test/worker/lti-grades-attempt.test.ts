import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { bookName, gradebookOf } from '../../worker/services/lti/gradebook-object.ts';
import { servicesState } from '../lti-emulator/services.ts';
import { request } from './helpers.ts';
import { fetchCounting } from './kv-counter.ts';
import { settle } from './lti-grades-helpers.ts';
import { cookiesOf, launch, LEARNER, registeredPlatform } from './lti-helpers.ts';

// The attempt path's hook (worker/services/attempts.ts → afterStoredAttempt): a launched learner's hand-in
// through the real API reaches the emulated platform as one score; an anonymous learner's costs nothing extra.

const emu = registeredPlatform('attempts');

/** A hand-in of the china quiz with nothing answered (0 points of the quiz's maximum). */
const handIn = (cookie: string, key: string) =>
  request('/api/quizzes/china/attempts', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin', cookie, 'idempotency-key': key },
    body: JSON.stringify({ responses: {}, lang: 'de' }),
  });

describe('POST /api/quizzes/:quizId/attempts by a launched learner', () => {
  it('sends the score to the platform once, also when the hand-in is retried with its idempotency key', async () => {
    const res = await launch(emu.state, emu.app, {
      user: LEARNER,
      message: 'LtiResourceLinkRequest',
      quiz: 'china',
      resourceLinkId: 'rl-a',
    });
    expect(res.status).toBe(303);
    const cookie = cookiesOf(res).join('; ');
    expect(cookie).toMatch(/learner=lti_/);
    const first = await handIn(cookie, 'lti-hand-in-0001');
    expect(first.status).toBe(201);
    const body = (await first.json()) as { score: number; max: number; createdAt?: string };
    expect((await handIn(cookie, 'lti-hand-in-0001')).status).toBe(201);
    await settle(bookName(emu.state.issuer, emu.state.context.id));
    const scores = servicesState(emu.state).scores;
    expect(scores).toHaveLength(1);
    expect(scores[0]).toMatchObject({ userId: LEARNER.sub, scoreGiven: body.score, scoreMaximum: body.max, activityProgress: 'Completed' });
    // The gradebook keeps the attempt with its language and the prompts as the learner saw them.
    const [attempt] = (await gradebookOf(env, bookName(emu.state.issuer, emu.state.context.id)).results('rl-a'))!.learners[0]!.attempts;
    expect(attempt!.lang).toBe('de');
    expect(attempt!.answers.length).toBeGreaterThan(5);
    expect(attempt!.answers.every((x) => x.prompt && x.response === '')).toBe(true);
  });
});

describe('POST /api/quizzes/:quizId/attempts by an anonymous learner', () => {
  it('makes no LTI storage operation (the gradebook index is never read)', async () => {
    const { res, ops } = await fetchCounting('/api/quizzes/china/attempts', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
      body: JSON.stringify({ responses: {}, lang: 'de' }),
    });
    expect(res.status).toBe(201);
    expect(ops).toEqual(['PROGRESS.put']);
  });
});
