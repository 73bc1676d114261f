// `wrangler deploy --dry-run`: bundles the worker exactly as a deploy would, without uploading, so a broken
// deploy bundle fails `npm test`. Prints the bundle's size and holds it under a stated limit.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import budgets from '../budgets.json' with { type: 'json' };

/** Workers' free plan takes 3 MiB gzip; we keep well below it so content can grow (budgets.json). */
export const BUNDLE_LIMIT_GZIP = budgets.workerGzipBytes;

const root = join(import.meta.dirname, '..');
const outdir = join(root, 'build', 'dry-run');
rmSync(outdir, { recursive: true, force: true });
const run = spawnSync(process.execPath, ['scripts/wrangler.ts', 'deploy', '--dry-run', '--outdir', outdir], {
  cwd: root,
  stdio: 'inherit',
});
if (run.status !== 0) {
  console.error('deploy:check: `wrangler deploy --dry-run` failed');
  process.exit(1);
}
let raw = 0;
let gzip = 0;
for (const f of readdirSync(outdir)) {
  if (f.endsWith('.map')) continue;
  const file = join(outdir, f);
  if (!statSync(file).isFile()) continue;
  raw += statSync(file).size;
  gzip += gzipSync(readFileSync(file)).length;
}
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`deploy:check: worker bundle ${kib(raw)}, ${kib(gzip)} gzip (limit ${kib(BUNDLE_LIMIT_GZIP)} gzip)`);
if (gzip > BUNDLE_LIMIT_GZIP) {
  console.error('deploy:check: the worker bundle is over its limit');
  process.exit(1);
}
