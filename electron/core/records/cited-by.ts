// The links between records and articles, both ways: every citation a record makes (with where in
// the record it sits), and for an article every record citing it, newest first. Derived from
// records.json on demand: a county office has hundreds of records, not millions.
// CitationIndex is what every face asks (the app's 被引用 panel, TOC badges, 受影响 and review
// flags; `lawdesk cites` and `lawdesk flags`; the 规范性文件 register's flags): a citation is
// anchored to the version it was made against, and the index follows it through the article
// mapping to the version being read. The register's documents cite by their text, read at their
// 施行 date, so their citations are detected (once per document text) instead of stored.

import { codeIndex } from '../library/code-parts';
import type { LibraryStore } from '../library/library-store';
import { headingByKey, isHeadingKey, isWholeLawKey } from './citation-scope';
import { ArticleKeyMap } from '../versions/article-key-map';
import { flagCitation } from '../versions/version-compare';
import { detectCitations, type DefinedName } from './citation-detect';
import { RecordsError } from './records-errors';
import type { Citation, CitingRecord, Flag, FlagColor, RecordKind, RecordsFile } from './record-types';

export interface CitationSite {
  kind: Extract<RecordKind, 'review' | 'lecture' | 'note'> | 'register';
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

/** Every citation of a review: 法律依据, the three findings, the opinion. */
export function reviewCitations(r: { citations: Citation[]; findings: Record<'authority' | 'procedure' | 'content', { citations: Citation[] }>; opinion: { citations: Citation[] } }): Citation[] {
  return [...r.citations, ...r.findings.authority.citations, ...r.findings.procedure.citations, ...r.findings.content.citations, ...r.opinion.citations];
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

/** Detected citations per register document text and date; bodies are immutable per version id. */
const registerCitations = new WeakMap<LibraryStore, { generation: number; byText: Map<string, Citation[]> }>();

/**
 * The citations of the bureau's own 规范性文件 (register entries with their document in the
 * library, not repealed): other laws' articles named in its text, resolved at its 施行 date.
 */
export function* registerSites(store: LibraryStore, data: RecordsFile): Generator<CitationSite> {
  // Per library generation: a law imported later may resolve a citation that did not before.
  let memo = registerCitations.get(store);
  if (memo?.generation !== store.generation) registerCitations.set(store, (memo = { generation: store.generation, byText: new Map() }));
  for (const e of Object.values(data.register)) {
    const meta = e.versionId ? store.version(e.versionId) : undefined;
    if (!meta || e.cleanup?.result === '废止') continue;
    // a short name defined in an earlier article (（以下简称《条例》）) holds in the later ones
    let definedNames: DefinedName[] = [];
    for (const u of store.readUnits(meta.id)) {
      const k = `${meta.id}|${e.effective}|${u.key}`;
      let cites = memo.byText.get(k);
      if (!cites || /简称/.test(u.text)) {
        const d = detectCitations(store, u.text, e.effective, meta.lawId, undefined, { definedNames, lawRegion: meta.region });
        if (d.definedNames.length) definedNames = [...definedNames, ...d.definedNames];
        cites = d.citations.filter((c) => c.lawId !== meta.lawId);
        memo.byText.set(k, cites);
      }
      for (const c of cites) yield { kind: 'register', id: e.id, title: e.title, date: e.effective, where: u.label, citation: c, ...(e.docNumber ? { type: e.docNumber } : {}) };
    }
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
export function citedBy(sites: Iterable<CitationSite>, q: CitedByQuery): CitedByEntry[] {
  const byKey = new Map<string, CitedByEntry>();
  for (const s of sites) {
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

const RANK: Record<FlagColor, number> = { green: 0, yellow: 1, red: 2 };

/** The worst of some flag colours (red > yellow > green); undefined for none. */
export function worstColor(colors: Iterable<FlagColor>): FlagColor | undefined {
  let w: FlagColor | undefined;
  for (const c of colors) if (!w || RANK[c] > RANK[w]) w = c;
  return w;
}

/** Worst flag first, then the newest record, then by id: the order of 受影响 and `lawdesk flags`. */
function worstFirst(a: CitingRecord, b: CitingRecord): number {
  return RANK[b.flag.color] - RANK[a.flag.color] || b.date.localeCompare(a.date) || a.id.localeCompare(b.id);
}

/**
 * The records' citations over one snapshot of records.json and the library: flags and
 * cross-version keys are memoised for the index's life (make one per request or command).
 */
export class CitationIndex {
  private readonly flags = new Map<string, Flag>();
  private readonly keyMap: ArticleKeyMap;
  private readonly byLaw = new Map<string, CitingRecord[]>();
  private allSites: CitationSite[] | undefined;

  constructor(
    private readonly store: LibraryStore,
    private readonly data: RecordsFile,
  ) {
    this.keyMap = new ArticleKeyMap(store);
  }

  /** The records' citations and the register documents'. */
  private sites(): CitationSite[] {
    return (this.allSites ??= [...citationSites(this.data), ...registerSites(this.store, this.data)]);
  }

  /** The flag of a citation against the version of its law now in force. */
  flag(c: { lawId: string; versionId: string; articleKey: string }): Flag {
    const k = `${c.versionId}#${c.articleKey}`;
    let f = this.flags.get(k);
    if (!f) {
      f = flagCitation(this.store, c);
      this.flags.set(k, f);
    }
    return f;
  }

  /** The worst flag of some citations (a review's), or undefined when it cites nothing. */
  worstFlag(citations: Iterable<Pick<Citation, 'lawId' | 'versionId' | 'articleKey'>>): FlagColor | undefined {
    return worstColor([...citations].map((c) => this.flag(c).color));
  }

  /** Every record citing any version of a law, one entry per record and cited article, newest first. */
  forLaw(lawId: string): CitingRecord[] {
    let list = this.byLaw.get(lawId);
    if (!list) {
      list = citedBy(this.sites(), { lawId }).map(({ textHash: _h, ...e }) => ({ ...e, flag: this.flag({ lawId, versionId: e.versionId, articleKey: e.articleKey }) }));
      this.byLaw.set(lawId, list);
    }
    return list;
  }

  /**
   * Records citing an article of a version (or any article of it): those citing that version, and
   * those citing another version of the law whose article maps onto this one.
   */
  citedBy(versionId: string, articleKey?: string): CitingRecord[] {
    const meta = this.versionMeta(versionId);
    if (!articleKey) return this.forLaw(meta.lawId).filter((e) => this.keyIn(e.versionId, e.articleKey, versionId) !== undefined);
    // An article is also cited by what holds it: its 编/章/节, its law, and — for a part of a code
    // (民法典 合同编) — the whole code, which is stored through the code's first part (总则).
    const out: CitingRecord[] = [];
    for (const e of [...this.forLaw(meta.lawId), ...this.wholeCodeVia(meta.lawId)]) {
      const k = this.keyIn(e.versionId, e.articleKey, versionId);
      if (k === undefined) continue;
      if (k === articleKey) out.push(e);
      else if (isWholeLawKey(k)) out.push({ ...e, covers: e.covers ?? (this.namesWholeCode(meta.lawId, e) ? 'code' : 'law') });
      else if (isHeadingKey(k) && this.headingHolds(versionId, k, articleKey)) out.push({ ...e, covers: 'heading' });
    }
    // A record citing the article itself is listed for that, not again for its 章 or law.
    const direct = new Set(out.filter((e) => !e.covers).map((e) => `${e.kind}#${e.id}`));
    return out.filter((e) => !e.covers || !direct.has(`${e.kind}#${e.id}`)).sort((a, b) => b.date.localeCompare(a.date) || b.id.localeCompare(a.id));
  }

  /** Citations of the whole code `lawId` is a part of, made through its other parts. */
  private wholeCodeVia(lawId: string): CitingRecord[] {
    const place = codeIndex(this.store).byLaw.get(lawId);
    if (!place) return [];
    return place.group.parts
      .filter((p) => p.id !== lawId)
      .flatMap((p) => this.forLaw(p.id).filter((e) => isWholeLawKey(e.articleKey) && this.namesWholeCode(p.id, e)))
      .map((e) => ({ ...e, covers: 'code' as const }));
  }

  /** Whether a whole-law citation of a code's part names the code, not the part (《民法典》, not 《民法典》总则). */
  private namesWholeCode(partId: string, e: CitingRecord): boolean {
    const part = this.store.law(partId)?.subtitle;
    return !!part && codeIndex(this.store).byLaw.has(partId) && !e.citation.endsWith(part);
  }

  private headingHolds(versionId: string, headingKey: string, articleKey: string): boolean {
    try {
      return !!headingByKey(this.store.loadVersion(versionId), headingKey)?.articles.some((a) => a.key === articleKey);
    } catch {
      return false; // a damaged body: check/repair reports it
    }
  }

  /** Per article key of a version: how many distinct records cite it (in any version): the TOC badges. */
  counts(versionId: string): Record<string, number> {
    const meta = this.versionMeta(versionId);
    const ids = new Map<string, Set<string>>();
    for (const e of this.forLaw(meta.lawId)) {
      const k = this.keyIn(e.versionId, e.articleKey, versionId);
      if (k === undefined) continue;
      const set = ids.get(k) ?? new Set<string>();
      set.add(`${e.kind}#${e.id}`);
      ids.set(k, set);
    }
    return Object.fromEntries([...ids].map(([k, set]) => [k, set.size]));
  }

  /** Every citation of the records (of some laws), flagged, worst first. */
  flagged(lawIds?: Iterable<string>): CitingRecord[] {
    const wanted = lawIds ? new Set(lawIds) : undefined;
    const cited = new Set<string>();
    for (const s of this.sites()) if (!wanted || wanted.has(s.citation.lawId)) cited.add(s.citation.lawId);
    return [...cited].flatMap((lawId) => this.forLaw(lawId)).sort(worstFirst);
  }

  /** 受影响: citations whose article changed (yellow) or is gone (red) in the version now in force. */
  affected(lawIds?: Iterable<string>): CitingRecord[] {
    return this.flagged(lawIds).filter((e) => e.flag.color !== 'green');
  }

  /** The key in `target` of the article cited as `key` in `versionId` (through the mappings). */
  keyIn(versionId: string, key: string, target: string): string | undefined {
    return this.keyMap.keyIn(versionId, key, target);
  }

  private versionMeta(versionId: string) {
    const meta = this.store.version(versionId);
    if (!meta) throw new RecordsError('NOT_FOUND', '没有找到这个版本，可能已被删除');
    return meta;
  }
}
