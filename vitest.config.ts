import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // A hang guard, not a speed check (speed is measured in `cabin bench`): recognising speech or drawing a corpus
    // takes 8–20 s on a quiet 2-core machine and two to three times that when the host steals CPU.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Network tests bind loopback ports; keep file-level parallelism modest on 2 cores.
    maxWorkers: 2,
  },
});
