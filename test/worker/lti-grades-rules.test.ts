import { describe, expect, it } from 'vitest';
import { changesCountedScore, countedAttempt, type Scored } from '../../worker/objects/lti-gradebook/policy.ts';
import { FIRST_RETRY_MS, MAX_RETRY_MS, retryDelay } from '../../worker/objects/lti-gradebook/outbox.ts';
import { scoreBody, scoresUrl } from '../../worker/services/lti/ags.ts';
import { answerText } from '../../worker/services/lti/gradebook-answers.ts';
import { nextPage } from '../../worker/services/lti/nrps.ts';

// The pure rules of the grades half: which attempt counts, the retry schedule, the AGS URLs and body, NRPS
// paging, and how a response reads in the instructor's table.

const a = (attemptId: string, score: number): Scored => ({ attemptId, score, submittedAt: '2026-11-01T09:00:00.000Z' });

describe('which attempt counts', () => {
  it('best: only a strictly better attempt changes the score; the earliest of equals counts', () => {
    const earlier = [a('1', 0.5), a('2', 0.8)];
    expect(changesCountedScore('best', earlier, a('3', 0.8))).toBe(false);
    expect(changesCountedScore('best', earlier, a('3', 0.7))).toBe(false);
    expect(changesCountedScore('best', earlier, a('3', 0.9))).toBe(true);
    expect(changesCountedScore('best', [], a('1', 0))).toBe(true);
    expect(countedAttempt('best', [...earlier, a('3', 0.8)])?.attemptId).toBe('2');
  });

  it('last: every attempt; first: only the first', () => {
    expect(changesCountedScore('last', [a('1', 1)], a('2', 0))).toBe(true);
    expect(changesCountedScore('first', [], a('1', 0.2))).toBe(true);
    expect(changesCountedScore('first', [a('1', 0.2)], a('2', 1))).toBe(false);
    expect(countedAttempt('last', [a('1', 1), a('2', 0)])?.attemptId).toBe('2');
    expect(countedAttempt('first', [a('1', 0), a('2', 1)])?.attemptId).toBe('1');
    expect(countedAttempt('best', [])).toBeNull();
  });
});

describe('retry schedule', () => {
  it('waits 30 s after the first failure, doubling up to six hours', () => {
    expect(retryDelay(1)).toBe(FIRST_RETRY_MS);
    expect(retryDelay(2)).toBe(2 * FIRST_RETRY_MS);
    expect(retryDelay(5)).toBe(16 * FIRST_RETRY_MS);
    expect(retryDelay(40)).toBe(MAX_RETRY_MS);
  });
});

describe('AGS and NRPS', () => {
  it('posts to {lineitem}/scores, keeping the line item URL query', () => {
    expect(scoresUrl('https://lms.test/ctx/7/lineitems/3?type_id=1')).toBe('https://lms.test/ctx/7/lineitems/3/scores?type_id=1');
    expect(scoresUrl('https://lms.test/li/3/')).toBe('https://lms.test/li/3/scores');
  });

  it('writes the score body with the attempt time in ISO form', () => {
    expect(scoreBody('u1', 3.5, 7, '2026-11-01T09:00:00Z')).toEqual({
      userId: 'u1',
      scoreGiven: 3.5,
      scoreMaximum: 7,
      activityProgress: 'Completed',
      gradingProgress: 'FullyGraded',
      timestamp: '2026-11-01T09:00:00.000Z',
    });
  });

  it('follows the Link header to the next page of members', () => {
    expect(nextPage('<https://lms.test/m?p=2>; rel="next", <https://lms.test/m?p=9>; rel="last"')).toBe('https://lms.test/m?p=2');
    expect(nextPage('<https://lms.test/m?p=9>; rel="last"')).toBeNull();
    expect(nextPage(null)).toBeNull();
  });
});

describe("a response in the instructor's words", () => {
  it('names choices, pairs and items by their texts, not by their per-attempt ids', () => {
    const single = { id: 'q1', prompt: 'P', type: 'single' as const, choices: [{ id: 'x9f', text: 'Japan' }] };
    expect(answerText(single, { choice: 'x9f' })).toBe('Japan');
    const match = {
      id: 'q2',
      prompt: 'P',
      type: 'match' as const,
      left: [{ id: 'l1', text: 'USA' }],
      right: [{ id: 'r7', text: 'Washington' }],
    };
    expect(answerText(match, { pairs: { l1: 'r7' } })).toBe('USA → Washington');
    const order = {
      id: 'q3',
      prompt: 'P',
      type: 'order' as const,
      items: [
        { id: 'i1', text: 'eins' },
        { id: 'i2', text: 'zwei' },
      ],
    };
    expect(answerText(order, { order: ['i2', 'i1'] })).toBe('zwei; eins');
    expect(answerText(undefined, { text: 'Seltene Erden' })).toBe('Seltene Erden');
    expect(answerText(undefined, { gaps: { g1: 'die', g2: 'den' } })).toBe('g1: die; g2: den');
    expect(answerText(undefined, null)).toBe('');
    expect(answerText(undefined, { text: 'x'.repeat(600) })).toHaveLength(500);
  });
});
