import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExtractError } from '../../../electron/core/importers/extracted-document';
import { extractPdf, joinParagraphs, type PdfLine } from '../../../electron/core/importers/pdf-text-extractor';
import { FIXTURES, matchArticles } from './article-match';

const read = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));

async function expectExtractError(p: Promise<unknown>, pattern: RegExp): Promise<void> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ExtractError);
  expect((e as Error).message).toMatch(pattern);
}

describe('extractPdf on PDFs made from corpus laws', () => {
  const cases: [file: string, source: string, what: string][] = [
    ['juece-gov.pdf', 'juece.md', 'Chromium, running header, — N — footers left/right, 目录 page, 章/节'],
    ['xingfa-chromium.pdf', 'xingfa.md', 'Chromium with Noto Serif CJK, 编/章/节 and 之一 articles'],
    ['jiancai-stsong.pdf', 'jiancai.md', 'non-embedded STSong-Light (UniGB-UCS2-H), wrapped cross reference'],
    ['yuanzhu-libreoffice.pdf', 'yuanzhu.md', 'LibreOffice from DOCX'],
    ['yuanzhu-radicals.pdf', 'yuanzhu.md', 'ToUnicode giving Kangxi radicals (⼈ for 人)'],
  ];
  for (const [file, source, what] of cases) {
    it(`${file}: ${what}`, async () => {
      const doc = await extractPdf(read(file), file);
      expect(doc.format).toBe('pdf');
      const m = matchArticles(source, doc.text);
      expect(m.got).toBe(m.expected);
      expect(m.rate, JSON.stringify(m.mismatches.slice(0, 2), null, 1)).toBeGreaterThanOrEqual(0.995);
      expect(doc.text).not.toMatch(/[\u2e80-\u2fdf]/);
    });
  }

  it('drops the running header and page numbers but keeps the real title, skips the 目录', async () => {
    const doc = await extractPdf(read('juece-gov.pdf'), 'juece-gov.pdf');
    const lines = doc.text.split('\n');
    expect(lines[0]).toBe('重大行政决策程序暂行条例');
    expect(lines.filter((l) => l.includes('重大行政决策程序暂行条例'))).toHaveLength(1);
    expect(doc.text).not.toMatch(/—\s*\d+\s*—|^目\s*录$|………/m);
    expect(doc.pages).toBe(10);
    expect(doc.warnings.join('\n')).toMatch(/页眉页脚“重大行政决策程序暂行条例”9 处/);
    expect(doc.warnings.join('\n')).toMatch(/已去除页码 10 处/);
    expect(doc.warnings.join('\n')).toMatch(/已跳过目录（第 2 页/);
    expect(doc.meta).toMatchObject({ title: '重大行政决策程序暂行条例', docNumber: '国务院令第713号', issuer: '国务院', published: '2019-04-20', effective: '2019-09-01' });
  });

  it('does not start an article at a wrapped cross reference (第七条第一款…)', async () => {
    const doc = await extractPdf(read('jiancai-stsong.pdf'), 'jiancai-stsong.pdf');
    expect(doc.text).toMatch(/本条例\n?第七条第一款规定的重要建设工程材料/);
    expect(doc.text).not.toMatch(/^第七条第一款/m);
  });
});

describe('extractPdf on bad input', () => {
  it('scanned PDF: no text layer, with the page count', async () => {
    await expectExtractError(extractPdf(read('scanned.pdf'), 'scanned.pdf'), /^PDF 没有文字层（可能是扫描件），共 3 页$/);
  });
  it('truncated PDF', async () => {
    await expectExtractError(extractPdf(read('bad/truncated.pdf'), 'truncated.pdf'), /不完整/);
  });
  it('encrypted PDF', async () => {
    await expectExtractError(extractPdf(read('bad/encrypted.pdf'), 'encrypted.pdf'), /已加密.*密码/);
  });
  it('0-byte file', async () => {
    await expectExtractError(extractPdf(read('bad/empty.pdf'), 'empty.pdf'), /0 字节/);
  });
  it('not a PDF at all', async () => {
    await expectExtractError(extractPdf(new TextEncoder().encode('第一条 这不是 PDF'), 'x.pdf'), /不是 PDF/);
  });
  it('corrupt body after a valid header and trailer', async () => {
    const junk = new TextEncoder().encode('%PDF-1.7\n' + 'garbage '.repeat(200) + '\nstartxref\n999999\n%%EOF\n');
    await expectExtractError(extractPdf(junk, 'corrupt.pdf'), /PDF/);
  });
  it('a PDF bomb of 10,000 pages is refused, not read', async () => {
    const kids = Array.from({ length: 10_000 }, () => '3 0 R').join(' ');
    const objs = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      `<< /Type /Pages /Kids [${kids}] /Count 10000 >>`,
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
    ];
    let pdf = '%PDF-1.4\n';
    const offsets: number[] = [];
    objs.forEach((o, i) => {
      offsets.push(pdf.length);
      pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
    });
    const xref = pdf.length;
    pdf += `xref\n0 4\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
    pdf += `trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    const started = Date.now();
    await expectExtractError(extractPdf(new TextEncoder().encode(pdf), 'bomb.pdf'), /页数过多（10000 页/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
  it('gives up after the time limit', async () => {
    await expectExtractError(extractPdf(read('juece-gov.pdf'), 'juece-gov.pdf', { timeoutMs: 1 }), /超时/);
  });
});

describe('joinParagraphs', () => {
  const line = (text: string, x0: number, x1: number, y: number, indented = false): PdfLine => ({
    page: 1, text, x0, x1, y, size: 12, indented,
  });
  it('joins wrapped lines, starts paragraphs at indents, never at a wrapped cross reference', () => {
    const { paragraphs } = joinParagraphs([
      [
        line('第一条 为了规范……适用', 96, 500, 700),
        line('本条例。', 72, 120, 685),
        line('第二条 违反本条例', 96, 500, 670),
        line('第四十八条第二款规定的，依照', 72, 500, 655),
        line('前款处罚。', 72, 140, 640),
        line('（一）第一项；', 96, 200, 625),
        line('第三条 另一条。', 72, 200, 610, true),
        line('Article', 72, 500, 595),
        line('one.', 72, 110, 580),
      ],
    ]);
    expect(paragraphs).toEqual([
      '第一条 为了规范……适用本条例。',
      '第二条 违反本条例第四十八条第二款规定的，依照前款处罚。',
      '（一）第一项；',
      '第三条 另一条。',
      'Article one.',
    ]);
  });
  it('starts an article at a flush-left 第X条 after a sentence end (no-indent layouts)', () => {
    const { paragraphs } = joinParagraphs([
      [
        line('第一条 甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛壬癸。', 72, 500, 700),
        line('第二条 乙。', 72, 150, 685),
        line('第三条 丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛壬癸，依照', 72, 500, 670),
        line('第二条 规定。', 72, 150, 655),
      ],
    ]);
    expect(paragraphs).toEqual(['第一条 甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛壬癸。', '第二条 乙。', '第三条 丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛壬癸，依照第二条 规定。']);
  });
});
