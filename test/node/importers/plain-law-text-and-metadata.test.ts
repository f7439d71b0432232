import { describe, expect, it } from 'vitest';
import { guessMetadata, findDocNumber } from '../../../electron/core/importers/document-metadata';
import { mapRadicals, tidyParagraph, toPlainLawText } from '../../../electron/core/importers/plain-law-text';

describe('mapRadicals', () => {
  it('maps Kangxi radicals and the radicals supplement to the unified ideographs', () => {
    expect(mapRadicals('中华⼈⺠共和国')).toBe('中华人民共和国');
    expect(mapRadicals('⼀⼆⼋⼗⼝⼤⼭⼯⽉⽇⽔⾔⾦⾨')).toBe('一二八十口大山工月日水言金门'.replace('门', '門'));
    expect(mapRadicals('⻅⻓⻔⻢')).toBe('见长门马');
    // ⼾ is drawn as 户 by a simplified-Chinese font (Chromium's PDFs with Noto CJK SC write it for 户)
    expect(mapRadicals('个体工商⼾、⼾籍')).toBe('个体工商户、户籍');
  });
  it('never touches full-width punctuation or ordinary text (unlike NFKC)', () => {
    const s = '第一条　为了规范（一）；：，。“”《》〔2020〕１２';
    expect(mapRadicals(s)).toBe(s);
    expect(s.normalize('NFKC')).not.toBe(s); // what a whole-text NFKC would have done
  });
});

describe('tidyParagraph and toPlainLawText', () => {
  it('writes labels with one space and drops spaces between CJK characters', () => {
    expect(tidyParagraph('　　第一条　为了 规范')).toBe('第一条 为了规范');
    expect(tidyParagraph('第十七条之一\u3000已满七十五周岁')).toBe('第十七条之一 已满七十五周岁');
    expect(tidyParagraph('第一章　总　　则')).toBe('第一章 总则');
    // typed text keeps a space between a Latin word or a number and an ideograph for the parser's rule
    // (as Markdown does); positioned text (PDF/OFD) has only gaps there, the Western font's start
    expect(tidyParagraph('PM2.5 and NO2 浓度')).toBe('PM2.5 and NO2 浓度');
    expect(tidyParagraph('专业界　 300人')).toBe('专业界 300人');
    expect(tidyParagraph('PM2.5 and NO2 浓度', false)).toBe('PM2.5 and NO2浓度');
    expect(toPlainLawText(['第四十四条 本法自 2020年1月1日起施行。'], { positioned: true }).text.trim()).toBe('第四十四条 本法自2020年1月1日起施行。');
    expect(tidyParagraph('以下， 300元')).toBe('以下，300元');
  });
  it('removes a 目录 with leaders and page numbers, and stops at the body heading', () => {
    const r = toPlainLawText(['某某条例', '目　　录', '第一章　总　　则……1', '第二章　附　　则……3', '第一章　总　　则', '第一条　正文。', '第二章 附则', '第二条 施行。']);
    expect(r.text).toBe('某某条例\n第一章 总则\n第一条 正文。\n第二章 附则\n第二条 施行。\n');
    expect(r.tocEntries).toBe(2);
  });
  it('keeps a 目录 word inside an article', () => {
    const r = toPlainLawText(['第一条 确定决策事项目录、标准。', '目录']);
    expect(r.tocAt).toBeUndefined();
  });
});

describe('guessMetadata on real sentences', () => {
  it('the issuer of a 公布 / 发布 line (with its 公告 or 令 number, or a 文号)', () => {
    const head = (line: string) => guessMetadata(`# 某规定\n${line}\n<!-- INFO END -->\n第一条 为了规范。`);
    expect(head('2021年9月28日 上海市人民代表大会常务委员会公告第八十三号公布')).toMatchObject({ issuer: '上海市人民代表大会常务委员会', published: '2021-09-28' });
    expect(head('（2019年5月6日山东省人民政府公布　自2019年7月1日起施行）')).toMatchObject({ issuer: '山东省人民政府', effective: '2019-07-01' });
    expect(head('2020年5月8日 高青县科学技术局 高科发〔2020〕3号 公布')).toMatchObject({ issuer: '高青县科学技术局', docNumber: '高科发〔2020〕3号' });
    expect(head('2019年5月6日由上海市人民政府发布')).toMatchObject({ issuer: '上海市人民政府' });
    // a 主席令 names no organ; a bare 公布 none either
    expect(head('2019年4月23日中华人民共和国主席令第二十九号公布').issuer).toBeUndefined();
    expect(head('2019年4月23日公布').issuer).toBeUndefined();
  });

  it('国务院令 with a 施行 line (corpus Markdown header)', () => {
    const md = '# 重大行政决策程序暂行条例\n\n2019年4月20日 中华人民共和国国务院令第713号公布\n\n2019年9月1日 施行\n\n<!-- INFO END -->\n\n## 第一章 总则\n\n第一条 为了……';
    expect(guessMetadata(md)).toEqual({
      title: '重大行政决策程序暂行条例',
      docNumber: '国务院令第713号',
      issuer: '国务院',
      published: '2019-04-20',
      effective: '2019-09-01',
    });
  });
  it('local regulation passed and amended by a provincial standing committee', () => {
    const text = [
      '山东省法律援助条例',
      '（2007年7月27日山东省第十届人民代表大会常务委员会第二十九次会议通过　根据2015年4月1日山东省第十二届人民代表大会常务委员会第十三次会议《关于修改<山东省法律援助条例>的决定》修正）',
      '第一条 为了促进和规范法律援助工作，制定本条例。',
      '第二十七条 本条例自2007年9月1日起施行。',
    ].join('\n');
    const m = guessMetadata(text);
    expect(m.issuer).toBe('山东省人民代表大会常务委员会');
    expect(m.published).toBe('2015-04-01');
    expect(m.effective).toBeUndefined(); // the clause dates the 2007 text, not this amended version
  });
  it('national law: NPC standing committee, effective date stated in the last article', () => {
    const text = '中华人民共和国行政许可法\n（2003年8月27日第十届全国人民代表大会常务委员会第四次会议通过）\n第一条 为了规范行政许可的设定和实施，制定本法。\n第八十三条 本法自2004年7月1日起施行。';
    expect(guessMetadata(text)).toMatchObject({ issuer: '全国人民代表大会常务委员会', published: '2003-08-27', effective: '2004-07-01' });
  });
  it('government notice with 文号, signature and "自印发之日起施行"', () => {
    const text = [
      '山东省人民政府办公厅关于印发山东省技术先进型服务企业认定管理办法的通知',
      '鲁政办字〔2020〕12号',
      '各市人民政府，省政府各部门：',
      '现将《山东省技术先进型服务企业认定管理办法》印发给你们，请认真贯彻执行。本办法自印发之日起施行。',
      '山东省人民政府办公厅',
      '2020年2月3日',
    ].join('\n');
    expect(guessMetadata(text)).toEqual({
      title: '山东省人民政府办公厅关于印发山东省技术先进型服务企业认定管理办法的通知',
      docNumber: '鲁政办字〔2020〕12号',
      issuer: '山东省人民政府办公厅',
      published: '2020-02-03',
      effective: '2020-02-03',
    });
  });
  it('a seal’s place-holder between the signature and its date (（印章）, a seal’s text box printed) hides neither', () => {
    const text = [
      '高新区管理委员会文件',
      '高管发〔2020〕3号',
      '某某设施管理办法',
      '第一条 为了加强管理，制定本办法。',
      '第二条 本办法自2003年8月1日起施行。',
      '高新区管理委员会',
      '（ 印章 ）',
      '2020年3月1日',
    ].join('\n');
    expect(guessMetadata(text)).toMatchObject({ issuer: '高新区管理委员会', published: '2020-03-01' });
  });
  it('发文机关 line and a municipal government order', () => {
    const text = '淄博市重大行政决策程序规定\n（2020年12月30日淄博市人民政府令第114号公布　自2021年2月1日起施行）\n发文机关：淄博市人民政府\n第一条 为了……';
    expect(guessMetadata(text)).toMatchObject({ docNumber: '淄博市人民政府令第114号', issuer: '淄博市人民政府', published: '2020-12-30', effective: '2021-02-01' });
  });
  it('文号 forms', () => {
    expect(findDocNumber('关于印发《办法》的通知（鲁政办字［2020］12号）')).toBe('鲁政办字〔2020〕12号');
    expect(findDocNumber('国办发〔2019〕39号')).toBe('国办发〔2019〕39号');
    expect(findDocNumber('2019年4月20日 中华人民共和国国务院令第713号公布')).toBe('国务院令第713号');
    expect(findDocNumber('中华人民共和国主席令（第十二号）')).toBe('中华人民共和国主席令第十二号');
    expect(findDocNumber('没有文号的句子。')).toBeUndefined();
  });
});
