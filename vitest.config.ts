import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    // Property tests run hundreds of cases; on a loaded 2-core CI machine 5 s is too tight for some of them.
    testTimeout: 30_000,
  },
});
