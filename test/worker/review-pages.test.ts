import { describe, expect, it } from 'vitest';
import { contentCard } from '../../worker/services/review-cards.ts';
import { request, visibleText } from './helpers.ts';
import { cardAnswer } from './public-ids-helpers.ts';

const cookieOf = (res: Response) => /learner=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
const as = (cookie: string, extra: Record<string, string> = {}) => ({ ...extra, cookie: `learner=${cookie}` });
const form = { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://127.0.0.1' };
const decode = (s: string) => s.replace(/&amp;/g, '&');

async function addLesson(lesson: string) {
  const res = await request('/api/review/cards', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ lesson }),
  });
  expect(res.status).toBe(201);
  return cookieOf(res)!;
}

/** The page's card form: where it posts, its hidden fields, and the card it asks. */
function cardForm(html: string) {
  const m = /<form method="post" action="(\/[a-z]{2}\/review\/[^"]+)"[\s\S]*?<\/form>/.exec(html);
  if (!m) throw new Error('no card form on the page');
  const hidden = [...m[0].matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map(
    ([, name, value]) => `${name}=${encodeURIComponent(decode(value!))}`,
  );
  return { action: m[1]!, cardId: decodeURIComponent(m[1]!.split('/').pop()!), hidden: hidden.join('&') };
}

/**
 * Form fields that answer a card right or wrong, in the ids of the card's current showing (the test reads the
 * key on the server; the learner never gets it).
 */
async function fields(cookie: string, cardId: string, right: boolean): Promise<string> {
  const r = `r.${cardId}`;
  const response = (await cardAnswer(cookie, contentCard(cardId)!.question, cardId, right)) as {
    choice?: string;
    gaps?: Record<string, string>;
    text?: string;
  };
  if (response.choice) return `${r}=${encodeURIComponent(response.choice)}`;
  if (response.gaps)
    return Object.entries(response.gaps)
      .map(([g, v]) => `${r}.${g}=${encodeURIComponent(String(v))}`)
      .join('&');
  return `${r}=${encodeURIComponent(response.text ?? '')}`;
}

const header = (html: string) => /Card \d+ of \d+|Karte \d+ von \d+/.exec(visibleText(html))?.[0];
const counts = (html: string) => /\d+ (due|fällig), \d+ (new|neu)/.exec(visibleText(html))?.[0];
const nextHref = (html: string) => decode(/<a class="button primary" href="([^"]+)" id="review-next"/.exec(html)![1]!);

describe('/{lang}/review session counters', () => {
  it('keeps "card n of total" and the due/new counts truthful across answers and reloads', async () => {
    const cookie = await addLesson('alliance');
    const first = await (await request('/en/review', { headers: as(cookie) })).text();
    expect(header(first)).toBe('Card 1 of 10');
    expect(counts(first)).toBe('0 due, 10 new');

    // A right answer: the card is done, nothing is added to the session.
    let f = cardForm(first);
    const right = await (
      await request(f.action, {
        method: 'POST',
        headers: as(cookie, form),
        body: `${await fields(cookie, f.cardId, true)}&${f.hidden}&easy=0`,
      })
    ).text();
    expect(header(right)).toBe('Card 1 of 10');
    expect(counts(right)).toBe('0 due, 9 new');

    const second = await (await request(nextHref(right), { headers: as(cookie) })).text();
    expect(header(second)).toBe('Card 2 of 10');
    expect(counts(second)).toBe('0 due, 9 new');
    // Reloading the page does not move the counter on.
    expect(header(await (await request(nextHref(right), { headers: as(cookie) })).text())).toBe('Card 2 of 10');

    // A wrong answer comes back in this session: the total grows by one, and it counts as due.
    f = cardForm(second);
    const wrong = await (
      await request(f.action, {
        method: 'POST',
        headers: as(cookie, form),
        body: `${await fields(cookie, f.cardId, false)}&${f.hidden}&easy=0`,
      })
    ).text();
    expect(header(wrong)).toBe('Card 2 of 11');
    expect(counts(wrong)).toBe('1 due, 8 new');
    const third = await (await request(nextHref(wrong), { headers: as(cookie) })).text();
    expect(header(third)).toBe('Card 3 of 11');
    expect(counts(third)).toBe('1 due, 8 new');
  });

  it('shows the card again with its message and the same counters when the form names no answer, storing nothing', async () => {
    const cookie = await addLesson('outlook');
    for (const [lang, message] of [
      ['en', 'Choose or write an answer first.'],
      ['de', 'Wählen oder schreiben Sie zuerst eine Antwort.'],
    ] as const) {
      const page = await (await request(`/${lang}/review`, { headers: as(cookie) })).text();
      const f = cardForm(page);
      const res = await request(f.action, { method: 'POST', headers: as(cookie, form), body: `${f.hidden}&easy=0` });
      expect(res.status).toBe(200); // as the quiz pages do: the question again, with the problem next to it
      const html = await res.text();
      expect(visibleText(html)).toContain(message);
      expect(cardForm(html).cardId).toBe(f.cardId);
      expect(header(html)).toBe(header(page));
      expect(counts(html)).toBe(counts(page));
    }
    const exported = (await (await request('/api/progress/export', { headers: as(cookie) })).json()) as any;
    expect(exported.review.events.map((e: any) => e.type)).toEqual(['add']);
  });

  it('counts in German too', async () => {
    const cookie = await addLesson('china');
    const page = await (await request('/de/review', { headers: as(cookie) })).text();
    expect(header(page)).toBe('Karte 1 von 10');
    expect(counts(page)).toBe('0 fällig, 10 neu');
  });
});

describe('/{lang}/review with nothing to show', () => {
  /** The empty review's heading and its paragraphs (the explanation is a paragraph, not the heading). */
  async function empty(lang: string, cookie?: string) {
    const html = await (await request(`/${lang}/review`, cookie ? { headers: as(cookie) } : {})).text();
    const section = /<section aria-labelledby="review-empty">([\s\S]*?)<\/section>/.exec(html)![1]!;
    return {
      heading: visibleText(/<h2 id="review-empty">([\s\S]*?)<\/h2>/.exec(section)![1]!).trim(),
      text: [...section.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => visibleText(m[1]!).trim()),
    };
  }

  it('gives an empty deck and a deck with nothing due a short heading and the explanation below it', async () => {
    expect(await empty('en')).toMatchObject({
      heading: 'Your review is empty',
      text: expect.arrayContaining([expect.stringMatching(/^Open a lesson and add its words/)]),
    });
    expect(await empty('de')).toMatchObject({
      heading: 'Ihre Wiederholung ist leer',
      text: expect.arrayContaining([expect.stringMatching(/^Öffnen Sie eine Lektion/)]),
    });

    const res = await request('/api/review/cards', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ glossary: 'vereinbarung' }),
    });
    const cookie = cookieOf(res)!;
    for (let i = 0; i < 2; i++) {
      const f = cardForm(await (await request('/en/review', { headers: as(cookie) })).text());
      expect(
        (
          await request(f.action, {
            method: 'POST',
            headers: as(cookie, form),
            body: `${await fields(cookie, f.cardId, true)}&${f.hidden}&easy=0`,
          })
        ).status,
      ).toBe(200);
    }
    const en = await empty('en', cookie);
    expect(en.heading).toBe('Nothing due');
    expect(en.text).toEqual(expect.arrayContaining([expect.stringMatching(/^The next card is due in \d+ days?\.$/)]));
    const de = await empty('de', cookie);
    expect(de.heading).toBe('Nichts fällig');
    expect(de.text).toEqual(expect.arrayContaining([expect.stringMatching(/^Die nächste Karte ist in \d+ Tag(en)? fällig\.$/)]));
  });
});
