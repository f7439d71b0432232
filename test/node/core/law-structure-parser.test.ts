import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHistoryLine, parseLawText } from '../../../electron/core/parse/law-structure-parser';

const FIX = join(import.meta.dirname, '../../fixtures/laws');
const read = (p: string) => readFileSync(join(FIX, p), 'utf8');
const articleLines = (md: string) =>
  (md.split('<!-- INFO END -->')[1]!.match(/^第[零〇一二两三四五六七八九十百千0-9]+条(之[一二三四五六七八九十]+)?[\s\u3000]/gm) ?? []).length;

describe('parseLawText on the corpus Markdown format', () => {
  it('splits 行政许可法 into 83 articles with chapters, 款 and 项', () => {
    const md = read('行政法/行政许可法(2019-04-23).md');
    const law = parseLawText(md, { format: 'md' });
    expect(law.title).toBe('中华人民共和国行政许可法');
    expect(law.history.map((h) => [h.date, h.kind])).toEqual([
      ['2003-08-27', '通过'],
      ['2019-04-23', '修正'],
    ]);
    const arts = law.units.filter((u) => u.kind === 'article');
    expect(arts).toHaveLength(83);
    expect(arts).toHaveLength(articleLines(md));
    expect(arts.map((a) => a.number)).toEqual(Array.from({ length: 83 }, (_, i) => i + 1));
    const a3 = arts[2]!;
    expect(a3.label).toBe('第三条');
    expect(a3.path).toEqual(['第一章 总则']);
    expect(a3.paragraphs.map((p) => p.text)).toEqual([
      '行政许可的设定和实施，适用本法。',
      '有关行政机关对其他机关或者对其直接管理的事业单位的人事、财务、外事等事项的审批，不适用本法。',
    ]);
    const a12 = arts[11]!;
    expect(a12.path).toEqual(['第二章 行政许可的设定']);
    expect(a12.paragraphs[0]!.text).toBe('下列事项可以设定行政许可：');
    expect(a12.paragraphs[0]!.items).toHaveLength(6);
    expect(a12.paragraphs[0]!.items[0]).toMatch(/^（一）直接涉及国家安全/);
    expect(a12.text.split('\n')).toHaveLength(7);
    expect(law.warnings).toEqual([]);
  });

  it('keeps the 宪法 preamble (序言) as its own unit before 第一条', () => {
    const law = parseLawText(read('宪法/宪法.md'), { format: 'md' });
    const [first, second] = law.units;
    expect(first!.kind).toBe('preamble');
    expect(first!.label).toBe('序言');
    expect(first!.text).toMatch(/^中国是世界上历史最悠久的国家之一/);
    expect(first!.paragraphs.length).toBeGreaterThan(10);
    expect(second!.label).toBe('第一条');
    expect(second!.path).toEqual(['第一章 总纲']);
    expect(law.units.filter((u) => u.kind === 'article')).toHaveLength(143);
  });

  it('reads 编/章/节 paths and 之一 articles (刑法)', () => {
    const law = parseLawText(read('刑法/刑法.md'), { format: 'md' });
    const a171 = law.units.find((u) => u.key === '17-1')!;
    expect(a171.label).toBe('第十七条之一');
    expect([a171.number, a171.suffix]).toEqual([17, 1]);
    expect(a171.path).toEqual(['第一编 总则', '第二章 犯罪', '第一节 犯罪和刑事责任']);
    expect(law.units.find((u) => u.key === '37-1')?.label).toBe('第三十七条之一');
    expect(law.warnings).toEqual([]);
    expect(law.history.length).toBeGreaterThan(10);
  });

  it('splits a document without 第X条 into its numbered sections', () => {
    const law = parseLawText(read('DLC/北京地方法规/地方性法规/北京/关于议案的若干暂行规定(2010-12-23).md'), { format: 'md' });
    expect(law.units.every((u) => u.kind === 'section')).toBe(true);
    expect(law.units.map((u) => u.label)).toEqual(['一、', '二、', '三、', '四、', '五、', '六、', '七、', '八、']);
    expect(law.units[0]!.text).toMatch(/^北京市人民代表大会举行会议的时候/);
  });

  it('reads the subtitle of a code split into parts and does not expect 第一条 there', () => {
    const law = parseLawText(read('民法典/附则.md'), { format: 'md' });
    expect(law.subtitle).toBe('附则');
    expect(law.units.map((u) => u.label)).toEqual(['第一千二百五十九条', '第一千二百六十条']);
    expect(law.warnings).toEqual([]);
  });
});

/** The same law as an official plain-text page renders it: spaced headings, a 目录, full-width spaces. */
function asGovernmentText(md: string): string {
  const [head, body] = md.split('<!-- INFO END -->') as [string, string];
  const title = /^# (.+)$/m.exec(head)![1]!;
  const lines: string[] = [title, '（2003年8月27日第十届全国人民代表大会常务委员会第四次会议通过　根据2019年4月23日第十三届全国人民代表大会常务委员会第十次会议《关于修改〈中华人民共和国建筑法〉等八部法律的决定》修正）', '目　　录'];
  const headings = body.split('\n').filter((l) => l.startsWith('#')).map((l) => l.replace(/^#+\s*/, ''));
  for (const h of headings) lines.push(h.replace(' ', '　').replace(/总 则|附 则/, (m) => m.replace(' ', '　　')));
  for (const l of body.split('\n')) {
    if (l.trim() === '') continue;
    if (l.startsWith('#')) lines.push('　　' + l.replace(/^#+\s*/, '').replace(' ', '　'));
    else lines.push('　　' + l.replace(/^(第[^条]+条) /, '$1　'));
  }
  return lines.join('\r\n').replace(/\r\n/g, '\n');
}

describe('parseLawText on plain text', () => {
  it('gives the same articles from a government-style TXT as from the Markdown', () => {
    const md = read('行政法/行政许可法(2019-04-23).md');
    const fromMd = parseLawText(md, { format: 'md' });
    const fromTxt = parseLawText(asGovernmentText(md), { format: 'txt' });
    expect(fromTxt.title).toBe('中华人民共和国行政许可法');
    expect(fromTxt.history.map((h) => h.date)).toEqual(['2003-08-27', '2019-04-23']);
    expect(fromTxt.units.filter((u) => u.kind === 'preamble')).toEqual([]);
    const strip = (u: { key: string; label: string; path: string[]; text: string }) => ({ key: u.key, label: u.label, path: u.path, text: u.text });
    expect(fromTxt.units.map(strip)).toEqual(fromMd.units.map(strip));
  });

  it('accepts arabic article numbers, bare headings at any depth and articles whose text starts on the next line', () => {
    const text = ['某某办法', '第一章 总则', '第1条 为了测试。', '第二条', '本条的正文在下一行。', '（一）第一项；', '（二）第二项。', '第二章　附　　则', '第三条　本办法自2021年1月1日起施行。'].join('\n');
    const law = parseLawText(text, { format: 'txt' });
    expect(law.units.map((u) => [u.key, u.path.join('/')])).toEqual([
      ['1', '第一章 总则'],
      ['2', '第一章 总则'],
      ['3', '第二章 附则'],
    ]);
    expect(law.units[1]!.paragraphs).toEqual([{ text: '本条的正文在下一行。', items: ['（一）第一项；', '（二）第二项。'] }]);
  });

  it('does not start an article at a cross reference without a space after 条', () => {
    const text = ['某某条例', '第一条 本条例依据上位法制定。', '第四十八条第二款规定的情形，依照本条处理。', '第二条 本条例自公布之日起施行。'].join('\n');
    const law = parseLawText(text, { format: 'txt' });
    expect(law.units.map((u) => u.label)).toEqual(['第一条', '第二条']);
    expect(law.units[0]!.paragraphs).toHaveLength(2);
  });

  it('splits articles that ran together on one line (飞行基本规则 as published: "…同意。 第六十五条 航路…") into articles and 款, and nothing else', () => {
    const runOn = [
      '中华人民共和国飞行基本规则',
      '第六十四条 航空器使用航路和航线，应当经负责该航路和航线的飞行管制部门同意。 第六十五条 航路和固定航线地带应当设置必要的监视和导航设备。 沿航路和固定航线应当有备降机场。备降机场应当有必备的设备和良好的通信、导航、气象保障。 第六十六条 穿越航路和航线的飞行，应当明确穿越的地段、高度和时间，穿越时还应当保证与航路和航线飞行的航空器有规定的飞行间隔。',
    ].join('\n');
    const u = parseLawText(runOn, { format: 'txt' }).units;
    expect(u.map((x) => x.label)).toEqual(['第六十四条', '第六十五条', '第六十六条']);
    expect(u[0]!.text).toBe('航空器使用航路和航线，应当经负责该航路和航线的飞行管制部门同意。');
    expect(u[1]!.paragraphs.map((p) => p.text)).toEqual(['航路和固定航线地带应当设置必要的监视和导航设备。', '沿航路和固定航线应当有备降机场。备降机场应当有必备的设备和良好的通信、导航、气象保障。']);
    // A 第N条 that is not the next article, or not between a sentence's end and a blank, is a citation.
    const cites = ['某某条例', '第八条 有下列情形之一的，依照本条例处理。 第十条 规定的除外。', '第九条 违反本条例。 第九条 规定的，从重处罚。', '第十条 依照本法第十一条 规定处理。'].join('\n');
    expect(parseLawText(cites, { format: 'txt' }).units.map((x) => x.label)).toEqual(['第八条', '第九条', '第十条']);
  });

  it('reads an article number whose space slipped before 条 (刑事诉讼法 as published: "第一百二十八 条侦查人员…") when it is the next article', () => {
    const text = ['中华人民共和国刑事诉讼法', '第一百二十七条 勘验、检查的情况应当写成笔录。', '第一百二十八 条侦查人员对于与犯罪有关的场所、物品、人身、尸体应当进行勘验或者检查。', '第一百三十 条 不是下一条，是正文。'].join('\n');
    const u = parseLawText(text, { format: 'txt' }).units;
    expect(u.map((x) => x.label)).toEqual(['第一百二十七条', '第一百二十八条']);
    expect(u[1]!.text).toBe('侦查人员对于与犯罪有关的场所、物品、人身、尸体应当进行勘验或者检查。\n第一百三十 条 不是下一条，是正文。');
  });

  it('a 印发通知 that carries the document it issues gives that document’s name as the title, the notice kept as 前言', () => {
    const notice = (title: string, issued: string) =>
      ['高青县人民政府办公室文件', '青政办发〔2021〕5号', '高青县人民政府办公室', title, '各镇人民政府、街道办事处，县政府各部门：', '　　《高青县科技创新券管理办法》已经县政府同意，现印发给你们，请认真贯彻执行。', '高青县人民政府办公室', '2021年3月1日', issued, '第一章　总则', '第一条　为了激励中小企业开展科技创新活动，制定本办法。', '第二条　本办法自2021年4月1日起施行。'].join('\n');
    const law = parseLawText(notice('关于印发《高青县科技创新券管理办法》的通知', '高青县科技创新券管理办法'), { format: 'txt' });
    expect(law.title).toBe('高青县科技创新券管理办法');
    expect(law.headerLines).toContain('高青县人民政府办公室关于印发《高青县科技创新券管理办法》的通知');
    expect(law.units[0]!.kind).toBe('preamble');
    expect(law.units[0]!.text).toContain('现印发给你们');
    expect(law.units.filter((u) => u.kind === 'article').map((u) => u.label)).toEqual(['第一条', '第二条']);
    // Not when the issued document's own title is not in the text, nor for a 转发 (another issuer's document).
    expect(parseLawText(notice('关于印发《高青县科技创新券管理办法》的通知', '（正文如下）'), { format: 'txt' }).title).toBe('高青县人民政府办公室关于印发《高青县科技创新券管理办法》的通知');
    expect(parseLawText(notice('关于转发《高青县科技创新券管理办法》的通知', '高青县科技创新券管理办法'), { format: 'txt' }).title).toBe('高青县人民政府办公室关于转发《高青县科技创新券管理办法》的通知');
  });

  it('reports numbering gaps, duplicates and disorder as warnings', () => {
    const text = ['某某条例', '第一条 一。', '第二条 二。', '第四条 四。', '第四条 又四。', '第三条 三。'].join('\n');
    const law = parseLawText(text, { format: 'txt' });
    expect(law.units).toHaveLength(5);
    expect(law.warnings).toEqual([
      '条文编号不连续：第二条 之后是 第四条',
      '条文编号重复：第四条',
      '条文顺序颠倒：第四条 之后是 第三条',
    ]);
  });

  it('keeps an appendix (附件) after the articles', () => {
    const text = ['某某办法', '第一条 正文。', '第二条 见附件。', '附件：申请表格式', '申请人：', '日期：'].join('\n');
    const law = parseLawText(text, { format: 'txt' });
    expect(law.units.map((u) => u.kind)).toEqual(['article', 'article', 'appendix']);
    expect(law.units[2]!.label).toBe('附件：申请表格式');
    expect(law.units[2]!.text).toBe('申请人：\n日期：');
  });
});

describe('parseHistoryLine', () => {
  it('splits the parenthesised one-liner of official texts into events', () => {
    const events = parseHistoryLine('（2009年6月27日第十一届全国人民代表大会常务委员会第九次会议修订　根据2024年9月13日第十四届全国人民代表大会常务委员会第十一次会议《关于修改〈中华人民共和国统计法〉的决定》修正）');
    expect(events.map((e) => [e.date, e.kind])).toEqual([
      ['2009-06-27', '修订'],
      ['2024-09-13', '修正'],
    ]);
  });

  it('reads dates written in Chinese numerals', () => {
    expect(parseHistoryLine('二〇一九年四月二十三日 公布')[0]).toMatchObject({ date: '2019-04-23', kind: '公布' });
  });
});

describe('headings in plain text (PDF text, OCR) that Markdown marks with ##', () => {
  // 垄断民事纠纷司法解释 as the layout step gives it for a scan: each heading on a line of its own
  const text = [
    '最高人民法院关于审理垄断民事纠纷案件适用法律若干问题的解释',
    '一、程序规定',
    '第一条 本解释所称垄断民事纠纷案件，是指自然人、法人或者非法人组织因垄断行为受到损失而发生争议，依据反垄断法向人民法院提起诉讼的案件。',
    '第十三条 反垄断执法机构对被诉垄断行为已经立案调查的，人民法院可以根据案件具体情况，裁定中止诉讼。',
    '二、相关市场界定',
    '第十四条 原告主张被诉垄断行为违反反垄断法的，一般应当界定反垄断法第十五条第二款所称的相关市场。',
  ].join('\n');

  it('takes a numbered title (一、 二、) standing before an article as a heading, not the end of the article before', () => {
    const units = parseLawText(text, { format: 'txt' }).units;
    const art = (label: string) => units.find((u) => u.label === label)!;
    expect(art('第十三条').text).toBe('反垄断执法机构对被诉垄断行为已经立案调查的，人民法院可以根据案件具体情况，裁定中止诉讼。');
    expect(art('第一条').path).toEqual(['一、程序规定']);
    expect(art('第十四条').path).toEqual(['二、相关市场界定']);
  });

  it('takes a numbered title after one that was lost (三、监护 misread 三女妙护, then 四、) as a heading, not two titles on', () => {
    // zongze (blind9, an OCR'd 司法解释): the 三、 title's misreading stays with the article before, 四、 goes on from 二、
    const lost = [
      '最高人民法院关于适用《中华人民共和国民法典》总则编若干问题的解释',
      '一、一般规定',
      '第一条 民法典第二编至第七编对民事关系有规定的，人民法院直接适用该规定。',
      '二、民事权利能力和民事行为能力',
      '第五条 限制民事行为能力人实施的民事法律行为是否与其年龄、智力、精神健康状况相适应，人民法院可以从行为与本人生活相关联的程度等方面认定。',
      '三女妙护',
      '第六条 人民法院认定自然人的监护能力，应当根据其年龄、身心健康状况、经济条件等因素确定。',
      '四、宣告失踪和宣告死亡',
      '第十四条 人民法院审理宣告失踪案件时，可以认定为民法典第四十条规定的利害关系人。',
      '六、代理',
      '第二十五条 数个委托代理人共同行使代理权，其中一人或者数人未与其他委托代理人协商，所实施的行为侵害被代理人权益的，由实施行为的委托代理人承担民事责任。',
    ].join('\n');
    const u = parseLawText(lost, { format: 'txt' }).units;
    expect(u.find((x) => x.label === '第五条')!.text).toContain('三女妙护');
    expect(u.find((x) => x.label === '第六条')!.text).toBe('人民法院认定自然人的监护能力，应当根据其年龄、身心健康状况、经济条件等因素确定。');
    expect(u.find((x) => x.label === '第十四条')!.path).toEqual(['四、宣告失踪和宣告死亡']);
    // (五、 lost too: 六、 is two on from 四、, as far as a lost title reaches)
    expect(u.find((x) => x.label === '第二十五条')!.path).toEqual(['六、代理']);
    // two titles lost: not a title
    const far = lost.replace('六、代理', '七、代理');
    expect(parseLawText(far, { format: 'txt' }).units.find((x) => x.label === '第十四条')!.text).toContain('七、代理');
  });

  it('keeps an article’s own list items, and a title out of sequence, in the article', () => {
    const items = ['高青县科技创新券管理办法', '第五条 县级人民政府负责下列工作：', '一、编制规划；', '二、组织实施。', '第六条 本办法自发布之日起施行。'].join('\n');
    expect(parseLawText(items, { format: 'txt' }).units.find((u) => u.label === '第五条')!.text).toContain('二、组织实施。');
    // a short item without a mark, but no 一、 title before it: not a heading
    const last = ['高青县科技创新券管理办法', '第五条 县级人民政府负责下列工作：', '三、组织实施', '第六条 本办法自发布之日起施行。'].join('\n');
    const u = parseLawText(last, { format: 'txt' }).units;
    expect(u.find((x) => x.label === '第五条')!.text).toContain('三、组织实施');
    expect(u.find((x) => x.label === '第六条')!.path).toEqual([]);
  });

  it('reads a chapter or section heading whose space was lost (第三节赔偿程序) before an article, and not a sentence', () => {
    const glued = ['中华人民共和国国家赔偿法', '第八条 经复议机关复议的，复议机关对加重的部分履行赔偿义务。', '第三节赔偿程序', '第九条 赔偿义务机关有本法第三条、第四条规定情形之一的，应当给予赔偿。'].join('\n');
    const u = parseLawText(glued, { format: 'txt' }).units;
    expect(u.find((x) => x.label === '第八条')!.text).toBe('经复议机关复议的，复议机关对加重的部分履行赔偿义务。');
    expect(u.find((x) => x.label === '第九条')!.path).toEqual(['第三节 赔偿程序']);
    const sentence = ['高青县科技创新券管理办法', '第八条 有下列情形之一的，适用本章规定：', '第二章规定的事项，由县级人民政府决定。', '第九条 本条例自公布之日起施行。'].join('\n');
    expect(parseLawText(sentence, { format: 'txt' }).units.find((x) => x.label === '第八条')!.text).toContain('第二章规定的事项');
  });

  it('a numbered title followed by a （一） sub-title, then the article, is a title too (seed 52: 担保制度的解释)', () => {
    const text = [
      '某解释',
      '一、关于一般规定',
      '第一条 本解释适用于担保。',
      '二、关于担保物权',
      '（一）担保合同与担保物权的效力',
      '第二条 当事人以有争议的财产抵押的，依照有关规定处理。',
      '三、附则',
      '第三条 本解释自2021年1月1日起施行。',
    ].join('\n');
    const units = parseLawText(text, { format: 'txt' }).units.filter((u) => u.kind === 'article');
    expect(units.map((u) => [u.label, u.text])).toEqual([
      ['第一条', '本解释适用于担保。'],
      ['第二条', '当事人以有争议的财产抵押的，依照有关规定处理。'],
      ['第三条', '本解释自2021年1月1日起施行。'],
    ]);
    expect(units[2]!.path).toEqual(['三、附则']);
    // an article's own list item before the next article stays the article's
    const items = ['某办法', '第一条 有下列情形之一的，不予登记：', '一、材料不全', '（一）缺少证明', '第二条 本办法自公布之日起施行。'].join('\n');
    expect(parseLawText(items, { format: 'txt' }).units.find((u) => u.label === '第一条')!.text).toContain('一、材料不全');
  });
});
