import { describe, expect, it } from 'vitest';
import bundle from '../../build/content.json';
import { request, visibleText } from './helpers.ts';

const content = (bundle as any).content;
const lessons = content.lessons as Array<{ id: string; paragraph: number }>;
const sentences = content.article.sentences as Array<{ id: string; paragraph: number; text: Record<string, string> }>;

describe('GET /', () => {
  const go = (headers: Record<string, string>) => request('/', { headers, redirect: 'manual' });

  it('redirects to /de/ for Accept-Language: de', async () => {
    const res = await go({ 'Accept-Language': 'de-DE,de;q=0.9,en;q=0.8' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/de/');
  });

  it('redirects to /en/ for Accept-Language: en, and for a language we do not have', async () => {
    expect((await go({ 'Accept-Language': 'en-US,en;q=0.9' })).headers.get('location')).toBe('/en/');
    expect((await go({ 'Accept-Language': 'fr-FR' })).headers.get('location')).toBe('/en/');
    expect((await go({})).headers.get('location')).toBe('/en/');
  });

  it('prefers the remembered language cookie over Accept-Language', async () => {
    const res = await go({ 'Accept-Language': 'en', Cookie: 'lang=de' });
    expect(res.headers.get('location')).toBe('/de/');
  });

  it('is remembered from the page a learner visits', async () => {
    const res = await request('/de/lessons/china');
    expect(res.headers.get('set-cookie')).toMatch(/lang=de;.*HttpOnly/i);
  });
});

describe('lesson pages', () => {
  it('show every sentence of the article, with the two corrections, in German', async () => {
    for (const lesson of lessons) {
      const res = await request(`/de/lessons/${lesson.id}?view=de`);
      expect(res.status).toBe(200);
      const text = visibleText(await res.text());
      for (const s of sentences.filter((x) => x.paragraph === lesson.paragraph)) expect(text, s.id).toContain(s.text.de);
    }
    const all = (await Promise.all(lessons.map(async (l) => (await request(`/de/lessons/${l.id}?view=de`)).text()))).join('');
    expect(all).toContain('Produzent und Exporteur');
    expect(all).toContain('multipolaren Weltordnung');
  });

  it('show the English text in the English view, marked lang="en"', async () => {
    const html = await (await request('/de/lessons/alliance?view=en')).text();
    const en = sentences.find((s) => s.id === 'p1s1')!.text.en!;
    expect(visibleText(html)).toContain(en);
    expect(html).toMatch(/<p class="single" lang="en">/);
  });

  it('align German and English sentence by sentence side by side', async () => {
    const html = await (await request('/en/lessons/balance?view=both')).text();
    const pairs = [...html.matchAll(/<li id="s-(p\d+s\d+)" class="pair"><p lang="de">[\s\S]*?<\/p><p lang="en">/g)].map((m) => m[1]);
    expect(pairs).toEqual(['p4s1', 'p4s2']);
  });

  it('remember the chosen view in a cookie', async () => {
    const set = await request('/en/lessons/alliance?view=de');
    expect(set.headers.get('set-cookie')).toContain('view=de');
    const html = await (await request('/en/lessons/china', { headers: { Cookie: 'view=de' } })).text();
    expect(html).toMatch(/<p class="single" lang="de">/);
  });

  it('mark glossary terms in the German text and link them to entries on the page', async () => {
    const html = await (await request('/en/lessons/cooperation?view=de')).text();
    const terms = [...html.matchAll(/<a class="term" href="#g-([a-z0-9-]+)"/g)].map((m) => m[1]);
    expect(terms).toContain('vorsehen');
    for (const id of new Set(terms)) expect(html, id).toContain(`id="g-${id}"`);
    // "sieht … vor": both parts of the separable verb point to one entry
    expect(terms.filter((t) => t === 'vorsehen')).toHaveLength(2);
  });

  it('link to the same page in the other language', async () => {
    const html = await (await request('/en/lessons/china')).text();
    expect(html).toContain('<a href="/de/lessons/china" hreflang="de" lang="de">Deutsch</a>');
  });

  it('answer an unknown lesson with a 404 page in the UI language', async () => {
    const res = await request('/de/lessons/nope');
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('Seite nicht gefunden');
  });
});

describe('other pages', () => {
  it('the overview lists the six lessons with links', async () => {
    const html = await (await request('/en/')).text();
    for (const l of lessons) expect(html).toContain(`href="/en/lessons/${l.id}"`);
  });

  it('an unknown language or path gets a friendly 404 page, not JSON', async () => {
    const res = await request('/fr/lessons/alliance');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain('Page not found');
  });
});
