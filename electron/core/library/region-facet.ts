// The 地区 facet's tree for the 法规库 and 搜索: the per-region counts (each value as stored) under
// 全国 / 省 / 市 / 县, read with the gazetteer, a node counting its places' laws too, and the office's
// place first at every level (then 全国, then by pinyin; names no division reads last). The faces draw
// it as it comes (electron/shared/region-facet.ts).

import type { Facets } from '../../shared/search-types';
import type { RegionLevel, RegionNode } from '../../shared/region-facet';
import { knownRegion } from './region-gazetteer';

/** The level of a region in the library's notation (山东·淄博 → 市, 北京·海淀区 → 县, 未知 → 其他). */
export function regionLevel(region: string): RegionLevel {
  if (region === '全国') return '全国';
  const d = knownRegion(region);
  if (!d) return '其他';
  return d.county ? '县' : d.city ? '市' : '省';
}

/** The place a region lies in, as a region (山东·淄博·高青县 → 山东·淄博, 北京·海淀区 → 北京); undefined at the top. */
function parentOf(region: string): string | undefined {
  const i = region.lastIndexOf('·');
  return i > 0 ? region.slice(0, i) : undefined;
}

/**
 * The tree of the facet's counts (`counts`: laws per stored region, as the facet counts them). A place with no
 * law of its own but laws in its places is a node too (山东 above 山东·淄博·高青县), so a 市 can be chosen
 * with its 县. `officeRegion` is officeRegionIn's (山东·淄博·高青县; '' when unknown).
 */
export function regionFacetTree(counts: Readonly<Record<string, number>>, officeRegion: string, selected: readonly string[] = []): RegionNode[] {
  const own = new Map<string, number>();
  const total = new Map<string, number>();
  const children = new Map<string | undefined, Set<string>>();
  const link = (parent: string | undefined, child: string) => {
    let set = children.get(parent);
    if (!set) children.set(parent, (set = new Set()));
    set.add(child);
  };
  const add = (region: string, n: number) => {
    own.set(region, (own.get(region) ?? 0) + n);
    // the places it lies in, while they are divisions: 山东·淄博·高青县 → 山东·淄博 → 山东; 山东·淄博高新区 under 山东;
    // a name no division reads at the top stays whole (山东大学 is no part of 山东)
    const chain = [region];
    for (let p = parentOf(region); p !== undefined && regionLevel(p) !== '其他'; p = parentOf(p)) chain.push(p);
    chain.forEach((r, i) => {
      total.set(r, (total.get(r) ?? 0) + n);
      link(chain[i + 1], r);
    });
  };
  for (const [region, n] of Object.entries(counts)) if (n > 0 && region.trim()) add(region, n);
  // a value chosen that no law has now stays listed (at 0), so it can be unticked
  for (const region of selected) if (region.trim() && !total.has(region)) add(region, 0);

  const inOffice = (r: string) => !!officeRegion && (officeRegion === r || officeRegion.startsWith(r + '·'));
  const rank = (r: string) => (inOffice(r) ? 0 : r === '全国' ? 1 : regionLevel(r) === '其他' ? 3 : 2);
  const out: RegionNode[] = [];
  const walk = (parent: string | undefined, depth: number) => {
    const kids = [...(children.get(parent) ?? [])].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b, 'zh-CN'));
    for (const r of kids) {
      const level = regionLevel(r);
      const inside = children.get(r);
      out.push({
        region: r,
        name: parent ? r.slice(parent.length + 1) : r,
        level,
        depth,
        ...(parent ? { parent } : {}),
        count: total.get(r) ?? 0,
        own: own.get(r) ?? 0,
        hasChildren: !!inside?.size,
        ...(inOffice(r) ? { office: true } : {}),
      });
      walk(r, depth + 1);
    }
  };
  walk(undefined, 0);
  return out;
}

/** Facets as the 法规库 and 搜索 answer them: the 地区 counts with their tree (the office's place first). */
export function withRegionTree<F extends Facets>(facets: F, officeRegion: string, selected: readonly string[] = []): F {
  return { ...facets, regionTree: regionFacetTree(facets.region, officeRegion, selected) };
}
