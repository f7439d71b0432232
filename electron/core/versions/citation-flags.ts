// Flags on citations from sites that are not records (the 规范性文件 register), and the "受影响" list
// of them. The records' own citations are flagged by records/cited-by.ts (CitationIndex).

import type { LibraryStore } from '../library/library-store';
import { flagCitation, type CitationFlag } from './version-compare';

/** The part of a records citation site the flags need (records/cited-by.ts CitationSite fits). */
export interface CitingSite {
  kind: string;
  id: string;
  title: string;
  date: string;
  where: string;
  citation: { lawId: string; versionId: string; articleKey: string; label: string; citation: string };
}

export interface FlaggedCitation extends CitationFlag {
  record: { kind: string; id: string; title: string; date: string };
  where: string[];
  lawId: string;
  versionId: string;
  articleKey: string;
  label: string;
  citation: string;
}

/** One flag per (record, cited article), worst first (red, yellow, green), then newest record. */
export function flagCitations(store: LibraryStore, sites: Iterable<CitingSite>, filter: { lawId?: string } = {}): FlaggedCitation[] {
  const byKey = new Map<string, FlaggedCitation>();
  const cache = new Map<string, CitationFlag>();
  for (const s of sites) {
    const c = s.citation;
    if (filter.lawId && c.lawId !== filter.lawId) continue;
    const key = `${s.kind}:${s.id}:${c.versionId}#${c.articleKey}`;
    const existing = byKey.get(key);
    if (existing) {
      existing.where.push(s.where);
      continue;
    }
    const target = `${c.versionId}#${c.articleKey}`;
    let flag = cache.get(target);
    if (!flag) {
      flag = flagCitation(store, { lawId: c.lawId, versionId: c.versionId, articleKey: c.articleKey });
      cache.set(target, flag);
    }
    byKey.set(key, {
      ...flag,
      record: { kind: s.kind, id: s.id, title: s.title, date: s.date },
      where: [s.where],
      lawId: c.lawId,
      versionId: c.versionId,
      articleKey: c.articleKey,
      label: c.label,
      citation: c.citation,
    });
  }
  const rank = { red: 0, yellow: 1, green: 2 } as const;
  return [...byKey.values()].sort((a, b) => rank[a.color] - rank[b.color] || b.record.date.localeCompare(a.record.date));
}

/** 受影响: the records whose citations of `lawId` are no longer green, e.g. after a new version. */
export function affectedRecords(store: LibraryStore, sites: Iterable<CitingSite>, lawId?: string): FlaggedCitation[] {
  return flagCitations(store, sites, lawId ? { lawId } : {}).filter((f) => f.color !== 'green');
}
