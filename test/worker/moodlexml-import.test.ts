// POST /api/question-sets?format=moodlexml and the export back, inside workerd with the real R2 bucket and registry.
/// <reference types="vite/client" />
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { normalSet } from '../../core/formats/shared/normal-set.ts';
import type { QuestionSet } from '../../core/sets/schema.ts';
import xml from '../fixtures/moodlexml/all-types.xml?raw';
import { api, auth } from './instructor-helpers.ts';

const post = (body: string, query = 'format=moodlexml&lang=de', headers: Record<string, string> = {}) =>
  api(`?${query}`, { method: 'POST', headers: { ...auth, 'content-type': 'application/xml', ...headers }, body });

type Saved = {
  id: string;
  set: QuestionSet;
  warnings: Array<{ message: string }>;
  report: Array<{ name: string; type?: string; skipped?: string }>;
};

describe('POST /api/question-sets?format=moodlexml', () => {
  it('imports every supported question, reports the unsupported one, and stores the media it shows', async () => {
    const res = await post(xml);
    expect(res.status, await res.clone().text()).toBe(201);
    const saved = (await res.json()) as Saved;
    expect(saved.report.find((r) => r.name === 'Calc')?.skipped).toMatch(/"calculated" questions have no counterpart/);
    expect(saved.set.grading).toBe('moodle');
    expect(saved.set.media?.map((m) => m.type)).toEqual(['image/png', 'audio/wav']);
    for (const m of saved.set.media!) {
      const obj = await env.MEDIA.get(`media/${m.hash}`);
      expect(obj?.httpMetadata?.contentType).toBe(m.type);
      expect(obj?.size).toBe(m.size);
    }
  });

  it('answers a malformed file with 422 and the line and column', async () => {
    const res = await post('<?xml version="1.0"?>\n<quiz>\n<question type="truefalse"></questio>\n</quiz>');
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { details: Array<{ line: number; column: number; message: string }> } };
    expect(body.error.details[0]).toMatchObject({ line: 3 });
    expect(body.error.details[0]!.column).toBeGreaterThan(0);
  });

  it('refuses a billion-laughs file and an external entity without expanding them', async () => {
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE q [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>\n<quiz>&c;</quiz>`;
    for (const body of [bomb, '<?xml version="1.0"?>\n<!DOCTYPE quiz [<!ENTITY x SYSTEM "http://example.org/x">]>\n<quiz>&x;</quiz>']) {
      const res = await post(body);
      expect(res.status).toBe(422);
      expect(await res.text()).toContain('declares a <!DOCTYPE>');
    }
  });

  it('refuses a file with nothing importable (422), naming why', async () => {
    const res = await post(
      '<quiz><question type="calculated"><name><text>C</text></name><questiontext><text>x</text></questiontext></question></quiz>',
    );
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('nothing in this file can be imported');
  });
});

describe('GET /api/question-sets/{id}/export?format=moodlexml', () => {
  it('writes Moodle XML with the media as base64 files, which imports back to the same set', async () => {
    const first = (await (await post(xml)).json()) as Saved;
    const res = await api(`/${first.id}/export?format=moodlexml`, { headers: auth });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/xml/);
    const out = await res.text();
    expect(out).toMatch(/<file name="map \(1\)\.png" path="\/" encoding="base64">iVBORw0KGgo/);
    const back = (await (await post(out, `format=moodlexml&lang=de&title=${encodeURIComponent(first.set.title.de!)}`)).json()) as Saved;
    expect(normalSet(back.set)).toEqual(normalSet(first.set));
  });
});
