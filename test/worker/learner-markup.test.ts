import { describe, expect, it } from 'vitest';
import { request } from './helpers.ts';
import { api, auth } from './instructor-helpers.ts';

// Instructor text keeps a safe subset of markup (issue 13): learners see it as markup, and nothing else.
describe('kept instructor markup on learner pages', () => {
  it('renders emphasis, lists and safe links as elements, everything else as text, under the same CSP', async () => {
    const text =
      '::M::[html]Welches Land ist der <b>größte</b> Exporteur? <ul><li>laut <a href="https://example.org/x">Text</a></li></ul> <marquee>alt</marquee>{=China ~Japan}';
    const res = await api('?format=gift&lang=de&title=Markup', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'text/plain' },
      body: text,
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const { id } = (await res.json()) as any;
    await api(`/${id}/publish`, { method: 'POST', headers: auth });
    const page = await request(`/de/sets/${id}?attempt=abcd&ql=de&n=1`);
    const html = await page.text();
    const legend = /<legend>([\s\S]*?)<\/legend>/.exec(html)![1]!;
    expect(legend).toContain('<strong>größte</strong>');
    expect(legend).toMatch(/<ul><li>laut <a href="https:\/\/example.org\/x" rel="noopener noreferrer nofollow">Text<\/a><\/li><\/ul>/);
    expect(html).not.toMatch(/<marquee|<b>/);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('content-security-policy')).not.toContain('unsafe-inline');
  });
});
