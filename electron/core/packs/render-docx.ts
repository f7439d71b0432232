// PackDocument → DOCX (the `docx` package) following GB/T 9704: A4, margins 37/35/28/26 mm; title
// 方正小标宋简体 二号, headings 黑体 三号, body 仿宋_GB2312 三号 with a 2-character first-line indent
// at an exact 29 pt line pitch (LineRuleType.EXACT: `EXACTLY` writes a value Word rejects); page
// numbers "— N —" in 宋体 四号, right on odd and left on even pages; the cover is its own section
// without a footer and numbering restarts at 1 after it. The TOC is a real TOC field, which Word/WPS
// refresh on opening (updateFields). Body text follows the TOC with
// pageBreakBefore, never a page-break paragraph (Word then shows a blank page after a long TOC).
// The TOC's entries and page numbers are written in advance (see pack-pagination.ts). The font table
// describes each Chinese face so viewers without it substitute one of the same kind (cjk-fonts.ts).

import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  LineRuleType,
  NumberFormat,
  PageNumber,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
} from 'docx';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { docxFontTable } from '../office/cjk-fonts';
import { balancedLines, estimateTocPages } from './pack-pagination';
import { chineseDate } from '../../shared/chinese-date';
import { type DocBlock, type PackDocument, tocEntries } from './pack-document';
import type { ExportProgress } from './pack-resolve';

const MM = 56.6929; // twips per millimetre
const LINE = 579; // exact line pitch, twips: 28.95 pt, so 22 lines fill the 225 mm text block
const BODY = 32; // 三号 16 pt, half-points
const FONTS = {
  title: '方正小标宋简体',
  hei: '黑体',
  fang: '仿宋_GB2312',
  kai: '楷体_GB2312',
  song: '宋体',
  latin: 'Times New Roman',
};

/** A run in a CJK font (eastAsia) with Times New Roman for Latin text and digits, as offices set it. */
function font(name: string): IRunOptions['font'] {
  return { ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia: name, cs: FONTS.latin };
}

function run(text: string, face: string, extra: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({ text, font: font(face), size: BODY, ...extra });
}

// Chinese text marked zh-CN: viewers then pick Simplified Chinese glyph forms (and fontconfig a
// zh-cn face) for a missing font instead of their UI language's (Japanese on an English LibreOffice).
const LANG = { value: 'en-US', eastAsia: 'zh-CN' };

/**
 * docx writes an empty font table; ours names each face with its altName, panose, family and
 * GB2312 charset, so Word and WPS without 仿宋_GB2312 substitute 仿宋 (a serif), not a default sans.
 */
function withFontTable(docx: Uint8Array): Uint8Array {
  const files = unzipSync(docx);
  if (!files['word/fontTable.xml']) throw new Error('DOCX 缺少 word/fontTable.xml');
  files['word/fontTable.xml'] = strToU8(docxFontTable(FONTS.latin));
  // Every part keeps its order; [Content_Types].xml must stay first for some readers.
  return zipSync(files, { level: 6 });
}
const bodySpacing = { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
const indent2 = { firstLine: 2 * 16 * 20 }; // two characters of 16 pt

function para(children: (TextRun | Bookmark)[], opts: { indent?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; keepNext?: boolean; pageBreakBefore?: boolean; style?: string; heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel] } = {}): Paragraph {
  return new Paragraph({
    children,
    spacing: bodySpacing,
    alignment: opts.align ?? AlignmentType.BOTH,
    ...(opts.indent === false ? {} : { indent: indent2 }),
    ...(opts.keepNext ? { keepNext: true } : {}),
    ...(opts.pageBreakBefore ? { pageBreakBefore: true } : {}),
    ...(opts.heading ? { heading: opts.heading } : {}),
  });
}

const cellBorder = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
const borders = { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder };

function table(head: string[], rows: string[][], widths?: number[]): Table {
  const sum = widths?.length === head.length ? widths.reduce((a, w) => a + w, 0) : 0;
  const pct = (i: number) => (sum ? { width: { size: (100 * widths![i]!) / sum, type: WidthType.PERCENTAGE } } : {});
  const cell = (t: string, hd: boolean, i: number) =>
    new TableCell({
      ...pct(i),
      borders,
      children: [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 22 * 20, lineRule: LineRuleType.EXACT }, children: [new TextRun({ text: t, font: font(hd ? FONTS.hei : FONTS.fang), size: 28 })] })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: head.map((h, i) => cell(h, true, i)) }), ...rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, false, i)) }))],
  });
}

function blocks(b: DocBlock): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'subheading':
      return b.level === 2
        ? [para([new Bookmark({ id: b.id, children: [run(b.text, FONTS.kai)] })], { indent: false, align: AlignmentType.CENTER, keepNext: true, heading: HeadingLevel.HEADING_2 })]
        : [para([run(b.text, FONTS.kai)], { keepNext: true, heading: HeadingLevel.HEADING_3 })];
    case 'citation':
      return [para([run(b.text, FONTS.kai)], { keepNext: true })];
    case 'article': {
      const [first = '', ...rest] = b.lines;
      return [para([run(b.label, FONTS.hei), run('　' + first, FONTS.fang)]), ...rest.map((l) => para([run(l, FONTS.fang)]))];
    }
    case 'paragraph':
      return [para([run(b.text, FONTS.fang)])];
    case 'field':
      return [para([run(b.label + '：', FONTS.hei), run(b.text, FONTS.fang)])];
    case 'note':
      return [para([run(b.text, FONTS.kai, b.tone === 'warn' ? { bold: true } : {})])];
    case 'table':
      return [table(b.head, b.rows, b.widths)];
    case 'signature':
      return b.lines.map((l, i) => para([run(l, FONTS.fang)], { indent: false, align: AlignmentType.RIGHT, keepNext: i < b.lines.length - 1 }));
  }
}

function pageNumberFooter(align: 'left' | 'right'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        // GB/T 9704: 一字线 around the number, one character in from the text block's edge.
        indent: align === 'right' ? { right: 280 } : { left: 280 },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font(FONTS.song), size: 28 })],
      }),
    ],
  });
}

/**
 * docx writes the cached entries' right tab stop for a default text width (9025 twips), past our
 * right margin, where LibreOffice and WPS drop the page numbers; this subclass writes it at ours.
 */
function tocForTextWidth(width: number): typeof TableOfContents {
  class GbTableOfContents extends TableOfContents {}
  Object.defineProperty(GbTableOfContents.prototype, 'getTabStopsForLevel', {
    value: (level: number, leader: unknown) => [
      { type: 'clear', position: width + 1 - (level - 1) * 240 },
      { type: 'right', position: width, leader },
    ],
  });
  return GbTableOfContents;
}

/** The title in 二号 (22 pt) on the 156 mm line, cut into lines of equal length (the cover's rule). */
function titleLines(title: string): TextRun[] {
  return balancedLines(title, Math.floor((156 * 72) / 25.4 / 22)).map((t, i) => new TextRun({ text: t, font: font(FONTS.title), size: 44, ...(i ? { break: 1 } : {}) }));
}

export interface DocxRenderOptions {
  onProgress?: (p: ExportProgress) => void;
  /** Write TOC page numbers estimated by layout (default true); false leaves them to Word. */
  estimatePages?: boolean;
}

/** An official document (公文): number, title, body, signature; 附件 on a new page; numbered from page 1. */
async function renderOfficialDocx(doc: PackDocument): Promise<Uint8Array> {
  const margin = { top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM), header: Math.round(15 * MM), footer: Math.round(22 * MM) };
  const size = { width: Math.round(210 * MM), height: Math.round(297 * MM) };
  const body: (Paragraph | Table)[] = [];
  if (doc.official?.number) body.push(para([run(doc.official.number, FONTS.fang)], { indent: false, align: AlignmentType.CENTER }));
  body.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: LINE, after: LINE, line: 37 * 20, lineRule: LineRuleType.EXACT }, children: [new TextRun({ text: doc.title, font: font(FONTS.title), size: 44 })] }));
  for (const s of doc.sections) {
    if (s.heading) body.push(para([new Bookmark({ id: s.id, children: [run(s.heading, FONTS.hei)] })], { keepNext: true, pageBreakBefore: s.heading.startsWith('附件'), heading: HeadingLevel.HEADING_1, ...(s.heading.startsWith('附件') ? { indent: false } : {}) }));
    for (const b of s.blocks) body.push(...blocks(b));
  }
  const document = new Document({
    creator: 'LawDesk 法规案头',
    title: doc.title,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: font(FONTS.fang), size: BODY, language: LANG }, paragraph: { spacing: bodySpacing } }, heading1: { run: { font: font(FONTS.hei), size: BODY, bold: false, color: '000000' }, paragraph: { spacing: bodySpacing, keepNext: true } } } },
    sections: [{ properties: { page: { size, margin, pageNumbers: { start: 1, formatType: NumberFormat.DECIMAL } } }, footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') }, children: body }],
  });
  return withFontTable(new Uint8Array(await Packer.toBuffer(document)));
}

export async function renderDocx(doc: PackDocument, opts: DocxRenderOptions = {}): Promise<Uint8Array> {
  if (doc.official) return renderOfficialDocx(doc);
  const c = doc.cover;
  const pages = opts.estimatePages === false ? undefined : estimateTocPages(doc);
  const cover: Paragraph[] = [
    new Paragraph({
      spacing: { before: Math.round(40 * MM), after: Math.round(18 * MM), line: 40 * 20, lineRule: LineRuleType.EXACT },
      alignment: AlignmentType.CENTER,
      // 26 pt on a 156 mm line: about 17 characters; lines of equal length, never one left alone.
      children: balancedLines(c.title || doc.title, Math.floor((156 * 72) / 25.4 / 26)).map((t, i) => new TextRun({ text: t, font: font(FONTS.title), size: 52, ...(i ? { break: 1 } : {}) })),
    }),
    ...(c.purpose ? [para([run(c.purpose, FONTS.kai)], { indent: false, align: AlignmentType.CENTER })] : []),
    new Paragraph({ spacing: { ...bodySpacing, before: Math.round(80 * MM) }, alignment: AlignmentType.CENTER, children: c.unit ? [run(c.unit, FONTS.fang)] : [] }),
    ...(c.date ? [para([run(c.date, FONTS.fang)], { indent: false, align: AlignmentType.CENTER })] : []),
    para([run(`（条文截至 ${chineseDate(doc.asOf)}）`, FONTS.fang)], { indent: false, align: AlignmentType.CENTER }),
  ];

  const margin = { top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM), header: Math.round(15 * MM), footer: Math.round(22 * MM) };
  const size = { width: Math.round(210 * MM), height: Math.round(297 * MM) };
  const TocClass = tocForTextWidth(size.width - margin.left - margin.right);
  const body: (Paragraph | Table | TableOfContents)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: LINE, line: 37 * 20, lineRule: LineRuleType.EXACT }, children: [new TextRun({ text: '目　录', font: font(FONTS.title), size: 44 })] }),
    new TocClass('目录', {
      hyperlink: true,
      headingStyleRange: '1-2',
      // Entries and page numbers written now (estimated on the GB/T 9704 grid), clean, so Word and
      // WPS show them without asking; "更新域" recomputes them from the headings.
      cachedEntries: tocEntries(doc).map((e) => ({ title: e.text, level: e.level, href: e.id, ...(pages?.has(e.id) ? { page: pages.get(e.id)! } : {}) })),
      beginDirty: opts.estimatePages === false,
    }),
    new Paragraph({ pageBreakBefore: true, alignment: AlignmentType.CENTER, spacing: { after: LINE, line: 37 * 20, lineRule: LineRuleType.EXACT }, children: titleLines(doc.title) }),
  ];
  // An official document opens with its title on page 1: no cover, no table of contents.
  if (doc.layout === 'official') body.splice(0, body.length, new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: LINE, line: 37 * 20, lineRule: LineRuleType.EXACT }, children: [new TextRun({ text: doc.title, font: font(FONTS.title), size: 44 })] }));
  const total = doc.sections.length;
  doc.sections.forEach((s, i) => {
    if (i % 20 === 0) opts.onProgress?.({ phase: 'render', done: i, total, label: s.heading });
    if (s.heading) body.push(para([new Bookmark({ id: s.id, children: [run(s.heading, FONTS.hei)] })], { keepNext: true, heading: HeadingLevel.HEADING_1 }));
    for (const b of s.blocks) body.push(...blocks(b));
  });
  opts.onProgress?.({ phase: 'render', done: total, total });
  if (doc.signature) {
    // 落款: unit and date right-aligned, the date in 阿拉伯数字 as GB/T 9704 prescribes.
    body.push(para([], { indent: false }), para([run(doc.signature.unit, FONTS.fang)], { indent: false, align: AlignmentType.RIGHT }), para([run(doc.signature.date, FONTS.fang)], { indent: false, align: AlignmentType.RIGHT }));
  }

  const headingStyle = (id: string, name: string, face: string, level: number, center = false) => ({
    id,
    name,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: font(face), size: BODY, bold: false, color: '000000' },
    paragraph: {
      spacing: bodySpacing,
      outlineLevel: level,
      keepNext: true,
      keepLines: true, // a two-line heading is not cut by a page break
      ...(center ? { alignment: AlignmentType.CENTER } : { indent: indent2 }),
    },
  });
  const document = new Document({
    creator: 'LawDesk 法规案头',
    title: doc.title,
    description: `${doc.cover.unit} ${doc.cover.purpose}`.trim(),
    evenAndOddHeaderAndFooters: true,
    // Word and WPS refresh the TOC field (entries and page numbers) when the file is opened; the
    // cached entries with estimated numbers are what viewers that do not update fields show.
    features: { updateFields: true },
    styles: {
      default: {
        document: { run: { font: font(FONTS.fang), size: BODY, language: LANG }, paragraph: { spacing: bodySpacing } },
        heading1: headingStyle('Heading1', 'heading 1', FONTS.hei, 0),
        heading2: headingStyle('Heading2', 'heading 2', FONTS.kai, 1, true),
        heading3: headingStyle('Heading3', 'heading 3', FONTS.kai, 2),
      },
      paragraphStyles: [
        { id: 'TOC1', name: 'toc 1', basedOn: 'Normal', next: 'Normal', run: { font: font(FONTS.fang), size: BODY }, paragraph: { spacing: bodySpacing } },
        { id: 'TOC2', name: 'toc 2', basedOn: 'Normal', next: 'Normal', run: { font: font(FONTS.fang), size: BODY }, paragraph: { spacing: bodySpacing, indent: { left: 640 } } },
      ],
    },
    sections: [
      ...(doc.layout === 'official' ? [] : [{
        properties: { page: { size, margin } },
        footers: { default: new Footer({ children: [new Paragraph({})] }), even: new Footer({ children: [new Paragraph({})] }) },
        children: cover,
      }]),
      {
        properties: { page: { size, margin, pageNumbers: { start: 1, formatType: NumberFormat.DECIMAL } } },
        footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
        children: body,
      },
    ],
  });
  opts.onProgress?.({ phase: 'render', done: total, total, label: '生成 DOCX' });
  return withFontTable(new Uint8Array(await Packer.toBuffer(document)));
}
