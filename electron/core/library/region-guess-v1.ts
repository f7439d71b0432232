// The region guess as it was up to session 14 (provinces, and 山东's cities only), kept unchanged so
// that a law stored under the id it gave is found again: lawId is made of (title, region), and a
// re-import of such a law's document must join it, not start a second law (library-import.ts).
// Never edit: a later guess gets a file of its own and joins FORMER_REGION_GUESSES.

const PROVINCES = [
  '北京', '天津', '上海', '重庆', '河北', '山西', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建',
  '江西', '山东', '河南', '湖北', '湖南', '广东', '海南', '四川', '贵州', '云南', '陕西', '甘肃', '青海',
  '内蒙古', '广西', '西藏', '宁夏', '新疆', '台湾', '香港', '澳门',
];

const CITIES: Record<string, string[]> = {
  山东: ['济南', '青岛', '淄博', '枣庄', '东营', '烟台', '潍坊', '济宁', '泰安', '威海', '日照', '临沂', '德州', '聊城', '滨州', '菏泽'],
};

const CITY_TO_PROVINCE = new Map<string, string>(
  Object.entries(CITIES).flatMap(([p, cities]) => cities.map((c) => [c, p] as [string, string])),
);

export function guessRegionV1(title: string, issuer?: string, folderHint?: string): string {
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

/** Every earlier region guess, newest first: what ids stored laws may carry. */
export const FORMER_REGION_GUESSES: readonly ((title: string, issuer?: string, folderHint?: string) => string)[] = [guessRegionV1];
