import { describe, expect, it } from 'vitest';
import { request } from './helpers.ts';

// "I am learning German / English": an explicit choice on the overview, remembered, shown on each quiz,
// and the default question language (a link's ?ql= still wins).
const cookieOf = (res: Response) => /learning=([a-z]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];

describe('the learning direction', () => {
  it('is remembered from a plain link on the overview', async () => {
    const res = await request('/en/?learning=en', { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/en/#learning');
    expect(cookieOf(res)).toBe('en');
    expect(res.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    const overview = await (await request('/en/', { headers: { cookie: 'learning=en' } })).text();
    expect(overview).toContain('href="/en/?learning=en" aria-current="true"');
    expect(overview).not.toContain('href="/en/?learning=de" aria-current="true"');
    const fresh = await (await request('/en/')).text();
    expect(fresh).toContain('href="/en/?learning=de" aria-current="true"');
  });

  it('ignores a language the course does not have', async () => {
    const res = await request('/en/?learning=fr', { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(cookieOf(res)).toBeUndefined();
  });

  it('sets the default question language of practice quizzes and the final test, and is named there', async () => {
    for (const [cookie, ql] of [
      ['', 'de'], // English UI, no choice: learning German
      ['learning=en', 'en'], // English UI, learning English: English questions
    ] as const) {
      const headers = cookie ? { cookie } : undefined;
      const quiz = await request('/en/lessons/china/quiz', { headers, redirect: 'manual' });
      expect(quiz.headers.get('location'), cookie).toContain(`ql=${ql}`);
      const test = await request('/en/test', { headers, redirect: 'manual' });
      expect(test.headers.get('location'), cookie).toContain(`ql=${ql}`);
    }
    const page = await (await request('/en/lessons/china/quiz?attempt=abcd1234&ql=de&n=1', { headers: { cookie: 'learning=en' } })).text();
    // The link's language wins; the note names what the learner chose.
    expect(page).toContain('<fieldset lang="de"');
    expect(page).toMatch(/learning-note/);
  });
});
