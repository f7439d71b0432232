// Whole-corpus import the way the UI does it (按路径导入 over the browser face's HTTP API:
// import:folder, then import:task until done, then the search index caught up) next to the CLI
// (`lawdesk import DIR`, index included). For each: wall time, peak RSS; for the server also the
// longest event-loop pause and the slowest answer to a library:info sent every 100 ms meanwhile
// (what the page feels). Both start from an empty library (no starter laws). Usage:
//   npx tsx test/bench/import-ui-bench.ts [--corpus DIR] [--cpu-prof DIR]   (default ../shared/corpus/laws)

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';

const ROOT = resolve(import.meta.dirname, '../..');
// --cpu-prof DIR: a CPU profile of the server process, to find what blocks its event loop
const { values } = parseArgs({ options: { corpus: { type: 'string' }, 'cpu-prof': { type: 'string' } } });
const corpus = resolve(values.corpus ?? join(ROOT, '..', 'shared', 'corpus', 'laws'));
if (!existsSync(corpus)) {
  process.stderr.write(`找不到语料目录 ${corpus}：请用 --corpus DIR 指定\n`);
  process.exit(2);
}
const tmp = mkdtempSync(join(tmpdir(), 'lawdesk-import-bench-'));
const empty = join(tmp, 'no-starter');
mkdirSync(empty);
const uptime = () => spawnSync('uptime', { encoding: 'utf8' }).stdout.trim() || `load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`;

try {
  process.stdout.write(`语料：${corpus}\n机器：${cpus()[0]?.model.trim()} · ${cpus().length} 核 · Node ${process.version}\n开始前：${uptime()}\n\n`);

  // 1. The CLI, measured by /usr/bin/time (elapsed seconds, max RSS in KB).
  const cli = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, join(ROOT, 'electron/cli/bin.mjs'), 'import', corpus, '--library', join(tmp, 'cli'), '--json'], {
    encoding: 'utf8',
    env: { ...process.env, LAWDESK_STARTER_DIR: empty },
    maxBuffer: 64 * 1024 * 1024,
  });
  const [cliSeconds, cliRssKb] = (cli.stderr.trim().split('\n').at(-1) ?? '').split(' ').map(Number);
  const cliReport = JSON.parse(cli.stdout) as { imported: number; failed: unknown[] };

  // 2. The browser face in its own process, driven over HTTP as the page drives it.
  const prof = values['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', resolve(values['cpu-prof'])] : [];
  const server = spawn(process.execPath, [...prof, '--import', 'tsx', join(ROOT, 'test/bench/import-ui-server.ts'), '--library', join(tmp, 'ui'), '--starter', empty, '--root', dirname(corpus)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: server.stdout })[Symbol.asyncIterator]();
  const { origin, token } = JSON.parse((await lines.next()).value as string) as { origin: string; token: string };
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const r = await fetch(`${origin}/api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-lawdesk-token': token }, body: JSON.stringify(input) });
    const env = (await r.json()) as { ok: boolean; value?: T; error?: { message: string } };
    if (!env.ok) throw new Error(env.error?.message);
    return env.value as T;
  };
  let slowestProbe = 0;
  let probing = true;
  const probe = (async () => {
    while (probing) {
      const t = performance.now();
      await call('library:info', {});
      slowestProbe = Math.max(slowestProbe, performance.now() - t);
      await new Promise((ok) => setTimeout(ok, 100));
    }
  })();
  const t0 = performance.now();
  const { taskId } = await call<{ taskId: string }>('import:folder', { path: corpus });
  let state: { done: boolean; report?: { imported: number; failed: unknown[] } };
  do state = await call('import:task', { taskId });
  while (!state.done);
  const importedAt = performance.now();
  await call('search:indexStats', {}); // waits until the index has caught up with the import
  const uiSeconds = (performance.now() - t0) / 1000;
  probing = false;
  await probe;
  server.stdin.write('stats\n');
  const stats = JSON.parse((await lines.next()).value as string) as { maxPauseMs: number; p99Ms: number; maxRssMb: number };
  await new Promise((ok) => server.once('exit', ok));

  process.stdout.write(
    [
      '| 方式 | 导入件数 | 用时（含索引） | 峰值内存 RSS | 事件循环最长停顿 | 期间最慢的一次接口应答 |',
      '|---|---|---|---|---|---|',
      `| CLI \`lawdesk import\` | ${cliReport.imported}（失败 ${cliReport.failed.length}） | ${cliSeconds!.toFixed(1)} s | ${Math.round(cliRssKb! / 1024)} MB | — | — |`,
      `| 界面：按路径导入（HTTP，import:folder） | ${state.report!.imported}（失败 ${state.report!.failed.length}） | ${uiSeconds.toFixed(1)} s（导入 ${((importedAt - t0) / 1000).toFixed(1)} s） | ${Math.round(stats.maxRssMb)} MB | ${Math.round(stats.maxPauseMs)} ms（p99 ${Math.round(stats.p99Ms)} ms） | ${Math.round(slowestProbe)} ms |`,
      '',
      `界面 / CLI 用时之比：${(uiSeconds / cliSeconds!).toFixed(2)}`,
      `结束时：${uptime()}`,
      '',
    ].join('\n'),
  );
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
