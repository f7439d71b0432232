// Ranking of article hits: bm25 per hit (k1 1.2, b 0.75; tf from the postings) times the
// version's weight, kept in a bounded heap. Kept apart from the engine so the per-hit loop is a
// small monomorphic function the JIT optimises on its own (no boxed doubles, no per-hit garbage).

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
}

/**
 * Counts one segment's matches per version and scores the shown ones into the heap. `base` makes
 * the article ids global; `verSlot` maps the segment's versions to slots.
 */
export function collectHits(m: SegmentMatch, base: number, verSlot: Int32Array, docVersion: Uint32Array, docStart: Uint32Array, sink: HitSink): void {
  const { docs, tfs } = m;
  const { perSlot, shown, weight, idf, heap } = sink;
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
