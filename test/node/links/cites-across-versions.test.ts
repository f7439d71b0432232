// 被引用 across versions and the 引用: search form, on the real laws of test/fixtures/links/laws:
// 统计法实施条例 (2017) cites 统计法 2009; in 2024 统计法 was renumbered (2009 第十七条 is 2024
// 第十九条, and 2024 第十七条 is 2009 第十五条).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../../electron/core/library/open-library';
import { citesSearch, resolveCitesTarget, splitCitesQuery } from '../../../electron/core/links/cites-search';
import { linksFile, readLinkGraph } from '../../../electron/core/links/link-graph';
import { affectedLaws, linksIn } from '../../../electron/core/links/link-queries';
import { LINK_LAWS, ROOT, lawIdOf, useLinkLibrary } from './links-test-support';

const fixture = useLinkLibrary();
const graph = fixture.graph;
const tongji = () => lawIdOf(fixture.lib().store, '中华人民共和国统计法');
const versionOf = (year: string) => fixture.lib().store.law(tongji())!.versionIds.find((id) => id.includes(`@${year}`))!;

describe('被引用 follows the article mapping', () => {
  it('2024 第十九条 is cited by 实施条例 第十五条 (which names 2009 第十七条); 2024 第十七条 is not', () => {
    const at19 = linksIn(fixture.lib().store, graph(), tongji(), '19').map((r) => `${r.from.title} ${r.from.label} → ${r.to.label}@${r.to.versionId.slice(-10)}`);
    expect(at19).toEqual(['统计法实施条例 第十五条 → 第十七条@2009-06-27']);
    // before the mapping was followed, 2024 第十七条 listed 实施条例 第十五条 — another article
    expect(linksIn(fixture.lib().store, graph(), tongji(), '17').map((r) => r.from.label)).not.toContain('第十五条');
  });

  it('asked as a key of the 2009 version, the same citation is under 第十七条', () => {
    const rows = linksIn(fixture.lib().store, graph(), tongji(), '17', { versionId: versionOf('2009') });
    expect(rows.map((r) => `${r.from.title} ${r.from.label}`)).toEqual(['统计法实施条例 第十五条']);
  });

  it('受影响 over every law lists the same rows as 受影响 of 统计法 (the only law with two versions here)', () => {
    const all = affectedLaws(fixture.lib().store, graph(), undefined);
    const one = affectedLaws(fixture.lib().store, graph(), tongji());
    expect(one.length).toBeGreaterThan(0);
    expect(all.map((r) => `${r.from.versionId}#${r.from.articleKey}>${r.to.articleKey}`).sort()).toEqual(one.map((r) => `${r.from.versionId}#${r.from.articleKey}>${r.to.articleKey}`).sort());
    // red (deleted) before yellow within a region
    const colors = one.map((r) => r.flag.color);
    expect(colors.indexOf('yellow')).toBeGreaterThan(colors.lastIndexOf('red'));
  });
});

describe('the 引用: search form', () => {
  it('reads 引用:, 引用：, cites: and cites with a space; the article may follow the title after a space', () => {
    expect(splitCitesQuery('引用:行政许可法第十二条')).toEqual({ target: '行政许可法第十二条', rest: '' });
    expect(splitCitesQuery('引用：《统计法》第十九条 调查表 -拒绝')).toEqual({ target: '《统计法》第十九条', rest: '调查表 -拒绝' });
    expect(splitCitesQuery('cites 统计法 19 罚款')).toEqual({ target: '统计法 19', rest: '罚款' });
    expect(splitCitesQuery('CITES:统计法')).toEqual({ target: '统计法', rest: '' });
    expect(splitCitesQuery('引用')).toBeUndefined();
    expect(splitCitesQuery('引用了 统计法')).toBeUndefined();
    expect(splitCitesQuery('行政许可 引用:统计法')).toBeUndefined();
  });

  it('lists the articles citing an article, across versions, with the citation highlighted', () => {
    const r = citesSearch(fixture.lib().store, graph(), splitCitesQuery('引用:统计法第十九条')!, { q: '' });
    expect(r.cites).toMatchObject({ title: '统计法', articleKey: '19', articleLabel: '第十九条' });
    expect(r.hits.map((h) => `${h.title} ${h.articleLabel}`)).toEqual(['中华人民共和国统计法实施条例 第十五条']);
    const h = r.hits[0]!;
    expect(h.highlights.map(([a, b]) => h.snippet.slice(a, b)).join()).toMatch(/^第十七条/);
    expect(r.facets.level).toEqual({ 行政法规: 1 });
  });

  it('a whole law: every citing article of other laws; words and -words narrow it; filters and facets apply', () => {
    const all = citesSearch(fixture.lib().store, graph(), splitCitesQuery('引用:统计法')!, { q: '', limit: 200 });
    expect(all.total).toBeGreaterThanOrEqual(6);
    expect(new Set(all.hits.map((h) => h.title))).toEqual(new Set(['中华人民共和国统计法实施条例']));
    const narrowed = citesSearch(fixture.lib().store, graph(), splitCitesQuery('引用:统计法 情节严重')!, { q: '', limit: 200 });
    expect(narrowed.total).toBeGreaterThan(0);
    expect(narrowed.total).toBeLessThan(all.total);
    for (const hit of narrowed.hits) expect(fixture.lib().store.readUnits(hit.versionId).find((u) => u.key === hit.articleKey)!.text).toContain('情节严重');
    const without = citesSearch(fixture.lib().store, graph(), splitCitesQuery('引用:统计法 -情节严重')!, { q: '', limit: 200 });
    expect(without.total + narrowed.total).toBe(all.total);
    const laws = citesSearch(fixture.lib().store, graph(), splitCitesQuery('引用:统计法')!, { q: '', levels: ['法律'] });
    expect(laws.total).toBe(0);
    // the level facet still counts what choosing 行政法规 would give
    expect(laws.facets.level).toEqual({ 行政法规: all.total });
  });

  it('a target the library does not hold, or an article the law does not have, says so', () => {
    expect(resolveCitesTarget(fixture.lib().store, '执业医师法第十二条')).toEqual({ problem: expect.stringContaining('执业医师法') });
    expect(resolveCitesTarget(fixture.lib().store, '执业医师法')).toEqual({ problem: expect.stringContaining('执业医师法') });
    const r = citesSearch(fixture.lib().store, graph(), splitCitesQuery('引用:统计法第九十九条')!, { q: '' });
    expect(r.total).toBe(0);
    expect(r.cites?.problem).toMatch(/统计法.*没有第九十九条/);
  });
});

describe('the graph is built at import', () => {
  it('lawdesk import brings the link graph up to date with the imported laws', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lawdesk-links-import-'));
    try {
      const files = ['经济法/统计法(2009-06-27).md', '行政法规/统计法实施条例(2017-05-28).md'].map((f) => join(LINK_LAWS, f));
      const run = spawnSync(process.execPath, [join(ROOT, 'electron/cli/bin.mjs'), 'import', ...files, '--library', dir], { encoding: 'utf8' });
      expect(run.status).toBe(0);
      const { store } = await openLibrary({ dir, seed: false });
      const g = readLinkGraph(store);
      expect(g).toBeDefined();
      expect(linksFile(store)).toContain(dir);
      const tiaoli = store.laws().find((l) => l.title.endsWith('统计法实施条例'))!;
      expect(g!.entries[tiaoli.versionIds[0]!]!.edges.length).toBeGreaterThan(5);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the office region first', () => {
  it('regionRank: the office’s region and the regions it lies in, then 全国, then the rest', async () => {
    const { regionRank, regionWithin } = await import('../../../electron/shared/law-model');
    const office = '山东·淄博·高青县';
    expect(['山东', '山东·淄博', '山东·淄博·高青县', '全国', '北京', '山东·济南', ''].map((r) => regionRank(r, office))).toEqual([0, 0, 0, 1, 2, 2, 2]);
    expect(regionRank('山东', '')).toBe(2);
    expect([regionWithin('山东·淄博', '山东'), regionWithin('山东省', '山东'), regionWithin('全国', '山东')]).toEqual([true, false, false]);
  });
});
