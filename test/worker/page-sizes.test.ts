// Issue 20, item 4: what a learner's phone downloads for each learner page, HTML + CSS + the JavaScript the page
// loads (its island entries and their preloaded chunks), gzip, rendered by the real worker and served from the
// real build output (the ASSETS binding). Needs `node scripts/build.ts` first.
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import budgets from '../../budgets.json';
import { request } from './helpers.ts';
import { auth, create, json } from './instructor-helpers.ts';

const gzipSize = async (body: ArrayBuffer | string) => {
  const stream = new Response(body).body!.pipeThrough(new CompressionStream('gzip'));
  return (await new Response(stream).arrayBuffer()).byteLength;
};

/** Stylesheets and scripts a page asks for at load: `<link rel=stylesheet>` and `<script src>`. */
const assetsOf = (html: string) =>
  [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"|<script type="module" src="([^"]+)"/g)].map((m) => (m[1] ?? m[2])!);

async function asset(path: string) {
  const res = await env.ASSETS.fetch(`http://127.0.0.1${path}`);
  expect(res.status, `${path} is in the build (run node scripts/build.ts)`).toBe(200);
  return res.arrayBuffer();
}

/** The page's download, gzip, by part. */
async function weigh(path: string, cookie?: string) {
  const res = await request(path, cookie ? { headers: { cookie } } : {});
  expect(res.status, path).toBe(200);
  const html = await res.text();
  const files = assetsOf(html);
  let css = 0;
  let js = 0;
  for (const file of files) {
    const size = await gzipSize(await asset(file));
    if (file.endsWith('.css')) css += size;
    else js += size;
  }
  return { html: await gzipSize(html), css, js, files };
}

let learner = '';
let setPath = '';
let dictationPath = '';

beforeAll(async () => {
  // A returning learner: an attempt stored, lesson words due for review, a published set on the overview.
  const submitted = await request('/api/quizzes/china/attempts', {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ responses: { 'china-4': { value: true } } }),
  });
  learner = /learner=[^;]+/.exec(submitted.headers.get('set-cookie') ?? '')![0];
  const cards = await request('/api/review/cards', {
    method: 'POST',
    headers: { ...json, cookie: learner },
    body: JSON.stringify({ lesson: 'china' }),
  });
  expect(cards.status).toBe(201);
  const set = await create();
  expect((await request(`/api/question-sets/${set.id}/publish`, { method: 'POST', headers: auth })).status).toBe(200);
  setPath = `/en/sets/${set.id}?attempt=sizes1&ql=de&n=1`;
  // A dictation loads the player's enhancer besides the question's.
  const copy = (await (await request('/api/quizzes/china?lang=de')).json()) as { questions: Array<{ type: string }> };
  const n = copy.questions.findIndex((q) => q.type === 'dictation') + 1;
  expect(n, 'the china quiz has a dictation').toBeGreaterThan(0);
  dictationPath = `/en/lessons/china/quiz?attempt=sizes1&ql=de&n=${n}`;
}, 60_000);

const pages: Array<[string, () => string]> = [
  ['overview', () => '/en/'],
  ['lesson', () => '/de/lessons/china?view=both'],
  ['practice quiz', () => '/en/lessons/china/quiz?attempt=sizes1&ql=de&n=1'],
  ['practice dictation', () => dictationPath],
  ['final test', () => '/en/test?attempt=sizes1&ql=de'],
  ['review', () => '/en/review'],
  ['progress', () => '/en/progress'],
  ['instructor set', () => setPath],
];

describe('page weight per learner page (HTML + CSS + JS, gzip)', () => {
  it.each(pages)(`the %s page is within its budget (${budgets.pageGzipBytes / 1024} KB)`, async (name, path) => {
    const w = await weigh(path(), learner);
    const total = w.html + w.css + w.js;
    const kb = (n: number) => (n / 1024).toFixed(1);
    console.log(`page-sizes: ${name.padEnd(18)} ${kb(total)} KB = HTML ${kb(w.html)} + CSS ${kb(w.css)} + JS ${kb(w.js)}`);
    expect(w.css, 'the stylesheet is counted').toBeGreaterThan(500);
    expect(w.html, 'the page is counted').toBeGreaterThan(500);
    expect(total).toBeLessThanOrEqual(budgets.pageGzipBytes);
  });

  it('loads the JavaScript of the islands a page renders and no other', async () => {
    const overview = await weigh('/en/', learner);
    expect(overview.files.filter((f) => f.endsWith('.js'))).toEqual([]);
    const lesson = await weigh('/en/lessons/china', learner);
    expect(lesson.files.some((f) => /island-Reader-/.test(f))).toBe(true);
    expect(lesson.files.some((f) => /island-PracticeQuestion-/.test(f))).toBe(false);
    const quiz = await weigh('/en/lessons/china/quiz?attempt=sizes1&ql=de&n=1', learner);
    expect(quiz.files.some((f) => /island-PracticeQuestion-/.test(f))).toBe(true);
    expect(quiz.files.some((f) => /island-Reader-/.test(f))).toBe(false);
    expect(quiz.files.some((f) => /island-Dictation-/.test(f))).toBe(false);
    const dictation = await weigh(dictationPath, learner);
    expect(dictation.files.some((f) => /island-PracticeQuestion-/.test(f))).toBe(true);
    expect(dictation.files.some((f) => /island-Dictation-/.test(f))).toBe(true);
  });
});
