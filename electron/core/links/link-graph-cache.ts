// The link graph as the app asks for it: brought up to date (incrementally) the first time it is
// asked for after a change of the library, then answered from memory until the next change. One
// per library store, shared by every handler that needs it (links, 受影响, the 引用: search form).

import type { LibraryStore } from '../library/library-store';
import { refreshLinks, type LinkGraphData } from './link-graph';

const caches = new WeakMap<LibraryStore, { generation: number; graph: Promise<LinkGraphData> }>();

export function currentLinkGraph(store: LibraryStore): Promise<LinkGraphData> {
  const cached = caches.get(store);
  if (cached?.generation === store.generation) return cached.graph;
  // the last graph built here is the starting point of the next refresh (no re-read of the file)
  const previous = cached?.graph.catch(() => undefined) ?? Promise.resolve(undefined);
  const graph = previous.then((p) => refreshLinks(store, p ? { previous: p } : {})).then((r) => r.graph);
  const entry = { generation: store.generation, graph };
  caches.set(store, entry);
  // a failed build is not remembered: the next call tries again
  graph.catch(() => {
    if (caches.get(store) === entry) caches.delete(store);
  });
  return graph;
}
