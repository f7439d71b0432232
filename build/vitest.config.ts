import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { defineConfig } from 'vitest/config';

// This file lives in build/; tests are found from the repository root.
export default defineConfig({
  root: dirname(import.meta.dirname),
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // OCR writes its LSTM-only model copy here, not into the user's profile (ocr-model.ts).
    env: { LAWDESK_OCR_MODEL_DIR: join(tmpdir(), 'lawdesk-test-ocr-model') },
  },
});
