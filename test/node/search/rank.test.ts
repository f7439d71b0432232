import { describe, expect, it } from 'vitest';
import { TopK } from '../../../electron/core/search/rank';
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
