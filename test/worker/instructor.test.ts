import { describe, expect, it } from 'vitest';
import { request, visibleText } from './helpers.ts';
import { fetchCounting } from './kv-counter.ts';

import { api, auth, create, json, t, validSet } from './instructor-helpers.ts';
import { LIMITS } from '../../core/sets/limits.ts';

describe('instructor API auth', () => {
  const routes: Array<[string, string]> = [
    ['GET', ''],
    ['POST', ''],
    ['GET', '/s-abcdef'],
    ['PUT', '/s-abcdef'],
    ['DELETE', '/s-abcdef'],
    ['POST', '/s-abcdef/publish'],
    ['POST', '/s-abcdef/unpublish'],
    ['GET', '/s-abcdef/export?format=gift'],
  ];

  it('refuses every route without a token, and with a wrong one, as JSON 401', async () => {
    for (const [method, path] of routes) {
      for (const headers of [{}, { authorization: 'Bearer wrong-token-wrong-token' }, { authorization: 'Basic abc' }] as Array<
        Record<string, string>
      >) {
        const ip = `10.1.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`; // stay under the per-client limit
        const res = await api(path, {
          method,
          headers: { ...headers, ...json, 'cf-connecting-ip': ip },
          body: method === 'GET' ? undefined : '{}',
        });
        expect(res.status, `${method} ${path} ${JSON.stringify(headers)}`).toBe(401);
        expect(((await res.json()) as any).error.code).toBe('unauthorized');
      }
    }
  });
});

describe('question sets: create, read, replace, publish, delete', () => {
  it('keeps every version, publishes the latest, and learners get it without keys', async () => {
    const { id, version } = await create();
    expect(version).toBe(1);
    const list = (await (await api('', { headers: auth })).json()) as any;
    expect(list.sets.find((s: any) => s.id === id)).toMatchObject({ state: 'draft', latestVersion: 1, attempts: 0 });

    // Not published: learners cannot see it.
    expect((await request(`/api/quizzes/${id}`)).status).toBe(404);
    expect((await request(`/en/sets/${id}`)).status).toBe(404);

    const pub = await api(`/${id}/publish`, { method: 'POST', headers: auth });
    expect(((await pub.json()) as any).state).toBe('published');
    const quiz = (await (await request(`/api/quizzes/${id}?lang=en`)).json()) as any;
    expect(quiz.questions.map((q: any) => q.id)).toEqual(['q1', 'q2']);
    expect(JSON.stringify(quiz)).not.toMatch(/"correct"|"answer"|"feedback"/);
    expect(await (await request('/en/')).text()).toContain(`href="/en/sets/${id}"`);
    expect(await (await request('/en/lessons/china')).text()).toContain(`href="/en/sets/${id}"`);

    const put = await api(`/${id}`, { method: 'PUT', headers: { ...auth, ...json }, body: JSON.stringify(validSet('Neu')) });
    expect(((await put.json()) as any).version).toBe(2);
    const full = (await (await api(`/${id}`, { headers: auth })).json()) as any;
    expect(full).toMatchObject({ version: 2, publishedVersion: 1, set: { title: { de: 'Neu' } } });
    expect(full.set.questions[0].choices[0].correct).toBe(true); // the instructor's copy has the keys

    const exported = await (await api(`/${id}/export?format=json`, { headers: auth })).json();
    expect(exported).toEqual(full.set);

    expect((await api(`/${id}/unpublish`, { method: 'POST', headers: auth })).status).toBe(200);
    expect((await request(`/api/quizzes/${id}`)).status).toBe(404);
    expect((await api(`/${id}`, { method: 'DELETE', headers: auth })).status).toBe(200);
    expect((await api(`/${id}`, { headers: auth })).status).toBe(404);
  });

  it('records the set version in a learner attempt', async () => {
    const { id } = await create();
    await api(`/${id}/publish`, { method: 'POST', headers: auth });
    const res = await request(`/api/quizzes/${id}/attempts`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ responses: { q2: { value: true } }, lang: 'de' }),
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as any;
    expect(body).toMatchObject({ score: 1, max: 2 });
    expect(body.version).toMatch(/^1\./);
    const list = (await (await api('', { headers: auth })).json()) as any;
    expect(list.sets.find((s: any) => s.id === id).attempts).toBe(1);
  });
});

describe('an invalid import', () => {
  it('stores nothing and answers 422 with every problem, each with its JSON path', async () => {
    const before = ((await (await api('', { headers: auth })).json()) as any).sets.length;
    const bad = validSet();
    (bad.questions[0] as any).choices[0].correct = false;
    (bad.questions[1] as any).answer = 'yes';
    (bad as any).lesson = 'nope';
    const res = await api('', { method: 'POST', headers: { ...auth, ...json }, body: JSON.stringify(bad) });
    expect(res.status).toBe(422);
    const { error } = (await res.json()) as any;
    expect(error.code).toBe('invalid_set');
    const paths = error.details.map((d: any) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['questions[0].choices', 'questions[1].answer']));
    expect(((await (await api('', { headers: auth })).json()) as any).sets.length).toBe(before);
  });

  it('reports bad JSON with its line and column', async () => {
    const res = await api('', { method: 'POST', headers: { ...auth, ...json }, body: '{\n  "title": {"de": "x",}\n}' });
    expect(res.status).toBe(422);
    const { error } = (await res.json()) as any;
    expect(error.details[0]).toMatchObject({ line: 2 });
  });

  it('refuses a body over the size limit with 413, and an unknown media type with 415', async () => {
    const big = 'x'.repeat(LIMITS.bodyBytes + 1024);
    expect((await api('', { method: 'POST', headers: { ...auth, ...json }, body: JSON.stringify({ big }) })).status).toBe(413);
    expect((await api('', { method: 'POST', headers: { ...auth, 'content-type': 'application/xml' }, body: '<x/>' })).status).toBe(415);
  });
});

describe('instructor text is never live HTML', () => {
  it('keeps <script>, onerror= and javascript: inert on the learner page and in the learner JSON', async () => {
    const evil = '<script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">x</a>';
    const set = validSet();
    set.questions[0]!.prompt = t(`Frage ${evil}`, `Question ${evil}`);
    const { id } = await create(set);
    await api(`/${id}/publish`, { method: 'POST', headers: auth });
    const page = await request(`/en/sets/${id}?attempt=abcd&ql=en&n=1`);
    const html = await page.text();
    expect(html).not.toContain('<script>alert');
    expect(html).not.toMatch(/<img[^>]*onerror/i);
    expect(html).not.toMatch(/<a[^>]*href="javascript:/i);
    expect(visibleText(html)).toContain('Question <script>alert(1)</script>'); // shown as text
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const res = await request(`/api/quizzes/${id}?lang=en`);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('GIFT [html] keeps only safe markup', () => {
  it('leaves no script, handler or javascript: URL in the learner page or JSON', async () => {
    const text = '::X::[html]<p>Frage <script>alert(1)</script><img src=x onerror=alert(2)> <a href="javascript:alert(3)">hier</a></p>{T}';
    const res = await api('?format=gift&lang=de&title=XSS', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'text/plain' },
      body: text,
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const { id, warnings } = (await res.json()) as any;
    expect(warnings.length).toBeGreaterThan(0); // the instructor is told the formatting was reduced
    await api(`/${id}/publish`, { method: 'POST', headers: auth });
    const learnerJson = await (await request(`/api/quizzes/${id}?lang=de`)).text();
    const html = await (await request(`/de/sets/${id}?attempt=abcd&ql=de&n=1`)).text();
    for (const body of [learnerJson, html]) {
      expect(body).not.toMatch(/<script>alert|onerror|javascript:/i);
      expect(body).not.toContain('alert(1)');
    }
    expect(visibleText(html)).toContain('Frage');
  });
});

describe('GIFT import through the API', () => {
  const gift = (text: string, query = 'format=gift&lang=de&title=Moodle-Set') =>
    api(`?${query}`, { method: 'POST', headers: { ...auth, 'content-type': 'text/plain' }, body: text });

  it('imports a Moodle GIFT file in the language ?lang= names, keeping types, keys and feedback', async () => {
    const text = [
      '// aus Moodle exportiert',
      '$CATEGORY: $course$/Seltene Erden',
      '',
      '::TF1::Japan und die USA haben eine Vereinbarung unterzeichnet.{TRUE#Lesen Sie Absatz 1 noch einmal.#Richtig.}',
      '',
      '::MC1::Wer ist der größte Produzent?{=China#Genau. ~Japan#Nein. ~Die USA#Nein.}',
      '',
      '::SA1::Wie heißt der Stoff? {=Seltene Erden =seltene Erden}',
    ].join('\n');
    const res = await gift(text);
    expect(res.status, await res.clone().text()).toBe(201);
    const { id, set } = (await res.json()) as any;
    expect(set.languages).toEqual(['de']);
    expect(set.questions.map((q: any) => q.type)).toEqual(['truefalse', 'single', 'short']);
    expect(set.questions[0]).toMatchObject({
      answer: true,
      feedback: { wrong: { de: 'Lesen Sie Absatz 1 noch einmal.' }, right: { de: 'Richtig.' } },
    });
    const exported = await (await api(`/${id}/export?format=gift`, { headers: auth })).text();
    const again = await gift(exported);
    expect(again.status).toBe(201);
    expect(((await again.json()) as any).set.questions).toEqual(set.questions);
  });

  it('answers a GIFT file with several errors with all of them, each with line and column, and stores nothing', async () => {
    const before = ((await (await api('', { headers: auth })).json()) as any).sets.length;
    const text = ['::A::Nur eine Antwort {~Japan}', '', '::B::Offene Klammer {=China', '', '::C::Gut {=China ~Japan}'].join('\n');
    const res = await gift(text);
    expect(res.status).toBe(422);
    const { error } = (await res.json()) as any;
    expect(error.details.length).toBeGreaterThanOrEqual(2);
    expect(error.details.map((d: any) => d.line)).toEqual(expect.arrayContaining([1, 3]));
    for (const d of error.details) expect(d.column).toBeGreaterThan(0);
    expect(((await (await api('', { headers: auth })).json()) as any).sets.length).toBe(before);
  });
});

describe('set limits', () => {
  it('refuses too many questions and too long texts with messages that say which and how long', async () => {
    const many = { ...validSet(), questions: Array.from({ length: 201 }, (_, i) => ({ ...validSet().questions[1]!, id: `q${i}` })) };
    const res1 = await api('', { method: 'POST', headers: { ...auth, ...json }, body: JSON.stringify(many) });
    expect(res1.status).toBe(422);
    expect(JSON.stringify(await res1.json())).toContain('has 201 questions; the limit is 200');
    const long = validSet();
    (long.questions[0] as any).choices[1].feedback = t('x'.repeat(2001), 'y');
    const res2 = await api('', { method: 'POST', headers: { ...auth, ...json }, body: JSON.stringify(long) });
    expect(res2.status).toBe(422);
    const { error } = (await res2.json()) as any;
    expect(error.details).toContainEqual({
      path: 'questions[0].choices[1].feedback.de',
      message: 'is 2,001 characters long; the limit is 2,000',
    });
  });
});

describe('KV operations for a published set (budgets)', () => {
  it('a learner loads a set with at most one KV read, none once cached', async () => {
    const { id } = await create();
    await api(`/${id}/publish`, { method: 'POST', headers: auth });
    const path = `/en/sets/${id}?attempt=abcd&ql=de&n=1`;
    const cold = await fetchCounting(path);
    expect(cold.res.status).toBe(200);
    expect(cold.ops).toEqual(['SETS.get']);
    expect((await fetchCounting(path, {}, { warm: true })).ops).toEqual([]);
    expect((await fetchCounting(`/api/quizzes/${id}?lang=de`)).ops).toEqual(['SETS.get']);
  });

  it('lists published sets on the overview and lesson pages with at most one KV read, and writes nothing', async () => {
    const { id } = await create();
    await api(`/${id}/publish`, { method: 'POST', headers: auth });
    for (const path of ['/en/', '/de/lessons/china']) {
      const { res, ops } = await fetchCounting(path);
      expect(await res.text()).toContain(`/sets/${id}"`);
      expect(ops.length, `${path}: ${ops.join(', ')}`).toBeLessThanOrEqual(1);
      expect(ops.every((op) => op === 'SETS.get')).toBe(true);
    }
  });

  it('serves the instructor list from the registry, without any KV operation', async () => {
    await create();
    const { res, ops } = await fetchCounting('/api/question-sets', { headers: auth });
    expect(res.status).toBe(200);
    expect(ops.filter((op) => op.startsWith('SETS.'))).toEqual([]);
  });
});

describe('any import at all (fuzz)', () => {
  it('never makes the import answer 5xx, for random GIFT text or random JSON', async () => {
    const { default: fc } = await import('fast-check');
    const giftish = fc
      .array(
        fc.oneof(
          fc.string(),
          fc.constantFrom(
            '{',
            '}',
            '=',
            '~',
            '#',
            '::',
            '->',
            '%50%',
            '\n\n',
            '[html]',
            '<span lang="de" class="multilang">',
            '</span>',
            '$CATEGORY: x',
            '//',
            '\\',
          ),
        ),
        { maxLength: 30 },
      )
      .map((parts) => parts.join(''));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          giftish.map((t) => ({ t, gift: true })),
          fc.json().map((t) => ({ t, gift: false })),
        ),
        async ({ t, gift }) => {
          const res = await api(gift ? '?format=gift&lang=de' : '', {
            method: 'POST',
            headers: { ...auth, 'content-type': gift ? 'text/plain' : 'application/json' },
            body: t,
          });
          await res.arrayBuffer();
          expect(res.status, t.slice(0, 200)).toBeLessThan(500);
        },
      ),
      { numRuns: 300 },
    );
  });
});
