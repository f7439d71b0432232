// The 地区 facet as a tree (全国 / 省 / 市 / 县), one shape for the 法规库 and 搜索: built in core
// (core/library/region-facet.ts, which knows the divisions), drawn by the renderer as it comes.
// Flat, in display order (a parent before its places): a node's `region` is the value the 地区
// filter takes, and the filter holds every place inside it (山东·淄博 lists 山东·淄博·高青县 too).

import { z } from 'zod';

/** 全国; 省 (a province, 直辖市 or 自治区); 市 (地级: 市, 自治州, 地区, 盟); 县 (县级: 县, 区, 县级市, 旗, 自治县, 新区); 其他: a name no division reads. */
export const REGION_LEVELS = ['全国', '省', '市', '县', '其他'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/** How a level is said beside a node (screen readers, the tooltip). */
export const REGION_LEVEL_LABELS: Record<RegionLevel, string> = { 全国: '全国', 省: '省级', 市: '市级', 县: '县级', 其他: '未识别的地区' };

export const regionNodeSchema = z.object({
  /** The filter's value, in the library's notation: 山东·淄博. */
  region: z.string(),
  /** What the facet prints: the finest part (淄博). */
  name: z.string(),
  level: z.enum(REGION_LEVELS),
  /** 0 for 全国, a province or a name no division reads; one more per level below. */
  depth: z.number().int().nonnegative(),
  /** The node this one lies in (absent at the top). */
  parent: z.string().optional(),
  /** Laws of this place and of every place inside it (the facet's other filters applied). */
  count: z.number().int().nonnegative(),
  /** Laws of exactly this place. */
  own: z.number().int().nonnegative(),
  /** Places inside it are listed after it. */
  hasChildren: z.boolean(),
  /** The office (设置 → 单位信息) lies here: its branch is listed first at every level. */
  office: z.boolean().optional(),
});
export type RegionNode = z.infer<typeof regionNodeSchema>;
