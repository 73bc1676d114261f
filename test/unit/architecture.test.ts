import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const walk = (dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? walk(join(dir, d.name)) : d.name.endsWith('.ts') || d.name.endsWith('.tsx') ? [join(dir, d.name)] : [],
  );

describe('core/', () => {
  it('imports no platform code (no hono, cloudflare:*, preact)', () => {
    const files = walk('core').filter((f) => !f.endsWith('read-files.ts')); // the Node file reader is build/test only
    expect(files.length).toBeGreaterThan(3);
    for (const f of files) {
      const src = readFileSync(join(root, f), 'utf8');
      expect(src, f).not.toMatch(/from ['"](hono|preact|cloudflare:|node:|i18next)/);
    }
  });
});
