// PackDocument → one self-contained print HTML file (inline CSS, no scripts, no remote content).
// It is also the single source of the PDF: Chromium (playwright-core in the CLI, printToPDF in
// Electron) prints exactly this HTML. GB/T 9704 layout: A4, margins 37/35/28/26 mm, 22 lines of
// 16 pt text at an exact 29 pt pitch, page numbers "— N —" in 宋体 14 pt, odd right / even left,
// the cover outside the count. Fonts are asked for by the names Chinese offices have, with
// fallbacks to the CJK fonts a Linux machine has (see resources/fonts/README.md).

import { type DocBlock, type PackDocument, tocEntries } from './pack-document';
import { LINE_PT, estimateTocPages, titleGapPt } from './pack-pagination';
import { IMPRINT, annexNoteLines, imprintLines, isOfficial, officialParts, signatureGapLines, signatureLines } from './official-layout';
import { titleLines } from './title-lines';
import { chineseDate, DATE_IN_TEXT } from '../../shared/chinese-date';

export const FONT_STACKS = {
  title: '"方正小标宋简体", "FZXiaoBiaoSong-B05S", "方正小标宋_GBK", "华文中宋", "STZhongsong", "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif',
  hei: '"黑体", "SimHei", "Heiti SC", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", sans-serif',
  fang: '"仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", serif',
  kai: '"楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "STKaiti", "AR PL UKai CN", "Noto Serif CJK SC", serif',
  song: '"宋体", "SimSun", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif',
} as const;


export interface HtmlOptions {
  /**
   * Page numbers for TOC entries by entry id: the PDF's second pass gives the real ones; without
   * them the numbers are estimated on the page grid (a stand-alone HTML file).
   */
  tocPages?: ReadonlyMap<string, number>;
  /** The note under the TOC that its numbers are estimated (not needed when they are exact). */
  tocHint?: boolean;
  /**
   * The 版记 of an official document (doc.imprint): `measure` marks its top and end as named
   * destinations (the PDF's first pass reads where they landed); `spacerPt` is the space put
   * above it so that it ends on the text block's bottom edge, and `newPage` starts it on a page of
   * its own (no room left under the 落款 for it and the seal, or the even page after the text's
   * odd one), `blankBefore` puts an unnumbered blank page before that page and leaves its number
   * off too (GB/T 9704 7.5). A stand-alone HTML file gets none: the 版记 follows the text a line below.
   */
  imprint?: { measure?: boolean; spacerPt?: number; newPage?: boolean; blankBefore?: boolean };
}

/** Ids of the 版记's top and end, read back from the PDF (render-pdf.ts). */
export const IMPRINT_IDS = { top: 'imprint-top', end: 'imprint-end' } as const;

/**
 * GB/T 9704's 28 characters on the 156 mm line: a 三号 character is 16 pt and 28 of them 158 mm, so
 * each character's advance is narrowed a little (as Word's 文档网格 does with charSpace) — a hair
 * more than the exact 0.207 pt, so rounding never pushes the 28th character onto the next line.
 * Punctuation keeps its full width (text-spacing-trim: space-all): Chromium would otherwise halve
 * 》、《 and set 30 characters on a line where Word and WPS set 28.
 */
export const CHAR_PT = (156 * 72) / 25.4 / 28;
const TRACK_PT = CHAR_PT - 16 - 0.005;
const INDENT = `${(2 * (16 + TRACK_PT)).toFixed(3)}pt`;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** Text content: escaped, each date in a span that does not wrap (see unbreakableDates for DOCX). */
const txt = (s: string) => esc(s).replace(DATE_IN_TEXT, '<span class="date">$&</span>');

function css(official = false): string {
  const pageNumber = `content: "— " counter(page) " —"; font-family: ${FONT_STACKS.song}; font-size: 14pt; vertical-align: top; padding-top: 7mm;`;
  // GB/T 9704 7.5 puts odd numbers right, even numbers left, 空一字: one 4号 character (14 pt) in
  // from the block's edge, as the DOCX footer does (7 mm is the number's distance below it). In a pack the cover is printed page 1 and
  // is not counted, so printed page N carries number N-1 and odd numbers fall on left-hand (even)
  // sheets; an official document has no cover, so number and sheet agree.
  const [odd, even] = official ? [':right', ':left'] : [':left', ':right'];
  return `
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
@page ${odd} { @bottom-right { ${pageNumber} text-align: right; padding-right: 14pt; } }
@page ${even} { @bottom-left { ${pageNumber} text-align: left; padding-left: 14pt; } }
@page cover { counter-reset: page 0; @bottom-left { content: none; } @bottom-right { content: none; } }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${FONT_STACKS.fang}; font-size: 16pt; line-height: ${LINE_PT}pt; color: #000; text-align: justify; letter-spacing: ${TRACK_PT.toFixed(3)}pt; text-spacing-trim: space-all; }
p { margin: 0; text-indent: ${INDENT}; orphans: 1; widows: 1; } /* 22 lines to every page (GB/T 9704 5.2.2), as the DOCX */
.cover { page: cover; height: 225mm; display: flex; flex-direction: column; align-items: center; }
.cover .cover-title { margin-top: 40mm; font-family: ${FONT_STACKS.title}; font-size: 26pt; line-height: 40pt; text-align: center; text-indent: 0; letter-spacing: 0; }
.cover .cover-purpose { margin-top: 18mm; font-family: ${FONT_STACKS.kai}; text-align: center; text-indent: 0; }
.cover .cover-foot { margin-top: auto; text-align: center; text-indent: 0; }
.toc { break-before: page; }
.toc-title, .doc-title { font-family: ${FONT_STACKS.title}; font-size: 22pt; line-height: 37pt; font-weight: normal; text-align: center; letter-spacing: 0; margin: 0 0 ${LINE_PT}pt 0; break-after: avoid; }
.toc-entry { display: flex; align-items: last baseline; text-indent: 0; } /* the number on an entry's last line, as Word sets it */
.toc-entry.l2 { padding-left: 2em; }
.toc-entry .t { flex: none; max-width: calc(100% - 4em); }
.toc-entry a { color: inherit; text-decoration: none; }
.toc-entry .dots { flex: 1; border-bottom: 1.5pt dotted #000; margin: 0 0.3em; min-width: 1em; }
.toc-entry .pg { flex: none; width: 2.5em; text-align: right; font-family: ${FONT_STACKS.song}; }
.toc-hint { margin-top: ${LINE_PT}pt; font-family: ${FONT_STACKS.kai}; font-size: 12pt; line-height: 20pt; text-indent: 0; }
.signature { margin-top: ${LINE_PT}pt; text-align: right; } /* each line's own right indent (official-layout.ts) */
.signature p { text-indent: 0; margin: 0; }
p.flush { text-indent: 0; } /* 主送机关 顶格 */
.body { break-before: page; }
h2 { font-family: ${FONT_STACKS.hei}; font-size: 16pt; line-height: ${LINE_PT}pt; font-weight: normal; margin: 0; text-indent: ${INDENT}; break-after: avoid; }
h3 { font-family: ${FONT_STACKS.kai}; font-size: 16pt; line-height: ${LINE_PT}pt; font-weight: normal; margin: 0; text-align: center; break-after: avoid; }
h4 { font-family: ${FONT_STACKS.kai}; font-size: 16pt; line-height: ${LINE_PT}pt; font-weight: normal; margin: 0; text-indent: ${INDENT}; break-after: avoid; }
.cite { font-family: ${FONT_STACKS.kai}; break-after: avoid; }
.label { font-family: ${FONT_STACKS.hei}; }
.field b { font-family: ${FONT_STACKS.hei}; font-weight: normal; }
.note { font-family: ${FONT_STACKS.kai}; }
.note.warn { font-weight: bold; }
.date { white-space: nowrap; }
.nb { white-space: nowrap; } /* a hyphenated id (L2020-007) in a table cell */
/* a heading of two lines is not cut by a page break (the TOC names the page it starts on) */
h2, h3, h4 { break-inside: avoid; }
table { border-collapse: collapse; width: 100%; margin: 0 0 ${LINE_PT / 2}pt 0; font-size: 14pt; line-height: 22pt; letter-spacing: 0; }
th, td { border: 0.75pt solid #000; padding: 2pt 4pt; text-align: center; }
th { font-family: ${FONT_STACKS.hei}; font-weight: normal; }
table.compact { font-size: 12pt; line-height: 18pt; table-layout: fixed; } /* the widths given, not Chromium's guess from the content */
table.compact th, table.compact td { padding: 1pt 3pt; }
td.l { text-align: left; }
/* GB/T 9704 横排表格: the paper turned a quarter with its text block (top = the portrait left, 订口), 225 × 156 mm */
@page landscape { size: A4 landscape; margin: 28mm 37mm 26mm 35mm; }
.landscape { page: landscape; }
.signature { margin-top: ${LINE_PT}pt; break-inside: avoid; }
.signature p { text-align: right; text-indent: 0; padding-right: 4em; }
.doc-number { text-align: center; text-indent: 0; margin: 0 0 ${LINE_PT}pt 0; }
.closing { break-inside: avoid; break-before: avoid; } /* with the text's last paragraph, or the last rows of a table */
tr { break-inside: avoid; }
.annex-note { margin-top: ${LINE_PT}pt; }
/* 版记 (GB/T 9704 7.4): 4号, between a thick rule above and the thick rule on the block's bottom edge, a thin rule between its lines */
.imprint { font-size: ${IMPRINT.pt}pt; letter-spacing: 0; border-top: ${IMPRINT.thickMm}mm solid #000; border-bottom: ${IMPRINT.thickMm}mm solid #000; break-inside: avoid; text-align: left; }
.imprint p { text-indent: 0; margin: 0; padding: 0 1em; }
.imprint .cc { padding-left: ${1 + IMPRINT.label.length}em; text-indent: -${IMPRINT.label.length}em; border-bottom: ${IMPRINT.thinMm}mm solid #000; }
.imprint .printed { display: flex; justify-content: space-between; }
.imprint-page { break-before: page; }
/* A blank page before the 版记's page: neither is numbered (GB/T 9704 7.5) */
@page unnumbered { @bottom-left { content: none; } @bottom-right { content: none; } }
.unnumbered { page: unnumbered; }
.blank-page { break-before: page; height: 1pt; }
.annex { break-before: page; }
.annex-label { font-family: ${FONT_STACKS.hei}; text-indent: 0; margin-bottom: ${LINE_PT}pt; break-after: avoid; }
@page official { @bottom-left { content: none; } @bottom-right { content: none; } }
@media screen {
  body { background: #eee; }
  .sheet { background: #fff; width: 156mm; margin: 10mm auto; padding: 37mm 26mm 35mm 28mm; box-shadow: 0 1px 4px #999; }
}
@media print { .sheet { margin: 0; padding: 0; } }
`;
}

function block(b: DocBlock): string {
  switch (b.kind) {
    case 'subheading':
      return b.level === 2 ? `<h3 id="${b.id}">${txt(b.text)}</h3>` : `<h4 id="${b.id}">${txt(b.text)}</h4>`;
    case 'citation':
      return `<p class="cite">${txt(b.text)}</p>`;
    case 'article': {
      const [first = '', ...rest] = b.lines;
      return [`<p class="art"><span class="label">${txt(b.label)}</span>　${txt(first)}</p>`, ...rest.map((l) => `<p>${txt(l)}</p>`)].join('\n');
    }
    case 'paragraph':
      return b.flush ? `<p class="flush">${txt(b.text)}</p>` : `<p>${txt(b.text)}</p>`;
    case 'field':
      return `<p class="field"><b>${txt(b.label)}：</b>${txt(b.text)}</p>`;
    case 'note':
      return `<p class="note ${b.tone}">${txt(b.text)}</p>`;
    case 'signature':
      return `<div class="signature">${b.lines.map((l) => `<p>${txt(l)}</p>`).join('')}</div>`;
    case 'table':
      // The head repeats on every page (thead); cells keep their dates whole, as the paragraphs do.
      return `<table${b.compact ? ' class="compact"' : ''}>${colgroup(b.widths, b.head.length)}<thead><tr>${b.head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${b.rows
        .map((r) => `<tr>${r.map((c, i) => `<td${b.align?.[i] === 'left' ? ' class="l"' : ''}>${cellText(c)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;
  }
}

/** A table cell: dates and hyphenated ids (L2020-007) never cut at a line end; \n starts a line. */
const cellText = (c: string) => txt(c).replace(/[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+/g, '<span class="nb">$&</span>').replace(/\n/g, '<br>');

function colgroup(widths: number[] | undefined, n: number): string {
  if (!widths || widths.length !== n) return '';
  const sum = widths.reduce((a, w) => a + w, 0);
  return `<colgroup>${widths.map((w) => `<col style="width:${((100 * w) / sum).toFixed(1)}%">`).join('')}</colgroup>`;
}

export const TOC_HINT_HTML = '注：目录页码为估算，以实际打印分页为准（导出 PDF 时按实际分页填写）。';

/**
 * A title cut where its words allow (title-lines.ts), the lines joined by <br>, in an <h1> whose
 * space below brings the text back onto the 28.95 pt grid (titleGapPt).
 */
function titleH1(title: string, perLine: number, lead = '', id = ''): string {
  const lines = titleLines(title, perLine, lead);
  return `<h1 class="doc-title"${id ? ` id="${id}"` : ''} style="margin-bottom:${titleGapPt(lines.length).toFixed(2)}pt">${lines.map(txt).join('<br>')}</h1>`;
}
const TITLE_PER_LINE = Math.floor((156 * 72) / 25.4 / 22);
/** A section heading of more than one line cut where its words allow (26 characters after its indent), as in the DOCX. */
const headingHtml = (text: string) => titleLines(text, 26).map(txt).join('<br>');
const TITLE_PER_LINE_LANDSCAPE = Math.floor((225 * 72) / 25.4 / 22);

/**
 * An official document (公文): 发文字号, title, text, 附件说明 and 落款 kept on one page with the
 * text's last paragraph, then each 附件 on a new page (附件 顶格 in 黑体, its title centred).
 */
function renderOfficialHtml(doc: PackDocument, opts: HtmlOptions): string {
  const { body, annexes, annexNote } = officialParts(doc);
  const out: string[] = [
    '<!DOCTYPE html>',
    '<html lang="zh-CN"><head><meta charset="utf-8">',
    `<meta name="generator" content="LawDesk 法规案头"><meta name="date" content="${esc(doc.asOf)}">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    // An official document counts its pages from the first: printed page N carries number N.
    `<title>${esc(doc.title)}</title><style>${css(true)}</style></head><body>`,
    '<div class="sheet body-official">',
  ];
  // A landscape section (横排表格) is a run of pages of its own, named page `landscape`; the title
  // goes with the first section, the closing with the last.
  const text: string[] = [];
  let inLandscape = false;
  const orient = (landscape: boolean) => {
    if (landscape !== inLandscape) text.push(landscape ? '<div class="landscape">' : '</div>');
    inLandscape = landscape;
  };
  orient(!!body[0]?.landscape);
  if (doc.official?.number) text.push(`<p class="doc-number">${txt(doc.official.number)}</p>`);
  text.push(titleH1(doc.title, inLandscape ? TITLE_PER_LINE_LANDSCAPE : TITLE_PER_LINE, doc.signature?.unit ?? doc.cover.unit, 'top'));
  for (const s of body) {
    orient(!!s.landscape);
    if (s.heading) text.push(`<h2 id="${s.id}">${headingHtml(s.heading)}</h2>`);
    for (const b of s.blocks) text.push(block(b));
  }
  const closing: string[] = [];
  const ch = 16 + TRACK_PT;
  if (annexNote.length) closing.push(`<div class="annex-note">${annexNoteLines(annexNote).map((l) => `<p style="padding-left:${(l.hang * ch).toFixed(2)}pt;text-indent:${((l.first - l.hang) * ch).toFixed(2)}pt">${txt(l.text)}</p>`).join('')}</div>`);
  if (doc.signature) closing.push(`<div class="signature" style="margin-top:${(signatureGapLines(doc.signature) * LINE_PT).toFixed(2)}pt">${signatureLines(doc.signature).map((l) => `<p style="padding-right:${(l.rightChars * (16 + TRACK_PT)).toFixed(2)}pt">${txt(l.text)}</p>`).join('')}</div>`);
  // The 落款 never stands alone on a page: the last paragraph of the text goes with it.
  const last = closing.length && text.length && text[text.length - 1]!.startsWith('<p') && !text[text.length - 1]!.includes('\n') ? text.pop()! : '';
  out.push(...text);
  if (closing.length) out.push(`<div class="closing">${last}${closing.join('')}</div>`);
  if (inLandscape) out.push('</div>');
  for (const a of annexes) {
    out.push(`<section class="annex${a.section.landscape ? ' landscape' : ''}"><p class="annex-label" id="${a.section.id}">${txt(a.label)}</p>`);
    if (a.title) out.push(titleH1(a.title, a.section.landscape ? TITLE_PER_LINE_LANDSCAPE : TITLE_PER_LINE));
    for (const b of a.section.blocks) out.push(block(b));
    out.push('</section>');
  }
  if (doc.imprint) out.push(imprintHtml(doc.imprint, opts.imprint ?? {}, !!(annexes.length ? annexes[annexes.length - 1]!.section.landscape : inLandscape)));
  out.push('</div></body></html>');
  return out.filter(Boolean).join('\n');
}

/**
 * The 版记 after everything else. On a portrait page: after a landscape 附件 it starts a page of its
 * own (the named page changes); `spacerPt` brings it down onto the bottom edge of the text block.
 */
function imprintHtml(imp: NonNullable<PackDocument['imprint']>, o: NonNullable<HtmlOptions['imprint']>, afterLandscape: boolean): string {
  const l = imprintLines(imp);
  const marks = o.measure ? `<a href="#${IMPRINT_IDS.top}"></a><a href="#${IMPRINT_IDS.end}"></a>` : '';
  const spacer = o.spacerPt !== undefined ? `<div style="height:${Math.max(0, o.spacerPt).toFixed(2)}pt"></div>` : `<div style="height:${LINE_PT}pt"></div>`;
  return [
    o.blankBefore ? '<div class="blank-page unnumbered"></div>' : '',
    `<div class="imprint-block${o.newPage || afterLandscape || o.blankBefore ? ' imprint-page' : ''}${o.blankBefore ? ' unnumbered' : ''}">${marks}${spacer}`,
    `<div class="imprint" id="${IMPRINT_IDS.top}">`,
    l.copyTo ? `<p class="cc">${IMPRINT.label}${txt(l.copyTo)}</p>` : '',
    `<p class="printed"><span>${txt(l.printedBy)}</span><span>${txt(l.printed)}</span></p>`,
    `</div><div id="${IMPRINT_IDS.end}"></div></div>`,
  ].join('');
}

export function renderHtml(doc: PackDocument, opts: HtmlOptions = {}): string {
  if (isOfficial(doc)) return renderOfficialHtml(doc, opts);
  const out: string[] = [];
  const c = doc.cover;
  out.push(
    '<!DOCTYPE html>',
    '<html lang="zh-CN"><head><meta charset="utf-8">',
    `<meta name="generator" content="LawDesk 法规案头"><meta name="date" content="${esc(doc.asOf)}">`,
    // No scripts and no remote content: the file must open the same way offline, years later.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${esc(doc.title)}</title><style>${css()}</style></head><body>`,
  );
  out.push(
    '<div class="sheet cover">',
    `<div class="cover-title">${titleLines(c.title || doc.title, Math.floor((156 * 72) / 25.4 / 26), c.unit).map(txt).join('<br>')}</div>`,
    c.purpose ? `<div class="cover-purpose">${txt(c.purpose)}</div>` : '',
    `<div class="cover-foot">${c.unit ? `<div>${txt(c.unit)}</div>` : ''}${c.date ? `<div>${txt(c.date)}</div>` : ''}<div class="asof">（条文截至 ${txt(chineseDate(doc.asOf))}）</div></div>`,
    '</div>',
  );
  out.push('<div class="sheet toc"><h1 class="toc-title">目　录</h1>');
  const pages = opts.tocPages ?? estimateTocPages(doc);
  for (const e of tocEntries(doc)) {
    const pg = pages.get(e.id);
    out.push(
      `<p class="toc-entry l${e.level}"><span class="t"><a href="#${e.id}">${txt(e.text)}</a></span><span class="dots"></span><span class="pg">${pg ?? ''}</span></p>`,
    );
  }
  out.push(opts.tocHint === false ? '</div>' : `<p class="toc-hint">${TOC_HINT_HTML}</p></div>`);
  out.push(`<div class="sheet body">${titleH1(doc.title, TITLE_PER_LINE, c.unit, 'top')}`);
  for (const s of doc.sections) {
    // The anchor is the heading itself, not the section: a heading kept with its text may move to
    // the next page while the (empty) start of its section stays behind.
    out.push('<section>');
    if (s.heading) out.push(`<h2 id="${s.id}">${headingHtml(s.heading)}</h2>`);
    for (const b of s.blocks) out.push(block(b));
    out.push('</section>');
  }
  out.push('</div></body></html>');
  return out.filter(Boolean).join('\n');
}
