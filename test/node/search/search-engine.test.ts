import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../electron/core/search/query-parser';
import { truth, useFixtureEngine } from './search-fixtures';

const fx = useFixtureEngine();

const ids = (hits: { versionId: string; articleKey: string }[]) => new Set(hits.map((h) => `${h.versionId}#${h.articleKey}`));

describe('exactness against indexOf truth', () => {
  const queries: [string, string[], string[]][] = [
    ['许可', ['许可'], []],
    ['法', ['法'], []],
    ['行政许可', ['行政许可'], []],
    ['合法性审查', ['合法性审查'], []],
    ['科技成果转化', ['科技成果转化'], []],
    ['第十二条', ['第十二条'], []],
    ['三十日', ['三十日'], []],
    ['应当依照法定的权限、范围、条件和程序', ['应当依照法定的权限、范围、条件和程序'], []],
    ['许可 听证', ['许可', '听证'], []],
    ['行政 处罚 程序', ['行政', '处罚', '程序'], []],
    ['许可 -行政许可', ['许可'], ['行政许可']],
    ['统计 -罚款 -统计机构', ['统计'], ['罚款', '统计机构']],
    ['"人民政府"', ['人民政府'], []],
    ['营商环境', ['营商环境'], []],
    ['之日起', ['之日起'], []],
  ];
  for (const [q, terms, excludes] of queries) {
    it(`${q}: recall = precision = 1`, () => {
      const want = truth(fx.store, terms, excludes);
      const got = ids(fx.engine.matchAll({ q }));
      expect(got).toEqual(want);
      const r = fx.engine.search({ q, limit: 5 });
      const lawHits = r.hits.filter((h) => h.kind === 'law').length;
      expect(r.total).toBeGreaterThanOrEqual(want.size);
      expect(r.total - want.size).toBeLessThanOrEqual(fx.store.laws().length); // the rest are title hits
      for (const h of r.hits.filter((x) => x.kind !== 'law')) {
        for (const t of terms) expect(h.snippet.includes(t) || h.snippet.includes('…')).toBe(true);
      }
      expect(lawHits).toBeLessThanOrEqual(5);
    });
  }

  it('finds nothing for a string absent from every article', () => {
    expect(fx.engine.search({ q: '量子计算机' }).total).toBe(0);
  });
});

describe('query forms', () => {
  it('parses AND, phrase, exclude and punctuation', () => {
    expect(parseQuery('许可 "重大 决策" -听证 《统计法》')).toEqual({
      terms: [
        { text: '许可', phrase: false },
        { text: '重大 决策', phrase: true },
        { text: '统计法', phrase: false },
      ],
      excludes: [{ text: '听证', phrase: false }],
    });
    expect(parseQuery('权限、范围').terms[0]).toEqual({ text: '权限、范围', phrase: false, parts: ['权限', '范围'] });
  });

  it('matches a 1-character query', () => {
    const r = fx.engine.search({ q: '罚' });
    expect(r.total).toBeGreaterThan(10);
    expect(r.hits[0]!.highlights.length).toBeGreaterThan(0);
  });

  it('keeps inner punctuation exact, and falls back to the pieces when the whole finds nothing', () => {
    const exact = fx.engine.search({ q: '权限、范围、条件' });
    expect(exact.total).toBeGreaterThan(0);
    for (const h of exact.hits) expect(h.snippet).toContain('权限、范围、条件');
    const pieces = fx.engine.search({ q: '行政许可，听证' }); // no article has "行政许可，听证"
    expect(pieces.total).toBe(truth(fx.store, ['行政许可', '听证']).size);
  });

  it('highlights every term in the snippet', () => {
    const r = fx.engine.search({ q: '许可 听证' });
    const h = r.hits.find((x) => x.kind !== 'law')!;
    const marked = h.highlights.map(([a, b]) => h.snippet.slice(a, b)).join('|');
    expect(marked).toContain('许可');
    expect(marked).toContain('听证');
  });

  it('pages without overlap', () => {
    const a = fx.engine.search({ q: '许可', limit: 10, offset: 0 });
    const b = fx.engine.search({ q: '许可', limit: 10, offset: 10 });
    const key = (h: { versionId: string; articleKey: string; kind?: string }) => `${h.kind}${h.versionId}#${h.articleKey}`;
    expect(a.hits).toHaveLength(10);
    expect(b.hits).toHaveLength(10);
    const seen = new Set(a.hits.map(key));
    for (const h of b.hits) expect(seen.has(key(h))).toBe(false);
    expect(b.total).toBe(a.total);
  });
});

describe('filters and facets', () => {
  it('counts facets over all hits and filters by level, region and status', () => {
    const all = fx.engine.search({ q: '营商环境' });
    expect(all.facets.level['行政法规']).toBeGreaterThan(0);
    expect(all.facets.level['地方性法规']).toBeGreaterThan(0);
    expect(all.facets.region['上海']).toBeGreaterThan(0);
    const sum = Object.values(all.facets.level).reduce((a, b) => a + b, 0);
    expect(sum).toBe(all.total);
    const local = fx.engine.search({ q: '营商环境', levels: ['地方性法规'] });
    expect(local.total).toBe(all.facets.level['地方性法规']);
    for (const h of local.hits) expect(h.level).toBe('地方性法规');
    // A facet ignores its own filter, so the sidebar still shows the other levels.
    expect(local.facets.level['行政法规']).toBe(all.facets.level['行政法规']);
    const sh = fx.engine.search({ q: '营商环境', regions: ['上海'] });
    for (const h of sh.hits) expect(h.region).toBe('上海');
    const sd = fx.engine.search({ q: '营商环境', regions: ['山东'] });
    expect(sd.total).toBeGreaterThan(0);
    for (const h of sd.hits) expect(h.region.startsWith('山东')).toBe(true);
  });

  it('filters by law, version, status and dates', () => {
    const law = fx.store.laws().find((l) => l.shortTitle === '统计法')!;
    expect(law.versionIds).toHaveLength(2);
    const r = fx.engine.search({ q: '统计', lawId: law.id, limit: 1000 });
    for (const h of r.hits) expect(h.lawId).toBe(law.id);
    const inForce = fx.engine.search({ q: '统计', lawId: law.id, inForceOnly: true, limit: 1000 });
    expect(inForce.total).toBeLessThan(r.total);
    for (const h of inForce.hits) expect(h.status).toBe('现行有效');
    // 只看现行有效 is not a 时效性 choice: the 时效性 facet then counts only what is shown.
    expect(Object.keys(inForce.facets.status)).toEqual(['现行有效']);
    expect(Object.keys(r.facets.status).sort()).toEqual(['已修改', '现行有效'].sort());
    const old = fx.engine.search({ q: '统计', statuses: ['已修改'], limit: 1000 });
    for (const h of old.hits) expect(h.status).toBe('已修改');
    const v = law.versionIds[0]!;
    const one = fx.engine.search({ q: '统计', versionId: v, limit: 1000 });
    expect(one.total).toBeGreaterThan(0);
    for (const h of one.hits) expect(h.versionId).toBe(v);
    const dated = fx.engine.search({ q: '统计', publishedFrom: '2020-01-01', limit: 1000 });
    for (const h of dated.hits) expect(h.versionDate >= '2020-01-01').toBe(true);
  });

  it('filters and counts by 分类 (category), disjunctively like the other facets', () => {
    const categoryOf = new Map(fx.store.versions().map((v) => [v.id, v.category ?? '未分类']));
    const all = fx.engine.search({ q: '应当', limit: 1000 });
    // the counts are the hits per category, and add up to the total
    const want: Record<string, number> = {};
    for (const h of fx.engine.matchAll({ q: '应当' })) want[categoryOf.get(h.versionId)!] = (want[categoryOf.get(h.versionId)!] ?? 0) + 1;
    const titleHits = all.hits.filter((h) => h.kind === 'law');
    for (const h of titleHits) want[categoryOf.get(h.versionId)!]! += 1;
    expect(all.facets.category).toEqual(want);
    expect(Object.keys(want).sort()).toEqual(['上海', '山东', '经济法', '行政法', '行政法规'].sort());
    const admin = fx.engine.search({ q: '应当', categories: ['行政法'], limit: 1000 });
    expect(admin.total).toBe(want['行政法']);
    expect(new Set(admin.hits.map((h) => categoryOf.get(h.versionId)))).toEqual(new Set(['行政法']));
    // choosing a category keeps the category facet (its own filter ignored) and narrows the others
    expect(admin.facets.category).toEqual(all.facets.category);
    expect(admin.facets.level).toEqual({ 法律: want['行政法'] });
    const two = fx.engine.search({ q: '应当', categories: ['行政法', '经济法'], levels: ['法律'], limit: 0 });
    expect(two.total).toBe(want['行政法']! + want['经济法']!);
    expect(fx.engine.search({ q: '应当', categories: ['不存在的分类'] }).total).toBe(0);
  });

  it('restricts to a set of laws (收藏), and an empty set finds nothing', () => {
    const picked = fx.store.laws().filter((l) => l.shortTitle === '统计法' || l.shortTitle === '行政许可法');
    expect(picked).toHaveLength(2);
    const r = fx.engine.search({ q: '应当', lawIds: picked.map((l) => l.id), limit: 1000 });
    expect(r.total).toBe(r.hits.length);
    expect(new Set(r.hits.map((h) => h.lawId))).toEqual(new Set(picked.map((l) => l.id)));
    const truthCount = fx.engine.matchAll({ q: '应当' }).filter((h) => picked.some((l) => l.versionIds.includes(h.versionId))).length;
    expect(r.hits.filter((h) => h.kind !== 'law').length).toBe(truthCount);
    expect(fx.engine.search({ q: '应当', lawIds: [] }).total).toBe(0);
  });
});

describe('ranking', () => {
  it('puts the national 优化营商环境条例 before 上海市优化营商环境条例', () => {
    const r = fx.engine.search({ q: '优化营商环境条例' });
    const titles = r.hits.map((h) => h.title);
    expect(titles[0]).toBe('优化营商环境条例');
    expect(r.hits[0]!.titleMatch).toBe(true);
    expect(titles.indexOf('上海市优化营商环境条例')).toBeGreaterThan(0);
  });

  it('ranks the in-force version of an article before the superseded one', () => {
    const r = fx.engine.search({ q: '统计调查项目', limit: 200 });
    const law = fx.store.laws().find((l) => l.shortTitle === '统计法')!;
    const hits = r.hits.filter((h) => h.lawId === law.id && h.kind !== 'law');
    const firstOld = hits.findIndex((h) => h.status !== '现行有效');
    const lastNew = hits.map((h) => h.status).lastIndexOf('现行有效');
    expect(firstOld).toBeGreaterThan(-1);
    // Same article text in both versions: the in-force copy scores higher.
    const byText = new Map<string, string[]>();
    for (const h of hits) byText.set(h.snippet, [...(byText.get(h.snippet) ?? []), h.status]);
    for (const statuses of byText.values()) if (statuses.length > 1) expect(statuses[0]).toBe('现行有效');
    expect(lastNew).toBeGreaterThan(-1);
  });
});

describe('citation jump', () => {
  for (const q of ['行政许可法第十二条', '行政许可法 12', '《行政许可法》第十二条', '中华人民共和国行政许可法第十二条']) {
    it(q, () => {
      const r = fx.engine.search({ q });
      expect(r.jump).toMatchObject({ articleKey: '12', articleLabel: '第十二条', title: '中华人民共和国行政许可法' });
    });
  }
  it('《统计法》第七条 opens the in-force version and offers the other', () => {
    const r = fx.engine.search({ q: '《统计法》第七条' });
    expect(r.jump?.articleLabel).toBe('第七条');
    expect(fx.store.version(r.jump!.versionId)!.status).toBe('现行有效');
    expect(r.jump!.otherVersions).toHaveLength(1);
    expect(r.jump!.otherVersions[0]!.status).toBe('已修改');
    expect(r.jump!.otherVersions[0]!.articleKey).toBe('7'); // the app opens it there
  });
  it('no jump for an ordinary query or a missing article', () => {
    expect(fx.engine.search({ q: '许可' }).jump).toBeUndefined();
    expect(fx.engine.search({ q: '统计法第九百条' }).jump).toBeUndefined();
  });
});

describe('did you mean', () => {
  it('合法审查 → 合法性审查', () => {
    const r = fx.engine.search({ q: '合法审查' });
    expect(r.total).toBe(0);
    expect(r.didYouMean?.[0]).toBe('合法性审查');
  });
  it('重大行政决册 → 重大行政决策', () => {
    const r = fx.engine.search({ q: '重大行政决册' });
    expect(r.didYouMean?.[0]).toBe('重大行政决策');
    expect(fx.engine.search({ q: r.didYouMean![0]! }).total).toBeGreaterThan(0);
  });
  it('no suggestion is a piece of a better one (重大行政决 after 重大行政决策)', () => {
    for (const q of ['重大行政决册', '合法审查', '行政许可法定']) {
      const dym = fx.engine.search({ q }).didYouMean ?? [];
      dym.forEach((s, i) => dym.forEach((t, j) => i !== j && expect(t.includes(s) && j < i).toBe(false)));
    }
    expect(fx.engine.search({ q: '重大行政决册' }).didYouMean).not.toContain('重大行政决');
  });
  it('suggests dropping the term that empties an AND query', () => {
    const r = fx.engine.search({ q: '许可 量子计算机' });
    expect(r.didYouMean).toContain('许可');
  });
});

describe('bad input', () => {
  const bad = ['', '   ', 'x'.repeat(10_000), '许'.repeat(10_000), '，。！？、', '"', '*', 'NEAR', 'AND', "'", "'; DROP TABLE laws; --", '.*', '(a|b)+$', '[', '\\', '\u0000\u0001\u001b[31m', '-', '--', '""', '“', '许可 NEAR/3 听证', '${x}', '%_'];
  for (const q of bad) {
    it(`survives ${JSON.stringify(q.length > 20 ? q.slice(0, 20) + '…' : q)}`, () => {
      const r = fx.engine.search({ q });
      expect(Number.isInteger(r.total)).toBe(true);
      expect(Array.isArray(r.hits)).toBe(true);
      for (const h of r.hits) for (const [a, b] of h.highlights) expect(0 <= a && a < b && b <= h.snippet.length).toBe(true);
    });
  }
  it('treats syntax characters as text', () => {
    expect(fx.engine.search({ q: '"' }).total).toBe(0);
    expect(fx.engine.search({ q: '，。！' }).total).toBe(0);
    expect(fx.engine.search({ q: 'AND' }).total).toBe(truth(fx.store, ['AND']).size);
    expect(fx.engine.search({ q: '许可\u0000听证' }).total).toBe(fx.engine.search({ q: '许可 听证' }).total);
  });
  it('survives odd paging and option values', () => {
    expect(fx.engine.search({ q: '许可', limit: -5, offset: -1 }).hits).toHaveLength(0);
    expect(fx.engine.search({ q: '许可', limit: 1e9 }).hits.length).toBeLessThanOrEqual(1000);
    expect(fx.engine.search({ q: '许可', offset: 1e9 }).hits).toHaveLength(0);
    expect(fx.engine.search({ q: null as unknown as string }).total).toBe(0);
    expect(fx.engine.quickOpen('\u0000', 5)).toEqual([]);
    expect(fx.engine.quickOpen('x'.repeat(10_000), 5).length).toBeLessThanOrEqual(5);
  });
});

describe('per-query scratch is left clean (a query costs its hits, not the library)', () => {
  it('the same query gives the same answer before and after other queries and filters', () => {
    const ask = () => fx.engine.search({ q: '统计 调查', limit: 30 });
    const first = ask();
    fx.engine.search({ q: '许可', inForceOnly: true, limit: 50 });
    fx.engine.search({ q: '行政许可法', levels: ['法律'], limit: 5 });
    fx.engine.search({ q: '统计法', limit: 5 });
    fx.engine.search({ q: '人民政府 -统计', statuses: ['已修改'], limit: 100 });
    const again = ask();
    expect(again.total).toBe(first.total);
    expect(again.facets).toEqual(first.facets);
    expect(again.hits.map((h) => [h.versionId, h.articleKey, h.score])).toEqual(first.hits.map((h) => [h.versionId, h.articleKey, h.score]));
  });
  it('title matches come from the title index: every version whose title holds the terms, none other', () => {
    const r = fx.engine.search({ q: '统计法', limit: 100 });
    const titled = new Set(r.hits.filter((h) => h.kind === 'law' || h.titleMatch).map((h) => h.lawId));
    const want = new Set(fx.store.laws().filter((l) => l.versionIds.some((id) => { const m = fx.store.version(id)!; return (m.title + (m.subtitle ?? '')).includes('统计法'); })).map((l) => l.id));
    expect(titled).toEqual(want);
  });
  it('title matches skip the scan only when a pair of adjacent characters of a term is in no title', () => {
    // 法统 and 利的具体: pairs in no title; 统计 调查 and 行政 许可: terms in titles, pairs present.
    for (const q of ['统计 调查', '行政 许可', '统计法', '法统', '利的具体']) {
      const terms = q.split(' ');
      const r = fx.engine.search({ q, limit: 200 });
      const titled = new Set(r.hits.filter((h) => h.kind === 'law' || h.titleMatch).map((h) => h.lawId));
      const want = new Set(fx.store.laws().filter((l) => l.versionIds.some((id) => { const m = fx.store.version(id)!; return terms.every((t) => (m.title + (m.subtitle ?? '')).includes(t)); })).map((l) => l.id));
      expect(titled, q).toEqual(want);
    }
  });
});
