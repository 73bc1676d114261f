import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { validate } from '@readme/openapi-parser';
import { describe, expect, it } from 'vitest';
import { apiContract, contractDocument, documentPath, repairPatterns } from '../../worker/routes/api/schemas/document.ts';
import { ERROR_CODES } from '../../worker/routes/api/schemas/errors.ts';

// The contract of the JSON API as one OpenAPI 3.1 document (worker/routes/api/schemas/), checked with
// @readme/openapi-parser, the validator of ReadMe's API registry, against the OpenAPI 3.1 schema and the
// rules the schema cannot say (unique operationIds, path parameters declared, component names).

const doc = contractDocument();
type Operation = { operationId?: string; parameters?: Array<{ name: string; in: string }>; responses: Record<string, unknown> };
const operations = () =>
  Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Operation>).map(([method, op]) => ({ path, method, op })),
  );

describe('the OpenAPI document of /api', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid ? [] : result.errors).toEqual([]);
  });

  it('writes regex patterns without JavaScript flags, and refuses flags JSON Schema cannot say', () => {
    const plural = (doc.components?.schemas?.GlossaryEntry as { properties: { plural: { pattern: string } } }).properties.plural;
    expect(plural.pattern).toBe('^\\p{Lu}[\\p{L}-]*$');
    expect(new RegExp(plural.pattern, 'u').test('Ansprüche')).toBe(true);
    expect(repairPatterns({ pattern: 'a\\/u' })).toEqual({ pattern: 'a\\/u' });
    expect(() => repairPatterns({ pattern: '^a$/i' })).toThrow(/flags/);
  });

  it('names every path parameter its path has, as a required path parameter', () => {
    for (const { path, method, op } of operations()) {
      const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      const declared = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      expect(declared.sort(), `${method} ${path}`).toEqual(inPath.sort());
    }
  });

  it('gives every operation an id, a success response and the error shape for 500', () => {
    for (const { path, method, op } of operations()) {
      expect(op.operationId, `${method} ${path}`).toBeTruthy();
      expect(
        Object.keys(op.responses).some((s) => s.startsWith('2')),
        `${method} ${path}`,
      ).toBe(true);
      expect(Object.keys(op.responses), `${method} ${path}`).toContain('500');
    }
  });

  it('lists each route of the contract once, under its mount point', () => {
    const listed = apiContract.flatMap(([mount, routes]) =>
      Object.values(routes).map((r) => `${r.method.toUpperCase()} ${documentPath(mount, r.path)}`),
    );
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed.sort()).toEqual(
      operations()
        .map(({ path, method }) => `${method.toUpperCase()} ${path}`)
        .sort(),
    );
  });
});

// Every `new ApiError(status, 'code', …)` in the worker, found in the source: a code the error catalogue does
// not list under its status would fail the contract test only when a test happens to provoke it.
function thrownCodes(dir: string): Array<{ file: string; status: number; code: string }> {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return thrownCodes(path);
    if (!/\.tsx?$/.test(e.name)) return [];
    const source = readFileSync(path, 'utf8');
    return [...source.matchAll(/new ApiError\(\s*(\d{3}),\s*'([a-z_]+)'/g)].map((m) => ({ file: path, status: Number(m[1]), code: m[2]! }));
  });
}

describe('the error catalogue', () => {
  it('lists every code the worker throws under the status it throws it with', () => {
    const thrown = thrownCodes('worker');
    expect(thrown.length).toBeGreaterThan(10);
    const API_ONLY_EXCEPTIONS = new Set([405]); // `ALL` catch-alls of /api/progress: not an operation of the document
    for (const { file, status, code } of thrown) {
      if (API_ONLY_EXCEPTIONS.has(status)) continue;
      const codes: readonly string[] = ERROR_CODES[status as keyof typeof ERROR_CODES] ?? [];
      expect(codes, `${file}: ${status} ${code}`).toContain(code);
    }
  });
});
