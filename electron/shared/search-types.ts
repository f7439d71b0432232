// The search contract shared by the engine (electron/core/search), the CLI, the API and the UI.
// The types are derived from the API's zod schemas (./api/search.ts), so a field the engine returns
// is a field the API carries: none can be dropped on the way.

import type { z } from 'zod';
import type { facetsSchema } from './api/library';
import type { quickOpenItemSchema, searchHitSchema, searchQuerySchema, searchResultSchema } from './api/search';

/**
 * What the engine answers. Terms separated by spaces are ANDed; "…" is an exact phrase; -term
 * excludes. The API's favoritesOnly becomes `lawIds` (the user's 收藏; an empty list finds nothing).
 * The limit has no upper cap here: the CLI and packs may ask for more than one page.
 */
export type SearchQuery = Omit<z.infer<typeof searchQuerySchema>, 'favoritesOnly'> & { lawIds?: string[] };

/**
 * One hit. 'law' hits (kind) are title hits: the law's title holds every term (one per law, ranked
 * before article hits); then articleKey and articleLabel are '', articleNumber 0, path [] and the
 * snippet is the title — open the law at its top.
 */
export type SearchHit = z.infer<typeof searchHitSchema>;

/**
 * Counts over all hits. Each facet is counted with the other facets' filters applied but not its
 * own (so a sidebar can show what choosing another value would give); the other filters apply.
 */
export type Facets = z.infer<typeof facetsSchema>;

export type SearchResult = z.infer<typeof searchResultSchema>;

/** Set when the query reads as a citation (行政许可法第十二条, 《统计法》第七条, 行政许可法 12). */
export type CitationJump = NonNullable<SearchResult['jump']>;

export type QuickOpenItem = z.infer<typeof quickOpenItemSchema>;
