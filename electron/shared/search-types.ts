// The search contract shared by the engine (electron/core/search), the CLI, the API and the UI.

import type { Level, Status } from './law-model';

export interface SearchQuery {
  /** Terms separated by spaces are ANDed; "…" is an exact phrase; -term excludes. */
  q: string;
  limit?: number; // default 20
  offset?: number; // default 0
  levels?: Level[];
  regions?: string[];
  statuses?: Status[];
  /** 分类 of the laws (未分类 for those without one). */
  categories?: string[];
  /** Restrict to a set of laws (e.g. the user's 收藏); an empty list finds nothing. */
  lawIds?: string[];
  /** Restrict to one law (all its versions) … */
  lawId?: string;
  /** … or one version. */
  versionId?: string;
  publishedFrom?: string; // YYYY-MM-DD, inclusive
  publishedTo?: string;
  effectiveFrom?: string;
  effectiveTo?: string;
  /** Only versions whose status is 现行有效. */
  inForceOnly?: boolean;
  /** As of a date (YYYY-MM-DD): only the version of each law in force that day (as-of view). */
  asOf?: string;
}

export interface SearchHit {
  lawId: string;
  versionId: string;
  title: string;
  subtitle?: string;
  versionDate: string; // 公布日期 (else 施行日期), may be ''
  level: Level;
  region: string;
  status: Status;
  articleKey: string; // unit key within the version: "12", "12-1", "s3", "preamble"
  articleNumber: number;
  articleSuffix: number;
  articleLabel: string; // 第十二条之一
  path: string[]; // 编/章/节
  /** A window of the article text around the matches. */
  snippet: string;
  /** [start, end) ranges in `snippet` to highlight: every query term. */
  highlights: [number, number][];
  /** True when the hit is in the law's title rather than (only) its text. */
  titleMatch: boolean;
  score: number;
  /**
   * 'law' for a title hit: the law's title holds every term (one per law, ranked before article
   * hits); then articleKey and articleLabel are '', articleNumber 0, path [] and the snippet is the
   * title — open the law at its top. 'article' (or absent) otherwise.
   */
  kind?: 'article' | 'law';
}

export interface CitationJump {
  lawId: string;
  versionId: string;
  articleKey: string;
  articleLabel: string;
  title: string;
  /** Other versions of the law that have this article number. */
  otherVersions: { versionId: string; versionDate: string; status: Status }[];
}

/**
 * Counts over all hits. Each facet is counted with the other facets' filters applied but not its
 * own (so a sidebar can show what choosing another value would give); the other filters apply.
 */
export interface Facets {
  level: Record<string, number>;
  region: Record<string, number>;
  status: Record<string, number>;
  /** 分类 (laws without one count under 未分类). */
  category: Record<string, number>;
}

export interface SearchResult {
  total: number;
  tookMs: number;
  hits: SearchHit[];
  facets: Facets;
  /** Set when the query reads as a citation (行政许可法第十二条, 《统计法》第七条, 行政许可法 12). */
  jump?: CitationJump;
  /** Near queries that do find something, when this one finds nothing. */
  didYouMean?: string[];
}

export interface QuickOpenItem {
  lawId: string;
  versionId: string; // the version to open (in force)
  title: string;
  shortTitle: string;
  subtitle?: string;
  level: Level;
  region: string;
  /** Set for inputs like 行政许可法12: open that article. */
  articleKey?: string;
  articleLabel?: string;
  score: number; // 0 = perfect
}
