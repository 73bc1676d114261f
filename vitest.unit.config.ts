import { defineConfig } from 'vitest/config';

// Pure domain code (core/) and content checks, in plain Node.
export default defineConfig({
  test: { include: ['test/unit/**/*.test.ts'], environment: 'node', testTimeout: 30_000 },
});
