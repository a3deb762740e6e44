import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', './test/reporters/summary.ts'],
    // CLI tests spawn the built binary; the machines are shared and slow at times.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
