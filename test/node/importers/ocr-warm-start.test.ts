// The first scan after the idle OCR thread has been ended should not pay tesseract's whole start
// again (ocr-page-images.ts, ocr-tesseract-inline.ts): the WASM core compiled by the first OCR
// thread is kept by the main thread and instantiated by later threads (it is the LSTM-only core),
// and an import preview that finds a scan starts a thread's tesseract before the import is
// confirmed. The CPU saved is measured by test/bench/ocr-bench.ts --cases short, not here.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { extractDocument } from '../../../electron/core/importers/extract-document';
import { importPaths } from '../../../electron/core/library/library-import';
import { openLibrary } from '../../../electron/core/library/open-library';
import { closeIdleThread, idleThread, keptCoreFile, PageImageMaker, prewarmOcr } from '../../../electron/core/importers/ocr-page-images';

const DOCS = join(import.meta.dirname, '../../fixtures/documents');
const SCANS = join(DOCS, 'scans');

let work: string;
let modelDirBefore: string | undefined;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'lawdesk-ocr-warm-'));
  modelDirBefore = process.env.LAWDESK_OCR_MODEL_DIR;
  process.env.LAWDESK_OCR_MODEL_DIR = join(work, 'model');
});
afterAll(() => {
  if (modelDirBefore === undefined) delete process.env.LAWDESK_OCR_MODEL_DIR;
  else process.env.LAWDESK_OCR_MODEL_DIR = modelDirBefore;
  rmSync(work, { recursive: true, force: true });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await closeIdleThread();
});

/** The top third of a fixture scan as a PNG (a title and a few articles): short to recognise. */
async function partOfScan(file: string): Promise<Buffer> {
  const { createCanvas, loadImage } = await import('@napi-rs/canvas');
  const img = await loadImage(readFileSync(join(SCANS, file)));
  const h = Math.round(img.height / 3);
  const canvas = createCanvas(img.width, h);
  canvas.getContext('2d').drawImage(img, 0, 0);
  return canvas.toBuffer('image/png');
}

/** Resolves when `ok()` holds, checking every 50 ms (a condition, not a fixed wait). */
async function until(ok: () => boolean, what: string, limitMs = 120_000): Promise<void> {
  const end = Date.now() + limitMs;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('tesseract’s start after the idle OCR thread was ended', () => {
  it('a new thread instantiates the kept LSTM-only WASM core instead of compiling it, and reads the same', { timeout: 180_000 }, async () => {
    const page = await partOfScan('yuanzhu-p1-clean.jpg');
    const first = new PageImageMaker();
    let before;
    try {
      const start = await first.startOcr();
      // the first thread in this process compiles it (unless an earlier test file here already did)
      if (start.compiledCore) expect(keptCoreFile()).toBeDefined();
      before = await first.recogniseImage(page, 'p1.png');
    } finally {
      await first.close();
    }
    // the core without the legacy engine (tesseract.js's Node getCore would have loaded tesseract-core-simd.wasm)
    expect(basename(keptCoreFile()!)).toMatch(/^tesseract-core(-simd)?-lstm\.wasm$/);
    const second = new PageImageMaker();
    try {
      expect(await second.startOcr()).toEqual({ inline: true, compiledCore: false });
      const after = await second.recogniseImage(page, 'p1.png');
      expect(after.page.lines.map((l) => l.symbols.map((s) => s.ch).join('')).join('\n')).toContain('第一条');
      expect(after).toEqual(before);
    } finally {
      await second.close();
    }
  });

  it('a preview that found a scan leaves a thread with tesseract running, which the import then uses', { timeout: 180_000 }, async () => {
    const { store } = await openLibrary({ dir: mkdtempSync(join(work, 'lib-')), seed: false });
    const preview = await importPaths(store, [join(DOCS, 'tuizhi-scan.pdf')], { dryRun: true });
    expect(preview.files[0]).toMatchObject({ textSource: 'ocr', ocrPages: 1 });
    await until(() => idleThread()?.warm === true, 'the prewarmed thread');
    const warmed = idleThread()!;
    const starts = vi.spyOn(PageImageMaker.prototype, 'startOcr');
    const r = await extractDocument(await partOfScan('yuanzhu-p2-clean.jpg'), 'p2.png', { ocr: true });
    expect(r.textSource).toBe('ocr');
    expect(r.text.length).toBeGreaterThan(50);
    expect(starts.mock.contexts).toEqual([warmed]);
    expect(idleThread()).toBe(warmed);
    // a second preview while a warm thread is kept starts nothing more
    prewarmOcr();
    expect(idleThread()).toBe(warmed);
  });

  it('an import confirmed while the preview’s start is under way takes that thread and waits for its start', { timeout: 180_000 }, async () => {
    const starts = vi.spyOn(PageImageMaker.prototype, 'startOcr');
    prewarmOcr();
    expect(starts).toHaveBeenCalledTimes(1);
    const r = await extractDocument(await partOfScan('yuanzhu-p2-clean.jpg'), 'p2.png', { ocr: true });
    expect(r.text.length).toBeGreaterThan(50);
    // one thread did both: the prewarm's start and the import's
    expect(starts.mock.contexts).toHaveLength(2);
    expect(starts.mock.contexts[1]).toBe(starts.mock.contexts[0]);
    await until(() => idleThread() !== undefined, 'the thread kept after the import');
    expect(idleThread()).toBe(starts.mock.contexts[0]);
    expect(idleThread()!.warm).toBe(true);
  });
});
