// Where a document comes from, read off the start of its title or issuer with the administrative
// divisions of China (china-divisions.ts, generated): 山东省淄博市高青县…, 淄博市…, 高青县科学技术局,
// 恩施州…, 北京市海淀区… → the region in the library's notation, province first and short
// (山东·淄博·高青县, 北京·海淀区, 湖北·恩施州·恩施市). A county name several counties share (城关区,
// 鼓楼区, 市中区) needs the higher level in the text or the office's own region to decide; failing
// both it gives only what all of them share. Only names of real divisions are read: 开发区, 高新区 and
// other statistical units are no division, so "淄博高新区" is 山东·淄博 and "高新区" nothing.

import { CHINA_DIVISIONS } from './china-divisions';

export interface Division {
  /** Short province name: 山东, 内蒙古, 北京. */
  province: string;
  /** Short prefecture-level name: 淄博, 恩施州, 锡林郭勒盟; absent for a 直辖市's and a province's own counties. */
  city?: string;
  /** Full county-level name: 高青县, 海淀区, 彭水苗族土家族自治县. */
  county?: string;
}

/** Province short names, the notation LawDesk has always used (the regions of stored laws). */
export const PROVINCES = [
  '北京', '天津', '上海', '重庆', '河北', '山西', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建',
  '江西', '山东', '河南', '湖北', '湖南', '广东', '海南', '四川', '贵州', '云南', '陕西', '甘肃', '青海',
  '内蒙古', '广西', '西藏', '宁夏', '新疆', '台湾', '香港', '澳门',
];

/** The 56 peoples' names as they stand in the names of autonomous prefectures, counties and banners. */
const PEOPLES = [
  '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜', '满', '侗', '瑶', '白', '土家', '哈尼', '哈萨克',
  '傣', '黎', '傈僳', '佤', '畲', '高山', '拉祜', '水', '东乡', '纳西', '景颇', '柯尔克孜', '土', '达斡尔', '仫佬', '羌',
  '布朗', '撒拉', '毛南', '仡佬', '锡伯', '阿昌', '普米', '塔吉克', '怒', '乌孜别克', '俄罗斯', '鄂温克', '德昂', '保安',
  '裕固', '京', '塔塔尔', '独龙', '鄂伦春', '赫哲', '门巴', '珞巴', '基诺', '汉', '各',
];
const AUTONOMOUS = new RegExp(`^(.+?)(?:(?:${PEOPLES.join('|')})族)+自治(州|县|旗)$`);

/**
 * Prefecture-level cities whose bare name (without 市) is also a common word or another place's
 * name: read only as 中山市, 大同市 … (黑河 is also the river of 黑河流域管理, 吉林 the province).
 */
const NO_BARE_CITY = new Set(['中山', '大同', '白银', '长治', '黑河', '安康', '吉林', '海南', '海东', '海西', '海北']);
/** County-level names that are also plain words (阳泉's 城区, 攀枝花's 东区): read only after their city. */
const CONTEXT_ONLY = new Set(['城区', '郊区', '矿区', '东区', '西区']);

interface Entry { division: Division; level: 1 | 2 | 3; contextOnly: boolean }

let index: Map<string, Entry[]> | undefined;
let longest = 0;
/** Every division by its region in the library's notation (山东·淄博·高青县, 北京·海淀区, 湖北·恩施州). */
const byRegion = new Map<string, Entry>();

function provinceShort(full: string): string {
  return PROVINCES.find((p) => full.startsWith(p)) ?? full;
}

/** 淄博市 → 淄博, 阿克苏地区 → 阿克苏, 恩施土家族苗族自治州 → 恩施州, 锡林郭勒盟 stays. */
function cityShort(full: string): string {
  const auto = AUTONOMOUS.exec(full);
  if (auto && auto[2] === '州') return auto[1] + '州';
  return full.replace(/(市|地区)$/, '') || full;
}

function build(): Map<string, Entry[]> {
  const map = new Map<string, Entry[]>();
  const add = (alias: string, e: Entry) => {
    if (alias.length < 2) return;
    const list = map.get(alias) ?? [];
    if (!list.some((x) => x.division === e.division)) list.push(e);
    map.set(alias, list);
    if (!byRegion.has(regionOf(e.division))) byRegion.set(regionOf(e.division), e);
    longest = Math.max(longest, alias.length);
  };
  const extra: [string, string[]][] = [['台湾省', []], ['香港特别行政区', []], ['澳门特别行政区', []]];
  for (const [provinceFull, cities] of [...CHINA_DIVISIONS, ...extra]) {
    const province = provinceShort(provinceFull);
    const p: Entry = { division: { province }, level: 1, contextOnly: false };
    add(provinceFull, p);
    add(province, p);
    for (const line of cities) {
      const [cityFull = '', ...counties] = line.split(' ');
      let parent = p;
      if (cityFull) {
        const city = cityShort(cityFull);
        parent = { division: { province, city }, level: 2, contextOnly: false };
        add(cityFull, parent);
        const auto = AUTONOMOUS.exec(cityFull);
        if (auto) {
          add(city, parent); // 恩施州
          add(auto[1] + '自治州', parent);
        } else if (city !== cityFull && !NO_BARE_CITY.has(city) && !PROVINCES.includes(city)) {
          add(city, parent); // 淄博
        }
      }
      for (const county of counties) {
        if (county === cityFull) continue; // 儋州市 listed under itself
        const e: Entry = { division: { ...parent.division, county }, level: 3, contextOnly: CONTEXT_ONLY.has(county) };
        add(county, e);
        const auto = AUTONOMOUS.exec(county);
        if (auto) {
          // 彭水苗族土家族自治县 is also 彭水县 and 彭水自治县
          add(auto[1]! + auto[2]!, e);
          add(auto[1] + '自治' + auto[2], e);
        }
      }
    }
  }
  return map;
}

export function regionOf(d: Division): string {
  return [d.province, d.city, d.county].filter(Boolean).join('·');
}

/**
 * The division a region in the library's notation names, when it is one (山东·淄博·高青县, 北京·海淀区,
 * 湖北·恩施州·恩施市, 内蒙古·锡林郭勒盟, 新疆·阿克苏, 湖北·仙桃市); undefined for a name no division has
 * (山东·淄博高新区, 未知) or parts not in their place (山东·高青县 without its city).
 */
export function knownRegion(region: string): Division | undefined {
  index ??= build();
  return byRegion.get(region)?.division;
}

/** 山东·淄博·高青县 → its parts; 北京·海淀区 → a 直辖市's district (no city). */
export function divisionOf(region: string): Division | undefined {
  const parts = region.split('·').map((s) => s.trim()).filter(Boolean);
  const [province, a, b] = parts;
  if (!province || !PROVINCES.includes(province)) return undefined;
  if (b) return { province, city: a!, county: b };
  if (!a) return { province };
  // the second part is a county when the gazetteer knows it as one directly under the province
  const asCounty = (index ??= build()).get(a)?.some((e) => e.level === 3 && e.division.province === province && !e.division.city);
  return asCounty ? { province, county: a } : { province, city: a };
}

const inside = (d: Division, ctx: Division | undefined): boolean =>
  !ctx || (d.province === ctx.province && (!ctx.city || d.city === ctx.city) && (!ctx.county || d.county === ctx.county));

/** What all the divisions share (province, then city), or undefined when they share no province. */
function common(ds: Division[]): Division | undefined {
  const [first, ...rest] = ds;
  if (!first || rest.some((d) => d.province !== first.province)) return undefined;
  const city = first.city && rest.every((d) => d.city === first.city) ? first.city : undefined;
  return { province: first.province, ...(city ? { city } : {}) };
}

/**
 * The division named at the start of `text` (after 中共/中国共产党), as deep as the text goes:
 * province, then a city inside it, then a county inside that. `office` decides between counties
 * of one name when the text names no higher level: the one in the office's city, else its province.
 */
export function divisionAtStart(text: string, office?: Division): Division | undefined {
  const map = (index ??= build());
  let t = text.replace(/^[\s\u3000]+/, '').replace(/^(中共|中国共产党)/, '');
  let found: Division | undefined;
  let depth = 0;
  while (depth < 3 && t) {
    let hit: Entry[] = [];
    let len = 0;
    for (let n = Math.min(longest, t.length); n >= 2 && !hit.length; n--) {
      const list = map.get(t.slice(0, n));
      if (!list) continue;
      hit = list.filter((e) => e.level > depth && inside(e.division, found) && (!e.contextOnly || !!found?.city || (!!found && e.division.city === undefined)));
      len = n;
    }
    if (!hit.length) break;
    let chosen: Division | undefined;
    if (hit.length === 1) chosen = hit[0]!.division;
    else if (office) {
      const near = hit.filter((e) => office.city && e.division.province === office.province && e.division.city === office.city);
      const sameProvince = near.length ? near : hit.filter((e) => e.division.province === office.province);
      if (sameProvince.length === 1) chosen = sameProvince[0]!.division;
    }
    if (!chosen) {
      // several divisions of one name: keep only what they all share
      // (all are inside what was found so far, so this never loses a level already read)
      const shared = common(hit.map((e) => e.division));
      if (shared) found = shared;
      break;
    }
    found = chosen;
    depth = chosen.county ? 3 : chosen.city ? 2 : 1;
    t = t.slice(len);
  }
  return found;
}

/**
 * The full names of a division's province and city as titles write them (山东 → 山东省, 淄博 → 淄博市, 北京 → 北京市,
 * 广西 → 广西壮族自治区, 恩施州 → 恩施土家族苗族自治州); absent for a level the division has not or the gazetteer lacks.
 */
export function fullNames(d: Division): { province?: string; city?: string } {
  const entry = CHINA_DIVISIONS.find(([full]) => provinceShort(full) === d.province);
  if (!entry) return {};
  const city = d.city ? entry[1].map((line) => line.split(' ')[0] ?? '').find((full) => full && cityShort(full) === d.city) : undefined;
  return { province: entry[0], ...(city ? { city } : {}) };
}
