// The browser face as `npm start` runs it, for import-ui-bench.ts: a fresh library, the corpus'
// parent folder allowed for 按路径导入, and this process's own event loop and memory measured.
// Prints {"url","token"} on stdout; on "stats" from stdin prints the measurements and exits.
//
// Besides the event-loop delay histogram it keeps every pause over PAUSE_MS with what the main
// thread did meanwhile: its own CPU time and its time waiting for a core (from the kernel's
// per-thread schedstat, so a pause the machine's load made long can be told from one the code
// made long), the GC time inside it (PerformanceObserver 'gc'), and — from a CPU profile taken in
// this process — the functions that were running (the phase: import, commit, index, links, GC).
// What is neither its CPU nor its wait for a core is the thread blocked in a system call (the disk:
// a write or fsync made on the main thread), which no load explains away.

import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { monitorEventLoopDelay, PerformanceObserver, constants as perfConstants } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { MemorySettingsStore } from '../../electron/core/api/settings-file';
import { startBrowserFace } from '../../electron/server/browser-face';

const { values } = parseArgs({
  options: { library: { type: 'string' }, starter: { type: 'string' }, root: { type: 'string' }, profile: { type: 'boolean' }, 'cpu-prof': { type: 'string' } },
});
const face = await startBrowserFace({
  libraryDir: values.library!,
  starterDir: values.starter!,
  settings: new MemorySettingsStore(),
  importRoots: [{ label: 'bench', path: values.root! }],
});
await face.service.searchReady();

/** A stretch of the event loop over this long is kept with what ran in it. */
const PAUSE_MS = 30;
const TICK_MS = 5;
const SAMPLE_US = 500;
const nowUs = () => Number(process.hrtime.bigint() / 1000n); // CLOCK_MONOTONIC, the CPU profile's clock
/** The main thread's CPU time and run-queue wait in ns (Linux; zeros elsewhere). */
const schedstat = (): [number, number] => {
  try {
    const [cpu, wait] = readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ').map(Number);
    return [cpu!, wait!];
  } catch {
    return [0, 0];
  }
};

interface Pause {
  startUs: number;
  endUs: number;
  cpuMs: number;
  waitMs: number;
}
const pauses: Pause[] = [];
const gcs: { startUs: number; endUs: number; major: boolean; kind: string }[] = [];
// performance.now() (ms from timeOrigin) → the monotonic clock in µs
const perfOffsetUs = nowUs() - performance.now() * 1000;
const gcObserver = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    const kind = (e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
    const startUs = perfOffsetUs + e.startTime * 1000;
    const name = kind === perfConstants.NODE_PERFORMANCE_GC_MAJOR ? 'mark-compact' : kind === perfConstants.NODE_PERFORMANCE_GC_MINOR ? 'scavenge' : kind === perfConstants.NODE_PERFORMANCE_GC_INCREMENTAL ? 'incremental marking' : 'weak callbacks';
    gcs.push({ startUs, endUs: startUs + e.duration * 1000, major: kind === perfConstants.NODE_PERFORMANCE_GC_MAJOR, kind: name });
  }
});
gcObserver.observe({ entryTypes: ['gc'] });

let session: Session | undefined;
if (values.profile) {
  session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: SAMPLE_US });
  await session.post('Profiler.start');
}
const cpu0 = process.cpuUsage();
const [thread0] = schedstat();

let lastUs = nowUs();
let [lastCpu, lastWait] = schedstat();
const ticker = setInterval(() => {
  const t = nowUs();
  const [c, w] = schedstat();
  if (t - lastUs > PAUSE_MS * 1000) pauses.push({ startUs: lastUs, endUs: t, cpuMs: (c - lastCpu) / 1e6, waitMs: (w - lastWait) / 1e6 });
  lastUs = t;
  lastCpu = c;
  lastWait = w;
}, TICK_MS);

const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();
const url = new URL(face.url);
process.stdout.write(JSON.stringify({ origin: url.origin, token: url.searchParams.get('token') }) + '\n');

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/**
 * What a profile sample was doing, as a phase: GC, or the outermost and innermost LawDesk
 * functions on its stack ("importPaths › parseLawText"), or the native leaf when none is ours.
 */
function labeller(profile: CpuProfile): (nodeId: number) => string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const memo = new Map<number, string>();
  return (id) => {
    const hit = memo.get(id);
    if (hit) return hit;
    const leaf = byId.get(id)!;
    let label: string;
    if (leaf.callFrame.functionName === '(garbage collector)') label = 'GC';
    else {
      const ours: string[] = [];
      for (let n: ProfileNode | undefined = leaf; n; n = byId.get(parent.get(n.id) ?? -1)) {
        const f = n.callFrame;
        if (/\/electron\/(core|server)\//.test(f.url) && f.functionName) ours.push(f.functionName);
      }
      const name = leaf.callFrame.functionName || '(anonymous)';
      label = ours.length === 0 ? name : ours.length === 1 ? ours[0]! : `${ours.at(-1)} › ${ours[0]}`;
      if (ours[0] && ours[0] !== name && !/\/electron\//.test(leaf.callFrame.url)) label += ` [${name}]`;
    }
    memo.set(id, label);
    return label;
  };
}

/** For a profile sample: the innermost synchronous node:fs call on its stack (writeSync, fsyncSync, openSync, …), if any. */
function syncFsCall(profile: CpuProfile): (nodeId: number) => string | undefined {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const memo = new Map<number, string | undefined>();
  return (id) => {
    if (memo.has(id)) return memo.get(id);
    let found: string | undefined;
    for (let n: ProfileNode | undefined = byId.get(id); n && !found; n = byId.get(parent.get(n.id) ?? -1)) {
      const f = n.callFrame;
      if ((f.url === 'node:fs' || f.url === 'fs') && /Sync$/.test(f.functionName)) found = f.functionName;
    }
    memo.set(id, found);
    return found;
  };
}

for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim() !== 'stats') continue;
  loop.disable();
  clearInterval(ticker);
  gcObserver.disconnect();
  const cpu = process.cpuUsage(cpu0);
  const [thread1] = schedstat();
  let phases: ((p: Pause) => { label: string; ms: number }[]) | undefined;
  /** Main-thread time inside synchronous file-system calls (node:fs *Sync on the stack), per call, over the whole run and at most in one pause. */
  let syncFs: { total: { name: string; ms: number }[]; maxInPauseMs: number } | undefined;
  if (session) {
    const { profile } = (await session.post('Profiler.stop')) as { profile: CpuProfile };
    if (values['cpu-prof']) writeFileSync(join(values['cpu-prof'], `import-ui-server-${process.pid}.cpuprofile`), JSON.stringify(profile));
    const label = labeller(profile);
    const times: number[] = [];
    let t = profile.startTime;
    for (const d of profile.timeDeltas) times.push((t += d));
    phases = (p) => {
      // A sample stands for the time since the previous one, but no more than two sampling
      // intervals: a longer gap is the thread waiting for a core, not running the function.
      const ms = new Map<string, number>();
      for (let i = 1; i < times.length; i++) {
        if (times[i]! < p.startUs || times[i]! > p.endUs) continue;
        const l = label(profile.samples[i]!);
        if (l === '(idle)') continue;
        ms.set(l, (ms.get(l) ?? 0) + Math.min(times[i]! - Math.max(times[i - 1]!, p.startUs), 2 * SAMPLE_US) / 1000);
      }
      return [...ms].map(([l, v]) => ({ label: l, ms: v })).sort((a, b) => b.ms - a.ms).slice(0, 3);
    };
    const fsCall = syncFsCall(profile);
    const total = new Map<string, number>();
    const perPause = new Map<Pause, number>();
    const sorted = [...pauses].sort((a, b) => a.startUs - b.startUs);
    let pi = 0;
    for (let i = 1; i < times.length; i++) {
      const name = fsCall(profile.samples[i]!);
      if (!name) continue;
      const dt = Math.min(times[i]! - times[i - 1]!, 2 * SAMPLE_US) / 1000;
      total.set(name, (total.get(name) ?? 0) + dt);
      while (pi < sorted.length && sorted[pi]!.endUs < times[i]!) pi++;
      const p = sorted[pi];
      if (p && p.startUs <= times[i]!) perPause.set(p, (perPause.get(p) ?? 0) + dt);
    }
    syncFs = { total: [...total].map(([name, v]) => ({ name, ms: v })).sort((a, b) => b.ms - a.ms), maxInPauseMs: Math.max(0, ...perPause.values()) };
  }
  const gcIn = (p: Pause) => {
    let ms = 0;
    for (const g of gcs) ms += Math.max(0, Math.min(g.endUs, p.endUs) - Math.max(g.startUs, p.startUs)) / 1000;
    return ms;
  };
  const top = [...pauses].sort((a, b) => b.endUs - b.startUs - (a.endUs - a.startUs)).slice(0, 5);
  const topCpu = [...pauses].sort((a, b) => b.cpuMs - a.cpuMs).slice(0, 5);
  const blockedOf = (p: Pause) => Math.max(0, (p.endUs - p.startUs) / 1000 - p.cpuMs - p.waitMs);
  const topBlocked = [...pauses].sort((a, b) => blockedOf(b) - blockedOf(a)).slice(0, 5);
  const describe = (p: Pause) => ({ ms: (p.endUs - p.startUs) / 1000, cpuMs: p.cpuMs, waitMs: p.waitMs, blockedMs: blockedOf(p), gcMs: gcIn(p), phases: phases?.(p) });
  const majors = gcs.filter((g) => g.major).map((g) => (g.endUs - g.startUs) / 1000);
  process.stdout.write(
    JSON.stringify({
      maxPauseMs: loop.max / 1e6,
      p99Ms: loop.percentile(99) / 1e6,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      cpuMs: (cpu.user + cpu.system) / 1000,
      mainThreadCpuMs: (thread1 - thread0) / 1e6,
      pausesOver30: pauses.length,
      pausesOver100: pauses.filter((p) => p.endUs - p.startUs > 100_000).length,
      majorGcs: majors.length,
      longestMajorGcMs: majors.length ? Math.max(...majors) : 0,
      longestGcs: [...gcs].sort((a, b) => b.endUs - b.startUs - (a.endUs - a.startUs)).slice(0, 3).map((g) => ({ kind: g.kind, ms: (g.endUs - g.startUs) / 1000 })),
      cpuOver30: pauses.filter((p) => p.cpuMs > 30).length,
      cpuOver50: pauses.filter((p) => p.cpuMs > 50).length,
      cpuOver100: pauses.filter((p) => p.cpuMs > 100).length,
      blockedOver10: pauses.filter((p) => blockedOf(p) > 10).length,
      blockedOver30: pauses.filter((p) => blockedOf(p) > 30).length,
      blockedTotalMs: pauses.reduce((n, p) => n + blockedOf(p), 0),
      top: top.map(describe),
      topCpu: topCpu.map(describe),
      topBlocked: topBlocked.map(describe),
      ...(syncFs ? { syncFs } : {}),
    }) + '\n',
  );
  await face.stop();
  process.exit(0);
}
