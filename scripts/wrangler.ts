// Runs the project's wrangler with this project's defaults: no telemetry and no outbound requests for
// request.cf data, so `npm start` and the tests work without internet. Usage: node scripts/wrangler.ts dev
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureDevVars } from './dev-vars.ts';

if (process.argv[2] === 'dev') ensureDevVars(join(import.meta.dirname, '..'));

const bin = join(import.meta.dirname, '..', 'node_modules', '.bin', process.platform === 'win32' ? 'wrangler.cmd' : 'wrangler');
const child = spawn(bin, process.argv.slice(2), {
  stdio: 'inherit',
  env: {
    CLOUDFLARE_CF_FETCH_ENABLED: 'false',
    WRANGLER_SEND_METRICS: 'false',
    ...process.env,
  },
});
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
