// The library store's open in a fresh process, as the app and every CLI command pay it: CPU of one
// `LibraryStore.open` (the process's own CPU around the call, so other processes' load does not
// count), for one or more code trees, alternating A B B A … so a change of load hits both alike.
//
//   npx tsx test/bench/open-bench.ts --library DIR --code OLD_ROOT --code NEW_ROOT [--rounds 6] [--json]
//
// DIR is an imported library. Each code tree opens its own copy (library.json copied, bodies/ hard
// links): an open may write the catalog (a migration, the statuses of a new day), and one tree's
// write must not decide what the other reads. Each copy is opened once before the rounds, so the
// rounds measure the open of an ordinary day, not a one-time migration. A code root is a checkout
// of LawDesk (`git archive <commit> | tar -x -C DIR` and a node_modules link will do).

import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const opts = (name: string): string[] => args.flatMap((a, i) => (a === name && args[i + 1] ? [args[i + 1]!] : []));
const library = opts('--library')[0];
const codes = opts('--code').map((c) => resolve(c));
const rounds = Number(opts('--rounds')[0] ?? 6);
if (!library || !codes.length || !Number.isInteger(rounds) || rounds < 1) {
  console.error('用法：npx tsx test/bench/open-bench.ts --library DIR --code ROOT [--code ROOT …] [--rounds 6] [--json]');
  process.exit(2);
}
for (const c of codes) {
  if (!existsSync(join(c, 'electron/core/library/library-store.ts'))) {
    console.error(`${c} 不是 LawDesk 的代码目录（没有 electron/core/library/library-store.ts）`);
    process.exit(2);
  }
}

// The child: one open, its CPU and wall, and how many versions it holds (printed as one JSON line).
const CHILD = `
const { LibraryStore } = await import(process.env.OPEN_BENCH_STORE);
const cpu = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
const c0 = cpu(), t0 = performance.now();
const store = await LibraryStore.open(process.env.OPEN_BENCH_LIBRARY);
const wall = performance.now() - t0, used = cpu() - c0;
console.log(JSON.stringify({ cpu: used, wall, versions: store.versions().length }));
`;

function copyLibrary(from: string, to: string): void {
  mkdirSync(join(to, 'bodies'), { recursive: true });
  mkdirSync(join(to, 'originals'), { recursive: true });
  copyFileSync(join(from, 'library.json'), join(to, 'library.json'));
  for (const n of readdirSync(join(from, 'bodies'))) linkSync(join(from, 'bodies', n), join(to, 'bodies', n));
}

function openOnce(code: string, lib: string): { cpu: number; wall: number; versions: number } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHILD], {
    cwd: code,
    env: { ...process.env, OPEN_BENCH_STORE: join(code, 'electron/core/library/library-store.ts'), OPEN_BENCH_LIBRARY: lib },
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').pop()!) as { cpu: number; wall: number; versions: number };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const work = mkdtempSync(join(tmpdir(), 'open-bench-'));
try {
  const libs = codes.map((_, i) => join(work, `lib${i}`));
  codes.forEach((_, i) => copyLibrary(resolve(library), libs[i]!));
  const first = codes.map((c, i) => openOnce(c, libs[i]!));
  const load0 = loadavg()[0]!;
  const samples = codes.map(() => [] as { cpu: number; wall: number }[]);
  for (let r = 0; r < rounds; r++) {
    const order = codes.map((_, i) => i);
    if (r % 2) order.reverse();
    for (const i of order) samples[i]!.push(openOnce(codes[i]!, libs[i]!));
  }
  const load1 = loadavg()[0]!;
  const rows = codes.map((c, i) => ({
    code: c,
    versions: first[i]!.versions,
    firstOpenCpu: +first[i]!.cpu.toFixed(1),
    cpuMedian: +median(samples[i]!.map((s) => s.cpu)).toFixed(1),
    cpu: samples[i]!.map((s) => +s.cpu.toFixed(1)),
    wallMedian: +median(samples[i]!.map((s) => s.wall)).toFixed(1),
  }));
  if (args.includes('--json')) console.log(JSON.stringify({ load: [load0, load1], rounds, rows }));
  else {
    console.log(`load ${load0.toFixed(1)} → ${load1.toFixed(1)}, ${rounds} rounds, one open per fresh process`);
    console.log('code | versions | first open CPU ms | CPU ms median | CPU ms each | wall ms median');
    for (const r of rows) console.log(`${r.code} | ${r.versions} | ${r.firstOpenCpu} | ${r.cpuMedian} | ${r.cpu.join(' ')} | ${r.wallMedian}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
