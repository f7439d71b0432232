// The 法规库 地区 filter holds an area's parts, as 搜索's does: ticking 山东 lists the county's own
// 规范性文件 (山东·淄博·高青县) with the province's laws; 全国 holds only 全国. The counts beside each
// value stay per value, as the facet shows them.
import { describe, expect, it } from 'vitest';
import { listLaws, type LawListRow } from '../../../electron/core/library/law-list';

const row = (title: string, region: string, level: LawListRow['level']): LawListRow => ({
  lawId: `L${title.length}${region.length}`,
  versionId: `L${title.length}${region.length}@2020-05-08`,
  title,
  shortTitle: title,
  level,
  region,
  status: '现行有效',
  published: '2020-05-08',
  versionCount: 1,
  articleCount: 10,
});

const rows = [
  row('中华人民共和国科学技术进步法', '全国', '法律'),
  row('山东省促进科技成果转化条例', '山东', '地方性法规'),
  row('淄博市专利管理若干规定', '山东·淄博', '地方性法规'),
  row('高青县科技创新券管理办法', '山东·淄博·高青县', '规范性文件'),
  row('北京市海淀区促进科技创新办法', '北京·海淀区', '规范性文件'),
  row('山东大学章程', '山东大学', '其他'),
];

const titles = (regions: string[]) => listLaws(rows, { regions, sort: { field: 'title', order: 'asc' } }).rows.map((r) => r.title).sort();

describe('the 法规库 region filter', () => {
  it('an area lists its own laws and those of its cities and counties', () => {
    expect(titles(['山东'])).toEqual(['山东省促进科技成果转化条例', '淄博市专利管理若干规定', '高青县科技创新券管理办法'].sort());
    expect(titles(['山东·淄博'])).toEqual(['淄博市专利管理若干规定', '高青县科技创新券管理办法'].sort());
    expect(titles(['山东·淄博·高青县'])).toEqual(['高青县科技创新券管理办法']);
  });

  it('全国 is not an area holding the provinces, and a name that only starts alike is not a part', () => {
    expect(titles(['全国'])).toEqual(['中华人民共和国科学技术进步法']);
    expect(titles(['山东'])).not.toContain('山东大学章程');
  });

  it('the counts beside each region stay per value', () => {
    const { facets } = listLaws(rows, { regions: ['山东'] });
    expect(facets.region).toMatchObject({ 全国: 1, 山东: 1, '山东·淄博': 1, '山东·淄博·高青县': 1, '北京·海淀区': 1 });
  });
});
