// Issue 18, item 1: the review grades with the same course lexicon as quizzes, so a word of the course typed
// for the key's word is named as that other word, never accepted as a typo of the key.
import { describe, expect, it } from 'vitest';
import { request } from './helpers.ts';

const json = { 'content-type': 'application/json' };
const cookieOf = (res: Response) => /learner=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];

async function answerWord(text: string, lang: string) {
  const added = await request('/api/review/cards', { method: 'POST', headers: json, body: JSON.stringify({ glossary: 'seltene-erden' }) });
  expect(added.status).toBeLessThan(300);
  const cookie = cookieOf(added)!;
  const res = await request('/api/review/w.seltene-erden.p/answer', {
    method: 'POST',
    headers: { ...json, cookie: `learner=${cookie}` },
    body: JSON.stringify({ response: { text }, lang }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as any;
}

describe('POST /api/review/:cardId/answer grades with the course lexicon', () => {
  it('names "werden" (a word of the article) typed for "Erden" as another word, scoring 0, in German', async () => {
    const result = await answerWord('seltene werden', 'de');
    expect(result).toMatchObject({ score: 0, feedback: { items: [{ kind: 'text', match: 'otherWord', word: 'werden' }] } });
  });

  it('still accepts a real typo ("seltene Erdne") and the key itself', async () => {
    expect(await answerWord('seltene Erdne', 'de')).toMatchObject({ score: 1, feedback: { items: [{ match: 'typo' }] } });
    expect(await answerWord('seltene Erden', 'de')).toMatchObject({ score: 1, feedback: { items: [{ match: 'exact' }] } });
  });
});
