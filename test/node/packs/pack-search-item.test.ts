// A search saved in a briefing pack keeps the search page's filters: the pack lists the same
// articles the page showed, and says which filters made them.

import { describe, expect, it } from 'vitest';
import { articleTexts } from '../../../electron/core/packs/pack-document';
import { normalisePack, PackError } from '../../../electron/core/packs/pack-model';
import { resolvePack } from '../../../electron/core/packs/pack-resolve';
import { useFixtureEngine } from '../search/search-fixtures';

const fx = useFixtureEngine();

const packWith = (item: Record<string, unknown>) => normalisePack({ title: '检索结果', template: '通用', items: [{ type: 'search', ...item }] }, new Date('2025-03-01T00:00:00Z'));

describe('a search item in a pack', () => {
  it('lists the articles the filtered search finds, in its order, and names the filters', async () => {
    const filtered = fx.engine.search({ q: '应当', categories: ['经济法'], levels: ['法律'], limit: 30 });
    const articleHits = filtered.hits.filter((h) => h.kind !== 'law');
    expect(filtered.total).toBeGreaterThan(0);
    expect(new Set(articleHits.map((h) => h.title))).toEqual(new Set(['中华人民共和国统计法']));

    const doc = await resolvePack(fx.store, packWith({ query: '应当', limit: 30, categories: ['经济法'], levels: ['法律'] }), { search: fx.engine });
    const articles = articleTexts(doc);
    expect(articles.map((a) => a.label)).toEqual(articleHits.map((h) => h.articleLabel));
    for (const a of articles) expect(a.text).toContain('应当');
    const intro = doc.sections[0]!.blocks[0]!;
    expect(intro).toMatchObject({ kind: 'paragraph' });
    expect((intro as { text: string }).text).toContain('筛选：效力级别 法律；分类 经济法。');

    // without the filters the same query reaches other laws
    const all = articleTexts(await resolvePack(fx.store, packWith({ query: '应当', limit: 30 }), { search: fx.engine }));
    expect(all.length).toBe(30);
    expect(all.map((a) => a.label)).not.toEqual(articles.map((a) => a.label));
  });

  it('keeps the as-of date: only the version in force that day', async () => {
    const doc = await resolvePack(fx.store, packWith({ query: '统计调查对象', limit: 50, asOf: '2020-01-01' }), { search: fx.engine });
    const want = fx.engine.search({ q: '统计调查对象', asOf: '2020-01-01', limit: 50 }).hits.filter((h) => h.kind !== 'law');
    expect(new Set(want.map((h) => h.versionDate))).toEqual(new Set(['2009-06-27']));
    expect(articleTexts(doc).length).toBe(want.length);
  });

  it('names laws whose title holds the query instead of listing an empty article for them', async () => {
    const doc = await resolvePack(fx.store, packWith({ query: '统计法', limit: 5 }), { search: fx.engine });
    expect(doc.warnings).toEqual([]);
    const texts = doc.sections[0]!.blocks.filter((b) => b.kind === 'paragraph').map((b) => (b as { text: string }).text);
    expect(texts).toContain('标题含检索词的法规：《中华人民共和国统计法》。');
    const want = fx.engine.search({ q: '统计法', limit: 50 }).hits.filter((h) => h.kind !== 'law');
    expect(articleTexts(doc).map((a) => a.label)).toEqual(want.slice(0, 5).map((h) => h.articleLabel));
  });

  it('refuses malformed filters with a clear error', () => {
    expect(() => packWith({ query: '应当', levels: ['不存在的级别'] })).toThrow(PackError);
    expect(() => packWith({ query: '应当', asOf: '2020/01/01' })).toThrow(/YYYY-MM-DD/);
  });
});
