// Page images for OCR made off the main thread (ocr-page-worker.ts in a worker_threads Worker), so
// an import with OCR never pauses the event loop for decoding or pdf.js rendering. One worker per
// document; if it cannot start (a build without the worker file) the same code runs in-process.
//
// Where the worker file is: beside this module when run from source (tsx, vitest: the .ts file,
// started with `--import tsx`), or `ocr-page-worker.js` next to the bundle when built by
// electron-vite (build/electron.vite.config.ts lists it as an entry of the main build, so it lands
// in out/main/ inside app.asar; see README-importers.md for packaging).

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ErrorCode } from '../../shared/errors';
import { ExtractError } from './extracted-document';
import type { PagePreview, PreviewTurn } from './ocr-images';
import type { TextLine } from './text-layout';
import { PageJob, type Blankable, type PageJobRequest, type PageJobResult, type RecognisedPage } from './ocr-page-job';
import type { CompiledCore } from './ocr-tesseract-inline';

export type PageImageRequest = PageJobRequest & { id: number };
export type PageImageReply = ({ id: number; ok: true } & PageJobResult) | { id: number; ok: false; extract: boolean; message: string; code?: ErrorCode };

/** How to start the worker, or undefined when this build has no worker file (then pages are made in-process). */
export function pageWorkerFile(): { code: string; eval: boolean } | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  const ts = join(here, 'ocr-page-worker.ts');
  if (existsSync(ts)) {
    // From source: the worker registers tsx first, as electron/cli/bin.mjs does for the CLI. pdf.js
    // (plain JavaScript, 3 MB) is imported before that: through tsx each thread spent ≈ 200 MB and
    // seconds of CPU transforming it, which the packaged app (no tsx) never does — the benches and
    // tests would measure memory the app does not use.
    const req = createRequire(import.meta.url);
    const tsx = pathToFileURL(req.resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
    const pdfjs = dirname(req.resolve('pdfjs-dist/package.json'));
    const plain = ['pdf.mjs', 'pdf.worker.mjs'].map((f) => `import(${JSON.stringify(pathToFileURL(join(pdfjs, 'legacy', 'build', f)).href)})`).join(', ');
    return { code: `Promise.all([${plain}]).then(() => import(${JSON.stringify(tsx)})).then((m) => { m.register(); return import(${JSON.stringify(pathToFileURL(ts).href)}); });`, eval: true };
  }
  for (const dir of [here, dirname(here)]) {
    const js = join(dir, 'ocr-page-worker.js');
    if (existsSync(js)) return { code: js, eval: false };
  }
  return undefined;
}

/**
 * The WASM core compiled by the first OCR thread, kept for the life of the process (its machine
 * code, a few MB; see README-importers.md) so that threads started later — after the idle thread
 * has been ended — skip compiling it and run V8's optimised code from their first page.
 * `LAWDESK_OCR_KEEP_CORE=0` does not keep it (to measure what it saves).
 */
let keptCore: CompiledCore | undefined;

/** The file of the compiled WASM core kept, if any (a test looks at it). */
export function keptCoreFile(): string | undefined {
  return keptCore?.file;
}

/**
 * One OCR thread: a document's page images and their recognition (its own tesseract worker,
 * started on first use). recognisePages runs one per worker it uses.
 */
export class PageImageMaker {
  private worker: Worker | undefined;
  private local: PageJob | undefined;
  private next = 1;
  /** Requests in hand that keep the process alive (all but a prewarm's). */
  private held = 0;
  /** A tesseract worker was started here (≈ 100–200 MB): kept idle for a shorter while than a PDF-only thread would be worth. */
  private ocrStarted = false;
  private readonly waiting = new Map<number, { ok: (r: PageImageReply) => void; fail: (e: Error) => void }>();

  /** `LAWDESK_OCR_IN_PROCESS=1` does the work on the main thread (to measure what the worker saves). */
  constructor(useWorker = process.env.LAWDESK_OCR_IN_PROCESS !== '1') {
    const where = useWorker ? pageWorkerFile() : undefined;
    if (!where) {
      this.local = new PageJob();
      return;
    }
    this.worker = new Worker(where.code, { eval: where.eval });
    this.worker.unref();
    this.worker.on('message', (r: PageImageReply) => {
      const w = this.waiting.get(r.id);
      this.waiting.delete(r.id);
      w?.ok(r);
    });
    this.worker.on('error', (e) => this.failAll(e));
    // A thread that ended (a stray rejection inside pdf.js ends it, as any uncaught error does) is
    // closed here: a kept or prewarmed thread that died while idle would otherwise be lent again,
    // and a request posted to it would wait for ever.
    this.worker.on('exit', (code) => {
      this.worker = undefined;
      this.failAll(new Error(`文字识别线程意外退出（退出码 ${code}）`));
    });
  }

  /** Whether pages are made off the main thread. */
  get threaded(): boolean {
    return this.worker !== undefined;
  }

  private failAll(e: Error): void {
    for (const w of this.waiting.values()) w.fail(e);
    this.waiting.clear();
  }

  /** `background`: work nobody waits for (a prewarm) does not keep the process alive. */
  private async ask(body: PageJobRequest, transfer: ArrayBuffer[] = [], background = false): Promise<PageJobResult> {
    if (this.local) return this.local.handle(body);
    if (!this.worker) throw new ExtractError('文字识别线程已关闭');
    const id = this.next++;
    // A thread with work in hand keeps the process alive (a CLI import waits for it); an idle one does not.
    if (!background) {
      this.held++;
      this.worker.ref();
    }
    const reply = await new Promise<PageImageReply>((ok, fail) => {
      this.waiting.set(id, { ok, fail });
      this.worker!.postMessage({ ...body, id }, transfer);
    }).finally(() => {
      if (!background && --this.held === 0) this.worker?.unref();
    });
    if (!reply.ok) throw reply.extract ? new ExtractError(reply.message, reply.code) : new Error(reply.message);
    return reply;
  }

  /** A fresh copy for the thread (transferring the caller's Buffer would detach its memory). */
  private copy(bytes: Uint8Array): { bytes: Uint8Array; transfer: ArrayBuffer[] } {
    if (this.local) return { bytes, transfer: [] };
    const copy = new Uint8Array(bytes);
    return { bytes: copy, transfer: [copy.buffer as ArrayBuffer] };
  }

  async image(bytes: Uint8Array, name: string): Promise<Blankable> {
    const c = this.copy(bytes);
    return (await this.ask({ kind: 'image', bytes: c.bytes, name }, c.transfer)).image!;
  }

  /** Whether this thread still runs. */
  get open(): boolean {
    return this.worker !== undefined || this.local !== undefined;
  }

  /** Whether this thread's tesseract worker has been started (the next OCR job skips its start). */
  get warm(): boolean {
    return this.open && this.ocrStarted;
  }

  /**
   * Opens a PDF here and reads its text layer (pdf-text-extractor.ts readTextLayer); the document
   * stays open for OCR until releasePdf. Only positioned lines come back (a scan: empty pages).
   */
  async readPdf(bytes: Uint8Array, maxPages: number, timeoutMs: number): Promise<{ pages: number; lines: TextLine[][] }> {
    const c = this.copy(bytes);
    const r = await this.ask({ kind: 'pdf-read', bytes: c.bytes, maxPages, timeoutMs }, c.transfer);
    return { pages: r.pages!, lines: r.lines! };
  }

  /** Closes the PDF opened here (pdf.js keeps its parsed objects until then). */
  async releasePdf(): Promise<void> {
    await this.ask({ kind: 'pdf-release' });
  }

  /** Opens the PDF (from its bytes) where its pages will be rendered; returns the page count. */
  async openPdf(bytes: Uint8Array): Promise<number> {
    const c = this.copy(bytes);
    return (await this.ask({ kind: 'pdf-open', bytes: c.bytes }, c.transfer)).pages!;
  }

  async pdfPage(pageNo: number): Promise<Blankable> {
    return (await this.ask({ kind: 'pdf-page', pageNo })).image!;
  }

  /**
   * Starts this thread's tesseract worker (WASM + chi_sim model); `inline`: it runs in this OCR
   * thread, not a thread of its own. The thread gets the WASM core compiled by an earlier one, or
   * compiles it and hands it back to be kept (keptCore).
   */
  async startOcr(how: { background?: boolean } = {}): Promise<{ inline: boolean; compiledCore: boolean }> {
    this.ocrStarted = true;
    const r = await this.ask({ kind: 'ocr-start', ...(keptCore ? { core: keptCore } : {}) }, [], how.background);
    if (r.core && process.env.LAWDESK_OCR_KEEP_CORE !== '0') keptCore = r.core;
    return { inline: r.tesseractInline === true, compiledCore: r.core !== undefined };
  }

  /** Decodes and recognises a photo or scan; `placed` is an OFD picture's width on its page (for the resolution). */
  async recogniseImage(bytes: Uint8Array, name: string, placed?: { widthMm: number }): Promise<RecognisedPage> {
    const c = this.copy(bytes);
    return (await this.ask({ kind: 'ocr-image', bytes: c.bytes, name, ...(placed ? { widthMm: placed.widthMm } : {}) }, c.transfer)).recognised!;
  }

  /** Recognises an image made by image() (its pixels are handed back to the thread, not copied). */
  async recogniseDecoded(image: Blankable): Promise<RecognisedPage> {
    return (await this.ask({ kind: 'ocr-decoded', image }, this.local ? [] : [image.data.buffer as ArrayBuffer])).recognised!;
  }

  /** Renders and recognises a page of the PDF opened with openPdf. */
  async recognisePdfPage(pageNo: number): Promise<RecognisedPage> {
    return (await this.ask({ kind: 'ocr-pdf-page', pageNo })).recognised!;
  }

  /** A page of the opened PDF as a JPEG for a person to read (the 核对 view). */
  async previewPdfPage(pageNo: number, dpi: number, turn: PreviewTurn = 0): Promise<PagePreview> {
    return (await this.ask({ kind: 'preview-pdf-page', pageNo, dpi, turn })).preview!;
  }

  /** A photo or scan scaled down to `maxSide` pixels as a JPEG for a person to read. */
  async previewImage(bytes: Uint8Array, maxSide: number, turn: PreviewTurn = 0): Promise<PagePreview> {
    const c = this.copy(bytes);
    return (await this.ask({ kind: 'preview-image', bytes: c.bytes, maxSide, turn }, c.transfer)).preview!;
  }

  async close(): Promise<void> {
    const w = this.worker;
    const local = this.local;
    this.worker = undefined;
    this.local = undefined;
    if (local) await local.handle({ kind: 'close' });
    // Terminating the thread ends its tesseract worker and pdf.js document with it.
    if (w) await w.terminate();
  }
}

/**
 * One idle thread is kept between imports, so the next one skips the thread's start:
 * - a thread that only read PDFs (pdf.js loaded, no tesseract): kept `pdfIdleMs` (20 s), so a batch
 *   of PDFs loads pdf.js once instead of once per file (≈ 0.5 s each);
 * - a thread whose tesseract worker is running (WASM compiled and warmed up, chi_sim loaded): kept
 *   `ocrIdleMs` (60 s). Starting one costs ≈ 2 CPU-s (the worker ≈ 0.7 and its first page ≈ 1 more
 *   while V8 optimises the WASM) — a third of a 2-page scan's time. A minute covers the files of a
 *   batch and the next scan a person picks after reading the report; past it the ≈ 100–200 MB the
 *   worker holds (WASM memory never shrinks) go back to the system.
 * Its document is closed before it is kept; it never keeps the process alive (unref'd). An import
 * that was cancelled or failed ends its threads instead (their state is unknown).
 */
export const idleThreads = { pdfIdleMs: 20_000, ocrIdleMs: 60_000 };
let idle: { thread: PageImageMaker; timer: NodeJS.Timeout } | undefined;
/** A thread whose tesseract a preview is starting (prewarmOcr), not yet kept as idle. */
let warming: PageImageMaker | undefined;

/** The kept thread (a test looks at it), if any. */
export function idleThread(): PageImageMaker | undefined {
  return idle?.thread;
}

/** A thread for a PDF or an OCR job: the kept one (with its tesseract, if started), or a new one. */
export function borrowThread(): PageImageMaker {
  const started = warming;
  warming = undefined;
  if (started?.open) return started;
  const kept = idle;
  idle = undefined;
  if (kept) {
    clearTimeout(kept.timer);
    if (kept.thread.open) return kept.thread;
  }
  return new PageImageMaker();
}

/** Ends the kept thread now (an app quitting, a test). */
export async function closeIdleThread(): Promise<void> {
  const started = warming;
  warming = undefined;
  await started?.close();
  const kept = idle;
  idle = undefined;
  if (!kept) return;
  clearTimeout(kept.timer);
  await kept.thread.close();
}

/**
 * Gives a thread back after its job: its document is closed and it is kept as the idle thread or
 * ended. Of two candidates the one with tesseract running is kept (it is the dearer one to start).
 */
export async function returnThread(thread: PageImageMaker): Promise<void> {
  if (!thread.open) return;
  if (idle && (idle.thread.warm || !thread.warm)) return thread.close();
  try {
    await thread.releasePdf();
  } catch {
    return thread.close();
  }
  if (!thread.open) return;
  if (idle) {
    if (idle.thread.warm || !thread.warm) return thread.close();
    await closeIdleThread();
  }
  const ms = thread.warm ? idleThreads.ocrIdleMs : idleThreads.pdfIdleMs;
  if (ms <= 0) return thread.close();
  const timer = setTimeout(() => {
    if (idle?.thread === thread) idle = undefined;
    void thread.close();
  }, ms);
  timer.unref();
  idle = { thread, timer };
}

/** The PDF text-layer pass borrows and returns its thread like any job. */
export const borrowPdfThread = borrowThread;
export const returnPdfThread = returnThread;

/**
 * An import preview found pages to OCR: start a thread's tesseract now, while the person reads the
 * preview, so that the import they confirm skips the start (thread, pdf.js, WASM instance, model).
 * The kept idle thread is used if there is one (a preview of a PDF leaves its thread kept); the
 * warmed thread is then kept `ocrIdleMs` like one after an import. It never keeps the process alive
 * (a CLI dry run ends as before) and a failure only means the import starts its own.
 */
export function prewarmOcr(): void {
  if (idleThreads.ocrIdleMs <= 0 || idle?.thread.warm) return;
  if (warming) return;
  const thread = borrowThread();
  if (!thread.threaded) {
    // In-process (no worker file): starting tesseract here would hold the main thread.
    void returnThread(thread);
    return;
  }
  // Until its tesseract runs, the thread is lent to the first job that asks (borrowThread): that
  // job's own start then waits for the one under way.
  warming = thread;
  thread.startOcr({ background: true }).then(
    () => {
      if (warming !== thread) return;
      warming = undefined;
      return returnThread(thread);
    },
    () => {
      if (warming !== thread) return;
      warming = undefined;
      return thread.close();
    },
  );
}
