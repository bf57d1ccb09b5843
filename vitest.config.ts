import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Network tests bind loopback ports; keep file-level parallelism modest on 2 cores.
    maxWorkers: 2,
  },
});
