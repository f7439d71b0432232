// Word 97–2003 .doc and Kingsoft WPS .wps (an OLE compound file with a WordDocument stream: WPS
// has written the Word binary format under its own extension since WPS 2005) → plain law text.
// The container is sniffed with `cfb` first, so a Microsoft Works .wps (a CONTENTS stream, another
// format altogether), an encrypted document and a cut-off file get a reason the user can act on;
// `word-extractor` then reads the body. Headers, footers ("— 1 —"), text boxes drawn in them and
// footnotes are separate stories of text in a .doc and never reach the law text.

import CFB from 'cfb';
import WordOleExtractor from 'word-extractor/lib/word-ole-extractor.js';
import BufferReader from 'word-extractor/lib/buffer-reader.js';
import { clean } from 'word-extractor/lib/filters.js';
import { readDocBodyExtras, type DocBodyExtras } from './doc-body';
import { splitManualBreaks } from './docx-text-extractor';
import { ExtractError, revisionsWarning, type ExtractedDocument } from './extracted-document';
import { guessMetadata } from './document-metadata';
import { toPlainLawText } from './plain-law-text';
import { isDataTable, tableRowLine } from './table-rows';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isOleFile(bytes: Uint8Array): boolean {
  return OLE_MAGIC.every((b, i) => bytes[i] === b);
}

export type OleKind = 'word' | 'works' | 'other';

interface Sniffed {
  kind: OleKind;
  /** Stream names at the root, for the error message of an unknown container. */
  streams: string[];
  wordDocument?: Uint8Array;
  /** The table stream (0Table or 1Table, as the FIB says) with the piece table, styles and lists. */
  table?: Uint8Array;
}

/**
 * Whether the header's counts of FAT, mini-FAT and DIFAT sectors exceed what the file can hold:
 * cfb sizes its arrays by them before it reads a sector (0xFFFFFFFF: "Invalid array length";
 * 0x10000000: gigabytes), so they are checked against the file's length first.
 */
function headerCountsLie(bytes: Uint8Array): boolean {
  if (bytes.length < 512) return true;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = dv.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) return true;
  const sectors = Math.ceil(bytes.length / (1 << shift));
  return [0x2c, 0x40, 0x48].some((at) => dv.getUint32(at, true) > sectors);
}

/**
 * Whether a sector chain in the FAT loops: cfb and word-extractor follow chains without a guard,
 * and a FAT entry pointing back (fuzzed .doc: FAT[25] → 21) grew the process past 500 MB. Real
 * files end every chain (0xFFFFFFFE) and mark free sectors 0xFFFFFFFF, so any cycle is damage.
 */
function fatLoops(bytes: Uint8Array): boolean {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = 1 << dv.getUint16(0x1e, true);
  const at = (sector: number) => (sector + 1) * size;
  const fatSectors: number[] = [];
  for (let k = 0; k < 109 && fatSectors.length < dv.getUint32(0x2c, true); k++) fatSectors.push(dv.getUint32(0x4c + k * 4, true));
  const next: number[] = [];
  for (const s of fatSectors) {
    if (at(s) + size > bytes.length) break; // a FAT beyond the file: cfb refuses it itself
    for (let i = 0; i < size; i += 4) next.push(dv.getUint32(at(s) + i, true));
  }
  // walk each chain once; 1 = on the current walk, 2 = known to end
  const state = new Uint8Array(next.length);
  for (let start = 0; start < next.length; start++) {
    const walk: number[] = [];
    let s = start;
    while (s < next.length && state[s] === 0) {
      state[s] = 1;
      walk.push(s);
      s = next[s]!;
    }
    if (s < next.length && state[s] === 1) return true;
    for (const w of walk) state[w] = 2;
  }
  return false;
}

function readContainer(bytes: Uint8Array, label: string): Sniffed {
  const broken = () => new ExtractError(`${label}已损坏或不完整（复合文档结构无法读取，可能下载或复制中断）`);
  if (headerCountsLie(bytes) || fatLoops(bytes)) throw broken();
  let container: CFB.CFB$Container;
  try {
    container = CFB.read(bytes, { type: 'buffer' });
  } catch {
    throw broken();
  }
  const streams = container.FullPaths.filter((p) => /^[^/]+\/[^/]+$/.test(p)).map((p) => p.split('/')[1]!);
  const word = CFB.find(container, 'WordDocument');
  if (word?.content && word.content.length > 0) {
    const wordDocument = word.content as Uint8Array;
    const which = wordDocument.length > 0x0b && wordDocument[0x0b]! & 0x02 ? '1Table' : '0Table';
    const table = CFB.find(container, which)?.content as Uint8Array | undefined;
    return { kind: 'word', streams, wordDocument, table };
  }
  if (streams.includes('CONTENTS') || streams.some((s) => /^MatOST$/i.test(s))) return { kind: 'works', streams };
  return { kind: 'other', streams };
}

/** What kind of OLE document this is, without reading its text (for the import preview). */
export function sniffOle(bytes: Uint8Array): OleKind {
  try {
    return readContainer(bytes, '').kind;
  } catch {
    return 'other';
  }
}

/** FIB: wIdent 0xA5EC; flags word at 0x0A, bit 8 = fEncrypted (Word 97 and the WPS writer set it alike). */
function checkFib(fib: Uint8Array, label: string): number {
  if (fib.length < 0x20 || fib[0] !== 0xec || fib[1] !== 0xa5) {
    throw new ExtractError(`${label}不是 Word 97–2003 格式（可能是更早的 Word 6/95 文件），请在 Word/WPS 中另存为 .docx 后再导入`);
  }
  const flags = fib[0x0a]! | (fib[0x0b]! << 8);
  if (flags & 0x0100) throw new ExtractError(`${label}已加密，需要密码才能打开；请先在 Word/WPS 中去除密码后再导入`);
  // ccpText (FibRgLw97): how many characters the main text has, to tell a cut-off copy.
  return fib.length >= 0x50 ? (fib[0x4c]! | (fib[0x4d]! << 8) | (fib[0x4e]! << 16)) + fib[0x4f]! * 0x1000000 : 0;
}

/**
 * Whether the document numbers paragraphs automatically: the FIB's lcbPlfLfo (FibRgFcLcb97 pair
 * 74, after FibBase, the csw shorts and the cslw longs) is the size of the list-override table,
 * which only exists when some paragraph is in a list.
 */
export function usesListNumbering(fib: Uint8Array): boolean {
  if (fib.length < 0x22) return false;
  const csw = fib[0x20]! | (fib[0x21]! << 8);
  const cslwAt = 0x22 + csw * 2;
  if (fib.length < cslwAt + 2) return false;
  const cslw = fib[cslwAt]! | (fib[cslwAt + 1]! << 8);
  const fcLcbAt = cslwAt + 2 + cslw * 4 + 2;
  const lcbAt = fcLcbAt + 74 * 8 + 4;
  if (fib.length < lcbAt + 4) return false;
  return (fib[lcbAt]! | (fib[lcbAt + 1]! << 8) | (fib[lcbAt + 2]! << 16) | (fib[lcbAt + 3]! << 24)) !== 0;
}

/** Paragraph breaks (\r in Word, \n from the extractor), cell/row marks and vertical tabs → lines. */
function bodyLines(body: string): string[] {
  const raw = body.replace(/\r\n?|\u000b|\u000c/g, '\n').split('\n').map((l) => l.replace(/[\u0000-\u0008\u000e-\u001f]/g, ''));
  // word-extractor ends each table cell with a tab: a row is "a\tb\t", a row of one cell "a\t". A run
  // of such lines is a table. One of data (the rule of every reader, table-rows.ts) is written one
  // `|a|b|` line per row as the DOCX reader and the PDF layout write it (cells kept apart and in
  // order; before, "刑法条文罪名" ran together); one used for layout (a 发文机关标志 of two organs
  // beside 文件, a 版记) gives its cells' text as lines, as the DOCX reader does.
  const out: string[] = [];
  for (let i = 0; i < raw.length; ) {
    if (!raw[i]!.endsWith('\t')) {
      // a manual line break (U+2028 from the reader) inside a paragraph: split or joined as in DOCX
      out.push(...splitManualBreaks(raw[i]!.replace(/\t+/g, ' ').replace(/\u2028/g, '\n')));
      i++;
      continue;
    }
    let j = i;
    while (j < raw.length && raw[j]!.endsWith('\t')) j++;
    const rows = raw.slice(i, j).map((l) => l.slice(0, -1).split('\t').map((c) => splitManualBreaks(c.replace(/\u2028/g, '\n')).join(' ')));
    if (isDataTable(rows.map((r) => r.map((c) => [c])))) for (const r of rows) out.push(tableRowLine(r));
    // one line alone may be a paragraph with a typed tab at its end: its pieces stay one line
    else if (rows.length === 1) out.push(splitManualBreaks(raw[i]!.replace(/\t+/g, ' ').replace(/\u2028/g, '\n')).join(' ').trimEnd());
    else for (const r of rows) for (const c of r) if (c.trim() !== '') out.push(c);
    i = j;
  }
  return out;
}

/**
 * word-extractor's Word 97 reader, with what it does not read (doc-body.ts) applied to the main
 * text by CP before its clean-up removes field codes, deleted text and control marks: the list
 * numbers Word prints are written where each numbered paragraph starts, hidden characters are
 * dropped, a manual line break (0x0B, Shift+Enter) is kept apart from a paragraph's end (as
 * U+2028) so that it is joined or split as the DOCX reader does, and Word's hyphen marks are read
 * as the DOCX reader reads them.
 */
class FullOleExtractor extends WordOleExtractor {
  constructor(private readonly extras: DocBodyExtras) {
    super();
  }

  protected override buildDocument() {
    const doc = super.buildDocument();
    const ccpText = this._boundaries.ccpText;
    // the main text by CP, as the reader's pieces hold it after its own marking (one character a CP)
    const parts: string[] = [];
    for (const p of this._pieces) {
      if (p.startCp >= ccpText) break;
      parts.push(p.text.slice(0, Math.min(p.endCp, ccpText) - p.startCp));
    }
    const raw = parts.join('');
    const { labels, hidden } = this.extras;
    const boxesAt = this.textBoxesByParagraph(raw);
    const out: string[] = [];
    for (let cp = 0; cp < raw.length; cp++) {
      const boxes = boxesAt.get(cp);
      if (boxes !== undefined) out.push(...boxes);
      const label = labels.get(cp);
      if (label !== undefined) out.push(label);
      const ch = raw[cp]!;
      // Word's optional hyphen (0x1F, shown only where a line breaks) is nothing in the text; the
      // reader's own table has no entry for it and wrote "undefined". Its non-breaking hyphen (0x1E)
      // is a hyphen, as the DOCX reader gives w:noBreakHyphen ("GB/T 19001-2016").
      if (hidden.has(cp)) continue;
      // the reader wrote NUL over each tracked deletion's characters; its clean-up drops them
      if (ch === '\u0000') this.deletedChars++;
      if (ch === '\u001f') continue;
      out.push(ch === '\u000b' ? '\u2028' : ch === '\u001e' ? '-' : ch);
    }
    doc._body = clean(out.join(''));
    return doc;
  }

  /** Text boxes left out of the body (anchored after the first article: a seal, a margin note). */
  droppedTextBoxes = 0;

  /** Characters of the main text in tracked deletions, left out of the body. */
  deletedChars = 0;

  /**
   * The text boxes anchored before the first article (a 红头's 发文机关标志, 文号, the title), each as
   * its own paragraphs before the paragraph it is anchored in — where the DOCX reader puts them; one
   * anchored after it floats over an article it does not belong to and is left out (counted).
   */
  private textBoxesByParagraph(raw: string): Map<number, string[]> {
    const at = new Map<number, string[]>();
    const b = this._boundaries;
    const story = b.ccpText + b.ccpFtn + b.ccpHdd + b.ccpAtn + b.ccpEdn;
    const firstArticle = FIRST_ARTICLE_RE.exec(raw);
    for (const box of this.extras.textBoxes) {
      if (box.anchorCp >= raw.length || box.end > b.ccpTxbx) continue;
      const paraStart = Math.max(raw.lastIndexOf('\r', box.anchorCp - 1), raw.lastIndexOf('\u0007', box.anchorCp - 1)) + 1;
      const text = this.storyText(story + box.start, story + box.end).replace(/[\r\u0007]+$/, '');
      if (text.trim() === '') continue;
      if (firstArticle && firstArticle.index < paraStart) {
        this.droppedTextBoxes++;
        continue;
      }
      const list = at.get(paraStart) ?? [];
      list.push(`${text}\r`);
      at.set(paraStart, list);
    }
    return at;
  }

  /** The characters of CPs [from, to) from the reader's pieces. */
  private storyText(from: number, to: number): string {
    const parts: string[] = [];
    for (const p of this._pieces) {
      if (p.endCp <= from || p.startCp >= to) continue;
      parts.push(p.text.slice(Math.max(from, p.startCp) - p.startCp, Math.min(to, p.endCp) - p.startCp));
    }
    return parts.join('');
  }
}

/** A paragraph of the main text that starts an article: text boxes anchored after it are left out. */
const FIRST_ARTICLE_RE = /(?:^|[\r\u0007])[ \t\u3000]*第[一二三四五六七八九十百千零〇0-9]+条/;

export async function extractOle(bytes: Uint8Array, fileName: string): Promise<ExtractedDocument> {
  const ext = fileName.toLowerCase().endsWith('.wps') ? 'wps' : 'doc';
  const label = ext === 'wps' ? 'WPS 文档' : 'Word 文档';
  if (!isOleFile(bytes)) {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 16));
    if (head.startsWith('{\\rtf')) throw new ExtractError(`${fileName} 实际是 RTF 文件（只是扩展名为 .${ext}），请在 Word/WPS 中另存为 .docx 后再导入`);
    throw new ExtractError(`${fileName} 不是有效的 ${label}（缺少复合文档文件头），可能只是改了扩展名`);
  }
  const sniffed = readContainer(bytes, label);
  if (sniffed.kind === 'works') {
    throw new ExtractError(
      `${fileName} 是 Microsoft Works 文字处理文件（与 WPS 文字的 .wps 不同），无法直接读取；请用 Word 或 LibreOffice 打开后另存为 .docx 再导入`,
    );
  }
  if (sniffed.kind === 'other' || !sniffed.wordDocument) {
    throw new ExtractError(`${fileName} 不是 Word 或 WPS 文字文档（复合文档中没有正文流，可能是 Excel、PowerPoint 等文件）`);
  }
  const ccpText = checkFib(sniffed.wordDocument, label);

  const listed = usesListNumbering(sniffed.wordDocument);
  const extras: DocBodyExtras = sniffed.table ? readDocBodyExtras(sniffed.wordDocument, sniffed.table) : { labels: new Map(), hidden: new Set(), listsRead: false, textBoxes: [], revisions: { inserted: 0, deleted: 0 } };
  let doc: Awaited<ReturnType<WordOleExtractor['extract']>>;
  const wordReader = new FullOleExtractor(extras);
  try {
    const reader = new BufferReader(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    await reader.open();
    try {
      doc = await wordReader.extract(reader);
    } finally {
      await reader.close();
    }
  } catch (e) {
    const msg = (e as Error)?.message ?? String(e);
    if (/encrypt/i.test(msg)) throw new ExtractError(`${label}已加密，需要密码才能打开；请先在 Word/WPS 中去除密码后再导入`);
    // word-extractor's own words ("Invalid array length", "Offset is outside the bounds") tell the user nothing
    throw new ExtractError(`${label}已损坏或不完整，无法读取正文（文件结构有误，可能下载或复制中断）；请在 Word/WPS 中打开并另存为 .docx 后再导入`);
  }
  // word-extractor's default "filterUnicode" turns “ ” ‘ ’ into ASCII quotes and — into "-": a law's
  // “犯罪案件” and its —— dashes must come through as written.
  const body = doc.getBody({ filterUnicode: false });
  // A copy cut inside the text streams can still have an intact container: the FIB says how long
  // the main text is, and a partial law is worse than none. Hidden and deleted characters are in
  // that count but not in the body: a draft whose reviewer struck out a tenth of it is whole.
  if (ccpText > 0 && body.length + extras.hidden.size + wordReader.deletedChars < 0.9 * ccpText) {
    throw new ExtractError(`${label}不完整（正文只读到 ${body.length} / ${ccpText} 字，可能下载或复制中断）`);
  }
  const result = toPlainLawText(bodyLines(body));
  if (result.text.trim() === '') throw new ExtractError(`${fileName} 中没有文字（可能只有图片或是扫描件）`);
  const warnings: string[] = [];
  if (listed && !extras.listsRead) {
    // Lists are used but their tables could not be read (damaged, or a structure not handled):
    // a 第一条 or （一） made by automatic numbering may be missing.
    warnings.push(`${label}使用了自动编号：.${ext} 中自动生成的编号（如“第一条”“（一）”）无法读取，条文编号可能缺失；请核对，或在 Word/WPS 中另存为 .docx 后导入（.docx 的自动编号可以读取）`);
  }
  if (result.tocAt !== undefined) warnings.push(`已跳过目录（${result.tocEntries} 个条目）`);
  const { inserted, deleted } = extras.revisions;
  if (inserted || deleted) warnings.push(revisionsWarning(inserted, deleted));
  const apart = [
    // a text box drawn in a header (a 红头 template's running title, a 密级 mark) is header furniture:
    // its own story after the body's boxes (ccpHdrTxbx), never anchored in the main text
    ['页眉页脚', `${doc.getHeaders({ includeFooters: true })}\n${doc.getTextboxes({ includeBody: false, includeHeadersAndFooters: true })}`],
    ['脚注', doc.getFootnotes()],
    ['尾注', doc.getEndnotes()],
    ['批注', doc.getAnnotations()],
  ] as const;
  for (const [what, text] of apart) {
    const n = text.split('\n').filter((l) => l.trim() !== '').length;
    if (n > 0) warnings.push(`${what}（${n} 行）未并入正文`);
  }
  if (wordReader.droppedTextBoxes) warnings.push(`正文中的 ${wordReader.droppedTextBoxes} 个文本框（印章、批注或页边文字）未并入条文`);
  return { text: result.text, format: ext, meta: guessMetadata(result.text), warnings };
}
