// Ranking of article hits: bm25 per hit (k1 1.2, b 0.75; tf from the postings) times the
// version's weight, kept in a bounded heap. Kept apart from the engine so the per-hit loop is a
// small monomorphic function the JIT optimises on its own (no boxed doubles, no per-hit garbage).
// A long single list (的, 法, 人民政府) is ranked through per-block score bounds instead of hit
// by hit, with the same result (collectBlocks).

import type { SegmentMatch } from './matcher';

export const BM25_K1 = 1.2;
export const BM25_B = 0.75;

export interface HitSink {
  /** Hits per version slot (slot 0 = a version no longer live). */
  perSlot: Uint32Array;
  /** The slots whose perSlot count went above 0, first `nTouched` entries: so resetting and
   * counting facets costs the versions with hits, not every version of the library. */
  touched: Int32Array;
  nTouched: number;
  /** Whether the version passes every filter. */
  shown: Uint8Array;
  /** Per version: status weight × title boost. */
  weight: Float64Array;
  /** Per positive term. */
  idf: number[];
  avgLen: number;
  /** Absent when no page is asked for (counting only). */
  heap: TopK | undefined;
  /** At least every shown version's weight (the break test of the block path). */
  maxWeight: number;
  /** Single-list matches with at least this many hits go through the block path. */
  blockMin: number;
}

/** Hits with at least this many articles are ranked through block bounds (below, the plain loop costs less than a look-up). */
export const BLOCK_RANK_MIN = 4096;
/** Most hits per block: small enough that a bound is tight, large enough that the per-query loops over blocks stay short. */
const BLOCK_SIZE = 64;
/** Relative slack on a bound, far above the few ulps the two orders of the same arithmetic can differ by. */
const BOUND_SLACK = 1 + 1e-9;

/**
 * One posting list cut into blocks, each the hits of one version (at most BLOCK_SIZE of them),
 * with the largest tf part of bm25 in the block: idf × maxF × the version's weight bounds every
 * score in it. Depends only on the list, the segment and avgLen, so it is kept while the list is
 * (a WeakMap on the decoded list) and built again when avgLen changes (the library changed).
 */
interface ListBlocks {
  tf: Uint16Array;
  docStart: Uint32Array;
  avgLen: number;
  /** Local version of each block. */
  ver: Uint32Array;
  /** Where each block starts in the list; start[nBlocks] = the list's length. */
  start: Uint32Array;
  maxF: Float64Array;
  /** Blocks by maxF, best first (ties by position, so the order is deterministic). */
  order: Uint32Array;
}
/** What the block path did since start (tests check it ran and skipped; benchmarks print it). */
export const blockRankStats = { lists: 0, blocks: 0, blocksScored: 0 };

const listBlocks = new WeakMap<Uint32Array, ListBlocks>();
function buildBlocks(docs: Uint32Array, tf: Uint16Array, docVersion: Uint32Array, docStart: Uint32Array, avgLen: number): ListBlocks {
  const n = docs.length;
  let nb = 0;
  for (let i = 0, from = 0, v = -1; i < n; i++) {
    const dv = docVersion[docs[i]!]!;
    if (dv !== v || i - from === BLOCK_SIZE) {
      nb++;
      from = i;
      v = dv;
    }
  }
  const ver = new Uint32Array(nb);
  const start = new Uint32Array(nb + 1);
  const maxF = new Float64Array(nb);
  const normA = BM25_K1 * (1 - BM25_B);
  const normB = (BM25_K1 * BM25_B) / avgLen;
  let b = -1;
  for (let i = 0, from = 0, v = -1; i < n; i++) {
    const d = docs[i]!;
    const dv = docVersion[d]!;
    if (dv !== v || i - from === BLOCK_SIZE) {
      b++;
      ver[b] = dv;
      start[b] = i;
      from = i;
      v = dv;
    }
    // The same expression as the score in collectHits, without idf and weight.
    const norm = normA + normB * (docStart[d + 1]! - docStart[d]! - 1);
    const t = tf[i]!;
    const f = (t * (BM25_K1 + 1)) / (t + norm);
    if (f > maxF[b]!) maxF[b] = f;
  }
  start[nb] = n;
  const order = new Uint32Array(nb);
  for (let j = 0; j < nb; j++) order[j] = j;
  order.sort((x, y) => maxF[y]! - maxF[x]! || x - y);
  return { tf, docStart, avgLen, ver, start, maxF, order };
}

function blocksFor(m: SegmentMatch, docStart: Uint32Array, docVersion: Uint32Array, avgLen: number, build: boolean): ListBlocks | undefined {
  if (m.tfs.length !== 1) return undefined;
  const b = listBlocks.get(m.docs);
  if (b && b.tf === m.tfs[0] && b.docStart === docStart && b.avgLen === avgLen) return b;
  if (!build) return undefined;
  const nb = buildBlocks(m.docs, m.tfs[0]!, docVersion, docStart, avgLen);
  listBlocks.set(m.docs, nb);
  return nb;
}

/**
 * Counts one segment's matches per version and scores the shown ones into the heap. `base` makes
 * the article ids global; `verSlot` maps the segment's versions to slots. `whole`: the stored
 * (cached) posting list that `m` is, or is a subset of, when the query is one exact term.
 */
export function collectHits(
  m: SegmentMatch,
  base: number,
  verSlot: Int32Array,
  docVersion: Uint32Array,
  docStart: Uint32Array,
  sink: HitSink,
  whole?: SegmentMatch,
): void {
  const { docs, tfs } = m;
  const { perSlot, shown, weight, idf, heap } = sink;
  // The hits are one stored list (a 1–2-unit term or a listed phrase, the very frequent ones), or
  // a subset of one (许可 -行政许可: 许可's list less the articles holding 行政许可) with its
  // counts: the list's blocks bound them. The whole list is counted block by block; a subset hit
  // by hit, then ranked through the blocks, skipping the articles not in it.
  if (whole && docs.length >= sink.blockMin && tfs.length === 1) {
    const blocks = blocksFor(whole, docStart, docVersion, sink.avgLen, heap !== undefined);
    if (blocks && docs === whole.docs) {
      collectBlocks(blocks, docs, base, verSlot, sink, undefined);
      return;
    }
    if (blocks && heap) {
      for (let i = 0; i < docs.length; i++) {
        const slot = verSlot[docVersion[docs[i]!]!]!;
        if (perSlot[slot]!++ === 0) sink.touched[sink.nTouched++] = slot;
      }
      collectBlocks(blocks, whole.docs, base, verSlot, sink, docs);
      return;
    }
  }
  if (!heap) {
    for (let i = 0; i < docs.length; i++) {
      const slot = verSlot[docVersion[docs[i]!]!]!;
      if (perSlot[slot]!++ === 0) sink.touched[sink.nTouched++] = slot;
    }
    return;
  }
  const normA = BM25_K1 * (1 - BM25_B);
  const normB = (BM25_K1 * BM25_B) / sink.avgLen;
  const nTerms = idf.length;
  const idf0 = idf[0] ?? 0;
  const tf0 = tfs[0]!;
  for (let i = 0; i < docs.length; i++) {
    const d = docs[i]!;
    const slot = verSlot[docVersion[d]!]!;
    if (perSlot[slot]!++ === 0) sink.touched[sink.nTouched++] = slot;
    if (!shown[slot]) continue;
    const norm = normA + normB * (docStart[d + 1]! - docStart[d]! - 1);
    let tf = tf0[i]!;
    let score = (idf0 * tf * (BM25_K1 + 1)) / (tf + norm);
    for (let t = 1; t < nTerms; t++) {
      tf = tfs[t]![i]!;
      score += (idf[t]! * tf * (BM25_K1 + 1)) / (tf + norm);
    }
    score *= weight[slot]!;
    if (heap.accepts(score, base + d)) heap.push(score, base + d);
  }
}

/**
 * collectHits through a list's blocks: the same counts, and the same top k, since a block is
 * skipped only when its bound is below the k-th score already kept (the heap keeps the k best by
 * score then id, so a block that could tie is still scored). Blocks are visited best bound first:
 * the heap fills with high scores at once and the walk stops at the first block that no weight
 * could lift above them.
 */
function collectBlocks(b: ListBlocks, docs: Uint32Array, base: number, verSlot: Int32Array, sink: HitSink, subset: Uint32Array | undefined): void {
  const { perSlot, shown, weight, heap } = sink;
  const { ver, start, maxF, order, tf, docStart } = b;
  const nb = ver.length;
  if (!subset) {
    for (let j = 0; j < nb; j++) {
      const slot = verSlot[ver[j]!]!;
      if (perSlot[slot] === 0) sink.touched[sink.nTouched++] = slot;
      perSlot[slot]! += start[j + 1]! - start[j]!;
    }
  }
  if (!heap) return;
  blockRankStats.lists++;
  blockRankStats.blocks += nb;
  const normA = BM25_K1 * (1 - BM25_B);
  const normB = (BM25_K1 * BM25_B) / sink.avgLen;
  const idf0 = sink.idf[0] ?? 0;
  const reach = idf0 * sink.maxWeight * BOUND_SLACK;
  for (let o = 0; o < nb; o++) {
    const j = order[o]!;
    if (heap.full && maxF[j]! * reach < heap.worst) break;
    const slot = verSlot[ver[j]!]!;
    if (!shown[slot]) continue;
    const w = weight[slot]!;
    if (heap.full && maxF[j]! * idf0 * w * BOUND_SLACK < heap.worst) continue;
    blockRankStats.blocksScored++;
    // With a subset: where the block's first article would be in it, then both walked in step.
    let at = 0;
    if (subset) {
      let hi = subset.length;
      const first = docs[start[j]!]!;
      while (at < hi) {
        const mid = (at + hi) >>> 1;
        if (subset[mid]! < first) at = mid + 1;
        else hi = mid;
      }
    }
    for (let i = start[j]!, end = start[j + 1]!; i < end; i++) {
      const d = docs[i]!;
      if (subset) {
        while (at < subset.length && subset[at]! < d) at++;
        if (subset[at] !== d) continue;
      }
      const norm = normA + normB * (docStart[d + 1]! - docStart[d]! - 1);
      const t = tf[i]!;
      let score = (idf0 * t * (BM25_K1 + 1)) / (t + norm);
      score *= w;
      if (heap.accepts(score, base + d)) heap.push(score, base + d);
    }
  }
}

/** The k best (score desc, then id asc) of a stream, in a binary min-heap. */
export class TopK {
  private scores: Float64Array;
  private ids: Float64Array;
  private n = 0;
  constructor(private readonly k: number) {
    this.scores = new Float64Array(Math.max(1, k));
    this.ids = new Float64Array(Math.max(1, k));
  }
  /** a is worse than b */
  private worse(i: number, j: number): boolean {
    const si = this.scores[i]!;
    const sj = this.scores[j]!;
    return si < sj || (si === sj && this.ids[i]! > this.ids[j]!);
  }
  private swap(i: number, j: number) {
    const s = this.scores[i]!;
    this.scores[i] = this.scores[j]!;
    this.scores[j] = s;
    const d = this.ids[i]!;
    this.ids[i] = this.ids[j]!;
    this.ids[j] = d;
  }
  /** Whether k items are kept (then `worst` is the k-th score). */
  get full(): boolean {
    return this.n >= this.k;
  }
  get worst(): number {
    return this.n ? this.scores[0]! : -Infinity;
  }
  /** Whether push would keep (score, id): cheap enough to call for every hit. */
  accepts(score: number, id: number): boolean {
    if (this.k === 0) return false;
    if (this.n < this.k) return true;
    const s0 = this.scores[0]!;
    return score > s0 || (score === s0 && id < this.ids[0]!);
  }
  push(score: number, id: number): void {
    if (this.k === 0) return;
    if (this.n < this.k) {
      let i = this.n++;
      this.scores[i] = score;
      this.ids[i] = id;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!this.worse(i, p)) break;
        this.swap(i, p);
        i = p;
      }
      return;
    }
    // Replace the root (the worst kept) when the new one is better.
    if (score < this.scores[0]! || (score === this.scores[0]! && id > this.ids[0]!)) return;
    this.scores[0] = score;
    this.ids[0] = id;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.n && this.worse(l, m)) m = l;
      if (r < this.n && this.worse(r, m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
  }
  sorted(): { score: number; id: number }[] {
    const out: { score: number; id: number }[] = [];
    for (let i = 0; i < this.n; i++) out.push({ score: this.scores[i]!, id: this.ids[i]! });
    return out.sort((a, b) => b.score - a.score || a.id - b.id);
  }
}
