// Builds the three parts of the desktop app into out/: main (ESM, dependencies external),
// preload (CommonJS, self-contained, for the sandbox) and the renderer (React). Works offline.

import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

// This file lives in build/; every path is relative to the repository root.
const root = dirname(import.meta.dirname);

/**
 * `virtual:antd-static.css`: antd's CSS for the app's theme and components, rendered at build time
 * by build/antd-static-style.tsx (in a child process: antd must load with NODE_ENV=production for
 * the class hashes the built app uses). Nothing is written to disk; the CSS goes into the bundle.
 */
function antdStaticStyle(): Plugin {
  const id = 'virtual:antd-static.css';
  const resolved = '\0antd-static.css';
  return {
    name: 'lawdesk-antd-static-style',
    resolveId: (source) => (source === id ? resolved : undefined),
    load(loadId) {
      if (loadId !== resolved) return undefined;
      const tsx = createRequire(import.meta.url).resolve('tsx/cli');
      return execFileSync(process.execPath, [tsx, '--tsconfig', resolve(root, 'tsconfig.base.json'), resolve(root, 'build/antd-static-style.tsx')], {
        cwd: root,
        env: { ...process.env, NODE_ENV: 'production' },
        maxBuffer: 64 * 1024 * 1024,
        encoding: 'utf8',
      });
    },
  };
}

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
    plugins: [antdStaticStyle(), react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      emptyOutDir: true,
      chunkSizeWarningLimit: 3000,
      rollupOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
