// tesseract.js's worker script run inside the OCR page thread (ocr-tesseract-inline.ts) instead of
// in a third thread: it must read a page exactly as tesseract.js's own worker thread does, never
// download a model, refuse work once ended, and be what the OCR page thread uses (the main thread
// keeps tesseract.js's thread: recognition there would block the event loop).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imageFilePage, pgmLayout } from '../../../electron/core/importers/ocr-images';
import { PageImageMaker } from '../../../electron/core/importers/ocr-page-images';
import { coreName, inlineTesseract } from '../../../electron/core/importers/ocr-tesseract-inline';
import { newTesseract, ocrAssetPaths, ocrModelSource, recognisePage, tesseractRunsInline } from '../../../electron/core/importers/ocr-tesseract';

const SCANS = join(import.meta.dirname, '../../fixtures/documents/scans');

let work: string;
let modelDirBefore: string | undefined;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'lawdesk-ocr-inline-'));
  modelDirBefore = process.env.LAWDESK_OCR_MODEL_DIR;
  process.env.LAWDESK_OCR_MODEL_DIR = join(work, 'model');
});
afterAll(() => {
  if (modelDirBefore === undefined) delete process.env.LAWDESK_OCR_MODEL_DIR;
  else process.env.LAWDESK_OCR_MODEL_DIR = modelDirBefore;
  rmSync(work, { recursive: true, force: true });
});

/** The top quarter of a fixture scan (a title and the first articles), as the grey PGM tesseract gets. */
async function topOfScan(file: string) {
  const page = await imageFilePage(readFileSync(join(SCANS, file)), file);
  const g = pgmLayout(page.data)!;
  const rows = Math.round(g.height / 4);
  const data = new Uint8Array([...new TextEncoder().encode(`P5\n${g.width} ${rows}\n255\n`), ...page.data.subarray(g.offset, g.offset + g.width * rows)]);
  return { data, width: g.width, height: rows, dpi: 200 };
}

describe('tesseract in the OCR page thread', () => {
  it('reads a page exactly as tesseract.js in its own thread does', { timeout: 180_000 }, async () => {
    const img = await topOfScan('yuanzhu-p1-clean.jpg');
    // On this (main) thread newTesseract starts tesseract.js's own thread: the former way.
    expect(tesseractRunsInline()).toBe(false);
    const threaded = await newTesseract();
    let before;
    try {
      before = await recognisePage(threaded, img);
    } finally {
      await threaded.terminate();
    }
    const inline = await inlineTesseract({ lang: 'chi_sim', oem: 1, corePath: ocrAssetPaths().corePath, ...(await ocrModelSource(ocrAssetPaths().langPath)) });
    try {
      await inline.setParameters({ preserve_interword_spaces: '1', tessedit_pageseg_mode: '6', user_defined_dpi: '200' });
      const after = await recognisePage(inline, img);
      expect(after.map((l) => l.symbols.map((s) => s.ch).join('')).join('\n')).toContain('第一条');
      // the same characters, confidences and boxes
      expect(after).toEqual(before);
    } finally {
      await inline.terminate();
    }
    await expect(inline.recognize(Buffer.from(img.data))).rejects.toThrow('文字识别引擎已关闭');
  });

  it('loads the SIMD core where the engine has SIMD, never the relaxed-SIMD one unless asked to measure it', () => {
    // Electron's V8 has relaxed SIMD, which tesseract.js would pick: results that may differ by processor.
    expect(coreName(true, { simd: true }, undefined)).toBe('tesseract-core-simd-lstm');
    expect(coreName(true, { simd: false }, undefined)).toBe('tesseract-core-lstm');
    expect(coreName(false, { simd: true }, undefined)).toBe('tesseract-core-simd');
    expect(coreName(true, { simd: true }, 'relaxedsimd')).toBe('tesseract-core-relaxedsimd-lstm');
    expect(coreName(true, { simd: true }, '../../evil')).toBe('tesseract-core-simd-lstm');
    // each one is a file of the package the packaged app unpacks (ocrAssetPaths().corePath)
    for (const name of ['tesseract-core-simd-lstm', 'tesseract-core-lstm', 'tesseract-core-relaxedsimd-lstm']) expect(existsSync(join(ocrAssetPaths().corePath, `${name}.wasm`)), name).toBe(true);
  });

  it('never downloads a model: a web address as the model folder is refused', { timeout: 60_000 }, async () => {
    await expect(inlineTesseract({ lang: 'chi_sim', oem: 1, corePath: ocrAssetPaths().corePath, langPath: 'https://cdn.jsdelivr.net/npm/@tesseract.js-data/chi_sim/4.0.0_best_int', gzip: true })).rejects.toThrow('不联网下载');
  });

  it('is what an OCR page thread starts; the in-process fallback on the main thread keeps tesseract.js’s thread', { timeout: 120_000 }, async () => {
    const threaded = new PageImageMaker();
    const local = new PageImageMaker(false);
    try {
      expect(threaded.threaded).toBe(true);
      expect(await threaded.startOcr()).toMatchObject({ inline: true });
      expect(local.threaded).toBe(false);
      expect(await local.startOcr()).toMatchObject({ inline: false });
    } finally {
      await threaded.close();
      await local.close();
    }
  });
});
