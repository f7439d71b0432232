// Hostile inputs crafted by hand in session 14 (beyond what the mutation fuzzer makes): each one
// blew up in CPU or memory, or was read where it should have been refused, before its fix.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../electron/core/importers/extract-document';
import { MAX_PDF_TEXT_CHARS } from '../../../electron/core/importers/pdf-text-extractor';
import { expandDeltas } from '../../../electron/core/importers/ofd-text-extractor';
import { joinParagraphs, type TextLine } from '../../../electron/core/importers/text-layout';
import { pdfFile } from './minimal-pdf';

const NS = 'xmlns:ofd="http://www.ofdspec.org/2016"';
const OFD_XML = `<ofd:OFD ${NS} Version="1.1" DocType="OFD"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`;

function ofd(pageLocs: string[], contents: Record<string, string>): Uint8Array {
  const pages = pageLocs.map((loc, i) => `<ofd:Page ID="${i + 1}" BaseLoc="${loc}"/>`).join('');
  const files: Record<string, string> = {
    'OFD.xml': OFD_XML,
    'Doc_0/Document.xml': `<ofd:Document ${NS}><ofd:Pages>${pages}</ofd:Pages></ofd:Document>`,
    ...contents,
  };
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
}

const page = (objects: string) => `<ofd:Page ${NS}><ofd:Content><ofd:Layer>${objects}</ofd:Layer></ofd:Content></ofd:Page>`;
const textObject = (i: number, text: string, deltaX = '') =>
  `<ofd:TextObject ID="${i}" Boundary="20 ${20 + (i % 40) * 6} 170 6" Size="4"><ofd:TextCode X="0" Y="5"${deltaX ? ` DeltaX="${deltaX}"` : ''}>${text}</ofd:TextCode></ofd:TextObject>`;

describe('OFD "g N d" DeltaX shorthand', () => {
  it('expands only as many advances as the TextCode has characters', () => {
    expect(expandDeltas('g 100000 1', 3)).toEqual([1, 1, 1]);
    expect(expandDeltas('2 g 100000 1 7', 4)).toEqual([2, 1, 1, 1]);
    expect(expandDeltas('g 2 5 3', 10)).toEqual([5, 5, 3]);
  });

  it('a 110 KB OFD of 20,000 two-character codes, each "g 100000 1", imports (two billion numbers before: hours)', async () => {
    const objects = Array.from({ length: 20_000 }, (_, i) => textObject(i, i === 0 ? '关于印发管理办法的通知' : '甲乙', 'g 100000 1')).join('');
    const bytes = ofd(['P/Content.xml'], { 'Doc_0/P/Content.xml': page(objects) });
    expect(bytes.length).toBeLessThan(200_000);
    const doc = await extractDocument(bytes, '通知.ofd');
    expect(doc.text).toContain('甲乙');
    expect(doc.text.replace(/\s/g, '').length).toBeGreaterThan(40_000);
  });
});

describe('OFD pages that share one content file', () => {
  it('two pages naming the same Content.xml are refused, naming both pages and the file', async () => {
    const objects = Array.from({ length: 50 }, (_, i) => textObject(i, `第${i + 1}条 本办法所称的事项。`)).join('');
    const bytes = ofd(['P/Content.xml', 'P/../P/content.xml'], { 'Doc_0/P/Content.xml': page(objects) });
    const e = await extractDocument(bytes, '通知.ofd').then(
      () => undefined,
      (err: unknown) => err as Error,
    );
    expect(e?.name).toBe('ExtractError');
    expect(e?.message).toBe('OFD 文件第 2 页与第 1 页指向同一个内容文件 Doc_0/P/Content.xml，可能是恶意构造的文件，已拒绝导入');
  });

  it('2,000 pages naming one 2 MB Content.xml (a 115 KB file; 675 MB at 20 pages before) are refused', async () => {
    const objects = Array.from({ length: 20_000 }, (_, i) => textObject(i, `第${i + 1}条 本办法所称的事项。`)).join('');
    const bytes = ofd(Array.from({ length: 2000 }, () => 'P/Content.xml'), { 'Doc_0/P/Content.xml': page(objects) });
    await expect(extractDocument(bytes, '通知.ofd')).rejects.toThrow(/第 2 页与第 1 页指向同一个内容文件/);
  });
});

describe('one paragraph that runs over many pages (PDF/OFD/OCR layout)', () => {
  it('200,000 margin-to-margin lines join into one paragraph in linear time (each join re-read the whole paragraph)', () => {
    const lines: TextLine[] = Array.from({ length: 200_000 }, (_, i) => ({
      page: 1 + Math.floor(i / 40),
      text: i === 0 ? '（本办法自公布之日起施行' : '甲乙丙丁戊己庚辛壬癸子丑寅卯',
      x0: 72,
      x1: 520,
      y: 780 - (i % 40) * 18,
      size: 12,
      indented: false,
    }));
    const { paragraphs, pageOf } = joinParagraphs([lines]);
    expect(paragraphs).toHaveLength(1);
    expect(paragraphs[0]!.length).toBe(12 + 199_999 * 14);
    expect(pageOf).toEqual([1]);
  });

  it('keeps what the paragraph test read from the whole paragraph: its opening bracket and its last Latin letter', () => {
    const { paragraphs } = joinParagraphs([
      [
        { page: 1, text: '第一条 参照World', x0: 96, x1: 500, y: 700, size: 12, indented: false },
        { page: 1, text: 'Trade规则。', x0: 72, x1: 200, y: 685, size: 12, indented: false },
      ],
    ]);
    expect(paragraphs).toEqual(['第一条 参照World Trade规则。']);
  });
});

/**
 * A small PDF of `pages` pages that all draw one deflated content stream of `lines` lines of text:
 * either one page object named `pages` times in the page tree, or a page object per page.
 */
function sharedContentPdf(pages: number, lines: number, lineText: string, distinct: boolean): Uint8Array {
  let ops = 'BT /F1 10 Tf\n';
  for (let i = 0; i < lines; i++) ops += `1 0 0 1 72 ${800 - (i % 70) * 11} Tm (${lineText} ${i}) Tj\n`;
  const stream = deflateSync(Buffer.from(`${ops}ET`));
  const page = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>';
  const objs: Buffer[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${Array.from({ length: pages }, (_, i) => `${distinct ? 6 + i : 3} 0 R`).join(' ')}] /Count ${pages} >>`,
    page,
  ].map((o) => Buffer.from(o));
  objs.push(Buffer.concat([Buffer.from(`<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`), stream, Buffer.from('\nendstream')]));
  objs.push(Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'));
  if (distinct) for (let i = 0; i < pages; i++) objs.push(Buffer.from(page));
  return pdfFile(objs);
}

describe('PDF pages that all draw one content stream', () => {
  it('a page tree naming one page object on every page is refused at its second page (11 KB, 200 pages: 880 MB before)', async () => {
    const bytes = sharedContentPdf(200, 2000, 'Article text of the law here', false);
    expect(bytes.length).toBeLessThan(20_000);
    await expect(extractDocument(bytes, '通知.pdf')).rejects.toThrow('PDF 第 2 页与第 1 页是同一个页面对象（页面树重复引用），可能是恶意构造的文件，已拒绝导入');
  });

  it(`pages of their own that share one stream are refused once past ${MAX_PDF_TEXT_CHARS / 10_000} 万字 of text`, async () => {
    const bytes = sharedContentPdf(80, 1000, 'x'.repeat(150), true);
    expect(bytes.length).toBeLessThan(40_000);
    await expect(extractDocument(bytes, '通知.pdf')).rejects.toThrow(/^PDF 的文字量异常庞大（读到第 \d+ 页已超过 600 万字），可能是恶意构造的文件，已拒绝导入$/);
  });

  it('a sound PDF of the same making with a page object per page still imports', async () => {
    const bytes = sharedContentPdf(3, 30, 'Article text of the law here', true);
    const doc = await extractDocument(bytes, '通知.pdf');
    expect(doc.pages).toBe(3);
    expect(doc.text).toContain('Article text of the law here');
  });
});

describe('a .txt of millions of empty lines (fuzzer seed 19: 504 MB)', () => {
  it('runs of empty lines are collapsed before the line-by-line passes; the articles are those of the law alone', async () => {
    const law = readFileSync(join(import.meta.dirname, '../../fixtures/laws/行政法/行政许可法(2019-04-23).md'), 'utf8').replace(/^#+\s*/gm, '');
    const utf16 = (t: string) => new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(t, 'utf16le')]));
    const plain = await extractDocument(utf16(law), '行政许可法.txt');
    const lines = law.split('\n');
    const padded = [...lines.slice(0, 3), '\n'.repeat(2_000_000), ...lines.slice(3)].join('\n');
    const doc = await extractDocument(utf16(padded), '行政许可法.txt');
    expect(doc.text).not.toMatch(/\n{3}/);
    expect(doc.text.match(/^第[一二三四五六七八九十百]+条/gm)).toEqual(plain.text.match(/^第[一二三四五六七八九十百]+条/gm));
  });
});
