import { defineConfig } from 'vitest/config';

// End-to-end: headless Chromium (playwright-core, the system browser) against the real `wrangler dev`.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
