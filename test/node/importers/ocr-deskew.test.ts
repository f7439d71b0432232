// Deskew before OCR, on the fixture scans (200 dpi, one rotated by 1.5° when it was made:
// test/fixtures/documents/make-fixtures.ts): in the OCR thread the skew is the gradient of the
// page's own layout, found once (ocr-tesseract-inline.ts recogniseLevelled); tesseract.js in its
// own thread measures it on a copy of the grey page reduced to about 100 dpi (measureSkew).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imageFilePage, pgmLayout, reducedPgm } from '../../../electron/core/importers/ocr-images';
import { inlineTesseract } from '../../../electron/core/importers/ocr-tesseract-inline';
import { measureSkew, newTesseract, ocrAssetPaths, ocrModelSource, toLines, type TWorker } from '../../../electron/core/importers/ocr-tesseract';

const SCANS = join(import.meta.dirname, '../../fixtures/documents/scans');
const pgm = (w: number, h: number, px: number[]) => new Uint8Array([...new TextEncoder().encode(`P5\n${w} ${h}\n255\n`), ...px]);

describe('reduced grey page', () => {
  it('averages k × k squares and drops the ragged edge', () => {
    // 5 × 3 pixels, k = 2 → 2 × 1: the last column and row do not fill a square
    const src = pgm(5, 3, [0, 100, 200, 200, 9, 50, 150, 255, 255, 9, 9, 9, 9, 9, 9]);
    const out = reducedPgm(src, 2)!;
    expect(pgmLayout(out)).toEqual({ width: 2, height: 1, offset: out.length - 2 });
    expect([...out.subarray(out.length - 2)]).toEqual([75, 228]); // (0+100+50+150)/4, (200+200+255+255)/4 rounded
  });

  it('leaves what is not an 8-bit PGM alone (a TIFF goes to Leptonica as it is)', () => {
    expect(pgmLayout(new Uint8Array([0x49, 0x49, 0x2a, 0]))).toBeUndefined();
    expect(reducedPgm(new Uint8Array([0x49, 0x49, 0x2a, 0]), 2)).toBeUndefined();
    expect(pgmLayout(new TextEncoder().encode('P5\n4 4\n65535\n'))).toBeUndefined();
    expect(pgmLayout(pgm(4, 4, [1, 2, 3]))).toBeUndefined(); // truncated pixels
  });
});

describe('skew measured on the reduced copy', () => {
  let worker: TWorker;
  beforeAll(async () => {
    worker = await newTesseract();
  }, 60_000);
  afterAll(async () => {
    await worker?.terminate();
  });

  it('finds the 1.5° of the rotated scan and none on the straight one', { timeout: 60_000 }, async () => {
    const rotated = await imageFilePage(readFileSync(join(SCANS, 'yuanzhu-p1-rotated.jpg')), 'rotated.jpg');
    const straight = await imageFilePage(readFileSync(join(SCANS, 'yuanzhu-p1-clean.jpg')), 'clean.jpg');
    const skew = await measureSkew(worker, rotated);
    // made with ImageMagick's -rotate 1.5 (clockwise); tesseract.js gives it as −0.0262 rad
    expect(Math.abs(skew! + (1.5 * Math.PI) / 180)).toBeLessThan(0.002);
    expect(Math.abs((await measureSkew(worker, straight))!)).toBeLessThan(0.005);
  });
});

describe('skew from the page\u2019s own layout (the OCR thread)', () => {
  let worker: TWorker;
  beforeAll(async () => {
    worker = await inlineTesseract({ lang: 'chi_sim', oem: 1, corePath: ocrAssetPaths().corePath, ...(await ocrModelSource(ocrAssetPaths().langPath)) });
    await worker.setParameters({ preserve_interword_spaces: '1', tessedit_pageseg_mode: '6', user_defined_dpi: '200' });
  }, 60_000);
  afterAll(async () => {
    await worker?.terminate();
  });

  it('turns the rotated scan level by the angle the reduced copy gives, leaves the straight one as it is, and reads both', { timeout: 120_000 }, async () => {
    const rotated = await imageFilePage(readFileSync(join(SCANS, 'yuanzhu-p1-rotated.jpg')), 'rotated.jpg');
    const straight = await imageFilePage(readFileSync(join(SCANS, 'yuanzhu-p1-clean.jpg')), 'clean.jpg');
    const image = (img: { data: Uint8Array }) => Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength);
    const read = (lines: ReturnType<typeof toLines>) => lines.map((l) => l.symbols.map((x) => x.ch).join('')).join('\n');
    const r = await worker.recogniseLevelled!(image(rotated), 0.005, { hocr: false });
    expect(Math.abs(r.rotateRadians - (await measureSkew(worker, rotated))!)).toBeLessThan(0.0005);
    expect(Math.abs(r.rotateRadians + (1.5 * Math.PI) / 180)).toBeLessThan(0.002);
    const s = await worker.recogniseLevelled!(image(straight), 0.005, { hocr: false });
    expect(s.rotateRadians).toBe(0);
    // levelled, the rotated page reads as the straight one: its lines and its articles
    const lr = toLines(r.data);
    const ls = toLines(s.data);
    expect(Math.abs(lr.length - ls.length)).toBeLessThanOrEqual(1);
    for (const label of ['第一条', '第二条', '第三条', '第四条']) {
      expect(read(lr)).toContain(label);
      expect(read(ls)).toContain(label);
    }
  });
});
