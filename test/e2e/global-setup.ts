// Starts the real `wrangler dev` (workerd, local KV on disk in a fresh folder) for the browser tests,
// and finds Chromium. Under CI=true a missing browser fails the run; elsewhere it says loudly how to get one.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { findChromium, HOW_TO_GET_CHROMIUM } from '../../scripts/lib/chromium.ts';
import { startDev } from '../../scripts/lib/dev-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    chromium: string;
  }
}

export default async function setup(project: TestProject) {
  const chromium = findChromium();
  if (!chromium) {
    const how = `No Chromium found. ${HOW_TO_GET_CHROMIUM}`;
    if (process.env.CI === 'true') throw new Error(`${how} CI=true: browser tests must run.`);
    console.warn(`\n${'!'.repeat(100)}\n!! ${how}\n!! The browser tests are SKIPPED on this machine.\n${'!'.repeat(100)}\n`);
  } else console.log(`e2e: Chromium at ${chromium}`);
  project.provide('chromium', chromium);

  const state = mkdtempSync(join(tmpdir(), 'e2e-state-'));
  const server = await startDev(state);
  console.log(`e2e: wrangler dev at ${server.url}`);
  project.provide('baseURL', server.url);

  return async () => {
    await server.stop();
    rmSync(state, { recursive: true, force: true });
  };
}
