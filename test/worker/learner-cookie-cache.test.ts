import { describe, expect, it } from 'vitest';
import { request } from './helpers.ts';

const cookieOf = (res: Response) => /learner=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];

/** Adds a word to the learner's review: creates the learner when the cookie does not verify (a new cookie comes back). */
const addWord = (cookie?: string) =>
  request('/api/review/cards', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie: `learner=${cookie}` } : {}) },
    body: JSON.stringify({ lesson: 'china' }),
  });

// A verified cookie value is remembered per isolate (worker/auth/learner.ts) so the HMAC runs once: what is
// remembered must be that exact value, never the id it carries with another signature.
describe('the learner cookie, verified once per isolate', () => {
  it('accepts the same cookie again, and still refuses its id with a changed signature after that', async () => {
    const created = await addWord();
    expect(created.status).toBe(201);
    const cookie = cookieOf(created)!;
    expect(cookie).toBeTruthy();
    for (let i = 0; i < 3; i++) {
      const again = await addWord(cookie);
      expect(again.status).toBe(201);
      expect(cookieOf(again)).toBeUndefined(); // the learner is known: no new cookie
    }
    const [id, signature] = decodeURIComponent(cookie).split('.') as [string, string];
    const flipped = signature.startsWith('A') ? `B${signature.slice(1)}` : `A${signature.slice(1)}`;
    const forged = await addWord(encodeURIComponent(`${id}.${flipped}`));
    expect(forged.status).toBe(201);
    const replaced = cookieOf(forged);
    expect(replaced).toBeTruthy(); // a new learner: the forged value was not taken for the remembered one
    expect(decodeURIComponent(replaced!).startsWith(`${id}.`)).toBe(false);
  });
});
