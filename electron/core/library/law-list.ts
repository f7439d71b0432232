// The 法规库 list: one row per law (through its current version, or the version in force on a
// date), filtered by title and facets, counted per facet and sorted. Facets are disjunctive: each
// facet counts the rows that pass the *other* filters, so a ticked value never hides its siblings.

import { UNCATEGORISED, type LawRow, type LawSort } from '../../shared/api-contract';
import { LEVELS, regionWithin, shortTitleOf, type Level } from '../../shared/law-model';
import { versionAsOf } from '../versions/version-compare';
import { pickVersion } from './law-lookup';
import { codePlace, groupCodeParts } from './code-parts';
import type { LibraryStore } from './library-store';

export type LawListRow = Omit<LawRow, 'favorite'>;

export interface LawListQuery {
  q?: string;
  levels?: readonly string[];
  regions?: readonly string[];
  statuses?: readonly string[];
  categories?: readonly string[];
  /** Only these laws (收藏). */
  lawIds?: ReadonlySet<string>;
  sort?: LawSort;
  offset?: number;
  limit?: number;
}

export interface LawList {
  total: number;
  rows: LawListRow[];
  facets: { level: Record<string, number>; region: Record<string, number>; status: Record<string, number>; category: Record<string, number> };
}

/** One row per law through its current version, or (asOf) the version in force on that date. */
export function lawRows(store: LibraryStore, asOf?: string): LawListRow[] {
  const rows: LawListRow[] = [];
  for (const law of store.laws()) {
    const v = asOf ? versionAsOf(store, law.id, asOf) : pickVersion(store, law);
    if (!v) continue;
    const code = codePlace(store, law.id);
    rows.push({
      lawId: law.id,
      versionId: v.id,
      title: v.title,
      shortTitle: shortTitleOf(v.title),
      ...(v.subtitle ? { subtitle: v.subtitle } : {}),
      level: v.level,
      region: v.region,
      ...(v.category ? { category: v.category } : {}),
      status: v.status,
      ...(v.published ? { published: v.published } : {}),
      ...(v.effective ? { effective: v.effective } : {}),
      ...(v.issuer ? { issuer: v.issuer } : {}),
      versionCount: law.versionIds.length,
      articleCount: v.articleCount,
      ...(code ? { code } : {}),
    });
  }
  return rows;
}

/** Rows remembered per library generation: the list is asked for on every keystroke of its filter. */
export class LawRowsCache {
  private cache: { generation: number; rows: LawListRow[] } | undefined;
  constructor(private readonly store: LibraryStore) {}
  rows(asOf?: string): LawListRow[] {
    if (asOf) return lawRows(this.store, asOf);
    if (this.cache?.generation !== this.store.generation) this.cache = { generation: this.store.generation, rows: lawRows(this.store) };
    return this.cache.rows;
  }
}

const anyOf = (values: readonly string[] | undefined): ((v: string) => boolean) => {
  const set = values?.length ? new Set(values) : undefined;
  return (v) => !set || set.has(v);
};

export function listLaws(all: readonly LawListRow[], i: LawListQuery): LawList {
  const q = (i.q ?? '').replace(/[\s《》]/g, '');
  const okLevel = anyOf(i.levels);
  // an area holds its parts, as in 搜索: 山东 lists 山东·淄博·高青县's own documents too
  const okRegion = i.regions?.length ? (v: string) => i.regions!.some((w) => regionWithin(v, w)) : () => true;
  const okStatus = anyOf(i.statuses);
  const okCategory = anyOf(i.categories);
  const categoryOf = (r: LawListRow) => r.category ?? UNCATEGORISED;
  const facets: LawList['facets'] = { level: {}, region: {}, status: {}, category: {} };
  const bump = (f: Record<string, number>, k: string) => (f[k] = (f[k] ?? 0) + 1);
  const rows: LawListRow[] = [];
  for (const r of all) {
    if (q && !(r.title + (r.subtitle ?? '')).includes(q)) continue;
    if (i.lawIds && !i.lawIds.has(r.lawId)) continue;
    const l = okLevel(r.level);
    const g = okRegion(r.region);
    const s = okStatus(r.status);
    const c = okCategory(categoryOf(r));
    if (g && s && c) bump(facets.level, r.level);
    if (l && s && c) bump(facets.region, r.region);
    if (l && g && c) bump(facets.status, r.status);
    if (l && g && s) bump(facets.category, categoryOf(r));
    if (l && g && s && c) rows.push(r);
  }
  rows.sort(lawOrder(i.sort ?? { field: 'published', order: 'desc' }));
  // a code's parts (民法典 总则 … 附则) stay together in the code's order, where the first of them sorted
  const grouped = groupCodeParts(rows);
  const offset = i.offset ?? 0;
  return { total: grouped.length, rows: grouped.slice(offset, offset + (i.limit ?? 50_000)), facets };
}

const collator = new Intl.Collator('zh-CN');

function levelRank(l: string): number {
  const i = LEVELS.indexOf(l as Level);
  return i < 0 ? LEVELS.length : i;
}

/** Title by pinyin collation, level by 效力级别 (ties by title), dates with undated rows last in both orders. */
function lawOrder(sort: LawSort): (a: LawListRow, b: LawListRow) => number {
  const dir = sort.order === 'asc' ? 1 : -1;
  const key = (r: LawListRow) => (sort.field === 'published' ? r.published ?? '' : sort.field === 'effective' ? r.effective ?? '' : '');
  return (a, b) => {
    if (sort.field === 'title') return dir * collator.compare(a.shortTitle + (a.subtitle ?? ''), b.shortTitle + (b.subtitle ?? ''));
    if (sort.field === 'level') return dir * (levelRank(a.level) - levelRank(b.level)) || collator.compare(a.shortTitle, b.shortTitle);
    const ka = key(a);
    const kb = key(b);
    if (!ka !== !kb) return ka ? -1 : 1;
    return dir * ka.localeCompare(kb) || collator.compare(a.shortTitle, b.shortTitle);
  };
}
