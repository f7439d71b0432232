import { LibraryStore } from '../../electron/core/library/library-store';
import { SearchEngine } from '../../electron/core/search/search-engine';
const store = await LibraryStore.open(process.argv[2]!);
const engine = await SearchEngine.open(store);
const q = process.argv[3]!;
const N = Number(process.argv[4] ?? 300);
for (const limit of [20, 1, 20, 1]) {
  engine.search({ q, limit });
  const c0 = process.cpuUsage();
  for (let i = 0; i < N; i++) engine.search({ q, limit });
  const c = process.cpuUsage(c0);
  console.log('limit', limit, 'cpu/query', ((c.user + c.system) / 1000 / N).toFixed(3));
}
engine.close();
