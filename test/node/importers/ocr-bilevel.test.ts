// Black-and-white and low-resolution scans as office machines make them (session 32; scans/bilevel/, make-bilevel.sh): a
// fax's 204 × 98 dpi page is read with square pixels, every other page is left byte for byte, and a page scanned too
// coarsely is named in the page warning with its resolution.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../electron/core/importers/extract-document';
import type { OcrPage } from '../../../electron/core/importers/ocr-engine';
import { imageFilePage, imageKind, imageSize, pgmLayout, renderPdfPage } from '../../../electron/core/importers/ocr-images';
import { ScanJpegReader } from '../../../electron/core/importers/pdf-scan-jpeg';
import { g4PdfBytes } from '../../fixtures/documents/image-pdf';
import { jpegDensities } from '../../../electron/core/importers/jpeg-frame';
import { pngDamage, pngDensity } from '../../../electron/core/importers/png-chunks';
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

/** `png` with its pHYs chunk's body replaced by `body` (9 bytes: x, y pixels per unit, unit), the chunk's CRC made right again. */
function withPhys(png: Uint8Array, body: number[]): Uint8Array {
  const out = Uint8Array.from(png);
  const dv = new DataView(out.buffer);
  for (let i = 8; i + 8 <= out.length; i += 12 + dv.getUint32(i)) {
    if (String.fromCharCode(...out.subarray(i + 4, i + 8)) !== 'pHYs') continue;
    out.set(body, i + 8);
    dv.setUint32(i + 17, crc32(out.subarray(i + 4, i + 17)));
    return out;
  }
  throw new Error('no pHYs');
}

function crc32(b: Uint8Array): number {
  let c = 0xffffffff;
  for (const v of b) {
    c ^= v;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

/** `jpeg` with `segment` (marker, then its body) put right after the SOI. */
function withSegment(jpeg: Uint8Array, marker: number, body: number[]): Uint8Array {
  const seg = [0xff, marker, ((body.length + 2) >> 8) & 0xff, (body.length + 2) & 0xff, ...body];
  return Uint8Array.from([...jpeg.subarray(0, 2), ...seg, ...jpeg.subarray(2)]);
}

/** `jpeg` with its JFIF header's units and densities set (bytes written by this script, not by a tool). */
function withJfif(jpeg: Uint8Array, units: number, x: number, y: number): Uint8Array {
  const out = Uint8Array.from(jpeg);
  // SOI, FFE0, length (2), "JFIF\0", version (2): units at 13
  expect(String.fromCharCode(...out.subarray(6, 10))).toBe('JFIF');
  out.set([units, x >> 8, x & 0xff, y >> 8, y & 0xff], 13);
  return out;
}

/** An EXIF APP1 body (little-endian TIFF, IFD0 with XResolution, YResolution and ResolutionUnit), written by this script. */
function exifBody(x: [number, number], y: [number, number], unit: number): number[] {
  const u16 = (v: number) => [v & 0xff, v >> 8];
  const u32 = (v: number) => [v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, (v >>> 24) & 0xff];
  const entry = (tag: number, type: number, count: number, value: number[]) => [...u16(tag), ...u16(type), ...u32(count), ...value, ...Array(4 - value.length).fill(0)];
  // header 8, IFD at 8: count 2 + 3 entries × 12 + next 4 = 42, rationals at 50 and 58
  const tiff = [0x49, 0x49, 0x2a, 0, ...u32(8), ...u16(3), ...entry(282, 5, 1, u32(50)), ...entry(283, 5, 1, u32(58)), ...entry(296, 3, 1, u16(unit)), ...u32(0), ...u32(x[0]), ...u32(x[1]), ...u32(y[0]), ...u32(y[1])];
  return [...'Exif'].map((c) => c.charCodeAt(0)).concat([0, 0], tiff);
}

describe('a PNG or JPEG scan\'s own resolution (pHYs; JFIF, EXIF)', () => {
  it('reads a fax saved as PNG (204 × 98 dpi in pHYs) exactly as the same fax as TIFF: square pixels, named as 98 dpi', async () => {
    const png = read(join(BILEVEL, 'tudi-fax.png'));
    const d = pngDensity(png)!;
    expect([Math.round(d.x), Math.round(d.y)]).toEqual([204, 98]);
    const fromPng = await imageFilePage(png, 'tudi-fax.png');
    const fromTiff = await imageFilePage(read(join(BILEVEL, 'tudi-fax.tif')), 'tudi-fax.tif');
    expect([fromPng.width, fromPng.height, fromPng.scanDpi]).toEqual([fromTiff.width, fromTiff.height, 98]);
    expect(Buffer.compare(Buffer.from(fromPng.data), Buffer.from(fromTiff.data))).toBe(0);
  });

  it('reads a 100 dpi JPEG photo-scan\'s JFIF density, in dots per inch or per centimetre, and its EXIF resolution', async () => {
    const jpg = read(join(BILEVEL, 'tudi-100.jpg'));
    expect(jpegDensities(jpg)).toEqual([{ x: 100, y: 100 }]);
    expect((await imageFilePage(jpg, 'tudi-100.jpg')).scanDpi).toBe(100);
    // 39 dots per centimetre: 99 dpi
    expect((await imageFilePage(withJfif(jpg, 2, 39, 39), 'cm.jpg')).scanDpi).toBe(99);
    // units 0: an aspect ratio only; then the EXIF resolution, in inches (unit 2) or centimetres (unit 3)
    const aspect = withJfif(jpg, 0, 1, 1);
    expect((await imageFilePage(aspect, 'aspect.jpg')).scanDpi).toBeUndefined();
    expect((await imageFilePage(withSegment(aspect, 0xe1, exifBody([100, 1], [100, 1], 2)), 'exif.jpg')).scanDpi).toBe(100);
    expect(jpegDensities(withSegment(aspect, 0xe1, exifBody([1181, 10], [1181, 10], 3))).map((r) => Math.round(r.x))).toEqual([300]);
    // a tool's 72 × 72 in JFIF gives way to the EXIF's
    expect((await imageFilePage(withSegment(withJfif(jpg, 1, 72, 72), 0xe1, exifBody([100, 1], [100, 1], 2)), 'both.jpg')).scanDpi).toBe(100);
  });

  it('reads every kept PNG and JPEG scan as before: its size untouched and no page named for its resolution', async () => {
    // the scans (78 dots/cm in their JFIF: 198 dpi), the photos (no resolution), the crops (none or a tool's 72)
    const dirs = [SCANS, join(SCANS, 'photo'), join(SCANS, 'tiff'), join(SCANS, 'progressive'), join(SCANS, 'restart'), join(SCANS, '../ocr-doubt')];
    const files = dirs.flatMap((d) => readdirSync(d).filter((f) => /\.(png|jpe?g)$/.test(f)).map((f) => join(d, f)));
    expect(files.length).toBeGreaterThan(15);
    const stated: number[] = [];
    for (const f of files) {
      const bytes = read(f);
      const img = await imageFilePage(bytes, f);
      const size = imageSize(bytes, imageKind(bytes)!)!;
      expect([img.width, img.height], f).toEqual([size.width, size.height]);
      if (img.scanDpi !== undefined) stated.push(img.scanDpi);
      expect(doubtfulPages([page(100, 99, img.scanDpi)]), f).toEqual([]);
    }
    // the yuanzhu scans state theirs: read, and above the line
    expect(stated.length).toBeGreaterThan(5);
    expect(Math.min(...stated)).toBeGreaterThanOrEqual(LOW_SCAN_DPI);
  });

  it('takes nothing from a zero, absurd or cut-short resolution, and never throws on one', async () => {
    const png = read(join(BILEVEL, 'tudi-fax.png'));
    for (const body of [
      [0, 0, 0, 0, 0, 0, 0x0f, 0x1e, 1], // x zero
      [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 1], // 109 million dpi: a page a hundred-thousandth of an inch wide
      [0, 0, 0x0f, 0x1e, 0, 0, 0x0f, 0x1e, 7], // a unit PNG does not have
    ]) {
      const bad = withPhys(png, body);
      expect(pngDamage(bad)).toBeUndefined();
      const img = await imageFilePage(bad, 'bad.png');
      expect([img.width, img.height, img.scanDpi]).toEqual([1654, 1146, undefined]);
    }
    const jpg = read(join(BILEVEL, 'tudi-100.jpg'));
    // an APP0 too short for its density, an EXIF whose rational lies outside it or divides by zero
    expect(jpegDensities(withSegment(jpg.subarray(0, 2), 0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 1]))).toEqual([]);
    const far = exifBody([100, 1], [100, 1], 2);
    far[6 + 8 + 2 + 8] = 0xf0; // XResolution's offset → 240, past the segment's end
    expect(jpegDensities(withSegment(withJfif(jpg, 0, 1, 1), 0xe1, far))).toEqual([]);
    expect(jpegDensities(withSegment(withJfif(jpg, 0, 1, 1), 0xe1, exifBody([100, 0], [100, 0], 2)))).toEqual([]);
    // every file cut short anywhere in its first segments: read without throwing
    for (const whole of [withSegment(jpg, 0xe1, exifBody([100, 1], [100, 1], 2)), png]) {
      for (let n = 0; n < 200; n++) {
        const cut = whole.subarray(0, n);
        expect(() => (whole === png ? pngDensity(cut) : jpegDensities(cut))).not.toThrow();
      }
    }
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
