// Whole-corpus import the way the UI does it (按路径导入 over the browser face's HTTP API:
// import:folder, then import:task until done, then the search index and the link graph caught up)
// next to the CLI (`lawdesk import DIR`, index and links included). For each: wall time, CPU time,
// peak RSS; for the server also the longest event-loop pause, its p99, the slowest answer to a
// library:info sent every 100 ms meanwhile (what the page feels), and the five longest pauses with
// what ran in them (see import-ui-server.ts). Both start from an empty library (no starter laws).
// The machine's load is printed before and after: on a loaded machine a pause is mostly waiting for
// a core, so each pause also says how much of it was the main thread's own CPU. Usage:
//   npx tsx test/bench/import-ui-bench.ts [--corpus DIR] [--cpu-prof DIR] [--plain] [--ui-only] [--json FILE]
// (default corpus ../shared/corpus/laws; --plain: no CPU profile, so no phases; --cpu-prof DIR also
// keeps the server's profile there; --ui-only: skip the CLI run; --json FILE: the numbers as JSON too.)

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';

const ROOT = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({ options: { corpus: { type: 'string' }, 'cpu-prof': { type: 'string' }, plain: { type: 'boolean' }, 'ui-only': { type: 'boolean' }, json: { type: 'string' } } });
const corpus = resolve(values.corpus ?? join(ROOT, '..', 'shared', 'corpus', 'laws'));
if (!existsSync(corpus)) {
  process.stderr.write(`找不到语料目录 ${corpus}：请用 --corpus DIR 指定\n`);
  process.exit(2);
}
const tmp = mkdtempSync(join(tmpdir(), 'lawdesk-import-bench-'));
const empty = join(tmp, 'no-starter');
mkdirSync(empty);
interface ServerStats {
  maxPauseMs: number;
  p99Ms: number;
  maxRssMb: number;
  cpuMs: number;
  mainThreadCpuMs: number;
  pausesOver30: number;
  pausesOver100: number;
  cpuOver30: number;
  cpuOver50: number;
  cpuOver100: number;
  blockedOver10: number;
  blockedOver30: number;
  blockedTotalMs: number;
  majorGcs: number;
  longestMajorGcMs: number;
  longestGcs: { kind: string; ms: number }[];
  top: PauseStat[];
  topCpu: PauseStat[];
  topBlocked: PauseStat[];
  syncFs?: { total: { name: string; ms: number }[]; maxInPauseMs: number };
}
interface PauseStat {
  ms: number;
  cpuMs: number;
  waitMs: number;
  blockedMs: number;
  gcMs: number;
  phases?: { label: string; ms: number }[];
}
const ms = (n: number) => `${Math.round(n).toLocaleString('en')} ms`;
const pauseTable = (rows: PauseStat[]) => [
  '| 停顿 | 主线程 CPU | 等核 | 阻塞（磁盘等） | GC | 在跑什么（采样） |',
  '|---|---|---|---|---|---|',
  ...rows.map((p) => `| ${ms(p.ms)} | ${ms(p.cpuMs)} | ${ms(p.waitMs)} | ${ms(p.blockedMs)} | ${ms(p.gcMs)} | ${p.phases ? p.phases.map((x) => `${x.label} ${ms(x.ms)}`).join('；') : '（--plain：未剖析）'} |`),
];
const uptime = () => spawnSync('uptime', { encoding: 'utf8' }).stdout.trim() || `load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`;

try {
  process.stdout.write(`语料：${corpus}\n机器：${cpus()[0]?.model.trim()} · ${cpus().length} 核 · Node ${process.version}\n开始前：${uptime()}\n\n`);

  // 1. The CLI, measured by /usr/bin/time (elapsed seconds, max RSS in KB, user and system CPU seconds).
  const loadBefore = uptime();
  let [cliSeconds, cliRssKb, cliUser, cliSys]: number[] = [NaN, NaN, NaN, NaN];
  let cliReport = { imported: NaN, failed: [] as unknown[] };
  if (!values['ui-only']) {
    const cli = spawnSync('/usr/bin/time', ['-f', '%e %M %U %S', process.execPath, join(ROOT, 'electron/cli/bin.mjs'), 'import', corpus, '--library', join(tmp, 'cli'), '--json'], {
      encoding: 'utf8',
      env: { ...process.env, LAWDESK_STARTER_DIR: empty },
      maxBuffer: 64 * 1024 * 1024,
    });
    [cliSeconds, cliRssKb, cliUser, cliSys] = (cli.stderr.trim().split('\n').at(-1) ?? '').split(' ').map(Number) as [number, number, number, number];
    cliReport = JSON.parse(cli.stdout) as { imported: number; failed: unknown[] };
  }
  const loadBetween = uptime();

  // 2. The browser face in its own process, driven over HTTP as the page drives it.
  const prof = [...(values.plain ? [] : ['--profile']), ...(values['cpu-prof'] ? ['--cpu-prof', resolve(values['cpu-prof'])] : [])];
  const server = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/bench/import-ui-server.ts'), '--library', join(tmp, 'ui'), '--starter', empty, '--root', dirname(corpus), ...prof], {
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
  let state: { done: boolean; report?: { imported: number; failed: unknown[]; files: { versionId?: string }[] } };
  do state = await call('import:task', { taskId });
  while (!state.done);
  const importedAt = performance.now();
  // the index has caught up when it holds every version (its background update starts a moment
  // after each commit), then the link graph (links:version waits for it, as the reader does)
  const { versionCount } = await call<{ versionCount: number }>('library:info', {});
  while ((await call<{ versions: number }>('search:indexStats', {})).versions < versionCount) await new Promise((ok) => setTimeout(ok, 50));
  const indexedAt = performance.now();
  const firstVersion = state.report!.files.find((f) => f.versionId)?.versionId;
  if (firstVersion) await call('links:version', { versionId: firstVersion });
  const uiSeconds = (performance.now() - t0) / 1000;
  probing = false;
  await probe;
  server.stdin.write('stats\n');
  const stats = JSON.parse((await lines.next()).value as string) as ServerStats;
  await new Promise((ok) => server.once('exit', ok));
  const loadAfter = uptime();

  process.stdout.write(
    [
      '| 方式 | 导入件数 | 用时（含索引） | 峰值内存 RSS | 事件循环最长停顿 | 期间最慢的一次接口应答 |',
      '|---|---|---|---|---|---|',
      `| CLI \`lawdesk import\` | ${cliReport.imported}（失败 ${cliReport.failed.length}） | ${cliSeconds!.toFixed(1)} s | ${Math.round(cliRssKb! / 1024)} MB | — | — |`,
      `| 界面：按路径导入（HTTP，import:folder） | ${state.report!.imported}（失败 ${state.report!.failed.length}） | ${uiSeconds.toFixed(1)} s（导入 ${((importedAt - t0) / 1000).toFixed(1)} s，索引 ${((indexedAt - importedAt) / 1000).toFixed(1)} s，链接 ${((performance.now() - indexedAt) / 1000).toFixed(1)} s） | ${Math.round(stats.maxRssMb)} MB | ${ms(stats.maxPauseMs)}（p99 ${ms(stats.p99Ms)}） | ${ms(slowestProbe)} |`,
      '',
      `CPU 时间：CLI ${((cliUser! + cliSys!)).toFixed(1)} s；界面服务进程 ${(stats.cpuMs / 1000).toFixed(1)} s（其中主线程 ${(stats.mainThreadCpuMs / 1000).toFixed(1)} s）`,
      `界面 / CLI 用时之比：${(uiSeconds / cliSeconds!).toFixed(2)}`,
      `停顿（墙钟）：超过 30 ms ${stats.pausesOver30} 次，超过 100 ms ${stats.pausesOver100} 次；其中主线程 CPU 超过 30 ms ${stats.cpuOver30} 次、超过 50 ms ${stats.cpuOver50} 次、超过 100 ms ${stats.cpuOver100} 次`,
      `主线程阻塞（停顿中既非自身 CPU 也非等核：系统调用里等磁盘等）：超过 10 ms ${stats.blockedOver10} 次，超过 30 ms ${stats.blockedOver30} 次，合计 ${ms(stats.blockedTotalMs)}`,
      ...(stats.syncFs
        ? [
            `主线程里的同步文件调用（CPU 剖析采样，含其中等磁盘的时间）：合计 ${ms(stats.syncFs.total.reduce((n, x) => n + x.ms, 0))}（${stats.syncFs.total.slice(0, 6).map((x) => `${x.name} ${ms(x.ms)}`).join('，') || '无'}），一次停顿里最多 ${ms(stats.syncFs.maxInPauseMs)}`,
          ]
        : []),
      `完整 GC（mark-compact）${stats.majorGcs} 次，最长 ${ms(stats.longestMajorGcMs)}；最长的 3 次 GC：${stats.longestGcs.map((g) => `${g.kind} ${ms(g.ms)}`).join('，')}（墙钟，含等核）`,
      '',
      '最长的 5 次停顿（主线程 CPU = 停顿中主线程自身的 CPU 时间，等核 = 等待 CPU 的时间，GC = 其中的垃圾回收；在跑什么：CPU 剖析采样的 CPU 时间）：',
      '',
      ...pauseTable(stats.top),
      '',
      '主线程 CPU 最多的 5 次停顿（负载高时这一张才说明代码本身）：',
      '',
      ...pauseTable(stats.topCpu),
      '',
      '主线程阻塞最多的 5 次停顿（不随负载变：磁盘上的同步写、fsync）：',
      '',
      ...pauseTable(stats.topBlocked),
      '',
      `负载：CLI 前 ${loadBefore}`,
      `      界面前 ${loadBetween}`,
      `      结束 ${loadAfter}`,
      '',
    ].join('\n'),
  );
  if (values.json) {
    const out = { cli: { seconds: cliSeconds, rssMb: cliRssKb! / 1024, cpuSeconds: cliUser! + cliSys! }, ui: { seconds: uiSeconds, importSeconds: (importedAt - t0) / 1000, slowestProbeMs: slowestProbe, ...stats }, load: [loadBefore, loadBetween, loadAfter] };
    writeFileSync(values.json, JSON.stringify(out, null, 2));
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
