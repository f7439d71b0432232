// The app's only link to the search engine (electron/core/search): opening it with progress,
// and the narrow interface the service uses.

import type { QuickOpenItem, SearchQuery, SearchResult } from '../../shared/search-types';
import type { LibraryStore } from '../library/library-store';
import { SearchEngine, type IndexProgress, type IndexStats } from '../search/search-engine';
import type { TimeSlicer } from '../util/time-slicer';

export interface SearchBackend {
  search(q: SearchQuery): SearchResult;
  quickOpen(text: string, limit?: number): QuickOpenItem[];
  /** Resolves when no background index update is running. */
  settled(): Promise<void>;
  stats(): IndexStats;
  /** Rebuilds the index from the library (time-sliced), reporting to `onProgress` when given. */
  reindex(onProgress?: (p: IndexProgress) => void): Promise<void>;
  close(): void;
  /** The catalog's 时效性 were derived again (a new day): facets and status weights follow. */
  statusesChanged(): void;
  /** For the review workbench's 上位法 panel (similarity look-ups). */
  docFrequency: SearchEngine['docFrequency'];
  articlesWithTerms: SearchEngine['articlesWithTerms'];
}

export type { IndexProgress };

/**
 * Opens the engine (building or loading its index). After a library change the index is updated
 * in the background, in slices, with progress; `onReady` says when it is current again.
 */
export async function openSearchBackend(
  store: LibraryStore,
  onProgress?: (p: IndexProgress) => void,
  onReady?: () => void,
  slicer?: () => TimeSlicer,
): Promise<SearchBackend | undefined> {
  const engine = await SearchEngine.open(store, {
    background: true,
    ...(slicer ? { slicer } : {}),
    ...(onProgress ? { onProgress } : {}),
    ...(onReady ? { onIdle: onReady } : {}),
  });
  // Load the article texts shortly after start-up, off the path of the first search.
  setTimeout(() => engine.warmTexts(), 1500).unref();
  return engine;
}
