import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/harness/global.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Kernel tests build namespaces and load programs; two cores share them.
    maxWorkers: 2,
  },
});
