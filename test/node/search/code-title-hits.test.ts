// A code stored as parts (four 编 of 民法典 in test/fixtures/codes) is one law in search: a query
// naming the code gives one title hit for it, at 总则, and the facets count it once; a query naming
// one part still finds that part.
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LibraryStore } from '../../../electron/core/library/library-store';
import { SearchEngine } from '../../../electron/core/search/search-engine';
import { fixtureLibrary, truth } from './search-fixtures';

const CODES = resolve(import.meta.dirname, '../../fixtures/codes');
let store: LibraryStore;
let engine: SearchEngine;
let cleanup: () => void;
beforeAll(async () => {
  const lib = await fixtureLibrary([CODES]);
  ({ store, cleanup } = lib);
  engine = await SearchEngine.open(store, { persist: false });
});
afterAll(() => {
  engine?.close();
  cleanup?.();
});

describe('codes stored as parts in search', () => {
  it('民法典 makes one title hit for the whole code, at 总则, counted once in every facet', () => {
    const r = engine.search({ q: '民法典', limit: 50 });
    const titles = r.hits.filter((h) => h.kind === 'law');
    expect(titles).toHaveLength(1);
    expect(titles[0]!.title).toBe('中华人民共和国民法典');
    expect(titles[0]!.subtitle).toBeUndefined();
    expect(titles[0]!.snippet).toBe('中华人民共和国民法典');
    expect(store.law(titles[0]!.lawId)!.subtitle).toBe('总则');
    // One law (not four), plus any article that says 民法典.
    const articles = truth(store, ['民法典']).size;
    expect(r.total).toBe(1 + articles);
    expect(r.facets.level).toEqual({ 法律: 1 + articles });
    expect(r.facets.category).toEqual({ 民法典: 1 + articles });
  });

  it('a query naming one part finds that part, named with its part', () => {
    const r = engine.search({ q: '民法典 继承编', limit: 50 });
    const titles = r.hits.filter((h) => h.kind === 'law');
    expect(titles.map((h) => h.subtitle)).toEqual(['继承编']);
    expect(titles[0]!.snippet).toBe('中华人民共和国民法典 继承编');
  });

  it('a law that is not a code keeps its own title hit', () => {
    const r = engine.search({ q: '行政许可法', limit: 50 });
    expect(r.hits.filter((h) => h.kind === 'law').map((h) => h.title)).toEqual(['中华人民共和国行政许可法']);
  });
});
