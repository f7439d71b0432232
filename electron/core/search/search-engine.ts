// Article-level full-text search over a library: the engine behind search-types.ts. The index is
// a list of immutable segments (segment.ts) kept in step with the library by index-segments.ts;
// this file maps them to the catalog (version slots) and answers queries. Invariants:
// - The index is derived: on open and after every library change it catches up (new segment for
//   what was added, deletion marks for what was removed) and a missing or damaged one is rebuilt,
//   with progress, never an exception to the caller.
// - Results are exact: every article hit contains every term (see matcher.ts).

import { join } from 'node:path';
import type { Law, LawVersionMeta, Level, Status } from '../../shared/law-model';
import { LEVELS, UNCATEGORISED, displayTitle, regionWithin, versionDate } from '../../shared/law-model';
import { versionHitFields } from './hit-fields';
import type { CitationJump, Facets, QuickOpenItem, SearchHit, SearchQuery, SearchResult } from '../../shared/search-types';
import { codeIndex } from '../library/code-parts';
import { findLaws, pickVersion } from '../library/law-lookup';
import { versionInForceOn } from '../library/version-status';
import type { LibraryStore } from '../library/library-store';
import { didYouMean, type Vocabulary } from './did-you-mean';
import { countSegment, matchSegment, termDf, termKeys, type SegmentMatch } from './matcher';
import { parseQuery, splitPunctuated, type ParsedQuery } from './query-parser';
import { PinyinCache, QuickOpenIndex, splitArticleRef, titleEntry, type TitleEntry } from './quick-open';
import { IndexSegments, type IndexProgress, type SegState } from './index-segments';
import { BLOCK_RANK_MIN, collectHits, TopK, type HitSink } from './rank';
import { CorruptIndexError } from './segment';
import { findRanges, makeSnippet } from './snippet';
import type { TimeSlicer } from '../util/time-slicer';

export type { IndexProgress } from './index-segments';

const MAX_LIMIT = 1000;
const TITLE_BOOST = 1.5;
/** A title hit needs the terms to make up this share of the law's short title (许可 names 行政许可法, not 排污许可管理条例). */
const TITLE_HIT_MIN_COVERAGE = 0.34;
const STATUS_WEIGHT: Record<Status, number> = { 现行有效: 1, 尚未生效: 0.9, 部分失效: 0.85, 已修改: 0.7, 已废止: 0.6, 草案: 0.5 };
/** At least any version's status weight (an unknown status weighs 1). */
const MAX_STATUS_WEIGHT = Math.max(1, ...Object.values(STATUS_WEIGHT));

export interface SearchEngineOptions {
  onProgress?: (p: IndexProgress) => void;
  /** Write the index to <library>/index (default true). */
  persist?: boolean;
  /**
   * Bring the index up to date in the background (time-sliced) as soon as the library changes,
   * instead of at the next query (the app; the CLI leaves it to the next query).
   */
  background?: boolean;
  /** Called when a maintenance run (build, update, rebuild) has finished and the index is current. */
  onIdle?: () => void;
  /** Makes the slicer of each time-sliced run (tests hold a background update mid-way with it). */
  slicer?: () => TimeSlicer;
  /**
   * Hits of one posting list from this many on are ranked through block bounds (rank.ts; default
   * BLOCK_RANK_MIN): tests set 1 to rank small fixtures that way and Infinity for the plain loop.
   */
  blockRankMin?: number;
}

/** Delay before a background update starts, so a burst of library changes makes one update. */
const BACKGROUND_DELAY_MS = 50;

interface Slot {
  meta: LawVersionMeta;
  law: Law;
  title: string; // title + subtitle, for title matches
  seg: number;
  local: number;
}

export interface IndexStats {
  segments: number;
  articles: number;
  versions: number;
  bytesOnDisk: number;
}

/** What the index holds in memory and how (benchmarks; not part of the API). */
export interface IndexMemory {
  /** Segments whose article texts are in memory (none right after open; see Segment.textLoadable). */
  textsInMemory: number;
  segments: number;
  /** Frequent phrases with exact lists of their own, over all segments. */
  phraseLists: number;
  /** Article text code units over all segments (what texts in memory would cost, ×2 bytes). */
  textChars: number;
  /** Bytes of article text read from the index files since open (whole texts and single articles). */
  textBytesRead: number;
}

const EMPTY_FACETS = (): Facets => ({ level: {}, region: {}, status: {}, category: {} });
/** The facet dimensions, in the order of the per-slot code and filter arrays. */
const DIMS = ['level', 'region', 'status', 'category'] as const;
type Dim = (typeof DIMS)[number];
/** A version's value in a facet dimension (laws without a 分类 count under 未分类). */
const dimValue = (m: LawVersionMeta, dim: Dim): string => (dim === 'category' ? (m.category ?? UNCATEGORISED) : m[dim]);

/** A query's filters per version slot: `base` (law, dates, as-of) and one pass array per facet dimension. */
interface SlotFilters {
  base: Uint8Array;
  pass: Uint8Array[];
}

function regionMatches(region: string, wanted: string[]): boolean {
  return wanted.some((w) => regionWithin(region, w));
}

export class SearchEngine {
  private readonly index: IndexSegments;
  private slots: (Slot | undefined)[] = [undefined];
  private bySlotId = new Map<string, number>();
  private unsubscribe: (() => void) | undefined;
  private quick: QuickOpenIndex | undefined;
  private titleEntries = new Map<string, { key: string; entry: TitleEntry }>();
  private pinyin: PinyinCache;
  private avgLen = 1;
  /** Per version slot, rebuilt with the slots: facet codes, the status weight, the short title length. */
  private slotCodes = { dims: DIMS.map(() => new Uint16Array(1)), weight: new Float64Array(1), nameLen: new Uint16Array(1) };
  /** Per facet dimension, the value of each code. */
  private facetNames: string[][] = DIMS.map(() => []);
  private allOnes = new Uint8Array(1);
  /** Per-query arrays by version slot, reused (queries run one at a time) to spare the GC. */
  /**
   * Per-query scratch, sized to the slots and left clean after each query (only the entries a
   * query touched are reset), so a query costs its hits, not the size of the library. `weight`
   * holds the status weights; a query boosts its title matches and puts them back.
   */
  private perQuery = { weight: new Float64Array(1), titleHas: new Uint8Array(1), perSlot: new Uint32Array(1), touched: new Int32Array(1) };
  /** Every title (title + subtitle) in one string, `\u0001` before each, and where each starts. */
  private titleIndex = { joined: '', starts: new Int32Array(1), pairs: new Set<number>() };
  /** The filters of the last query (typing changes the text, not the filters). */
  private filterMemo: { key: string; slots: unknown; f: SlotFilters; shown: Uint8Array } | undefined;
  private liveDocs = 0;
  private closed = false;

  private constructor(
    readonly store: LibraryStore,
    private readonly opts: SearchEngineOptions,
  ) {
    this.index = new IndexSegments(store, {
      ...(opts.persist === false ? { persist: false } : {}),
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
      ...(opts.onIdle ? { onIdle: opts.onIdle } : {}),
      onSwap: () => this.refreshSlots(),
      ...(opts.slicer ? { slicer: opts.slicer } : {}),
    });
    this.pinyin = new PinyinCache(this.index.persist ? join(this.index.dir, 'pinyin.json') : undefined);
  }

  private get segs(): readonly SegState[] {
    return this.index.segs;
  }

  /** Opens the persisted index, bringing it up to date with the library (or building it). */
  static async open(store: LibraryStore, opts: SearchEngineOptions = {}): Promise<SearchEngine> {
    const engine = new SearchEngine(store, opts);
    // Building a missing index in slices lets an app show its progress (and stay responsive).
    await engine.index.open();
    if (engine.index.rebuiltAtOpen && engine.index.persist) engine.quickIndex(); // computes and saves the titles' pinyin now
    engine.unsubscribe = store.onChange(() => {
      engine.index.markDirty();
      if (opts.background) setTimeout(() => void engine.index.update().catch(() => {}), BACKGROUND_DELAY_MS).unref?.();
    });
    return engine;
  }

  /**
   * Resolves once no background update is running (the index then matches the library, or a
   * query brings it up to date at once): for a caller that would rather wait than see old results.
   */
  settled(): Promise<void> {
    return this.index.settled();
  }

  /** Rebuilds the whole index from the library bodies (in time slices). */
  reindex(onProgress?: (p: IndexProgress) => void): Promise<void> {
    return this.index.reindex(onProgress);
  }

  close(): void {
    this.closed = true;
    this.unsubscribe?.();
    this.index.close();
    this.pinyin.save();
  }

  /**
   * Reads (and checks) the article texts now, e.g. a moment after start-up: the first query stays
   * fast by reading only its candidates' articles, and later ones find the texts in memory.
   */
  warmTexts(): void {
    this.guard(() => {
      for (const s of this.segs) if (s.seg.textLoadable) void s.seg.text;
    });
  }

  /** Reads (and checks) every lazily loaded part now, e.g. at idle time after start-up. */
  warm(): void {
    this.guard(() => {
      for (const s of this.segs) s.seg.loadAll();
    });
  }

  /**
   * Runs fn; when a lazily read part of the index turns out damaged, rebuilds the index from the
   * library (with progress) and runs fn again: a bad index file costs a rebuild, never an error.
   */
  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      if (!(e instanceof CorruptIndexError)) throw e;
      this.index.rebuild(this.opts.onProgress);
      return fn();
    }
  }

  stats(): IndexStats {
    return { segments: this.segs.length, articles: this.liveDocs, versions: this.bySlotId.size, bytesOnDisk: this.index.bytesOnDisk() };
  }

  memory(): IndexMemory {
    return {
      textsInMemory: this.segs.filter((s) => s.seg.textLoaded).length,
      segments: this.segs.length,
      phraseLists: this.segs.reduce((n, s) => n + s.seg.phraseCount, 0),
      textChars: this.segs.reduce((n, s) => n + s.seg.textChars, 0),
      textBytesRead: this.segs.reduce((n, s) => n + s.seg.textBytesRead, 0),
    };
  }

  /** The catalog's 时效性 were derived again (a new day): the facets and status weights follow. */
  statusesChanged(): void {
    this.refreshSlots();
  }

  /** Maps every live indexed version to its current catalog metadata. */
  private refreshSlots(): void {
    this.slots = [undefined];
    this.bySlotId.clear();
    let docs = 0;
    let chars = 0;
    this.segs.forEach((s, si) => {
      s.seg.versions.forEach((v, lv) => {
        const meta = this.store.version(v.id);
        if (s.deleted.has(v.id) || !meta || meta.file !== v.file) {
          s.verSlot[lv] = 0;
          return;
        }
        const law = this.store.law(meta.lawId);
        if (!law) {
          s.verSlot[lv] = 0;
          return;
        }
        const slot = this.slots.length;
        this.slots.push({ meta, law, title: meta.title + (meta.subtitle ?? ''), seg: si, local: lv });
        this.bySlotId.set(v.id, slot);
        s.verSlot[lv] = slot;
        docs += v.docCount;
        const start = s.seg.docStart;
        chars += start[v.firstDoc + v.docCount]! - start[v.firstDoc]! - v.docCount;
      });
    });
    this.liveDocs = docs;
    this.avgLen = docs ? Math.max(1, chars / docs) : 1;
    this.quick = undefined;
    const n = this.slots.length;
    const codes = { dims: DIMS.map(() => new Uint16Array(n)), weight: new Float64Array(n), nameLen: new Uint16Array(n) };
    const names: string[][] = DIMS.map(() => []);
    const maps = DIMS.map(() => new Map<string, number>());
    for (let i = 1; i < n; i++) {
      const m = this.slots[i]!.meta;
      DIMS.forEach((dim, k) => {
        const v = dimValue(m, dim);
        let c = maps[k]!.get(v);
        if (c === undefined) {
          c = names[k]!.length;
          names[k]!.push(v);
          maps[k]!.set(v, c);
        }
        codes.dims[k]![i] = c;
      });
      codes.weight[i] = STATUS_WEIGHT[m.status] ?? 1;
      codes.nameLen[i] = Math.min(65535, displayTitle(m).length);
    }
    this.slotCodes = codes;
    this.facetNames = names;
    // Slot 0 holds every indexed article whose version is gone (removed or replaced, not merged
    // out yet): "no filter" must still never show it.
    this.allOnes = new Uint8Array(n).fill(1);
    this.allOnes[0] = 0;
    this.perQuery = { weight: Float64Array.from(codes.weight), titleHas: new Uint8Array(n), perSlot: new Uint32Array(n), touched: new Int32Array(n) };
    const starts = new Int32Array(n + 1);
    const pairs = new Set<number>();
    let joined = '';
    for (let i = 1; i < n; i++) {
      starts[i] = joined.length + 1;
      const title = this.slots[i]!.title;
      joined += '\u0001' + title;
      for (let c = 1; c < title.length; c++) pairs.add(title.charCodeAt(c - 1) * 65536 + title.charCodeAt(c));
    }
    starts[n] = joined.length + 1;
    this.titleIndex = { joined, starts, pairs };
    this.filterMemo = undefined;
  }

  // ---- search -------------------------------------------------------------------------------

  search(query: SearchQuery): SearchResult {
    const t0 = performance.now();
    const result = this.guard(() => this.searchNow(query));
    result.tookMs = Math.round((performance.now() - t0) * 100) / 100;
    return result;
  }

  private searchNow(query: SearchQuery): SearchResult {
    this.index.flush();
    const q = typeof query?.q === 'string' ? query.q : '';
    const limit = Math.max(0, Math.min(MAX_LIMIT, Number.isFinite(query?.limit) ? Math.floor(query.limit!) : 20));
    const offset = Math.max(0, Math.min(1e7, Number.isFinite(query?.offset) ? Math.floor(query.offset!) : 0));
    let parsed = parseQuery(q);
    let result = this.run(parsed, query, offset, limit);
    if (result.total === 0) {
      const split = splitPunctuated(parsed);
      if (split) {
        parsed = split;
        result = this.run(split, query, offset, limit);
      }
    }
    const jump = this.citation(q);
    if (jump) result.jump = jump;
    if (result.total === 0 && !jump && parsed.terms.length && q.length <= 64) {
      const dym = this.suggest(parsed, query);
      if (dym.length) result.didYouMean = dym;
    }
    return result;
  }

  /** Every article hit (version id, article key) of a query, unranked: for checks and benchmarks. */
  matchAll(query: SearchQuery): { versionId: string; articleKey: string }[] {
    return this.guard(() => this.matchAllNow(query));
  }

  private matchAllNow(query: SearchQuery): { versionId: string; articleKey: string }[] {
    this.index.flush();
    const parsed = parseQuery(query.q);
    const out: { versionId: string; articleKey: string }[] = [];
    const f = this.filters(query);
    const terms = parsed.terms.map((t) => t.text);
    const excludes = parsed.excludes.map((t) => t.text);
    this.segs.forEach((s) => {
      const m = matchSegment(s.seg, terms, excludes);
      for (let i = 0; i < m.docs.length; i++) {
        const d = m.docs[i]!;
        const slot = s.verSlot[s.seg.docVersion[d]!]!;
        if (!slot || !SearchEngine.shown(f, slot)) continue;
        out.push({ versionId: this.slots[slot]!.meta.id, articleKey: s.seg.docMeta(d).key });
      }
    });
    return out;
  }

  private termFilterMemo: { key: string; slots: unknown; f: SlotFilters } | undefined;

  /** How many articles hold a term: exact for 1–2 characters, an upper estimate above. */
  docFrequency(term: string): number {
    return this.guard(() => {
      this.index.flush();
      let n = 0;
      for (const s of this.segs) n += termDf(s.seg, termKeys(s.seg, term));
      return n;
    });
  }

  /**
   * Articles holding at least `minVotes` of `terms` (1–2 characters each), with their text and how
   * many of the terms they hold, most first; filtered like search(). A similarity look-up for the
   * review workbench's 上位法 panel: one pass over the terms' posting lists, no ranking, no snippets.
   */
  articlesWithTerms(
    terms: string[],
    query: Omit<SearchQuery, 'q'>,
    opts: { minVotes?: number; max?: number } = {},
  ): { versionId: string; articleKey: string; label: string; text: string; votes: number }[] {
    return this.guard(() => {
      this.index.flush();
      // the as-of filter costs ~50 ms on the corpus: a panel asks 40 times with the same filters
      const key = JSON.stringify(query);
      const memo = this.termFilterMemo;
      const f = memo && memo.key === key && memo.slots === this.slots ? memo.f : this.filters({ ...query, q: '' });
      this.termFilterMemo = { key, slots: this.slots, f };
      const min = opts.minVotes ?? 2;
      const found: { s: SegState; d: number; votes: number }[] = [];
      for (const s of this.segs) {
        const votes = new Uint8Array(s.seg.docCount);
        for (const t of terms.filter((x) => x.length > 0 && x.length <= 2)) {
          const tk = termKeys(s.seg, t);
          if (!tk.slots) continue;
          for (const d of s.seg.posting(tk.slots[0]!).docs) votes[d]!++;
        }
        for (let d = 0; d < votes.length; d++) {
          if (votes[d]! < min) continue;
          const slot = s.verSlot[s.seg.docVersion[d]!]!;
          if (!slot || !SearchEngine.shown(f, slot)) continue;
          found.push({ s, d, votes: votes[d]! });
        }
      }
      found.sort((a, b) => b.votes - a.votes);
      return found.slice(0, opts.max ?? 50).map(({ s, d, votes }) => {
        const meta = s.seg.docMeta(d);
        return { versionId: this.slots[s.verSlot[s.seg.docVersion[d]!]!]!.meta.id, articleKey: meta.key, label: meta.label, text: s.seg.docText(d), votes };
      });
    });
  }

  private filters(query: SearchQuery): SlotFilters {
    const n = this.slots.length;
    const lawIds = Array.isArray(query.lawIds) ? new Set<string>(query.lawIds) : undefined;
    const none =
      !query.lawId && !query.versionId && !query.publishedFrom && !query.publishedTo && !query.effectiveFrom && !query.effectiveTo &&
      !query.inForceOnly && !query.levels?.length && !query.regions?.length && !query.statuses?.length && !query.categories?.length &&
      !query.asOf && !lawIds;
    if (none) return { base: this.allOnes, pass: DIMS.map(() => this.allOnes) };
    const base = new Uint8Array(n);
    const pass = DIMS.map(() => new Uint8Array(n));
    const levels = Array.isArray(query.levels) && query.levels.length ? new Set<string>(query.levels) : undefined;
    const regions = Array.isArray(query.regions) && query.regions.length ? query.regions.map(String) : undefined;
    const statuses = Array.isArray(query.statuses) && query.statuses.length ? new Set<string>(query.statuses) : undefined;
    const categories = Array.isArray(query.categories) && query.categories.length ? new Set<string>(query.categories) : undefined;
    // As of a date: only the version of each law that was in force that day.
    let asOf: Set<string> | undefined;
    if (query.asOf) {
      asOf = new Set();
      for (const law of this.store.laws()) {
        const v = versionInForceOn(law.versionIds.map((id) => this.store.version(id)!).filter(Boolean), query.asOf);
        if (v) asOf.add(v.id);
      }
    }
    const [level, region, status, category] = pass as [Uint8Array, Uint8Array, Uint8Array, Uint8Array];
    for (let i = 1; i < n; i++) {
      const m = this.slots[i]!.meta;
      const pub = m.published ?? '';
      const eff = m.effective ?? '';
      base[i] = Number(
        (!asOf || asOf.has(m.id)) &&
          (!lawIds || lawIds.has(m.lawId)) &&
          (!query.lawId || m.lawId === query.lawId) &&
          (!query.versionId || m.id === query.versionId) &&
          (!query.publishedFrom || (pub !== '' && pub >= query.publishedFrom)) &&
          (!query.publishedTo || (pub !== '' && pub <= query.publishedTo)) &&
          (!query.effectiveFrom || (eff !== '' && eff >= query.effectiveFrom)) &&
          (!query.effectiveTo || (eff !== '' && eff <= query.effectiveTo)) &&
          // 只看现行有效 is a filter of its own, not a 时效性 choice: with it on, the 时效性 facet
          // must not count (and offer) the other statuses.
          (!query.inForceOnly || m.status === '现行有效'),
      );
      level[i] = Number(!levels || levels.has(m.level));
      region[i] = Number(!regions || regionMatches(m.region, regions));
      status[i] = Number(!statuses || statuses.has(m.status));
      category[i] = Number(!categories || categories.has(dimValue(m, 'category')));
    }
    return { base, pass };
  }

  /** Whether a version passes the base filter and every facet filter. */
  private static shown(f: SlotFilters, slot: number): boolean {
    if (!f.base[slot]) return false;
    for (const p of f.pass) if (!p[slot]) return false;
    return true;
  }

  /**
   * Adds `c` hits of a version to the facet counts (a dimension counts the hits passing every
   * other dimension: disjunctive faceting) and returns whether they pass every filter.
   */
  private countFacets(f: SlotFilters, slot: number, c: number, counts: Float64Array[]): boolean {
    let failed = -1;
    for (let k = 0; k < DIMS.length; k++) {
      if (f.pass[k]![slot]) continue;
      if (failed >= 0) return false; // fails two dimensions: counted nowhere
      failed = k;
    }
    const codes = this.slotCodes.dims;
    if (failed >= 0) counts[failed]![codes[failed]![slot]!]! += c;
    else for (let k = 0; k < DIMS.length; k++) counts[k]![codes[k]![slot]!]! += c;
    return failed < 0;
  }

  private run(parsed: ParsedQuery, query: SearchQuery, offset: number, limit: number): SearchResult {
    const facets = EMPTY_FACETS();
    const terms = parsed.terms.map((t) => t.text);
    const excludes = parsed.excludes.map((t) => t.text);
    if (!terms.length || !this.segs.length) return { total: 0, tookMs: 0, hits: [], facets };
    const { f, shown } = this.cachedFilters(query);
    const { weight, titleHas, perSlot, touched } = this.perQuery;
    const nameLen = this.slotCodes.nameLen;
    let termChars = 0;
    for (let t = 0; t < terms.length; t++) termChars += terms[t]!.length;
    // Versions whose title holds every term (and no excluded one): boosted, and title-hit candidates.
    const titled = this.titleMatches(terms, excludes);
    let maxWeight = MAX_STATUS_WEIGHT;
    for (const i of titled) {
      titleHas[i] = 1;
      weight[i]! *= TITLE_BOOST;
      if (weight[i]! > maxWeight) maxWeight = weight[i]!;
    }
    const blockMin = this.opts.blockRankMin ?? BLOCK_RANK_MIN;
    const sink: HitSink = { perSlot, touched, nTouched: 0, shown, weight, idf: [], avgLen: this.avgLen, heap: undefined, maxWeight, blockMin };
    try {
      return this.runScored(terms, excludes, f, titled, termChars, nameLen, offset, limit, sink);
    } finally {
      for (const i of titled) {
        titleHas[i] = 0;
        weight[i] = this.slotCodes.weight[i]!;
      }
      for (let j = 0; j < sink.nTouched; j++) perSlot[touched[j]!] = 0;
    }
  }

  /** The slots whose title holds every term and no excluded one: one indexOf pass over the titles. */
  private titleMatches(terms: string[], excludes: string[]): number[] {
    const { joined, starts, pairs } = this.titleIndex;
    // The longest term has the fewest places to check.
    let lead = terms[0]!;
    for (const t of terms) if (t.length > lead.length) lead = t;
    const out: number[] = [];
    if (!lead || lead.includes('\u0001')) return out;
    // A title holding a term holds each pair of its adjacent characters: a pair in no title rules
    // out every title without the scan (≈ 0.15 ms over the joined titles at 10×, most queries).
    for (const t of terms) for (let c = 1; c < t.length; c++) if (!pairs.has(t.charCodeAt(c - 1) * 65536 + t.charCodeAt(c))) return out;
    const lastSlot = starts.length - 2;
    let slot = 1;
    for (let at = joined.indexOf(lead); at >= 0; ) {
      // The slot whose title holds `at` (the last one starting at or before it): occurrences come
      // in order, so gallop forward from the previous one (a frequent 法 is in thousands of titles).
      let step = 1;
      while (slot + step <= lastSlot && starts[slot + step]! <= at) {
        slot += step;
        step *= 2;
      }
      let hi = Math.min(slot + step, lastSlot + 1);
      while (hi - slot > 1) {
        const mid = (slot + hi) >> 1;
        if (starts[mid]! <= at) slot = mid;
        else hi = mid;
      }
      const title = this.slots[slot]!.title;
      let th = true;
      for (let t = 0; th && t < terms.length; t++) th = terms[t] === lead || title.includes(terms[t]!);
      for (let t = 0; th && t < excludes.length; t++) th = !title.includes(excludes[t]!);
      if (th) out.push(slot);
      if (slot >= lastSlot) break;
      // the next title holding the term, not the next place in this one
      at = joined.indexOf(lead, starts[slot + 1]!);
    }
    return out;
  }

  /** The filters of a query and which slots they show, reused while only the text changes. */
  private cachedFilters(query: SearchQuery): { f: SlotFilters; shown: Uint8Array } {
    const { q: _q, offset: _o, limit: _l, ...rest } = query as SearchQuery & { offset?: number; limit?: number };
    const key = JSON.stringify(rest);
    const memo = this.filterMemo;
    if (memo && memo.key === key && memo.slots === this.slots) return memo;
    const f = this.filters(query);
    let shown = f.base;
    if (f.base !== this.allOnes || f.pass.some((p) => p !== this.allOnes)) {
      shown = new Uint8Array(this.slots.length);
      for (let i = 1; i < this.slots.length; i++) shown[i] = SearchEngine.shown(f, i) ? 1 : 0;
    }
    this.filterMemo = { key, slots: this.slots, f, shown };
    return this.filterMemo;
  }

  private runScored(
    terms: string[],
    excludes: string[],
    f: SlotFilters,
    titled: number[],
    termChars: number,
    nameLen: Uint16Array,
    offset: number,
    limit: number,
    sink: HitSink,
  ): SearchResult {
    const facets = EMPTY_FACETS();
    const { titleHas, perSlot, touched } = this.perQuery;
    const counts = this.facetNames.map((names) => new Float64Array(names.length));

    // Title hits: one per law whose short title the terms cover enough, its best version (in force
    // first, then newest) among those shown.
    const titleHits: { slot: number; score: number }[] = [];
    const bestByLaw = new Map<string, number>();
    for (const i of titled) {
      if (!titleHas[i] || !f.base[i] || termChars / Math.max(1, nameLen[i]!) < TITLE_HIT_MIN_COVERAGE) continue;
      const s = this.slots[i]!;
      const prev = bestByLaw.get(s.meta.lawId);
      if (prev === undefined || this.betterVersion(i, prev, f)) bestByLaw.set(s.meta.lawId, i);
    }
    // A code stored as parts (民法典's 编) is one law to the reader: parts matched by the title
    // alone make one hit for the code, at its first matched part, counted once in the facets.
    const byCode = new Map<string, { lawId: string; slot: number; index: number; parts: number }>();
    // Only parts carry a subtitle; the code index (cached, but built from the parts' bodies) is asked only then.
    const parts = [...bestByLaw].filter(([, slot]) => this.slots[slot]!.meta.subtitle);
    const codes = parts.length > 1 ? codeIndex(this.store).byLaw : new Map<string, never>();
    for (const [lawId, slot] of parts) {
      const place = codes.get(lawId);
      if (!place) continue;
      const prev = byCode.get(place.group.key);
      if (!prev) {
        byCode.set(place.group.key, { lawId, slot, index: place.index, parts: 1 });
        continue;
      }
      prev.parts++;
      if (place.index < prev.index) {
        bestByLaw.delete(prev.lawId);
        Object.assign(prev, { lawId, slot, index: place.index });
      } else bestByLaw.delete(lawId);
    }
    const wholeCode = new Set([...byCode.values()].filter((c) => c.parts > 1).map((c) => c.slot));
    bestByLaw.forEach((slot) => {
      const s = this.slots[slot]!;
      const coverage = Math.min(1, termChars / Math.max(1, nameLen[slot]!));
      if (!this.countFacets(f, slot, 1, counts)) return;
      const levelRank = LEVELS.indexOf(s.meta.level as Level);
      titleHits.push({ slot, score: 1000 + 100 * coverage + (s.meta.region === '全国' ? 5 : 0) + (10 - levelRank) / 10 + (STATUS_WEIGHT[s.meta.status] ?? 1) });
    });
    titleHits.sort((a, b) => b.score - a.score || a.slot - b.slot);

    // Article hits.
    let total = 0;
    sink.idf = terms.map((t) => {
      let df = 0;
      for (const s of this.segs) {
        const tk = termKeys(s.seg, t);
        if (tk.slots) df += termDf(s.seg, tk);
      }
      const n = Math.max(this.liveDocs, df);
      return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    });
    const k = Math.max(0, offset + limit - titleHits.length);
    const heap = new TopK(k);
    sink.heap = k ? heap : undefined;
    // Facets and the total are counted per version after the loop (a hit only bumps its version's
    // count), so the per-hit work is a lookup, a filter test and, for a page, the score.
    let base = 0;
    for (let si = 0; si < this.segs.length; si++) {
      const { seg, verSlot } = this.segs[si]!;
      const m = matchSegment(seg, terms, excludes);
      // One exact term: its stored list (which m is, or holds less excluded articles) is ranked
      // through its blocks (rank.ts).
      let whole: SegmentMatch | undefined;
      if (terms.length === 1 && m.docs.length >= sink.blockMin) {
        const tk = termKeys(seg, terms[0]!);
        if (tk.exact && tk.slots?.length === 1) {
          const p = seg.posting(tk.slots[0]!);
          whole = { docs: p.docs, tfs: [p.tf] };
        }
      }
      collectHits(m, base, verSlot, seg.docVersion, seg.docStart, sink, whole);
      base += seg.docCount;
    }
    for (let j = 0; j < sink.nTouched; j++) {
      const slot = touched[j]!;
      const c = perSlot[slot]!;
      if (!c || !f.base[slot]) continue;
      if (this.countFacets(f, slot, c, counts)) total += c;
    }
    total += titleHits.length;
    DIMS.forEach((dim, k) => this.facetNames[k]!.forEach((name, code) => counts[k]![code] && (facets[dim][name] = counts[k]![code]!)));

    // The page.
    const hits: SearchHit[] = [];
    const ranked = heap.sorted();
    for (let pos = offset; pos < offset + limit; pos++) {
      if (pos < titleHits.length) {
        hits.push(this.titleHit(titleHits[pos]!.slot, titleHits[pos]!.score, terms, wholeCode.has(titleHits[pos]!.slot)));
        continue;
      }
      const r = ranked[pos - titleHits.length];
      if (!r) break;
      hits.push(this.articleHit(r.id, r.score, terms, titleHas));
    }
    return { total, tookMs: 0, hits, facets };
  }

  /** Whether version slot a is a better one to show than b for a title hit. */
  private betterVersion(a: number, b: number, f: SlotFilters): boolean {
    const shown = (i: number) => (SearchEngine.shown(f, i) ? 1 : 0);
    if (shown(a) !== shown(b)) return shown(a) > shown(b);
    const ma = this.slots[a]!.meta;
    const mb = this.slots[b]!.meta;
    const fa = ma.status === '现行有效' ? 1 : 0;
    const fb = mb.status === '现行有效' ? 1 : 0;
    if (fa !== fb) return fa > fb;
    return versionDate(ma) > versionDate(mb);
  }

  private hitBase(slot: number) {
    return versionHitFields(this.slots[slot]!.meta);
  }

  /** A law's title hit; `wholeCode`: the hit stands for the code its part belongs to (named without the part). */
  private titleHit(slot: number, score: number, terms: string[], wholeCode = false): SearchHit {
    const { meta } = this.slots[slot]!;
    const snippet = meta.subtitle && !wholeCode ? `${meta.title} ${meta.subtitle}` : meta.title;
    const base = this.hitBase(slot);
    if (wholeCode) delete base.subtitle;
    return Object.assign(base, {
      kind: 'law' as const,
      articleKey: '',
      articleNumber: 0,
      articleSuffix: 0,
      articleLabel: '',
      path: [],
      snippet,
      highlights: findRanges(snippet, terms),
      titleMatch: true,
      score: Math.round(score * 1000) / 1000,
    });
  }

  private locate(globalId: number): { si: number; d: number } {
    let base = 0;
    for (let si = 0; si < this.segs.length; si++) {
      const n = this.segs[si]!.seg.docCount;
      if (globalId < base + n) return { si, d: globalId - base };
      base += n;
    }
    throw new Error('hit outside the index');
  }

  private articleHit(globalId: number, score: number, terms: string[], titleHas: Uint8Array): SearchHit {
    const { si, d } = this.locate(globalId);
    const { seg, verSlot } = this.segs[si]!;
    const slot = verSlot[seg.docVersion[d]!]!;
    const meta = seg.docMeta(d);
    const { snippet, highlights } = makeSnippet(seg.docText(d), terms);
    // Assigned onto the fresh base rather than spread into a literal: V8 made the spread (the
    // base's shape varies with subtitle / ocrUnverified) plus ten fields cost ≈15 µs a hit, half a
    // millisecond of a 20-hit page (10×, 利的具体); the assign costs < 1 µs.
    return Object.assign(this.hitBase(slot), {
      kind: 'article' as const,
      articleKey: meta.key,
      articleNumber: seg.docNumber[d]!,
      articleSuffix: seg.docSuffix[d]!,
      articleLabel: meta.label,
      path: meta.path,
      snippet,
      highlights,
      titleMatch: titleHas[slot] === 1,
      score: Math.round(score * 1000) / 1000,
    });
  }

  private suggest(parsed: ParsedQuery, query: SearchQuery): string[] {
    const f = this.filters(query);
    const vocab: Vocabulary = {
      wildcard: (prefix, suffix) => {
        const out = new Map<string, number>();
        const parts = [prefix, suffix].filter(Boolean);
        for (const s of this.segs) {
          const m = matchSegment(s.seg, parts, []);
          const docs = m.docs.length > 20000 ? m.docs.subarray(0, 20000) : m.docs;
          for (let i = 0; i < docs.length; i++) {
            const text = s.seg.docText(docs[i]!);
            const seen = new Set<string>();
            if (prefix) {
              for (let p = text.indexOf(prefix); p >= 0; p = text.indexOf(prefix, p + 1)) {
                const x = p + prefix.length;
                if (x < text.length && text.startsWith(suffix, x + 1)) seen.add(prefix + text[x] + suffix);
              }
            } else {
              for (let p = text.indexOf(suffix, 1); p >= 1; p = text.indexOf(suffix, p + 1)) seen.add(text[p - 1] + suffix);
            }
            for (const w of seen) out.set(w, (out.get(w) ?? 0) + 1);
          }
        }
        return out;
      },
      count: (p) => {
        let n = 0;
        const terms = p.terms.map((t) => t.text);
        const excludes = p.excludes.map((t) => t.text);
        for (const s of this.segs) {
          n += countSegment(s.seg, terms, excludes, (d) => {
            const slot = s.verSlot[s.seg.docVersion[d]!]!;
            return !!slot && SearchEngine.shown(f, slot);
          });
        }
        return n;
      },
    };
    return didYouMean(parsed, vocab);
  }

  // ---- citations and quick open ----------------------------------------------------------------

  private quickIndex(): QuickOpenIndex {
    if (this.quick) return this.quick;
    const entries: TitleEntry[] = [];
    const next = new Map<string, { key: string; entry: TitleEntry }>();
    for (const law of this.store.laws()) {
      const key = `${law.title}\n${law.subtitle ?? ''}\n${law.level}\n${law.region}`;
      const old = this.titleEntries.get(law.id);
      const entry = old && old.key === key ? { ...old.entry, law } : titleEntry(law, this.pinyin);
      next.set(law.id, { key, entry });
      entries.push(entry);
    }
    this.titleEntries = next;
    this.pinyin.save();
    this.quick = new QuickOpenIndex(entries);
    return this.quick;
  }

  /** The live version's article `number`之`suffix`, from the index tables (no body read). */
  private findArticle(versionId: string, number: number, suffix: number): { key: string; label: string } | undefined {
    const slot = this.bySlotId.get(versionId);
    if (!slot) return undefined;
    const { seg: si, local } = this.slots[slot]!;
    const seg = this.segs[si]!.seg;
    const v = seg.versions[local]!;
    for (let d = v.firstDoc; d < v.firstDoc + v.docCount; d++) {
      if (seg.docKindCodes[d] === 0 && seg.docNumber[d] === number && seg.docSuffix[d] === suffix) {
        const m = seg.docMeta(d);
        return { key: m.key, label: m.label };
      }
    }
    return undefined;
  }

  private resolveLaw(title: string): Law | undefined {
    const exact = this.quickIndex().exactMatches(title);
    if (exact.length) return exact[0]!.law;
    const laws = findLaws(this.store, title);
    if (laws.length === 1) return laws[0];
    return undefined;
  }

  private citation(q: string): CitationJump | undefined {
    const ref = splitArticleRef(q.replace(/[\u0000-\u001f]/g, ''));
    if (!ref) return undefined;
    const law = this.resolveLaw(ref.title);
    if (!law) return undefined;
    const preferred = pickVersion(this.store, law);
    const order = [...law.versionIds].reverse();
    if (preferred) order.unshift(preferred.id);
    let chosen: { versionId: string; key: string; label: string } | undefined;
    const others: CitationJump['otherVersions'] = [];
    for (const id of new Set(order)) {
      const a = this.findArticle(id, ref.number, ref.suffix);
      if (!a) continue;
      const meta = this.store.version(id)!;
      if (!chosen) chosen = { versionId: id, ...a };
      else others.push({ versionId: id, articleKey: a.key, versionDate: versionDate(meta), status: meta.status });
    }
    if (!chosen) return undefined;
    return {
      lawId: law.id,
      versionId: chosen.versionId,
      articleKey: chosen.key,
      articleLabel: chosen.label,
      title: this.store.version(chosen.versionId)!.title,
      otherVersions: others,
    };
  }

  quickOpen(text: string, limit = 10): QuickOpenItem[] {
    return this.guard(() => this.quickOpenNow(text, limit));
  }

  private quickOpenNow(text: string, limit: number): QuickOpenItem[] {
    this.index.flush();
    const input = typeof text === 'string' ? text.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200) : '';
    if (!input) return [];
    const n = Math.max(1, Math.min(100, Math.floor(limit) || 10));
    const idx = this.quickIndex();
    const ref = splitArticleRef(input);
    let matches = ref ? idx.search(ref.title, n) : [];
    const useRef = ref && matches.length > 0 && matches[0]!.score < 0.3;
    if (!useRef) matches = idx.search(input, n);
    return matches.map((m, i) => {
      const law = m.entry.law;
      const v = pickVersion(this.store, law);
      const item: QuickOpenItem = {
        lawId: law.id,
        versionId: v?.id ?? law.versionIds[law.versionIds.length - 1]!,
        title: law.title,
        shortTitle: m.entry.shortTitle,
        ...(law.subtitle ? { subtitle: law.subtitle } : {}),
        level: law.level,
        region: law.region,
        score: m.score,
      };
      if (useRef && i === 0 && ref) {
        const a = this.findArticle(item.versionId, ref.number, ref.suffix);
        if (a) {
          item.articleKey = a.key;
          item.articleLabel = a.label;
        }
      }
      return item;
    });
  }
}
