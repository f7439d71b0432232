// The app's only link to the search engine (electron/core/search). Until the engine lands this
// loads it lazily and reports "not ready"; when it does, replace the dynamic import below with
// `import { SearchEngine } from '../search/search-engine'` — nothing else in the app changes.

import type { QuickOpenItem, SearchQuery, SearchResult } from '../../shared/search-types';
import type { LibraryStore } from '../library/library-store';

export interface SearchBackend {
  search(q: SearchQuery): SearchResult;
  quickOpen(text: string, limit?: number): QuickOpenItem[];
  close(): void;
}

export interface IndexProgress {
  done: number;
  total: number;
}

interface EngineClass {
  open(store: LibraryStore, opts: { onProgress?: (p: IndexProgress) => void }): Promise<SearchBackend>;
}

/** Resolves to the engine, or undefined when no engine is available in this build. */
export async function openSearchBackend(
  store: LibraryStore,
  onProgress?: (p: IndexProgress) => void,
): Promise<SearchBackend | undefined> {
  const specifier = '../search/search-engine';
  let mod: { SearchEngine?: EngineClass };
  try {
    mod = (await import(/* @vite-ignore */ specifier)) as { SearchEngine?: EngineClass };
  } catch {
    return undefined;
  }
  if (!mod.SearchEngine) return undefined;
  return mod.SearchEngine.open(store, onProgress ? { onProgress } : {});
}
