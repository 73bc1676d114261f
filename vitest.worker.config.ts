import { readFileSync } from 'node:fs';
import { cloudflareTest } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

// The LTI signing key of the tests: a throwaway RSA key committed on purpose, used nowhere else (never a
// real secret; production's comes from `wrangler secret put LTI_PRIVATE_KEY`).
const LTI_TEST_ONLY_PRIVATE_KEY = readFileSync(new URL('./test/fixtures/lti-test-only-private-key.pem', import.meta.url), 'utf8');

// Routes and stores inside workerd (miniflare), with the bindings of wrangler.toml; KV storage is
// isolated per test file. Secrets are fixed test values here (.dev.vars is not in the repo).
export default defineConfig({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: './wrangler.toml' },
      miniflare: {
        bindings: {
          LEARNER_SECRET: 'test-learner-secret-0123456789',
          INSTRUCTOR_TOKEN: 'test-instructor-token-0123456789',
          LTI_PRIVATE_KEY: LTI_TEST_ONLY_PRIVATE_KEY,
        },
      },
    }),
  ],
  test: { include: ['test/worker/**/*.test.ts'], testTimeout: 30_000 },
});
