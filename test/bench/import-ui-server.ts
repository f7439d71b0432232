// The browser face as `npm start` runs it, for import-ui-bench.ts: a fresh library, the corpus'
// parent folder allowed for 按路径导入, and this process's own event loop and memory measured.
// Prints {"url","token"} on stdout; on "stats" from stdin prints the measurements and exits.

import { createInterface } from 'node:readline';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { MemorySettingsStore } from '../../electron/core/api/settings-file';
import { startBrowserFace } from '../../electron/server/browser-face';

const { values } = parseArgs({ options: { library: { type: 'string' }, starter: { type: 'string' }, root: { type: 'string' } } });
const face = await startBrowserFace({
  libraryDir: values.library!,
  starterDir: values.starter!,
  settings: new MemorySettingsStore(),
  importRoots: [{ label: 'bench', path: values.root! }],
});
await face.service.searchReady();
const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();
const url = new URL(face.url);
process.stdout.write(JSON.stringify({ origin: url.origin, token: url.searchParams.get('token') }) + '\n');
for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim() !== 'stats') continue;
  loop.disable();
  process.stdout.write(JSON.stringify({ maxPauseMs: loop.max / 1e6, p99Ms: loop.percentile(99) / 1e6, maxRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
  await face.stop();
  process.exit(0);
}
