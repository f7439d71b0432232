// Maps the articles of one version of a law onto the next: each old article is the same,
// renumbered (same rule, new number), amended (changed text), split into several, merged with
// others, or deleted; articles of the new version matched by none are added.
// "Same text" ignores what renumbering and typesetting change by themselves: numbers in the law's
// own cross references (依照本法第七条 → 第八条), full/half-width punctuation and spaces. A reference
// to another law's article (民事诉讼法第十八条 → 第十九条) is the text a reader relies on: changing
// it amends the article. The 序言/preamble is mapped too (same, amended, added or deleted).

import type { Article } from '../../shared/law-model';
import { bigrams, dice, leastOverlap, normaliseForMatch, overlap } from './article-similarity';

export { normaliseForMatch } from './article-similarity';

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

/** What the mapping reads of a unit (a body's units as stored will do: no paragraphs needed). */
export type MappedUnit = Pick<Article, 'key' | 'kind' | 'text'>;

interface Side {
  units: MappedUnit[];
  norm: string[];
  grams: Uint32Array[];
  used: boolean[];
}

/** One version's substantive units, normalised and as bigrams: a step per unit. */
function* side(units: readonly MappedUnit[]): Generator<void, Side> {
  const subst = units.filter((u) => u.kind === 'article' || u.kind === 'section');
  const norm: string[] = [];
  const grams: Uint32Array[] = [];
  for (const u of subst) {
    norm.push(normaliseForMatch(u.text));
    grams.push(bigrams(norm[norm.length - 1]!));
    yield;
  }
  return { units: subst, norm, grams, used: subst.map(() => false) };
}

/** Similarity at or above which a changed article counts as the same article, amended. */
export const AMENDED_THRESHOLD = 0.45;
/** Share of a small article's bigrams found in a larger one for a split/merge. */
const CONTAINED = 0.75;

interface Pair {
  i: number;
  j: number;
  s: number;
}

/**
 * Where each bigram of the still unmatched new articles occurs: code → [j, count, j, count, …],
 * j ascending. Shared bigrams are then counted per old article by walking only its own bigrams'
 * postings inside its window, instead of merging it with each of the ±window new articles whole:
 * a rare bigram touches few articles, and most bigrams of a rewritten article are rare.
 */
function postingsOf(b: Side): Map<number, number[]> {
  const post = new Map<number, number[]>();
  for (let j = 0; j < b.units.length; j++) {
    if (b.used[j]) continue;
    const g = b.grams[j]!;
    for (let k = 0; k < g.length; ) {
      const code = g[k]!;
      let e = k + 1;
      while (e < g.length && g[e] === code) e++;
      let list = post.get(code);
      if (!list) post.set(code, (list = []));
      list.push(j, e - k);
      k = e;
    }
  }
  return post;
}

/**
 * Every (old, new) pair of unmatched articles within `window` of the old one's predicted place
 * whose Dice similarity reaches AMENDED_THRESHOLD, in the order i then j ascending (the stable
 * sort that ranks them keeps that order among equals). The overlap counted from the postings is
 * the multiset intersection a merge of the two sorted arrays gives, so the similarities are the
 * same numbers.
 */
function* similarPairs(a: Side, b: Side, predict: (i: number) => number, window: number): Generator<void, Pair[]> {
  const pairs: Pair[] = [];
  if (a.used.every(Boolean) || b.used.every(Boolean)) return pairs;
  const post = postingsOf(b);
  const shared = new Int32Array(b.units.length);
  for (let i = 0; i < a.units.length; i++) {
    if (a.used[i]) continue;
    const p = predict(i);
    pairsOf(i, a, b, post, shared, Math.max(0, Math.floor(p - window)), Math.min(b.units.length, Math.ceil(p + window)), pairs);
    yield;
  }
  return pairs;
}

/** The pairs of old article i with the new ones in [lo, hi) (a plain function: V8 optimises its loops better than a generator's). */
function pairsOf(i: number, a: Side, b: Side, post: Map<number, number[]>, shared: Int32Array, lo: number, hi: number, pairs: Pair[]): void {
  if (lo >= hi) return;
  const g = a.grams[i]!;
  for (let k = 0; k < g.length; ) {
    const code = g[k]!;
    let e = k + 1;
    while (e < g.length && g[e] === code) e++;
    const list = post.get(code);
    if (list) {
      const ca = e - k;
      // the first posting at or after lo (entries are j, count pairs)
      let l = 0;
      let h = list.length >> 1;
      while (l < h) {
        const mid = (l + h) >> 1;
        if (list[2 * mid]! < lo) l = mid + 1;
        else h = mid;
      }
      for (let q = 2 * l; q < list.length && list[q]! < hi; q += 2) {
        const cb = list[q + 1]!;
        shared[list[q]!]! += ca < cb ? ca : cb;
      }
    }
    k = e;
  }
  const la = g.length;
  for (let j = lo; j < hi; j++) {
    if (b.used[j]) continue;
    const n = shared[j]!;
    shared[j] = 0;
    const lb = b.grams[j]!.length;
    if (la + lb === 0) {
      pairs.push({ i, j, s: 1 });
      continue;
    }
    // Dice cannot exceed 2·min/(sum) of the two sizes
    if ((2 * Math.min(la, lb)) / (la + lb) < AMENDED_THRESHOLD) continue;
    if (n >= leastOverlap(la + lb, AMENDED_THRESHOLD)) pairs.push({ i, j, s: (2 * n) / (la + lb) });
  }
}

export function mapArticles(older: readonly MappedUnit[], newer: readonly MappedUnit[]): ArticleMapping[] {
  const steps = mappingSteps(older, newer);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * The mapping as a generator that yields after each unit of work (an article normalised, an old
 * article's candidates counted, a new article's split tried): a background job runs it in slices
 * of the event loop (mapping-warmup.ts), mapArticles runs it through at once.
 */
export function* mappingSteps(older: readonly MappedUnit[], newer: readonly MappedUnit[]): Generator<void, ArticleMapping[]> {
  const a = yield* side(older);
  const b = yield* side(newer);
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
  const pairs = yield* similarPairs(a, b, predict, window);
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
  // Only articles matched within 3 places can take a split or a merge: found through the
  // matches' inverse, in the order of the old version as a scan of every article would find them.
  const oldOf = new Int32Array(b.units.length).fill(-1);
  matchOf.forEach((j, i) => j >= 0 && (oldOf[j] = i));
  for (let j = 0; j < b.units.length; j++) {
    if (b.used[j]) continue;
    const near: number[] = [];
    for (let k = Math.max(0, j - 3); k <= Math.min(b.units.length - 1, j + 3); k++) if (oldOf[k]! >= 0) near.push(oldOf[k]!);
    near.sort((x, y) => x - y);
    for (const i of near) {
      if (containedIn(b.grams[j]!, a.grams[i]!) && a.grams[i]!.length > b.grams[matchOf[i]!]!.length) {
        splitExtra.set(i, [...(splitExtra.get(i) ?? []), j]);
        b.used[j] = true;
        break;
      }
    }
    yield;
  }
  for (let i = 0; i < a.units.length; i++) {
    if (a.used[i]) continue;
    for (let i2 = Math.max(0, i - 3); i2 <= Math.min(a.units.length - 1, i + 3); i2++) {
      const j = matchOf[i2]!;
      if (j < 0) continue;
      if (containedIn(a.grams[i]!, b.grams[j]!) && b.grams[j]!.length > a.grams[i2]!.length) {
        mergeExtra.set(j, [...(mergeExtra.get(j) ?? []), i]);
        a.used[i] = true;
        break;
      }
    }
    yield;
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
export function mapPreamble(older: readonly MappedUnit[], newer: readonly MappedUnit[]): ArticleMapping | undefined {
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

export function summarise(mapping: readonly ArticleMapping[]): MappingSummary {
  const s: MappingSummary = { same: 0, renumbered: 0, amended: 0, split: 0, merged: 0, deleted: 0, added: 0 };
  // counts are of articles: the 序言 row is shown in the diff but not counted as an article
  for (const m of mapping) if (m.from[0] !== 'preamble' && m.to[0] !== 'preamble') s[m.kind]++;
  return s;
}

/** 修改 21 条，新增 3 条，删除 0 条，条文序号变动 27 条 (the line the diff view and CLI show). */
export function summaryLine(s: MappingSummary): string {
  const parts = [`修改 ${s.amended} 条`, `新增 ${s.added} 条`, `删除 ${s.deleted} 条`, `条文序号变动 ${s.renumbered} 条`];
  if (s.split) parts.push(`拆分 ${s.split} 条`);
  if (s.merged) parts.push(`合并 ${s.merged} 处`);
  parts.push(`未变 ${s.same} 条`);
  return parts.join('，');
}
