// How long the long jobs of the app keep the event loop (the Electron main process / browser-face
// server answers nothing meanwhile): the longest pause while importing a corpus into a fresh
// library, building its search index, and exporting it as a bundle. Usage:
//   npx tsx test/bench/event-loop-bench.ts [--corpus DIR]   (default ../shared/corpus/laws)

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { exportBundle } from '../../electron/core/bundles/bundle-export';
import { importPaths } from '../../electron/core/library/library-import';
import { openLibrary } from '../../electron/core/library/open-library';
import { SearchEngine } from '../../electron/core/search/search-engine';

async function measure(name: string, job: () => Promise<unknown>): Promise<string> {
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  const t = performance.now();
  await job();
  const ms = performance.now() - t;
  h.disable();
  return `| ${name} | ${(ms / 1000).toFixed(1)} s | ${(h.max / 1e6).toFixed(0)} ms | ${(h.percentile(99) / 1e6).toFixed(0)} ms |`;
}

const { values } = parseArgs({ options: { corpus: { type: 'string' } } });
const corpus = resolve(values.corpus ?? join(process.cwd(), '..', 'shared', 'corpus', 'laws'));
if (!existsSync(corpus)) {
  process.stderr.write(`找不到语料目录 ${corpus}：请用 --corpus DIR 指定\n`);
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'lawdesk-loop-'));
try {
  const { store } = await openLibrary({ dir: join(dir, 'library'), seed: false });
  const rows = [
    await measure(`导入 ${corpus}`, () => importPaths(store, [corpus])),
    await measure('建立全文索引', async () => (await SearchEngine.open(store)).close()),
    await measure('导出资料包（全部法规）', () => exportBundle(store, { records: false, out: join(dir, 'all.lawdesk') })),
  ];
  process.stdout.write(`机器：${cpus()[0]?.model.trim()} · ${cpus().length} 核 · Node ${process.version}\n\n`);
  process.stdout.write('| 任务 | 用时 | 事件循环最长停顿 | p99 停顿 |\n|---|---|---|---|\n' + rows.join('\n') + '\n');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
