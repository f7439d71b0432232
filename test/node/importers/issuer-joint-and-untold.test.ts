// The issuer of a text whose header names it only jointly, only in its title or its order number, or in full-width
// digits. Real texts copied from ../shared/corpus (test/fixtures/documents/issuers; 公安机关办理行政案件程序规定 cut after
// 第三条): the sample of 30 corpus laws read against their headers in session 22 found 外国公司船舶运输收入征税办法 with no
// issuer, and the corpus then held 75 such versions and 51 joint 司法解释 stored as 最高人民法院 alone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guessMetadata } from '../../../electron/core/importers/document-metadata';
import { parseLawText } from '../../../electron/core/parse/law-structure-parser';
import { ROOT } from '../links/links-test-support';

const DIR = join(ROOT, 'test/fixtures/documents/issuers');
const meta = (file: string) => guessMetadata(readFileSync(join(DIR, file), 'utf8'));

describe('the issuer a header names jointly or not at all', () => {
  it('a 发布 line of several organs set apart by 、 names them all (财政部、国家税务总局发布; 国务院、中央军委发布)', () => {
    expect(meta('外国公司船舶运输收入征税办法(2011-01-08).md').issuer).toBe('财政部、国家税务总局');
    // 中央军委 as the joint orders spell it (国务院、中央军事委员会令第689号), so the organ has one name
    expect(meta('征兵工作条例(2001-09-05).md').issuer).toBe('国务院、中央军事委员会');
  });

  it('a joint interpretation whose two courts pass it on one line (two dated events) is issued by both', () => {
    const m = meta('最高人民法院、最高人民检察院关于办理伪造、贩卖伪造的高等院校学历、学位证明刑事案件如何适用法律问题的解释(2001-07-03).md');
    expect(m.issuer).toBe('最高人民法院、最高人民检察院');
    expect(m.published).toBe('2001-07-03');
  });

  it('a header in full-width digits is read: its history, its dates and the organ it names', () => {
    const m = meta('公安机关办理行政案件程序规定(2019-04-27).md');
    expect(m.issuer).toBe('公安部');
    expect(m.published).toBe('2018-11-25');
    // amended by 决定 twice: the order that first promulgated the text, as for any such version
    expect(m.docNumber).toBe('中华人民共和国公安部令第125号');
  });

  it('a text with no issuer anywhere stays without one: a 解释 titled 关于… names no organ', () => {
    expect(meta('关于审理非法行医刑事案件具体应用法律若干问题的解释(2016-12-16).md').issuer).toBeUndefined();
  });

  it('a title opening with its organs and 关于 names them when no line does; a title sending on another organ’s text does not', () => {
    const text = (title: string) => guessMetadata(`# ${title}\n\n<!-- INFO END -->\n\n第一条 为了……，制定本规定。\n`);
    expect(text('最高人民法院、最高人民检察院关于办理走私刑事案件适用法律若干问题的解释').issuer).toBe('最高人民法院、最高人民检察院');
    expect(text('中华人民共和国国务院关于管理外国企业常驻代表机构的暂行规定').issuer).toBe('国务院');
    expect(text('上海市人民政府批转市建委关于本市住宅小区管理若干规定').issuer).toBeUndefined();
  });
});

describe('a header in full-width digits, as the structure parser reads it', () => {
  it('gives the version its history (公布 by 公安部令第125号, two 修正), the events the library stores', () => {
    const parsed = parseLawText(readFileSync(join(DIR, '公安机关办理行政案件程序规定(2019-04-27).md'), 'utf8'), { format: 'md' });
    expect(parsed.history.map((e) => `${e.date} ${e.kind}`)).toEqual(['2012-12-03 通过', '2012-12-19 公布', '2013-01-01 施行', '2014-06-29 修正', '2018-11-25 修正']);
    expect(parsed.history[1]!.text).toContain('公安部令第125号');
  });
});
