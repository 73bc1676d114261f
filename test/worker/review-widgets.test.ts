import { describe, expect, it } from 'vitest';
import { contentCard } from '../../worker/services/review-cards.ts';
import { cardAnswer } from './public-ids-helpers.ts';
import { request, visibleText } from './helpers.ts';

const json = { 'content-type': 'application/json' };
const cookieOf = (res: Response) => /learner=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
const as = (cookie: string, extra: Record<string, string> = {}) => ({ ...extra, cookie: `learner=${cookie}` });

/** The overview's review box: its visible text, and whether it links to the review page. */
async function reviewBox(lang: string, cookie?: string) {
  const html = await (await request(`/${lang}/`, cookie ? { headers: as(cookie) } : {})).text();
  const box = /<section class="review-due"[\s\S]*?<\/section>/.exec(html)?.[0];
  if (!box) throw new Error('no review box on the overview');
  return { text: visibleText(box), link: /<a [^>]*href="\/[a-z]{2}\/review"[^>]*>([^<]*)</.exec(box) };
}

describe('the overview review box', () => {
  it('links to the review with the count when cards are due, and says so instead when nothing is', async () => {
    const empty = await reviewBox('en');
    expect(empty.link).toBeNull(); // an empty deck: no call to an empty page
    expect(empty.text).toContain('Open a lesson and add its words');
    expect((await reviewBox('de')).text).toContain('Öffnen Sie eine Lektion und fügen Sie ihre Wörter hinzu');

    const add = await request('/api/review/cards', { method: 'POST', headers: json, body: JSON.stringify({ glossary: 'vorsehen' }) });
    const cookie = cookieOf(add)!;
    const due = await reviewBox('en', cookie);
    expect(due.link?.[0]).toContain('class="button primary"');
    expect(due.link?.[1]).toBe('3 cards due');
    expect((await reviewBox('de', cookie)).link?.[1]).toBe('3 Karten fällig');

    // Every card answered right: nothing left today, the next one falls due in days.
    const review = (await (await request('/api/review?lang=en', { headers: as(cookie) })).json()) as any;
    for (const card of review.cards as Array<{ id: string }>) {
      const res = await request(`/api/review/${card.id}/answer`, {
        method: 'POST',
        headers: as(cookie, json),
        body: JSON.stringify({ response: await cardAnswer(cookie, contentCard(card.id)!.question, card.id, true) }),
      });
      expect(res.status).toBe(200);
    }
    const done = await reviewBox('en', cookie);
    expect(done.link).toBeNull();
    expect(done.text).toMatch(/Nothing to review right now\. The next card is due in \d+ days?\./);
    expect((await reviewBox('de', cookie)).text).toMatch(
      /Gerade ist nichts zu wiederholen\. Die nächste Karte ist in \d+ (Tag|Tagen) fällig\./,
    );
  });
});
