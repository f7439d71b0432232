// One OCR thread, with its tesseract worker running, is kept between imports (ocr-page-images.ts
// idleThreads): the next scan skips the worker's start (≈ 2 CPU-s, a third of a 2-page scan), and
// after the idle time the thread is ended so its memory goes back. Cancel, errors and two imports
// at once still work. The idle time is checked with vitest's fake clock, not by waiting.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { extractDocument } from '../../../electron/core/importers/extract-document';
import { OcrCancelled } from '../../../electron/core/importers/ocr-engine';
import { closeIdleThread, idleThread, idleThreads, PageImageMaker } from '../../../electron/core/importers/ocr-page-images';

const SCANS = join(import.meta.dirname, '../../fixtures/documents/scans');

/** The top third of a fixture scan as a PNG (a title and a few articles): short to recognise. */
async function partOfScan(file: string): Promise<Buffer> {
  const { createCanvas, loadImage } = await import('@napi-rs/canvas');
  const img = await loadImage(readFileSync(join(SCANS, file)));
  const h = Math.round(img.height / 3);
  const canvas = createCanvas(img.width, h);
  canvas.getContext('2d').drawImage(img, 0, 0);
  return canvas.toBuffer('image/png');
}

afterEach(async () => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  await closeIdleThread();
});

describe('the OCR thread kept between imports', () => {
  it('serves the next import with its tesseract running, and is ended after the idle time', { timeout: 180_000 }, async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const scan = await partOfScan('yuanzhu-p1-clean.jpg');
    const first = await extractDocument(scan, '援助条例.png', { ocr: true });
    expect(first.textSource).toBe('ocr');
    expect(first.text).toContain('第一条');
    const kept = idleThread()!;
    expect(kept.warm).toBe(true);
    const starts = vi.spyOn(PageImageMaker.prototype, 'startOcr');
    let startCpu = Infinity;
    const second = await extractDocument(await partOfScan('yuanzhu-p2-clean.jpg'), '援助条例-2.png', { ocr: { onStats: (s) => (startCpu = s.startCpuSeconds) } });
    expect(second.text.length).toBeGreaterThan(50);
    // the same thread read it: asked to start OCR, it found its worker running
    expect(idleThread()).toBe(kept);
    expect(starts).toHaveBeenCalledTimes(1);
    expect(startCpu).toBeLessThan(0.3); // a new worker costs ≈ 0.7 CPU-s
    vi.advanceTimersByTime(idleThreads.ocrIdleMs - 1_000);
    expect(kept.open).toBe(true);
    vi.advanceTimersByTime(1_000);
    expect(kept.open).toBe(false);
    expect(idleThread()).toBeUndefined();
  });

  it('is not kept when the idle time is 0 (each import starts its own)', { timeout: 120_000 }, async () => {
    const was = idleThreads.ocrIdleMs;
    idleThreads.ocrIdleMs = 0;
    try {
      await extractDocument(await partOfScan('yuanzhu-p2-clean.jpg'), 'p2.png', { ocr: true });
      expect(idleThread()).toBeUndefined();
    } finally {
      idleThreads.ocrIdleMs = was;
    }
  });

  it('is ended, not kept, when an import is cancelled; the next import starts afresh', { timeout: 180_000 }, async () => {
    const scan = await partOfScan('yuanzhu-p2-clean.jpg');
    await extractDocument(scan, 'p2.png', { ocr: true });
    const kept = idleThread()!;
    const ctl = new AbortController();
    const cancelled = extractDocument(scan, 'p2.png', { ocr: { signal: ctl.signal, onProgress: (p) => p.done === 0 && ctl.abort() } });
    await expect(cancelled).rejects.toBeInstanceOf(OcrCancelled);
    expect(kept.open).toBe(false);
    expect(idleThread()).toBeUndefined();
    const again = await extractDocument(scan, 'p2.png', { ocr: true });
    expect(again.text.length).toBeGreaterThan(50);
    expect(idleThread()?.warm).toBe(true);
    expect(idleThread()).not.toBe(kept);
  });

  it('stays kept after a picture it cannot read, and serves two imports at once (one thread kept after)', { timeout: 240_000 }, async () => {
    const scan = await partOfScan('yuanzhu-p2-clean.jpg');
    await extractDocument(scan, 'p2.png', { ocr: true });
    const kept = idleThread()!;
    const { createCanvas } = await import('@napi-rs/canvas');
    const blank = createCanvas(800, 600);
    const ctx = blank.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, 800, 600);
    await expect(extractDocument(blank.toBuffer('image/png'), '空白.png', { ocr: true })).rejects.toThrow('图片是空白页');
    await expect(extractDocument(Buffer.from('不是图片'), '坏图.png', { ocr: true })).rejects.toThrow();
    expect(idleThread()).toBe(kept);
    expect(kept.warm).toBe(true);
    const closes = vi.spyOn(PageImageMaker.prototype, 'close');
    const [a, b] = await Promise.all([
      extractDocument(scan, 'a.png', { ocr: { workers: 1 } }),
      extractDocument(await partOfScan('yuanzhu-p1-clean.jpg'), 'b.png', { ocr: { workers: 1 } }),
    ]);
    expect(a.text).toBe((await extractDocument(scan, 'p2.png', { ocr: true })).text);
    expect(b.text).toContain('第一条');
    // the two imports used two threads; one is kept, the other was ended
    expect(closes).toHaveBeenCalledTimes(1);
    expect(idleThread()?.warm).toBe(true);
  });
});
