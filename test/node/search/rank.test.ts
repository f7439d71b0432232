import { describe, expect, it } from 'vitest';
import { blockRankStats, collectHits, TopK, type HitSink } from '../../../electron/core/search/rank';
import type { SearchHit } from '../../../electron/shared/search-types';
import { useFixtureEngine } from './search-fixtures';

/** A small deterministic generator, so a failure can be replayed. */
function lcg(seed: number) {
  let x = seed >>> 0;
  return () => (x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

describe('TopK', () => {
  it('keeps exactly the k best of a stream (score desc, then id asc), ties included', () => {
    const rnd = lcg(7);
    for (const k of [1, 3, 20, 100]) {
      // Scores from a small set, so many ties are decided by id.
      const items = Array.from({ length: 500 }, (_, id) => ({ score: Math.floor(rnd() * 12) / 4, id }));
      const shuffled = [...items].sort(() => rnd() - 0.5);
      const heap = new TopK(k);
      for (const it of shuffled) if (heap.accepts(it.score, it.id)) heap.push(it.score, it.id);
      const want = [...items].sort((a, b) => b.score - a.score || a.id - b.id).slice(0, k);
      expect(heap.sorted()).toEqual(want);
    }
  });

  it('accepts nothing when k is 0', () => {
    const heap = new TopK(0);
    expect(heap.accepts(1, 1)).toBe(false);
    heap.push(1, 1);
    expect(heap.sorted()).toEqual([]);
  });
});

describe('collectHits through block bounds', () => {
  /**
   * A segment of `versions` versions with articles of few distinct lengths and one list with few
   * distinct counts: thousands of exact score ties, decided by article id.
   */
  function segmentWithTies(rnd: () => number, versions: number) {
    const docVersion: number[] = [];
    const docStart = [0];
    for (let v = 0; v < versions; v++) {
      const n = 1 + Math.floor(rnd() * 150);
      for (let i = 0; i < n; i++) {
        docVersion.push(v);
        docStart.push(docStart.at(-1)! + 1 + [20, 40, 40, 80][Math.floor(rnd() * 4)]!);
      }
    }
    const docs: number[] = [];
    const tf: number[] = [];
    for (let d = 0; d < docVersion.length; d++) {
      if (rnd() < 0.6) continue;
      docs.push(d);
      tf.push(1 + Math.floor(rnd() * rnd() * 3));
    }
    return { docVersion: Uint32Array.from(docVersion), docStart: Uint32Array.from(docStart), m: { docs: Uint32Array.from(docs), tfs: [Uint16Array.from(tf)] } };
  }

  it('gives the same counts and the same top k (scores, order, ties by id) as scoring every hit', () => {
    const rnd = lcg(11);
    const before = { ...blockRankStats };
    for (let round = 0; round < 12; round++) {
      const versions = 40 + Math.floor(rnd() * 80);
      const seg = segmentWithTies(rnd, versions);
      // Slots: version v → slot v + 1, some versions deleted (slot 0); weights from the status
      // weights, some boosted as title matches; a filter hiding some.
      const verSlot = Int32Array.from({ length: versions }, (_, v) => (rnd() < 0.05 ? 0 : v + 1));
      const n = versions + 1;
      const weight = Float64Array.from({ length: n }, (_, i) => (i === 0 ? 0 : [1, 1, 0.9, 0.7, 0.6][Math.floor(rnd() * 5)]! * (rnd() < 0.1 ? 1.5 : 1)));
      const shown = Uint8Array.from({ length: n }, () => (round % 3 === 0 ? 1 : rnd() < 0.7 ? 1 : 0));
      const maxWeight = Math.max(1, ...weight);
      // the list itself, and a subset of it (the list less an excluded term's articles)
      const keep = seg.m.docs.map(() => (rnd() < 0.7 ? 1 : 0));
      const subset = { docs: seg.m.docs.filter((_, i) => keep[i]), tfs: [seg.m.tfs[0]!.filter((_, i) => keep[i])] };
      for (const [k, m] of [[1, seg.m], [5, seg.m], [20, subset], [57, seg.m], [57, subset], [3000, seg.m], [3000, subset]] as const) {
        const run = (blockMin: number) => {
          const sink: HitSink = { perSlot: new Uint32Array(n), touched: new Int32Array(n), nTouched: 0, shown, weight, idf: [2.5], avgLen: 47, heap: new TopK(k), maxWeight, blockMin };
          collectHits(m, 1000, verSlot, seg.docVersion, seg.docStart, sink, seg.m);
          const touched = [...sink.touched.subarray(0, sink.nTouched)].sort((a, b) => a - b);
          return { top: sink.heap!.sorted(), counts: [...sink.perSlot], touched };
        };
        const plain = run(Infinity);
        const blocks = run(1);
        expect(blocks).toEqual(plain);
        const scores = plain.top.map((x) => x.score);
        if (k === 57) expect(new Set(scores).size).toBeLessThan(scores.length); // ties inside the top k
      }
    }
    expect(blockRankStats.lists).toBeGreaterThan(before.lists);
    // k = 1…57 of thousands of hits: most blocks are never scored
    expect(blockRankStats.blocksScored - before.blocksScored).toBeLessThan((blockRankStats.blocks - before.blocks) / 2);
  });
});

describe('ranked pages', () => {
  const fx = useFixtureEngine();

  for (const q of ['法', '许可', '人民政府', '行政 处罚', '许可 -行政许可']) {
    it(`${q}: every page is the matching slice of the whole ranking, and facets add up to the total`, () => {
      const whole = fx.engine.search({ q, limit: 1000 });
      expect(whole.hits.length).toBe(Math.min(1000, whole.total));
      const key = (h: SearchHit) => `${h.kind ?? 'article'}:${h.versionId}#${h.articleKey}`;
      for (const offset of [0, 7, 20]) {
        const page = fx.engine.search({ q, limit: 10, offset });
        expect(page.total).toBe(whole.total);
        expect(page.hits.map(key)).toEqual(whole.hits.slice(offset, offset + 10).map(key));
      }
      const scores = whole.hits.filter((h) => h.kind === 'article').map((h) => h.score);
      for (let i = 1; i < scores.length; i++) expect(scores[i]!).toBeLessThanOrEqual(scores[i - 1]!);
      const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
      expect(sum(whole.facets.level)).toBe(whole.total);
      expect(sum(whole.facets.status)).toBe(whole.total);
      expect(sum(whole.facets.region)).toBe(whole.total);
    });
  }
});
