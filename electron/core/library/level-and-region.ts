// Guesses 效力级别 and region from what a document says about itself (title, issuer, the folder
// it came from). A manifest or the user always wins over these guesses.

import type { Level } from '../../shared/law-model';
import { LEVELS } from '../../shared/law-model';

const PROVINCES = [
  '北京', '天津', '上海', '重庆', '河北', '山西', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建',
  '江西', '山东', '河南', '湖北', '湖南', '广东', '海南', '四川', '贵州', '云南', '陕西', '甘肃', '青海',
  '内蒙古', '广西', '西藏', '宁夏', '新疆', '台湾', '香港', '澳门',
];

/** Prefecture-level cities by province, for the provinces whose offices use LawDesk so far. */
const CITIES: Record<string, string[]> = {
  山东: ['济南', '青岛', '淄博', '枣庄', '东营', '烟台', '潍坊', '济宁', '泰安', '威海', '日照', '临沂', '德州', '聊城', '滨州', '菏泽'],
};

const CITY_TO_PROVINCE = new Map<string, string>(
  Object.entries(CITIES).flatMap(([p, cities]) => cities.map((c) => [c, p] as [string, string])),
);

/** 全国, 山东, 山东·淄博 — from the start of a title or issuer, or from a folder like "山东地方法规". */
export function guessRegion(title: string, issuer?: string, folderHint?: string): string {
  for (const text of [title, issuer ?? '']) {
    const t = text.replace(/^[\s\u3000]+/, '');
    for (const [city, prov] of CITY_TO_PROVINCE) {
      if (t.startsWith(city + '市') || t.startsWith(city)) return `${prov}·${city}`;
    }
    for (const p of PROVINCES) if (t.startsWith(p)) return p;
  }
  if (folderHint) {
    for (const p of PROVINCES) if (folderHint.includes(p + '地方') || folderHint.includes(p + '省')) return p;
  }
  return '全国';
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
  // A county's, a city district's or a township's organs make no 法规 or 规章: what they issue is a 规范性文件.
  if (BELOW_CITY_ORGAN.test(iss.replace(/[\s\u3000]+/g, '')) || BELOW_CITY_TITLE.test(t)) return '规范性文件';
  if (region === '全国') {
    // 法 closes a law's name (行政许可法), not a 办法's (高青县科技创新券管理办法).
    if (/全国人民代表大会/.test(iss) || /(?<!办)法$/.test(t)) return '法律';
    if (/国务院/.test(iss) || /条例$/.test(t)) return '行政法规';
    if (/部|委员会|总局|局|署|银行/.test(iss) || /办法|规定|细则/.test(t)) return '部门规章';
    return '其他';
  }
  if (/人民代表大会/.test(iss) || /条例$/.test(t)) return '地方性法规';
  if (/人民政府/.test(iss) || /办法|规定|细则/.test(t)) return '地方政府规章';
  return '其他';
}

export function asLevel(value: unknown): Level | undefined {
  return typeof value === 'string' && (LEVELS as readonly string[]).includes(value) ? (value as Level) : undefined;
}
