import { cloudflareTest } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

// Routes and stores inside workerd (miniflare), with the bindings of wrangler.toml; KV storage is
// isolated per test file. Secrets are fixed test values here (.dev.vars is not in the repo).
export default defineConfig({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: './wrangler.toml' },
      miniflare: { bindings: { LEARNER_SECRET: 'test-learner-secret-0123456789', INSTRUCTOR_TOKEN: 'test-instructor-token-0123456789' } },
    }),
  ],
  test: { include: ['test/worker/**/*.test.ts'], testTimeout: 30_000 },
});
