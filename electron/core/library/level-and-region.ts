// Guesses 效力级别 and region from what a document says about itself (title, issuer, the folder
// it came from). A manifest or the user always wins over these guesses.

import type { Level } from '../../shared/law-model';
import { LEVELS } from '../../shared/law-model';
import { divisionAtStart, divisionOf, PROVINCES, regionOf, type Division } from './region-gazetteer';

/**
 * 全国, 山东, 山东·淄博, 山东·淄博·高青县, 北京·海淀区 — from the divisions named at the start of the
 * title and of the issuer (region-gazetteer.ts: every province, prefecture and county of China), the
 * finer of the two when one refines the other, else the title's. A text that names no place but says
 * 县人民政府 / 本县 (a document the office files itself) takes the office's region (设置 → 单位信息);
 * the office's region also decides between counties of one name. Then a folder like "山东地方法规".
 */
export function guessRegion(title: string, issuer?: string, folderHint?: string, officeRegion?: string): string {
  const office = officeRegion ? divisionOf(officeRegion) : undefined;
  const fromTitle = divisionAtStart(title, office);
  const fromIssuer = issuer ? divisionAtStart(issuer, office) : undefined;
  const t = fromTitle && regionOf(fromTitle);
  const i = fromIssuer && regionOf(fromIssuer);
  if (t && i) return i.startsWith(t + '·') ? i : t;
  if (t || i) return (t || i)!;
  if (office) {
    const own = ownPlace(title) ?? (issuer ? ownPlace(issuer) : undefined);
    const region = own && officeRegionFor(own, office);
    if (region) return region;
  }
  if (folderHint) {
    for (const p of PROVINCES) if (folderHint.includes(p + '地方') || folderHint.includes(p + '省')) return p;
  }
  return '全国';
}

/** 县人民政府办公室, 区教育局, 本县, 我县 …: the kind of place a text names without its name. */
function ownPlace(text: string): '县' | '区' | '旗' | '市' | undefined {
  const t = text.replace(/[\s\u3000]+/g, '').replace(/^(中共|中国共产党)/, '');
  const m =
    /^(?:本|我)?(县|区|旗|市)(?!级|乡|域|场|县|区)(?:人民政府|人民代表大会|人大常委会|政府|委|[\u3400-\u9fff]{1,10}?(?:局|委员会|办公室|管委会|中心))/.exec(t) ??
    /(?:本|我|全)(县|区|旗)(?!级|域)/.exec(t);
  return m?.[1] as '县' | '区' | '旗' | '市' | undefined;
}

/** The office's region when the text's 县/区/旗 is the office's own kind (a 市 is its county-level city, else its city). */
function officeRegionFor(kind: '县' | '区' | '旗' | '市', office: Division): string | undefined {
  if (office.county?.endsWith(kind)) return regionOf(office);
  if (kind === '市' && office.city) return regionOf({ province: office.province, city: office.city });
  return undefined;
}

const FOLDER_LEVELS: [RegExp, Level][] = [
  [/行政法规/, '行政法规'],
  [/监察法规/, '监察法规'],
  [/部门规章/, '部门规章'],
  [/司法解释/, '司法解释'],
  [/地方性法规/, '地方性法规'],
  [/地方政府规章|政府规章/, '地方政府规章'],
  [/规范性文件/, '规范性文件'],
  [/^宪法$/, '宪法'],
];

/** An organ of a county, a city district, a banner or a township (高青县人民政府办公室, 海淀区教育委员会); not 自治区 or 特别行政区. */
const BELOW_CITY_ORGAN = /^[\u3400-\u9fff]{1,12}?(?:县|旗|(?<!自治|行政)区|乡|镇|街道)(?:人民政府|人民代表大会|人大常委会|[\u3400-\u9fff]{0,12}?(?:局|委员会|办公室|管委会))/;
/** A title that starts with a county's name (高青县科技创新券管理办法), not with 县级. */
const BELOW_CITY_TITLE = /^[\u3400-\u9fff]{2,6}?(?:县|旗)(?!级)/;

export function guessLevel(title: string, region: string, issuer?: string, folderHint?: string): Level {
  const t = title.replace(/[\s\u3000]+/g, '');
  const iss = issuer ?? '';
  if (/^(中华人民共和国)?宪法(修正案)?$/.test(t)) return '宪法';
  if (folderHint) {
    for (const part of folderHint.split(/[\\/]/).reverse()) {
      for (const [re, level] of FOLDER_LEVELS) if (re.test(part)) return level;
    }
  }
  if (/最高人民法院|最高人民检察院/.test(iss + t) && /解释|规定|批复|决定/.test(t)) return '司法解释';
  if (/意见|通知|方案|规划|计划|办法的通知|指引|公告/.test(t) && !/条例$/.test(t)) return '规范性文件';
  // An autonomous county's or banner's 人民代表大会 makes 自治条例 and 单行条例 (宪法第一百一十六条): 地方性法规.
  if (/自治[县旗]/.test(iss + t) && /条例$/.test(t)) return '地方性法规';
  // A county's, a city district's or a township's organs make no 法规 or 规章: what they issue is a 规范性文件.
  if (BELOW_CITY_ORGAN.test(iss.replace(/[\s\u3000]+/g, '')) || BELOW_CITY_TITLE.test(t)) return '规范性文件';
  // A title that names a county or district (北京市海淀区…办法) with no issuer known: its own 规范性文件, unless it is a
  // 条例 or 规定 (上海市浦东新区…规定 is the city's 人大's).
  if (!iss && region.split('·').length > 1 && divisionOf(region)?.county && !/(条例|规定)$/.test(t)) return '规范性文件';
  if (region === '全国') {
    // 法 closes a law's name (行政许可法), not a 办法's (高青县科技创新券管理办法).
    if (/全国人民代表大会/.test(iss) || /(?<!办)法$/.test(t)) return '法律';
    if (/国务院/.test(iss) || /条例$/.test(t)) return '行政法规';
    if (/部|委员会|总局|局|署|银行/.test(iss) || /办法|规定|细则/.test(t)) return '部门规章';
    return '其他';
  }
  if (/人民代表大会/.test(iss) || /条例$/.test(t)) return '地方性法规';
  // 浦东新区法规 (上海市人大常委会, 2021 授权决定) and 海南自由贸易港法规 (海南省人大及其常委会, 海南自由贸易港法
  // 第十条) are local legislation whatever their name: 上海市浦东新区…规定, 上海市促进浦东新区…若干规定.
  if (!/人民政府/.test(iss) && /^(?:上海市[\u3400-\u9fff]{0,4}?浦东新区|海南自由贸易港)[\u3400-\u9fff（）()]*规定$/.test(t)) return '地方性法规';
  if (/人民政府/.test(iss) || /办法|规定|细则/.test(t)) return '地方政府规章';
  return '其他';
}

export function asLevel(value: unknown): Level | undefined {
  return typeof value === 'string' && (LEVELS as readonly string[]).includes(value) ? (value as Level) : undefined;
}
