import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import budgets from '../../budgets.json';
import manifest from '../../build/manifest.json';
import { discoverIslands } from '../../scripts/lib/client-bundle.ts';

const root = new URL('../../build/client', import.meta.url).pathname;
const gzipped = (url: string) => gzipSync(readFileSync(root + url), { level: 9 }).length;
const islands = manifest.islands as Record<string, { src: string; imports: string[] }>;

/** What a page that renders `names` downloads of JavaScript: their entries and shared chunks, each once. */
const jsFor = (names: string[]) => [...new Set(names.flatMap((n) => [islands[n]!.src, ...islands[n]!.imports]))];

describe('size budgets (build output)', () => {
  it(`ships at most ${budgets.jsGzipBytes / 1024} KB of JavaScript (gzip) to a page, even one with every island`, () => {
    const all = jsFor(Object.keys(islands));
    const size = all.reduce((sum, url) => sum + gzipped(url), 0);
    for (const [name, island] of Object.entries(islands))
      console.log(
        `budgets: ${name} ${(jsFor([name]).reduce((s, u) => s + gzipped(u), 0) / 1024).toFixed(1)} KiB gzip (${1 + island.imports.length} files)`,
      );
    console.log(`budgets: every island together ${(size / 1024).toFixed(1)} KiB gzip`);
    expect(size).toBeGreaterThan(1000); // the islands are really in it
    expect(size).toBeLessThanOrEqual(budgets.jsGzipBytes);
  });

  it(`ships at most ${budgets.cssGzipBytes / 1024} KB of CSS (gzip)`, () => {
    const size = gzipped(manifest.css);
    console.log(`budgets: CSS ${(size / 1024).toFixed(1)} KiB gzip`);
    expect(size).toBeGreaterThan(500);
    expect(size).toBeLessThanOrEqual(budgets.cssGzipBytes);
  });

  it('ships no Preact with any island: each is an enhancer (decision record 0016)', () => {
    // Preact's renderer, as it is in every bundle that carries it: the marker is checked against Preact itself.
    const marker = '__html';
    expect(readFileSync(new URL('../../node_modules/preact/dist/preact.mjs', import.meta.url), 'utf8')).toContain(marker);
    const names = Object.keys(islands);
    expect(names).toEqual(expect.arrayContaining(['PracticeQuestion', 'Dictation', 'Reader']));
    for (const name of names)
      for (const url of jsFor([name])) expect(readFileSync(root + url, 'utf8'), `${name}: ${url}`).not.toContain(marker);
  });

  it('refuses an island without an enhancer beside it, and finds the enhancer of one that has it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'islands-'));
    mkdirSync(join(dir, 'web/islands'), { recursive: true });
    writeFileSync(join(dir, 'web/islands/word-card.tsx'), 'export function WordCard() { return null; }\n');
    writeFileSync(join(dir, 'web/islands/helpers.tsx'), 'export const other = 1;\n'); // no island: exports no WordCard-like name
    expect(() => discoverIslands(dir)).toThrow(/WordCard .* has no enhancer: add web\/islands\/word-card\.client\.ts/);
    writeFileSync(join(dir, 'web/islands/word-card.client.ts'), 'export function enhance() {}\n');
    expect(discoverIslands(dir)).toEqual([
      { name: 'WordCard', file: 'web/islands/word-card.tsx', enhancer: 'web/islands/word-card.client.ts' },
    ]);
  });

  it('builds one client entry per island file, each with the chunks it imports and nothing loaded later', () => {
    const found = discoverIslands(new URL('../..', import.meta.url).pathname).map((i) => i.name);
    expect(found).toEqual(expect.arrayContaining(['Reader', 'PracticeQuestion', 'Listen']));
    expect(Object.keys(islands).sort()).toEqual([...found].sort());
    for (const island of Object.values(islands)) {
      expect(island.src).toMatch(/^\/assets\/island-[A-Za-z]+-[A-Z0-9]+\.js$/);
      for (const url of [island.src, ...island.imports]) expect(readFileSync(root + url, 'utf8')).not.toMatch(/import\(["']\.\//);
    }
  });
});
