import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import budgets from '../../budgets.json';
import manifest from '../../build/manifest.json';

const root = new URL('../../build/client', import.meta.url).pathname;
const gzipped = (url: string) => gzipSync(readFileSync(root + url), { level: 9 }).length;

describe('size budgets (build output)', () => {
  it(`ships at most ${budgets.jsGzipBytes / 1024} KB of JavaScript (gzip) to a page`, () => {
    const size = gzipped(manifest.js);
    console.log(`budgets: client JS ${(size / 1024).toFixed(1)} KiB gzip`);
    expect(size).toBeGreaterThan(1000); // the islands are really in it
    expect(size).toBeLessThanOrEqual(budgets.jsGzipBytes);
  });

  it(`ships at most ${budgets.cssGzipBytes / 1024} KB of CSS (gzip)`, () => {
    const size = gzipped(manifest.css);
    console.log(`budgets: CSS ${(size / 1024).toFixed(1)} KiB gzip`);
    expect(size).toBeGreaterThan(500);
    expect(size).toBeLessThanOrEqual(budgets.cssGzipBytes);
  });

  it('bundles the client into one hashed file, with no further chunks to load', () => {
    expect(manifest.js).toMatch(/^\/assets\/client-[A-Z0-9]+\.js$/);
    const src = readFileSync(root + manifest.js, 'utf8');
    expect(src).not.toMatch(/import\(["']\.\//);
  });
});
