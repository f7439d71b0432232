// Black-and-white and low-resolution scans as office machines make them (session 32; scans/bilevel/, make-bilevel.sh): a
// fax's 204 × 98 dpi page is read with square pixels, every other page is left byte for byte, and a page scanned too
// coarsely is named in the page warning with its resolution.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../electron/core/importers/extract-document';
import type { OcrPage } from '../../../electron/core/importers/ocr-engine';
import { imageFilePage, pgmLayout, renderPdfPage } from '../../../electron/core/importers/ocr-images';
import { ScanJpegReader } from '../../../electron/core/importers/pdf-scan-jpeg';
import { g4PdfBytes } from '../../fixtures/documents/image-pdf';
import { LOW_SCAN_DPI, doubtfulPages } from '../../../electron/core/importers/ocr-page-doubt';
import { squarePixels, statedScanDpi } from '../../../electron/core/importers/ocr-resolution';
import { decodeTiffPage } from '../../../electron/core/importers/ocr-tiff';
import { ocrPageDoubtMessage, ocrPagesDoubtMessage, ocrPagesDoubtTag } from '../../../electron/shared/ocr-page-doubt';
import { charactersRight } from '../../bench/ocr-diff';

const SCANS = join(import.meta.dirname, '../../fixtures/documents/scans');
const BILEVEL = join(SCANS, 'bilevel');
const read = (f: string) => new Uint8Array(readFileSync(f));

/** The page's pixels (its PGM's, header aside). */
const pixelsOf = (pgm: Uint8Array) => pgm.subarray(pgmLayout(pgm)!.offset);

/** A page of `n` recognised characters, all read at `conf`, scanned at `scanDpi`. */
function page(n: number, conf: number, scanDpi?: number): OcrPage {
  const symbols = Array.from({ length: n }, () => ({ ch: '法', conf }));
  return { lines: [{ symbols, x0: 0, x1: 100, y0: 0, y1: 20, baseline: 18 }], width: 1000, height: 1400, dpi: 0, ...(scanDpi ? { scanDpi } : {}) };
}

describe('a fax page (204 × 98 dpi) and a copier\'s black-and-white page', () => {
  it('reads the TIFF page\'s two resolutions and stretches the coarse one, so the page comes out square', async () => {
    const bytes = read(join(BILEVEL, 'tudi-fax.tif'));
    const d = decodeTiffPage(bytes, () => undefined);
    expect(d.dpi).toEqual({ x: 204, y: 98 });
    const img = await imageFilePage(bytes, 'tudi-fax.tif');
    expect(img.width).toBe(d.width);
    expect(img.height).toBe(Math.round((d.height * 204) / 98));
    // an A4 page again: its height over its width as the paper's (297 / 210), not half of it
    expect(img.height / img.width).toBeGreaterThan(1.3);
    expect(img.scanDpi).toBe(98);
    // the new rows between two scanned ones are grey: the file held only black and white
    const px = pixelsOf(img.data);
    expect(px.filter((v) => v !== 0 && v !== 255).length / px.length).toBeGreaterThan(0.01);
  });

  it('reads a copier\'s black-and-white page at 200 dpi as it is, and takes no resolution from a tool\'s default 72 dpi', async () => {
    const bytes = read(join(BILEVEL, 'tudi-bw200.tif'));
    const d = decodeTiffPage(bytes, () => undefined);
    const img = await imageFilePage(bytes, 'tudi-bw200.tif');
    expect([img.width, img.height, img.scanDpi]).toEqual([d.width, d.height, 200]);
    // the TIFF fixtures' crops (a few hundred pixels wide, no resolution or a tool's default): no scan's resolution
    for (const f of readdirSync(join(SCANS, 'tiff')).filter((n) => n.endsWith('.tif'))) expect((await imageFilePage(read(join(SCANS, 'tiff', f)), f)).scanDpi, f).toBeUndefined();
    expect(statedScanDpi(1728, 1100, { x: 204, y: 98 })).toEqual({ x: 204, y: 98 });
    expect(statedScanDpi(1654, 2339, { x: 72, y: 72 })).toBeUndefined();
    // a resolution that makes the page larger than A3 is not the scan's
    expect(statedScanDpi(2480, 3508, { x: 100, y: 100 })).toBeUndefined();
  });

  it('leaves every TIFF fixture with square pixels byte for byte as it was', async () => {
    const dir = join(SCANS, 'tiff');
    const files = [...readdirSync(dir).filter((f) => f.endsWith('.tif')).map((f) => join(dir, f)), join(SCANS, 'yuanzhu-2p-g4.tif'), join(BILEVEL, 'tudi-bw200.tif')];
    for (const f of files) {
      const bytes = read(f);
      const before = process.env.LAWDESK_OCR_SQUARE;
      process.env.LAWDESK_OCR_SQUARE = '0';
      let off: Uint8Array;
      try {
        off = (await imageFilePage(bytes, f)).data;
      } finally {
        if (before === undefined) delete process.env.LAWDESK_OCR_SQUARE;
        else process.env.LAWDESK_OCR_SQUARE = before;
      }
      expect(Buffer.compare(Buffer.from((await imageFilePage(bytes, f)).data), Buffer.from(off)), f).toBe(0);
    }
  });

  it('reads a scanned PDF page\'s resolution from its one image, whatever its codec (CCITT G4 here)', async () => {
    const pdf = g4PdfBytes([readFileSync(join(BILEVEL, 'tudi-bw200.tif'))]);
    const { openPdfTask } = await import('../../../electron/core/importers/pdf-text-extractor');
    const task = await openPdfTask(new Uint8Array(pdf));
    try {
      const doc = await task.promise;
      const page = await doc.getPage(1);
      // 1,654 pixels across a page 595 pt (8.26 in) wide
      expect(Math.round(new ScanJpegReader(new Uint8Array(pdf)).pageScanDpi(page.ref)!)).toBe(200);
      expect((await renderPdfPage(doc, 1, undefined, new ScanJpegReader(new Uint8Array(pdf)))).scanDpi).toBe(200);
    } finally {
      await task.destroy();
    }
  });

  it('interpolates a stretched row between its two scanned neighbours, and leaves square pixels alone', () => {
    // 2 × 2: a black row over a white one, scanned at 200 × 100 dpi → 4 rows
    const sq = squarePixels(Uint8Array.from([0, 0, 255, 255]), 2, 2, { x: 200, y: 100 })!;
    expect(sq.height).toBe(4);
    expect([...sq.pixels]).toEqual([0, 0, 64, 64, 191, 191, 255, 255]);
    expect(squarePixels(Uint8Array.from([0, 255]), 2, 1, { x: 300, y: 301 })).toBeUndefined();
  });
});

describe('a page scanned too coarsely is named with its resolution', () => {
  it('names a fax page whatever its confidences, and never a page scanned at 150 dpi or more', () => {
    expect(doubtfulPages([page(100, 99, 98)])).toEqual([{ page: 1, doubtful: 0, scanDpi: 98 }]);
    expect(doubtfulPages([page(100, 99, 150), page(100, 99, 200), page(100, 99)])).toEqual([]);
    expect(LOW_SCAN_DPI).toBeLessThanOrEqual(150);
    // too few characters say nothing, as for the other page warnings
    expect(doubtfulPages([page(5, 99, 98)])).toEqual([]);
  });

  it('says so in Chinese, in the import report, the 核对 view and its tag', () => {
    const d = { page: 2, doubtful: 0.03, scanDpi: 98 };
    expect(ocrPageDoubtMessage(d)).toBe('第 2 页分辨率过低（约 100 dpi），识别结果可能不准，请对照原件核对');
    expect(ocrPagesDoubtMessage([d, { page: 3, doubtful: 0.01, scanDpi: 120 }])).toBe('第 2、3 页分辨率过低（约 100–120 dpi），识别结果可能不准，请对照原件核对');
    expect(ocrPagesDoubtMessage([d, { page: 5, doubtful: 0.2 }])).toBe('第 2 页分辨率过低（约 100 dpi），识别结果可能不准，请对照原件核对；第 5 页识别可信度低（约 20% 的字符待核对），建议重新扫描或对照原件逐字核对');
    expect(ocrPagesDoubtTag([d, { page: 5, doubtful: 0.2 }])).toBe('第 2 页分辨率过低；第 5 页识别可信度低');
  });
});

describe('a fax read end to end (real OCR)', () => {
  it('reads the fax page nearly as well as the copier\'s page and names it as a fax-resolution page', { timeout: 600_000 }, async () => {
    const md = readFileSync(join(BILEVEL, 'tudi.md'), 'utf8');
    const fax = await extractDocument(read(join(BILEVEL, 'tudi-fax.tif')), 'tudi-fax.tif', { ocr: { workers: 1 } });
    expect(charactersRight(fax.text, md)).toBeGreaterThan(0.97);
    expect(fax.ocr!.doubtfulPages).toEqual([expect.objectContaining({ page: 1, scanDpi: 98 })]);
    expect(fax.warnings).toContain('第 1 页分辨率过低（约 100 dpi），识别结果可能不准，请对照原件核对');
  });
});
