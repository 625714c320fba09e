import path from 'node:path';
import { defineConfig } from 'vitest/config';

// The size budget runs on a built extension, so apart from the unit tests (which run before the build).
export default defineConfig({
  test: {
    root: path.resolve(import.meta.dirname, '..'),
    include: ['tests/size/**/*.size.ts'],
  },
});
