// Deskew before OCR: the skew is measured by tesseract's line finder on a copy of the grey page
// reduced to about 100 dpi (ocr-tesseract.ts measureSkew), on the fixture scans (200 dpi, one
// rotated by 1.5° when it was made: test/fixtures/documents/make-fixtures.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imageFilePage, pgmLayout, reducedPgm } from '../../../electron/core/importers/ocr-images';
import { measureSkew, newTesseract, type TWorker } from '../../../electron/core/importers/ocr-tesseract';

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
