import { evictDurableObject, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useLtiFetcher } from '../../worker/services/lti/http.ts';
import { afterAttempt, recordLaunch } from '../../worker/services/lti/grades.ts';
import { gradebookOf } from '../../worker/services/lti/gradebook-object.ts';
import { forgetTokens } from '../../worker/services/lti/token.ts';
import { attemptOf, emulatedPlatform, launchOf, ltiLearner, settle, type Platform } from './lti-grades-helpers.ts';

// Grade passback (issue 19, item 4) end to end inside workerd: a launch recorded, attempts handed over as the
// attempt path does, and the scores arriving at the emulated platform's AGS endpoint.

let p: Platform;
beforeEach(async () => {
  forgetTokens();
  p = await emulatedPlatform();
});
afterEach(() => useLtiFetcher(null));

async function launched(sub: string, link = 'link-1') {
  const learner = ltiLearner(sub);
  await recordLaunch(env, launchOf(p, { sub, name: `Name ${sub}` }, link), learner);
  return learner;
}

const setPolicy = (link: string, policy: 'best' | 'last' | 'first') => gradebookOf(env, p.book).setPolicy(link, policy);

describe('grade passback: which attempt is sent', () => {
  it('posts the score body AGS asks for: the platform user, points of max, completed, fully graded, the attempt time', async () => {
    const learner = await launched('u-body');
    const a = attemptOf(7);
    await afterAttempt(env, learner, a);
    await settle(p.book);
    expect(p.state.scores).toEqual([
      {
        lineitem: p.state.lineItems[0]!.id,
        userId: 'u-body',
        scoreGiven: 7,
        scoreMaximum: 10,
        activityProgress: 'Completed',
        gradingProgress: 'FullyGraded',
        timestamp: a.submittedAt,
      },
    ]);
  });

  it('under "best" (the default) sends an attempt only when it is better than every earlier one', async () => {
    const learner = await launched('u-best');
    for (const points of [5, 4, 8, 8, 9]) await afterAttempt(env, learner, attemptOf(points));
    await settle(p.book);
    expect(p.state.scores.map((s) => s.scoreGiven)).toEqual([5, 8, 9]);
  });

  it('under "last" sends every attempt, under "first" only the first', async () => {
    const last = await launched('u-last', 'link-last');
    const first = await launched('u-first', 'link-first');
    expect(await setPolicy('link-last', 'last')).toBe(true);
    expect(await setPolicy('link-first', 'first')).toBe(true);
    for (const points of [5, 4, 8]) {
      await afterAttempt(env, last, attemptOf(points));
      await afterAttempt(env, first, attemptOf(points + 1));
    }
    await settle(p.book);
    const sent = (user: string) => p.state.scores.filter((s) => s.userId === user).map((s) => s.scoreGiven);
    expect(sent('u-last')).toEqual([5, 4, 8]);
    expect(sent('u-first')).toEqual([6]);
  });

  it('sends nothing for a learner who never launched the link, and nothing for another quiz', async () => {
    const learner = await launched('u-other');
    await afterAttempt(env, ltiLearner('u-stranger'), attemptOf(9));
    await afterAttempt(env, learner, attemptOf(9, 10, 'final'));
    await settle(p.book);
    expect(p.state.scores).toEqual([]);
  });
});

describe('grade passback: exactly once', () => {
  it('keeps a failed score, retries it, and sends it once when the platform takes it', async () => {
    const learner = await launched('u-retry');
    p.state.failScores = 2;
    await afterAttempt(env, learner, attemptOf(6));
    await settle(p.book);
    const book = gradebookOf(env, p.book);
    const failed = (await book.results('link-1'))!.learners[0]!.attempts[0]!.passback!;
    expect(failed).toMatchObject({ state: 'failed', tries: 1 });
    expect(failed.lastError).toContain('500');
    // The retry is durable: the object's alarm is set for it.
    expect(await runInDurableObject(book, (_o, state) => state.storage.getAlarm())).toBeGreaterThan(Date.now());
    expect(await book.retryFailed('link-1')).toBe(1);
    expect(await book.retryFailed('link-1')).toBe(1);
    expect(p.state.scores).toHaveLength(1);
    expect(await book.retryFailed('link-1')).toBe(0);
    await settle(p.book);
    expect(p.state.scores).toHaveLength(1);
    expect((await book.results('link-1'))!.learners[0]!.attempts[0]!.passback).toMatchObject({ state: 'sent', tries: 3, lastError: null });
  });

  it('retries from its own alarm after a restart, when the retry is due', async () => {
    const learner = await launched('u-restart');
    p.state.failScores = 1;
    await afterAttempt(env, learner, attemptOf(4));
    await settle(p.book);
    const book = gradebookOf(env, p.book);
    await evictDurableObject(book);
    // Not due yet: the alarm sends nothing before its time and sets itself again.
    expect(await runDurableObjectAlarm(book)).toBe(true);
    expect(p.state.scores).toHaveLength(0);
    // The retry time comes (moved here instead of waiting 30 seconds).
    await runInDurableObject(book, (_o, state) => state.storage.sql.exec(`UPDATE outbox SET next_try = 0`));
    expect(await runDurableObjectAlarm(book)).toBe(true);
    expect(p.state.scores.map((s) => s.scoreGiven)).toEqual([4]);
    expect(await runDurableObjectAlarm(book)).toBe(false);
  });

  it('counts each of concurrent attempts once, also when one is delivered twice', async () => {
    const learner = await launched('u-conc');
    await setPolicy('link-1', 'last');
    const attempts = [1, 2, 3, 4, 5].map((n) => attemptOf(n));
    await Promise.all([...attempts, attempts[2]!].map((a) => afterAttempt(env, learner, a)));
    await Promise.all([settle(p.book), settle(p.book)]);
    expect(p.state.scores.map((s) => s.timestamp).sort()).toEqual(attempts.map((a) => a.submittedAt).sort());
    const results = await gradebookOf(env, p.book).results('link-1');
    expect(results!.learners[0]!.attempts).toHaveLength(5);
  });

  it('asks the token endpoint once for many scores (the token is cached until it expires)', async () => {
    const learner = await launched('u-token');
    await setPolicy('link-1', 'last');
    for (const n of [1, 2, 3, 4]) {
      await afterAttempt(env, learner, attemptOf(n));
      await settle(p.book);
    }
    expect(p.state.scores).toHaveLength(4);
    expect(p.state.tokenRequests).toBe(1);
  });
});
