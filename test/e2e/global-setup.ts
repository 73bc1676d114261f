// Starts the real `wrangler dev` (workerd, local KV on disk in a fresh folder) for the browser tests,
// and finds Chromium. Under CI=true a missing browser fails the run; elsewhere it says loudly how to get one.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    chromium: string;
  }
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });

async function waitFor(url: string, child: ChildProcess, log: () => string, ms = 90_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited early:\n${log()}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`wrangler dev did not answer ${url} within ${ms / 1000}s:\n${log()}`);
}

export default async function setup(project: TestProject) {
  const chromium = CANDIDATES.find((p) => p && existsSync(p)) ?? '';
  if (!chromium) {
    const how = 'No Chromium found. Install it (Debian/Ubuntu: `sudo apt-get install -y chromium`) or set CHROMIUM_PATH.';
    if (process.env.CI === 'true') throw new Error(`${how} CI=true: browser tests must run.`);
    console.warn(`\n${'!'.repeat(100)}\n!! ${how}\n!! The browser tests are SKIPPED on this machine.\n${'!'.repeat(100)}\n`);
  } else console.log(`e2e: Chromium at ${chromium}`);
  project.provide('chromium', chromium);

  const port = await freePort();
  const inspector = await freePort();
  const state = mkdtempSync(join(tmpdir(), 'e2e-state-'));
  let output = '';
  const child = spawn(
    process.execPath,
    ['scripts/wrangler.ts', 'dev', '--ip', '127.0.0.1', '--port', String(port), '--inspector-port', String(inspector), '--persist-to', state, '--log-level', 'warn'],
    { cwd: join(import.meta.dirname, '../..'), stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: { ...process.env, CI: 'true' } },
  );
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const baseURL = `http://127.0.0.1:${port}`;
  await waitFor(`${baseURL}/api/health`, child, () => output);
  console.log(`e2e: wrangler dev at ${baseURL}`);
  project.provide('baseURL', baseURL);

  return () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      /* already gone */
    }
    rmSync(state, { recursive: true, force: true });
  };
}
