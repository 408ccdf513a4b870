import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Browser end-to-end files start Chromium; keep them from starving each other on 2 cores.
    maxWorkers: 2,
  },
});
