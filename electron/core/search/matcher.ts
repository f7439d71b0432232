// Finds the articles of one segment that contain every term and none of the excluded ones.
// Terms of 1–2 code units, and the segment's frequent 3–4-unit phrases, are answered by their
// posting list alone; longer terms intersect up to MAX_KEYS_PER_TERM of their rarest bigrams (and
// frequent phrases) (smallest list first, galloping into long ones) and
// every surviving candidate is verified with indexOf, so the answer is exactly the substring truth.

import { CorruptIndexError, type Segment } from './segment';

export const MAX_KEYS_PER_TERM = 4;
/**
 * Until the segment's texts are in memory, up to this many candidates are verified by reading just
 * their articles (a positioned read each): the first query after start-up need not load them all.
 */
const LAZY_VERIFY_LIMIT = 2000;

export interface TermKeys {
  text: string;
  /** Slots (in this segment) of the keys to intersect, rarest first; undefined when a key is absent. */
  slots: number[] | undefined;
  /** True when the posting list alone decides (length ≤ 2, or a frequent phrase with its own list). */
  exact: boolean;
}

export function termKeys(seg: Segment, text: string): TermKeys {
  // A frequent 3–4-unit phrase has an exact list of its own: nothing to intersect or verify.
  const ph = seg.findPhrase(text);
  if (ph >= 0) return { text, slots: [ph], exact: true };
  const exact = text.length <= 2;
  const keys: number[] = [];
  if (text.length === 1) keys.push(text.charCodeAt(0));
  else {
    const seen = new Set<number>();
    for (let i = 0; i + 1 < text.length; i++) {
      const k = (text.charCodeAt(i) << 16) | text.charCodeAt(i + 1);
      if (!seen.has(k)) {
        seen.add(k);
        keys.push(k);
      }
    }
  }
  const slots: number[] = [];
  for (const k of keys) {
    const s = seg.findKey(k);
    if (s < 0) return { text, slots: undefined, exact };
    slots.push(s);
  }
  // A longer term's frequent 4- and 3-unit pieces narrow its candidates more than their bigrams
  // (县级以上人民政府: 人民政府 is in fewer articles than 人民 or 政府; 第十二条: 第十二 and 十二条
  // leave far fewer than 第十, 十二 and 二条, which every 第十…条 and …十二条 holds).
  if (text.length >= 4 && seg.phraseCount) {
    for (let i = 0; i + 3 <= text.length; i++) {
      const p4 = i + 4 <= text.length ? seg.findPhrase(text.slice(i, i + 4)) : -1;
      const p = p4 >= 0 ? p4 : seg.findPhrase(text.slice(i, i + 3));
      if (p >= 0 && !slots.includes(p)) slots.push(p);
    }
  }
  slots.sort((a, b) => seg.df(a) - seg.df(b));
  return { text, slots: slots.slice(0, MAX_KEYS_PER_TERM), exact };
}

/** An estimate of how many articles contain the term (exact for 1–2 units). */
export function termDf(seg: Segment, tk: TermKeys): number {
  return tk.slots && tk.slots.length ? seg.df(tk.slots[0]!) : 0;
}

export interface SegmentMatch {
  docs: Uint32Array;
  /** Per positive term, the count in each matching article (for long terms: an upper bound). */
  tfs: Uint16Array[];
}

const EMPTY: SegmentMatch = { docs: new Uint32Array(0), tfs: [] };
const NO_TF = new Uint16Array(0);

/**
 * Per-segment scratch for intersections and subtractions: where each kept candidate is in both
 * lists, and a stamp per article marking an excluded term's articles without clearing between
 * calls (a new stamp value each time).
 */
interface Scratch {
  stamp: Uint32Array;
  keepA: Uint32Array;
  atB: Uint32Array;
  next: number;
}
const scratches = new WeakMap<Segment, Scratch>();

function scratchOf(seg: Segment): Scratch {
  let s = scratches.get(seg);
  if (!s) {
    const n = seg.docCount;
    s = { stamp: new Uint32Array(n), keepA: new Uint32Array(n), atB: new Uint32Array(n), next: 0 };
    scratches.set(seg, s);
  }
  if (s.next === 0xffffffff) {
    s.stamp.fill(0);
    s.next = 0;
  }
  s.next++;
  return s;
}

/**
 * Intersects `docs` (with per-term counts) with a posting list; `term` receives the list's counts
 * (min with what it has, for long terms whose count is bounded by each of their bigrams).
 */
function intersect(seg: Segment, cur: SegmentMatch, p: { docs: Uint32Array; tf: Uint16Array }, term: number): SegmentMatch {
  const a = cur.docs;
  const b = p.docs;
  const sc = scratchOf(seg);
  const keepA = sc.keepA;
  const atB = sc.atB;
  let n = 0;
  if (b.length > a.length * 16) {
    // Galloping: a is short, b is long.
    let lo = 0;
    for (let i = 0; i < a.length; i++) {
      const x = a[i]!;
      let step = 1;
      let hi = lo;
      while (hi < b.length && b[hi]! < x) {
        lo = hi + 1;
        hi += step;
        step *= 2;
      }
      if (hi > b.length) hi = b.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (b[mid]! < x) lo = mid + 1;
        else hi = mid;
      }
      if (lo < b.length && b[lo] === x) {
        keepA[n] = i;
        atB[n++] = lo;
      }
    }
  } else {
    // Comparable lengths: one sorted merge, branch-free (a compare-and-branch merge mispredicts
    // about every other step on interleaved lists). It reads both lists in order; marking a's
    // articles in a per-article table instead touched a cache line per candidate, scattered over
    // the segment's table (4.6 MB at 10×, 1.1 M articles).
    let i = 0;
    let j = 0;
    const na = a.length;
    const nb = b.length;
    while (i < na && j < nb) {
      const x = a[i]!;
      const y = b[j]!;
      keepA[n] = i;
      atB[n] = j;
      n += x === y ? 1 : 0;
      i += x <= y ? 1 : 0;
      j += y <= x ? 1 : 0;
    }
  }
  if (n === a.length && term < 0) return cur;
  const docs = new Uint32Array(n);
  for (let k = 0; k < n; k++) docs[k] = a[keepA[k]!]!;
  const tfs = cur.tfs.map((t, ti) => {
    const out = new Uint16Array(n);
    if (ti === term) {
      const pt = p.tf;
      for (let k = 0; k < n; k++) {
        const x = t[keepA[k]!]!;
        const y = pt[atB[k]!]!;
        out[k] = x < y ? x : y;
      }
    } else for (let k = 0; k < n; k++) out[k] = t[keepA[k]!]!;
    return out;
  });
  return { docs, tfs };
}

/** Growable scratch for one article's positions of a bigram (and the offsets still possible). */
let posA = new Int32Array(256);
let posB = new Int32Array(256);

/**
 * Decodes the positions of entry `idx` of a bigram's posting list from its positions blob (see
 * Segment.positions) into `posB`; returns how many. Starts at the skip-table block holding `idx`.
 */
function entryPositions(seg: Segment, blob: Uint8Array, df: number, idx: number): number {
  const skipLen = ((df - 1) >>> 5) * 4;
  const block = idx >>> 5;
  let p = skipLen;
  if (block > 0) {
    const at = (block - 1) * 4;
    p += (blob[at]! | (blob[at + 1]! << 8) | (blob[at + 2]! << 16) | (blob[at + 3]! << 24)) >>> 0;
  }
  let entry = (block << 5) - 1;
  let n = 0;
  let last = 0;
  const end = blob.length;
  while (p < end) {
    let v = 0;
    let shift = 0;
    let b: number;
    do {
      // Values fit in 28 bits (offsets within an article), so shifts stay int32.
      if (p >= end || shift > 21) throw new CorruptIndexError(`${seg.name}: 位置表越界`);
      b = blob[p++]!;
      v |= (b & 0x7f) << shift;
      shift += 7;
    } while (b & 0x80);
    if (v & 1) {
      if (++entry > idx) break;
      last = v >>> 1;
    } else last += (v >>> 1) + 1;
    if (entry === idx) {
      if (n === posB.length) {
        const g = new Int32Array(n * 2);
        g.set(posB);
        posB = g;
      }
      posB[n++] = last;
    }
  }
  if (n === 0) throw new CorruptIndexError(`${seg.name}: 位置表内容无效`);
  return n;
}

/**
 * The chain of bigram offsets whose positions decide a term of 3+ units: it starts at 0, ends at
 * length − 2 and steps by 1 or 2 (so every unit is covered: the term is at p iff each chosen bigram
 * is at p + its offset), the one whose positions are the fewest bytes to read. Undefined when a
 * bigram is not in the segment (then no article holds the term).
 */
function positionChain(seg: Segment, term: string): { off: number; slot: number }[] | undefined {
  const n = term.length - 1;
  const slot: number[] = [];
  const best: number[] = [];
  const from: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = seg.findKey((term.charCodeAt(i) << 16) | term.charCodeAt(i + 1));
    if (s < 0) return undefined;
    slot.push(s);
    const cost = seg.positionBytes(s);
    if (i === 0) {
      best.push(cost);
      from.push(-1);
    } else {
      const j = i >= 2 && best[i - 2]! <= best[i - 1]! ? i - 2 : i - 1;
      best.push(best[j]! + cost);
      from.push(j);
    }
  }
  const chain: { off: number; slot: number }[] = [];
  for (let i = n - 1; i >= 0; i = from[i]!) chain.push({ off: i, slot: slot[i]! });
  return chain.reverse();
}

/**
 * Keeps the candidates containing `term` (3+ units), decided from the positions of a chain of its
 * bigrams — no article text is read. Used when the texts are not in memory (10×: they never are),
 * where reading each candidate's article cost a positioned read (利的具体 at 10×: ~90 of them).
 */
function verifyByPositions(seg: Segment, m: SegmentMatch, term: string): SegmentMatch {
  const docs = m.docs;
  const chain = positionChain(seg, term);
  const keep = new Uint8Array(docs.length);
  let n = 0;
  if (chain) {
    const lists = chain.map((c) => ({ off: c.off, docs: seg.posting(c.slot).docs, blob: seg.positions(c.slot), df: seg.df(c.slot), at: 0 }));
    for (let i = 0; i < docs.length; i++) {
      const d = docs[i]!;
      let alive = 0; // how many offsets p are still possible, in posA
      let ok = true;
      for (let c = 0; c < lists.length && ok; c++) {
        const l = lists[c]!;
        // The candidate's entry in this list (candidates ascend: gallop on from the last one).
        const ds = l.docs;
        let lo = l.at;
        let step = 1;
        let hi = lo;
        while (hi < ds.length && ds[hi]! < d) {
          lo = hi + 1;
          hi += step;
          step *= 2;
        }
        if (hi > ds.length) hi = ds.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (ds[mid]! < d) lo = mid + 1;
          else hi = mid;
        }
        l.at = lo;
        if (lo >= ds.length || ds[lo] !== d) {
          ok = false;
          break;
        }
        const np = entryPositions(seg, l.blob, l.df, lo);
        if (c === 0) {
          if (posA.length < np) posA = new Int32Array(posB.length);
          posA.set(posB.subarray(0, np));
          alive = np;
          continue;
        }
        // Keep the start offsets p with this bigram at p + off (both lists ascend).
        let k = 0;
        let j = 0;
        for (let a = 0; a < alive; a++) {
          const want = posA[a]! + l.off;
          while (j < np && posB[j]! < want) j++;
          if (j < np && posB[j] === want) posA[k++] = posA[a]!;
        }
        alive = k;
        ok = alive > 0;
      }
      if (ok) {
        keep[i] = 1;
        n++;
      }
    }
  }
  return kept(m, keep, n);
}

/** The candidates marked in `keep` (n of them), with their counts. */
function kept(m: SegmentMatch, keep: Uint8Array, n: number): SegmentMatch {
  const docs = m.docs;
  if (n === docs.length) return m;
  const out = new Uint32Array(n);
  const tfs = m.tfs.map(() => new Uint16Array(n));
  let k = 0;
  for (let i = 0; i < docs.length; i++) {
    if (!keep[i]) continue;
    out[k] = docs[i]!;
    for (let t = 0; t < tfs.length; t++) tfs[t]![k] = m.tfs[t]![i]!;
    k++;
  }
  return { docs: out, tfs };
}

/** Keeps the candidates whose text contains `term` (exact), or drops them when `exclude`. */
function verify(seg: Segment, m: SegmentMatch, term: string, exclude: boolean): SegmentMatch {
  // Texts not in memory: the bigrams' positions decide, without reading any article.
  if (!seg.textLoaded && !exclude && term.length >= 3) return verifyByPositions(seg, m, term);
  const docs = m.docs;
  const keep = new Uint8Array(docs.length);
  let n = 0;
  if (!seg.textLoaded && (docs.length <= LAZY_VERIFY_LIMIT || !seg.textLoadable)) {
    // Texts not in memory (a few candidates before they are loaded, or a segment too large to
    // hold them, 10× the corpus): read the candidates' articles, nearby ones in one read.
    seg.forEachDocText(docs, (i, text) => {
      if (text.includes(term) !== exclude) {
        keep[i] = 1;
        n++;
      }
    });
  } else {
    // Each candidate is checked within its own article: a slice of the segment text is a view,
    // not a copy, so this costs the candidates' length — never a scan of the whole segment,
    // which a rare term among many candidates (第十二条 among every 第十…/…二条) would cost.
    const text = seg.text;
    const start = seg.docStart;
    for (let i = 0; i < docs.length; i++) {
      const d = docs[i]!;
      const has = text.slice(start[d]!, start[d + 1]!).includes(term);
      if (has !== exclude) {
        keep[i] = 1;
        n++;
      }
    }
  }
  return kept(m, keep, n);
}

/** Removes the candidates present in a sorted list of articles (an excluded term's). */
function subtract(seg: Segment, m: SegmentMatch, drop: Uint32Array): SegmentMatch {
  // A long list (an excluded common character) is first cut down to the candidates, by galloping.
  if (drop.length > m.docs.length * 16) drop = intersect(seg, { docs: m.docs, tfs: [] }, { docs: drop, tf: NO_TF }, -1).docs;
  const sc = scratchOf(seg);
  const stamp = sc.stamp;
  const s = sc.next;
  for (let i = 0; i < drop.length; i++) stamp[drop[i]!] = s;
  const keep = sc.keepA;
  let n = 0;
  for (let i = 0; i < m.docs.length; i++) if (stamp[m.docs[i]!] !== s) keep[n++] = i;
  if (n === m.docs.length) return m;
  const docs = new Uint32Array(n);
  for (let k = 0; k < n; k++) docs[k] = m.docs[keep[k]!]!;
  const tfs = m.tfs.map((t) => {
    const out = new Uint16Array(n);
    for (let k = 0; k < n; k++) out[k] = t[keep[k]!]!;
    return out;
  });
  return { docs, tfs };
}

export function matchSegment(seg: Segment, terms: string[], excludes: string[]): SegmentMatch {
  if (terms.length === 0 || seg.docCount === 0) return EMPTY;
  const plans = terms.map((t) => termKeys(seg, t));
  if (plans.some((p) => !p.slots)) return EMPTY;
  const order: { term: number; slot: number }[] = [];
  plans.forEach((p, term) => p.slots!.forEach((slot) => order.push({ term, slot })));
  order.sort((a, b) => seg.df(a.slot) - seg.df(b.slot));

  const first = order[0]!;
  const p0 = seg.posting(first.slot);
  let m: SegmentMatch = {
    docs: p0.docs,
    tfs: plans.map((_, t) => (t === first.term ? p0.tf : new Uint16Array(p0.docs.length).fill(65535))),
  };
  for (let i = 1; i < order.length && m.docs.length; i++) m = intersect(seg, m, seg.posting(order[i]!.slot), order[i]!.term);
  // Verify long terms, the rarest first (it shrinks the set most).
  const long = plans
    .map((p, i) => ({ p, i }))
    .filter((x) => !x.p.exact)
    .sort((a, b) => termDf(seg, a.p) - termDf(seg, b.p));
  for (const { p } of long) {
    if (!m.docs.length) break;
    m = verify(seg, m, p.text, false);
  }
  for (const ex of excludes) {
    if (!m.docs.length) break;
    const ek = termKeys(seg, ex);
    if (!ek.slots) continue; // a key absent from the segment: no article contains the term
    if (ek.exact) {
      m = subtract(seg, m, seg.posting(ek.slots[0]!).docs);
      continue;
    }
    // Only candidates holding the term's rarest bigram can contain it: verify just those.
    const inRare = intersect(seg, { docs: m.docs, tfs: [] }, seg.posting(ek.slots[0]!), -1);
    if (!inRare.docs.length) continue;
    const contain = verify(seg, inRare, ex, false);
    if (contain.docs.length) m = subtract(seg, m, contain.docs);
  }
  // The first posting's arrays are shared with the cache: never hand them out for mutation.
  return m;
}

/** Only the count (did-you-mean, benchmark truth checks). */
export function countSegment(seg: Segment, terms: string[], excludes: string[], live?: (d: number) => boolean): number {
  const m = matchSegment(seg, terms, excludes);
  if (!live) return m.docs.length;
  let n = 0;
  for (let i = 0; i < m.docs.length; i++) if (live(m.docs[i]!)) n++;
  return n;
}
