// The rendered page is read from the canvas in bands of rows (ocr-images.ts canvasRedChannelPgm)
// instead of one full-page RGBA copy: the grey page tesseract gets, and the blank-page share, must
// be the same byte for byte as from the whole page at once — on a real scan with a red seal, whose
// height is not a multiple of the band.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canvasRedChannelPgm, redChannelPgm } from '../../../electron/core/importers/ocr-images';

const SCANS = join(import.meta.dirname, '../../fixtures/documents/scans');

describe('the page read from the canvas in bands', () => {
  it('is the same grey page as the whole-page read', async () => {
    const { createCanvas, loadImage } = await import('@napi-rs/canvas');
    const img = await loadImage(readFileSync(join(SCANS, 'yuanzhu-p1-seal.jpg')));
    const height = img.height - 37; // not a whole number of bands
    const canvas = createCanvas(img.width, height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const whole = redChannelPgm(ctx.getImageData(0, 0, img.width, height).data, img.width, height);
    const banded = canvasRedChannelPgm(ctx, img.width, height);
    expect(height % 64).not.toBe(0);
    expect(Buffer.from(banded.pgm).equals(Buffer.from(whole.pgm))).toBe(true);
    expect(banded.dark).toBeCloseTo(whole.dark, 12);
    expect(banded.dark).toBeGreaterThan(0.01);
  });
});
