// Codes stored as parts: a corpus may hold one code (民法典) as several documents, one per 编 (the
// title of the code with the part as subtitle: 民法典 · 总则, 物权编 … 附则). Lists and pickers show
// such parts as one code, in the code's own order. The order is the code's article sequence — the
// parts share one numbering (总则 starts at 第一条, 附则 holds the last articles) — so no part name
// is special-cased and any code split the same way sorts itself.

import type { Law } from '../../shared/law-model';
import { normaliseTitle } from './law-identity';
import { libraryStamp, pickVersion, sameLibrary, type LibraryStamp } from './law-lookup';
import type { LibraryStore } from './library-store';

export interface CodeGroup {
  /** The code's key: its normalised title, region and level (a 地方 code never joins a national one). */
  key: string;
  /** The code's full title (中华人民共和国民法典). */
  title: string;
  /** The parts, in the code's order. */
  parts: Law[];
}

export interface CodeIndex {
  groups: CodeGroup[];
  /** lawId → its group and its place in it. */
  byLaw: Map<string, { group: CodeGroup; index: number }>;
}

function firstArticle(store: LibraryStore, law: Law): number {
  const v = pickVersion(store, law);
  if (!v || !v.articleCount) return Number.POSITIVE_INFINITY;
  try {
    const first = store.loadVersion(v.id).units.find((u) => u.kind === 'article');
    return first ? first.number * 1000 + first.suffix : Number.POSITIVE_INFINITY;
  } catch {
    return Number.POSITIVE_INFINITY; // a damaged body sorts last; check/repair reports it
  }
}

function build(store: LibraryStore): CodeIndex {
  const byKey = new Map<string, Law[]>();
  for (const law of store.laws()) {
    if (!law.subtitle) continue;
    const key = `${normaliseTitle(law.title)}\n${law.region}\n${law.level}`;
    byKey.set(key, [...(byKey.get(key) ?? []), law]);
  }
  const collator = new Intl.Collator('zh-CN');
  const groups: CodeGroup[] = [];
  const byLaw = new Map<string, { group: CodeGroup; index: number }>();
  for (const [key, laws] of byKey) {
    const first = new Map(laws.map((l) => [l.id, firstArticle(store, l)]));
    const parts = [...laws].sort((a, b) => first.get(a.id)! - first.get(b.id)! || collator.compare(a.subtitle ?? '', b.subtitle ?? ''));
    const group = { key, title: parts[0]!.title, parts };
    groups.push(group);
    parts.forEach((l, index) => byLaw.set(l.id, { group, index }));
  }
  return { groups, byLaw };
}

const cache = new WeakMap<LibraryStore, { stamp: LibraryStamp; index: CodeIndex }>();

/** The library's codes stored as parts, rebuilt when the catalog changes. */
export function codeIndex(store: LibraryStore): CodeIndex {
  const c = cache.get(store);
  if (c && sameLibrary(store, c.stamp)) return c.index;
  const index = build(store);
  cache.set(store, { stamp: libraryStamp(store), index });
  return index;
}

/** A part's code and its place there (0 = first), as lists and pickers carry it. */
export interface CodePlace {
  key: string;
  title: string;
  index: number;
  count: number;
}

/** The place of a law in its code (undefined for a law that is not a part of one). */
export function codePlace(store: LibraryStore, lawId: string): CodePlace | undefined {
  const p = codeIndex(store).byLaw.get(lawId);
  return p ? { key: p.group.key, title: p.group.title, index: p.index, count: p.group.parts.length } : undefined;
}

/** Rows in the order to show them: each code's parts together, in the code's order, where its first part sorted. */
export function groupCodeParts<T extends { code?: { key: string; index: number } }>(rows: T[]): T[] {
  if (!rows.some((r) => r.code)) return rows;
  const byCode = new Map<string, T[]>();
  for (const r of rows) if (r.code) byCode.set(r.code.key, [...(byCode.get(r.code.key) ?? []), r]);
  const out: T[] = [];
  for (const r of rows) {
    if (!r.code) out.push(r);
    else {
      const members = byCode.get(r.code.key);
      if (!members) continue; // already placed
      byCode.delete(r.code.key);
      out.push(...members.sort((a, b) => a.code!.index - b.code!.index));
    }
  }
  return out;
}
