// scratch (not committed): rare queries at a scale, per-query median wall and CPU over R rounds
import { readFileSync } from 'node:fs';
import { LibraryStore } from '../../electron/core/library/library-store';
import { SearchEngine } from '../../electron/core/search/search-engine';

const lib = process.argv[2]!;
const runs = Number(process.argv[3] ?? 5);
const qs = JSON.parse(readFileSync(`${lib}.rare.json`, 'utf8')) as string[];
const store = await LibraryStore.open(lib);
const engine = await SearchEngine.open(store);
engine.warmTexts();
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const per = new Map<string, { ms: number[]; cpu: number[]; n: number }>();
for (const q of qs) per.set(q, { ms: [], cpu: [], n: engine.search({ q, limit: 20 }).total });
for (let r = 0; r < runs; r++) for (const q of qs) {
  const c0 = process.cpuUsage();
  const t = performance.now();
  engine.search({ q, limit: 20 });
  const ms = performance.now() - t;
  const c = process.cpuUsage(c0);
  per.get(q)!.ms.push(ms);
  per.get(q)!.cpu.push((c.user + c.system) / 1000);
}
const rows = [...per].map(([q, x]) => ({ q, n: x.n, p50: med(x.ms), cpu: med(x.cpu) })).sort((a, b) => b.p50 - a.p50);
for (const r of rows) console.log(r.q.padEnd(8, '　'), String(r.n).padStart(4), r.p50.toFixed(3), 'ms  cpu', r.cpu.toFixed(3));
const all = rows.map((r) => r.p50);
console.log('worst median', Math.max(...all).toFixed(3), 'median of medians', med(all).toFixed(3), 'textRead MB', (engine.memory().textBytesRead / 1e6).toFixed(1));
engine.close();
