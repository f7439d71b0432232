// The links between records and articles, both ways: every citation a record makes (with where in
// the record it sits), and for an article every record citing it, newest first. Derived from
// records.json on demand: a county office has hundreds of records, not millions.

import type { Citation, RecordKind, RecordsFile } from './record-types';

export interface CitationSite {
  kind: Extract<RecordKind, 'review' | 'lecture' | 'note'>;
  id: string;
  title: string;
  /** The record's date: opinion date (else receipt) of a review, date of a lecture or note. */
  date: string;
  /** Where in the record: citations, findings.content, opinion … */
  where: string;
  citation: Citation;
  status?: string;
  type?: string;
}

export function reviewDate(r: { completedDate?: string; receivedDate: string }): string {
  return r.completedDate || r.receivedDate;
}

export function* citationSites(data: RecordsFile): Generator<CitationSite> {
  for (const r of Object.values(data.reviews)) {
    const base = { kind: 'review' as const, id: r.id, title: r.title, date: reviewDate(r), status: r.status, type: r.type };
    for (const c of r.citations) yield { ...base, where: 'citations', citation: c };
    for (const f of ['authority', 'procedure', 'content'] as const) {
      for (const c of r.findings[f].citations) yield { ...base, where: `findings.${f}`, citation: c };
    }
    for (const c of r.opinion.citations) yield { ...base, where: 'opinion', citation: c };
  }
  for (const l of Object.values(data.lectures)) {
    for (const c of l.citations) yield { kind: 'lecture', id: l.id, title: l.topic, date: l.date, where: 'citations', citation: c, type: l.kind };
  }
  for (const n of Object.values(data.notes)) {
    for (const c of n.citations) yield { kind: 'note', id: n.id, title: n.title || n.text.slice(0, 30), date: n.date, where: 'citations', citation: c };
  }
}

export interface CitedByEntry {
  kind: CitationSite['kind'];
  id: string;
  title: string;
  date: string;
  type?: string;
  status?: string;
  versionId: string;
  articleKey: string;
  label: string;
  citation: string;
  /** Every place in the record citing this article (a review may cite it in two findings). */
  where: string[];
  textHash: string;
}

export interface CitedByQuery {
  lawId: string;
  articleKey?: string;
  versionId?: string;
}

/** Records citing a law (or one article of it, or of one version), newest first. */
export function citedBy(data: RecordsFile, q: CitedByQuery): CitedByEntry[] {
  const byKey = new Map<string, CitedByEntry>();
  for (const s of citationSites(data)) {
    const c = s.citation;
    if (c.lawId !== q.lawId) continue;
    if (q.versionId && c.versionId !== q.versionId) continue;
    if (q.articleKey && c.articleKey !== q.articleKey) continue;
    const key = `${s.kind}#${s.id}#${c.versionId}#${c.articleKey}`;
    const e = byKey.get(key);
    if (e) {
      if (!e.where.includes(s.where)) e.where.push(s.where);
      continue;
    }
    byKey.set(key, {
      kind: s.kind,
      id: s.id,
      title: s.title,
      date: s.date,
      ...(s.type ? { type: s.type } : {}),
      ...(s.status ? { status: s.status } : {}),
      versionId: c.versionId,
      articleKey: c.articleKey,
      label: c.label,
      citation: c.citation,
      where: [s.where],
      textHash: c.textHash,
    });
  }
  return [...byKey.values()].sort((a, b) => b.date.localeCompare(a.date) || b.id.localeCompare(a.id));
}

export interface ArticleCount {
  versionId: string;
  articleKey: string;
  label: string;
  /** Distinct records citing the article. */
  count: number;
}

/** Per article of a law (per version), how many records cite it: the TOC badges. */
export function citationCounts(data: RecordsFile, lawId: string, versionId?: string): ArticleCount[] {
  const map = new Map<string, ArticleCount & { ids: Set<string> }>();
  for (const s of citationSites(data)) {
    const c = s.citation;
    if (c.lawId !== lawId || (versionId && c.versionId !== versionId)) continue;
    const k = `${c.versionId}#${c.articleKey}`;
    const e = map.get(k) ?? { versionId: c.versionId, articleKey: c.articleKey, label: c.label, count: 0, ids: new Set<string>() };
    e.ids.add(`${s.kind}#${s.id}`);
    e.count = e.ids.size;
    map.set(k, e);
  }
  return [...map.values()]
    .map(({ ids: _ids, ...rest }) => rest)
    .sort((a, b) => a.versionId.localeCompare(b.versionId) || articleOrder(a.articleKey) - articleOrder(b.articleKey));
}

function articleOrder(key: string): number {
  const [n, s] = key.split('-');
  const num = Number(n);
  return Number.isFinite(num) ? num * 1000 + Number(s ?? 0) : 1e9;
}

/** The citations of one record, each with where it sits. */
export function citationsOfRecord(data: RecordsFile, id: string): CitationSite[] {
  return [...citationSites(data)].filter((s) => s.id === id);
}
