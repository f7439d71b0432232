// 版本对比's API cost on a library (e.g. /work/wt/quiet/lib, or the corpus imported with
// `lawdesk import ../shared/corpus/laws --library DIR`), read-only: the article mapping of the
// longest consecutive version pairs, now and with the former algorithm
// (test/node/versions/article-mapping-reference.ts), in CPU ms (median of --runs, the first, cold
// run beside it), and the whole versions:diff answer (changed articles only, as the page asks)
// with the mapping computed versus read from its cache. Prints the machine's load.
//   npx tsx test/bench/mapping-bench.ts --library DIR [--top 8] [--runs 7]
//   npx tsx test/bench/mapping-bench.ts --library DIR --check   (every ordered pair of versions of
//                                          every law: the mapping equals the former one, exit 1 if not)
//   npx tsx test/bench/mapping-bench.ts --library DIR --warmup  (the background job over every pair of
//                                          consecutive versions, none stored: its CPU, wall time and the
//                                          longest the event loop waited meanwhile)

import { copyFileSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { openLibrary } from '../../electron/core/library/open-library';
import { mapArticles } from '../../electron/core/versions/article-mapping';
import { diffVersions } from '../../electron/core/versions/version-compare';
import { MappingWarmup } from '../../electron/core/versions/mapping-warmup';
import { mapArticles as referenceMapping } from '../node/versions/article-mapping-reference';

const { values } = parseArgs({ options: { library: { type: 'string' }, top: { type: 'string' }, runs: { type: 'string' }, check: { type: 'boolean' }, warmup: { type: 'boolean' }, algorithm: { type: 'string' } } });
if (!values.library) throw new Error('usage: mapping-bench.ts --library DIR [--top N] [--runs R] [--check]');
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
const cpuMs = (f: () => unknown) => {
  const c = process.cpuUsage();
  f();
  const d = process.cpuUsage(c);
  return (d.user + d.system) / 1000;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[(xs.length - 1) >> 1]!;
const r1 = (x: number) => x.toFixed(1);

// The library is read through a scratch folder whose bodies are the library's own (a symlink), so
// the mapping cache this bench writes never lands in the library measured.
const scratch = mkdtempSync(join(tmpdir(), 'lawdesk-mapping-bench-'));
copyFileSync(join(resolve(values.library), 'library.json'), join(scratch, 'library.json'));
symlinkSync(join(resolve(values.library), 'bodies'), join(scratch, 'bodies'));
const { store } = await openLibrary({ dir: scratch, seed: false });
if (!values.algorithm) console.log(`laws ${store.laws().length}, versions ${store.versions().length}; load ${load()}`);

if (values.check) {
  let pairs = 0;
  const differing: string[] = [];
  for (const law of store.laws()) {
    const vs = law.versionIds;
    for (const x of vs)
      for (const y of vs) {
        if (x === y) continue;
        const a = store.loadVersion(x).units;
        const b = store.loadVersion(y).units;
        pairs++;
        if (!isDeepStrictEqual(mapArticles(a, b), referenceMapping(a, b))) differing.push(`${law.title} ${x} → ${y}`);
      }
  }
  console.log(`ordered version pairs ${pairs}, mapping differs from the former algorithm on ${differing.length}`);
  for (const d of differing) console.log(`  ${d}`);
  rmSync(scratch, { recursive: true, force: true });
  process.exit(differing.length ? 1 : 0);
}

if (values.warmup) {
  const w = new MappingWarmup(store, { openDelayMs: 24 * 3600e3, changeDelayMs: 24 * 3600e3 });
  // the event loop's other work: a turn each time it is let go, and the longest wait for one
  // (and its CPU: at a load of 20 a wait's wall time is mostly other processes' turns)
  let longest = 0;
  let longestCpu = 0;
  let turns = 0;
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  let running = true;
  const tick = () => {
    const now = performance.now();
    const cpu = process.cpuUsage(lastCpu);
    longest = Math.max(longest, now - last);
    longestCpu = Math.max(longestCpu, (cpu.user + cpu.system) / 1000);
    last = now;
    lastCpu = process.cpuUsage();
    turns++;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const report = await w.run();
  const c = process.cpuUsage(c0);
  running = false;
  w.stop();
  console.log(`warm-up: ${report.computed} mappings computed, ${report.kept} kept; ${r1((c.user + c.system) / 1000)} CPU ms, ${r1(performance.now() - t0)} ms wall; event loop let go ${turns} times, longest wait ${r1(longest)} ms wall, ${r1(longestCpu)} ms CPU; load ${load()}`);
  rmSync(scratch, { recursive: true, force: true });
  process.exit(0);
}

const runs = Number(values.runs ?? 7);
const consecutive: { title: string; from: string; to: string; units: number }[] = [];
for (const law of store.laws()) {
  const vs = law.versionIds;
  for (let i = 0; i + 1 < vs.length; i++) {
    consecutive.push({ title: law.title, from: vs[i]!, to: vs[i + 1]!, units: store.loadVersion(vs[i]!).units.length + store.loadVersion(vs[i + 1]!).units.length });
  }
}
const top = consecutive.sort((x, y) => y.units - x.units).slice(0, Number(values.top ?? 8));
// Each algorithm is timed in a process of its own (this script again, with --algorithm): within one
// process the two blur each other (a process's CPU time includes its optimising compiler's
// threads, and one's garbage is collected on the other's time). The first call is the cold one a
// freshly started app pays on its first 版本对比; the median is over --runs after three warm-up rounds.
const algorithm = values.algorithm;
if (algorithm === 'former' || algorithm === 'now') {
  const map = algorithm === 'former' ? referenceMapping : mapArticles;
  const units = top.map((p) => [store.loadVersion(p.from).units, store.loadVersion(p.to).units] as const);
  const first = cpuMs(() => map(...units[0]!));
  for (let r = 0; r < 3; r++) for (const [a, b] of units) map(a, b);
  const medians = units.map(([a, b]) => median(Array.from({ length: runs }, () => cpuMs(() => map(a, b)))));
  console.log(JSON.stringify({ first, medians }));
  rmSync(scratch, { recursive: true, force: true });
  process.exit(0);
}
const child = (which: string) => {
  const out = execFileSync(process.execPath, [...process.execArgv, process.argv[1]!, ...process.argv.slice(2), '--algorithm', which], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!) as { first: number; medians: number[] };
};
const former = child('former');
const now = child('now');
console.log(`\nfirst call in a fresh process (cold code), ${top[0]?.title}: former ${r1(former.first)}, now ${r1(now.first)} CPU ms`);
console.log(`mapping CPU ms (median of ${runs}, warm), the ${top.length} longest of ${consecutive.length} consecutive pairs; versions:diff (changed only) with the mapping computed / cached`);
console.log('   former     now      computed / cached   law');
for (const [k, p] of top.entries()) {
  // versions:diff as the page asks it: first with no mapping cached, then cached
  const cold: number[] = [];
  const warm: number[] = [];
  for (let r = 0; r < Math.min(runs, 3); r++) {
    rmSync(join(scratch, 'derived'), { recursive: true, force: true });
    cold.push(cpuMs(() => diffVersions(store, p.from, p.to, { changedOnly: true })));
    warm.push(cpuMs(() => diffVersions(store, p.from, p.to, { changedOnly: true })));
  }
  console.log(`${r1(former.medians[k]!).padStart(8)} ${r1(now.medians[k]!).padStart(7)}   ${r1(median(cold)).padStart(11)} / ${r1(median(warm)).padStart(6)}   ${p.title}（${p.units} 条）`);
}
console.log(`load ${load()}`);
rmSync(scratch, { recursive: true, force: true });
