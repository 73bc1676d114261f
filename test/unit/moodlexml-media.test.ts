// Pictures and sounds: typed by their bytes, and kept in texts only from the set's own media.
import { describe, expect, it } from 'vitest';
import { fromBase64, readMediaFile, sniff } from '../../core/formats/moodlexml/media.ts';
import { parseRich, serializeRich } from '../../core/formats/shared/rich-text.ts';
import { readHtml } from '../../core/formats/shared/sanitize.ts';
import { binary } from './moodlexml-helpers.ts';

const H = 'ab'.repeat(32);
const bytes = (...xs: Array<number | string>) =>
  new Uint8Array(xs.flatMap((x) => (typeof x === 'string' ? [...x].map((c) => c.charCodeAt(0)) : [x])));

describe('sniffing a file by its first bytes', () => {
  it.each([
    ['image/png', binary('pixel.png')],
    ['image/jpeg', bytes(0xff, 0xd8, 0xff, 0xe0)],
    ['image/gif', bytes('GIF89a', 1, 0)],
    ['image/webp', bytes('RIFF', 0, 0, 0, 0, 'WEBPVP8 ')],
    ['audio/wav', binary('tone.wav')],
    ['audio/ogg', bytes('OggS', 0)],
    ['audio/mpeg', bytes('ID3', 4, 0)],
    ['audio/mpeg', bytes(0xff, 0xfb, 0x90)],
    ['audio/mp4', bytes(0, 0, 0, 0x20, 'ftypM4A ')],
  ])('knows %s', (type, b) => expect(sniff(b)).toBe(type));

  it('refuses SVG, HTML and anything unknown, whatever the name says, with the name', async () => {
    const b64 = (s: string) => btoa(s);
    expect(await readMediaFile('a.png', 'base64', b64('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe(
      'the file "a.png" is an SVG picture (it can carry script), so it was left out.',
    );
    expect(await readMediaFile('b.mp3', 'base64', b64('<!doctype html><script>x</script>'))).toMatch(/^the file "b.mp3" is markup/);
    expect(await readMediaFile('c.gif', 'base64', b64('#!/bin/sh\necho'))).toMatch(/^the file "c.gif" is not a PNG/);
    expect(await readMediaFile('d.png', 'base64', '***')).toBe('the file "d.png" is not valid base64, so it was left out.');
  });

  it('refuses a file over the per-file limit, stating it', async () => {
    const big = new Uint8Array(2 * 1024 * 1024 + 1);
    big.set(binary('pixel.png'));
    let s = '';
    for (let i = 0; i < big.length; i += 0x8000) s += String.fromCharCode(...big.subarray(i, i + 0x8000));
    expect(await readMediaFile('big.png', 'base64', btoa(s))).toMatch(/is 2,049 KiB; the limit for one picture or sound is 2 MiB/);
  });

  it('hashes the bytes (SHA-256), so equal files share one key', async () => {
    const one = await readMediaFile('a.png', undefined, btoa(String.fromCharCode(...binary('pixel.png'))));
    const two = await readMediaFile('other name.png', 'base64', btoa(String.fromCharCode(...binary('pixel.png'))));
    expect(typeof one !== 'string' && typeof two !== 'string' && one.hash === two.hash && /^[0-9a-f]{64}$/.test(one.hash)).toBe(true);
    expect(fromBase64('AAE=\n')).toEqual(new Uint8Array([0, 1]));
  });
});

describe('the sanitiser and the stored form with media', () => {
  const clean = (html: string) => {
    const r = readHtml(html).render();
    return { stored: serializeRich(r.nodes), removed: r.removed };
  };

  it('keeps <img src alt> and <audio controls src> from /media/{sha256} only', () => {
    expect(clean(`<img src="/media/${H}" alt="Map &amp; key" width="3">`).stored).toBe(`<img src="/media/${H}" alt="Map &amp; key">`);
    expect(clean(`<audio controls><source src="/media/${H}" type="audio/mpeg">fallback</audio>`).stored).toBe(
      `<audio controls src="/media/${H}"></audio>`,
    );
    for (const src of [
      'https://example.org/x.png',
      `/media/${H}x`,
      `/media/${H.toUpperCase()}`,
      'data:image/png;base64,AAAA',
      `//evil/media/${H}`,
      `javascript:alert(1)`,
    ])
      expect(clean(`<img src="${src}" alt="x">t`)).toEqual({ stored: 't', removed: ['<img>'] });
    expect(clean(`<img src="/media/${H}" onerror="alert(1)">`).removed).toEqual(['onerror="…"']);
  });

  it('reads the stored form back to the same tree, and treats other media markup as text', () => {
    const stored = `a <img src="/media/${H}" alt="q &quot;x&quot;"> <audio controls src="/media/${H}"></audio>`;
    expect(serializeRich(parseRich(stored))).toBe(stored);
    expect(parseRich(`<img src="/x.png" alt="">`)).toEqual(['<img src="/x.png" alt="">']);
  });
});

describe('the set schema and its media list', () => {
  it('refuses a text that shows a file the set does not list', async () => {
    const { setSchemas } = await import('../../core/sets/schema.ts');
    const set = (media: unknown[]) => ({
      title: { de: 'x' },
      languages: ['de'],
      media,
      questions: [{ id: 'q1', type: 'truefalse', prompt: { de: `<img src="/media/${H}" alt="">` }, answer: true }],
    });
    const schema = setSchemas(['de']).QuestionSet;
    expect(schema.safeParse(set([{ hash: H, name: 'a.png', type: 'image/png', size: 3 }])).success).toBe(true);
    const bad = schema.safeParse(set([]));
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe(`a text shows /media/${H}, which is not among the set's media`);
    expect(schema.safeParse(set([{ hash: H, name: 'a.svg', type: 'image/svg+xml', size: 3 }])).success).toBe(false);
  });
});
