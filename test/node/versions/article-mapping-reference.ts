// The article mapping as it was before the postings-based pair search (commit a448770), kept as the
// oracle the faster one must equal on every pair: article-mapping-equivalence.test.ts and
// test/bench/mapping-bench.ts --check. Not used by the app. The normalisation, the bigrams and the
// preamble's mapping are the app's own (article-similarity.ts): what changed, and what this checks,
// is the search for similar pairs and for splits and merges.

import type { Article } from '../../../electron/shared/law-model';
import { AMENDED_THRESHOLD, type ArticleMapping, mapPreamble } from '../../../electron/core/versions/article-mapping';
import { bigrams, leastOverlap, normaliseForMatch, overlap } from '../../../electron/core/versions/article-similarity';

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
