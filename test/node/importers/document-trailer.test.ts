// The closing lines of a 公文 after its body — the signature and date, （此件公开发布）, the 版记
// (抄送, 印发机关和印发日期) — are not the last article's text; the signature still dates the document.
// The files (test/fixtures/documents/received/hongtou-juece.*) are in received-documents.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from './article-match';
import { guessMetadata } from '../../../electron/core/importers/document-metadata';
import { extractDocument } from '../../../electron/core/importers/extract-document';
import { parseLawText } from '../../../electron/core/parse/law-structure-parser';

const law = (...tail: string[]) =>
  ['高新区行政规范性文件管理办法', '第一条 为了规范管理，制定本办法。', '第二条 本办法自2020年4月1日起施行。', ...tail].join('\n');
const lastArticle = (text: string) => parseLawText(text, { format: 'txt' }).units.filter((u) => u.kind === 'article').at(-1)!;

describe('a document’s closing lines', () => {
  it('signature, date, 公开方式 and 版记 leave the last article; a warning says so', () => {
    const text = law('高新区管理委员会', '2020年3月1日', '（此件公开发布）', '抄送：区党工委，区人大工委。', '高新区管理委员会办公室　　　　2020年3月2日印发');
    const parsed = parseLawText(text, { format: 'txt' });
    expect(lastArticle(text).text).toBe('本办法自2020年4月1日起施行。');
    expect(lastArticle(text).paragraphs).toHaveLength(1);
    expect(parsed.trailerLines).toEqual(['高新区管理委员会', '2020年3月1日', '（此件公开发布）', '抄送：区党工委，区人大工委。', '高新区管理委员会办公室　　　　2020年3月2日印发']);
    expect(parsed.warnings.some((w) => w.includes('落款或版记'))).toBe(true);
    const meta = guessMetadata(text);
    expect(meta.issuer).toBe('高新区管理委员会');
    expect(meta.published).toBe('2020-03-01');
  });

  it('two organs signing side by side, a page number left at the end', () => {
    expect(lastArticle(law('县财政局　　　县人力资源和社会保障局', '2021年5月8日', '— 3 —')).text).toBe('本办法自2020年4月1日起施行。');
  });

  it('a seal’s place-holder between the organ and the date is the signature’s (a seal’s text box printed to PDF)', () => {
    const text = law('高新区管理委员会', '（印章）', '2020年3月1日', '（此件公开发布）');
    expect(lastArticle(text).text).toBe('本办法自2020年4月1日起施行。');
    expect(guessMetadata(text).published).toBe('2020-03-01');
    // with no organ above it, a seal line and a date stay (they may be the article's own form)
    expect(lastArticle(law('（盖章）', '2020年3月1日')).text).toBe('本办法自2020年4月1日起施行。\n（盖章）\n2020年3月1日');
  });

  it('a signature and its date on one line', () => {
    expect(lastArticle(law('高新区管理委员会　　　　　　2020年3月1日')).text).toBe('本办法自2020年4月1日起施行。');
    expect(lastArticle(law('本条例由省人民政府负责解释　　2020年3月1日')).text).toContain('负责解释');
  });

  it('keeps what may be the article’s own: a date alone, a sentence, a paragraph naming an organ', () => {
    expect(lastArticle(law('2020年3月1日')).text).toBe('本办法自2020年4月1日起施行。\n2020年3月1日');
    expect(lastArticle(law('本办法由县司法局负责解释。')).text).toBe('本办法自2020年4月1日起施行。\n本办法由县司法局负责解释。');
    expect(lastArticle(law('县人民政府各部门应当遵守本办法。', '2020年3月1日')).text).toContain('各部门应当遵守');
  });

  it('a 附件 after the signature keeps its form; the 版记 after it goes', () => {
    const text = law('高青县人民政府', '2020年3月1日', '附件：申请书（样式）', '申请人：', '高青县市场监督管理局', '2020年1月1日', '抄送：县委办公室。', '高青县人民政府办公室 2020年3月2日印发');
    const parsed = parseLawText(text, { format: 'txt' });
    expect(lastArticle(text).text).toBe('本办法自2020年4月1日起施行。');
    const appendix = parsed.units.find((u) => u.kind === 'appendix')!;
    expect(appendix.text).toBe('申请人：\n高青县市场监督管理局\n2020年1月1日');
    expect(guessMetadata(text).published).toBe('2020-03-01');
  });

  it('a Word paragraph holding only a zero-width space is no text in any format', async () => {
    const html = '<html><body><p>某办法</p><p>第一条 甲。</p><p>\u3000\u3000\u200b</p><p>第二条 乙\u200b丙。</p></body></html>';
    const doc = await extractDocument(new TextEncoder().encode(html), 'a.html');
    expect(doc.text).not.toMatch(/\u200b/);
    expect(parseLawText(doc.text, { format: 'txt' }).units.map((u) => u.text)).toEqual(['甲。', '乙丙。']);
  });

  it('a 版记 set as a table: 印发机关 in a cell above its date, or the rows as `|a|b|` lines', () => {
    const apart = law('附件', '材料清单', '抄送：县委办公室。', '高青县人民政府办公室', '2024年3月2日印发');
    expect(parseLawText(apart, { format: 'txt' }).trailerLines).toEqual(['抄送：县委办公室。', '高青县人民政府办公室', '2024年3月2日印发']);
    const rows = law('附件', '材料清单', '|序号|材料|', '|1|备案报告|', '|抄送：县委办公室。|', '|高青县人民政府办公室|2024年3月2日印发|');
    const parsed = parseLawText(rows, { format: 'txt' });
    expect(parsed.trailerLines).toEqual(['|抄送：县委办公室。|', '|高青县人民政府办公室|2024年3月2日印发|']);
    expect(parsed.units.at(-1)!.text).toBe('材料清单\n|序号|材料|\n|1|备案报告|');
    // a date alone under a form's last line is the form's, not an 印发 line
    expect(lastArticle(law('高青县人民政府办公室', '2024年3月2日')).text).toBe('本办法自2020年4月1日起施行。');
    expect(parseLawText(law('附件', '申请表', '申请单位（盖章）', '2024年3月2日'), { format: 'txt' }).units.at(-1)!.text).toContain('2024年3月2日');
  });
});

// A joint 红头 转发通知 as a Word template lays it out (make-hongtou-joint.py → LibreOffice .docx/.doc):
// the 发文机关标志 in a table (two organs stacked, 文件 beside them), the 版记 in a table.
describe('a joint 红头文件 with its banner and 版记 in tables', () => {
  for (const file of ['hongtou-joint.docx', 'hongtou-joint.doc']) {
    it(`${file}: banner is letterhead, 主送 opens the 前言, 附件2's table whole, 版记 cut`, async () => {
      const doc = await extractDocument(new Uint8Array(readFileSync(join(FIXTURES, 'received', file))), file, { ocr: false });
      const parsed = parseLawText(doc.text, { format: 'txt' });
      expect(parsed.title).toBe('高青县人民政府办公室 高青县住房和城乡建设局关于转发《青岛市建设工程材料管理条例》的通知');
      expect(parsed.headerLines.slice(0, 4)).toEqual(['高青县人民政府办公室', '文件', '高青县住房和城乡建设局', '高政办发〔2024〕5号']);
      expect(parsed.units[0]!.text.split('\n')[0]).toBe('各镇人民政府、街道办事处，县政府各部门，各有关单位：');
      expect(parsed.units[0]!.text).toContain('附件：1．青岛市建设工程材料管理条例\n2．建设工程材料备案表');
      const last = parsed.units.at(-1)!;
      expect([last.kind, last.label]).toEqual(['appendix', '附件2']);
      expect(last.text).toBe(
        ['建设工程材料备案表', '|序号|材料类别|备案材料|份数|', '|1|结构材料|钢材质量证明书|1|', '|2||水泥检验报告|1|', '|3|装饰材料|产品合格证（复印件加盖公章）|'].join('\n'),
      );
      expect(parsed.trailerLines.join('\n')).toMatch(/抄送：县委办公室，县人大常委会办公室，县政协办公室。[|]?\n[|]?高青县人民政府办公室(?:\||\n)2024年3月2日印发/);
      const meta = guessMetadata(doc.text);
      expect([meta.docNumber, meta.issuer, meta.published]).toEqual(['高政办发〔2024〕5号', '高青县人民政府办公室', '2024-03-01']);
    });
  }
});

