import { describe, expect, it } from 'vitest';
import { request } from './helpers.ts';
import { api, auth, create } from './instructor-helpers.ts';
import { launch, registeredPlatform, TEACHER } from './lti-helpers.ts';

const emu = registeredPlatform();

const field = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1]?.replace(/&amp;/g, '&');

async function picker(locale: string) {
  const res = await launch(emu.state, emu.app, { user: { ...TEACHER, locale }, message: 'LtiDeepLinkingRequest' });
  expect(res.status).toBe(200);
  return res;
}

function pick(request_: string, quizzes: string[]) {
  const body = new URLSearchParams({ request: request_ });
  for (const q of quizzes) body.append('quiz', q);
  return request('/lti/deep-link', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
    body: body.toString(),
  });
}

describe('LtiDeepLinkingRequest', () => {
  it('shows a picker in the launch language, framable by the platform, with every lesson, the final test as checkboxes', async () => {
    const res = await picker('de-AT');
    const html = await res.text();
    expect(html).toMatch(/<html lang="de">/);
    expect(html).toContain('Ein Quiz zum Kurs hinzufügen');
    expect(html.match(/type="checkbox" name="quiz"/g)!.length).toBe(7);
    expect(html).toContain('value="final"');
    expect(res.headers.get('content-security-policy')).toContain('frame-ancestors https://lms.test');
  });

  it('answers with a signed LtiDeepLinkingResponse that the platform verifies: resource links with a line item and custom.quiz', async () => {
    const html = await (await picker('en')).text();
    const answer = await pick(field(html, 'request')!, ['alliance', 'final']);
    expect(answer.status).toBe(200);
    const page = await answer.text();
    expect(page).toContain('action="https://lms.test/deep-link-return"');
    expect(answer.headers.get('content-security-policy')).toContain("form-action 'self' https://lms.test");
    const back = await emu.app.request('https://lms.test/deep-link-return', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ JWT: field(page, 'JWT')! }).toString(),
    });
    expect(back.status).toBe(200);
    const claims = emu.state.deepLinks.at(-1)!;
    expect(claims['https://purl.imsglobal.org/spec/lti-dl/claim/data']).toBe('emulator-data-1');
    const items = claims['https://purl.imsglobal.org/spec/lti-dl/claim/content_items'] as Record<string, any>[];
    expect(items).toEqual([
      expect.objectContaining({
        type: 'ltiResourceLink',
        url: 'http://127.0.0.1/lti/launch',
        custom: { quiz: 'alliance' },
        lineItem: expect.objectContaining({ scoreMaximum: 100, resourceId: 'alliance' }),
      }),
      expect.objectContaining({
        type: 'ltiResourceLink',
        title: 'Final test',
        custom: { quiz: 'final' },
        lineItem: expect.objectContaining({ label: 'Final test', resourceId: 'final' }),
      }),
    ]);
  });

  it('links a published set (offered in the picker under its title) with its line item, and not an unpublished one', async () => {
    const published = await create();
    expect((await api(`/${published.id}/publish`, { method: 'POST', headers: auth })).status).toBe(200);
    const draft = await create();
    const html = await (await picker('en')).text();
    expect(html).toContain(`value="set:${published.id}"`);
    expect(html).not.toContain(`value="set:${draft.id}"`);
    const answer = await pick(field(html, 'request')!, [`set:${published.id}`]);
    expect(answer.status).toBe(200);
    const back = await emu.app.request('https://lms.test/deep-link-return', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ JWT: field(await answer.text(), 'JWT')! }).toString(),
    });
    expect(back.status).toBe(200);
    const items = emu.state.deepLinks.at(-1)!['https://purl.imsglobal.org/spec/lti-dl/claim/content_items'] as Record<string, any>[];
    expect(items).toEqual([
      expect.objectContaining({
        type: 'ltiResourceLink',
        title: 'Testset',
        custom: { quiz: `set:${published.id}` },
        lineItem: expect.objectContaining({ scoreMaximum: 100, label: 'Testset', resourceId: `set:${published.id}` }),
      }),
    ]);
  });

  it('refuses a changed picker form and a quiz the picker does not offer, as a page', async () => {
    const html = await (await picker('en')).text();
    const sealed = field(html, 'request')!;
    expect(
      (
        await pick(
          sealed.replace(/^./, (ch) => (ch === 'e' ? 'f' : 'e')),
          ['alliance'],
        )
      ).status,
    ).toBe(403);
    const unknown = await pick(sealed, ['set:s-nothere1']);
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get('content-type')).toMatch(/text\/html/);
    expect((await pick(sealed, [])).status).toBe(400);
  });
});
