// Offline OCR with tesseract.js 7 (WASM in worker threads) and the chi_sim model shipped in the
// @tesseract.js-data/chi_sim package: the model is read from that package's folder, never
// downloaded, and never cached to disk (tesseract.js's default cache writes into the working
// directory). Recognition runs off the main thread, one worker per core minus one, page by page,
// with progress and cancel.

import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ExtractError } from './extracted-document';

/** One recognised character with tesseract's confidence (0–100); spaces between words have 100. */
export interface OcrSymbol {
  ch: string;
  conf: number;
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
  width: number;
  height: number;
  dpi: number;
}

/** A page image ready for tesseract (PNG/JPEG/PGM bytes) with its size and resolution. */
export interface PageImage {
  data: Uint8Array;
  width: number;
  height: number;
  dpi: number;
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

/** Where the model and the WASM core live: in node_modules, or app.asar.unpacked when packaged. */
export function ocrAssetPaths(): { langPath: string; corePath: string } {
  const req = createRequire(import.meta.url);
  const unpacked = (p: string) => p.replace(`app.asar${'/'}`, 'app.asar.unpacked/').replace('app.asar\\', 'app.asar.unpacked\\');
  const langPath = unpacked(join(dirname(req.resolve('@tesseract.js-data/chi_sim/package.json')), '4.0.0'));
  const corePath = unpacked(dirname(req.resolve('tesseract.js-core/package.json')));
  return { langPath, corePath };
}

type TWorker = Awaited<ReturnType<typeof import('tesseract.js')['createWorker']>>;

async function newWorker(): Promise<TWorker> {
  const { createWorker, OEM, PSM } = await import('tesseract.js');
  const { langPath, corePath } = ocrAssetPaths();
  const worker = await createWorker('chi_sim', OEM.LSTM_ONLY, {
    langPath,
    corePath,
    gzip: true,
    cacheMethod: 'none',
    errorHandler: () => undefined,
  });
  await worker.setParameters({
    preserve_interword_spaces: '1',
    tessedit_pageseg_mode: PSM.SINGLE_BLOCK,
    user_defined_dpi: '200',
  });
  return worker;
}

function toLines(data: Awaited<ReturnType<TWorker['recognize']>>['data']): OcrLine[] {
  const lines: OcrLine[] = [];
  for (const block of data.blocks ?? []) {
    for (const para of block.paragraphs) {
      for (const line of para.lines) {
        const symbols: OcrSymbol[] = [];
        const height = line.bbox.y1 - line.bbox.y0;
        // Tesseract makes every CJK character a "word": a space goes in only where the page shows
        // one (a gap of three quarters of a character or more, e.g. after 第一条) or between two Latin words.
        line.words.forEach((w, i) => {
          const prev = line.words[i - 1];
          if (prev) {
            const gap = w.bbox.x0 - prev.bbox.x1;
            const latin = /[A-Za-z0-9]$/.test(prev.text) && /^[A-Za-z0-9]/.test(w.text);
            // After 条/章/节 (an article or heading label) a smaller gap is already the label's space.
            const afterLabel = /[条章节]$/.test(prev.text) && gap > 0.35 * height;
            if (gap > 0.75 * height || afterLabel || (latin && gap > 0.15 * height)) symbols.push({ ch: ' ', conf: 100 });
          }
          for (const s of w.symbols) for (const ch of s.text) symbols.push({ ch, conf: s.confidence });
        });
        if (symbols.length === 0) continue;
        lines.push({ symbols, x0: line.bbox.x0, x1: line.bbox.x1, y0: line.bbox.y0, y1: line.bbox.y1, baseline: line.baseline.y0 });
      }
    }
  }
  return lines;
}

export class OcrCancelled extends ExtractError {
  constructor() {
    super('文字识别已取消');
  }
}

/**
 * Recognise pages. `pages` yields each page's image on demand (a PDF page is rendered only when a
 * worker is free for it, so a 500-page scan never sits in memory at once).
 */
export async function recognisePages(
  count: number,
  pageImage: (index: number) => Promise<PageImage>,
  opts: OcrOptions = {},
): Promise<OcrPage[]> {
  const n = Math.max(1, Math.min(count, opts.workers ?? Math.max(1, availableParallelism() - 1)));
  const workers: TWorker[] = [];
  const results: OcrPage[] = new Array(count);
  let next = 0;
  let done = 0;
  let cancelled = false;
  const onAbort = () => {
    cancelled = true;
    for (const w of workers) void w.terminate();
  };
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    if (opts.signal?.aborted) throw new OcrCancelled();
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < n; i++) workers.push(await newWorker());
    if (cancelled) throw new OcrCancelled();
    const cpu1 = process.cpuUsage();
    opts.onProgress?.({ done: 0, total: count });
    await Promise.all(
      workers.map(async (worker) => {
        while (!cancelled && next < count) {
          const index = next++;
          const img = await pageImage(index);
          if (cancelled) return;
          const r = await worker.recognize(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), { rotateAuto: true }, { blocks: true, text: false });
          results[index] = { lines: toLines(r.data), width: img.width, height: img.height, dpi: img.dpi };
          opts.onProgress?.({ done: ++done, total: count });
        }
      }),
    ).catch((e: unknown) => {
      if (cancelled) throw new OcrCancelled();
      throw e instanceof ExtractError ? e : new ExtractError(`文字识别失败：${(e as Error)?.message?.slice(0, 80) ?? String(e)}`);
    });
    if (cancelled) throw new OcrCancelled();
    const cpu2 = process.cpuUsage();
    const secs = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage) => (b.user - a.user + b.system - a.system) / 1e6;
    opts.onStats?.({ pages: count, startCpuSeconds: secs(cpu0, cpu1), pagesCpuSeconds: secs(cpu1, cpu2) });
    return results;
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
    if (!cancelled) await Promise.all(workers.map((w) => w.terminate().catch(() => undefined)));
  }
}
