// Bundle import of many tiny laws (issue 19: 16,000 took 436 s, a listing of originals/ per law and
// linear scans of entry names — quadratic). Builds one library of the largest size, exports
// bundles of growing subsets, imports each into an empty library in its own child process and
// prints the time per size and per law: linear when the per-law time stays flat.
//
//   npx tsx test/bench/bundle-bench.ts [--sizes 2000,4000,8000,16000] [--keep]

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SELF = fileURLToPath(import.meta.url);
const CN = '〇一二三四五六七八九';
const cn = (n: number) => String(n).split('').map((d) => CN[Number(d)]).join('');

if (process.argv[2] === '--child') {
  const { openLibrary } = await import('../../electron/core/library/open-library');
  const { importBundle } = await import('../../electron/core/bundles/bundle-import');
  const { store } = await openLibrary({ dir: process.argv[3]!, seed: false });
  const t = performance.now();
  const cpu0 = process.cpuUsage();
  const r = await importBundle(store, process.argv[4]!);
  const ms = performance.now() - t;
  const cpu = process.cpuUsage(cpu0); // less bent by a loaded machine than the wall clock
  let rssMB = process.resourceUsage().maxRSS / 1024;
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) rssMB = Number(hwm[1]) / 1024;
  } catch {
    /* not Linux */
  }
  process.stdout.write(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, rssMB, laws: r.summary.laws.new, versions: store.versions().length }));
  process.exit(0);
}

const argv = process.argv.slice(2);
const get = (n: string) => (argv.includes(n) ? argv[argv.indexOf(n) + 1] : undefined);
const sizes = (get('--sizes') ?? '2000,4000,8000,16000').split(',').map(Number);
const max = Math.max(...sizes);
const work = mkdtempSync(join(tmpdir(), 'lawdesk-bundle-bench-'));
const { openLibrary } = await import('../../electron/core/library/open-library');
const { importPaths } = await import('../../electron/core/library/library-import');
const { exportBundle } = await import('../../electron/core/bundles/bundle-export');

process.stdout.write(`load at start ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
// Tiny laws: a title and three short articles each, distinct texts (no dedupe by content).
const src = join(work, 'src');
mkdirSync(src);
for (let i = 0; i < max; i++) {
  writeFileSync(join(src, `${i}.txt`), `某县第${cn(i)}号管理办法\n\n第一条 为了规范第${i}项管理，制定本办法。\n第二条 本办法由县科学技术局负责解释。\n第三条 本办法自发布之日起施行。\n`);
}
const lib = join(work, 'lib');
const { store } = await openLibrary({ dir: lib, seed: false });
let t = performance.now();
const rep = await importPaths(store, [src]);
process.stdout.write(`library of ${rep.imported} tiny laws imported in ${((performance.now() - t) / 1000).toFixed(1)} s (setup, not measured below)\n`);
const ids = store.versions().map((v) => v.lawId).sort();

const rows: string[] = [];
for (const n of sizes) {
  const bundle = join(work, `laws-${n}.lawdesk`);
  t = performance.now();
  await exportBundle(store, { laws: ids.slice(0, n), records: false, out: bundle });
  const exportS = (performance.now() - t) / 1000;
  const into = join(work, `into-${n}`);
  const c = spawnSync(process.execPath, ['--import', 'tsx', SELF, '--child', into, bundle], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (c.status !== 0) throw new Error(`import of ${n} failed: ${c.stderr.slice(0, 800)}`);
  const r = JSON.parse(c.stdout) as { ms: number; cpuMs: number; rssMB: number; laws: number; versions: number };
  if (r.laws !== n || r.versions !== n) throw new Error(`import of ${n}: ${r.laws} new, ${r.versions} in the library`);
  rows.push(`| ${n.toLocaleString('en')} | ${(statSync(bundle).size / 1048576).toFixed(1)} MB | ${exportS.toFixed(1)} s | ${(r.ms / 1000).toFixed(1)} s | ${((r.ms / n) * 1000).toFixed(0)} µs | ${(r.cpuMs / 1000).toFixed(1)} s | ${((r.cpuMs / n) * 1000).toFixed(0)} µs | ${r.rssMB.toFixed(0)} MB |`);
  process.stdout.write(rows.at(-1)! + '\n');
  rmSync(into, { recursive: true, force: true });
}
process.stdout.write(`\nBundle import of tiny laws into an empty library (load at end ${loadavg().map((l) => l.toFixed(2)).join(' ')})\n\n`);
process.stdout.write('| laws | bundle | export | import | per law | import CPU (user + sys) | CPU per law | peak RSS (import) |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n' + rows.join('\n') + '\n');
if (argv.includes('--keep')) process.stdout.write(`kept ${work}\n`);
else rmSync(work, { recursive: true, force: true });
