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
import { ExtractError } from './extracted-document';
import type { PagePreview } from './ocr-images';
import { PageJob, type Blankable, type PageJobRequest, type PageJobResult, type RecognisedPage } from './ocr-page-job';

export type PageImageRequest = PageJobRequest & { id: number };
export type PageImageReply = ({ id: number; ok: true } & PageJobResult) | { id: number; ok: false; extract: boolean; message: string };

/** How to start the worker, or undefined when this build has no worker file (then pages are made in-process). */
export function pageWorkerFile(): { code: string; eval: boolean } | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  const ts = join(here, 'ocr-page-worker.ts');
  if (existsSync(ts)) {
    // From source: the worker registers tsx first, as electron/cli/bin.mjs does for the CLI.
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
    return { code: `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(pathToFileURL(ts).href)}); });`, eval: true };
  }
  for (const dir of [here, dirname(here)]) {
    const js = join(dir, 'ocr-page-worker.js');
    if (existsSync(js)) return { code: js, eval: false };
  }
  return undefined;
}

/**
 * One OCR thread: a document's page images and their recognition (its own tesseract worker,
 * started on first use). recognisePages runs one per worker it uses.
 */
export class PageImageMaker {
  private worker: Worker | undefined;
  private local: PageJob | undefined;
  private next = 1;
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
    this.worker.on('exit', (code) => this.failAll(new Error(`图片处理线程意外退出（${code}）`)));
  }

  /** Whether pages are made off the main thread. */
  get threaded(): boolean {
    return this.worker !== undefined;
  }

  private failAll(e: Error): void {
    for (const w of this.waiting.values()) w.fail(e);
    this.waiting.clear();
  }

  private async ask(body: PageJobRequest, transfer: ArrayBuffer[] = []): Promise<PageJobResult> {
    if (this.local) return this.local.handle(body);
    if (!this.worker) throw new ExtractError('文字识别线程已关闭');
    const id = this.next++;
    const reply = await new Promise<PageImageReply>((ok, fail) => {
      this.waiting.set(id, { ok, fail });
      this.worker!.postMessage({ ...body, id }, transfer);
    });
    if (!reply.ok) throw reply.extract ? new ExtractError(reply.message) : new Error(reply.message);
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

  /** Opens the PDF (from its bytes) where its pages will be rendered; returns the page count. */
  async openPdf(bytes: Uint8Array): Promise<number> {
    const c = this.copy(bytes);
    return (await this.ask({ kind: 'pdf-open', bytes: c.bytes }, c.transfer)).pages!;
  }

  async pdfPage(pageNo: number): Promise<Blankable> {
    return (await this.ask({ kind: 'pdf-page', pageNo })).image!;
  }

  /** Starts this thread's tesseract worker (WASM + chi_sim model). */
  async startOcr(): Promise<void> {
    await this.ask({ kind: 'ocr-start' });
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
  async previewPdfPage(pageNo: number, dpi: number): Promise<PagePreview> {
    return (await this.ask({ kind: 'preview-pdf-page', pageNo, dpi })).preview!;
  }

  /** A photo or scan scaled down to `maxSide` pixels as a JPEG for a person to read. */
  async previewImage(bytes: Uint8Array, maxSide: number): Promise<PagePreview> {
    const c = this.copy(bytes);
    return (await this.ask({ kind: 'preview-image', bytes: c.bytes, maxSide }, c.transfer)).preview!;
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    if (this.local) await this.local.handle({ kind: 'close' });
    // Terminating the thread ends its tesseract worker and pdf.js document with it.
    if (w) await w.terminate();
  }
}
