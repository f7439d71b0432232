// The link graph as the app asks for it: brought up to date (incrementally) the first time it is
// asked for after a change of the library, then answered from memory until the next change. One
// per library store, shared by every handler that needs it (links, 受影响, the 引用: search form).

import type { LibraryStore } from '../library/library-store';
import { readLinkGraph, refreshLinks, type LinkGraphData } from './link-graph';

const caches = new WeakMap<LibraryStore, { generation: number; graph: Promise<LinkGraphData> }>();

export function currentLinkGraph(store: LibraryStore): Promise<LinkGraphData> {
  const cached = caches.get(store);
  if (cached?.generation === store.generation) return cached.graph;
  const graph = refreshLinks(store).then(() => {
    const g = readLinkGraph(store);
    if (!g) throw new Error('法条链接数据写入后无法读回');
    return g;
  });
  const entry = { generation: store.generation, graph };
  caches.set(store, entry);
  // a failed build is not remembered: the next call tries again
  graph.catch(() => {
    if (caches.get(store) === entry) caches.delete(store);
  });
  return graph;
}
