// The lesson page's markup is the reader enhancer's contract (web/islands/reader.client.ts, decision record
// 0016): the enhancer sends nothing of the article again and builds the glossary dialog from the list on the
// page, so these tests hold what it finds there, and the two server answers it swaps in.
import { describe, expect, it } from 'vitest';
import bundle from '../../build/content.json';
import { request, visibleText } from './helpers.ts';

const content = (bundle as any).content;
const lessons = content.lessons as Array<{ id: string; paragraph: number }>;
const sentences = content.article.sentences as Array<{ id: string; paragraph: number; text: Record<string, string> }>;
const OWN = 'http://127.0.0.1';

const page = async (path: string, cookie?: string) => (await request(path, cookie ? { headers: { cookie } } : {})).text();

describe('the lesson page for the reader enhancer', () => {
  it('sends the reader only the close button’s words, in the UI language: the article is in the page once', async () => {
    for (const [lang, close] of [
      ['en', 'Close'],
      ['de', 'Schließen'],
    ]) {
      const html = await page(`/${lang}/lessons/alliance?view=both`);
      expect(html).toContain(`<div data-island="Reader" data-props="{&quot;close&quot;:&quot;${close}&quot;}">`);
      const text = visibleText(html);
      for (const s of sentences.filter((x) => x.paragraph === lessons.find((l) => l.id === 'alliance')!.paragraph)) {
        // English sentences have no markup inside, so the raw page shows any copy of them (an attribute too).
        expect(html.split(s.text.en!).length - 1, `${s.id} en`).toBe(1);
        expect(text.split(s.text.de!).length - 1, `${s.id} de`).toBe(1);
      }
    }
  });

  it('links every term to an entry of the glossary list that has the dialog’s parts: grammar, glosses, add form', async () => {
    for (const lesson of lessons) {
      const html = await page(`/en/lessons/${lesson.id}?view=de`);
      const terms = new Set([...html.matchAll(/<a class="term" href="#g-([a-z0-9-]+)">/g)].map((m) => m[1]!));
      expect(terms.size, lesson.id).toBeGreaterThan(0);
      for (const id of terms) {
        const entry = new RegExp(`<dt id="g-${id}" lang="de" tabindex="-1">[^<]+</dt><dd>([\\s\\S]*?)</dd>`).exec(html);
        expect(entry, `${lesson.id}: ${id}`).not.toBeNull();
        const dd = entry![1]!;
        expect(dd).toMatch(/<span class="grammar">[^<]+<\/span>/);
        expect(dd).toMatch(/<span class="gloss" lang="en">[^<]+<\/span>/);
        expect(dd).toContain(`<form method="post" action="/en/review/add" class="review-add">`);
        expect(dd).toContain(`<input type="hidden" name="glossary" value="${id}"/>`);
      }
    }
  });

  it('has one hidden Listen button per German sentence, in the German and side-by-side views only', async () => {
    const button = /<button type="button" class="button listen" data-listen lang="en" hidden>/g;
    const paragraph = lessons.find((l) => l.id === 'china')!.paragraph;
    const count = sentences.filter((s) => s.paragraph === paragraph).length;
    expect((await page('/en/lessons/china?view=de')).match(button)).toHaveLength(count);
    expect((await page('/en/lessons/china?view=both')).match(button)).toHaveLength(count);
    expect((await page('/en/lessons/china?view=en')).match(button)).toBeNull();
  });
});

describe('the answers the reader enhancer swaps in', () => {
  it('a view link’s page holds the reader in that view and remembers it in an HttpOnly cookie', async () => {
    const res = await request('/en/lessons/alliance?view=en', { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/view=en;.*HttpOnly/i);
    expect(await res.text()).toMatch(
      /<div class="reader">[\s\S]*<a href="\?view=en" aria-current="true">[\s\S]*<p class="single" lang="en">/,
    );
  });

  it('adding a word from its dialog answers with the lesson page that says how many cards were added', async () => {
    const post = () =>
      request('/en/review/add', {
        method: 'POST',
        headers: {
          'sec-fetch-site': 'same-origin',
          origin: OWN,
          accept: 'text/html',
          'content-type': 'application/x-www-form-urlencoded',
          ...(cookie ? { cookie } : {}),
        },
        body: 'glossary=vereinbarung&back=%2Fen%2Flessons%2Falliance',
        redirect: 'manual',
      });
    let cookie = '';
    const first = await post();
    expect(first.status).toBe(303);
    cookie = /learner=[^;]+/.exec(first.headers.get('set-cookie') ?? '')![0];
    expect(first.headers.get('location')).toBe('/en/lessons/alliance?added=2');
    expect(await page('/en/lessons/alliance?added=2', cookie)).toContain(
      '<p class="notice" role="status">2 cards added to your review.</p>',
    );
    const again = await post();
    expect(again.headers.get('location')).toBe('/en/lessons/alliance?added=0');
    expect(await page('/en/lessons/alliance?added=0', cookie)).toContain(
      '<p class="notice" role="status">These cards are in your review already.</p>',
    );
  });
});
