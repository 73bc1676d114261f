// The real quiz pages inside workerd, in both directions (UI en with German questions, UI de with English
// ones): no UI words inside an element of the content language, and scores written as the UI language writes
// them ("0,6 von 16" in German).
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { describe, expect, it } from 'vitest';
import bundle from '../../build/content.json';
import { keyedResponse } from '../../core/quiz/grade.ts';
import type { Question } from '../../core/quiz/schema.ts';
import type { AnyResponse } from '../../core/quiz/response.ts';
import { encodeAnswers } from '../../web/quiz/form.ts';
import { request } from './helpers.ts';
import { idsFor } from './public-ids-helpers.ts';

const data = bundle as any;
const questions = data.content.questions.alliance as Question[];
const directions = [
  { ui: 'en', content: 'de' },
  { ui: 'de', content: 'en' },
];

/** Words of the UI's quiz and test strings (placeholders cut out) that never occur in the content language. */
function uiFragments(ui: string): string[] {
  const contentText = JSON.stringify(data.content).toLowerCase();
  const strings = [data.locales[ui].quiz, data.locales[ui].test].flatMap((section) =>
    Object.values(section).filter((v) => typeof v === 'string'),
  );
  const pieces = (strings as string[])
    .flatMap((s) => s.split(/\{\{\w+\}\}/))
    .map((p) => p.replace(/^[\s:,.;—–()“”„‘’"-]+|[\s:,.;—–()“”„‘’"-]+$/g, ''));
  return [...new Set(pieces)].filter((p) => p.length >= 5 && !contentText.includes(p.toLowerCase()));
}

/** Text inside elements whose effective `lang` is not the UI language that contains a UI fragment. */
function misplaced(html: string, ui: string, fragments: string[]): string[] {
  const found: string[] = [];
  const walk = (nodes: ChildNode[], lang: string) => {
    for (const node of nodes) {
      if (node.type === 'text') {
        if (lang !== ui) for (const f of fragments) if (node.data.includes(f)) found.push(`lang=${lang}: "${node.data.trim()}" has "${f}"`);
      } else if ('attribs' in node) walk((node as Element).children, (node as Element).attribs.lang ?? lang);
    }
  };
  walk(parseDocument(html).children, 'none');
  return found;
}

/** The keyed answer to every question, with the first two pairs of the matching question swapped (0.6 of 1). */
async function answers(lang: string): Promise<Record<string, AnyResponse>> {
  // In the ids of the attempt the results form names (`labels1`): public ids are per seed.
  const ids = await idsFor('alliance', 'labels1', questions);
  const out: Record<string, AnyResponse> = {};
  for (const q of questions) {
    if (q.type === 'essay') continue;
    const key = keyedResponse(q, lang, ids) as any;
    if (q.type === 'match') {
      const [a, b] = Object.keys(key.pairs);
      out[q.id] = { pairs: { ...key.pairs, [a!]: key.pairs[b!], [b!]: key.pairs[a!] } };
    } else out[q.id] = key;
  }
  return out;
}

const resultsPage = (ui: string, content: string, given: Record<string, AnyResponse>) =>
  request(`/${ui}/lessons/alliance/quiz/results`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://127.0.0.1' },
    body: new URLSearchParams({ attempt: 'labels1', ql: content, a: encodeAnswers(given) }).toString(),
  });

describe('UI words in the UI language on the real quiz pages', () => {
  for (const { ui, content } of directions) {
    const fragments = uiFragments(ui);

    it(`finds UI words to look for (UI ${ui})`, () => {
      expect(fragments.length).toBeGreaterThan(20);
      expect(misplaced(`<p lang="${content}">${fragments[0]}</p>`, ui, fragments)).toHaveLength(1); // the check can fail
    });

    it(`practice questions of every kind: UI ${ui}, questions in ${content}`, async () => {
      const faults: string[] = [];
      const kinds = new Set<string>();
      for (let n = 1; n <= questions.length; n++) {
        const res = await request(`/${ui}/lessons/alliance/quiz?attempt=labels1&ql=${content}&n=${n}`);
        expect(res.status).toBe(200);
        kinds.add(questions[n - 1]!.type);
        faults.push(...misplaced(await res.text(), ui, fragments).map((f) => `question ${n}: ${f}`));
      }
      expect(kinds.size).toBeGreaterThanOrEqual(6);
      expect(faults).toEqual([]);
    });

    it(`the results page with feedback for every question: UI ${ui}, questions in ${content}`, async () => {
      const res = await resultsPage(ui, content, await answers(content));
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('class="feedback');
      expect(misplaced(html, ui, fragments)).toEqual([]);
    });
  }
});

describe('scores in the UI language', () => {
  it('writes a fractional score with a decimal comma in German and a point in English', async () => {
    const de = await (await resultsPage('de', 'en', await answers('en'))).text();
    const en = await (await resultsPage('en', 'de', await answers('de'))).text();
    expect(de).toMatch(/Sie haben \d+,\d+ von \d+ Punkten erreicht \(\d+\s%\)/);
    expect(en).toMatch(/You scored \d+\.\d+ of \d+ points \(\d+%\)/);
  });
});
