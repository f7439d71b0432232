// 效力级别 guessed from what a received document says of itself (no manifest, no folder hint): the
// titles and issuers of real documents, each level the office files them under.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guessLevel, guessRegion } from '../../../electron/core/library/level-and-region';

describe('guessLevel without a folder hint', () => {
  it('takes 法 at the end of a name for a law, not the 法 of 办法', () => {
    expect(guessLevel('中华人民共和国行政许可法', '全国')).toBe('法律');
    expect(guessLevel('科学技术进步法', '全国', '全国人民代表大会常务委员会')).toBe('法律');
    // before: both were 法律, the name ending in 法
    expect(guessLevel('专利代理管理办法', '全国')).toBe('部门规章');
    expect(guessLevel('科学技术奖励办法', '全国', '科学技术部')).toBe('部门规章');
  });

  it('files what a county, a city district or a township issues as a 规范性文件', () => {
    expect(guessLevel('高青县科技创新券管理办法', '全国', '高青县人民政府办公室')).toBe('规范性文件');
    expect(guessLevel('高青县科技创新券管理办法', '全国')).toBe('规范性文件');
    expect(guessLevel('北京市海淀区促进科技创新办法', '北京', '北京市海淀区人民政府')).toBe('规范性文件');
    expect(guessLevel('高青县科学技术局行政执法公示办法', '山东·淄博', '高青县科学技术局')).toBe('规范性文件');
    // the region now names the district: no issuer needed (before: 地方政府规章)
    expect(guessLevel('北京市海淀区科技创新券管理暂行办法', '北京·海淀区')).toBe('规范性文件');
    expect(guessLevel('淄博市张店区科技创新券管理暂行办法', '山东·淄博·张店区')).toBe('规范性文件');
    // a 规定 naming a district is the city's (上海市人大's 浦东新区法规): the district changes nothing
    expect(guessLevel('上海市浦东新区市场主体退出若干规定', '上海·浦东新区')).toBe(guessLevel('上海市浦东新区市场主体退出若干规定', '上海'));
    expect(guessLevel('上海市浦东新区市场主体退出若干规定', '上海·浦东新区')).not.toBe('规范性文件');
    // 浦东新区法规 are the 上海市人大常委会's (before: 地方政府规章 without an issuer); the 浦东新区人民政府's own 规定 stays a 规章
    expect(guessLevel('上海市浦东新区市场主体退出若干规定', '上海·浦东新区')).toBe('地方性法规');
    expect(guessLevel('上海市促进浦东新区商事调解规定', '上海')).toBe('地方性法规');
    expect(guessLevel('海南自由贸易港优化营商环境条例', '海南')).toBe('地方性法规');
    expect(guessLevel('海南自由贸易港社会信用条例', '海南')).toBe('地方性法规');
    expect(guessLevel('海南自由贸易港征收征用条例', '海南')).toBe('地方性法规');
    expect(guessLevel('海南自由贸易港企业破产程序条例', '海南')).toBe('地方性法规');
    expect(guessLevel('海南自由贸易港反消费欺诈规定', '海南')).toBe('地方性法规');
    expect(guessLevel('上海市浦东新区城市管理领域非现场执法规定', '上海', '上海市人民政府')).toBe('地方政府规章');
    expect(guessLevel('上海市公共数据和一网通办管理办法', '上海')).toBe('地方政府规章');
  });

  it('files an autonomous county’s 条例 as a 地方性法规 (单行条例), its other documents as 规范性文件', () => {
    // the corpus's 彭水 条例, its issuer as the header names it (before: 规范性文件)
    expect(guessLevel('彭水苗族土家族自治县旅游条例', '重庆·彭水苗族土家族自治县', '彭水苗族土家族自治县人民代表大会')).toBe('地方性法规');
    expect(guessLevel('彭水苗族土家族自治县旅游条例', '全国')).toBe('地方性法规');
    expect(guessLevel('彭水苗族土家族自治县旅游发展资金管理办法', '重庆·彭水苗族土家族自治县', '彭水苗族土家族自治县人民政府')).toBe('规范性文件');
  });

  it('keeps a province’s, an autonomous region’s and a city’s rules at their level', () => {
    expect(guessLevel('淄博市城市绿化管理办法', '山东·淄博', '淄博市人民政府')).toBe('地方政府规章');
    expect(guessLevel('广西壮族自治区环境保护条例', '广西', '广西壮族自治区人民代表大会常务委员会')).toBe('地方性法规');
    expect(guessLevel('广西壮族自治区实施《中华人民共和国节约能源法》办法', '广西', '广西壮族自治区人民政府')).toBe('地方政府规章');
    expect(guessLevel('上海市浦东新区绿化条例', '上海', '上海市人民代表大会常务委员会')).toBe('地方性法规');
    expect(guessLevel('工伤保险条例', '全国', '国务院')).toBe('行政法规');
    // 县级 opens many national titles; it names no county
    expect(guessLevel('县级以上地方人民政府行政执法监督规定', '全国')).not.toBe('规范性文件');
  });
});

describe('guessRegion: every province, prefecture and county of China', () => {
  const OFFICE = '山东·淄博·高青县';

  it('reads a county from the title or the issuer, with its city and province', () => {
    // before: 全国 (only provinces and 山东's cities were known)
    expect(guessRegion('高青县科技创新券管理办法')).toBe('山东·淄博·高青县');
    expect(guessRegion('科技创新券管理办法', '高青县科学技术局')).toBe('山东·淄博·高青县');
    expect(guessRegion('关于进一步加强科技特派员工作的实施意见', '中共高青县委办公室')).toBe('山东·淄博·高青县');
    expect(guessRegion('山东省淄博市高青县城乡环境卫生管理办法')).toBe('山东·淄博·高青县');
    expect(guessRegion('北京市海淀区促进科技创新办法', '北京市海淀区人民政府')).toBe('北京·海淀区');
    expect(guessRegion('彭水县旅游发展规划')).toBe('重庆·彭水苗族土家族自治县');
    expect(guessRegion('恩施州城乡规划条例')).toBe('湖北·恩施州');
    expect(guessRegion('恩施市城市管理办法')).toBe('湖北·恩施州·恩施市');
    expect(guessRegion('鄂温克族自治旗草原保护办法')).toBe('内蒙古·呼伦贝尔·鄂温克族自治旗');
    expect(guessRegion('济源市城市绿化办法')).toBe('河南·济源市'); // a county-level city under its province
    // the issuer refines the title's region, never the other way round
    expect(guessRegion('淄博市科技创新券实施细则', '高青县人民政府')).toBe('山东·淄博·高青县');
    expect(guessRegion('高青县科技创新券管理办法', '淄博市人民政府')).toBe('山东·淄博·高青县');
    // provinces and cities as before
    expect(guessRegion('淄博市城市绿化管理办法', '淄博市人民政府')).toBe('山东·淄博');
    expect(guessRegion('广西壮族自治区环境保护条例')).toBe('广西');
    expect(guessRegion('中华人民共和国行政许可法', '全国人民代表大会常务委员会')).toBe('全国');
  });

  it('needs the higher level or the office to tell counties of one name apart', () => {
    // 市中区: 济南, 枣庄, 乐山, 内江; 朝阳区: 北京, 长春; 城关区: 兰州, 拉萨
    expect(guessRegion('市中区物业管理办法')).toBe('全国');
    expect(guessRegion('济南市市中区物业管理办法')).toBe('山东·济南·市中区');
    expect(guessRegion('枣庄市市中区物业管理办法')).toBe('山东·枣庄·市中区');
    expect(guessRegion('朝阳区街道管理办法')).toBe('全国');
    expect(guessRegion('朝阳区街道管理办法', undefined, undefined, '北京·海淀区')).toBe('北京·朝阳区');
    expect(guessRegion('北京市朝阳区街道管理办法')).toBe('北京·朝阳区');
    expect(guessRegion('城关区街道管理办法', undefined, undefined, '甘肃·兰州·七里河区')).toBe('甘肃·兰州·城关区');
    // the office decides only between namesakes it is near: 市中区 twice in 山东 is still two
    expect(guessRegion('市中区物业管理办法', undefined, undefined, OFFICE)).toBe('全国');
    // 城区, 郊区 are read only after their city
    expect(guessRegion('城区道路管理办法')).toBe('全国');
    expect(guessRegion('阳泉市城区道路管理办法')).toBe('山西·阳泉·城区');
  });

  it('gives no county for a 开发区 or 高新区 (no division), only the city it names', () => {
    expect(guessRegion('淄博高新区管委会关于企业研发补助的办法')).toBe('山东·淄博');
    expect(guessRegion('关于企业研发补助的办法', '淄博高新技术产业开发区管理委员会')).toBe('山东·淄博');
    expect(guessRegion('高新区企业研发补助办法')).toBe('全国');
    expect(guessRegion('高新区企业研发补助办法', undefined, undefined, OFFICE)).toBe('全国');
    expect(guessRegion('经济开发区企业服务办法', '经济开发区管委会', undefined, OFFICE)).toBe('全国');
  });

  it('takes the office’s region for its own documents that name no place (县人民政府, 本县)', () => {
    expect(guessRegion('县人民政府关于加强科技创新工作的意见', undefined, undefined, OFFICE)).toBe(OFFICE);
    expect(guessRegion('关于加强科技创新工作的意见', '县科学技术局', undefined, OFFICE)).toBe(OFFICE);
    expect(guessRegion('关于做好本县科技特派员工作的通知', undefined, undefined, OFFICE)).toBe(OFFICE);
    expect(guessRegion('市人民政府关于加强科技创新工作的意见', undefined, undefined, OFFICE)).toBe('山东·淄博');
    // without an office, or where the office is no county, nothing is made up
    expect(guessRegion('县人民政府关于加强科技创新工作的意见')).toBe('全国');
    expect(guessRegion('区人民政府关于加强科技创新工作的意见', undefined, undefined, OFFICE)).toBe('全国');
    // a name in the text wins over the office
    expect(guessRegion('桓台县人民政府关于加强科技创新工作的意见', undefined, undefined, OFFICE)).toBe('山东·淄博·桓台县');
    // 县级, 县乡, 市场 are no 县 or 市 of the office's
    expect(guessRegion('县级以上地方人民政府行政执法监督规定', undefined, undefined, OFFICE)).toBe('全国');
    expect(guessRegion('市场监督管理行政处罚程序规定', '市场监督管理总局', undefined, OFFICE)).toBe('全国');
  });

  it('reads the corpus’s county, district and city titles and leaves its national laws national', () => {
    const rows = readFileSync(join(import.meta.dirname, '../../fixtures/regions/corpus-titles.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { title: string; region: string });
    const got = Object.fromEntries(rows.map((r) => [r.title, guessRegion(r.title)]));
    expect(got).toEqual({
      彭水苗族土家族自治县旅游条例: '重庆·彭水苗族土家族自治县',
      石柱土家族自治县西沱国家历史文化名镇保护条例: '重庆·石柱土家族自治县',
      秀山土家族苗族自治县梅江河流域水生态环境保护条例: '重庆·秀山土家族苗族自治县',
      酉阳土家族苗族自治县城镇管理条例: '重庆·酉阳土家族苗族自治县',
      上海市浦东新区市场主体退出若干规定: '上海·浦东新区',
      深圳经济特区数据条例: '广东·深圳',
      东莞市文明行为促进条例: '广东·东莞',
      淄博市城乡规划管理办法: '山东·淄博',
      滨州市城区道路管理条例: '山东·滨州',
      山东省青岛西海岸新区条例: '山东·青岛',
      北京经济技术开发区条例: '北京',
      上海市经济技术开发区条例: '上海',
      '重庆市区县（自治县）人民代表大会常务委员会街道工作委员会工作条例': '重庆',
      上海市区县和乡镇人民代表大会代表直接选举实施细则: '上海',
      国旗法: '全国',
      民族区域自治法: '全国',
      行政区划管理条例: '全国',
      行政区域界线管理条例: '全国',
      全国人民代表大会常务委员会关于县级以下人民代表大会代表直接选举的若干规定: '全国',
      中国人民解放军选举全国人民代表大会和县级以上地方各级人民代表大会代表的办法: '全国',
      自然保护区条例: '全国',
      保税区海关监管办法: '全国',
      开发建设晋陕蒙接壤地区水土保持规定: '全国',
      蓄滞洪区运用补偿暂行办法: '全国',
      城市居民委员会组织法: '全国',
      村民委员会组织法: '全国',
    });
    // every one the manifest files under a province is found in that province
    for (const r of rows) if (r.region !== '全国') expect(got[r.title]!.split('·')[0]).toBe(r.region);
  });
});
