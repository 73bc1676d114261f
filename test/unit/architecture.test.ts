import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cycles, importGraph, packagesOf, sourceFiles } from './import-graph.ts';

const root = new URL('../..', import.meta.url).pathname;
const SOURCE_DIRS = ['core', 'worker', 'web', 'scripts'];
const files = sourceFiles(root, SOURCE_DIRS);
const graph = importGraph(root, files);
const read = (f: string) => readFileSync(join(root, f), 'utf8');

describe('the import graph', () => {
  it('reads the whole source tree', () => {
    expect(files.filter((f) => f.startsWith('core/')).length).toBeGreaterThan(50);
    expect(files.filter((f) => f.startsWith('worker/')).length).toBeGreaterThan(20);
    expect([...graph.values()].flat().length).toBeGreaterThan(200);
  });

  it('has no import cycle among source files, type-only imports included', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('finds a cycle when one is added, through a type-only import too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cycle-'));
    mkdirSync(join(dir, 'src', 'sub'), { recursive: true });
    writeFileSync(join(dir, 'src', 'a.ts'), "import { b } from './sub/b.ts';\nexport const a = () => b;\n");
    writeFileSync(join(dir, 'src', 'sub', 'b.ts'), "import type { C } from '../c';\nexport const b = 1 as unknown as C;\n");
    writeFileSync(join(dir, 'src', 'c.ts'), "export type { A } from './a.ts';\nexport type C = number;\n");
    writeFileSync(join(dir, 'src', 'd.ts'), "import './d.ts';\n");
    const found = cycles(importGraph(dir, sourceFiles(dir, ['src'])));
    expect(found).toEqual([['src/a.ts', 'src/c.ts', 'src/sub/b.ts'], ['src/d.ts']]);
  });
});

describe('layers', () => {
  it('core/ imports nothing outside core/ and no platform code (no hono, @hono/*, cloudflare:*, preact, node:)', () => {
    const core = files.filter((f) => f.startsWith('core/') && !f.endsWith('read-files.ts')); // the Node file reader is build/test only
    const wrong = core.flatMap((f) => [
      ...graph
        .get(f)!
        .filter((to) => !to.startsWith('core/'))
        .map((to) => `${f} → ${to}`),
      ...packagesOf(read(f))
        .filter((p) => /^(hono|@hono\/|cloudflare:|preact|node:|i18next)/.test(p))
        .map((p) => `${f} → ${p}`),
    ]);
    expect(wrong).toEqual([]);
  });

  it('web/ never imports worker/ (the browser bundle cannot carry server code)', () => {
    const wrong = files
      .filter((f) => f.startsWith('web/'))
      .flatMap((f) =>
        graph
          .get(f)!
          .filter((to) => to.startsWith('worker/'))
          .map((to) => `${f} → ${to}`),
      );
    expect(wrong).toEqual([]);
  });

  it('web/ imports no server-only package (hono, cloudflare:*): enhancers use fetch and the forms of the page', () => {
    const wrong = files
      .filter((f) => f.startsWith('web/'))
      .flatMap((f) =>
        packagesOf(read(f))
          .filter((p) => /^(hono|@hono\/|cloudflare:)/.test(p))
          .map((p) => `${f} → ${p}`),
      );
    expect(wrong).toEqual([]);
  });
});
