// One immutable index segment: the articles (units) of a set of versions, their texts in one
// string (articles separated by NUL, so no match spans two articles) and an inverted index from
// every character (unigram) and every pair of adjacent UTF-16 code units (bigram) to the sorted
// article ids containing it, with the count in each. Invariants:
// - A 1- or 2-unit term matches an article iff the article is in that key's posting list, so it
//   needs no verification; a longer term's articles are a subset of the intersection of its
//   bigrams' lists and are verified with indexOf on the text (exact, like the substring truth).
// - The file is written once (temp + rename) and never changed; a CRC32 per section is checked on
//   load, so a damaged file is refused (and rebuilt by the engine) rather than half-read.

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { AtomicFile } from '../util/atomic-write';
import { drive, type Step } from '../util/steps';
import type { UnitKind } from '../../shared/law-model';
import { DomainError } from '../../shared/errors';
import { DocCursor, GrowableU32, TextChunks } from './text-chunks';

export const SEGMENT_MAGIC = 0x5844534c; // "LSDX" little-endian
/**
 * 2: adds the frequent-phrase lists (phrases, poffs, pdfs, ppost). 3: adds the bigrams' positions
 * (xoffs, pos). An index of another format is rebuilt.
 */
export const SEGMENT_FORMAT = 3;

/**
 * A 3- or 4-unit string in at least this many articles gets an exact posting list of its own, so
 * a query for it (人民政府, 行政许可, 委员会) reads one list and verifies nothing. Below it, the
 * candidates' texts are few enough that verifying them costs less than the list would on disk.
 */
export const PHRASE_MIN_DF = 1024;
/** At most this many phrase lists per segment (the most frequent first). */
const MAX_PHRASES = 6000;
/** The phrase candidates are counted on about this many articles (every k-th), then exact lists built. */
const PHRASE_SAMPLE_DOCS = 8192;

export interface SegmentBuildOptions {
  /** Overrides PHRASE_MIN_DF (tests use a small one to exercise phrase lists on small data). */
  phraseMinDf?: number;
  /**
   * Spool the texts to a temp file in this folder during the build instead of holding them (see
   * text-chunks.ts); the segment owns the file until `close()` or until its texts are joined.
   */
  spoolDir?: string;
  /** The texts' chunk size in code units (tests use small ones; see text-chunks.ts). */
  textChunkUnits?: number;
}

export class CorruptIndexError extends DomainError {
  constructor(message: string) {
    super('CORRUPT', message);
    this.name = 'CorruptIndexError';
  }
}

export interface SegmentDocInput {
  text: string;
  key: string;
  label: string;
  path: string[];
  kind: UnitKind;
  number: number;
  suffix: number;
}

export interface SegmentVersionInput {
  id: string;
  /** The version's body file name (content hash): identifies the indexed content. */
  file: string;
  docs: SegmentDocInput[];
}

export interface SegmentVersion {
  id: string;
  file: string;
  firstDoc: number;
  docCount: number;
}

export interface Posting {
  docs: Uint32Array;
  tf: Uint16Array;
}

const KINDS: UnitKind[] = ['article', 'section', 'preamble', 'appendix'];
const META_SEP = '\u001f';
const PATH_SEP = '\u001e';

interface Tables {
  keys: Int32Array; // sorted keys: unigram = code unit, bigram = (c1 << 16) | c2 (c1 > 0), as int32
  offs: Uint32Array; // byte offset of each key's list in `post`, keyCount + 1
  dfs: Uint32Array; // articles per key
  docStart: Uint32Array; // char offset of each article in the text, docCount + 1 (end + 1)
  docVersion: Uint32Array; // local version index
  docNumber: Uint32Array;
  docSuffix: Uint32Array;
  docKind: Uint8Array;
  metaStart: Uint32Array; // docCount + 1
  phrases: Uint16Array; // frequent phrases, 4 code units each (a 3-unit one ends with 0), sorted
  poffs: Uint32Array; // byte offset of each phrase's list in `ppost`, phraseCount + 1
  pdfs: Uint32Array; // articles per phrase
  xoffs: Uint32Array; // byte offset of each key's positions in `pos` (empty for a character), keyCount + 1
}

const TABLE_NAMES = ['keys', 'offs', 'dfs', 'docStart', 'docVersion', 'docNumber', 'docSuffix', 'docKind', 'metaStart', 'phrases', 'poffs', 'pdfs', 'xoffs'] as const;

interface Header {
  format: number;
  docCount: number;
  keyCount: number;
  phraseCount: number;
  textChars: number;
  versions: SegmentVersion[];
  /** [byteOffset, byteLength, crc32] of each section, relative to the data start. */
  sections: Record<string, [number, number, number]>;
}

/** Where a loaded segment's lazily read sections are: an open file and section offsets. */
interface FileSource {
  fd: number;
  path: string;
  post: [number, number, number]; // absolute offset, length, crc
  ppost: [number, number, number];
  pos: [number, number, number];
  text: [number, number, number];
  meta: [number, number, number];
}

export class Segment {
  private cache = new Map<number, Posting>();
  private cachedEntries = 0;
  private posCache = new Map<number, Uint8Array>();
  private posCacheBytes = 0;
  private scratch = Buffer.alloc(0);
  private phraseSlots: Map<string, number> | undefined;
  /** Bytes of article text read from the file so far (benchmarks show what a query loaded). */
  textBytesRead = 0;

  private constructor(
    readonly name: string,
    readonly versions: SegmentVersion[],
    private readonly t: Tables,
    private post: Uint8Array | undefined,
    private ppost: Uint8Array | undefined,
    private pos: Uint8Array | undefined,
    private textString: string | undefined,
    private metaString: string | undefined,
    private src: FileSource | undefined,
    /** A segment just built: its articles' texts, off the heap, not yet joined. */
    private textParts?: TextChunks,
  ) {}

  get docCount(): number {
    return this.t.docVersion.length;
  }
  get keyCount(): number {
    return this.t.keys.length;
  }
  get phraseCount(): number {
    return this.t.pdfs.length;
  }
  /** The frequent phrases with their own exact lists (for stats and tests). */
  phraseList(): string[] {
    return [...this.phraseMap().keys()];
  }

  private phraseMap(): Map<string, number> {
    if (!this.phraseSlots) {
      const m = new Map<string, number>();
      const ph = this.t.phrases;
      const k = this.keyCount;
      for (let j = 0; j < this.phraseCount; j++) {
        const n = ph[j * 4 + 3] === 0 ? 3 : 4;
        m.set(String.fromCharCode(...ph.subarray(j * 4, j * 4 + n)), k + j);
      }
      this.phraseSlots = m;
    }
    return this.phraseSlots;
  }

  /**
   * The slot of a frequent phrase's exact list (after the key slots: df and posting take it), or
   * -1 when `text` has none.
   */
  findPhrase(text: string): number {
    if (text.length < 3 || text.length > 4 || this.phraseCount === 0) return -1;
    return this.phraseMap().get(text) ?? -1;
  }
  get docVersion(): Uint32Array {
    return this.t.docVersion;
  }
  get docNumber(): Uint32Array {
    return this.t.docNumber;
  }
  get docSuffix(): Uint32Array {
    return this.t.docSuffix;
  }
  get docKindCodes(): Uint8Array {
    return this.t.docKind;
  }
  get docStart(): Uint32Array {
    return this.t.docStart;
  }
  /** Sorted key table (for did-you-mean's neighbour search). */
  get keys(): Int32Array {
    return this.t.keys;
  }
  get dfs(): Uint32Array {
    return this.t.dfs;
  }
  docKind(d: number): UnitKind {
    return KINDS[this.t.docKind[d]!] ?? 'article';
  }
  docLength(d: number): number {
    return this.t.docStart[d + 1]! - this.t.docStart[d]! - 1;
  }
  get textLoaded(): boolean {
    return this.textString !== undefined || this.textParts !== undefined;
  }

  private readAt(pos: number, len: number): Buffer {
    if (this.scratch.length < len) this.scratch = Buffer.allocUnsafeSlow(Math.max(len, 1 << 16));
    const buf = this.scratch;
    let got = 0;
    while (got < len) {
      const n = readSync(this.src!.fd, buf, got, len - got, pos + got);
      if (n <= 0) throw new CorruptIndexError(`${this.name}: 文件读不全`);
      got += n;
    }
    return buf;
  }

  private readSection(sec: [number, number, number], what: string): Buffer {
    const buf = Buffer.allocUnsafeSlow(sec[1]);
    let got = 0;
    while (got < sec[1]) {
      const n = readSync(this.src!.fd, buf, got, sec[1] - got, sec[0] + got);
      if (n <= 0) throw new CorruptIndexError(`${this.name}: ${what} 段读不全`);
      got += n;
    }
    if (crc32(buf) !== sec[2]) throw new CorruptIndexError(`${this.name}: ${what} 段校验和不符`);
    return buf;
  }

  /** All article texts, NUL-separated; read from the file (and checked) on first use. */
  get text(): string {
    if (this.textString === undefined) {
      if (this.textParts) {
        this.textString = this.textParts.joined();
        this.textParts.dispose();
        this.textParts = undefined;
      } else {
        this.textString = this.readSection(this.src!.text, 'text').toString('utf16le');
        this.textBytesRead += this.src!.text[1];
      }
    }
    return this.textString;
  }

  /** Article text code units in this segment (NULs included). */
  get textChars(): number {
    return this.t.docStart[this.docCount]!;
  }

  /**
   * True when the texts may be read whole on demand: a segment larger than TEXT_LOAD_LIMIT is only
   * ever read article by article or in bounded runs (a 10× library would otherwise hold 280 MB).
   */
  get textLoadable(): boolean {
    return this.textLoaded || this.textChars <= TEXT_LOAD_LIMIT;
  }

  /**
   * Calls `test` with each article's text of the sorted `docs`, reading the file in runs of nearby
   * articles (≤ RUN_CHARS each, no gap over RUN_GAP between two of them) rather than the whole
   * text or one read per article. Without the gap limit, sparse candidates (第十二条 at 10×, one in
   * a few hundred articles) made every run read and decode 512 KB for a handful of articles.
   */
  forEachDocText(docs: Uint32Array, test: (i: number, text: string) => void): void {
    if (this.textLoaded) {
      const text = this.text;
      const start = this.t.docStart;
      for (let i = 0; i < docs.length; i++) test(i, text.slice(start[docs[i]!]!, start[docs[i]! + 1]! - 1));
      return;
    }
    const start = this.t.docStart;
    let i = 0;
    while (i < docs.length) {
      const from = start[docs[i]!]!;
      let j = i + 1;
      while (j < docs.length && start[docs[j]! + 1]! - from <= RUN_CHARS && start[docs[j]!]! - start[docs[j - 1]! + 1]! <= RUN_GAP) j++;
      const to = start[docs[j - 1]! + 1]!;
      const run = this.readAt(this.src!.text[0] + from * 2, (to - from) * 2).toString('utf16le', 0, (to - from) * 2);
      this.textBytesRead += (to - from) * 2;
      for (let k = i; k < j; k++) {
        const d = docs[k]!;
        test(k, run.slice(start[d]! - from, start[d + 1]! - 1 - from));
      }
      i = j;
    }
  }

  docText(d: number): string {
    const s = this.t.docStart[d]!;
    const e = this.t.docStart[d + 1]! - 1;
    if (this.textParts) return this.textParts.slice(s, e);
    if (this.textString !== undefined) return this.textString.slice(s, e);
    this.textBytesRead += (e - s) * 2;
    return this.readAt(this.src!.text[0] + s * 2, (e - s) * 2).toString('utf16le', 0, (e - s) * 2);
  }

  docMeta(d: number): { key: string; label: string; path: string[] } {
    const s = this.t.metaStart[d]!;
    const e = this.t.metaStart[d + 1]!;
    const raw =
      this.metaString !== undefined
        ? this.metaString.slice(s, e)
        : this.readAt(this.src!.meta[0] + s * 2, (e - s) * 2).toString('utf16le', 0, (e - s) * 2);
    const [key = '', label = '', path = ''] = raw.split(META_SEP);
    return { key, label, path: path ? path.split(PATH_SEP) : [] };
  }

  /**
   * Reads the lazily loaded sections in full and checks their CRC (the postings are then served
   * from memory). Throws CorruptIndexError. Meant for idle time after open.
   */
  loadAll(): void {
    if (!this.src) return;
    void this.text;
    if (!this.post) this.post = this.readSection(this.src.post, 'post');
    if (!this.ppost) this.ppost = this.readSection(this.src.ppost, 'ppost');
    if (!this.pos) this.pos = this.readSection(this.src.pos, 'pos');
    if (this.metaString === undefined) this.metaString = this.readSection(this.src.meta, 'meta').toString('utf16le');
  }

  close(): void {
    this.textParts?.dispose();
    if (this.src) {
      try {
        closeSync(this.src.fd);
      } catch {
        /* already closed */
      }
      this.loadAll = () => {};
    }
  }

  /** Index of `key` in the key table, or -1. */
  findKey(key: number): number {
    const keys = this.t.keys;
    let lo = 0;
    let hi = keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const k = keys[mid]!;
      if (k < key) lo = mid + 1;
      else if (k > key) hi = mid - 1;
      else return mid;
    }
    return -1;
  }

  /** First index whose key is >= key. */
  lowerBound(key: number): number {
    const keys = this.t.keys;
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  df(slot: number): number {
    const k = this.t.dfs.length;
    return slot < k ? this.t.dfs[slot]! : this.t.pdfs[slot - k]!;
  }

  /** Bytes of a key's positions (what `positions` reads). */
  positionBytes(slot: number): number {
    return this.t.xoffs[slot + 1]! - this.t.xoffs[slot]!;
  }

  /**
   * The positions of a bigram key (a slot below keyCount): for each entry of its posting list, in
   * order, the code-unit offsets of the bigram in that article as varints, each
   * `gap * 2 + (first of its article ? 1 : 0)` (the first: the offset; then the distance from the
   * previous occurrence minus one). They are preceded by a skip table, one uint32 per 32 entries
   * after the first 32: where entry 32·j starts, counted from the end of the table. Read whole with
   * one positioned read on first use and cached (bounded); empty for a character.
   */
  positions(slot: number): Uint8Array {
    const hit = this.posCache.get(slot);
    if (hit) return hit;
    const a = this.t.xoffs[slot]!;
    const b = this.t.xoffs[slot + 1]!;
    let blob: Uint8Array;
    if (this.pos) blob = this.pos.subarray(a, b);
    else {
      blob = new Uint8Array(b - a);
      const buf = Buffer.from(blob.buffer, 0, b - a);
      for (let got = 0; got < b - a; ) {
        const n = readSync(this.src!.fd, buf, got, b - a - got, this.src!.pos[0] + a + got);
        if (n <= 0) throw new CorruptIndexError(`${this.name}: 位置表读不全`);
        got += n;
      }
      if (this.posCacheBytes + blob.length > POSITION_CACHE_BYTES) {
        this.posCache.clear();
        this.posCacheBytes = 0;
      }
      this.posCacheBytes += blob.length;
    }
    this.posCache.set(slot, blob);
    return blob;
  }

  /** The decoded posting list of a key slot (cached; the cache is bounded). */
  posting(slot: number): Posting {
    const hit = this.cache.get(slot);
    if (hit) return hit;
    const p = this.decode(slot);
    if (this.cachedEntries > POSTING_CACHE_ENTRIES) {
      this.cache.clear();
      this.cachedEntries = 0;
    }
    this.cache.set(slot, p);
    this.cachedEntries += p.docs.length;
    return p;
  }

  private decode(slot: number): Posting {
    const k = this.t.dfs.length;
    const phrase = slot >= k;
    const at = phrase ? slot - k : slot;
    const offs = phrase ? this.t.poffs : this.t.offs;
    const n = phrase ? this.t.pdfs[at]! : this.t.dfs[at]!;
    const docs = new Uint32Array(n);
    const tf = new Uint16Array(n);
    let b: Uint8Array;
    let pos = offs[at]!;
    let end = offs[at + 1]!;
    const mem = phrase ? this.ppost : this.post;
    if (mem) b = mem;
    else {
      // Lazily read: only this list's bytes, checked structurally while decoding.
      b = this.readAt((phrase ? this.src!.ppost : this.src!.post)[0] + pos, end - pos);
      end -= pos;
      pos = 0;
    }
    let prev = -1;
    const docCount = this.docCount;
    for (let i = 0; i < n; i++) {
      // Values fit in 28 bits (ids and counts are far below 2^27), so shifts stay int32.
      let v = 0;
      let shift = 0;
      let byte: number;
      do {
        if (pos >= end || shift > 21) throw new CorruptIndexError(`${this.name}: 倒排表越界`);
        byte = b[pos++]!;
        v |= (byte & 0x7f) << shift;
        shift += 7;
      } while (byte & 0x80);
      const gap = v >>> 1;
      let f = 1;
      if (v & 1) {
        let w = 0;
        shift = 0;
        do {
          if (pos >= end || shift > 21) throw new CorruptIndexError(`${this.name}: 倒排表越界`);
          byte = b[pos++]!;
          w |= (byte & 0x7f) << shift;
          shift += 7;
        } while (byte & 0x80);
        f = w + 2;
      }
      prev += gap;
      if (gap === 0 || prev >= docCount) throw new CorruptIndexError(`${this.name}: 倒排表内容无效`);
      docs[i] = prev;
      tf[i] = f > 65535 ? 65535 : f;
    }
    return { docs, tf };
  }

  // ---- building ------------------------------------------------------------------------------

  /**
   * Builds a segment in memory from versions' units, taking one version at a time from `inputs`
   * (so a caller can read bodies lazily and only the texts are kept).
   */
  static build(name: string, inputs: Iterable<SegmentVersionInput>, onDoc?: (done: number) => void, opts?: SegmentBuildOptions): Segment {
    return drive(Segment.buildSteps(name, inputs, onDoc, opts));
  }

  /**
   * The same build as steps: the generator yields every few thousand articles (read or indexed),
   * so a caller can hand the event loop back between steps and the build never blocks it for
   * long; it returns the segment.
   */
  static *buildSteps(
    name: string,
    inputs: Iterable<SegmentVersionInput>,
    onDoc?: (done: number) => void,
    opts?: SegmentBuildOptions,
  ): Generator<void, Segment> {
    // Off the V8 heap (see text-chunks.ts): the texts, and the per-article numbers as typed arrays.
    const texts = new TextChunks(opts?.spoolDir, opts?.textChunkUnits);
    let built = false;
    try {
      const seg = yield* Segment.buildFrom(name, inputs, texts, onDoc, opts);
      built = true;
      return seg;
    } finally {
      // A failed or abandoned build (a superseded job) leaves no spool file behind.
      if (!built) texts.dispose();
    }
  }

  private static *buildFrom(
    name: string,
    inputs: Iterable<SegmentVersionInput>,
    texts: TextChunks,
    onDoc?: (done: number) => void,
    opts?: SegmentBuildOptions,
  ): Generator<void, Segment> {
    const versions: SegmentVersion[] = [];
    const docStart = new GrowableU32();
    const metaStart = new GrowableU32();
    const nums = new GrowableU32();
    const sufs = new GrowableU32();
    const kinds = new GrowableU32();
    const vers = new GrowableU32();
    // One flat string per version: 114 K per-article strings built by concatenation were trees of
    // pieces (several heap objects each) until the end of the build.
    const metas: string[] = [];
    let moff = 0;
    for (const v of inputs) {
      const vi = versions.length;
      versions.push({ id: v.id, file: v.file, firstDoc: docStart.length, docCount: v.docs.length });
      yield; // reading one version's body is one step
      const vm: string[] = [];
      for (const u of v.docs) {
        // NUL separates articles in the text; one inside an article would be an impossible match anyway.
        docStart.push(texts.add(u.text.includes('\0') ? u.text.replace(/\0/g, ' ') : u.text));
        const m = `${u.key}${META_SEP}${u.label}${META_SEP}${u.path.join(PATH_SEP)}`;
        vm.push(m);
        metaStart.push(moff);
        moff += m.length;
        nums.push(Math.max(0, Math.min(0xffffffff, u.number | 0)));
        sufs.push(Math.max(0, u.suffix | 0));
        kinds.push(Math.max(0, KINDS.indexOf(u.kind)));
        vers.push(vi);
      }
      metas.push(vm.join(''));
    }
    docStart.push(texts.length);
    metaStart.push(moff);
    yield;
    const starts = docStart.toArray();
    const { keys, offs, dfs, post, phrases, poffs, pdfs, ppost, xoffs, pos } = yield* buildPostings(texts, starts, opts?.phraseMinDf ?? PHRASE_MIN_DF, onDoc);
    const kindArr = kinds.toArray();
    const t: Tables = {
      keys,
      offs,
      dfs,
      docStart: starts,
      docVersion: vers.toArray(),
      docNumber: nums.toArray(),
      docSuffix: sufs.toArray(),
      docKind: Uint8Array.from(kindArr),
      metaStart: metaStart.toArray(),
      phrases,
      poffs,
      pdfs,
      xoffs,
    };
    return new Segment(name, versions, t, post, ppost, pos, undefined, metas.join(''), undefined, texts);
  }

  /** Writes the segment to `path` (temp file, fsync, rename), section by section. Returns its size. */
  write(path: string): number {
    return drive(this.writeSteps(path)).size;
  }

  /**
   * The same write as steps of at most WRITE_CHUNK bytes each (a 70 MB segment written at once
   * held an app's event loop for ~0.25 s). The header's checksums are known only at the end, so a
   * header with the widest checksums is written first and overwritten in place (it can only get
   * shorter; the rest of its room stays spaces, which JSON.parse ignores). Returns the size and
   * where the lazily read sections are, for `opened`. Every write and the commit are IoSteps: run in
   * slices, the disk is waited for off the main thread (a write or fsync on a busy disk held the
   * event loop 30–45 ms); the temp file is created at once (its name must exist for abort).
   */
  *writeSteps(
    path: string,
    onProgress?: (done: number, total: number) => void,
  ): Generator<Step, { size: number; layout: Record<string, [number, number, number]> }> {
    if (this.src) this.loadAll();
    const view = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    // The text straight from the build's chunks (views, no copy), or from the joined string.
    const textChunks = (): Iterable<Buffer> => {
      const parts = this.textParts;
      return parts ? parts.bytes(WRITE_CHUNK) : chunked(Buffer.from(this.text, 'utf16le'));
    };
    const sections: [string, number, () => Iterable<Buffer>][] = [
      ...TABLE_NAMES.map((n) => [n, this.t[n].byteLength, () => chunked(view(this.t[n]))] as [string, number, () => Iterable<Buffer>]),
      ['post', this.post!.byteLength, () => chunked(view(this.post!))],
      ['ppost', this.ppost!.byteLength, () => chunked(view(this.ppost!))],
      ['pos', this.pos!.byteLength, () => chunked(view(this.pos!))],
      ['text', this.textChars * 2, textChunks],
      ['meta', this.metaString!.length * 2, () => chunked(Buffer.from(this.metaString!, 'utf16le'))],
    ];
    const header: Header = {
      format: SEGMENT_FORMAT,
      docCount: this.docCount,
      keyCount: this.keyCount,
      phraseCount: this.phraseCount,
      textChars: this.textChars,
      versions: this.versions,
      sections: {},
    };
    let off = 0;
    for (const [name, len] of sections) {
      header.sections[name] = [off, len, 0xffffffff];
      off += len + ((4 - (len % 4)) % 4);
    }
    yield;
    const hlen = (() => {
      const n = Buffer.byteLength(JSON.stringify(header), 'utf8');
      return n + ((4 - ((12 + n) % 4)) % 4);
    })();
    const pre = Buffer.alloc(12 + hlen, 0x20);
    pre.writeUInt32LE(SEGMENT_MAGIC, 0);
    pre.writeUInt32LE(SEGMENT_FORMAT, 4);
    pre.writeUInt32LE(hlen, 8);
    const total = off;
    let done = 0;
    onProgress?.(0, total);
    const file = AtomicFile.open(path);
    const write = (b: Uint8Array): Step => ({ sync: () => file.write(b), async: () => file.writeAsync(b) });
    try {
      yield write(pre);
      for (const [name, len, chunks] of sections) {
        let crc = 0;
        let got = 0;
        for (const c of chunks()) {
          // c may be a reused buffer (the spool's): the step writes it before the next one is made
          yield write(c);
          crc = crc32(c, crc);
          got += c.length;
          done += c.length;
          onProgress?.(done, total);
        }
        if (got !== len) throw new Error(`${path}: ${name} 段长度与预计不符`);
        header.sections[name]![2] = crc;
        const pad = (4 - (len % 4)) % 4;
        if (pad) yield write(Buffer.alloc(pad));
      }
      const hjson = Buffer.from(JSON.stringify(header), 'utf8');
      if (hjson.length > hlen) throw new Error(`${path}: 文件头超出预留长度`);
      yield {
        sync: () => {
          file.writeAt(12, hjson);
          file.commit();
        },
        async: async () => {
          await file.writeAtAsync(12, hjson);
          await file.commitAsync();
        },
      };
    } finally {
      // A failure, or a superseded job dropping these steps: the temp file goes.
      if (file.open) file.abort();
    }
    const base = 12 + hlen;
    const layout: Record<string, [number, number, number]> = {};
    for (const [name, [at, len, crc]] of Object.entries(header.sections)) layout[name] = [base + at, len, crc];
    return { size: file.size, layout };
  }

  /**
   * The segment as `load` would open the file `writeSteps` just wrote (postings, texts and headings
   * then read on demand), without reading back and re-checking the tables it already holds.
   */
  opened(path: string, layout: Record<string, [number, number, number]>): Segment {
    const fd = openSync(path, 'r');
    const src: FileSource = { fd, path, post: layout.post!, ppost: layout.ppost!, pos: layout.pos!, text: layout.text!, meta: layout.meta! };
    return new Segment(this.name, this.versions, this.t, undefined, undefined, undefined, undefined, undefined, src);
  }

  /** The articles of local version `vi` as build input (a merge), each range read at once. */
  versionDocs(vi: number): SegmentDocInput[] {
    const v = this.versions[vi]!;
    const start = this.t.docStart;
    const ms = this.t.metaStart;
    const a = v.firstDoc;
    const b = v.firstDoc + v.docCount;
    if (v.docCount === 0) return [];
    const text =
      this.textString !== undefined
        ? this.textString.slice(start[a]!, start[b]!)
        : this.textParts
          ? undefined
          : this.readAt(this.src!.text[0] + start[a]! * 2, (start[b]! - start[a]!) * 2).toString('utf16le', 0, (start[b]! - start[a]!) * 2);
    const meta =
      this.metaString !== undefined
        ? this.metaString.slice(ms[a]!, ms[b]!)
        : this.readAt(this.src!.meta[0] + ms[a]! * 2, (ms[b]! - ms[a]!) * 2).toString('utf16le', 0, (ms[b]! - ms[a]!) * 2);
    const docs: SegmentDocInput[] = [];
    for (let d = a; d < b; d++) {
      const [key = '', label = '', path = ''] = meta.slice(ms[d]! - ms[a]!, ms[d + 1]! - ms[a]!).split(META_SEP);
      docs.push({
        text: text === undefined ? this.textParts!.slice(start[d]!, start[d + 1]! - 1) : text.slice(start[d]! - start[a]!, start[d + 1]! - 1 - start[a]!),
        key,
        label,
        path: path ? path.split(PATH_SEP) : [],
        kind: this.docKind(d),
        number: this.t.docNumber[d]!,
        suffix: this.t.docSuffix[d]!,
      });
    }
    return docs;
  }

  /**
   * Opens a segment file: the header and the small tables are read and checked now; postings,
   * texts and headings are read on demand (or by loadAll). Throws CorruptIndexError.
   */
  static load(path: string, name: string): Segment {
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch (e) {
      throw new CorruptIndexError(`${name}: 无法打开（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`);
    }
    try {
      const size = fstatSync(fd).size;
      const pre = Buffer.alloc(12);
      if (size < 12 || readSync(fd, pre, 0, 12, 0) !== 12) throw new CorruptIndexError(`${name}: 文件过短`);
      if (pre.readUInt32LE(0) !== SEGMENT_MAGIC) throw new CorruptIndexError(`${name}: 不是索引文件`);
      if (pre.readUInt32LE(4) !== SEGMENT_FORMAT) throw new CorruptIndexError(`${name}: 索引格式版本不同`);
      const hlen = pre.readUInt32LE(8);
      if (12 + hlen > size) throw new CorruptIndexError(`${name}: 文件头越界`);
      const hbuf = Buffer.alloc(hlen);
      readSync(fd, hbuf, 0, hlen, 12);
      let header: Header;
      try {
        header = JSON.parse(hbuf.toString('utf8')) as Header;
      } catch {
        throw new CorruptIndexError(`${name}: 文件头损坏`);
      }
      if (!header || header.format !== SEGMENT_FORMAT || !header.sections || !Array.isArray(header.versions)) {
        throw new CorruptIndexError(`${name}: 文件头损坏`);
      }
      const base = 12 + hlen;
      const section = (sec: string): [number, number, number] => {
        const s = header.sections[sec];
        if (!Array.isArray(s) || !(s[0] >= 0) || !(s[1] >= 0) || base + s[0] + s[1] > size) {
          throw new CorruptIndexError(`${name}: ${sec} 段越界`);
        }
        return [base + s[0], s[1], s[2]];
      };
      const read = (sec: string): Buffer => {
        const [at, len, crc] = section(sec);
        // A fresh ArrayBuffer per section: aligned for typed arrays, and freed independently.
        const buf = Buffer.allocUnsafeSlow(len);
        let got = 0;
        while (got < len) {
          const n = readSync(fd, buf, got, len - got, at + got);
          if (n <= 0) throw new CorruptIndexError(`${name}: ${sec} 段读不全`);
          got += n;
        }
        if (crc32(buf) !== crc) throw new CorruptIndexError(`${name}: ${sec} 段校验和不符`);
        return buf;
      };
      const u32 = (sec: string) => {
        const b = read(sec);
        if (b.length % 4) throw new CorruptIndexError(`${name}: ${sec} 段长度不对`);
        return new Uint32Array(b.buffer, b.byteOffset, b.length / 4);
      };
      const kindBuf = read('docKind');
      const keyBuf = read('keys');
      if (keyBuf.length % 4) throw new CorruptIndexError(`${name}: keys 段长度不对`);
      const t: Tables = {
        keys: new Int32Array(keyBuf.buffer, keyBuf.byteOffset, keyBuf.length / 4),
        offs: u32('offs'),
        dfs: u32('dfs'),
        docStart: u32('docStart'),
        docVersion: u32('docVersion'),
        docNumber: u32('docNumber'),
        docSuffix: u32('docSuffix'),
        docKind: new Uint8Array(kindBuf.buffer, kindBuf.byteOffset, kindBuf.length),
        metaStart: u32('metaStart'),
        phrases: (() => {
          const b = read('phrases');
          if (b.length % 2) throw new CorruptIndexError(`${name}: phrases 段长度不对`);
          return new Uint16Array(b.buffer, b.byteOffset, b.length / 2);
        })(),
        poffs: u32('poffs'),
        pdfs: u32('pdfs'),
        xoffs: u32('xoffs'),
      };
      const src: FileSource = { fd, path, post: section('post'), ppost: section('ppost'), pos: section('pos'), text: section('text'), meta: section('meta') };
      const n = header.docCount;
      const k = header.keyCount;
      const p = header.phraseCount;
      let ok =
        t.docVersion.length === n &&
        t.docNumber.length === n &&
        t.docSuffix.length === n &&
        t.docKind.length === n &&
        t.docStart.length === n + 1 &&
        t.metaStart.length === n + 1 &&
        t.keys.length === k &&
        t.dfs.length === k &&
        t.offs.length === k + 1 &&
        t.offs[k] === src.post[1] &&
        t.phrases.length === p * 4 &&
        t.pdfs.length === p &&
        t.poffs.length === p + 1 &&
        t.poffs[p] === src.ppost[1] &&
        t.xoffs.length === k + 1 &&
        t.xoffs[k] === src.pos[1] &&
        t.docStart[n] === src.text[1] / 2 &&
        t.metaStart[n] === src.meta[1] / 2 &&
        header.versions.every((v) => typeof v.id === 'string' && typeof v.file === 'string' && v.firstDoc >= 0 && v.firstDoc + v.docCount <= n);
      for (let i = 0; ok && i < n; i++) ok = t.docVersion[i]! < header.versions.length && t.docStart[i]! < t.docStart[i + 1]!;
      for (let i = 0; ok && i < k; i++) ok = t.offs[i]! <= t.offs[i + 1]! && t.xoffs[i]! <= t.xoffs[i + 1]! && (i === 0 || t.keys[i - 1]! < t.keys[i]!);
      for (let i = 0; ok && i < p; i++) ok = t.poffs[i]! <= t.poffs[i + 1]! && t.phrases[i * 4]! > 0 && t.phrases[i * 4 + 2]! > 0;
      if (!ok) throw new CorruptIndexError(`${name}: 各段内容不一致`);
      return new Segment(name, header.versions, t, undefined, undefined, undefined, undefined, undefined, src);
    } catch (e) {
      closeSync(fd);
      throw e;
    }
  }
}

/**
 * Above this many code units (128 MB; 4× the corpus is 112 MB, 10× is 280 MB) a segment's texts are
 * never read whole (see textLoadable).
 */
const TEXT_LOAD_LIMIT = 64 << 20;
/** The longest run of text read at once when verifying without the whole text (512 KB). */
const RUN_CHARS = 1 << 18;
/** Candidates further apart than this (code units) are read separately: one more read is cheaper than decoding the gap. */
const RUN_GAP = 4096;

/**
 * Work between two yields of a build: code units scanned, keys visited. The time-sliced runner pauses
 * when its slice is used up, so a step must stay well below a slice (a few ms even on a loaded
 * machine) — whole 1,024-article steps took 100–600 ms at load 6–8.
 */
const STEP_CHARS = 1 << 13;
const STEP_KEYS_MASK = (1 << 12) - 1;
/** The share of the index progress given to pass 1 (the rest is the phrase choice and pass 2). */
const PASS1_SHARE = 0.45;

/** The most a segment write hands the file system between two steps (256 KB). */
const WRITE_CHUNK = 1 << 18;

function* chunked(buf: Buffer): Generator<Buffer> {
  for (let at = 0; at < buf.length; at += WRITE_CHUNK) yield buf.subarray(at, Math.min(buf.length, at + WRITE_CHUNK));
}

/** Bytes of bigram positions kept per segment before that cache is dropped. */
const POSITION_CACHE_BYTES = 32 << 20;

/** Decoded postings kept per segment before the cache is dropped (≈6 bytes each). */
const POSTING_CACHE_ENTRIES = 8_000_000;

/**
 * Builds the key table and varint posting lists of the articles' texts without per-key JS objects
 * and without per-pair arrays: pass 1 maps each key to a slot (a direct table for characters, an
 * open-addressing hash for pairs) and sizes every key's list; pass 2 looks the slots up again and
 * writes the lists in place. Transient memory is the hash, a few arrays per key, and the output.
 */
function* buildPostings(
  texts: TextChunks,
  starts: Uint32Array,
  phraseMinDf: number,
  onDoc?: (done: number) => void,
): Generator<
  void,
  {
    keys: Int32Array;
    offs: Uint32Array;
    dfs: Uint32Array;
    post: Uint8Array;
    phrases: Uint16Array;
    poffs: Uint32Array;
    pdfs: Uint32Array;
    ppost: Uint8Array;
    xoffs: Uint32Array;
    pos: Uint8Array;
  }
> {
  const docCount = starts.length - 1;
  const cur = new DocCursor(texts, starts);
  const uniSlot = new Int32Array(65536).fill(-1);
  let cap = 1 << 16;
  let mask = cap - 1;
  // Fibonacci hashing takes the product's high bits: its low bits depend only on the key's low
  // bits (the second unit and a few bits of the first), so `& mask` made long probe chains.
  let shift = 16;
  let hKeys = new Int32Array(cap); // 0 = empty: a pair's first unit is never NUL
  let hSlot = new Int32Array(cap);
  let slotKey = new Int32Array(1 << 16);
  let slotLast = new Int32Array(1 << 16).fill(-1); // last article seen, for gaps
  let slotTf = new Int32Array(1 << 16); // count in the current article
  let slotBytes = new Float64Array(1 << 16);
  let slotDf = new Uint32Array(1 << 16);
  // Positions (bigram slots): the offset of the last occurrence in the current article, and the
  // bytes of the slot's positions (pass 1; pass 2 reuses it as the write cursor).
  let posPrev = new Int32Array(1 << 16);
  let posBytes = new Float64Array(1 << 16);
  // Pass 2's positions: the output, where each slot's skip table starts and how long it is, and
  // how many entries the slot has had (the write cursor is posBytes, renamed posCur).
  let pos = new Uint8Array(0);
  let posCur = new Float64Array(0);
  let posSkip = new Uint32Array(0);
  let posSkipLen = new Uint32Array(0);
  let posEntry = new Uint32Array(0);
  let nSlots = 0;
  let touched = new Int32Array(1 << 17);

  const growSlots = () => {
    const n = slotKey.length * 2;
    const grow = <T extends Int32Array | Float64Array | Uint32Array>(a: T, make: (n: number) => T, fill?: number): T => {
      const b = make(n);
      if (fill !== undefined) b.fill(fill);
      b.set(a as never);
      return b;
    };
    slotKey = grow(slotKey, (n) => new Int32Array(n));
    slotLast = grow(slotLast, (n) => new Int32Array(n), -1);
    slotTf = grow(slotTf, (n) => new Int32Array(n));
    slotBytes = grow(slotBytes, (n) => new Float64Array(n));
    slotDf = grow(slotDf, (n) => new Uint32Array(n));
    posPrev = grow(posPrev, (n) => new Int32Array(n));
    posBytes = grow(posBytes, (n) => new Float64Array(n));
  };
  function* growHashSteps(): Generator<void> {
    const oldK = hKeys;
    const oldS = hSlot;
    const nextCap = cap * 2;
    const nextMask = nextCap - 1;
    const nextShift = shift - 1;
    const nk = new Int32Array(nextCap);
    const ns = new Int32Array(nextCap);
    for (let i = 0; i < oldK.length; i++) {
      const k = oldK[i]!;
      if (k !== 0) {
        let h = Math.imul(k, 0x9e3779b1) >>> nextShift;
        while (nk[h] !== 0) h = (h + 1) & nextMask;
        nk[h] = k;
        ns[h] = oldS[i]!;
      }
      if ((i & STEP_KEYS_MASK) === STEP_KEYS_MASK) yield;
    }
    cap = nextCap;
    mask = nextMask;
    shift = nextShift;
    hKeys = nk;
    hSlot = ns;
  }
  const growHash = () => drive(growHashSteps());
  const pairSlotOf = (k: number, insert: boolean): number => {
    let h = Math.imul(k, 0x9e3779b1) >>> shift;
    for (;;) {
      const x = hKeys[h]!;
      if (x === k) return hSlot[h]!;
      if (x === 0) break;
      h = (h + 1) & mask;
    }
    if (!insert) throw new Error('key missing in the second pass');
    if (nSlots === slotKey.length) growSlots();
    const slot = nSlots++;
    slotKey[slot] = k;
    hKeys[h] = k;
    hSlot[h] = slot;
    if (slot * 2 > cap) growHash();
    return slot;
  };
  const varLen = (v: number) => (v < 0x80 ? 1 : v < 0x4000 ? 2 : v < 0x200000 ? 3 : 4);

  // Frequent phrases (filled between the passes): a 3-unit phrase is the pair of its two bigrams'
  // slots, a 4-unit one the pair of its first and last bigram's; `pairMark` flags the bigram slots
  // that can start (1: of a 3-gram, 4: of a 4-gram) or end (2, 8) one, so pass 2 looks a pair up
  // only where both ends are flagged.
  let pairMark = new Uint8Array(1);
  // (first slot * 2 + (4-gram ? 1 : 0), last slot) → phrase: a typed table, as a Map with number
  // keys cost a hash of a boxed key per lookup (the phrase lists made the build 35 % slower).
  let phraseAt = new PairTable(16);
  let phTf = new Int32Array(0);
  let phTouched = new Int32Array(0);
  let npt = 0;

  // Pass 1's visit of article d: every key gets a slot (new ones made here), counted in slotTf,
  // new slots of the article listed in `touched`.
  const scanNew = (d: number): number => {
    cur.seek(d);
    const text = cur.arr;
    const e = cur.end;
    const from = cur.from;
    let nt = 0;
    for (let i = cur.from; i < e; i++) {
      const c = text[i]!;
      let slot = uniSlot[c]!;
      if (slot < 0) {
        if (nSlots === slotKey.length) growSlots();
        slot = uniSlot[c] = nSlots++;
        slotKey[slot] = c;
      }
      if (slotTf[slot]!++ === 0) touched[nt++] = slot;
      if (i + 1 < e) {
        slot = pairSlotOf((c << 16) | text[i + 1]!, true);
        const j = i - from;
        if (slotTf[slot]!++ === 0) {
          touched[nt++] = slot;
          posBytes[slot]! += varLen(j * 2 + 1);
        } else posBytes[slot]! += varLen((j - posPrev[slot]! - 1) * 2);
        posPrev[slot] = j;
      }
    }
    return nt;
  };
  // Pass 2's visit: the same counts over existing slots, and the frequent phrases in phTf /
  // phTouched. A phrase is looked up only where pairMark says both its end bigrams can be one.
  const scanKnown = (d: number): number => {
    cur.seek(d);
    const text = cur.arr;
    const e = cur.end;
    const from = cur.from;
    let nt = 0;
    let p1 = 0; // the bigram slot at i - 1, then i - 2 (slot 0 is a character: never marked)
    let p2 = 0;
    for (let i = cur.from; i < e; i++) {
      const c = text[i]!;
      let slot = uniSlot[c]!;
      if (slotTf[slot]!++ === 0) touched[nt++] = slot;
      if (i + 1 < e) {
        slot = pairSlotOf((c << 16) | text[i + 1]!, false);
        const j = i - from;
        let v: number;
        if (slotTf[slot]!++ === 0) {
          touched[nt++] = slot;
          const en = posEntry[slot]!++;
          if (en !== 0 && (en & 31) === 0) {
            // The skip table's entry for entry `en`: where it starts, from the end of the table.
            const at = posSkip[slot]! + ((en >>> 5) - 1) * 4;
            const rel = posCur[slot]! - posSkip[slot]! - posSkipLen[slot]!;
            pos[at] = rel & 0xff;
            pos[at + 1] = (rel >>> 8) & 0xff;
            pos[at + 2] = (rel >>> 16) & 0xff;
            pos[at + 3] = rel >>> 24;
          }
          v = j * 2 + 1;
        } else v = (j - posPrev[slot]! - 1) * 2;
        posPrev[slot] = j;
        let q = posCur[slot]!;
        while (v >= 0x80) {
          pos[q++] = (v & 0x7f) | 0x80;
          v >>>= 7;
        }
        pos[q++] = v;
        posCur[slot] = q;
        const m = pairMark[slot]!;
        if (m !== 0) {
          if (m & 2 && pairMark[p1]! & 1) {
            const ph = phraseAt.get(p1 * 2, slot);
            if (ph >= 0 && phTf[ph]!++ === 0) phTouched[npt++] = ph;
          }
          if (m & 8 && pairMark[p2]! & 4) {
            const ph = phraseAt.get(p2 * 2 + 1, slot);
            if (ph >= 0 && phTf[ph]!++ === 0) phTouched[npt++] = ph;
          }
        }
        p2 = p1;
        p1 = slot;
      }
    }
    return nt;
  };

  // Pass 1: slots, article counts and list sizes.
  let work = 0; // code units scanned since the last yield
  for (let d = 0; d < docCount; d++) {
    const len = starts[d + 1]! - starts[d]! - 1;
    if (len * 2 > touched.length) touched = new Int32Array(len * 2);
    // Room for every key this article may add, made here in steps (growing a hash of millions of
    // pairs inside the scan held the event loop for tens of ms).
    if (nSlots + 2 * len + 2 > slotKey.length) {
      growSlots();
      yield;
    }
    while ((nSlots + 2 * len + 2) * 2 > cap) yield* growHashSteps();
    const nt = scanNew(d);
    for (let j = 0; j < nt; j++) {
      const slot = touched[j]!;
      const f = Math.min(slotTf[slot]!, 255);
      slotBytes[slot]! += varLen((d - slotLast[slot]!) * 2 + (f > 1 ? 1 : 0)) + (f > 1 ? varLen(f - 2) : 0);
      slotLast[slot] = d;
      slotDf[slot]!++;
      slotTf[slot] = 0;
    }
    if ((d & 1023) === 1023) onDoc?.(d * PASS1_SHARE);
    work += len + 16;
    if (work >= STEP_CHARS) {
      work = 0;
      yield;
    }
  }

  // Frequent phrases: counted on a sample of the articles (only n-grams whose bigrams are all
  // frequent can be), the most frequent chosen; their lists are then built exactly in pass 2, so
  // the sample decides only which phrases get a list, never what a list holds.
  const chosen = yield* choosePhrases(texts, starts, slotKey, slotDf, nSlots, phraseMinDf, (k) => pairSlotOf(k, false));
  pairMark = new Uint8Array(nSlots);
  if (chosen.length) {
    phraseAt = new PairTable(chosen.length);
    chosen.forEach((c, ph) => {
      const [a, b] = [c.first, c.last];
      pairMark[a]! |= c.text.length === 3 ? 1 : 4;
      pairMark[b]! |= c.text.length === 3 ? 2 : 8;
      phraseAt.set(a * 2 + (c.text.length === 3 ? 0 : 1), b, ph);
    });
    phTf = new Int32Array(chosen.length);
    phTouched = new Int32Array(chosen.length);
  }
  const phBuf = chosen.map(() => new Uint8Array(64));
  const phLen = new Uint32Array(chosen.length);
  const phLast = new Int32Array(chosen.length).fill(-1);
  const phDf = new Uint32Array(chosen.length);

  // Key order and list offsets. The keys are distinct, so a native numeric sort of the keys
  // themselves (no comparator: many times faster on a million keys) gives the order, and each
  // key's slot is looked up again.
  const keys = yield* sortKeysSteps(slotKey.subarray(0, nSlots));
  const dfs = new Uint32Array(nSlots);
  const offs = new Uint32Array(nSlots + 1);
  const cursor = new Uint32Array(nSlots); // by slot
  const xoffs = new Uint32Array(nSlots + 1);
  posSkip = new Uint32Array(nSlots);
  posSkipLen = new Uint32Array(nSlots);
  posEntry = new Uint32Array(nSlots);
  let bytes = 0;
  let xbytes = 0;
  for (let r = 0; r < nSlots; r++) {
    const k = keys[r]!;
    const slot = k >>> 16 === 0 ? uniSlot[k]! : pairSlotOf(k, false);
    dfs[r] = slotDf[slot]!;
    offs[r] = bytes;
    cursor[slot] = bytes;
    bytes += slotBytes[slot]!;
    xoffs[r] = xbytes;
    if (k >>> 16 !== 0) {
      const skipLen = ((slotDf[slot]! - 1) >>> 5) * 4;
      posSkip[slot] = xbytes;
      posSkipLen[slot] = skipLen;
      const size = skipLen + posBytes[slot]!;
      posBytes[slot] = xbytes + skipLen; // from here on, the write cursor
      xbytes += size;
    }
    if ((r & STEP_KEYS_MASK) === STEP_KEYS_MASK) yield;
  }
  offs[nSlots] = bytes;
  xoffs[nSlots] = xbytes;
  if (xbytes > 0xffffffff) throw new Error('索引的位置表超过 4 GB：请把资料库分成几个');
  // Pass 2 needs only the hash, the counts and the cursors: the rest goes before its output is made.
  slotKey = new Int32Array(0);
  slotBytes = new Float64Array(0);
  slotDf = new Uint32Array(0);
  pos = new Uint8Array(xbytes);

  // Pass 2: write every entry: varint(gap * 2 + (tf > 1)), then varint(tf - 2) when tf > 1.
  const post = new Uint8Array(bytes);
  slotLast.fill(-1, 0, nSlots);
  posCur = posBytes; // now the write cursor of each slot's positions
  for (let d = 0; d < docCount; d++) {
    const nt = scanKnown(d);
    for (let j = 0; j < nt; j++) {
      const slot = touched[j]!;
      const f = Math.min(slotTf[slot]!, 255);
      let p = cursor[slot]!;
      let v = (d - slotLast[slot]!) * 2 + (f > 1 ? 1 : 0);
      while (v >= 0x80) {
        post[p++] = (v & 0x7f) | 0x80;
        v >>>= 7;
      }
      post[p++] = v;
      if (f > 1) {
        v = f - 2;
        while (v >= 0x80) {
          post[p++] = (v & 0x7f) | 0x80;
          v >>>= 7;
        }
        post[p++] = v;
      }
      cursor[slot] = p;
      slotLast[slot] = d;
      slotTf[slot] = 0;
    }
    for (let j = 0; j < npt; j++) {
      const ph = phTouched[j]!;
      const f = Math.min(phTf[ph]!, 255);
      // One entry is at most 5 + 2 bytes (a gap below 2^28, a count below 255).
      let b = phBuf[ph]!;
      let p = phLen[ph]!;
      if (p + 8 > b.length) {
        const g = new Uint8Array(b.length * 2);
        g.set(b);
        b = phBuf[ph] = g;
      }
      let v = (d - phLast[ph]!) * 2 + (f > 1 ? 1 : 0);
      while (v >= 0x80) {
        b[p++] = (v & 0x7f) | 0x80;
        v >>>= 7;
      }
      b[p++] = v;
      if (f > 1) {
        v = f - 2; // ≤ 253: one or two bytes
        if (v >= 0x80) {
          b[p++] = (v & 0x7f) | 0x80;
          v >>>= 7;
        }
        b[p++] = v;
      }
      phLen[ph] = p;
      phLast[ph] = d;
      phDf[ph]!++;
      phTf[ph] = 0;
    }
    npt = 0;
    if ((d & 1023) === 1023) onDoc?.(docCount * PASS1_SHARE + d * (1 - PASS1_SHARE));
    work += starts[d + 1]! - starts[d]! + 16;
    if (work >= STEP_CHARS) {
      work = 0;
      yield;
    }
  }

  yield;
  // The phrase lists in phrase order (code units), each phrase padded to 4 units.
  const order = chosen.map((_, i) => i).sort((a, b) => (chosen[a]!.text < chosen[b]!.text ? -1 : 1));
  const phrases = new Uint16Array(chosen.length * 4);
  const poffs = new Uint32Array(chosen.length + 1);
  const pdfs = new Uint32Array(chosen.length);
  let pbytes = 0;
  order.forEach((ph, r) => {
    const t = chosen[ph]!.text;
    for (let i = 0; i < t.length; i++) phrases[r * 4 + i] = t.charCodeAt(i);
    poffs[r] = pbytes;
    pdfs[r] = phDf[ph]!;
    pbytes += phLen[ph]!;
  });
  poffs[chosen.length] = pbytes;
  const ppost = new Uint8Array(pbytes);
  order.forEach((ph, r) => ppost.set(phBuf[ph]!.subarray(0, phLen[ph]!), poffs[r]!));
  yield;
  return { keys, offs, dfs, post, phrases, poffs, pdfs, ppost, xoffs, pos };
}

/**
 * The keys sorted as int32 (the order findKey searches), as steps: a counting sort by the high 16
 * bits (the first unit of a pair; 0 for a character), then each bucket sorted natively. One native
 * sort of a million keys held the event loop for 50–150 ms.
 */
export function* sortKeysSteps(src: Int32Array): Generator<void, Int32Array> {
  const n = src.length;
  // Bucket by the high half in signed order: negative keys (first unit ≥ 0x8000) come first.
  const bucket = (k: number) => (k >>> 16) ^ 0x8000;
  const start = new Uint32Array(65537);
  for (let i = 0; i < n; i++) {
    start[bucket(src[i]!) + 1]!++;
    if ((i & STEP_KEYS_MASK) === STEP_KEYS_MASK) yield;
  }
  for (let b = 0; b < 65536; b++) start[b + 1]! += start[b]!;
  const out = new Int32Array(n);
  const fill = start.slice(0, 65536);
  for (let i = 0; i < n; i++) {
    const k = src[i]!;
    out[fill[bucket(k)]!++] = k;
    if ((i & STEP_KEYS_MASK) === STEP_KEYS_MASK) yield;
  }
  let sorted = 0;
  for (let b = 0; b < 65536; b++) {
    const a = start[b]!;
    const e = start[b + 1]!;
    if (e - a > 1) {
      out.subarray(a, e).sort();
      sorted += e - a;
      if (sorted > STEP_KEYS_MASK) {
        sorted = 0;
        yield;
      }
    }
  }
  return out;
}

/**
 * At most this many frequent bigrams take part in the phrase sample (the most frequent); it bounds
 * the sample's table. (It also kept a pair of dense ids below 2^31 when that pair was a Map key.)
 */
const MAX_FREQ_BIGRAMS = 46_000;

interface PhraseChoice {
  text: string;
  /** Build slots of the first and the last bigram. */
  first: number;
  last: number;
}

/**
 * The 3- and 4-unit strings estimated (on every k-th article) to occur in at least `minDf`
 * articles, most frequent first, at most MAX_PHRASES. Only strings whose every bigram is in
 * `minDf` articles can qualify, so only those are counted: the tables stay small.
 */
function* choosePhrases(
  texts: TextChunks,
  starts: Uint32Array,
  slotKey: Int32Array,
  slotDf: Uint32Array,
  nSlots: number,
  minDf: number,
  pairSlot: (key: number) => number,
): Generator<void, PhraseChoice[]> {
  const docCount = starts.length - 1;
  const none: PhraseChoice[] = [];
  if (docCount < minDf) return none;
  let freq: number[] = [];
  for (let s = 0; s < nSlots; s++) {
    if (slotKey[s]! >>> 16 !== 0 && slotDf[s]! >= minDf) freq.push(s);
    if ((s & STEP_KEYS_MASK) === STEP_KEYS_MASK) yield;
  }
  if (freq.length > MAX_FREQ_BIGRAMS) freq = freq.sort((x, y) => slotDf[y]! - slotDf[x]!).slice(0, MAX_FREQ_BIGRAMS);
  if (!freq.length) return none;
  const isFreq = new Uint8Array(nSlots);
  for (const s of freq) isFreq[s] = 1;
  const step = Math.max(1, Math.floor(docCount / PHRASE_SAMPLE_DOCS));
  // Half the threshold in the sample: a phrase near it is better listed than verified.
  const need = Math.max(1, Math.ceil(minDf / step / 2));
  const index = new PairTable(1 << 14); // (first slot * 2 + (4-gram ? 1 : 0), last slot) → entry
  let cap = 1 << 14;
  let count = new Int32Array(cap);
  let last = new Int32Array(cap);
  let whereDoc = new Int32Array(cap); // the first occurrence: article, and position * 2 + (4-gram ? 1 : 0)
  let wherePos = new Float64Array(cap);
  let first = new Int32Array(cap);
  let lastSlot = new Int32Array(cap);
  let n = 0;
  const see = (len: 3 | 4, a: number, b: number, d: number, at: number) => {
    let e = index.get(a * 2 + len - 3, b);
    if (e < 0) {
      if (n === cap) {
        cap *= 2;
        const g = <T extends Int32Array | Float64Array>(x: T, make: (k: number) => T): T => {
          const y = make(cap);
          y.set(x as never);
          return y;
        };
        count = g(count, (k) => new Int32Array(k));
        last = g(last, (k) => new Int32Array(k));
        whereDoc = g(whereDoc, (k) => new Int32Array(k));
        wherePos = g(wherePos, (k) => new Float64Array(k));
        first = g(first, (k) => new Int32Array(k));
        lastSlot = g(lastSlot, (k) => new Int32Array(k));
      }
      e = n++;
      index.set(a * 2 + len - 3, b, e);
      count[e] = 0;
      last[e] = -1;
      whereDoc[e] = d;
      wherePos[e] = at * 2 + (len === 4 ? 1 : 0);
      first[e] = a;
      lastSlot[e] = b;
    }
    if (last[e] !== d) {
      last[e] = d;
      count[e]!++;
    }
  };
  let work = 0;
  const cur = new DocCursor(texts, starts);
  for (let d = 0; d < docCount; d += step) {
    cur.seek(d);
    const text = cur.arr;
    const from = cur.from;
    let s1 = -1;
    let s2 = -1;
    for (let i = from; i + 1 < cur.end; i++) {
      const s = pairSlot((text[i]! << 16) | text[i + 1]!);
      const ok = isFreq[s] ? s : -1;
      if (ok >= 0 && s1 >= 0) {
        see(3, s1, ok, d, i - 1 - from);
        if (s2 >= 0) see(4, s2, ok, d, i - 2 - from);
      }
      s2 = s1;
      s1 = ok;
    }
    work += cur.end - from + 16;
    if (work >= STEP_CHARS) {
      work = 0;
      yield;
    }
  }
  yield;
  const picked: number[] = [];
  for (let e = 0; e < n; e++) if (count[e]! >= need) picked.push(e);
  yield;
  picked.sort((x, y) => count[y]! - count[x]!);
  const chosen = picked.slice(0, MAX_PHRASES).map((e) => {
    const w = wherePos[e]!;
    const at = starts[whereDoc[e]!]! + Math.floor(w / 2);
    return { text: texts.slice(at, at + (w % 2 ? 4 : 3)), first: first[e]!, last: lastSlot[e]! };
  });
  return chosen;
}

/**
 * A map from a pair of non-negative int32 to a non-negative int32 in typed arrays (open
 * addressing, linear probing, at most half full): no boxed keys and no per-entry objects.
 */
export class PairTable {
  private xs: Int32Array;
  private ys: Int32Array;
  private vs: Int32Array;
  private mask: number;
  private shift: number;
  private size = 0;

  constructor(expected: number) {
    let cap = 16;
    while (cap < expected * 4) cap *= 2;
    this.xs = new Int32Array(cap).fill(-1);
    this.ys = new Int32Array(cap);
    this.vs = new Int32Array(cap);
    this.mask = cap - 1;
    this.shift = 32 - Math.log2(cap);
  }

  /** The home slot: the high bits of a multiplicative hash (its low bits mix poorly). */
  private slot(x: number, y: number): number {
    return Math.imul(Math.imul(x, 0x9e3779b1) ^ y, 0x85ebca6b) >>> this.shift;
  }

  /** The value of (x, y), or -1. */
  get(x: number, y: number): number {
    const xs = this.xs;
    const mask = this.mask;
    for (let h = this.slot(x, y); ; h = (h + 1) & mask) {
      const k = xs[h]!;
      if (k === x && this.ys[h] === y) return this.vs[h]!;
      if (k === -1) return -1;
    }
  }

  /** Sets (x, y) to v (x, y, v ≥ 0). */
  set(x: number, y: number, v: number): void {
    if ((this.size + 1) * 2 > this.xs.length) this.grow();
    const mask = this.mask;
    for (let h = this.slot(x, y); ; h = (h + 1) & mask) {
      const k = this.xs[h]!;
      if (k === -1) {
        this.xs[h] = x;
        this.ys[h] = y;
        this.vs[h] = v;
        this.size++;
        return;
      }
      if (k === x && this.ys[h] === y) {
        this.vs[h] = v;
        return;
      }
    }
  }

  private grow(): void {
    const { xs, ys, vs } = this;
    const cap = xs.length * 2;
    this.xs = new Int32Array(cap).fill(-1);
    this.ys = new Int32Array(cap);
    this.vs = new Int32Array(cap);
    this.mask = cap - 1;
    this.shift--;
    this.size = 0;
    for (let i = 0; i < xs.length; i++) if (xs[i] !== -1) this.set(xs[i]!, ys[i]!, vs[i]!);
  }
}
