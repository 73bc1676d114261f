// The browser bundle, split per island: one entry per file in web/islands/ that exports the component its
// file is named after (reader.tsx → Reader), shared code in common chunks. An island with an enhancer
// (reader.client.ts beside reader.tsx, exporting `enhance`) ships that plain-DOM enhancer and no Preact; one
// without is hydrated by Preact (transitional; decision record 0016). The manifest tells the server, per
// island, the entry to load and the chunks it imports, so a page loads only the islands it rendered
// (worker/render/document.tsx). A new island is a new file: no list to edit.
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
 * with its enhancer file (`<name>.client.ts`) if it has one.
 */
export function discoverIslands(root: string): Array<{ name: string; file: string; enhancer: string | null }> {
  const dir = join(root, 'web/islands');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.tsx'))
    .sort()
    .map((f) => {
      const enhancer = `web/islands/${f.replace(/\.tsx$/, '.client.ts')}`;
      return { name: islandName(f), file: `web/islands/${f}`, enhancer: existsSync(join(root, enhancer)) ? enhancer : null };
    })
    .filter(({ name, file }) => new RegExp(`export (function|const) ${name}\\b`).test(readFileSync(join(root, file), 'utf8')));
}

const ENTRY_NS = 'island-entry';

/**
 * An entry module per island, made here so the island files stay plain components: run its enhancer on every
 * copy (`island:Name=web/islands/name.client.ts`), or else hydrate every copy (`island:Name=web/islands/name.tsx`).
 */
const entryPlugin = (root: string): esbuild.Plugin => ({
  name: ENTRY_NS,
  setup(build) {
    build.onResolve({ filter: /^island:/ }, (args) => ({ path: args.path.slice('island:'.length), namespace: ENTRY_NS }));
    build.onLoad({ filter: /.*/, namespace: ENTRY_NS }, (args) => {
      const [name, file] = args.path.split('=') as [string, string];
      const contents = file.endsWith('.client.ts')
        ? `import { enhanceIslands } from './web/client.ts';\nimport { enhance } from './${file}';\nenhanceIslands('${name}', enhance);\n`
        : `import { hydrateIslands } from './web/hydrate.tsx';\nimport { ${name} } from './${file}';\nhydrateIslands('${name}', ${name});\n`;
      return {
        contents,
        resolveDir: root,
        loader: 'tsx',
      };
    });
  },
});

/** Bundles islands and CSS into `outdir/assets` with hashed names; returns the manifest (URLs from `/`). */
export async function buildClientBundle(root: string, outdir: string): Promise<ClientManifest> {
  const islands = discoverIslands(root);
  const entryPoints: Record<string, string> = { styles: 'web/styles.css' };
  for (const { name, file, enhancer } of islands) entryPoints[`island-${name}`] = `island:${name}=${enhancer ?? file}`;
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
