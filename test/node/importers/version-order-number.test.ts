// Which 令 promulgated a version, read from its header's wording; a joint order's organs whole; a 公告 printed
// above a law is not its title. Real texts: six 行政法规 copied from ../shared/corpus (test/fixtures/documents/
// version-orders), and the 彩礼 规定 of test/fixtures/documents/own-numbers as a plain text with the 最高人民法院公告
// that published it above (test/fixtures/documents/announced: the 公告 in the court's published form, the law's text
// the corpus's).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guessMetadata } from '../../../electron/core/importers/document-metadata';
import { LibraryTargetResolver } from '../../../electron/core/links/link-resolver';
import { detectCitations } from '../../../electron/core/records/citation-detect';
import { ROOT, makeLinkLibrary, type LinkLibrary } from '../links/links-test-support';

const ORDERS = join(ROOT, 'test/fixtures/documents/version-orders');
const ANNOUNCED = join(ROOT, 'test/fixtures/documents/announced');
const meta = (dir: string, file: string) => guessMetadata(readFileSync(join(dir, file), 'utf8'));

describe('the 令 of this version, from the header’s wording', () => {
  it('a wholly revised text promulgated by an order of its own carries that order, not the first one', () => {
    // 2005 …令第438号公布 / 2017 …令第689号修订
    expect(meta(ORDERS, '中国人民解放军文职人员条例(2017-09-27).md').docNumber).toBe('国务院、中央军事委员会令第689号');
    // three revisions by 决定, then 国务院令第707号第四次修订
    expect(meta(ORDERS, '个人所得税法实施条例(2018-12-18).md').docNumber).toBe('国务院令第707号');
    // 修订通过 at a meeting, then 国务院令第603号公布
    expect(meta(ORDERS, '公安机关督察条例(2011-08-31).md').docNumber).toBe('国务院令第603号');
  });

  it('a version amended by 决定 names no order of its own: it keeps the one that first promulgated the text', () => {
    expect(meta(ORDERS, '河道管理条例(2018-03-19).md').docNumber).toBe('国务院令第3号');
  });

  it('a joint order keeps every organ; two organs’ numbers on one line give the first', () => {
    const civil = meta(ORDERS, '中国人民解放军文职人员条例(2017-09-27).md');
    expect(civil.issuer).toBe('国务院、中央军事委员会');
    expect(meta(ORDERS, '海关工作人员使用武器和警械的规定(2011-01-08).md')).toMatchObject({ docNumber: '海关总署、公安部令第7号', issuer: '海关总署、公安部' });
    // 国家教育委员会令第8号、国家体育运动委员会令第11号发布
    expect(meta(ORDERS, '学校体育工作条例(2017-03-01).md').docNumber).toBe('国家教育委员会令第8号');
  });
});

describe('a plain text under the 最高人民法院公告 that published it', () => {
  it('the title is the law’s, the number its 法释 line, the date the 公告’s', () => {
    expect(meta(ANNOUNCED, '彩礼规定-公告.txt')).toMatchObject({
      title: '最高人民法院关于审理涉彩礼纠纷案件适用法律若干问题的规定',
      docNumber: '法释〔2024〕1号',
      issuer: '最高人民法院',
      published: '2024-01-17',
      effective: '2024-02-01',
    });
  });
});

describe('a citation by a joint order’s number or a plain text’s 法释, end to end', () => {
  let lib: LinkLibrary;
  beforeAll(async () => {
    lib = await makeLinkLibrary([ORDERS, ANNOUNCED]);
  }, 60_000);
  afterAll(() => lib?.cleanup());
  const read = (text: string) => detectCitations(lib.store, text, '2020-01-01', undefined, new LibraryTargetResolver(lib.store)).mentions;
  const linked = (text: string) => read(text).map((m) => [m.label, lib.store.version(m.target?.versionId ?? '')?.title ?? null]);

  it('国务院、中央军委令第689号第五条 and 国务院令第689号第五条 are the 文职人员条例; the 2005 order’s 438 links nothing held', () => {
    const civil = '中国人民解放军文职人员条例';
    expect(linked('依照国务院、中央军委令第689号第五条的规定')).toEqual([['第五条', civil]]);
    expect(linked('依照国务院令第689号第五条的规定')).toEqual([['第五条', civil]]);
    expect(linked('依照国务院、中央军事委员会令第438号第五条的规定')).toEqual([['第五条', null]]);
  });

  it('the imported plain text is titled by its law, and 法释〔2024〕1号第二条 links it', () => {
    expect(lib.store.laws().map((l) => l.title)).toContain('最高人民法院关于审理涉彩礼纠纷案件适用法律若干问题的规定');
    expect(lib.store.laws().map((l) => l.title)).not.toContain('最高人民法院公告');
    const m = detectCitations(lib.store, '依照法释〔2024〕1号第二条的规定', '2025-03-01', undefined, new LibraryTargetResolver(lib.store)).mentions;
    expect([m[0]?.label, lib.store.version(m[0]?.target?.versionId ?? '')?.title]).toEqual(['第二条', '最高人民法院关于审理涉彩礼纠纷案件适用法律若干问题的规定']);
  });
});
