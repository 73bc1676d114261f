import { cloudflareTest } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

// `npm run bench` (scripts/bench.ts) runs the results-ledger benchmark inside workerd with this config: the
// real ResultsLedger Durable Object of wrangler.toml, seeded with synthetic attempts. Not part of `npm test`.
export default defineConfig({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: './wrangler.toml' },
      miniflare: {
        bindings: {
          LEARNER_SECRET: 'bench-learner-secret-0123456789',
          INSTRUCTOR_TOKEN: 'bench-instructor-token-0123456789',
          // workerd has no process.env of the shell: the bench's own settings reach it as bindings.
          BENCH_LEDGER_SIZES: process.env.BENCH_LEDGER_SIZES ?? '10000,100000,1000000',
          BENCH_LEDGER_RECORDS: process.env.BENCH_LEDGER_RECORDS ?? '2000',
        },
      },
    }),
  ],
  test: { include: ['scripts/bench-results-ledger.ts'], testTimeout: 600_000 },
});
