// The layering allow-list of build/eslint.config.js, run through ESLint's Node API on small
// in-memory snippets placed (by file path) in each folder. Each refusal here would compile and
// run, so only the lint rule stands between it and a face that stops being thin.
import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, 'build/eslint.config.js') });

/** The layering messages ESLint reports for `code` as if it were the file at `file`. */
async function layering(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId?.startsWith('boundaries/')).map((m) => m.message);
}

describe('layering lint rule (allow-list per folder)', () => {
  it('refuses core importing the server, the CLI, the renderer or electron/main, statically or dynamically', async () => {
    const file = 'electron/core/records/snippet.ts';
    expect(await layering(file, "import { startServer } from '../../server/http-server';\nvoid startServer;\n")).toEqual([
      expect.stringContaining('core 不能导入 server'),
    ]);
    expect(await layering(file, "export { main } from '../../cli/main';\n")).toEqual([expect.stringContaining('core 不能导入 cli')]);
    expect(await layering(file, "export const f = async () => (await import('../../main/menu')).buildMenu;\n")).toEqual([
      expect.stringContaining('core 不能导入 main'),
    ]);
    expect(await layering(file, "import '../../../renderer/src/router';\n")).toEqual([expect.stringContaining('core 不能导入 renderer')]);
    expect(await layering(file, "import { app } from 'electron';\nvoid app;\n")).toEqual([expect.stringContaining('electron')]);
  });

  it('refuses the renderer importing core, main, Node built-ins or electron', async () => {
    const file = 'renderer/src/features/snippet.tsx';
    expect(await layering(file, "import { LibraryStore } from '../../../electron/core/library/library-store';\nvoid LibraryStore;\n")).toEqual([
      expect.stringContaining('renderer 不能导入 core'),
    ]);
    expect(await layering(file, "export const m = () => import('../../../electron/main/menu');\n")).toEqual([
      expect.stringContaining('renderer 不能导入 main'),
    ]);
    expect(await layering(file, "import { readFileSync } from 'node:fs';\nvoid readFileSync;\n")).toHaveLength(1);
    expect(await layering(file, "import { ipcRenderer } from 'electron';\nvoid ipcRenderer;\n")).toHaveLength(1);
  });

  it('refuses preload importing anything but shared and electron', async () => {
    const file = 'electron/preload/snippet.ts';
    expect(await layering(file, "import { CHANNELS } from '../shared/api-channels';\nimport { contextBridge } from 'electron';\nvoid CHANNELS; void contextBridge;\n")).toEqual([]);
    expect(await layering(file, "import { LibraryStore } from '../core/library/library-store';\nvoid LibraryStore;\n")).toEqual([
      expect.stringContaining('preload 不能导入 core'),
    ]);
    expect(await layering(file, "import { createWindow } from '../main/index';\nvoid createWindow;\n")).toEqual([
      expect.stringContaining('preload 不能导入 main'),
    ]);
    expect(await layering(file, "import { readFileSync } from 'node:fs';\nvoid readFileSync;\n")).toHaveLength(1);
    expect(await layering(file, "import { z } from 'zod';\nvoid z;\n")).toHaveLength(1);
  });

  it('refuses shared importing anything but shared and zod', async () => {
    const file = 'electron/shared/snippet.ts';
    expect(await layering(file, "import { z } from 'zod';\nimport { LIMITS } from './limits';\nvoid z; void LIMITS;\n")).toEqual([]);
    expect(await layering(file, "import { readFileSync } from 'node:fs';\nvoid readFileSync;\n")).toHaveLength(1);
    expect(await layering(file, "import dayjs from 'dayjs';\nvoid dayjs;\n")).toHaveLength(1);
    expect(await layering(file, "export * from '../core/records/record-types';\n")).toEqual([expect.stringContaining('shared 不能导入 core')]);
  });

  it('allows the directions the architecture uses', async () => {
    expect(await layering('electron/main/snippet.ts', "import { app } from 'electron';\nimport { CHANNELS } from '../shared/api-channels';\nimport { LibraryStore } from '../core/library/library-store';\nvoid app; void CHANNELS; void LibraryStore;\n")).toEqual([]);
    expect(await layering('electron/server/snippet.ts', "import http from 'node:http';\nimport { LibraryStore } from '../core/library/library-store';\nvoid http; void LibraryStore;\n")).toEqual([]);
    expect(await layering('renderer/src/snippet.ts', "import { Button } from 'antd';\nimport { CHANNELS } from '../../electron/shared/api-channels';\nvoid Button; void CHANNELS;\n")).toEqual([]);
  });

  it('refuses the server importing the CLI and main', async () => {
    expect(await layering('electron/server/snippet.ts', "import { main } from '../cli/main';\nvoid main;\n")).toEqual([expect.stringContaining('server 不能导入 cli')]);
    expect(await layering('electron/server/snippet.ts', "import '../main/menu';\n")).toEqual([expect.stringContaining('server 不能导入 main')]);
  });
});

describe('pages do not import each other (renderer/src/features)', () => {
  /** The refusals of `no-restricted-imports` for `code` at `file`. */
  async function pageImports(file: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
  }
  const file = 'renderer/src/features/reader/snippet.tsx';

  it('refuses a sibling page folder, a path through features/ and a re-export of either', async () => {
    expect(await pageImports(file, "import { AddToPack } from '../packs/AddToPack';\nvoid AddToPack;\n")).toEqual([expect.stringContaining('页面之间不互相导入')]);
    expect(await pageImports(file, "import { X } from '../../features/packs/x';\nvoid X;\n")).toEqual([expect.stringContaining('页面之间不互相导入')]);
    expect(await pageImports(file, "export { KIND_TEXT } from '../versions/DiffPage';\n")).toEqual([expect.stringContaining('页面之间不互相导入')]);
  });

  it('allows the page\'s own files and the shared parts of the renderer', async () => {
    expect(
      await pageImports(
        file,
        "import { toc } from './toc';\nimport { AddToPack } from '../../components/AddToPack';\nimport { useCall } from '../../api/hooks';\nimport { hrefOf } from '../../router';\nvoid toc; void AddToPack; void useCall; void hrefOf;\n",
      ),
    ).toEqual([]);
  });
});
