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
import type { PageImage } from './ocr-engine';
import { imageFilePage, renderPdfPage } from './ocr-images';

export type PageImageRequest =
  | { id: number; kind: 'image'; bytes: Uint8Array; name: string }
  | { id: number; kind: 'pdf-open'; bytes: Uint8Array }
  | { id: number; kind: 'pdf-page'; pageNo: number }
  | { id: number; kind: 'close' };

type Blankable = PageImage & { blank: boolean };
export type PageImageReply =
  | { id: number; ok: true; image?: Blankable; pages?: number }
  | { id: number; ok: false; extract: boolean; message: string };

type Body<R> = R extends { id: number } ? Omit<R, 'id'> : never;

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

/** One document's page images, made by a worker thread. */
export class PageImageMaker {
  private worker: Worker | undefined;
  private next = 1;
  private readonly waiting = new Map<number, { ok: (r: PageImageReply) => void; fail: (e: Error) => void }>();
  private inProcessPdf: Parameters<typeof renderPdfPage>[0] | undefined;
  private inProcessTask: { destroy(): Promise<void> } | undefined;

  /** `LAWDESK_OCR_IN_PROCESS=1` makes pages on the main thread (to measure what the worker saves). */
  constructor(useWorker = process.env.LAWDESK_OCR_IN_PROCESS !== '1') {
    const where = useWorker ? pageWorkerFile() : undefined;
    if (!where) return;
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

  private async ask(body: Body<PageImageRequest>, transfer: ArrayBuffer[] = []): Promise<PageImageReply & { ok: true }> {
    const id = this.next++;
    const reply = await new Promise<PageImageReply>((ok, fail) => {
      this.waiting.set(id, { ok, fail });
      this.worker!.postMessage({ ...body, id }, transfer);
    });
    if (!reply.ok) throw reply.extract ? new ExtractError(reply.message) : new Error(reply.message);
    return reply;
  }

  async image(bytes: Uint8Array, name: string): Promise<Blankable> {
    if (!this.worker) return imageFilePage(bytes, name);
    // A fresh copy is transferred (Buffer.slice would share, and detach, the caller's memory).
    const copy = new Uint8Array(bytes);
    const r = await this.ask({ kind: 'image', bytes: copy, name }, [copy.buffer as ArrayBuffer]);
    return r.image!;
  }

  /** Opens the PDF (from its bytes) where its pages will be rendered; returns the page count. */
  async openPdf(bytes: Uint8Array): Promise<number> {
    if (!this.worker) {
      const { openPdfTask } = await import('./pdf-text-extractor');
      const task = await openPdfTask(bytes);
      this.inProcessTask = task;
      this.inProcessPdf = await task.promise;
      return this.inProcessPdf.numPages;
    }
    const copy = new Uint8Array(bytes);
    const r = await this.ask({ kind: 'pdf-open', bytes: copy }, [copy.buffer as ArrayBuffer]);
    return r.pages!;
  }

  async pdfPage(pageNo: number): Promise<Blankable> {
    if (!this.worker) return renderPdfPage(this.inProcessPdf!, pageNo);
    const r = await this.ask({ kind: 'pdf-page', pageNo });
    return r.image!;
  }

  async close(): Promise<void> {
    await this.inProcessTask?.destroy();
    const w = this.worker;
    this.worker = undefined;
    if (w) await w.terminate();
  }
}
