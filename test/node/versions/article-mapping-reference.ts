// The article mapping as it was before the postings-based pair search (commit a448770), kept as the
// oracle the faster one must equal on every pair: article-mapping-equivalence.test.ts and
// test/bench/mapping-bench.ts --check. Not used by the app.

import type { Article } from '../../../electron/shared/law-model';

export type MappingKind = 'same' | 'renumbered' | 'amended' | 'split' | 'merged' | 'deleted' | 'added';

export interface ArticleMapping {
  kind: MappingKind;
  from: string[]; // unit keys in the older version
  to: string[]; // unit keys in the newer version
  /** 0–1 similarity of the (normalised) texts; 1 for same/renumbered. */
  similarity: number;
  /** True when the raw texts differ only by cross-reference numbers or punctuation. */
  cosmetic: boolean;
}

export interface MappingSummary {
  same: number;
  renumbered: number;
  amended: number;
  split: number;
  merged: number;
  deleted: number;
  added: number;
}

const REF = /第[零〇一二两三四五六七八九十百千0-9]+条(之[一二三四五六七八九十]+)?/g;
const PUNCT: Record<string, string> = {
  '，': ',', '；': ';', '：': ':', '（': '(', '）': ')', '！': '!', '？': '?', '“': '"', '”': '"', '‘': "'", '’': "'",
  '〈': '<', '〉': '>', '《': '<', '》': '>', '．': '.', '。': '.', '、': ',',
};

/** Text right before 第X条 that names another law: 《…》, 民事诉讼法, 实施条例 — but not 本法/本条例. */
const OTHER_LAW_BEFORE = /(?:》|[\u4e00-\u9fa5](?:法|法典|条例|办法|规定|细则|规则|解释|决定))(?:的)?$/;
const OWN_LAW_BEFORE = /(?:本|该)(?:法|条例|办法|规定|细则|规则|解释|决定)(?:的)?$/;
const LIST_GAP = /^(?:、|和|及|以及|或者|或|，|,|与|至|到)$/;

/** 第X条 → 第#条 where X is the law's own article; a reference to another law keeps its number. */
function maskOwnReferences(text: string): string {
  let foreign = false;
  let prevEnd = -1;
  return text.replace(REF, (m: string, _s: string | undefined, offset: number) => {
    const before = text.slice(Math.max(0, offset - 16), offset);
    const gap = prevEnd >= 0 ? text.slice(prevEnd, offset) : undefined;
    prevEnd = offset + m.length;
    if (gap !== undefined && LIST_GAP.test(gap)) return foreign ? m : '第#条'; // 第十八条、第十九条 share their law
    foreign = OTHER_LAW_BEFORE.test(before) && !OWN_LAW_BEFORE.test(before);
    return foreign ? m : '第#条';
  });
}

export function normaliseForMatch(text: string): string {
  return maskOwnReferences(text)
    .replace(/[，；：（）！？“”‘’〈〉《》．。、]/g, (c) => PUNCT[c] ?? c)
    .replace(/[\s\u3000]+/g, '');
}

/**
 * A text's character bigrams as one sorted array of codes (first UTF-16 unit × 65536 + second), a
 * multiset: the overlap of two is a merge of sorted numbers instead of a hash lookup per bigram,
 * ≈10× less CPU on a law whose articles were nearly all rewritten (刑诉法解释 2012 → 2021: every
 * unmatched article against the ±65 around it). A one-character text is its character's code,
 * which no bigram equals (a bigram's code is at least 65536 unless it starts with U+0000).
 */
function bigrams(text: string): Uint32Array {
  if (text.length === 1) return Uint32Array.of(text.charCodeAt(0));
  const out = new Uint32Array(Math.max(0, text.length - 1));
  for (let i = 0; i + 1 < text.length; i++) out[i] = text.charCodeAt(i) * 65536 + text.charCodeAt(i + 1);
  return out.sort();
}

/** Size of the multiset intersection: Σ over bigrams of the smaller count in either. */
function overlap(a: Uint32Array, b: Uint32Array): number {
  return overlapAtLeast(a, b, 0); // with nothing needed it never gives up
}

/**
 * The overlap when it is at least `need`, else -1 as soon as the bigrams left cannot reach it:
 * most pairs tried for 修改 share few bigrams and are given up halfway.
 */
function overlapAtLeast(a: Uint32Array, b: Uint32Array, need: number): number {
  let n = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      n++;
      i++;
      j++;
      continue;
    }
    if (x < y) i++;
    else j++;
    if (n + Math.min(a.length - i, b.length - j) < need) return -1;
  }
  return n >= need ? n : -1;
}

/** The least overlap k whose Dice 2k / total is ≥ threshold, in the same floating point as the test itself. */
function leastOverlap(total: number, threshold: number): number {
  let k = Math.ceil((threshold * total) / 2);
  while (k > 0 && (2 * (k - 1)) / total >= threshold) k--;
  while ((2 * k) / total < threshold) k++;
  return k;
}

/** Dice coefficient over character bigrams. */
function dice(a: Uint32Array, b: Uint32Array): number {
  const total = a.length + b.length;
  return total === 0 ? 1 : (2 * overlap(a, b)) / total;
}

interface Side {
  units: Article[];
  norm: string[];
  grams: Uint32Array[];
  used: boolean[];
}

function side(units: Article[]): Side {
  const subst = units.filter((u) => u.kind === 'article' || u.kind === 'section');
  const norm = subst.map((u) => normaliseForMatch(u.text));
  return { units: subst, norm, grams: norm.map(bigrams), used: subst.map(() => false) };
}

/** Similarity at or above which a changed article counts as the same article, amended. */
export const AMENDED_THRESHOLD = 0.45;
/** Share of a small article's bigrams found in a larger one for a split/merge. */
const CONTAINED = 0.75;

export function mapArticles(older: Article[], newer: Article[]): ArticleMapping[] {
  const a = side(older);
  const b = side(newer);
  const matchOf: number[] = a.units.map(() => -1);
  const simOf: number[] = a.units.map(() => 0);

  // 1. Identical (normalised) texts, nearest position first.
  const byText = new Map<string, number[]>();
  b.norm.forEach((t, j) => byText.set(t, [...(byText.get(t) ?? []), j]));
  a.norm.forEach((t, i) => {
    const cands = (byText.get(t) ?? []).filter((j) => !b.used[j]);
    if (!cands.length) return;
    const expected = (i * b.units.length) / Math.max(1, a.units.length);
    const j = cands.reduce((best, c) => (Math.abs(c - expected) < Math.abs(best - expected) ? c : best));
    matchOf[i] = j;
    simOf[i] = 1;
    b.used[j] = true;
    a.used[i] = true;
  });

  // 2. Similar texts: best pairs first, one-to-one, near where the anchors say they should be.
  const anchors = matchOf.map((j, i) => [i, j] as const).filter(([, j]) => j >= 0);
  // The anchors nearest below and above i (they are in i's order; i itself is not one).
  const predict = (i: number): number => {
    let l = 0;
    let h = anchors.length;
    while (l < h) {
      const mid = (l + h) >> 1;
      if (anchors[mid]![0] < i) l = mid + 1;
      else h = mid;
    }
    const lo: readonly [number, number] = anchors[l - 1] ?? [-1, -1];
    const hi: readonly [number, number] = anchors[l] ?? [a.units.length, b.units.length];
    return lo[1] + ((i - lo[0]) * (hi[1] - lo[1])) / (hi[0] - lo[0]);
  };
  const window = Math.max(25, Math.ceil(b.units.length * 0.1));
  const pairs: { i: number; j: number; s: number }[] = [];
  for (let i = 0; i < a.units.length; i++) {
    if (a.used[i]) continue;
    const p = predict(i);
    for (let j = Math.max(0, Math.floor(p - window)); j < Math.min(b.units.length, Math.ceil(p + window)); j++) {
      if (b.used[j]) continue;
      // Dice cannot exceed 2·min/(sum) of the two sizes: pairs of very different lengths are skipped unread.
      const la = a.grams[i]!.length;
      const lb = b.grams[j]!.length;
      if (la + lb === 0) {
        pairs.push({ i, j, s: 1 });
        continue;
      }
      if ((2 * Math.min(la, lb)) / (la + lb) < AMENDED_THRESHOLD) continue;
      const n = overlapAtLeast(a.grams[i]!, b.grams[j]!, leastOverlap(la + lb, AMENDED_THRESHOLD));
      if (n >= 0) pairs.push({ i, j, s: (2 * n) / (la + lb) });
    }
  }
  pairs.sort((x, y) => y.s - x.s || Math.abs(x.i - x.j) - Math.abs(y.i - y.j));
  for (const { i, j, s } of pairs) {
    if (a.used[i] || b.used[j]) continue;
    a.used[i] = b.used[j] = true;
    matchOf[i] = j;
    simOf[i] = s;
  }

  // 3. Splits (an unmatched new article contained in a matched old one) and merges.
  const splitExtra = new Map<number, number[]>(); // old i → extra new js
  const mergeExtra = new Map<number, number[]>(); // new j → extra old is
  const containedIn = (small: Uint32Array, big: Uint32Array) => small.length > 0 && overlap(small, big) / small.length >= CONTAINED;
  for (let j = 0; j < b.units.length; j++) {
    if (b.used[j]) continue;
    for (let i = 0; i < a.units.length; i++) {
      if (matchOf[i]! < 0 || Math.abs(matchOf[i]! - j) > 3) continue;
      if (containedIn(b.grams[j]!, a.grams[i]!) && a.grams[i]!.length > b.grams[matchOf[i]!]!.length) {
        splitExtra.set(i, [...(splitExtra.get(i) ?? []), j]);
        b.used[j] = true;
        break;
      }
    }
  }
  const newMatchedBy = new Map<number, number>();
  matchOf.forEach((j, i) => j >= 0 && newMatchedBy.set(j, i));
  for (let i = 0; i < a.units.length; i++) {
    if (a.used[i]) continue;
    for (const [j, i2] of newMatchedBy) {
      if (Math.abs(i2 - i) > 3) continue;
      if (containedIn(a.grams[i]!, b.grams[j]!) && b.grams[j]!.length > a.grams[i2]!.length) {
        mergeExtra.set(j, [...(mergeExtra.get(j) ?? []), i]);
        a.used[i] = true;
        break;
      }
    }
  }

  // 4. Assemble, in the order of the older version, then additions in the newer one's order.
  const out: ArticleMapping[] = [];
  const mergedInto = new Map<number, number>();
  for (const [j, is] of mergeExtra) for (const i of is) mergedInto.set(i, j);
  for (let i = 0; i < a.units.length; i++) {
    const ua = a.units[i]!;
    const j = matchOf[i]!;
    if (mergedInto.has(i)) continue; // reported with the article it merged into
    if (j < 0) {
      out.push({ kind: 'deleted', from: [ua.key], to: [], similarity: 0, cosmetic: false });
      continue;
    }
    const ub = b.units[j]!;
    const extraNew = splitExtra.get(i);
    const extraOld = mergeExtra.get(j);
    if (extraNew) {
      out.push({ kind: 'split', from: [ua.key], to: [ub.key, ...extraNew.map((x) => b.units[x]!.key)], similarity: simOf[i]!, cosmetic: false });
    } else if (extraOld) {
      const from = [i, ...extraOld].sort((x, y) => x - y).map((x) => a.units[x]!.key);
      out.push({ kind: 'merged', from, to: [ub.key], similarity: simOf[i]!, cosmetic: false });
    } else if (simOf[i] === 1) {
      const sameNumber = ua.key === ub.key;
      out.push({ kind: sameNumber ? 'same' : 'renumbered', from: [ua.key], to: [ub.key], similarity: 1, cosmetic: ua.text !== ub.text });
    } else {
      out.push({ kind: 'amended', from: [ua.key], to: [ub.key], similarity: simOf[i]!, cosmetic: false });
    }
  }
  for (let j = 0; j < b.units.length; j++) {
    if (!b.used[j]) out.push({ kind: 'added', from: [], to: [b.units[j]!.key], similarity: 0, cosmetic: false });
  }
  const preamble = mapPreamble(older, newer);
  return preamble ? [preamble, ...out] : out;
}

/** The 序言 (or a decision's lead-in) of the two versions: compared like an article. */
function mapPreamble(older: Article[], newer: Article[]): ArticleMapping | undefined {
  const pa = older.find((u) => u.kind === 'preamble');
  const pb = newer.find((u) => u.kind === 'preamble');
  if (!pa && !pb) return undefined;
  if (!pb) return { kind: 'deleted', from: [pa!.key], to: [], similarity: 0, cosmetic: false };
  if (!pa) return { kind: 'added', from: [], to: [pb.key], similarity: 0, cosmetic: false };
  const na = normaliseForMatch(pa.text);
  const nb = normaliseForMatch(pb.text);
  if (na === nb) return { kind: 'same', from: [pa.key], to: [pb.key], similarity: 1, cosmetic: pa.text !== pb.text };
  return { kind: 'amended', from: [pa.key], to: [pb.key], similarity: dice(bigrams(na), bigrams(nb)), cosmetic: false };
}

