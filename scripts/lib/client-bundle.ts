// The browser bundle, split per island: one entry per file in web/islands/ that exports the component its
// file is named after (reader.tsx → Reader), made from its enhancer beside it (reader.client.ts, exporting
// `enhance`): plain DOM, no Preact (decision record 0016); shared code in common chunks. The manifest tells
// the server, per island, the entry to load and the chunks it imports, so a page loads only the islands it
// rendered (worker/render/document.tsx). A new island is two new files: no list to edit.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as esbuild from 'esbuild';

/** What build/manifest.json holds: the stylesheet, and per island its entry and every chunk it imports. */
export interface ClientManifest {
  css: string;
  islands: Record<string, { src: string; imports: string[] }>;
}

/** `practice-question` → `PracticeQuestion`. */
export const islandName = (file: string) =>
  file
    .replace(/\.tsx$/, '')
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');

/**
 * The islands of web/islands/: files that export the component named after them (helpers export none), each
 * with its enhancer file (`<name>.client.ts`). An island without one fails the build: nothing would run it.
 */
export function discoverIslands(root: string): Array<{ name: string; file: string; enhancer: string }> {
  const dir = join(root, 'web/islands');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.tsx'))
    .sort()
    .map((f) => ({ name: islandName(f), file: `web/islands/${f}`, enhancer: `web/islands/${f.replace(/\.tsx$/, '.client.ts')}` }))
    .filter(({ name, file }) => new RegExp(`export (function|const) ${name}\\b`).test(readFileSync(join(root, file), 'utf8')))
    .map((island) => {
      if (!existsSync(join(root, island.enhancer)))
        throw new Error(
          `Island ${island.name} (${island.file}) has no enhancer: add ${island.enhancer} exporting enhance (decision record 0016)`,
        );
      return island;
    });
}

const ENTRY_NS = 'island-entry';

/** An entry module per island (`island:Name=web/islands/name.client.ts`): run its enhancer on every copy. */
const entryPlugin = (root: string): esbuild.Plugin => ({
  name: ENTRY_NS,
  setup(build) {
    build.onResolve({ filter: /^island:/ }, (args) => ({ path: args.path.slice('island:'.length), namespace: ENTRY_NS }));
    build.onLoad({ filter: /.*/, namespace: ENTRY_NS }, (args) => {
      const [name, file] = args.path.split('=') as [string, string];
      return {
        contents: `import { enhanceIslands } from './web/client.ts';\nimport { enhance } from './${file}';\nenhanceIslands('${name}', enhance);\n`,
        resolveDir: root,
        loader: 'ts',
      };
    });
  },
});

/** Bundles islands and CSS into `outdir/assets` with hashed names; returns the manifest (URLs from `/`). */
export async function buildClientBundle(root: string, outdir: string): Promise<ClientManifest> {
  const islands = discoverIslands(root);
  const entryPoints: Record<string, string> = { styles: 'web/styles.css' };
  for (const { name, enhancer } of islands) entryPoints[`island-${name}`] = `island:${name}=${enhancer}`;
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints,
    outdir,
    entryNames: 'assets/[name]-[hash]',
    chunkNames: 'assets/chunk-[hash]',
    bundle: true,
    splitting: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    metafile: true,
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [entryPlugin(root)],
  });
  const url = (file: string) => '/' + relative(join(root, outdir), join(root, file)).split('\\').join('/');
  const outputs = result.metafile.outputs;
  // Every chunk an output needs, depth first, each once: what a page must preload with the island's entry.
  const closure = (file: string, seen = new Set<string>()): string[] => {
    for (const imp of outputs[file]?.imports ?? [])
      if (imp.kind === 'import-statement' && !seen.has(imp.path)) {
        seen.add(imp.path);
        closure(imp.path, seen);
      }
    return [...seen];
  };
  const manifest: ClientManifest = { css: '', islands: {} };
  for (const [file, meta] of Object.entries(outputs)) {
    if (!meta.entryPoint) continue;
    if (file.endsWith('.css')) manifest.css = url(file);
    else {
      const name = meta.entryPoint.split('=')[0]!.replace(/^island-entry:/, '');
      manifest.islands[name] = { src: url(file), imports: closure(file).map(url) };
    }
  }
  return manifest;
}
