// A county office writes its own province's and city's rules without the place: 《省优化营商环境条例》, 《市物业管理条例》.
// The detector is told where the office is (设置 → 单位信息) and completes the name with it — the same sentence names
// 山东's 条例 for an office in 淄博 and 广东's for one in 梅州, and the national 优化营商环境条例 / 物业管理条例 never.
// A completed name the library lacks stays unresolved, saying which name was tried. Real laws copied from the corpus
// (test/fixtures/records/place-left-out): the 山东 and 广东 优化营商环境条例, 淄博市物业管理条例 and the two national ones.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeOffice } from '../../../electron/core/office/office-file';
import { placeLeftOut } from '../../../electron/core/records/citation-resolve';
import { precheck } from '../../../electron/core/review/precheck';
import { loadRuleSet } from '../../../electron/core/review/review-rules';
import { FIXTURES, makeLibrary, type TestLibrary } from './records-test-support';
import { RULES } from '../review/review-test-support';

let lib: TestLibrary;
beforeAll(async () => {
  lib = await makeLibrary({ lawsDir: join(FIXTURES, 'place-left-out'), now: new Date('2026-03-01T02:00:00Z') });
});
afterAll(() => lib?.cleanup());

const SENTENCE = '依照《省优化营商环境条例》第十条和《市物业管理条例》第二十条的规定，县科学技术局做好服务工作；省优化营商环境条例第二十条另有规定的，从其规定。';
const DATE = '2026-03-01';
const lawId = (title: string) => lib.store.laws().find((l) => l.title === title)!.id;

/** What each 第X条 of SENTENCE became: the law's title and article, or the reason and its kind. */
function detected() {
  return lib.svc.detectCitations(SENTENCE, DATE).mentions.map((m) =>
    m.citation ? [m.text, lib.store.law(m.citation.lawId)!.title, m.citation.label] : [m.text, m.reasonKind, m.reason],
  );
}

describe('a rule named without its province or city is the office’s own', () => {
  it('the same sentence names 山东’s and 淄博’s rules for an office in 淄博, 广东’s for one in 梅州', async () => {
    // no place known: nothing is guessed
    await writeOffice(lib.store, { unit: '科学技术局', region: '' });
    expect(detected()).toEqual([
      ['第十条', 'law-missing', '资料库中没有《省优化营商环境条例》'],
      ['第二十条', 'law-missing', '资料库中没有《市物业管理条例》'],
      ['第二十条', 'other-document', '“省优化营商环境条例”不是资料库中的法规'],
    ]);

    // typed as a person types it in 单位信息
    await writeOffice(lib.store, { unit: '高青县科学技术局', region: '山东省淄博市高青县' });
    expect(detected()).toEqual([
      ['第十条', '山东省优化营商环境条例', '第十条'],
      ['第二十条', '淄博市物业管理条例', '第二十条'],
      ['第二十条', '山东省优化营商环境条例', '第二十条'],
    ]);

    await writeOffice(lib.store, { unit: '五华县科学技术局', region: '广东·梅州·五华县' });
    expect(detected()).toEqual([
      ['第十条', '广东省优化营商环境条例', '第十条'],
      ['第二十条', 'law-missing', '资料库中没有《梅州市物业管理条例》（按单位所在市补全）'],
      ['第二十条', '广东省优化营商环境条例', '第二十条'],
    ]);
  });

  it('a record saved with linkDetected links the office’s province’s article', async () => {
    await writeOffice(lib.store, { unit: '高青县科学技术局', region: '山东·淄博·高青县' });
    const { record, unresolved } = await lib.svc.createNote({ date: DATE, text: '学习《省优化营商环境条例》第十条。' }, { linkDetected: true });
    expect(unresolved).toEqual([]);
    expect(record.citations.map((c) => [c.lawId, c.label])).toEqual([[lawId('山东省优化营商环境条例'), '第十条']]);
  });

  it('the pre-check of a draft reads them with the office’s region, and names the completed title it could not find', async () => {
    const rules = loadRuleSet(RULES);
    const units = [{ key: '1', kind: 'article' as const, number: 1, suffix: 0, label: '第一条', path: [], paragraphs: [], text: SENTENCE }];
    const run = (region: string) =>
      precheck(lib.store, { title: '五华县科技服务办法', units, kind: '规范性文件', asOf: DATE }, { rules, region })
        .citations.map((c) => [c.text, c.status, c.lawId ? lib.store.law(c.lawId)!.title : undefined]);
    expect(run('山东·淄博·高青县')).toEqual([
      ['《省优化营商环境条例》第十条', 'resolved', '山东省优化营商环境条例'],
      ['《市物业管理条例》第二十条', 'resolved', '淄博市物业管理条例'],
      ['省优化营商环境条例第二十条', 'resolved', '山东省优化营商环境条例'],
    ]);
    const guangdong = precheck(lib.store, { title: '五华县科技服务办法', units, kind: '规范性文件', asOf: DATE }, { rules, region: '广东·梅州·五华县' });
    expect(guangdong.citations.map((c) => [c.text, c.status])).toEqual([
      ['《省优化营商环境条例》第十条', 'resolved'],
      ['《市物业管理条例》第二十条', 'reported'],
      ['省优化营商环境条例第二十条', 'resolved'],
    ]);
    // reported once: the article's finding, naming the completed title tried (not again as a law named without an article)
    const missing = guangdong.findings.filter((f) => f.rule === 'citation-law-missing');
    expect(missing.map((f) => f.hint)).toEqual(['资料库中没有《梅州市物业管理条例》（按单位所在市补全）：导入该法规（或该版本）后重新预审即可核对。']);
  });

  it('a law the library lacks named without an article (制定依据) is reported once, with the completed title tried', () => {
    const rules = loadRuleSet(RULES);
    const text = '根据《市物业管理条例》，结合本县实际，制定本办法。';
    const units = [
      { key: '1', kind: 'article' as const, number: 1, suffix: 0, label: '第一条', path: [], paragraphs: [], text },
      { key: '2', kind: 'article' as const, number: 2, suffix: 0, label: '第二条', path: [], paragraphs: [], text: '物业服务依照《市物业管理条例》的规定执行。' },
    ];
    const hints = (region: string) =>
      precheck(lib.store, { title: '五华县物业服务办法', units, kind: '规范性文件', asOf: DATE }, { rules, region }).findings.filter((f) => f.rule === 'citation-law-missing').map((f) => f.hint);
    expect(hints('广东·梅州·五华县')).toEqual(['《市物业管理条例》（按单位所在市补全为《梅州市物业管理条例》）不在资料库中：导入后重新预审即可核对所引条文。']);
    // 北京 has no city under it but is one: 北京市物业管理条例 is looked for
    expect(hints('北京·海淀区')).toEqual(['《市物业管理条例》（按单位所在市补全为《北京市物业管理条例》）不在资料库中：导入后重新预审即可核对所引条文。']);
    expect(hints('山东·淄博·高青县')).toEqual([]);
  });

  it('a word that starts with 市 or 省 names no place; a level the office has not is not made up', () => {
    expect(placeLeftOut('市场主体登记管理条例', '山东·淄博·高青县')).toBeUndefined();
    expect(placeLeftOut('省级财政专项资金管理办法', '山东·淄博·高青县')).toBeUndefined();
    expect(placeLeftOut('市容和环境卫生管理条例', '广东·梅州·五华县')).toBeUndefined();
    // a 直辖市's district: 市 is the 直辖市, and there is no 省
    expect(placeLeftOut('市物业管理条例', '北京·海淀区')).toEqual({ name: '北京市物业管理条例', level: '市' });
    expect(placeLeftOut('省专利条例', '北京·海淀区')).toBeUndefined();
    expect(placeLeftOut('自治区促进科技成果转化条例', '广西·南宁·武鸣区')).toEqual({ name: '广西壮族自治区促进科技成果转化条例', level: '自治区' });
    expect(placeLeftOut('省专利条例', '')).toBeUndefined();
  });
});
