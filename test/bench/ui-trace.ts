// What a long main-thread task was made of, from a Chromium trace (the bench's attribution pass):
// the task's time split by kind (script, style, layout, paint, GC, parse/compile), how it was
// entered (a timer, an animation frame, an input event, a network answer), and — from the trace's
// own CPU samples — which modules of the renderer bundle and which of our functions ran in it.
// The bundle is not minified and rolldown writes a `// path` line before each module, so a sample's
// line number names its module (react-dom, antd's cssinjs, src/features/reader/ReaderPage.tsx …).

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** What the trace needs for the attribution: the timeline, user-timing marks and the CPU samples. */
export const TRACE_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'v8.execute',
  'v8',
  'disabled-by-default-v8.cpu_profiler',
];

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the event: what a loaded machine inflates least. */
  tdur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: { name?: string; data?: Record<string, unknown> };
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

export interface TaskCause {
  /** The phase of the bench it fell in (the last `bench:…` mark before it; '' between phases). */
  phase: string;
  /** Start, from the trace's first event on the page's main thread. */
  atMs: number;
  ms: number;
  /** The task's main-thread CPU time (the trace's thread duration), ms. */
  cpuMs: number;
  /** How the task was entered (TimerFire, FireAnimationFrame, EventDispatch:input, XHRLoad …). */
  entry: string;
  /** Self time by kind, ms. */
  kinds: Record<string, number>;
  /** Script time by module of the bundle, ms, the largest first. */
  modules: [string, number][];
  /** Time under each of our own functions (the innermost app-source frame of a sample), ms. */
  ours: [string, number][];
}

/** Events that say how a task entered script or rendering. */
const ENTRIES = new Set(['TimerFire', 'FireAnimationFrame', 'EventDispatch', 'XHRLoad', 'XHRReadyStateChange', 'ParseHTML', 'EvaluateScript', 'v8.callFunction', 'FunctionCall', 'RunMicrotasks', 'FireIdleCallback', 'BeginMainThreadFrame', 'Layout', 'UpdateLayoutTree']);

const KIND: [RegExp, string][] = [
  [/^(Layout|UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet|InvalidateLayout|StyleInvalidatorInvalidationTracking)$/, 'style+layout'],
  [/^(Paint|PrePaint|Layerize|UpdateLayer|UpdateLayerTree|CompositeLayers|Commit|PaintImage|HitTest|IntersectionObserverController::computeIntersections|ContentVisibility.*)$/, 'paint'],
  [/GC|Scavenge|Mark-Compact|^CppGC|^BlinkGC/, 'gc'],
  [/^(ParseHTML|v8\.compile|V8\.CompileCode|v8\.compileModule|CompileScript|V8\.ParseFunction|v8\.parseOnBackground|V8\.CompileLazy)$/, 'parse+compile'],
];
function kindOf(name: string): string {
  for (const [re, k] of KIND) if (re.test(name)) return k;
  return name === 'RunTask' || name === 'ThreadControllerImpl::RunTask' ? 'other' : 'script';
}

/** Module boundaries of the bundle: the line of each `// path` comment, and a short name for it. */
function bundleModules(rendererDir: string): { file: string; starts: number[]; names: string[]; ours: Set<string> } | undefined {
  const dir = join(rendererDir, 'assets');
  const file = readdirSync(dir).find((f) => /^index-.*\.js$/.test(f));
  if (!file) return undefined;
  const starts: number[] = [];
  const names: string[] = [];
  const ours = new Set<string>();
  readFileSync(join(dir, file), 'utf8')
    .split('\n')
    .forEach((line, i) => {
      const m = /^\/\/ (?:\\0)?(\S+\.(?:m?js|tsx?|jsx|cjs))$/.exec(line);
      if (!m) return;
      starts.push(i);
      names.push(shortModule(m[1]!));
      if (!m[1]!.includes('node_modules/') && !m[1]!.includes('rolldown')) ours.add(names[names.length - 1]!);
    });
  return { file, starts, names, ours };
}

/** node_modules/antd/es/button/style/index.js → antd/button/style; ../src/features/reader/ReaderPage.tsx → reader/ReaderPage.tsx */
function shortModule(path: string): string {
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?:es\/|lib\/|cjs\/|dist\/)?(.*)$/.exec(path);
  if (nm) {
    const [, pkg, rest] = nm;
    if (pkg === 'antd' || pkg === '@ant-design/cssinjs' || pkg === '@ant-design/cssinjs-utils') return `${pkg}/${rest!.split('/').slice(0, 2).join('/').replace(/\.js$/, '')}`;
    return pkg!;
  }
  return path.replace(/^.*?src\/(features\/)?/, '');
}

function moduleAt(mods: ReturnType<typeof bundleModules>, line: number): string {
  if (!mods) return '?';
  let lo = 0;
  let hi = mods.starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (mods.starts[mid]! <= line) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 ? mods.names[found]! : '(bundle head)';
}

/** Index of the first event (sorted by ts) at or after `ts`. */
function firstAtOrAfter(sorted: { ts: number }[], ts: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.ts < ts) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const add = <K>(m: Map<K, number>, k: K, v: number) => m.set(k, (m.get(k) ?? 0) + v);
const top = (m: Map<string, number>, n: number): [string, number][] =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => [k, Math.round(v * 10) / 10]);

/**
 * The main-thread tasks of the page longer than `minMs` (wall time, or CPU time with `byCpu`),
 * each with what it was made of.
 */
export function longTaskCauses(traceJson: string, rendererDir: string, minMs = 50, byCpu = false): TaskCause[] {
  const parsed = JSON.parse(traceJson) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  // The page's main thread: the CrRendererMain with the most events.
  const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  let main: { pid: number; tid: number } | undefined;
  let most = -1;
  for (const t of mains) {
    const n = events.reduce((c, e) => c + (e.pid === t.pid && e.tid === t.tid ? 1 : 0), 0);
    if (n > most) [main, most] = [{ pid: t.pid, tid: t.tid }, n];
  }
  if (!main) return [];
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid);
  const complete = onMain.filter((e) => e.ph === 'X' && typeof e.dur === 'number').sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const origin = complete[0]?.ts ?? 0;
  const marks = onMain
    .filter((e) => e.cat.includes('blink.user_timing') && e.name.startsWith('bench:'))
    .map((e) => ({ ts: e.ts, name: e.name.slice('bench:'.length) }))
    .sort((a, b) => a.ts - b.ts);

  // Top-level tasks: RunTask events not inside another.
  const tasks: TraceEvent[] = [];
  let end = -1;
  for (const e of complete) {
    if (e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask') continue;
    if (e.ts < end) continue;
    end = e.ts + e.dur!;
    if ((byCpu ? (e.tdur ?? e.dur!) : e.dur!) >= minMs * 1000) tasks.push(e);
  }

  // CPU samples of the main thread (Profile + ProfileChunk events), as (time, leaf node id).
  const nodes = new Map<string, Map<number, ProfileNode>>();
  const samples: { ts: number; profile: string; node: number }[] = [];
  const clock = new Map<string, number>();
  for (const e of events) {
    if (e.pid !== main.pid || (e.name !== 'Profile' && e.name !== 'ProfileChunk')) continue;
    const id = String(e.id);
    const data = (e.args?.data ?? {}) as { startTime?: number; cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] };
    if (e.name === 'Profile') {
      if (e.tid !== main.tid) continue;
      clock.set(id, data.startTime ?? e.ts);
      nodes.set(id, new Map());
      continue;
    }
    const byId = nodes.get(id);
    if (!byId) continue;
    for (const n of data.cpuProfile?.nodes ?? []) byId.set(n.id, n);
    let t = clock.get(id)!;
    (data.cpuProfile?.samples ?? []).forEach((s, i) => {
      t += data.timeDeltas?.[i] ?? 0;
      samples.push({ ts: t, profile: id, node: s });
    });
    clock.set(id, t);
  }
  samples.sort((a, b) => a.ts - b.ts);
  const mods = bundleModules(rendererDir);
  const inBundle = (url: string | undefined) => !!mods && !!url && url.endsWith(mods.file);
  const appModule = (m: string) => !!mods?.ours.has(m);

  return tasks.map((task) => {
    const from = task.ts;
    const to = task.ts + task.dur!;
    // Self time of each event inside the task.
    const inside: TraceEvent[] = [];
    let k = firstAtOrAfter(complete, from);
    for (; k < complete.length && complete[k]!.ts < to; k++) if (complete[k]!.ts + complete[k]!.dur! <= to) inside.push(complete[k]!);
    const kinds = new Map<string, number>();
    const stack: { e: TraceEvent; child: number }[] = [];
    const pop = () => {
      const s = stack.pop()!;
      add(kinds, kindOf(s.e.name), (s.e.dur! - s.child) / 1000);
      if (stack.length) stack[stack.length - 1]!.child += s.e.dur!;
    };
    for (const e of inside) {
      while (stack.length && e.ts >= stack[stack.length - 1]!.e.ts + stack[stack.length - 1]!.e.dur!) pop();
      stack.push({ e, child: 0 });
    }
    while (stack.length) pop();
    const first = inside.find((e) => ENTRIES.has(e.name)) ?? inside.find((e) => e !== task && e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask');
    const type = first?.args?.data?.['type'];
    const entry = first ? `${first.name}${typeof type === 'string' ? ':' + type : ''}` : 'RunTask';

    // Samples in the task: the leaf's module (self time) and the innermost frame of our own code.
    const modules = new Map<string, number>();
    const ours = new Map<string, number>();
    for (let i = firstAtOrAfter(samples, from); i < samples.length && samples[i]!.ts <= to; i++) {
      const s = samples[i]!;
      const next = samples[i + 1];
      const ms = Math.min(next ? next.ts - s.ts : 1000, 5000) / 1000;
      const byId = nodes.get(s.profile)!;
      let n = byId.get(s.node);
      const leaf = n?.callFrame;
      if (!leaf) continue;
      if (leaf.functionName === '(idle)' || leaf.functionName === '(program)') add(modules, leaf.functionName, ms);
      else if (leaf.functionName === '(garbage collector)') add(modules, '(GC)', ms);
      else add(modules, inBundle(leaf.url) ? moduleAt(mods, leaf.lineNumber) : leaf.url ? 'other script' : `(${leaf.functionName || 'native'})`, ms);
      while (n) {
        const f = n.callFrame;
        if (inBundle(f.url)) {
          const m = moduleAt(mods, f.lineNumber);
          if (appModule(m)) {
            add(ours, `${f.functionName || '(anonymous)'} ${m}`, ms);
            break;
          }
        }
        n = n.parent !== undefined ? byId.get(n.parent) : undefined;
      }
    }
    let phase = '';
    for (const m of marks) if (m.ts <= from) phase = m.name;
    return {
      phase,
      atMs: Math.round((from - origin) / 1000),
      ms: Math.round(task.dur! / 100) / 10,
      cpuMs: Math.round((task.tdur ?? task.dur!) / 100) / 10,
      entry,
      kinds: Object.fromEntries(top(kinds, 10).filter(([, v]) => v >= 0.5)),
      modules: top(modules, 5),
      ours: top(ours, 5),
    };
  });
}

/** One line per task: "142 ms 打开 民法典 (FireAnimationFrame): script 98, style+layout 30 … — react-dom 60 … — Reader reader/ReaderPage.tsx 40 …" */
export function describeCause(c: TaskCause): string {
  const kinds = Object.entries(c.kinds)
    .map(([k, v]) => `${k} ${Math.round(v)}`)
    .join('，');
  const mods = c.modules.map(([k, v]) => `${k} ${Math.round(v)}`).join('，');
  const ours = c.ours.map(([k, v]) => `${k} ${Math.round(v)}`).join('，');
  return `${c.ms.toFixed(0).padStart(5)} ms（CPU ${c.cpuMs.toFixed(0)} ms）  ${c.phase || '（两步之间：页面重新载入、法规库）'}  入口 ${c.entry}\n          构成：${kinds}\n          模块（样本自身时间）：${mods || '—'}\n          我们的代码（含下层）：${ours || '—'}`;
}

/**
 * Main-thread CPU time between pairs of user-timing marks: from each `bench:<step> → <text>` to the
 * next `painted:<text>` after it (the bench marks a keystroke before typing it and when its
 * results have painted). What a loaded machine inflates least, for before/after comparisons at
 * different loads: the wall time of a keystroke grows with the load, its CPU time much less.
 * A task partly inside the span counts in proportion.
 */
export function markSpansCpu(traceJson: string): { text: string; wallMs: number; cpuMs: number }[] {
  const parsed = JSON.parse(traceJson) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const marks = events.filter((e) => e.cat.includes('blink.user_timing') && (e.name.startsWith('bench:') || e.name.startsWith('painted:'))).sort((a, b) => a.ts - b.ts);
  const main = marks[0];
  if (!main) return [];
  const tasks: TraceEvent[] = [];
  let end = -1;
  for (const e of events.filter((x) => x.pid === main.pid && x.tid === main.tid && x.ph === 'X' && (x.name === 'RunTask' || x.name === 'ThreadControllerImpl::RunTask')).sort((a, b) => a.ts - b.ts)) {
    if (e.ts < end) continue;
    end = e.ts + e.dur!;
    tasks.push(e);
  }
  const out: { text: string; wallMs: number; cpuMs: number }[] = [];
  marks.forEach((m, i) => {
    const text = / → (.*)$/.exec(m.name)?.[1];
    if (!m.name.startsWith('bench:') || text === undefined) return;
    const done = marks.slice(i + 1).find((x) => x.name === `painted:${text}` || (x.name.startsWith('bench:') && x !== m));
    if (!done || done.name.startsWith('bench:')) return;
    let cpu = 0;
    for (let k = firstAtOrAfter(tasks, m.ts - 1e6); k < tasks.length && tasks[k]!.ts < done.ts; k++) {
      const t = tasks[k]!;
      const overlap = Math.min(t.ts + t.dur!, done.ts) - Math.max(t.ts, m.ts);
      if (overlap > 0 && t.dur! > 0) cpu += ((t.tdur ?? t.dur!) * overlap) / t.dur!;
    }
    out.push({ text, wallMs: Math.round((done.ts - m.ts) / 100) / 10, cpuMs: Math.round(cpu / 100) / 10 });
  });
  return out;
}
