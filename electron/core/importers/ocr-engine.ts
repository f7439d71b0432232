// Offline OCR of a document's pages: the shapes of a recognised page and the scheduler that
// spreads the pages over the OCR threads (ocr-page-job.ts: rendering, pre-processing and
// tesseract.js with the packaged chi_sim model, all off the main thread), one thread per core
// minus one, page by page, with progress and cancel.

import { availableParallelism } from 'node:os';
import { errorLine } from './error-line';
import { ExtractError } from './extracted-document';
import { borrowThread, returnThread, type PageImageMaker } from './ocr-page-images';
import type { RecognisedPage } from './ocr-page-job';

/** One recognised character with tesseract's confidence (0–100); spaces between words have 100. */
export interface OcrSymbol {
  ch: string;
  conf: number;
  /** Top and bottom of the glyph in pixels (absent for inserted spaces). */
  y0?: number;
  y1?: number;
  /**
   * Left and right of the glyph's ink in pixels (absent for inserted spaces, for characters the
   * post-correction put in, and on pages kept from before session 13): what tells a half-width mark
   * from a full-width one and a dropped mark's blank (ocr-geometry.ts).
   */
  x0?: number;
  x1?: number;
  /**
   * What tesseract's LSTM weighed for this character (`lstm_choice_mode` 2: the choices of its CTC
   * decoding, mapped per character): the score of the character it chose and of its best runners-up
   * (at most two, best first, those with a score above 0), each 100 − rating (`lstm_rating_coefficient`
   * 1), a different scale from `conf`. Absent on inserted spaces, on pages read without choices and
   * where tesseract's choices did not line up with the word's characters.
   */
  choices?: OcrChoices;
  /**
   * tesseract's own confidence, kept by the post-correction (ocrPageLines, ocr-text.ts) when it
   * lowers `conf` below the suspect line: a document-wide rule weighs how sure the reading was
   * (repeatedMisreadings: a name read at 99 throughout is no systematic misreading). Absent on
   * recognised pages and on characters the post-correction put in.
   */
  read?: number;
  /**
   * A clause mark's advance measured on the page's ink, in the line's pitches (ocr-mark-ink.ts, in the OCR thread):
   * ≈ 0.8–1.1 full-width, ≈ 0.25–0.35 half-width. Absent where it could not be measured (a line-end mark, no pitch),
   * on other characters and on pages read before session 31.
   */
  ink?: number;
}

export interface OcrChoices {
  top: number;
  alts: { ch: string; score: number }[];
}

export interface OcrLine {
  symbols: OcrSymbol[];
  /** Bounding box in the page image's pixels (y down). */
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** Baseline at the line's left end, pixels from the top. */
  baseline: number;
}

export interface OcrPage {
  lines: OcrLine[];
  /** The page as read: after a turn (`turned`), width and height are those of the turned page. */
  width: number;
  height: number;
  dpi: number;
  /** Degrees clockwise the page was turned upright before it was read (ocr-orientation.ts); absent when read as it came. */
  turned?: 90 | 180 | 270;
  /** Its text lines run down and no turn read well (a page in columns, 竖排): read as it came, not to be trusted. */
  linesDown?: boolean;
  /** The resolution the page was scanned at, when its file states it (PageImage.scanDpi). */
  scanDpi?: number;
}

const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const optNum = (v: unknown) => v === undefined || num(v);

/**
 * Whether a value read back from a file (the kept OCR fixtures, a page that crossed a thread) has the
 * shape of a recognised page: numbers where numbers belong, each symbol one character string, and a
 * glyph's box, when it has one, with its left at most its right. Pages kept from before the x boxes
 * (session 13) have y0/y1 alone and are valid; so are choices-less pages.
 */
export function isOcrPage(v: unknown): v is OcrPage {
  if (typeof v !== 'object' || v === null) return false;
  const p = v as Partial<OcrPage>;
  if (!num(p.width) || !num(p.height) || !num(p.dpi) || !Array.isArray(p.lines)) return false;
  if (p.turned !== undefined && p.turned !== 90 && p.turned !== 180 && p.turned !== 270) return false;
  if (p.linesDown !== undefined && typeof p.linesDown !== 'boolean') return false;
  if (!optNum(p.scanDpi)) return false;
  return p.lines.every(
    (l) =>
      typeof l === 'object' && l !== null && num(l.x0) && num(l.x1) && num(l.y0) && num(l.y1) && num(l.baseline) && Array.isArray(l.symbols) &&
      l.symbols.every(
        (s) =>
          typeof s === 'object' && s !== null && typeof s.ch === 'string' && s.ch.length > 0 && num(s.conf) &&
          optNum(s.y0) && optNum(s.y1) && optNum(s.x0) && optNum(s.x1) && (s.x0 === undefined) === (s.x1 === undefined) && (s.x0 === undefined || s.x0 <= s.x1!) && (s.ink === undefined || (num(s.ink) && s.ink >= 0)),
      ),
  );
}

/** A page image ready for tesseract (PNG/JPEG/PGM bytes) with its size and resolution. */
export interface PageImage {
  data: Uint8Array;
  width: number;
  height: number;
  dpi: number;
  /**
   * The resolution the page was scanned at, the lower of its two (a fax: 98), when the file states it (a TIFF's
   * XResolution/YResolution; ocr-resolution.ts); absent otherwise. `dpi` stays what the pre-processing read it at.
   */
  scanDpi?: number;
}

export interface OcrProgress {
  done: number;
  total: number;
}

/** CPU time of a finished run, for the next estimate (ocr-estimate.ts). */
export interface OcrRunStats {
  pages: number;
  /** Process CPU seconds spent starting the workers (WASM + model). */
  startCpuSeconds: number;
  /** Process CPU seconds spent on the pages (rendering, decoding, recognising). */
  pagesCpuSeconds: number;
}

export interface OcrOptions {
  onProgress?: (p: OcrProgress) => void;
  /** Called once when every page is recognised. */
  onStats?: (s: OcrRunStats) => void;
  signal?: AbortSignal;
  /** Worker threads; default: cores − 1 (at least 1), never more than pages. */
  workers?: number;
}

export class OcrCancelled extends ExtractError {
  constructor() {
    super('文字识别已取消', 'CANCELLED');
  }
}

/**
 * Recognise `count` pages, each by `page(index, thread)` on one of the OCR threads (ocr-page-job.ts:
 * rendering or decoding, pre-processing and tesseract all happen there, one page at a time per
 * thread, so a 500-page scan never sits in memory at once). `prepare` runs once on each thread
 * before its pages (a PDF is opened there); `first`, already prepared, becomes the first thread
 * (given back here like the others). Threads: one per core minus one, never more than pages; the
 * idle thread kept from the last job is used first (its tesseract already running), and after a
 * finished job the threads are given back (one is kept, ocr-page-images.ts); after a cancel or an
 * error they are ended.
 */
export async function recognisePages(
  count: number,
  page: (index: number, thread: PageImageMaker) => Promise<RecognisedPage>,
  opts: OcrOptions & { prepare?: (thread: PageImageMaker) => Promise<unknown>; first?: PageImageMaker } = {},
): Promise<OcrPage[]> {
  const n = Math.max(1, Math.min(count, opts.workers ?? ocrWorkerCount()));
  const threads: PageImageMaker[] = [];
  const results: OcrPage[] = new Array(count);
  let next = 0;
  let done = 0;
  let cancelled = false;
  let finished = false;
  const onAbort = () => {
    cancelled = true;
    for (const t of threads) void t.close();
  };
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    if (opts.signal?.aborted) throw new OcrCancelled();
    const cpu0 = process.cpuUsage();
    if (opts.first) threads.push(opts.first);
    while (threads.length < n) threads.push(borrowThread());
    await Promise.all(
      threads.map(async (t) => {
        if (t !== opts.first) await opts.prepare?.(t);
        await t.startOcr();
      }),
    );
    if (cancelled) throw new OcrCancelled();
    const cpu1 = process.cpuUsage();
    opts.onProgress?.({ done: 0, total: count });
    await Promise.all(
      threads.map(async (thread) => {
        while (!cancelled && next < count) {
          const index = next++;
          const r = await page(index, thread);
          if (cancelled) return;
          results[index] = r.page;
          opts.onProgress?.({ done: ++done, total: count });
        }
      }),
    );
    if (cancelled) throw new OcrCancelled();
    const cpu2 = process.cpuUsage();
    const secs = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage) => (b.user - a.user + b.system - a.system) / 1e6;
    opts.onStats?.({ pages: count, startCpuSeconds: secs(cpu0, cpu1), pagesCpuSeconds: secs(cpu1, cpu2) });
    finished = true;
    return results;
  } catch (e) {
    if (cancelled) throw new OcrCancelled();
    throw e instanceof ExtractError ? e : new ExtractError(`文字识别失败：${errorLine(e)}`);
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
    await Promise.all(threads.map((t) => (finished ? returnThread(t) : t.close()).catch(() => undefined)));
  }
}

/**
 * OCR threads for one import: one per core minus one (the main thread keeps a core for the UI),
 * at least one. Each holds a tesseract worker (≈ 150–250 MB with chi_sim) and one page image at a
 * time, so memory grows by that much per core.
 */
export function ocrWorkerCount(): number {
  return Math.max(1, availableParallelism() - 1);
}
