// Builds what the worker and the browser need, in one place so that `npm start`, `npm test` and
// `npm run deploy` all serve the same thing:
//  1. validates every content file (fails with file, path and problem) and writes build/content.json;
//  2. bundles the CSS and the browser islands, one entry per island with shared chunks, with hashed names into
//     build/client/assets (Workers Static Assets; scripts/lib/client-bundle.ts);
//  3. writes build/manifest.json (the stylesheet, each island's entry and chunks) and build/client/_headers;
//  4. writes build/openapi.json, the OpenAPI 3.1 document of /api, and build/api-reference.json, its reference
//     page's content (both served by worker/routes/api/served-document.ts).
// Runs on Node >= 22.6 (type stripping); npm scripts use the Node 24 from node_modules/.bin.
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { ContentError, loadContent } from '../core/content/load.ts';
import { readContentFiles, readLocales } from '../core/content/read-files.ts';
import { buildClientBundle } from './lib/client-bundle.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'build');

function buildContent() {
  const content = loadContent(readContentFiles(root));
  const locales = readLocales(root);
  for (const lang of content.course.languages)
    if (!locales[lang]) throw new Error(`locales/${lang}.json is missing: every content language needs UI strings`);
  writeFileSync(join(out, 'content.json'), JSON.stringify({ content, locales }));
  return content;
}

async function buildClient() {
  const manifest = await buildClientBundle(root, 'build/client');
  writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 2));
  cpSync(join(root, 'web/public'), join(out, 'client'), { recursive: true }); // favicon and other fixed files
  // Static assets never reach the worker, so their headers are set here (hashed names: cache forever).
  writeFileSync(
    join(out, 'client/_headers'),
    [
      '/assets/*',
      '  Cache-Control: public, max-age=31536000, immutable',
      '/*',
      '  X-Content-Type-Options: nosniff',
      '  Referrer-Policy: strict-origin-when-cross-origin',
      "  Content-Security-Policy: default-src 'none'; frame-ancestors 'none'",
      '',
    ].join('\n'),
  );
  return manifest;
}

/**
 * The API's OpenAPI document and its reference page, made once here because making them costs more CPU than
 * a request may use on Workers' free plan (worker/routes/api/build-time.tsx). Those files import the content
 * bundle as JSON and the page is JSX, neither of which Node runs as it is, so esbuild bundles them first
 * (packages stay external: one zod, the one @hono/zod-openapi extends).
 */
async function buildApiDocument() {
  const generator = join(out, 'api-build-time.mjs');
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['worker/routes/api/build-time.tsx'],
    outfile: generator,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'warning',
  });
  const made = (await import(pathToFileURL(generator).href)) as typeof import('../worker/routes/api/build-time.tsx');
  const document = made.contractDocument();
  writeFileSync(join(out, 'openapi.json'), JSON.stringify(document));
  // Through JSON, as the worker reads it: the page shows exactly the document that is served.
  const served = JSON.parse(JSON.stringify(document)) as Parameters<typeof made.referenceHtml>[0];
  writeFileSync(join(out, 'api-reference.json'), JSON.stringify({ html: made.referenceHtml(served) }));
  rmSync(generator);
  return Object.keys(document.paths ?? {}).length;
}

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'client'), { recursive: true });
try {
  const content = buildContent();
  const manifest = await buildClient();
  const paths = await buildApiDocument();
  console.log(
    `build: ${content.article.sentences.length} sentences, ${content.lessons.length} lessons, ${content.glossary.length} glossary entries, ` +
      `${Object.values(content.questions).flat().length} questions; islands ${Object.keys(manifest.islands).join(', ')}; API document with ${paths} paths`,
  );
} catch (e) {
  console.error(e instanceof ContentError ? e.message : e);
  process.exit(1);
}
