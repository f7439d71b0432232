import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLawText } from '../../../electron/core/parse/law-structure-parser';
import { closeIdeographSpaces, closeSpacedLabel, dropStraySpaces } from '../../../electron/core/parse/stray-spaces';
import { tidyParagraph, toPlainLawText } from '../../../electron/core/importers/plain-law-text';

// Corpus lines (see test/fixtures/documents/stray-spaces/NOTICE.md) with spaces typed where the law has
// none, and spaces that separate words.
const md = readFileSync(join(import.meta.dirname, '../../fixtures/documents/stray-spaces/stray-spaces.md'), 'utf8');
const body = md.split('<!-- INFO END -->')[1]!;
const text = (law: ReturnType<typeof parseLawText>, label: string) => law.units.find((u) => u.label === label)?.text;

describe('stray spaces in a unit’s text', () => {
  const law = parseLawText(md, { format: 'md' });

  it('are dropped after a list number, a full-width mark, a half-width mark before an ideograph, and inside a date', () => {
    expect(text(law, '第十九条')).toContain('\n（一）集体所有制乡镇企业开办初期经营确有困难的；\n（二）设立在少数民族地区');
    expect(text(law, '第二十五条')).toContain('的建筑控制区的范围，县（市、区）人民政府');
    expect(text(law, '第五十一条')).toBe('本条例自2014年3月1日起施行。');
    expect(text(law, '第六十三条')).toContain('临街建设工地不设置围挡的,停工场地未及时整理');
    expect(text(law, '第一百条')).toContain('\n(一)以下为一类口岸：');
  });

  it('stay where they separate words: a quoted article’s label, a name and a number, a standard’s number and name', () => {
    expect(text(law, '第一百零一条')).toContain('“第一百二十条之二 有下列情形之一的');
    expect(text(law, '第一百零二条')).toContain('\n专业界 200人\nGB/T 16180 劳动能力鉴定 职工工伤与职业病致残等级');
    expect(text(law, '第十八条')?.startsWith('《养犬登记证》、犬牌损毁')).toBe(true);
    expect(dropStraySpaces('第十八条 《养犬登记证》')).toBe('第十八条 《养犬登记证》');
    expect(dropStraySpaces('| （一） | 集体 |')).toBe('| （一） | 集体 |');
  });

  it('go whatever the format: the Markdown, the same lines as TXT and as a Word/PDF paragraph list agree', () => {
    const asTxt = parseLawText(`空格摘录\n${body}`, { format: 'txt' });
    const lines = body.split('\n').filter((l) => l.trim() !== '');
    const asDocx = parseLawText(`空格摘录\n${toPlainLawText(lines).text}`, { format: 'txt' });
    // a space beside a Latin word or a number is lost by the paragraph step (a PDF's gap between a
    // Western and a CJK run); the rest agree, spaces between two ideographs included
    for (const label of ['第十九条', '第二十五条', '第五十一条', '第六十三条', '第一百条', '第十八条', '第一百零一条', '第一百零三条', '第一百零四条']) {
      expect(text(asTxt, label), label).toBe(text(law, label));
      expect(text(asDocx, label), label).toBe(text(law, label));
    }
  });
});

describe('a space between two ideographs', () => {
  const law = parseLawText(md, { format: 'md' });

  it('goes when it is an artefact: typed into a word, a letter-spaced name, a wide gap', () => {
    expect(text(law, '第一百零三条')).toBe(
      [
        '民政部门进行收养评估后，可以依法将其长期监护的未成年人交由符合条件的申请人收养。收养关系成立后，民政部门与未成年人的监护关系终止。',
        '国家鼓励商用密码从业单位采用商用密码推荐性国家标准、行业标准，提升商用密码的防护能力，维护用户的合法权益。',
        '申请人应当提供相应的建设工程规划许可证、建筑工程施工许可证、施工组织设计方案、安全评估报告、管线架设设计图纸、事故预警和应急抢救方案以及桥梁、隧道专家审查委员会的审查意见。',
        '书记员×××',
      ].join('\n'),
    );
    expect(closeIdeographSpaces('高 青 县 人 民 政 府')).toBe('高青县人民政府');
    expect(closeIdeographSpaces('高青县人民政府　关于印发')).toBe('高青县人民政府关于印发');
    expect(closeIdeographSpaces('最高人民法院 关于审理垄断民事纠纷案件')).toBe('最高人民法院关于审理垄断民事纠纷案件');
  });

  it('stays between two organs, beside a number, after a label and in a date left blank', () => {
    expect(text(law, '第一百零四条')?.split('\n').slice(1)).toEqual(['农业部 卫生部 国家药品监督管理局', '1001元至50000元的部分 按4%－5%交纳', '附图 消防救援衔标志式样', '年 月 日']);
    expect(closeIdeographSpaces('2019年11月29日第十三届全国人民代表大会常务委员会第十八次会议通过 根据2020年11月27日')).toContain('通过 根据');
    expect(closeIdeographSpaces('GB/T 16180 劳动能力鉴定 职工工伤与职业病致残等级')).toBe('GB/T 16180 劳动能力鉴定 职工工伤与职业病致残等级');
    expect(closeIdeographSpaces('附件一 辅助指挥、联络的符号和信号')).toBe('附件一 辅助指挥、联络的符号和信号');
  });

  it('is decided by the same rule in the paragraph step of DOCX, DOC/WPS, PDF, OFD and HTML', () => {
    expect(tidyParagraph('交由符合条 件的申请人收养')).toBe('交由符合条件的申请人收养');
    expect(tidyParagraph('高 青 县 人 民 政 府')).toBe('高青县人民政府');
    expect(tidyParagraph('农业部　卫生部　国家药品监督管理局')).toBe('农业部 卫生部 国家药品监督管理局');
    expect(tidyParagraph('年　月　日')).toBe('年 月 日');
  });
});

describe('an article or heading label spaced out at the start of a line', () => {
  it('closes "第 一 条", "第 十 二 条", "第 三 章" and "第一条之 一" in the raw text and in every extractor’s paragraph step', () => {
    expect(closeSpacedLabel('第 一 条　为了加强管理')).toBe('第一条　为了加强管理');
    expect(closeSpacedLabel('　　第 十 二 条为了')).toBe('　　第十二条 为了');
    expect(closeSpacedLabel('第 三 章　法律责任')).toBe('第三章　法律责任');
    expect(closeSpacedLabel('第一条之 一 有下列')).toBe('第一条之一 有下列');
  });

  it('leaves a label already closed, a citation, and a lone blank before 条 (the parser’s next-article rule decides)', () => {
    for (const line of ['第一条 为了', '第二十条规定的', '依照第 一 条', '第一百二十八 条侦查人员', '第一百三十 条 不是下一条', '第 一 次会议']) expect(closeSpacedLabel(line)).toBe(line);
  });

  it('gives the same articles from a TXT line and from a Word/PDF paragraph list', () => {
    const src = ['某某管理办法', '第 一 条　为了加强管理，制定本办法。', '第二条　本办法适用于本县。', '第 三 条 本办法自发布之日起施行。'];
    const units = (t: string) => parseLawText(t, { format: 'txt' }).units.map((u) => [u.label, u.text]);
    const want = [['第一条', '为了加强管理，制定本办法。'], ['第二条', '本办法适用于本县。'], ['第三条', '本办法自发布之日起施行。']];
    expect(units(src.join('\n'))).toEqual(want);
    expect(units(toPlainLawText(src).text)).toEqual(want);
  });
});
