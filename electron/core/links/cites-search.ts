// The 引用: search form (issue 17): "引用:行政许可法第十二条" (or "cites 行政许可法第十二条") lists every
// article of another law that cites that article — followed across the cited law's versions through
// the article mapping — and "引用:统计法" every article citing any article of the law. Words after
// the target narrow the list like a normal query (all must appear in the citing article, -word must
// not); the filters of the search page apply. Answered from the link graph, not the full-text
// index: the set is small (the citing articles of one article or law), so each is checked directly.

import { LEVELS, UNCATEGORISED, displayTitle, regionRank, regionWithin, versionDate, type Law } from '../../shared/law-model';
import type { Facets, SearchHit, SearchQuery, SearchResult } from '../../shared/search-types';
import type { LibraryStore } from '../library/library-store';
import { toChineseNumber } from '../../shared/chinese-number';
import { detectCitations } from '../records/citation-detect';
import { LibraryTargetResolver } from './link-resolver';
import { parseQuery } from '../search/query-parser';
import { splitArticleRef } from '../search/quick-open';
import { makeSnippet } from '../search/snippet';
import { versionHitFields } from '../search/hit-fields';
import type { LinkGraphData } from './link-graph';
import { currentVersionOf, linksIn } from './link-queries';

/** 引用:X, 引用：X, cites:X, cites X (case-insensitive), at the start of a query. */
const PREFIX = /^[\s\u3000]*(?:引用[:：]|cites?(?:[:：]|[\s\u3000]+))[\s\u3000]*/i;
/** An article written apart from the title: 行政许可法 第十二条 / 行政许可法 12. */
const ARTICLE_TOKEN = /^(?:第[零〇一二两三四五六七八九十百千0-9]+条(?:之[零〇一二三四五六七八九十0-9]+)?|[0-9]{1,4}(?:(?:之|-)[0-9]{1,2})?)$/;

export interface CitesQuery {
  /** What names the cited law (and article), as typed: 行政许可法第十二条. */
  target: string;
  /** The rest of the query: words the citing article must (or, with -, must not) hold. */
  rest: string;
}

/** The 引用: form of a query, or undefined for an ordinary query. */
export function splitCitesQuery(q: string): CitesQuery | undefined {
  const m = PREFIX.exec(q);
  if (!m) return undefined;
  const tokens = q.slice(m[0].length).split(/[\s\u3000]+/).filter(Boolean);
  if (!tokens.length) return undefined;
  let take = 1;
  if (tokens.length > 1 && ARTICLE_TOKEN.test(tokens[1]!)) take = 2;
  return { target: tokens.slice(0, take).join(' '), rest: tokens.slice(take).join(' ') };
}

export interface CitesTarget {
  law: Law;
  versionId: string;
  /** Undefined: any article of the law. */
  articleKey?: string;
  articleLabel?: string;
}

/**
 * The cited law (and article of the version in force today) a 引用: target names, or why there is
 * none — resolved by the citation detector, so the target is read exactly as a citation in a text
 * would be (short titles, abbreviations, 〈〉 titles, 《民法典》第五百条 → 合同编; a law whose title
 * merely contains the name is not it).
 */
export function resolveCitesTarget(store: LibraryStore, target: string): CitesTarget | { problem: string } {
  const typed = target.trim();
  const bare = typed.replace(/^《(.*)》$/, '$1');
  const ref = splitArticleRef(typed);
  const title = (ref ? ref.title : bare).replace(/^《|》$/g, '');
  if (!title) return { problem: '请写出被引用的法规' };
  const article = ref ? `第${toChineseNumber(ref.number)}条${ref.suffix ? `之${toChineseNumber(ref.suffix)}` : ''}` : '';
  const d = detectCitations(store, `《${title}》${article}`, store.today(), undefined, new LibraryTargetResolver(store));
  if (ref) {
    const m = d.mentions[0];
    if (!m?.target) {
      const law = d.laws[0]?.lawId ? store.law(d.laws[0].lawId) : undefined;
      const version = law && currentVersionOf(store, law);
      if (law && version) return { problem: `《${displayTitle(law)}》（${versionDate(version)} 版）没有${article}` };
      return { problem: m?.reason ?? d.laws[0]?.reason ?? `资料库中没有《${title}》` };
    }
    const law = store.law(m.target.lawId)!;
    const unit = store.readUnits(m.target.versionId).find((u) => u.key === m.target!.articleKey);
    return { law, versionId: m.target.versionId, articleKey: m.target.articleKey, articleLabel: unit?.label.replace(/[\s\u3000].*$/, '') ?? article };
  }
  const named = d.laws[0];
  const law = named?.lawId ? store.law(named.lawId) : undefined;
  if (!law) return { problem: named?.reason ?? `资料库中没有《${title}》` };
  const version = currentVersionOf(store, law);
  if (!version) return { problem: `《${displayTitle(law)}》没有可用的版本` };
  return { law, versionId: version.id };
}

const DIMS = ['level', 'region', 'status', 'category'] as const;

/** The articles citing the target, as a search result (sorted: the office's region first, then 效力级别). */
export function citesSearch(store: LibraryStore, g: LinkGraphData, cites: CitesQuery, query: SearchQuery, officeRegion = ''): SearchResult {
  const t0 = performance.now();
  const facets: Facets = { level: {}, region: {}, status: {}, category: {} };
  const resolved = resolveCitesTarget(store, cites.target);
  if ('problem' in resolved) return { total: 0, tookMs: performance.now() - t0, hits: [], facets, cites: { text: cites.target, problem: resolved.problem } };
  const { law, versionId, articleKey, articleLabel } = resolved;
  const parsed = parseQuery(cites.rest);
  const terms = parsed.terms.map((t) => t.text);
  const excludes = parsed.excludes.map((t) => t.text);
  const lawIds = query.lawIds ? new Set(query.lawIds) : undefined;
  // facet filters: a dimension counts the hits passing every other dimension, as in the engine
  const wanted: Record<(typeof DIMS)[number], ((v: string) => boolean) | undefined> = {
    level: query.levels?.length ? (v) => query.levels!.includes(v as never) : undefined,
    region: query.regions?.length ? (v) => query.regions!.some((r) => regionWithin(v, r)) : undefined,
    status: query.statuses?.length ? (v) => query.statuses!.includes(v as never) : undefined,
    category: query.categories?.length ? (v) => query.categories!.includes(v) : undefined,
  };
  const hits: SearchHit[] = [];
  const seen = new Set<string>();
  const units = new Map<string, Map<string, ReturnType<LibraryStore['readUnits']>[number]>>();
  const unitOf = (id: string, key: string) => {
    let m = units.get(id);
    if (!m) units.set(id, (m = new Map(store.readUnits(id).map((u) => [u.key, u]))));
    return m.get(key);
  };
  for (const row of linksIn(store, g, law.id, articleKey, { versionId })) {
    const k = `${row.from.versionId}#${row.from.articleKey}`;
    if (seen.has(k)) continue;
    const meta = store.version(row.from.versionId);
    if (!meta) continue;
    if (lawIds && !lawIds.has(meta.lawId)) continue;
    if (query.lawId && meta.lawId !== query.lawId) continue;
    if (query.inForceOnly && meta.status !== '现行有效') continue;
    const unit = unitOf(meta.id, row.from.articleKey);
    if (!unit) continue;
    if (!terms.every((t) => unit.text.includes(t)) || excludes.some((t) => unit.text.includes(t))) continue;
    seen.add(k);
    const values = { level: meta.level as string, region: meta.region, status: meta.status as string, category: meta.category ?? UNCATEGORISED };
    const failed = DIMS.filter((d) => wanted[d] && !wanted[d]!(values[d]));
    if (failed.length === 1) facets[failed[0]!][values[failed[0]!]] = (facets[failed[0]!][values[failed[0]!]] ?? 0) + 1;
    if (failed.length) continue;
    for (const d of DIMS) facets[d][values[d]] = (facets[d][values[d]] ?? 0) + 1;
    const cited = unit.text.slice(row.start, row.end);
    const { snippet, highlights } = makeSnippet(unit.text, [cited, ...terms].filter(Boolean));
    // Assigned onto the fresh fields, not spread: see articleHit in search-engine.ts (≈15 µs a hit).
    hits.push(Object.assign(versionHitFields(meta), {
      kind: 'article' as const,
      articleKey: unit.key,
      articleNumber: unit.number,
      articleSuffix: unit.suffix,
      articleLabel: unit.label,
      path: unit.path,
      snippet,
      highlights,
      titleMatch: false,
      score: 0,
    }));
  }
  const levelRank = (l: string) => {
    const i = (LEVELS as readonly string[]).indexOf(l);
    return i < 0 ? LEVELS.length : i;
  };
  hits.sort(
    (a, b) =>
      regionRank(a.region, officeRegion) - regionRank(b.region, officeRegion) ||
      levelRank(a.level) - levelRank(b.level) ||
      a.title.localeCompare(b.title, 'zh-CN') ||
      a.articleNumber - b.articleNumber ||
      a.articleSuffix - b.articleSuffix,
  );
  const offset = query.offset ?? 0;
  const limit = query.limit ?? 20;
  return {
    total: hits.length,
    tookMs: Math.round((performance.now() - t0) * 100) / 100,
    hits: hits.slice(offset, offset + limit),
    facets,
    cites: { text: cites.target, lawId: law.id, title: displayTitle(law), versionId, ...(articleKey ? { articleKey, articleLabel } : {}) },
  };
}
