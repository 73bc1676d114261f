import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { baseURL } from './browser.ts';

/** The instructor token of the dev server under test (`npm start` writes it into .dev.vars). */
export const instructorToken = () =>
  /^INSTRUCTOR_TOKEN=(.+)$/m.exec(readFileSync(new URL('../../.dev.vars', import.meta.url), 'utf8'))![1]!;

/**
 * Imports a set through the instructor API and publishes it; its id.
 * @example await publishSet('format=gift&lang=en&title=EFL%20only', 'text/plain', GIFT)
 */
export async function publishSet(query: string, contentType: string, body: string): Promise<string> {
  const auth = { authorization: `Bearer ${instructorToken()}` };
  const res = await fetch(`${baseURL}/api/question-sets?${query}`, {
    method: 'POST',
    headers: { ...auth, 'content-type': contentType },
    body,
  });
  expect(res.status, await res.clone().text()).toBe(201);
  const { id } = (await res.json()) as { id: string };
  expect((await fetch(`${baseURL}/api/question-sets/${id}/publish`, { method: 'POST', headers: auth })).status).toBe(200);
  return id;
}
