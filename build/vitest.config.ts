import { dirname } from 'node:path';
import { defineConfig } from 'vitest/config';

// This file lives in build/; tests are found from the repository root.
export default defineConfig({
  root: dirname(import.meta.dirname),
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
