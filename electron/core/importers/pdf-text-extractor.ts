// PDF (text layer) → plain law text. pdf.js gives positioned text items; the layout step shared
// with OFD and OCR (text-layout.ts) rebuilds lines, drops running headers, footers and page
// numbers, skips a 目录 and joins lines broken mid-paragraph.
// pdf.js is loaded on first use only (≈0.6 s), so the app starts fast.

import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ExtractError, type ExtractedDocument } from './extracted-document';
import { guessMetadata, metaFromFields } from './document-metadata';
import { cleanWebCopy, latinBoundary, webCopyWarnings } from './plain-law-text';
import { NeedsOcr, type OcrMode } from './extracted-document';
import { layoutPages, type PositionedText, type TextLine } from './text-layout';
import { pageList } from '../../shared/page-list';
import { splitDocumentNotes, type NotesPage } from './page-footnotes';
import { pageRulings } from './pdf-rulings';
import { dropRepeatedTableHeads, joinRowsOverPageBreaks, linesWithRuledTables, rowEndingPage, ruledGrids, type RuledGrid, type Ruling } from './ruled-tables';

export { buildLines, joinParagraphs, type TextLine as PdfLine } from './text-layout';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

export interface PdfExtractOptions {
  /** Refuse documents with more pages than this (a "PDF bomb" is refused, not read). */
  maxPages?: number;
  /** Give up after this long (reading the text layer; OCR has its own progress and cancel). */
  timeoutMs?: number;
  /** A PDF without any text layer: OCR it, only say how long OCR would take, or refuse it. */
  ocr?: OcrMode;
}

const DEFAULTS = { maxPages: 2000, timeoutMs: 120_000 };
const MAX_BYTES = 300 * 1024 * 1024;


/**
 * pdf.js gives a space item of its own both for a space glyph and for a gap it measured, so where an
 * ideograph meets a Latin word or a number a typed space ("ISO 9001", "Word 文档") and the spacing a
 * writer adds there (LibreOffice: 0.20 em, every time) look alike but for their width. A document
 * that shows that spacing at two or more such places shows its width; a gap there clearly wider
 * (by 0.08 em; a Latin font's space is 0.25–0.32 em on top of nothing) and narrower than 0.6 em
 * (beyond, a tab or a column) is a typed space. A document that never shows the narrow spacing
 * gives no way to tell, and its gaps stay untyped (dropped by the paragraph step, as before).
 */
function markTypedSpaces(pages: PositionedText[][]): void {
  const boundary: { item: PositionedText; em: number }[] = [];
  for (const items of pages) {
    for (let k = 1; k + 1 < items.length; k++) {
      const it = items[k]!;
      if (it.str !== ' ' || it.size <= 0) continue;
      if (latinBoundary(items[k - 1]!.str.slice(-1), items[k + 1]!.str.charAt(0))) boundary.push({ item: it, em: it.w / it.size });
    }
  }
  const narrow = boundary.map((g) => Math.round(g.em * 100)).filter((c) => c >= 5 && c < 23);
  if (narrow.length < 2) return;
  const counts = new Map<number, number>();
  for (const c of narrow) counts.set(c, (counts.get(c) ?? 0) + 1);
  const spacing = [...counts].sort((x, y) => y[1] - x[1] || x[0] - y[0])[0]![0] / 100;
  for (const g of boundary) if (g.em >= spacing + 0.08 && g.em <= 0.6) g.item.typed = true;
}
/**
 * Characters of text layer read in all (a dense A4 page of a law holds ≈ 1,500; 民法典 ≈ 110,000).
 * An 11 KB PDF whose 200 pages all draw one content stream of 2,000 lines made 12 M characters,
 * 18 CPU-s and 880 MB; past this it is refused while being read.
 */
export const MAX_PDF_TEXT_CHARS = 6_000_000;

/** A page's characters up to which its ruling lines are read (a dense A4 page of a law holds ≈ 1,500). */
const MAX_RULED_PAGE_CHARS = 20_000;

let pdfjsLoad: Promise<{ pdfjs: PdfJs; root: string }> | undefined;

function loadPdfjs(): Promise<{ pdfjs: PdfJs; root: string }> {
  pdfjsLoad ??= (async () => {
    const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    const pdfjs = (await import('pdfjs-dist/legacy/build/pdf.mjs')) as PdfJs;
    if (!pdfjs.GlobalWorkerOptions.workerSrc) {
      pdfjs.GlobalWorkerOptions.workerSrc = pathToFileURL(join(root, 'legacy', 'build', 'pdf.worker.mjs')).href;
    }
    return { pdfjs, root };
  })();
  pdfjsLoad.catch(() => (pdfjsLoad = undefined));
  return pdfjsLoad;
}

/**
 * pdf.js's loading task for a PDF's bytes (legacy build, local worker, CJK cmaps, no eval, no
 * system fonts): the one way the app (and the tests that read exported PDFs back) open a PDF.
 */
export async function openPdfTask(bytes: Uint8Array) {
  const { pdfjs, root } = await loadPdfjs();
  return pdfjs.getDocument({
    data: new Uint8Array(bytes), // a copy, and a plain Uint8Array: pdf.js takes ownership and refuses Buffers
    cMapUrl: join(root, 'cmaps') + sep,
    cMapPacked: true,
    standardFontDataUrl: join(root, 'standard_fonts') + sep,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
    verbosity: 0,
  });
}

function withTimeout<T>(p: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(new ExtractError(`PDF 读取超时（超过 ${Math.round(ms / 1000)} 秒），文件可能异常庞大或已损坏`));
    }, ms);
  });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

function translateError(e: unknown): Error {
  if (e instanceof ExtractError) return e;
  const name = (e as { name?: string })?.name ?? '';
  const msg = (e as { message?: string })?.message ?? String(e);
  if (name === 'PasswordException') return new ExtractError('PDF 已加密，需要密码才能打开；请先在原软件中去除密码后再导入');
  if (name === 'InvalidPDFException' || /Invalid PDF|XRef|startxref|trailer/i.test(msg)) {
    return new ExtractError('PDF 文件已损坏或不完整（无法读取文件结构），请重新下载或另存后再导入');
  }
  if (/encrypt/i.test(msg)) return new ExtractError('PDF 使用了不支持的加密方式，请先去除加密后再导入');
  // pdf.js's own words (FormatError, "Bad FCHECK in flate stream", a thread's unhandled rejection) tell the user nothing
  return new ExtractError('PDF 文件已损坏或格式异常，无法读取；请重新下载，或在原软件中重新导出 PDF 后再导入');
}

export type PdfTask = Awaited<ReturnType<typeof openPdfTask>>;
export type PdfDocument = Awaited<PdfTask['promise']>;

/**
 * Opens a PDF and reads its text layer, page by page, as positioned lines. Runs in a PDF/OCR thread
 * (ocr-page-job.ts), never on the main thread: loading pdf.js and parsing a document froze the
 * event loop for seconds. The open document is returned so a scan can be rendered for OCR in the
 * same thread without opening it again; the caller destroys the task.
 */
export async function readTextLayer(bytes: Uint8Array, maxPages: number, deadline: number): Promise<{ task: PdfTask; doc: PdfDocument; lines: TextLine[][] }> {
  const task = await openPdfTask(bytes);
  const { OPS } = (await loadPdfjs()).pdfjs;
  try {
    const doc = await task.promise;
    const n = doc.numPages;
    if (n > maxPages) throw new ExtractError(`PDF 页数过多（${n} 页，上限 ${maxPages} 页），已拒绝导入`);
    const pages: TextLine[][] = [];
    const notesPages: NotesPage[] = [];
    const pageRulingsRead: Ruling[][] = [];
    // A page object drawn twice (a page tree whose Kids name one page 2,000 times) is never written by real software.
    const pageOfRef = new Map<string, number>();
    let chars = 0;
    for (let p = 1; p <= n; p++) {
      if (Date.now() > deadline) throw new ExtractError('PDF 读取超时');
      const page = await doc.getPage(p);
      const ref = page.ref ? `${page.ref.num} ${page.ref.gen}` : undefined;
      const same = ref === undefined ? undefined : pageOfRef.get(ref);
      if (same !== undefined) throw new ExtractError(`PDF 第 ${p} 页与第 ${same} 页是同一个页面对象（页面树重复引用），可能是恶意构造的文件，已拒绝导入`);
      if (ref !== undefined) pageOfRef.set(ref, p);
      const content = await page.getTextContent();
      const items: PositionedText[] = [];
      for (const it of content.items) {
        if (!('str' in it)) continue;
        chars += it.str.length;
        if (chars > MAX_PDF_TEXT_CHARS) {
          throw new ExtractError(`PDF 的文字量异常庞大（读到第 ${p} 页已超过 ${MAX_PDF_TEXT_CHARS / 10_000} 万字），可能是恶意构造的文件，已拒绝导入`);
        }
        const [a, b, , d, e, f] = it.transform as number[];
        if (Math.abs(b!) > 0.01 * Math.abs(a!)) continue; // rotated text (stamps, side notes)
        items.push({ str: it.str, x: e!, y: f!, w: it.width, size: Math.abs(d!) || Math.abs(a!) });
      }
      // the ruling lines give a table's cells, merged ones included, and the separator over a page's
      // notes (only a page with text has either; a page of more text than any typeset page, a hostile
      // one, is not worth pdf.js's second pass)
      const pageChars = items.reduce((n, it) => n + it.str.length, 0);
      let rulings: Ruling[] = [];
      if (items.some((t) => t.str.trim() !== '') && pageChars <= MAX_RULED_PAGE_CHARS) {
        const ops = await page.getOperatorList();
        rulings = pageRulings(ops.fnArray, ops.argsArray, OPS);
      }
      // the horizontal rules tell the separator over a page's notes (splitDocumentNotes)
      notesPages.push({ items, rules: rulings.filter((r) => r.horizontal).map((r) => ({ y: r.at, x0: r.a, x1: r.b })) });
      pageRulingsRead.push(rulings);
      page.cleanup();
    }
    // footnotes (and their run-ons over page breaks) and endnotes are no part of the body: the same
    // step as an OFD's (page-footnotes.ts)
    const { bodies: pageItems, notes: pageNotes } = splitDocumentNotes(notesPages);
    const pageGrids: RuledGrid[][] = pageItems.map((body, i) => (body.length > 0 ? ruledGrids(pageRulingsRead[i]!) : []));
    markTypedSpaces(pageItems);
    for (const [i, items] of pageItems.entries()) pages.push(linesWithRuledTables(items, pageGrids[i]!, i + 1, rowEndingPage(pages[i - 1])?.ruledRow));
    dropRepeatedTableHeads(pages);
    joinRowsOverPageBreaks(pages);
    return { task, doc, lines: pages.map((lines, i) => [...lines, ...pageNotes[i]!]) };
  } catch (e) {
    await task.destroy();
    throw translateError(e);
  }
}

export async function extractPdf(
  bytes: Uint8Array,
  fileName: string,
  options: PdfExtractOptions = {},
): Promise<ExtractedDocument> {
  const opts = { ...DEFAULTS, ...options };
  if (bytes.length === 0) throw new ExtractError('文件为空（0 字节）');
  if (bytes.length > MAX_BYTES) throw new ExtractError(`PDF 文件过大（${Math.round(bytes.length / 1048576)} MB），超过 300 MB 的导入上限`);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (!head.includes('%PDF-')) throw new ExtractError(`${fileName} 不是 PDF 文件（缺少 %PDF 文件头）`);
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 2048)));
  if (!tail.includes('%%EOF') && !tail.includes('startxref')) {
    // pdf.js would silently rebuild part of a cut-off file; a partial law is worse than none.
    throw new ExtractError('PDF 文件不完整（文件结尾缺失，可能下载或复制中断），请重新获取完整文件');
  }

  // pdf.js runs in a PDF thread (ocr-page-images.ts); a scan is OCR'd starting from that thread,
  // which already has the document open. A hung or slow pdf.js is stopped by ending the thread.
  const { borrowPdfThread, returnPdfThread } = await import('./ocr-page-images');
  const thread = borrowPdfThread();
  let handedOver = false;
  try {
    const read = await withTimeout(thread.readPdf(bytes, opts.maxPages, opts.timeoutMs), opts.timeoutMs, () => void thread.close());
    const n = read.pages;
    if (read.lines.every((p) => p.length === 0) && opts.ocr !== undefined && opts.ocr !== false) {
      // A scan: no text layer on any page.
      if (opts.ocr === 'estimate') throw new NeedsOcr(n, `PDF 没有文字层（扫描件），共 ${n} 页`);
      handedOver = true;
      return await (await import('./ocr-extractor')).ocrPdf(bytes, typeof opts.ocr === 'object' ? opts.ocr : {}, { thread, pages: n });
    }
    return assemble(read.lines, n);
  } catch (e) {
    throw translateError(e);
  } finally {
    if (!handedOver) await returnPdfThread(thread);
  }
}

function assemble(rawPages: TextLine[][], n: number): ExtractedDocument {
  const emptyPages = rawPages.map((l, i) => (l.length === 0 ? i + 1 : 0)).filter((x) => x > 0);
  const noText = () => new ExtractError(`PDF 没有文字层（可能是扫描件），共 ${n} 页`);
  if (emptyPages.length === n) throw noText();
  const laid = layoutPages(rawPages, { spacing: true });
  if (!laid) throw noText();
  const warnings = [...laid.warnings];
  if (emptyPages.length > 0) warnings.unshift(`${pageList(emptyPages)}没有文字层（可能是图片或扫描页），内容未导入`);
  // A web page printed to PDF (打印 → 另存为 PDF) carries the page's navigation, 信息公开 table and
  // footer around the law, like a copy pasted into a text file.
  const web = cleanWebCopy(laid.text);
  warnings.push(...webCopyWarnings(web.removed));
  return { text: web.text, format: 'pdf', pages: n, meta: { ...guessMetadata(web.text), ...metaFromFields(web.fields) }, warnings };
}
