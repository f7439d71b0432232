// The app's only link to the search engine (electron/core/search): opening it with progress,
// and the narrow interface the service uses.

import type { QuickOpenItem, SearchQuery, SearchResult } from '../../shared/search-types';
import type { LibraryStore } from '../library/library-store';
import { SearchEngine } from '../search/search-engine';

export interface SearchBackend {
  search(q: SearchQuery): SearchResult;
  quickOpen(text: string, limit?: number): QuickOpenItem[];
  close(): void;
}

export interface IndexProgress {
  done: number;
  total: number;
}

/** Opens the engine (building or loading its index). */
export async function openSearchBackend(
  store: LibraryStore,
  onProgress?: (p: IndexProgress) => void,
): Promise<SearchBackend | undefined> {
  const engine = await SearchEngine.open(store, onProgress ? { onProgress: (p) => onProgress({ done: p.done, total: p.total }) } : {});
  // Load the article texts shortly after start-up, off the path of the first search.
  setTimeout(() => engine.warmTexts(), 1500).unref();
  return engine;
}
