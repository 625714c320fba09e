import { defineConfig } from 'vitest/config';

// End-to-end tests drive one Chromium at a time (2-core machines): files run one after another.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
