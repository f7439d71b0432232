// PDF (text layer) → plain law text. Rebuilds lines from pdf.js text items by position, drops
// running headers, footers and page numbers, skips a 目录, and joins lines broken mid-paragraph:
// a paragraph starts at an indented (or centred) line, after a short line, or at 第X条 + space
// after a sentence end — never at a wrapped cross reference such as "第四十八条第二款…".
// pdf.js is loaded on first use only (≈0.6 s), so the app starts fast.

import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ExtractError, type ExtractedDocument } from './extracted-document';
import { guessMetadata } from './document-metadata';
import { ARTICLE_START_RE, HEADING_START_RE, mapRadicals, toPlainLawText } from './plain-law-text';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

export interface PdfExtractOptions {
  /** Refuse documents with more pages than this (a "PDF bomb" is refused, not read). */
  maxPages?: number;
  /** Give up after this long (whole document). */
  timeoutMs?: number;
}

const DEFAULTS: Required<PdfExtractOptions> = { maxPages: 2000, timeoutMs: 120_000 };
const MAX_BYTES = 300 * 1024 * 1024;

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

interface Item {
  str: string;
  x: number;
  y: number;
  w: number;
  size: number;
}

export interface PdfLine {
  page: number;
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  /** The line began with full-width spaces (an indent typed as text). */
  indented: boolean;
}

/** Group a page's text items into lines by baseline, left to right. */
export function buildLines(items: readonly Item[], page: number): PdfLine[] {
  const sorted = items.filter((i) => i.str !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: Item[][] = [];
  for (const it of sorted) {
    const g = groups[groups.length - 1];
    const ref = g?.[0];
    if (g && ref && Math.abs(ref.y - it.y) < 0.5 * Math.min(ref.size, it.size)) g.push(it);
    else groups.push([it]);
  }
  const lines: PdfLine[] = [];
  for (const g of groups) {
    g.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    let x0: number | undefined;
    let x1 = 0;
    const size = Math.max(...g.map((i) => i.size));
    for (const it of g) {
      const gap = it.x - end;
      if (text !== '' && gap > 0.25 * it.size && !/\s$/.test(text) && !/^\s/.test(it.str)) text += ' ';
      text += it.str;
      end = it.x + it.w;
      if (it.str.trim() !== '') {
        if (x0 === undefined) {
          const lead = /^[\s\u3000]*/.exec(it.str)![0].length;
          x0 = it.x + (it.str.length ? (it.w * lead) / it.str.length : 0);
        }
        x1 = Math.max(x1, end);
      }
    }
    if (x0 === undefined) continue; // whitespace only
    const indented = /^(?:\u3000|[ \u00a0]{2,})/.test(text);
    lines.push({ page, text: mapRadicals(text.trim()), x0, x1, y: g[0]!.y, size, indented });
  }
  return lines;
}

const PAGE_NUMBER_RE =
  /^(?:[-—–－―_~·•\s]*(?:第\s*)?[0-9０-９]+(?:\s*页)?(?:\s*[/／]\s*[0-9]+)?(?:\s*[，,]?\s*共\s*[0-9]+\s*页)?[-—–－―_~·•\s]*|[-—–－―\s]*[ivxlcIVXLC]+[-—–－―\s]*)$/;

const keyOf = (t: string) => t.replace(/[\s\u3000]+/g, '').replace(/[0-9０-９]+/g, '#');

interface HeaderFooterResult {
  pages: PdfLine[][];
  droppedRunning: Map<string, number>;
  droppedNumbers: number;
}

/**
 * Running headers/footers are lines in the top or bottom two of a page that repeat (same text
 * modulo digits, same height) on at least half the pages; page numbers are dropped there always.
 * Matching by height keeps the real title on page 1 when the header repeats it.
 */
export function dropHeadersFooters(pages: PdfLine[][]): HeaderFooterResult {
  const zone = (lines: PdfLine[]) => new Set([...lines.slice(0, 2), ...lines.slice(-2)]);
  const seen = new Map<string, { pages: Set<number>; ys: number[] }>();
  for (const lines of pages) {
    for (const l of zone(lines)) {
      const k = `${keyOf(l.text)}@${Math.round(l.size)}`;
      const e = seen.get(k) ?? { pages: new Set(), ys: [] };
      e.pages.add(l.page);
      e.ys.push(l.y);
      seen.set(k, e);
    }
  }
  const textPages = pages.filter((p) => p.length > 0).length;
  const repeated = new Map<string, number[]>();
  for (const [k, e] of seen) {
    if (e.pages.size >= 2 && e.pages.size >= textPages / 2) repeated.set(k, e.ys);
  }
  const droppedRunning = new Map<string, number>();
  let droppedNumbers = 0;
  const out = pages.map((lines) => {
    const z = zone(lines);
    return lines.filter((l) => {
      if (!z.has(l)) return true;
      if (PAGE_NUMBER_RE.test(l.text)) {
        droppedNumbers++;
        return false;
      }
      const ys = repeated.get(`${keyOf(l.text)}@${Math.round(l.size)}`);
      // Same text at (one of) the usual heights of that running line.
      if (ys && ys.filter((y) => Math.abs(y - l.y) <= 2).length >= 2) {
        droppedRunning.set(l.text, (droppedRunning.get(l.text) ?? 0) + 1);
        return false;
      }
      return true;
    });
  });
  return { pages: out, droppedRunning, droppedNumbers };
}

/**
 * The text block's left edge: the leftmost x (rounded) shared by a fair share of the lines. Not the
 * most common x: in a law of one-line paragraphs most lines are indented first lines.
 */
function leftEdge(values: number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(Math.round(v), (counts.get(Math.round(v)) ?? 0) + 1);
  const need = Math.max(2, 0.1 * values.length);
  const common = [...counts].filter(([v, c]) => c >= need || (counts.get(v - 1) ?? 0) + c >= need).map(([v]) => v);
  return common.length ? Math.min(...common) : values.length ? Math.min(...values) : undefined;
}

function quantile(values: number[], q: number): number | undefined {
  if (values.length === 0) return undefined;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

const SENTENCE_END_RE = /[。；;：:！!？?）)」』”]$/;
const ASCII_WORD_END = /[A-Za-z0-9]$/;
const ASCII_WORD_START = /^[A-Za-z0-9]/;

/** Lines (headers and footers already removed) → paragraphs. */
export function joinParagraphs(pages: PdfLine[][]): { paragraphs: string[]; pageOf: number[] } {
  const all = pages.flat();
  const globalLeft = leftEdge(all.map((l) => l.x0)) ?? 0;
  const globalRight = quantile(all.map((l) => l.x1), 0.9) ?? 0;
  const paragraphs: string[] = [];
  const pageOf: number[] = [];
  let prev: PdfLine | undefined;
  let prevRight = globalRight;
  let inBody = false;
  for (const lines of pages) {
    // Odd and even pages may have mirrored margins: measure each page that has enough lines.
    const left = lines.length >= 6 ? (leftEdge(lines.map((l) => l.x0)) ?? globalLeft) : globalLeft;
    const right = lines.length >= 6 ? (quantile(lines.map((l) => l.x1), 0.9) ?? globalRight) : globalRight;
    for (const line of lines) {
      const size = line.size;
      const starts =
        !prev ||
        line.indented ||
        line.x0 > left + 0.8 * size ||
        prev.x1 < prevRight - 1.5 * size ||
        Math.abs(prev.size - size) > 0.15 * size ||
        ((ARTICLE_START_RE.test(line.text) || HEADING_START_RE.test(line.text)) && SENTENCE_END_RE.test(prev.text));
      // A centred block wrapped over several lines (a long history line in parentheses) stays one.
      const centred = (l: PdfLine) =>
        l.x0 > left + 0.8 * l.size && Math.abs((l.x0 + l.x1) / 2 - (left + right) / 2) < l.size;
      const last = paragraphs[paragraphs.length - 1];
      const openParen = last !== undefined && /^[（(]/.test(last) && !/[)）]$/.test(last);
      const wrappedCentre =
        starts && !inBody && prev !== undefined && !line.indented && openParen && centred(line);
      if (ARTICLE_START_RE.test(line.text) || HEADING_START_RE.test(line.text)) inBody = true;
      if ((starts && !wrappedCentre) || paragraphs.length === 0) {
        paragraphs.push(line.text);
        pageOf.push(line.page);
      } else {
        const last = paragraphs[paragraphs.length - 1]!;
        const glue = ASCII_WORD_END.test(last) && ASCII_WORD_START.test(line.text) ? ' ' : '';
        paragraphs[paragraphs.length - 1] = last + glue + line.text;
      }
      prev = line;
      prevRight = right;
    }
  }
  return { paragraphs, pageOf };
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
  return new ExtractError(`PDF 无法读取：文件可能已损坏（${msg.slice(0, 80)}）`);
}

function pageList(nums: number[]): string {
  return nums.length > 10 ? `${nums.slice(0, 10).join('、')} 等 ${nums.length} 页` : `第 ${nums.join('、')} 页`;
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

  const task = await openPdfTask(bytes);
  const deadline = Date.now() + opts.timeoutMs;
  try {
    return await withTimeout(
      (async () => {
        const doc = await task.promise.catch((e: unknown) => {
          throw translateError(e);
        });
        const n = doc.numPages;
        if (n > opts.maxPages) throw new ExtractError(`PDF 页数过多（${n} 页，上限 ${opts.maxPages} 页），已拒绝导入`);
        const pages: PdfLine[][] = [];
        for (let p = 1; p <= n; p++) {
          if (Date.now() > deadline) throw new ExtractError('PDF 读取超时');
          const page = await doc.getPage(p);
          const content = await page.getTextContent();
          const items: Item[] = [];
          for (const it of content.items) {
            if (!('str' in it)) continue;
            const [a, b, , d, e, f] = it.transform as number[];
            if (Math.abs(b!) > 0.01 * Math.abs(a!)) continue; // rotated text (stamps, side notes)
            items.push({ str: it.str, x: e!, y: f!, w: it.width, size: Math.abs(d!) || Math.abs(a!) });
          }
          pages.push(buildLines(items, p));
          page.cleanup();
        }
        return assemble(pages, n, fileName);
      })(),
      opts.timeoutMs,
      () => void task.destroy(),
    );
  } catch (e) {
    throw translateError(e);
  } finally {
    void task.destroy();
  }
}

function assemble(rawPages: PdfLine[][], n: number, fileName: string): ExtractedDocument {
  const warnings: string[] = [];
  const emptyPages = rawPages.map((l, i) => (l.length === 0 ? i + 1 : 0)).filter((x) => x > 0);
  if (emptyPages.length === n) throw new ExtractError(`PDF 没有文字层（可能是扫描件），共 ${n} 页`);

  const { pages, droppedRunning, droppedNumbers } = dropHeadersFooters(rawPages);
  const textChars = pages.flat().reduce((s, l) => s + l.text.replace(/\s/g, '').length, 0);
  if (textChars === 0) throw new ExtractError(`PDF 没有文字层（可能是扫描件），共 ${n} 页`);
  if (emptyPages.length > 0) warnings.push(`${pageList(emptyPages)}没有文字层（可能是图片或扫描页），内容未导入`);
  for (const [text, count] of droppedRunning) warnings.push(`已去除页眉页脚“${text.slice(0, 30)}”${count} 处`);
  if (droppedNumbers > 0) warnings.push(`已去除页码 ${droppedNumbers} 处`);

  const { paragraphs, pageOf } = joinParagraphs(pages);
  const result = toPlainLawText(paragraphs);
  if (result.tocAt !== undefined) {
    warnings.push(`已跳过目录（第 ${pageOf[result.tocAt]} 页，${result.tocEntries} 个条目）`);
  }
  void fileName;
  return { text: result.text, format: 'pdf', pages: n, meta: guessMetadata(result.text), warnings };
}
