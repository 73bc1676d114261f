import { describe, expect, it } from 'vitest';
import bundle from '../../build/content.json';
import { request } from './helpers.ts';

const sentences = (bundle as any).content.article.sentences as Array<{ id: string; paragraph: number; text: Record<string, string> }>;

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/json');
  const body = (await res.json()) as { error: { code: string; message: string; details: unknown[] } };
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(5);
  expect(Array.isArray(body.error.details)).toBe(true);
  return body.error;
}

describe('GET /api/health', () => {
  it('answers ok', async () => {
    const res = await request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });
});

describe('GET /api/lessons', () => {
  it('lists the six lessons in both languages', async () => {
    const body = (await (await request('/api/lessons')).json()) as any;
    expect(body.lessons.map((l: any) => l.id)).toEqual(['alliance', 'china', 'cooperation', 'balance', 'sustainability', 'outlook']);
    expect(Object.keys(body.lessons[0].title).sort()).toEqual(['de', 'en']);
  });

  it('limits texts to ?lang=', async () => {
    const body = (await (await request('/api/lessons?lang=de')).json()) as any;
    expect(Object.keys(body.lessons[0].title)).toEqual(['de']);
  });

  it('refuses an unknown ?lang= with a 400 that names the parameter', async () => {
    const error = await expectError(await request('/api/lessons?lang=xx'), 400, 'invalid_request');
    expect(error.details).toEqual([expect.objectContaining({ path: 'lang' })]);
  });
});

describe('GET /api/lessons/:lessonId', () => {
  it('returns the English sentences with ?lang=en, and only those', async () => {
    const res = await request('/api/lessons/china?lang=en');
    expect(res.status).toBe(200);
    const { lesson } = (await res.json()) as any;
    const expected = sentences.filter((s) => s.paragraph === 2);
    expect(lesson.sentences).toEqual(expected.map((s) => ({ id: s.id, text: { en: s.text.en } })));
    expect(lesson.glossary.length).toBeGreaterThan(5);
    expect(lesson.glossary[0]).toHaveProperty('lemma');
  });

  it('returns both languages without ?lang=', async () => {
    const { lesson } = (await (await request('/api/lessons/outlook')).json()) as any;
    expect(lesson.sentences.at(-1).text.de).toContain('multipolaren Weltordnung');
    expect(lesson.sentences.at(-1).text.en).toBeTruthy();
  });

  it('answers an unknown lesson with a JSON 404', async () => {
    const error = await expectError(await request('/api/lessons/nope'), 404, 'not_found');
    expect(error.message).toContain('nope');
  });
});

describe('unknown API routes', () => {
  it('get the JSON error shape, for any method', async () => {
    await expectError(await request('/api/nothing-here'), 404, 'not_found');
    await expectError(await request('/api/lessons', { method: 'DELETE' }), 404, 'not_found');
  });
});

describe('security headers', () => {
  it('are on every response: JSON, pages, redirects and errors', async () => {
    for (const path of ['/api/health', '/en/', '/', '/en/lessons/alliance', '/api/lessons/nope', '/en/nope', '/xx/yy']) {
      const res = await request(path, { redirect: 'manual' });
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).not.toContain('unsafe-inline');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
    }
  });
});
