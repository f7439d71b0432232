// The 地区 facet's tree (core/library/region-facet.ts): every division of the gazetteer (国家统计局 codes,
// china-divisions.ts) read from its full name to the level the facet files it under — 自治州, 盟, 地区 and
// 市 as 市; 区, 县, 县级市, 旗, 自治县, 新区 as 县, a 直辖市's district right under it — the counts of a place
// holding its places', the office's place first, and laws:list / search:query answering with the tree.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppService } from '../../../electron/core/api/app-service';
import { CHINA_DIVISIONS } from '../../../electron/core/library/china-divisions';
import { regionFacetTree, regionLevel } from '../../../electron/core/library/region-facet';
import { divisionAtStart, regionOf } from '../../../electron/core/library/region-gazetteer';
import { openTestApp } from '../test-app';

const ROOT = join(import.meta.dirname, '../../..');
const levelOfText = (text: string) => {
  const d = divisionAtStart(text);
  return d ? regionLevel(regionOf(d)) : '其他';
};

describe('a region’s level in the 地区 facet', () => {
  it('every division of the gazetteer, read from its full name, is at its level', () => {
    const wrong: string[] = [];
    let names = 0;
    for (const [province, cities] of CHINA_DIVISIONS) {
      const at = (text: string, want: string) => {
        names++;
        if (levelOfText(text) !== want) wrong.push(`${text}: ${levelOfText(text)}, not ${want}`);
      };
      at(province, '省');
      for (const line of cities) {
        const [city = '', ...counties] = line.split(' ');
        if (city) at(province + city, '市');
        for (const county of counties) if (county !== city) at(province + city + county, '县');
      }
    }
    expect(wrong).toEqual([]);
    expect(names).toBeGreaterThan(3000);
  });

  it('reads 自治州, 盟, 地区, 新区 and a 直辖市’s 区 and 县 as written in titles', () => {
    expect(levelOfText('湖北省恩施土家族苗族自治州')).toBe('市');
    expect(levelOfText('恩施州')).toBe('市');
    expect(levelOfText('锡林郭勒盟')).toBe('市');
    expect(levelOfText('新疆维吾尔自治区阿克苏地区')).toBe('市');
    expect(levelOfText('上海市浦东新区')).toBe('县');
    expect(levelOfText('天津市滨海新区')).toBe('县');
    expect(levelOfText('重庆市彭水苗族土家族自治县')).toBe('县');
    expect(levelOfText('北京市海淀区')).toBe('县');
    expect(levelOfText('北京市')).toBe('省');
    expect(regionLevel('全国')).toBe('全国');
    // no division: a 高新区, a county out of its city, a university
    expect(regionLevel('山东·淄博高新区')).toBe('其他');
    expect(regionLevel('山东·高青县')).toBe('其他');
    expect(regionLevel('山东大学')).toBe('其他');
  });
});

describe('the tree', () => {
  const counts = { 全国: 12, 山东: 4, '山东·淄博': 2, '山东·淄博·高青县': 1, '山东·临沂·沂水县': 1, '北京·海淀区': 2, 广东: 3, 山东大学: 1, '山东·淄博高新区': 1 };
  const line = (t: ReturnType<typeof regionFacetTree>) => t.map((n) => `${'  '.repeat(n.depth)}${n.name}:${n.level}:${n.count}/${n.own}`);

  it('a place counts its own laws and its places’, a place with none of its own is listed to be chosen', () => {
    const t = regionFacetTree(counts, '');
    const node = (r: string) => t.find((n) => n.region === r)!;
    expect([node('山东').count, node('山东').own]).toEqual([4 + 2 + 1 + 1 + 1, 4]);
    expect([node('山东·临沂').count, node('山东·临沂').own, node('山东·临沂').level]).toEqual([1, 0, '市']);
    expect([node('北京').count, node('北京').own, node('北京·海淀区').parent]).toEqual([2, 0, '北京']);
    expect(node('山东·淄博高新区')).toMatchObject({ parent: '山东', level: '其他', name: '淄博高新区' });
    expect(node('山东大学')).toMatchObject({ depth: 0, level: '其他' });
    // every law counted once at the top
    expect(t.filter((n) => n.depth === 0).reduce((a, n) => a + n.count, 0)).toBe(Object.values(counts).reduce((a, n) => a + n, 0));
    // no place known: 全国 first, then the provinces by pinyin, names no division reads last
    expect(t.filter((n) => n.depth === 0).map((n) => n.region)).toEqual(['全国', '北京', '广东', '山东', '山东大学']);
  });

  it('the office’s place comes first at every level, a parent before its places', () => {
    const t = regionFacetTree(counts, '山东·淄博·高青县');
    expect(line(t).slice(0, 4)).toEqual(['山东:省:9/4', '  淄博:市:3/2', '    高青县:县:1/1', '  临沂:市:1/0']);
    expect(t.filter((n) => n.office).map((n) => n.region)).toEqual(['山东', '山东·淄博', '山东·淄博·高青县']);
    expect(t.filter((n) => n.parent === '山东').map((n) => n.region)).toEqual(['山东·淄博', '山东·临沂', '山东·淄博高新区']);
    expect(t.find((n) => n.depth === 0 && !n.office)!.region).toBe('全国');
    for (const [i, n] of t.entries()) if (n.parent) expect(t.findIndex((p) => p.region === n.parent)).toBeLessThan(i);
  });

  it('a value chosen that no law has now stays listed at 0', () => {
    const t = regionFacetTree({ 全国: 1 }, '', ['山东·淄博']);
    expect(t.map((n) => `${n.region}:${n.count}`)).toEqual(['全国:1', '山东:0', '山东·淄博:0']);
  });
});

describe('laws:list and search:query answer with the tree', () => {
  let tmp: string;
  let svc: AppService;
  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'lawdesk-region-facet-'));
    svc = await openTestApp(tmp, { starterDir: join(ROOT, 'test/fixtures/app/laws'), search: true });
    await svc.searchReady();
  }, 60_000);
  afterAll(() => {
    svc.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('the office’s region typed out puts its place first; the counts are the facet’s', async () => {
    await svc.call('office:set', { unit: '', region: '山东省淄博市高青县' });
    const list = await svc.call('laws:list', {});
    const tree = list.facets.regionTree!;
    expect(tree[0]).toMatchObject({ region: '山东', level: '省', office: true });
    expect(tree.filter((n) => n.depth === 0).reduce((a, n) => a + n.count, 0)).toBe(list.total);
    for (const [region, n] of Object.entries(list.facets.region)) expect(tree.find((x) => x.region === region)?.own).toBe(n);
    await svc.call('office:set', { unit: '', region: '' });
    expect((await svc.call('laws:list', {})).facets.regionTree![0]!.region).toBe('全国');
    await svc.call('office:set', { unit: '', region: '山东省淄博市高青县' });
    const found = await svc.call('search:query', { q: '专利' });
    expect(Object.keys(found.facets.region)).toContain('山东·淄博');
    expect(found.facets.regionTree?.[0]).toMatchObject({ region: '山东', office: true });
  });
});
