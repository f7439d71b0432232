// pdf.js off the main thread: the text-layer pass (does this PDF have text, or is it a scan?) runs
// in a PDF thread, which a scan's OCR then starts from. Loading pdf.js and parsing a document on the
// main thread froze the app's event loop for seconds before OCR even began.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { NeedsOcr } from '../../../electron/core/importers/extracted-document';
import { borrowPdfThread, closeIdleThread, idleThread, idleThreads, returnPdfThread } from '../../../electron/core/importers/ocr-page-images';
import { extractPdf } from '../../../electron/core/importers/pdf-text-extractor';
import { FIXTURES, matchArticles } from './article-match';

const read = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));

describe('PDF text layer in a PDF thread', () => {
  it('reads a text PDF and recognises a scan without loading pdf.js on the main thread', { timeout: 120_000 }, async () => {
    const doc = await extractPdf(read('yuanzhu-libreoffice.pdf'), 'yuanzhu-libreoffice.pdf');
    const m = matchArticles('yuanzhu.md', doc.text);
    expect(m.mismatches).toEqual([]);
    expect(m.matched).toBe(m.expected);
    const scan = await extractPdf(read('scanned.pdf'), 'scanned.pdf', { ocr: 'estimate' }).catch((e: unknown) => e);
    expect(scan).toBeInstanceOf(NeedsOcr);
    expect((scan as NeedsOcr).pages).toBe(3);
    // pdf.js's main module sets globalThis.pdfjsLib when it is evaluated, its worker module pdfjsWorker.
    expect((globalThis as { pdfjsLib?: unknown }).pdfjsLib).toBeUndefined();
    expect((globalThis as { pdfjsWorker?: unknown }).pdfjsWorker).toBeUndefined();
  });

  it('keeps one idle PDF thread for the next PDF, and keeps it longer once its tesseract runs', { timeout: 120_000 }, async () => {
    const a = borrowPdfThread();
    expect((await a.readPdf(read('scanned.pdf'), 100, 60_000)).pages).toBe(3);
    await returnPdfThread(a);
    const b = borrowPdfThread();
    expect(b).toBe(a);
    expect(b.open).toBe(true);
    // The document was closed when the thread was given back: the next one is read from scratch.
    const text = await b.readPdf(read('yuanzhu-libreoffice.pdf'), 100, 60_000);
    expect(text.lines.flat().length).toBeGreaterThan(20);
    await b.startOcr();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      await returnPdfThread(b);
      expect(idleThread()).toBe(b);
      // a PDF-only thread would be gone after pdfIdleMs; one with tesseract running stays until ocrIdleMs
      vi.advanceTimersByTime(idleThreads.pdfIdleMs);
      expect(b.open).toBe(true);
      vi.advanceTimersByTime(idleThreads.ocrIdleMs - idleThreads.pdfIdleMs);
      expect(b.open).toBe(false);
      expect(borrowPdfThread()).not.toBe(b);
    } finally {
      vi.useRealTimers();
      await closeIdleThread();
    }
  });
});

describe('a PDF thread that ended by itself', () => {
  it('is not lent again, and a request to it fails at once instead of waiting for ever', { timeout: 120_000 }, async () => {
    const a = borrowPdfThread();
    expect((await a.readPdf(read('scanned.pdf'), 100, 60_000)).pages).toBe(3);
    await returnPdfThread(a);
    // What an uncaught error in the thread does (pdf.js rejecting outside any request): the thread ends.
    const worker = Reflect.get(a, 'worker') as import('node:worker_threads').Worker;
    const ended = new Promise((r) => worker.once('exit', r));
    await worker.terminate();
    await ended;
    expect(a.open).toBe(false);
    await expect(a.readPdf(read('scanned.pdf'), 100, 60_000)).rejects.toThrow('文字识别线程已关闭');
    const b = borrowPdfThread();
    expect(b).not.toBe(a);
    expect((await b.readPdf(read('scanned.pdf'), 100, 60_000)).pages).toBe(3);
    await returnPdfThread(b);
    await closeIdleThread();
  });
});
