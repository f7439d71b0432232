// The shared layout step (PDF text layer, OFD, OCR) on cases the format sweep found.

import { describe, expect, it } from 'vitest';
import { alignedSpaceTables, buildLines, isPageNumberLine, joinParagraphs, type PositionedText, type TextLine } from '../../../electron/core/importers/text-layout';

const line = (text: string, x0: number, x1: number, y: number, indented = false): TextLine => ({
  page: 1, text, x0, x1, y, size: 12, indented,
});

describe('joinParagraphs', () => {
  it('keeps a number cut at the line end whole, and a wrapped Latin word apart', () => {
    const { paragraphs } = joinParagraphs([
      [
        line('第一条 本条例于2009年6月26日经第十一届会议通过、20', 96, 500, 700),
        line('10年9月17日修正。', 72, 200, 685),
        line('第二条 参照World', 96, 500, 670),
        line('Trade Organization规则。', 72, 260, 655),
      ],
    ]);
    expect(paragraphs).toEqual(['第一条 本条例于2009年6月26日经第十一届会议通过、2010年9月17日修正。', '第二条 参照World Trade Organization规则。']);
  });

  it('does not end a paragraph at a body line pushed short by a line-break rule', () => {
    const lines = [
      line('第一条 国家基本比例尺地图的更新周期，根据需求确定。其中，1∶100万至', 96, 430, 700),
      line('1∶5000国家基本比例尺地图至少5年更新一次；', 72, 500, 685),
      line('数量达到百分之五十以上未达到百分之百', 72, 476, 670),
      line('的；', 72, 96, 655),
      line('第二条 另一条。', 96, 200, 640),
      line('第三条 短句结束。', 96, 440, 625),
      line('新的一段。', 72, 200, 610),
    ];
    expect(joinParagraphs([lines]).paragraphs).toEqual([
      '第一条 国家基本比例尺地图的更新周期，根据需求确定。其中，1∶100万至1∶5000国家基本比例尺地图至少5年更新一次；数量达到百分之五十以上未达到百分之百的；',
      '第二条 另一条。',
      '第三条 短句结束。',
      '新的一段。',
    ]);
  });
});

describe('joinParagraphs with space between paragraphs (typeset text)', () => {
  // pandoc's DOCX printed by LibreOffice: no first-line indent, 1.17 sizes between a paragraph's
  // lines and 1.92 between paragraphs (juanzeng-so.pdf); a paragraph's last line may fill the measure.
  const page = (gap: number, lastText = '不得挪作他用。') => {
    const out: TextLine[] = [];
    let y = 760;
    const put = (text: string, x1: number, step: number) => {
      y -= step * 12;
      out.push(line(text, 72, x1, y));
    };
    for (let i = 0; i < 5; i++) {
      put(`第${'一二三四五'[i]}条 公益性社会团体应当将受赠财产用于资助符合其宗旨的活动和事业。对于`, 540, 1.92);
      put('接受的救助灾害的捐赠财产，应当及时用于救助活动。', 300, 1.17);
    }
    put('第六条 公益性非营利的事业单位应当将受赠财产用于发展本单位的公益事业，', 540, 1.92);
    put(lastText, 540, 1.17);
    put('对于不易储存、运输和超过实际需要的受赠财产，受赠人可以变卖。', 420, gap);
    return out;
  };

  it('starts a paragraph after a full line that closed its sentence when the step down is a paragraph’s', () => {
    expect(joinParagraphs([page(1.92)], { spacing: true }).paragraphs.slice(-2)).toEqual([
      '第六条 公益性非营利的事业单位应当将受赠财产用于发展本单位的公益事业，不得挪作他用。',
      '对于不易储存、运输和超过实际需要的受赠财产，受赠人可以变卖。',
    ]);
  });

  it('joins at a line’s step, at an open sentence, and without the option (OCR)', () => {
    const joined = '第六条 公益性非营利的事业单位应当将受赠财产用于发展本单位的公益事业，不得挪作他用。对于不易储存、运输和超过实际需要的受赠财产，受赠人可以变卖。';
    expect(joinParagraphs([page(1.17)], { spacing: true }).paragraphs.at(-1)).toBe(joined);
    expect(joinParagraphs([page(1.92)]).paragraphs.at(-1)).toBe(joined);
    expect(joinParagraphs([page(1.92, '不得挪作他用，')], { spacing: true }).paragraphs.at(-1)).toBe(joined.replace('他用。', '他用，'));
  });

  it('measures nothing from fewer than 8 steps, nor across pages and columns', () => {
    const lines = page(1.92).slice(-3);
    expect(joinParagraphs([lines], { spacing: true }).paragraphs).toHaveLength(1);
    // the same three lines with the last one on the next page, or in the other column: no step between them
    const full = page(1.92);
    const moved = full.map((l, i) => (i === full.length - 1 ? { ...l, page: 2 } : l));
    expect(joinParagraphs([moved.slice(0, -1), moved.slice(-1)], { spacing: true }).paragraphs.at(-1)).toContain('他用。对于');
    const column = full.map((l, i) => (i === full.length - 1 ? { ...l, column: { left: 300, right: 540 } } : l));
    expect(joinParagraphs([column], { spacing: true }).paragraphs.at(-1)).toContain('他用。对于');
  });
});

describe('joinParagraphs on a page of short items', () => {
  it('still sees the indent of （一） when most of the page is indented', () => {
    const full = (t: string, y: number) => line(t, 72, 500, y);
    const page1 = [line('第一条 甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛壬', 96, 500, 700), full('癸甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛壬癸甲乙', 685),
      full('丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛壬癸甲乙丙丁戊', 670), line('己庚。', 72, 110, 655)];
    const page2 = [
      line('第二条 判决书应当写明判决结果和作出该判决的理由', 96, 500, 700, false),
      line('和依据，判决书内容包括下列各项，并由审判人员署名：', 72, 500, 685),
      line('（一）案由；', 96, 170, 670),
      line('（二）事实；', 96, 170, 655),
      line('（三）理由；', 96, 170, 640),
      line('（四）结果。', 96, 170, 625),
      line('第三条 短。', 96, 150, 610),
      line('第四条 短。', 96, 150, 595),
    ].map((l) => ({ ...l, page: 2 }));
    expect(joinParagraphs([page1, page2]).paragraphs.slice(1, 4)).toEqual([
      '第二条 判决书应当写明判决结果和作出该判决的理由和依据，判决书内容包括下列各项，并由审判人员署名：',
      '（一）案由；',
      '（二）事实；',
    ]);
  });
});

describe('buildLines', () => {
  it('interleaves the Western-font quotes LibreOffice prints over a CJK run, without the runs’ placeholder blanks', () => {
    // Item positions as pdf.js reports them for a LibreOffice PDF (12 pt): the Western run has the
    // quotes and a blank over the ideographs, the CJK run a blank where each quote goes.
    const items = [
      { str: '规定的 重大 。', x: 72, y: 700, w: 84.2, size: 12 },
      { str: '“', x: 108, y: 700, w: 6.1, size: 12 },
      { str: ' ', x: 114.1, y: 700, w: 24, size: 12 },
      { str: '”', x: 138.1, y: 700, w: 6.1, size: 12 },
    ];
    expect(buildLines(items, 1).map((l) => l.text)).toEqual(['规定的“重大”。']);
  });

  it('drops a blank placeholder lying over digits and keeps 1∶100万 together', () => {
    const items = [
      { str: '全国1', x: 72, y: 700, w: 30, size: 12 },
      { str: ' ', x: 102, y: 700, w: 12, size: 12 },
      { str: '100', x: 114, y: 700, w: 22.9, size: 12 },
      { str: '∶', x: 102, y: 700, w: 12, size: 12 },
      { str: ' ', x: 114, y: 700, w: 25.4, size: 12 },
      { str: '万', x: 139.4, y: 700, w: 12, size: 12 },
    ];
    expect(buildLines(items, 1).map((l) => l.text)).toEqual(['全国1∶100万']);
  });
});

describe('runs printed over each other', () => {
  it('reads two text boxes printed at one spot one after the other, not shuffled character by character', () => {
    // pdf.js's runs for the two header boxes of the LibreOffice 红头 (received/dizhen-hongtou-box.pdf):
    // the second starts inside the first, whose glyphs fill its width (no blank left for it).
    const items = [
      { str: '高新区管理委员会规范性文件', x: 196.6, y: 756.8, w: 208, size: 16 },
      { str: '内部资料', x: 268.6, y: 756.8, w: 64, size: 16 },
    ];
    expect(buildLines(items, 1).map((l) => l.text)).toEqual(['高新区管理委员会规范性文件内部资料']);
  });
});

describe('tables and contents', () => {
  // Rows of two runs with a wide gap between, 14 pt apart: what a PDF's table or 目录 gives pdf.js.
  const rows = (cells: [string, string][], right = 480) =>
    cells.flatMap(([a, b], i) => [
      { str: a, x: 72, y: 700 - i * 20, w: a.length * 12, size: 12 },
      { str: b, x: right, y: 700 - i * 20, w: b.length * 6, size: 12 },
    ]);

  it('a 目录 whose leaders are drawn (title, gap, page number) stays lines for the 目录 removal', () => {
    const toc = rows([
      ['一、审查事项', '2'],
      ['第一章 总则', '2'],
      ['第二章 统计调查管理', '4'],
      ['三、相关法律依据', '19'],
      ['四、关于科技创新券管理办法的合法性审查意见', '24'],
      ['五、关于开展科技统计调查的实施方案的合法', ''],
      ['性审查意见', '26'],
    ]).filter((it) => it.str !== '');
    const lines = buildLines(toc, 1);
    expect(lines.some((l) => l.text.startsWith('|'))).toBe(false);
    expect(lines.map((l) => l.text)[0]).toMatch(/^一、审查事项\s*2$/);
  });

  it('a real two-column table is still a table, also when its figures rise', () => {
    const fees = buildLines(rows([
      ['申报材料', '份数'],
      ['项目申请书', '3'],
      ['可行性研究报告', '5'],
      ['营业执照复印件', '8'],
    ]), 1);
    // the head row is words, not a page number: not a 目录
    expect(fees.map((l) => l.text)).toEqual(['|申报材料|份数|', '|项目申请书|3|', '|可行性研究报告|5|', '|营业执照复印件|8|']);
  });
});

describe('page-number lines in the forms printers and templates use', () => {
  it('recognises them, and never an article, a heading, a year or an attachment label', () => {
    for (const t of ['— 3 —', '- 3 -', '第3页', '3/10', '第 3 页 共 10 页', '共10页 第3页', '第三页', 'Page 3', 'Page 3 of 10', '3 of 10', '·3·', '－３－', 'iv']) {
      expect(isPageNumberLine(t), t).toBe(true);
    }
    for (const t of ['第三条', '第一章 总则', '2024年', '附件3', '共3条', 'Page layout', '三']) expect(isPageNumberLine(t), t).toBe(false);
  });
});

describe('a table set without borders or wide gaps (alignedSpaceTables)', () => {
  // pdf.js's items for LibreOffice's borderless table in cailiang-rowspans.pdf (12 pt): the cells are
  // apart by their padding only, 5.3 pt, and pdf.js joins a row into one item with a space.
  const prose = { str: '第四条 本基准自2025年1月1日起施行，由县应急管理局负责解释，各乡镇人民政府和县直有关部门遵照执行。', x: 56.8, y: 473.4, w: 480, size: 12 };
  const table: PositionedText[] = [
    { str: '事项', x: 58.2, y: 574.6, w: 24, size: 12 },
    { str: ' ', x: 82.2, y: 574.6, w: 29.3, size: 12 },
    { str: '承办机构', x: 111.5, y: 574.6, w: 48, size: 12 },
    { str: '行政处罚 执法大队', x: 58.2, y: 540.4, w: 101.3, size: 12 },
    { str: '行政复议 县司法局', x: 58.2, y: 506.2, w: 101.3, size: 12 },
  ];
  const read = (items: PositionedText[]) => alignedSpaceTables(buildLines(items, 1)).map((l) => l.text);

  it('three rows whose words start at the same place after a space are rows of cells', () => {
    expect(read([...table, prose])).toEqual(['|事项|承办机构|', '|行政处罚|执法大队|', '|行政复议|县司法局|', prose.str]);
  });

  it('two rows, articles with labels of one width, a 目录, (一) items, prose reaching the page’s width, LibreOffice’s 0.2 em before a number: lines as before', () => {
    const lines = (strs: string[], x = 58.2) => strs.map((str, i) => ({ str, x, y: 700 - i * 20, w: [...str].length * 12 - 6, size: 12 }));
    const cases: PositionedText[][] = [
      [...table.slice(0, 4), prose],
      [...lines(['第一条 本办法自公布之日起施行。', '第二条 本办法由县政府解释。', '第三条 以前的规定同时废止。']), prose],
      [...lines(['第一章 总则', '第二章 许可', '第三章 监督检查']), prose],
      [...lines(['（一） 吊销许可证', '（二） 责令停产', '（三） 没收违法所得']), prose],
      lines(['本条例所称 重大行政决策事项包括下列事项，由决策机关依照本条例规定的程序作出决定', '本条例所称 决策机关是指县级以上地方人民政府，决策机关的办公厅（室）负责具体的组织工作', '本条例所称 决策承办单位是指决策机关确定的负责组织起草决策草案的单位和有关部门']),
      [
        { str: '自', x: 58.2, y: 700, w: 12, size: 12 }, { str: '2021', x: 72.6, y: 700, w: 24, size: 12 }, { str: '年起', x: 99, y: 700, w: 24, size: 12 },
        { str: '自', x: 58.2, y: 680, w: 12, size: 12 }, { str: '2022', x: 72.6, y: 680, w: 24, size: 12 }, { str: '年止', x: 99, y: 680, w: 24, size: 12 },
        { str: '自', x: 58.2, y: 660, w: 12, size: 12 }, { str: '2023', x: 72.6, y: 660, w: 24, size: 12 }, { str: '年中', x: 99, y: 660, w: 24, size: 12 },
        prose,
      ],
    ];
    for (const items of cases) {
      const built = buildLines(items, 1).map((l) => l.text);
      expect(read(items)).toEqual(built);
      expect(built.some((t) => t.startsWith('|'))).toBe(false);
    }
  });

  it('hostile: 300 lines of 5,000 words each, aligned, are no table and are read in one pass', () => {
    const words = Array.from({ length: 5000 }, () => '甲').join(' ');
    const items = Array.from({ length: 300 }, (_, i) => ({ str: words, x: 58.2, y: 800 - i * 14, w: 5000 * 12 + 4999 * 5, size: 12 }));
    const lines = alignedSpaceTables(buildLines([...items, { ...prose, y: 830, w: 90_000 }], 1));
    expect(lines).toHaveLength(301);
    expect(lines.some((l) => l.table)).toBe(false);
  });
});

