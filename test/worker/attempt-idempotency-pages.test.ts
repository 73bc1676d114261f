import { describe, expect, it } from 'vitest';
import { cookieOf, exportedAttempts, ledgerCount, send } from './attempt-helpers.ts';

// The quiz pages render a fresh idempotency key into their forms, so the same form posted again (a reload,
// a double click, the back button) is one attempt (docs/decisions/0008-durable-attempts.md).

const keyIn = (html: string) => /name="idempotency-key" value="([^"]+)"/.exec(html)?.[1];

async function page(path: string): Promise<string> {
  const { res } = await send(path);
  expect(res.status, path).toBe(200);
  return res.text();
}

function post(path: string, fields: Record<string, string>, cookie?: string) {
  return send(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie: `learner=${cookie}` } : {}) },
    body: new URLSearchParams(fields).toString(),
  }).then(({ res }) => res);
}

describe('quiz forms carry an idempotency key', () => {
  it('renders a new key into every final test and practice form', async () => {
    const tests = [await page('/en/test?attempt=abcd1234&ql=de'), await page('/en/test?attempt=abcd1234&ql=de')].map(keyIn);
    const practice = [await page('/en/lessons/alliance/quiz?attempt=abcd&ql=de&n=1')].map(keyIn);
    for (const key of [...tests, ...practice]) expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(tests[0]).not.toBe(tests[1]);
  });

  it('stores the final test once when its form is posted twice, also after the open-questions notice', async () => {
    const key = keyIn(await page('/en/test?attempt=abcd1234&ql=de'))!;
    // Handing in with open questions asks first, in a form that keeps the same key.
    const asked = await post('/en/test', { attempt: 'abcd1234', ql: 'de', 'idempotency-key': key });
    expect(asked.status).toBe(200);
    expect(keyIn(await asked.text())).toBe(key);
    const before = await ledgerCount('final');
    const first = await post('/en/test', { attempt: 'abcd1234', ql: 'de', confirm: '1', 'idempotency-key': key });
    expect(first.status).toBe(200);
    const cookie = cookieOf(first)!;
    const again = await post('/en/test', { attempt: 'abcd1234', ql: 'de', confirm: '1', 'idempotency-key': key }, cookie);
    expect(again.status).toBe(200);
    expect((await exportedAttempts(cookie)).filter((a) => a.quizId === 'final')).toHaveLength(1);
    expect(await ledgerCount('final')).toBe(before + 1);
  });

  it('stores a lesson quiz once when its finish form is posted twice', async () => {
    const key = keyIn(await page('/en/lessons/china/quiz?attempt=abcd&ql=de&n=1'))!;
    const fields = { attempt: 'abcd', ql: 'de', a: '', 'idempotency-key': key };
    const first = await post('/en/lessons/china/quiz/results', fields);
    expect(first.status).toBe(200);
    const cookie = cookieOf(first)!;
    expect((await post('/en/lessons/china/quiz/results', fields, cookie)).status).toBe(200);
    expect(await exportedAttempts(cookie)).toHaveLength(1);
  });

  it('answers a malformed or doubled key with a 400 page in the UI language, storing nothing', async () => {
    for (const body of [
      'attempt=abcd1234&ql=de&confirm=1&idempotency-key=bad',
      'attempt=abcd1234&ql=de&confirm=1&idempotency-key=aaaaaaaaaaaaaaaaaaaa&idempotency-key=bbbbbbbbbbbbbbbbbbbb',
    ]) {
      const { res } = await send('/de/test', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
      expect(res.status, body).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(await res.text()).toMatch(/<html[^>]* lang="de"/);
      expect(res.headers.get('set-cookie') ?? '').not.toContain('learner=');
    }
  });
});
