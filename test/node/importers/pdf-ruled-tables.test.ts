// Tables drawn with ruling lines in a PDF read as the same rows the Word reader gives for the document
// the PDF was printed from: merged cells (rowspan, colspan, both), a two-row heading, a table over page
// breaks with its heading repeated on each page, LibreOffice's stroked borders and Chromium's filled
// ones. A table without vertical rules stays with the aligned-gap finder. Fixtures:
// test/fixtures/documents/tables/NOTICE.md.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../electron/core/importers/extract-document';
import { pageRulings } from '../../../electron/core/importers/pdf-rulings';
import { joinRowsOverPageBreaks, ruledGrids, type Ruling } from '../../../electron/core/importers/ruled-tables';
import type { RuledRow, TextLine } from '../../../electron/core/importers/text-layout';
import { parseLawText } from '../../../electron/core/parse/law-structure-parser';
import { FIXTURES } from './article-match';
import { pdfFile } from './minimal-pdf';

const dir = join(FIXTURES, 'tables');
const read = async (file: string) => (await extractDocument(new Uint8Array(readFileSync(join(dir, file))), file, { ocr: false })).text;
const rowsOf = (text: string) => text.split('\n').filter((l) => l.startsWith('|'));
const articles = (text: string) =>
  parseLawText(text, { format: 'txt' })
    .units.filter((u) => u.kind === 'article')
    .map((u) => `${u.label} ${u.text}`);

describe('PDF tables with merged cells, from their ruling lines', () => {
  for (const file of ['merged-cells.pdf', 'merged-cells-chromium.pdf']) {
    it(`${file}: the rows and articles of merged-cells.docx`, async () => {
      const [pdf, docx] = await Promise.all([read(file), read('merged-cells.docx')]);
      expect(rowsOf(docx)).toHaveLength(8);
      expect(rowsOf(pdf)).toEqual(rowsOf(docx));
      expect(rowsOf(pdf).slice(0, 3)).toEqual([
        '|序号|违法行为|情节|处罚标准|依据|',
        '|1|未按规定设置警示标志|轻微|责令改正|《安全生产法》第九十九条|',
        '|||一般|罚款一千元以上五千元以下||',
      ]);
      expect(articles(pdf)).toEqual(articles(docx));
    });
  }

  for (const file of ['cailiang-rowspans.pdf', 'cailiang-rowspans-chromium.pdf']) {
    it(`${file}: a two-row heading and 36 rows over page breaks read as the DOCX, the repeated heading once`, async () => {
      const [pdf, docx] = await Promise.all([read(file), read('cailiang-rowspans.docx')]);
      const ruled = (text: string) => rowsOf(text.slice(0, text.indexOf('第三条')));
      expect(ruled(docx)).toHaveLength(2 + 36);
      expect(ruled(pdf)).toEqual(ruled(docx));
      expect(ruled(pdf).slice(0, 2)).toEqual(['|序号|违法行为|情节|处罚标准|依据|', '||||对单位|对个人||']);
      // 第三条's borderless table: LibreOffice leaves only its cell padding between the cells (before session 22:
      // 事项承办机构), Chromium a wide gap; its columns are read from the words' common starts (alignedSpaceTables)
      expect(articles(pdf)).toHaveLength(4);
      expect(articles(pdf)).toEqual(articles(docx));
      expect(rowsOf(pdf.slice(pdf.indexOf('第三条')))).toEqual(['|事项|承办机构|', '|行政处罚|执法大队|', '|行政复议|县司法局|']);
    });
  }

  it('a table ruled by horizontal lines only (pandoc’s) is no grid: the aligned-gap finder reads it as before', async () => {
    const rows = rowsOf(await read('zuiming4.pdf'));
    expect(rows[0]).toBe('|刑法条文|罪名|');
    expect(rows.length).toBeGreaterThan(10);
  });
});

describe('a cell whose text runs over a page break (cell-over-pages: LibreOffice and Chromium prints of one DOCX)', () => {
  // 办理要求 of row 4 runs from page 1 onto page 2, below the repeated heading. LibreOffice draws a
  // border on both sides of the break; Chromium draws none (the row is open at page 1's bottom).
  // Before: LibreOffice gave the row twice (|||事故发生单位应当认真吸取事故教训…||), Chromium left
  // row 6 and the continuation as loose lines.
  for (const file of ['cell-over-pages.pdf', 'cell-over-pages-chromium.pdf']) {
    it(`${file}: the DOCX’s 7 rows and 4 articles, the cell whole`, async () => {
      const [pdf, docx] = await Promise.all([read(file), read('cell-over-pages.docx')]);
      expect(rowsOf(docx)).toHaveLength(7);
      expect(rowsOf(pdf)).toEqual(rowsOf(docx));
      expect(rowsOf(pdf)[4]).toMatch(/^\|4\|事故调查\|发生生产安全事故后.*防止事故再次发生。\|《安全生产法》第八十六条\|$/);
      expect(articles(pdf)).toEqual(articles(docx));
    });
  }
});

/** A ruled row line of a four-column table, as linesWithRuledTables gives it. */
function row(page: number, cells: string[], o: Partial<RuledRow> = {}): TextLine {
  const ruledRow: RuledRow = { cells, xs: [50, 80, 120, 480, 550], full: cells.map(() => false), spansDown: cells.map(() => false), openTop: false, openBottom: false, ...o };
  return { page, text: `|${cells.join('|')}|`, x0: 50, x1: 550, y: 100, size: 10, indented: false, table: true, ruled: true, ruledRow };
}
const plain = (page: number, text: string): TextLine => ({ page, text, x0: 50, x1: 550, y: 30, size: 10, indented: false });
const FULL_3 = [false, false, true, false];

describe('rows over a page break: joined only when they continue', () => {
  it('closed borders: text only in the cell that stood to the bottom, 序号 empty → one row', () => {
    const pages = [[row(1, ['3', '检查', '检查人员应当', '第八条'], { full: FULL_3 }), plain(1, '— 1 —')], [row(2, ['', '', '出示证件。', '']), plain(2, '第三条 本办法自公布之日起施行。')]];
    joinRowsOverPageBreaks(pages);
    expect(pages[0]![0]!.text).toBe('|3|检查|检查人员应当出示证件。|第八条|');
    expect(pages[1]!.map((l) => l.text)).toEqual(['第三条 本办法自公布之日起施行。']);
  });

  it('a new row (its 序号 filled), text in a cell that had ended, a row starting a row span, other columns, a paragraph below the table: kept apart', () => {
    const cases: TextLine[][][] = [
      [[row(1, ['3', '检查', '检查人员应当', '第八条'], { full: FULL_3 })], [row(2, ['4', '处罚', '罚款。', '第九条'])]],
      [[row(1, ['3', '检查', '检查人员应当', '第八条'], { full: FULL_3 })], [row(2, ['', '一般', '罚款。', ''])]],
      [[row(1, ['3', '检查', '检查人员应当', '第八条'], { full: FULL_3 })], [row(2, ['', '', '罚款。', ''], { spansDown: [true, false, false, false] })]],
      [[row(1, ['3', '检查', '检查人员应当', '第八条'], { full: FULL_3 })], [row(2, ['', '', '罚款。', ''], { xs: [50, 90, 120, 480, 550] })]],
      [[row(1, ['3', '检查', '检查人员应当', '第八条'], { full: FULL_3 }), plain(1, '第三条 本办法所称检查，是指县应急管理局依法进行的安全生产监督检查活动。')], [row(2, ['', '', '罚款。', ''])]],
    ];
    for (const pages of cases) {
      const before = pages.map((p) => p.map((l) => l.text));
      joinRowsOverPageBreaks(pages);
      expect(pages.map((p) => p.map((l) => l.text))).toEqual(before);
    }
  });

  it('a row open at the bottom of its page (Chromium) joins the next page’s first row, every cell; a row over three pages is one row', () => {
    const pages = [
      [row(1, ['1', '许可', '申请人应当', '第十条'], { openBottom: true })],
      [row(2, ['', '事项', '提交申请书', '和第十一条'], { openTop: true, openBottom: true })],
      [row(3, ['', '', '和身份证明。', ''], { openTop: true }), row(3, ['2', '检查', '依法检查。', '第十二条'])],
    ];
    joinRowsOverPageBreaks(pages);
    expect(pages.flat().map((l) => l.text)).toEqual(['|1|许可事项|申请人应当提交申请书和身份证明。|第十条和第十一条|', '|2|检查|依法检查。|第十二条|']);
  });

  it('Latin words and digits cut by the break keep their space, as a wrap in a cell does', () => {
    const pages = [[row(1, ['1', '标准', 'GB', '第十条'], { full: FULL_3 })], [row(2, ['', '', '19001 的要求', ''])]];
    joinRowsOverPageBreaks(pages);
    expect(pages[0]![0]!.text).toBe('|1|标准|GB 19001 的要求|第十条|');
  });

  it('hostile: one row continued over 2,000 pages of 3,000 characters each is one row of 6 million, joined once', () => {
    const piece = '续'.repeat(3000);
    const pages = [[row(1, ['1', '甲', piece, '乙'], { openBottom: true })], ...Array.from({ length: 1999 }, (_, i) => [row(i + 2, ['', '', piece, ''], { openTop: true, openBottom: true })])];
    joinRowsOverPageBreaks(pages);
    expect(pages.flat()).toHaveLength(1);
    expect(pages[0]![0]!.text.length).toBe(6_000_000 + '|1|甲||乙|'.length);
  });
});

describe('ruling lines → grids: an open edge', () => {
  it('outer borders running on past the last rule give an open row down to where they end; a border alone, or under a double border’s gap, does not', () => {
    const closed = [h(300, 0, 300), h(200, 0, 300), h(100, 0, 300), v(0, 100, 300), v(150, 100, 300), v(300, 100, 300)];
    const [grid] = ruledGrids([...closed.slice(0, 3), v(0, 20, 300), v(150, 20, 300), v(300, 30, 300)]);
    expect(grid?.ys).toEqual([300, 200, 100, 30]);
    expect(grid?.openBottom).toBe(true);
    expect(grid?.openTop).toBe(false);
    const [one] = ruledGrids([...closed.slice(0, 3), v(0, 20, 300), v(150, 100, 300), v(300, 100, 300)]);
    expect(one?.ys).toEqual([300, 200, 100]);
    const [overshoot] = ruledGrids([...closed.slice(0, 3), v(0, 97, 303), v(150, 100, 300), v(300, 97, 303)]);
    expect(overshoot?.openBottom).toBe(false);
    expect(overshoot?.openTop).toBe(false);
  });
});

const h = (at: number, a: number, b: number): Ruling => ({ horizontal: true, at, a, b });
const v = (at: number, a: number, b: number): Ruling => ({ horizontal: false, at, a, b });

describe('ruling lines → grids', () => {
  it('a 3 × 3 grid whose middle column is merged over two rows gives one cell for both slots', () => {
    const lines = [h(300, 0, 300), h(200, 0, 300), h(100, 0, 300), h(0, 0, 300), v(0, 0, 300), v(300, 0, 300), v(100, 0, 300), v(200, 0, 300)];
    // the line between rows 1 and 2 is missing under the middle column
    lines[2] = h(100, 0, 100);
    lines.push(h(100, 200, 300));
    const [grid] = ruledGrids(lines);
    expect(grid?.xs).toEqual([0, 100, 200, 300]);
    expect(grid?.ys).toEqual([300, 200, 100, 0]);
    expect(grid?.cells).toContainEqual({ r0: 1, r1: 3, c0: 1, c1: 2 });
    expect(grid?.cells).toHaveLength(8);
  });

  it('underlines, a 红头 rule and one framed box make no grid', () => {
    expect(ruledGrids([h(700, 50, 550), h(500, 80, 200), h(400, 80, 200)])).toEqual([]);
    expect(ruledGrids([h(300, 0, 300), h(0, 0, 300), v(0, 0, 300), v(300, 0, 300)])).toEqual([]);
  });

  it('framed text boxes that overlap (a 红头 box, a header box reaching 6.7 pt into it, a 密级 box inside that) make no grid', () => {
    // LibreOffice's print of make-hongtou.py --textbox --header-box, page 1, as pageRulings gives it
    const box = (x0: number, y0: number, x1: number, y1: number) => [h(y1, x0, x1), h(y0, x0, x1), v(x0, y0, y1), v(x1, y0, y1)];
    const hongtou = box(79.4, 590.7, 521.6, 760.8);
    const header = box(172.9, 754, 428, 779.5);
    const mark = box(258, 754, 343, 779.5);
    expect(ruledGrids([...hongtou, ...header, ...mark])).toEqual([]);
    // a table framed twice (a double border), and two tables sharing an edge, are tables still
    const table = [h(300, 0, 300), h(200, 0, 300), h(0, 0, 300), v(0, 0, 300), v(150, 0, 300), v(300, 0, 300)];
    expect(ruledGrids([...table, ...box(-3, -3, 303, 303)])).toHaveLength(1);
    const beside = table.map((r) => (r.horizontal ? { ...r, a: r.a + 300, b: r.b + 300 } : { ...r, at: r.at + 300 }));
    expect(ruledGrids([...table, ...beside]).map((g) => g.cells.length)).toEqual([8]);
    // a box drawn over a corner of a table, overlapping it, is what the rule refuses: no false table
    expect(ruledGrids([...table, ...box(250, 250, 400, 400)])).toEqual([]);
  });

  it('filled thin rectangles (Word, Chromium) and stroked lines (LibreOffice) are rulings; curves, clips and shaded boxes are not', () => {
    const OPS = { save: 10, restore: 11, transform: 12, stroke: 20, fill: 22, endPath: 28, constructPath: 91, paintFormXObjectBegin: 74, paintFormXObjectEnd: 75 };
    const fn = [OPS.save, OPS.transform, OPS.constructPath, OPS.constructPath, OPS.constructPath, OPS.constructPath, OPS.constructPath, OPS.restore, OPS.constructPath];
    const args = [
      null,
      [0.75, 0, 0, 0.75, 10, 20],
      [OPS.fill, [new Float32Array([0, 0, 0, 1, 400, 0, 1, 400, 1, 1, 0, 1, 4])]], // a border filled 1 unit high
      [OPS.fill, [new Float32Array([0, 0, 100, 1, 400, 100, 1, 400, 300, 1, 0, 300, 4])]], // a shaded cell: no line
      [OPS.stroke, [new Float32Array([0, 0, 500, 2, 10, 500, 20, 600, 30, 600])]], // a curve
      [OPS.endPath, [new Float32Array([0, 0, 0, 1, 0, 800])]], // a clip
      [OPS.stroke, [new Float32Array([0, 50, 0, 1, 50, 400])]], // a vertical stroke
      null,
      [OPS.stroke, [new Float32Array([0, 0, 10, 1, 100, 10])]], // after restore: no transform
    ];
    const rulings = pageRulings(fn, args, OPS);
    expect(rulings).toEqual([
      { horizontal: true, at: 20.375, a: 10, b: 310 },
      { horizontal: false, at: 47.5, a: 20, b: 320 },
      { horizontal: true, at: 10, a: 0, b: 100 },
    ]);
  });

  it('hostile: a path of a million numbers, NaN coordinates, a garbage matrix and 6,000 lines give no grid and do not throw', () => {
    const OPS = { save: 10, restore: 11, transform: 12, stroke: 20, fill: 22, constructPath: 91 };
    const huge = new Float32Array(1_000_002);
    for (let i = 0; i < huge.length; i += 3) huge[i] = 1;
    expect(pageRulings([OPS.constructPath], [[OPS.stroke, [huge]]], OPS)).toEqual([]);
    expect(pageRulings([OPS.transform, OPS.constructPath], [['x', 1], [OPS.stroke, [new Float32Array([0, NaN, 0, 1, 100, 0, 9, 1, 2])]]], OPS)).toEqual([]);
    const many: Ruling[] = [];
    for (let i = 0; i < 3000; i++) many.push(h(i, 0, 3000), v(i, 0, 3000));
    expect(ruledGrids(many)).toEqual([]);
    // 150 × 150 lines: 22,201 slots, past the cells any law's table has
    const dense: Ruling[] = [];
    for (let i = 0; i <= 150; i++) dense.push(h(i * 5, 0, 750), v(i * 5, 0, 750));
    expect(ruledGrids(dense)).toEqual([]);
  });
});

/** A one-page PDF drawing `draw` (content-stream operators) and a few lines of text in Helvetica. */
function pdfWith(draw: string, lines: string[]): Uint8Array {
  const text = lines.map((l, i) => `BT /F1 10 Tf 1 0 0 1 60 ${780 - i * 14} Tm (${l}) Tj ET`).join('\n');
  const stream = deflateSync(Buffer.from(`${draw}\n${text}`));
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
  ].map((o) => Buffer.from(o));
  objs.push(Buffer.concat([Buffer.from(`<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`), stream, Buffer.from('\nendstream')]));
  objs.push(Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'));
  return pdfFile(objs);
}

describe('hostile ruling lines in a real PDF', () => {
  const body = ['Article 1 The law applies.', 'Article 2 It takes effect today.'];

  it('a page hatched with 40,000 strokes imports its text as if undrawn', async () => {
    let draw = '0.1 w\n';
    for (let i = 0; i < 20_000; i++) draw += `${i % 500} 0 m ${i % 500} 842 l S 0 ${i % 800} m 595 ${i % 800} l S\n`;
    const doc = await extractDocument(pdfWith(draw, body), '网格.pdf', { ocr: false });
    expect(doc.text).toContain('Article 1 The law applies.');
    expect(doc.text).toContain('Article 2 It takes effect today.');
  });

  it('a ruled grid with nothing in its cells (a blank form) is no table: the text beside it stays lines', async () => {
    let draw = '0.5 w\n';
    for (let i = 0; i <= 4; i++) draw += `50 ${600 - i * 20} m 370 ${600 - i * 20} l S ${50 + i * 80} 520 m ${50 + i * 80} 600 l S\n`;
    const doc = await extractDocument(pdfWith(draw, body), '网格.pdf', { ocr: false });
    expect(doc.text).toContain('Article 2 It takes effect today.');
  });
});
