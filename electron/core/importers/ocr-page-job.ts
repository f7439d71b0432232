// What the OCR page thread does (ocr-page-worker.ts runs it in a worker_threads Worker; without a
// worker file it runs in-process): decode a photo or render a scanned PDF page, pre-process it, and
// recognise it with the tesseract worker this thread owns. Only the compact lines (characters,
// confidences, boxes) leave the thread — tesseract's own result objects (every word, symbol and
// choice of a page: megabytes of small objects) are never copied to the main thread, whose event
// loop therefore only sees small messages.

import { ExtractError } from './extracted-document';
import type { OcrPage, PageImage } from './ocr-engine';
import { newTesseract, recognisePage, tesseractRunsInline, type TWorker } from './ocr-tesseract';
import { takeCompiledCore, useCompiledCore, type CompiledCore } from './ocr-tesseract-inline';
import { imageFilePage, imagePreview, renderPdfPage, renderPdfPagePreview, turnedPreview, type PagePreview, type PreviewTurn } from './ocr-images';
import { recogniseUpright } from './ocr-orientation';
import { ScanJpegReader } from './pdf-scan-jpeg';
import type { PdfDocument, PdfTask } from './pdf-text-extractor';
import type { TextLine } from './text-layout';

export type PageJobRequest =
  | { kind: 'image'; bytes: Uint8Array; name: string }
  | { kind: 'pdf-open'; bytes: Uint8Array }
  | { kind: 'pdf-read'; bytes: Uint8Array; maxPages: number; timeoutMs: number }
  | { kind: 'pdf-release' }
  | { kind: 'pdf-page'; pageNo: number }
  | { kind: 'ocr-start'; core?: CompiledCore }
  | { kind: 'ocr-image'; bytes: Uint8Array; name: string; widthMm?: number }
  | { kind: 'ocr-pdf-page'; pageNo: number }
  | { kind: 'ocr-decoded'; image: Blankable }
  | { kind: 'preview-pdf-page'; pageNo: number; dpi: number; turn?: PreviewTurn }
  | { kind: 'preview-image'; bytes: Uint8Array; maxSide: number; turn?: PreviewTurn }
  | { kind: 'close' };

export type Blankable = PageImage & { blank: boolean };
/** A recognised page; a blank one is not recognised (no lines). */
export type RecognisedPage = { page: OcrPage; blank: boolean };
export type PageJobResult = { image?: Blankable; pages?: number; lines?: TextLine[][]; recognised?: RecognisedPage; preview?: PagePreview; tesseractInline?: boolean; core?: CompiledCore };

export class PageJob {
  private task: PdfTask | undefined;
  private pdf: PdfDocument | undefined;
  /** The open PDF's bytes (pdf.js has its own copy), read for a scanner's page JPEGs on the first OCR page. */
  private pdfBytes: Uint8Array | undefined;
  private scans: ScanJpegReader | undefined;
  private tesseract: Promise<TWorker> | undefined;

  private async recognise(img: Blankable, dpi = img.dpi): Promise<RecognisedPage> {
    if (img.blank) return { page: { lines: [], width: img.width, height: img.height, dpi, ...(img.scanDpi ? { scanDpi: img.scanDpi } : {}) }, blank: true };
    const worker = await (this.tesseract ??= newTesseract());
    // turned upright first when it came sideways or upside down (ocr-orientation.ts)
    const up = await recogniseUpright(img, (page) => recognisePage(worker, page));
    const turned = up.turns === 0 ? undefined : ((up.turns * 90) as 90 | 180 | 270);
    return { page: { lines: up.lines, width: up.width, height: up.height, dpi, ...(turned ? { turned } : {}), ...(up.linesDown ? { linesDown: true } : {}), ...(img.scanDpi ? { scanDpi: img.scanDpi } : {}) }, blank: false };
  }

  /** pdf.js keeps a document's parsed objects and fonts until it is destroyed. */
  private async releasePdf(): Promise<void> {
    const task = this.task;
    this.task = undefined;
    this.pdf = undefined;
    this.pdfBytes = undefined;
    this.scans = undefined;
    await task?.destroy();
  }

  async handle(m: PageJobRequest): Promise<PageJobResult> {
    switch (m.kind) {
      case 'image':
        return { image: await imageFilePage(m.bytes, m.name) };
      case 'pdf-open': {
        const { openPdfTask } = await import('./pdf-text-extractor');
        await this.releasePdf();
        this.task = await openPdfTask(m.bytes);
        this.pdf = await this.task.promise;
        this.pdfBytes = m.bytes;
        return { pages: this.pdf.numPages };
      }
      case 'pdf-read': {
        // The text-layer pass: a scan's document stays open here for its OCR (ocr-extractor.ts).
        const { readTextLayer } = await import('./pdf-text-extractor');
        await this.releasePdf();
        const read = await readTextLayer(m.bytes, m.maxPages, Date.now() + m.timeoutMs);
        this.task = read.task;
        this.pdf = read.doc;
        this.pdfBytes = m.bytes;
        return { pages: read.doc.numPages, lines: read.lines };
      }
      case 'pdf-release':
        await this.releasePdf();
        return {};
      case 'pdf-page':
        if (!this.pdf) throw new ExtractError('PDF 尚未打开');
        return { image: await renderPdfPage(this.pdf, m.pageNo) };
      case 'ocr-start': {
        // The WASM core compiled by an earlier thread (kept by the main thread), or compiled here and sent back to be kept.
        if (m.core) useCompiledCore(m.core);
        await (this.tesseract ??= newTesseract());
        const core = takeCompiledCore();
        return { tesseractInline: tesseractRunsInline(), ...(core ? { core } : {}) };
      }
      case 'ocr-image': {
        const img = await imageFilePage(m.bytes, m.name);
        // An OFD page's picture: the resolution follows from its pixels over the width it is placed at.
        const dpi = m.widthMm && m.widthMm > 0 ? Math.round(img.width / (m.widthMm / 25.4)) : img.dpi;
        return { recognised: await this.recognise(img, dpi) };
      }
      case 'ocr-decoded':
        return { recognised: await this.recognise(m.image) };
      case 'ocr-pdf-page': {
        if (!this.pdf) throw new ExtractError('PDF 尚未打开');
        // The page's pixels live only until tesseract has read them: one page at a time per thread.
        this.scans ??= this.pdfBytes && new ScanJpegReader(this.pdfBytes);
        return { recognised: await this.recognise(await renderPdfPage(this.pdf, m.pageNo, undefined, this.scans)) };
      }
      case 'preview-pdf-page':
        if (!this.pdf) throw new ExtractError('PDF 尚未打开');
        return { preview: await turnedPreview(await renderPdfPagePreview(this.pdf, m.pageNo, m.dpi), m.turn ?? 0) };
      case 'preview-image':
        return { preview: await turnedPreview(await imagePreview(m.bytes, m.maxSide), m.turn ?? 0) };
      case 'close': {
        await this.releasePdf();
        const t = this.tesseract;
        this.tesseract = undefined;
        if (t) await (await t).terminate().catch(() => undefined);
        return {};
      }
    }
  }
}
