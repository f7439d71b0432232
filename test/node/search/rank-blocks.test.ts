// The block path of the ranking (rank.ts) against scoring every hit, on real laws: two engines over
// one library, one ranking every list through its blocks, one never; every answer must be equal.

import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LibraryStore } from '../../../electron/core/library/library-store';
import { blockRankStats } from '../../../electron/core/search/rank';
import { SearchEngine } from '../../../electron/core/search/search-engine';
import type { SearchQuery, SearchResult } from '../../../electron/shared/search-types';
import { FIXTURE_LAWS, fixtureLibrary } from './search-fixtures';

const MORE_LAWS = resolve(import.meta.dirname, '../../fixtures/laws');

describe('top k through block bounds = top k of every hit', () => {
  const ctx = {} as { plain: SearchEngine; blocks: SearchEngine; cleanup: () => void; lawId: string; versionId: string; store: LibraryStore };
  beforeAll(async () => {
    // The search fixtures and the law fixtures: national and local laws, in-force and superseded versions, 刑法's 452 articles.
    const lib = await fixtureLibrary([FIXTURE_LAWS, MORE_LAWS]);
    ctx.cleanup = lib.cleanup;
    ctx.store = lib.store;
    ctx.plain = await SearchEngine.open(lib.store, { blockRankMin: Infinity });
    ctx.blocks = await SearchEngine.open(lib.store, { blockRankMin: 1 });
    const law = lib.store.laws().find((l) => l.title.includes('统计法') && l.versionIds.length > 1)!;
    ctx.lawId = law.id;
    ctx.versionId = law.versionIds[0]!;
  });
  afterAll(() => {
    ctx.plain?.close();
    ctx.blocks?.close();
    ctx.cleanup?.();
  });

  // JSON: a deep toEqual of hundreds of hits is what would make this test slow
  const strip = (r: SearchResult) => JSON.stringify({ ...r, tookMs: 0 });
  // Frequent single characters and words (one list, the block path), rare ones, AND and NOT
  // (a list made for the query: the plain loop, compared all the same).
  const queries = ['的', '法', '第', '人', '规定', '人民', '许可', '秘密', '听证', '罪', '行政 许可', '法 -行政', '许可 -行政许可', '统计'];
  const filters: Omit<SearchQuery, 'q'>[] = [
    {},
    { inForceOnly: true },
    { statuses: ['已修改'] },
    { levels: ['地方性法规'] },
    { regions: ['山东'] },
    { asOf: '2015-01-01' },
  ];

  it('same hits, scores, order, total and facets for every page, filter and query', () => {
    const before = { ...blockRankStats };
    let ties = 0;
    for (const f of [...filters, { lawId: ctx.lawId }, { versionId: ctx.versionId }]) {
      for (const q of queries) {
        for (const [offset, limit] of [[0, 20], [13, 7], [0, 100]] as const) {
          const query = { q, offset, limit, ...f };
          const result = ctx.plain.search(query);
          const want = strip(result);
          // The first time a list is ranked it goes the plain way; its blocks are built the second time.
          expect(strip(ctx.blocks.search(query)), JSON.stringify(query)).toBe(want);
          expect(strip(ctx.blocks.search(query)), JSON.stringify(query)).toBe(want);
          const s = result.hits.filter((h) => h.kind === 'article').map((h) => h.score);
          for (let i = 1; i < s.length; i++) if (s[i] === s[i - 1]) ties++;
        }
      }
    }
    // equal (rounded) scores next to each other: the order among ties was compared too
    expect(ties).toBeGreaterThan(100);
    expect(blockRankStats.lists).toBeGreaterThan(before.lists);
    // 20 of hundreds of hits: most blocks are passed over, not scored
    expect(blockRankStats.blocksScored - before.blocksScored).toBeLessThan((blockRankStats.blocks - before.blocks) / 2);
  });

  it('a frequent term less an excluded one is ranked through the blocks of the term, with the same answer', () => {
    for (const q of ['法 -行政', '的 -规定', '人 -人民']) {
      for (const f of filters) {
        const query = { q, limit: 20, ...f };
        const want = strip(ctx.plain.search(query));
        const before = blockRankStats.lists;
        expect(strip(ctx.blocks.search(query)), JSON.stringify(query)).toBe(want);
        expect(strip(ctx.blocks.search(query)), JSON.stringify(query)).toBe(want);
        expect(blockRankStats.lists, JSON.stringify(query)).toBeGreaterThan(before);
      }
    }
  });

  it('counts alone (limit 0) agree too, before and after the blocks exist', () => {
    for (const q of ['的', '法', '许可']) {
      for (const f of filters) {
        const query = { q, limit: 0, ...f };
        expect(strip(ctx.blocks.search(query))).toBe(strip(ctx.plain.search(query)));
      }
    }
  });

  it('the title boost goes to exactly the versions whose title holds every term and no excluded one', () => {
    // 法 and 条例 are in most titles here: the title index is walked title by title.
    for (const [q, terms, excludes] of [
      ['法', ['法'], []],
      ['条例', ['条例'], []],
      ['法 行政', ['法', '行政'], []],
      ['法 -行政', ['法'], ['行政']],
      ['人民 共和国', ['人民', '共和国'], []],
      ['环境', ['环境'], []],
    ] as const) {
      const r = ctx.blocks.search({ q, limit: 1000 });
      const articles = r.hits.filter((h) => h.kind === 'article');
      expect(articles.length, q).toBeGreaterThan(0);
      for (const h of articles) {
        const m = ctx.store.version(h.versionId)!;
        const title = m.title + (m.subtitle ?? '');
        const want = terms.every((t) => title.includes(t)) && !excludes.some((t) => title.includes(t));
        expect(h.titleMatch, `${q}: ${title}`).toBe(want);
      }
      if (q === '法') expect(new Set(articles.filter((h) => h.titleMatch).map((h) => h.versionId)).size).toBeGreaterThan(10);
    }
  });
});
