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
  TabStopType,
  HeadingLevel,
  LineRuleType,
  NoBreakHyphen,
  NumberFormat,
  PageNumber,
  PageOrientation,
  SectionType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableOfContents,
  Tab,
  TableRow,
  TextRun,
  VerticalAlign,
  TableLayoutType,
  TableAnchorType,
  RelativeVerticalPosition,
  OverlapType,
  WidthType,
  type IRunOptions,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { docxFontTable } from '../office/cjk-fonts';
import { TITLE_LINE_PT, estimateTocPages } from './pack-pagination';
import { IMPRINT, annexNoteLines, imprintLines, isOfficial, officialParts, signatureGapLines, signatureLines } from './official-layout';
import { titleLines as cutTitle } from './title-lines';
import { chineseDate } from '../../shared/chinese-date';
import { type DocBlock, type PackDocument, tocEntries } from './pack-document';
import type { ExportProgress } from './pack-resolve';

const MM = 56.6929; // twips per millimetre
const LINE = 579; // exact line pitch, twips: 28.95 pt, so 22 lines fill the 225 mm text block
const BODY = 32; // 三号 16 pt, half-points
const PAGE = {
  size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
  margin: { top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM), header: Math.round(15 * MM), footer: Math.round(22 * MM) },
};
const TEXT_WIDTH = PAGE.size.width - PAGE.margin.left - PAGE.margin.right; // 156 mm
/**
 * A4 横向 for a wide table (GB/T 9704 横排表格): the paper turned a quarter, the text block with it —
 * the landscape top is the portrait left (订口 on an odd page, where the table's head belongs), so
 * margins top 28, right 37, bottom 26, left 35 mm, a 225 × 156 mm block in the same place on the
 * sheet. docx swaps width and height for LANDSCAPE. The page number stays 7 mm under the block.
 */
const LANDSCAPE_PAGE = {
  size: { ...PAGE.size, orientation: PageOrientation.LANDSCAPE },
  margin: { top: Math.round(28 * MM), right: Math.round(37 * MM), bottom: Math.round(26 * MM), left: Math.round(35 * MM), header: Math.round(12 * MM), footer: Math.round(13 * MM) },
};
/** One character of the grid: 156 mm / 28, a little under 16 pt (twips). */
export const CHAR_TWIPS = TEXT_WIDTH / 28;
/**
 * GB/T 9704's 28 characters on the 156 mm line: a 三号 character is 16 pt and 28 of them 158 mm, so
 * body text is condensed by this much per character (twentieths of a point, w:spacing): -5 → 15.75
 * pt, 441 pt for 28 on the 442.3 pt line. Word's 文档网格 (docGrid linesAndChars, charSpace -842)
 * would do it in Word and WPS, but LibreOffice lays that grid out as ~21 characters × 14 lines.
 */
export const CONDENSE = Math.floor((CHAR_TWIPS / 20 - 16) * 20);
/** The line pitch recorded as the section's grid (no snapping: every paragraph's spacing is exact). */
const DOC_GRID = { linePitch: LINE };
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
 * Punctuation may hang past the right margin, said once in the default paragraph properties. Without it,
 * LibreOffice (7.4 here, `soffice --headless --convert-to pdf`) lays a justified line's last 。/；/： into the
 * margin and then does not paint it: a line of exactly 28 condensed characters ending 处罚。 printed
 * 处罚 and the 。 was gone. Told explicitly, it carries 罚。 to the next line; Word hangs it as it
 * always did (its own default).
 */
export function withOverflowPunct(styles: string): string {
  const tag = '<w:overflowPunct w:val="1"/>';
  if (styles.includes('<w:overflowPunct')) return styles;
  // CT_PPrBase order: widowControl … overflowPunct … spacing — after widowControl, else first.
  if (styles.includes('<w:pPrDefault><w:pPr>')) return styles.replace(/(<w:pPrDefault><w:pPr>(?:<w:widowControl[^>]*\/>)?)/, `$1${tag}`);
  const own = `<w:pPrDefault><w:pPr>${tag}</w:pPr></w:pPrDefault>`;
  if (styles.includes('<w:pPrDefault/>')) return styles.replace('<w:pPrDefault/>', own);
  if (styles.includes('</w:rPrDefault>')) return styles.replace('</w:rPrDefault>', `</w:rPrDefault>${own}`);
  return styles.replace(/<w:docDefaults>/, `<w:docDefaults>${own}`);
}

/**
 * No extra space between Chinese and digits or Latin letters (Word's 自动调整中文与西文/数字的间距,
 * autoSpaceDE/DN, on unless said off; LibreOffice reads them too): it widened 2021年2月20日 by
 * half a character on each side of its numbers, so the office's name, centred over the date by
 * its computed width, stood off centre, and a body line with numbers held fewer than 28. Said
 * after overflowPunct (withOverflowPunct), where CT_PPrBase has them.
 */
export function withoutAutoSpace(styles: string): string {
  if (styles.includes('<w:autoSpaceDN')) return styles;
  return styles.replace('<w:overflowPunct w:val="1"/>', '<w:overflowPunct w:val="1"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>');
}

/**
 * docx writes an empty font table; ours names each face with its altName, panose, family and
 * GB2312 charset, so Word and WPS without 仿宋_GB2312 substitute 仿宋 (a serif), not a default sans.
 */
function withFontTable(docx: Uint8Array): Uint8Array {
  const files = unzipSync(docx);
  if (!files['word/fontTable.xml']) throw new Error('DOCX 缺少 word/fontTable.xml');
  files['word/fontTable.xml'] = strToU8(docxFontTable(FONTS.latin));
  files['word/styles.xml'] = strToU8(withoutAutoSpace(withOverflowPunct(strFromU8(files['word/styles.xml'] ?? new Uint8Array()))));
  // Every part keeps its order; [Content_Types].xml must stay first for some readers.
  return zipSync(files, { level: 6 });
}
const bodySpacing = { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
const indent2 = { firstLine: 2 * (16 * 20 + CONDENSE) }; // two (condensed) characters

type ParagraphOptions = ConstructorParameters<typeof Paragraph>[0] & object;
/** The options each body paragraph was built with, so one can be rebuilt kept with the next. */
const KEEP_SOURCE = new WeakMap<Paragraph, ParagraphOptions>();

function para(children: (TextRun | Bookmark)[], opts: { indent?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; keepNext?: boolean; pageBreakBefore?: boolean; style?: string; heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel] } = {}): Paragraph {
  const options: ParagraphOptions = {
    children,
    spacing: bodySpacing,
    alignment: opts.align ?? AlignmentType.BOTH,
    ...(opts.indent === false ? {} : { indent: indent2 }),
    ...(opts.keepNext ? { keepNext: true } : {}),
    ...(opts.pageBreakBefore ? { pageBreakBefore: true } : {}),
    ...(opts.heading ? { heading: opts.heading } : {}),
  };
  const p = new Paragraph(options);
  KEEP_SOURCE.set(p, options);
  return p;
}

/**
 * A cell's text with the hyphen of a record id or number (L2020-007, GB/T 9704-2012) written as
 * Word's non-breaking hyphen: LibreOffice and Word otherwise cut L2020- | 007 at a line end.
 */
function unbrokenIds(text: string): (string | NoBreakHyphen)[] {
  const parts = text.split(/(?<=[A-Za-z0-9])-(?=[A-Za-z0-9])/);
  return parts.flatMap((p, i) => (i ? [new NoBreakHyphen(), p] : [p])).filter((p) => p !== '');
}

const cellBorder = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
const borders = { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder };

/**
 * A table at 100 % of the text width; rows are never split across pages (the header repeats).
 * keepTail: its last row is kept with what follows (the 落款 after a table that ends the text).
 */
function table(b: Extract<DocBlock, { kind: 'table' }>, keepTail = false): Table {
  const { head, rows, widths } = b;
  const sum = widths?.length === head.length ? widths.reduce((a, w) => a + w, 0) : 0;
  const pct = (i: number) => (sum ? { width: { size: (100 * widths![i]!) / sum, type: WidthType.PERCENTAGE } } : {});
  // 四号 on a 22 pt pitch, or 小四 on 18 pt for a compact register.
  const [size, pitch] = b.compact ? [24, 18] : [28, 22];
  const cell = (t: string, hd: boolean, i: number, keepNext = false) =>
    new TableCell({
      ...pct(i),
      borders,
      verticalAlign: VerticalAlign.CENTER,
      // A cell's lines (文件名称 / 文号) are paragraphs of their own.
      children: t.split('\n').map((line) => new Paragraph({ alignment: !hd && b.align?.[i] === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER, ...(keepNext ? { keepNext: true } : {}), spacing: { line: pitch * 20, lineRule: LineRuleType.EXACT }, children: [new TextRun({ children: unbrokenIds(line), font: font(hd ? FONTS.hei : FONTS.fang), size, characterSpacing: 0 })] })),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    // Narrow cell margins (3 pt) so a compact register's columns keep their text on whole lines.
    ...(b.compact ? { margins: { left: 60, right: 60, top: 20, bottom: 20 } } : {}),
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: head.map((h, i) => cell(h, true, i, true)) }),
      ...rows.map((r, k) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, false, i, keepTail && k === rows.length - 1)) })),
    ],
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
      return [para([run(b.text, FONTS.fang)], b.flush ? { indent: false } : {})];
    case 'field':
      return [para([run(b.label + '：', FONTS.hei), run(b.text, FONTS.fang)])];
    case 'note':
      return [para([run(b.text, FONTS.kai, b.tone === 'warn' ? { bold: true } : {})])];
    case 'table':
      return [table(b)];
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
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font(FONTS.song), size: 28, characterSpacing: 0 })],
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

/** The title in 二号 (22 pt) on the 156 mm line (225 mm landscape), cut where its words allow (title-lines.ts). */
function titleLines(title: string, lead = '', pt = 22, lineMm = 156): TextRun[] {
  return cutTitle(title, Math.floor((lineMm * 72) / 25.4 / pt), lead).map((t, i) => new TextRun({ text: t, font: font(FONTS.title), size: pt * 2, characterSpacing: 0, ...(i ? { break: 1 } : {}) }));
}

/**
 * A section heading (黑体, indented two characters) of more than one line, cut where its words allow
 * (title-lines.ts, 26 characters after the indent): Word and LibreOffice cut 第二 | 章 anywhere.
 */
// Left, not justified: a heading cut into lines ends each with a line break, and Word and LibreOffice
// stretch a justified line that ends so across the whole width (一 、 关 于 《 蕉 岭 县 …).
function headingRuns(text: string): TextRun[] {
  return cutTitle(text, 26).map((t, i) => run(t, FONTS.hei, i ? { break: 1 } : {}));
}

export interface DocxRenderOptions {
  onProgress?: (p: ExportProgress) => void;
  /** Write TOC page numbers estimated by layout (default true); false leaves them to Word. */
  estimatePages?: boolean;
}

/** Styles shared by packs and official documents: headings black, in their faces, kept with what follows. */
function headingStyle(id: string, name: string, face: string, level: number, center = false) {
  return {
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
  };
}

const documentStyles = {
  // No widow/orphan control: GB/T 9704 5.2.2 fills every page with its 22 lines (撑满版心); Word's
  // default moved a two- or three-line paragraph whole and left pages a line or two short.
  document: { run: { font: font(FONTS.fang), size: BODY, language: LANG, characterSpacing: CONDENSE }, paragraph: { spacing: bodySpacing, widowControl: false } },
  heading1: headingStyle('Heading1', 'heading 1', FONTS.hei, 0),
  heading2: headingStyle('Heading2', 'heading 2', FONTS.kai, 1, true),
  heading3: headingStyle('Heading3', 'heading 3', FONTS.kai, 2),
};

/** 二号小标宋 title lines at an exact 37 pt pitch, centred, one empty line after them. */
function titleParagraph(title: string, lead = '', opts: { pageBreakBefore?: boolean; landscape?: boolean } = {}): Paragraph {
  const lines = titleLines(title, lead, 22, opts.landscape ? 225 : 156);
  // The space under it brings the text back onto the 22-line grid (titleGapPt, in whole twips).
  const pitch = TITLE_LINE_PT * 20;
  const after = Math.ceil((lines.length * pitch + LINE) / LINE) * LINE - lines.length * pitch;
  return new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, ...(opts.pageBreakBefore ? { pageBreakBefore: true } : {}), spacing: { before: 0, after, line: pitch, lineRule: LineRuleType.EXACT }, children: lines });
}

/**
 * An official document (公文: 审查意见书, 年度报告, 普法计划): 发文字号, title, body, 附件说明, 落款
 * (date 右空四字, office centred over it), then each 附件 on a new page with 附件 / 附件2 顶格 in
 * 黑体 and its title centred on the third line. Pages numbered from 1; no cover, no TOC.
 */
async function renderOfficialDocx(doc: PackDocument): Promise<Uint8Array> {
  const { body: main, annexes, annexNote } = officialParts(doc);
  // Each run of portrait or landscape content is a DOCX section of its own (a landscape one starts
  // on a new page); the numbering runs on across them.
  const parts: { landscape: boolean; evenPage?: boolean; children: (Paragraph | Table)[] }[] = [];
  const partFor = (landscape: boolean): { fresh: boolean; children: (Paragraph | Table)[] } => {
    const last = parts[parts.length - 1];
    if (last && last.landscape === landscape) return { fresh: false, children: last.children };
    parts.push({ landscape, children: [] });
    return { fresh: true, children: parts[parts.length - 1]!.children };
  };
  const first = partFor(!!main[0]?.landscape).children;
  if (doc.official?.number) first.push(para([run(doc.official.number, FONTS.fang)], { indent: false, align: AlignmentType.CENTER }), para([], { indent: false }));
  first.push(titleParagraph(doc.title, doc.signature?.unit ?? doc.cover.unit, { landscape: !!main[0]?.landscape }));
  const hasClosing = annexNote.length > 0 || !!doc.signature;
  let body = first;
  for (const [si, s] of main.entries()) {
    body = partFor(!!s.landscape).children;
    if (s.heading) body.push(para([new Bookmark({ id: s.id, children: headingRuns(s.heading) })], { keepNext: true, heading: HeadingLevel.HEADING_1, align: AlignmentType.LEFT }));
    for (const [bi, b] of s.blocks.entries()) {
      const lastOfText = si === main.length - 1 && bi === s.blocks.length - 1;
      body.push(...(b.kind === 'table' && lastOfText && hasClosing ? [table(b, true)] : blocks(b)));
    }
  }
  // The text's last paragraph, the 附件说明 and the 落款 stay on one page: a 落款 never stands alone.
  const closing: Paragraph[] = [];
  const ch = 16 * 20 + CONDENSE;
  if (annexNote.length) {
    closing.push(para([], { indent: false, keepNext: true }));
    // A long name wraps under its own first character (GB/T 9704 7.3.4), not under 附件.
    for (const l of annexNoteLines(annexNote)) closing.push(new Paragraph({ spacing: bodySpacing, keepNext: true, indent: { left: Math.round(l.hang * ch), hanging: Math.round((l.hang - l.first) * ch) }, children: [run(l.text, FONTS.fang)] }));
  }
  if (doc.signature) {
    // Room for the seal above the 署名 (signatureGapLines).
    for (let i = 0; i < signatureGapLines(doc.signature); i++) closing.push(para([], { indent: false, keepNext: true }));
    const lines = signatureLines(doc.signature);
    lines.forEach((l, i) => closing.push(new Paragraph({ spacing: bodySpacing, alignment: AlignmentType.RIGHT, keepNext: i < lines.length - 1, indent: { right: Math.round(l.rightChars * (16 * 20 + CONDENSE)) }, children: [run(l.text, FONTS.fang)] })));
  }
  if (closing.length) {
    const last = body[body.length - 1];
    // docx has no setter: the paragraph before the closing is rebuilt with keepNext.
    if (last instanceof Paragraph) body[body.length - 1] = withKeepNext(last);
    body.push(...closing);
  }
  for (const a of annexes) {
    const part = partFor(!!a.section.landscape);
    // A new DOCX section already starts a page; a page break before its first line would add one in Word.
    part.children.push(para([new Bookmark({ id: a.section.id, children: [run(a.label, FONTS.hei)] })], { indent: false, align: AlignmentType.LEFT, pageBreakBefore: !part.fresh, keepNext: true, heading: HeadingLevel.HEADING_1 }));
    part.children.push(para([], { indent: false, keepNext: true }));
    if (a.title) part.children.push(titleParagraph(a.title, '', { landscape: !!a.section.landscape }));
    for (const b of a.section.blocks) part.children.push(...blocks(b));
  }
  if (doc.imprint) {
    // The 版记 on the foot of the last face, the back of the last sheet (GB/T 9704 7.4.1, printed on
    // both sides): a portrait section of its own that starts on an even page — the next page after
    // text ending on an odd one, else after a blank page the word processor inserts. Where the text
    // ends is known only once Word, WPS or LibreOffice lays it out, so the DOCX cannot keep the 版记
    // beside text that ends on an even page with room for it (the PDF does). A section that opens
    // with a floating table LibreOffice lays on the previous section's page: a paragraph first.
    parts.push({ landscape: false, evenPage: true, children: [anchorParagraph(), ...imprintTable(doc.imprint)] });
  }
  const footers = { default: pageNumberFooter('right'), even: pageNumberFooter('left') };
  const document = new Document({
    creator: 'LawDesk 法规案头',
    title: doc.title,
    evenAndOddHeaderAndFooters: true,
    styles: { default: documentStyles },
    sections: parts.map((p, i) => ({
      properties: { ...(p.evenPage ? { type: SectionType.EVEN_PAGE } : {}), page: { ...(p.landscape ? LANDSCAPE_PAGE : PAGE), ...(i === 0 ? { pageNumbers: { start: 1, formatType: NumberFormat.DECIMAL } } : {}) }, grid: DOC_GRID },
      footers,
      children: p.children,
    })),
  });
  return withFontTable(new Uint8Array(await Packer.toBuffer(document)));
}

/**
 * The 版记 (GB/T 9704 7.4) in 4号 仿宋: a thick rule above, 抄送：… (左右各空一字, wrapped lines under
 * the first name) over a thin rule, the 印发机关 one character in at the left and the 印发日期 one
 * character in at the right over a thick rule — a one-column table floated to the bottom edge of
 * the text block (tblpPr vertAnchor margin, tblpYSpec bottom) of the page its anchor, the empty
 * paragraph after it, falls on: the last page. Word and LibreOffice both place it there and move
 * text that would run under it to the next page, and with it the anchor and the 版记, so the 版记
 * keeps a line clear under the 落款 for the seal's lower edge (topFromText). Placed from the page's
 * left edge: LibreOffice 7.4 lays a floating table as wide as the text block and placed from the
 * margin inline, where it follows the 落款. A paragraph frame (framePr) at the foot it ignores too.
 */
function imprintTable(imp: NonNullable<PackDocument['imprint']>): (Table | Paragraph)[] {
  const l = imprintLines(imp);
  const one = IMPRINT.pt * 20; // 1 character of 4号, twips
  const rule = (mm: number) => ({ style: BorderStyle.SINGLE, size: Math.round((mm / 25.4) * 72 * 8), color: '000000' });
  const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
  const spacing = { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
  const r = (t: string) => new TextRun({ text: t, font: font(FONTS.fang), size: IMPRINT.pt * 2, characterSpacing: 0 });
  const row = (p: Paragraph) => new TableRow({ cantSplit: true, children: [new TableCell({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, children: [p] })] });
  const rows = [
    ...(l.copyTo ? [row(new Paragraph({ spacing, alignment: AlignmentType.LEFT, indent: { left: one * (1 + IMPRINT.label.length), hanging: one * IMPRINT.label.length, right: one }, children: [r(IMPRINT.label + l.copyTo)] }))] : []),
    row(
      new Paragraph({
        spacing,
        alignment: AlignmentType.LEFT,
        indent: { left: one, right: one },
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - one }],
        children: [r(l.printedBy), new TextRun({ children: [new Tab()], size: IMPRINT.pt * 2 }), r(l.printed)],
      }),
    ),
  ];
  return [
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: [TEXT_WIDTH],
      layout: TableLayoutType.FIXED,
      margins: { left: 0, right: 0, top: 0, bottom: 0 },
      float: {
        horizontalAnchor: TableAnchorType.PAGE,
        absoluteHorizontalPosition: PAGE.margin.left,
        verticalAnchor: TableAnchorType.MARGIN,
        relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
        topFromText: LINE,
        overlap: OverlapType.NEVER,
      },
      borders: { top: rule(IMPRINT.thickMm), bottom: rule(IMPRINT.thickMm), insideHorizontal: rule(IMPRINT.thinMm), left: none, right: none, insideVertical: none },
      rows,
    }),
    anchorParagraph(),
  ];
}

/** An empty paragraph 1 pt high, which never takes a line of its own from the page: the 版记's anchor. */
const anchorParagraph = () => new Paragraph({ spacing: { line: 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, children: [] });

/** The same paragraph kept with the next one (docx paragraphs are immutable once built). */
function withKeepNext(p: Paragraph): Paragraph {
  const opts = KEEP_SOURCE.get(p);
  return opts ? new Paragraph({ ...opts, keepNext: true }) : p;
}

export async function renderDocx(doc: PackDocument, opts: DocxRenderOptions = {}): Promise<Uint8Array> {
  if (isOfficial(doc)) return renderOfficialDocx(doc);
  const c = doc.cover;
  const pages = opts.estimatePages === false ? undefined : estimateTocPages(doc);
  const cover: Paragraph[] = [
    new Paragraph({
      spacing: { before: Math.round(40 * MM), after: Math.round(18 * MM), line: 40 * 20, lineRule: LineRuleType.EXACT },
      alignment: AlignmentType.CENTER,
      // 26 pt on a 156 mm line: about 17 characters; cut where the words allow, lines about even.
      children: titleLines(c.title || doc.title, c.unit, 26),
    }),
    ...(c.purpose ? [para([run(c.purpose, FONTS.kai)], { indent: false, align: AlignmentType.CENTER })] : []),
    new Paragraph({ spacing: { ...bodySpacing, before: Math.round(80 * MM) }, alignment: AlignmentType.CENTER, children: c.unit ? [run(c.unit, FONTS.fang)] : [] }),
    ...(c.date ? [para([run(c.date, FONTS.fang)], { indent: false, align: AlignmentType.CENTER })] : []),
    para([run(`（条文截至 ${chineseDate(doc.asOf)}）`, FONTS.fang)], { indent: false, align: AlignmentType.CENTER }),
  ];

  const TocClass = tocForTextWidth(TEXT_WIDTH);
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
    titleParagraph(doc.title, c.unit, { pageBreakBefore: true }),
  ];
  const total = doc.sections.length;
  doc.sections.forEach((s, i) => {
    if (i % 20 === 0) opts.onProgress?.({ phase: 'render', done: i, total, label: s.heading });
    if (s.heading) body.push(para([new Bookmark({ id: s.id, children: headingRuns(s.heading) })], { keepNext: true, heading: HeadingLevel.HEADING_1, align: AlignmentType.LEFT }));
    for (const b of s.blocks) body.push(...blocks(b));
  });
  opts.onProgress?.({ phase: 'render', done: total, total });

  const document = new Document({
    creator: 'LawDesk 法规案头',
    title: doc.title,
    description: `${doc.cover.unit} ${doc.cover.purpose}`.trim(),
    evenAndOddHeaderAndFooters: true,
    // Word and WPS refresh the TOC field (entries and page numbers) when the file is opened; the
    // cached entries with estimated numbers are what viewers that do not update fields show.
    features: { updateFields: true },
    styles: {
      default: documentStyles,
      paragraphStyles: [
        { id: 'TOC1', name: 'toc 1', basedOn: 'Normal', next: 'Normal', run: { font: font(FONTS.fang), size: BODY }, paragraph: { spacing: bodySpacing } },
        { id: 'TOC2', name: 'toc 2', basedOn: 'Normal', next: 'Normal', run: { font: font(FONTS.fang), size: BODY }, paragraph: { spacing: bodySpacing, indent: { left: 640 } } },
      ],
    },
    sections: [
      {
        properties: { page: PAGE, grid: DOC_GRID },
        footers: { default: new Footer({ children: [new Paragraph({})] }), even: new Footer({ children: [new Paragraph({})] }) },
        children: cover,
      },
      {
        properties: { page: { ...PAGE, pageNumbers: { start: 1, formatType: NumberFormat.DECIMAL } }, grid: DOC_GRID },
        footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
        children: body,
      },
    ],
  });
  opts.onProgress?.({ phase: 'render', done: total, total, label: '生成 DOCX' });
  return withFontTable(new Uint8Array(await Packer.toBuffer(document)));
}
