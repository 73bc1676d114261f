import { runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useLtiFetcher } from '../../worker/services/lti/http.ts';
import { afterAttempt, recordLaunch } from '../../worker/services/lti/grades.ts';
import { gradebookOf } from '../../worker/services/lti/gradebook-object.ts';
import { forgetTokens } from '../../worker/services/lti/token.ts';
import { attemptOf, emulatedPlatform, launchOf, ltiLearner, settle, type Platform } from './lti-grades-helpers.ts';

// A score the platform answers with an error (issue 19, item 4): a 4xx that says "no" is refused and waits for
// the instructor; a 401 gets a new token and one more try at once; 5xx, 408 and 429 are retried with backoff.

let p: Platform;
beforeEach(async () => {
  forgetTokens();
  p = await emulatedPlatform();
});
afterEach(() => useLtiFetcher(null));

/**
 * A learner of the link hands in one attempt; the drain runs; the token requests it made (before the results
 * page's names ask for a token of their own), the passback of that attempt and the alarm.
 */
async function handIn(sub: string, points = 6) {
  const learner = ltiLearner(sub);
  await recordLaunch(env, launchOf(p, { sub, name: `Name ${sub}` }), learner);
  const before = p.state.tokenRequests;
  await afterAttempt(env, learner, attemptOf(points));
  await settle(p.book);
  const tokenRequests = p.state.tokenRequests - before;
  const book = gradebookOf(env, p.book);
  const passback = (await book.results('link-1'))!.learners[0]!.attempts[0]!.passback!;
  const alarm = await runInDurableObject(book, (_o, state) => state.storage.getAlarm());
  return { book, passback, alarm, tokenRequests };
}

describe('grade passback: what the platform answers', () => {
  it('marks a score the platform refuses (400) refused with its answer, and never retries it by itself', async () => {
    p.state.failScores = 1;
    p.state.failStatus = 400;
    const { book, passback, alarm } = await handIn('u-400');
    expect(passback).toMatchObject({ state: 'refused', tries: 1, nextTry: null });
    expect(passback.lastError).toContain('answered 400: invalid score: the line item is closed');
    expect(alarm).toBeNull();
    await settle(p.book);
    expect(p.state.scores).toEqual([]);
    // The instructor's "try again now" queues it again: the platform takes it this time.
    expect(await book.retryFailed('link-1')).toBe(1);
    expect(p.state.scores.map((s) => s.scoreGiven)).toEqual([6]);
    expect((await book.results('link-1'))!.learners[0]!.attempts[0]!.passback).toMatchObject({ state: 'sent', tries: 2, lastError: null });
  });

  it('asks for a new token when the platform no longer takes the cached one (401) and sends the score at once', async () => {
    expect((await handIn('u-first', 3)).tokenRequests).toBe(1);
    expect((await handIn('u-cached', 4)).tokenRequests).toBe(0);
    p.state.tokens.clear(); // the platform revoked every token it had issued
    const { tokenRequests } = await handIn('u-401', 8);
    expect(tokenRequests).toBe(1);
    expect(p.state.scores.map((s) => [s.userId, s.scoreGiven])).toEqual([
      ['u-first', 3],
      ['u-cached', 4],
      ['u-401', 8],
    ]);
    const sent = (await gradebookOf(env, p.book).results('link-1'))!.learners.find((l) => l.name === 'Name u-401')!.attempts[0]!.passback;
    expect(sent).toMatchObject({ state: 'sent', tries: 1 });
  });

  it('refuses after one retry with a new token when the platform answers 401 again', async () => {
    p.state.failScores = 2;
    p.state.failStatus = 401;
    const { passback, alarm, tokenRequests } = await handIn('u-401-twice');
    expect(tokenRequests).toBe(2);
    expect(passback).toMatchObject({ state: 'refused', tries: 1 });
    expect(passback.lastError).toContain('answered 401');
    expect(alarm).toBeNull();
  });

  for (const status of [500, 429]) {
    it(`keeps retrying with backoff when the platform answers ${status}`, async () => {
      p.state.failScores = 1;
      p.state.failStatus = status;
      const { passback, alarm } = await handIn(`u-${status}`);
      expect(passback).toMatchObject({ state: 'failed', tries: 1 });
      expect(passback.lastError).toContain(`answered ${status}`);
      expect(passback.nextTry).toBeGreaterThan(Date.now());
      expect(alarm).toBe(passback.nextTry);
      expect(p.state.scores).toEqual([]);
    });
  }
});
