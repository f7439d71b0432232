// Builds the three parts of the desktop app into out/: main (ESM, dependencies external),
// preload (CommonJS, self-contained, for the sandbox) and the renderer (React). Works offline.

import { dirname, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// This file lives in build/; every path is relative to the repository root.
const root = dirname(import.meta.dirname);

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      externalizeDeps: true,
      // The OCR page-image worker is its own entry: worker_threads start it from a file (out/main/ocr-page-worker.js).
      rollupOptions: { input: { index: resolve(root, 'electron/main/index.ts'), 'ocr-page-worker': resolve(root, 'electron/core/importers/ocr-page-worker.ts') } },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      emptyOutDir: true,
      chunkSizeWarningLimit: 3000,
      rollupOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
