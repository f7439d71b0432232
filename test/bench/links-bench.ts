// Link graph benchmark over a library (e.g. the whole ../shared/corpus imported with
// `lawdesk import ../shared/corpus/laws --library DIR`): full build time and memory, edge count,
// share of mentions resolved, and an incremental update after one law changed. Prints `uptime` load.
//   npx tsx test/bench/links-bench.ts --library DIR [--law 行政许可法] [--sample 50]

import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { findLaws } from '../../electron/core/library/law-lookup';
import { openLibrary } from '../../electron/core/library/open-library';
import { readLinkGraph, refreshLinks, linksFile } from '../../electron/core/links/link-graph';
import { writeFileSync } from 'node:fs';

const { values } = parseArgs({ options: { library: { type: 'string' }, law: { type: 'string' }, sample: { type: 'string' } } });
if (!values.library) throw new Error('usage: links-bench.ts --library DIR');
const { store } = await openLibrary({ dir: values.library, seed: false });
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
const mb = (n: number) => (n / 1048576).toFixed(1);

global.gc?.();
const before = process.memoryUsage();
const cpu0 = process.cpuUsage();
const full = await refreshLinks(store, { full: true });
const cpu = process.cpuUsage(cpu0);
const after = process.memoryUsage();
const g = readLinkGraph(store)!;
let edges = 0, unresolved = 0, approx = 0, cross = 0;
for (const e of Object.values(g.entries)) {
  edges += e.edges.length;
  unresolved += e.unresolved;
  for (const x of e.edges) {
    if (x[4]) approx++;
    if (x[1] !== e.lawId) cross++;
  }
}
console.log(`laws ${store.laws().length}, versions ${store.versions().length}; load ${load()}`);
console.log(`full build ${full.ms.toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU; heap +${mb(after.heapUsed - before.heapUsed)} MB, rss +${mb(after.rss - before.rss)} MB`);
console.log(`edges ${edges} (to other laws ${cross}, to the oldest version because none was in force yet ${approx}); unresolved mentions ${unresolved}; resolved share ${((100 * edges) / (edges + unresolved)).toFixed(1)} %`);

// incremental: one law's versions change (as when a new version is imported)
const law = findLaws(store, values.law ?? '行政许可法')[0]!;
const data = readLinkGraph(store)!;
data.versions[law.id] = [...(data.versions[law.id] ?? []), `${law.id}@0000-00-00`];
writeFileSync(linksFile(store), JSON.stringify(data));
const inc = await refreshLinks(store);
console.log(`incremental after 《${law.title}》 changed: ${inc.ms.toFixed(0)} ms, ${inc.recomputed} versions recomputed, ${inc.kept} kept; load ${load()}`);

// a random sample of edges between different laws, to read by hand
const n = Number(values.sample ?? 0);
if (n) {
  const all: [string, (typeof g.entries)[string]['edges'][number]][] = [];
  for (const [vid, e] of Object.entries(g.entries)) for (const x of e.edges) if (x[1] !== e.lawId) all.push([vid, x]);
  let seed = 17;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 0; i < n; i++) {
    const [vid, x] = all[Math.floor(rnd() * all.length)]!;
    const from = store.readUnits(vid).find((u) => u.key === x[0])!;
    const to = store.readUnits(x[2]).find((u) => u.key === x[3])!;
    console.log(`#${i + 1} ${store.version(vid)!.title} ${from.label}: …${from.text.slice(Math.max(0, x[5] - 30), x[6] + 5).replace(/\n/g, ' ')}…\n    → ${store.version(x[2])!.title} (${x[2]}) ${to.label}${x[4] ? ' [approx]' : ''}: ${to.text.slice(0, 60).replace(/\n/g, ' ')}`);
  }
}
