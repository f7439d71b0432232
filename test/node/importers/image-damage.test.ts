// A truncated or damaged picture is refused, naming it, before it is recognised: decoders (pdf.js's
// and libjpeg-turbo's) decode such a JPEG as far as it goes and paint the rest grey, and a PNG cut
// short comes out with its lower part empty — half a page read as if it were the whole one. The
// check reads the file's structure (jpeg-frame.ts jpegDamage, png-chunks.ts pngDamage); every
// committed scan and photo passes it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jpegDamage } from '../../../electron/core/importers/jpeg-frame';
import { imageFilePage, renderPdfPage } from '../../../electron/core/importers/ocr-images';
import { pngDamage } from '../../../electron/core/importers/png-chunks';
import { ScanJpegReader } from '../../../electron/core/importers/pdf-scan-jpeg';
import { openPdfTask } from '../../../electron/core/importers/pdf-text-extractor';
import { scanPdfBytes } from '../../fixtures/documents/image-pdf';
import { barsPng, tinyGreyJpeg } from './tiny-images';
import { seededRandom } from '../../bench/seeded-random';

const SCANS = join(import.meta.dirname, '../../fixtures/documents/scans');
const jpegs = [...readdirSync(SCANS).map((f) => join(SCANS, f)), ...readdirSync(join(SCANS, 'photo')).map((f) => join(SCANS, 'photo', f))].filter((f) => f.endsWith('.jpg'));

async function renderError(pdf: Buffer): Promise<string> {
  const bytes = new Uint8Array(pdf);
  const task = await openPdfTask(bytes);
  try {
    const doc = await task.promise;
    await renderPdfPage(doc, 1, undefined, new ScanJpegReader(bytes));
    return 'rendered';
  } catch (e) {
    return (e as Error).message;
  } finally {
    await task.destroy();
  }
}

describe('a picture that ends early or is damaged', () => {
  it('passes every committed scan and photo whole, and finds each cut short', () => {
    expect(jpegs.length).toBeGreaterThanOrEqual(9);
    for (const f of jpegs) {
      const b = readFileSync(f);
      expect(jpegDamage(b), f).toBeUndefined();
      for (const cut of [0.3, 0.7, 0.999]) expect(jpegDamage(b.subarray(0, Math.floor(b.length * cut))), `${f} cut at ${cut}`).toEqual({ kind: 'truncated', detail: 'JPEG 数据在图像结束前中断' });
      // 2,000 bytes of the coded data overwritten: a marker no encoder writes there.
      const garbage = Buffer.from(b);
      for (let k = 0; k < 2000; k++) garbage[(b.length >> 1) + k] = (k * 7919 + 13) & 255;
      expect(jpegDamage(garbage)?.kind, f).toBe('corrupt');
    }
  });

  it('notices a changed byte in the coded data that darkens the rest of a scanned page', async () => {
    // A JPEG has no checksum: a changed byte the Huffman code gets over leaves every DC after it off
    // by one amount, and the decoder paints the rest of the page darker (or lighter) without a word.
    // Seeded changes in the coded data of a committed scan; the native decoder the import uses says
    // which ones darkened the page below the damage (the oracle), jpegDamage must name each of them.
    const { createCanvas, loadImage } = await import('@napi-rs/canvas');
    const grey = async (b: Uint8Array) => {
      const img = await loadImage(Buffer.from(b));
      const ctx = createCanvas(img.width, img.height).getContext('2d');
      ctx.drawImage(img, 0, 0);
      const d = ctx.getImageData(0, 0, img.width, img.height).data;
      const px = new Int16Array(img.width * img.height);
      for (let p = 0; p < px.length; p++) px[p] = d[4 * p]!;
      return { width: img.width, px };
    };
    const orig = readFileSync(join(SCANS, 'yuanzhu-p2-clean.jpg'));
    const { width, px: base } = await grey(orig);
    const sos = orig.indexOf(Buffer.from([0xff, 0xda]));
    const from = sos + 2 + orig.readUInt16BE(sos + 2);
    const r = seededRandom(2804);
    let darkened = 0;
    let noticed = 0;
    for (let k = 0; k < 24; k++) {
      const b = Buffer.from(orig);
      const at = from + Math.floor(r() * (orig.length - 2 - from));
      b[at] = b[at]! ^ (1 + Math.floor(r() * 255));
      const damage = jpegDamage(b);
      if (damage) noticed++;
      const g = (await grey(b)).px;
      let p = 0;
      while (p < g.length && g[p] === base[p]) p++;
      // from one row below the first changed pixel: the mean change of the rest of the page
      let sum = 0;
      const rest = Math.ceil(p / width + 8) * width;
      for (let q = rest; q < g.length; q++) sum += g[q]! - base[q]!;
      if (g.length - rest > width * 64 && sum / (g.length - rest) <= -24) {
        darkened++;
        expect(damage?.kind, `byte ${at}`).toBe('corrupt');
      }
    }
    expect(darkened).toBeGreaterThan(0);
    expect(noticed).toBeGreaterThan(darkened);
  }, 300_000); // 25 decodes of an A4 page at 200 dpi: minutes on a loaded 2-core machine

  it('tells from restart markers which line the data stops at', async () => {
    const whole = tinyGreyJpeg(64, 32, true);
    const { loadImage } = await import('@napi-rs/canvas');
    // A JPEG the native decoder takes whole.
    expect((await loadImage(whole)).height).toBe(32);
    expect(jpegDamage(whole)).toBeUndefined();
    // Cut after the tenth restart marker (8 blocks a row of 8 lines): lines 1–8 are whole.
    const tenth = whole.indexOf(Buffer.from([0xff, 0xd1]), whole.indexOf(Buffer.from([0xff, 0xd1])) + 2);
    expect(jpegDamage(whole.subarray(0, tenth + 3))).toEqual({ kind: 'truncated', detail: 'JPEG 数据在图像结束前中断，第 9 行起（共 32 行）没有图像' });
    // The same, closed with an end marker as a repair tool would: still short.
    expect(jpegDamage(Buffer.concat([whole.subarray(0, tenth + 3), Buffer.from([0xff, 0xd9])]))?.detail).toBe('JPEG 数据在图像结束前中断，第 9 行起（共 32 行）没有图像');
    // A restart marker out of order (a byte of the data lost or changed).
    const swapped = Buffer.from(whole);
    swapped[tenth + 1] = 0xd5;
    expect(jpegDamage(swapped)?.kind).toBe('corrupt');
  });

  it('checks a PNG’s chunks to its end', async () => {
    const png = await barsPng(300, 200);
    expect(pngDamage(png)).toBeUndefined();
    expect(pngDamage(png.subarray(0, png.length >> 1))).toEqual({ kind: 'truncated', detail: 'PNG 数据在图像结束前中断' });
    expect(pngDamage(png.subarray(0, png.length - 12))?.kind).toBe('truncated');
    const changed = Buffer.from(png);
    changed[png.length >> 1]! ^= 0x5a;
    expect(pngDamage(changed)).toEqual({ kind: 'corrupt', detail: 'PNG 的 IDAT 数据块校验和不符' });
  });

  it('refuses a photo or a scanned PDF page cut short, naming the page', async () => {
    const photo = readFileSync(join(SCANS, 'yuanzhu-p1-clean.jpg'));
    await expect(imageFilePage(photo.subarray(0, photo.length >> 1), 'p1.jpg')).rejects.toThrow(/^图片文件不完整（JPEG 数据在图像结束前中断），只能解码出一部分，无法完整识别/);
    const half = photo.subarray(0, photo.length >> 1);
    expect(await renderError(scanPdfBytes([{ jpeg: half, width: 1654, height: 2339 }]))).toMatch(/^PDF 第 1 页的扫描图片不完整（JPEG 数据在图像结束前中断）/);
    // Also when pages are drawn by pdf.js (LAWDESK_OCR_NATIVE_JPEG=0): the check comes before either decoder.
    process.env.LAWDESK_OCR_NATIVE_JPEG = '0';
    try {
      expect(await renderError(scanPdfBytes([{ jpeg: half, width: 1654, height: 2339 }]))).toMatch(/^PDF 第 1 页的扫描图片不完整/);
    } finally {
      delete process.env.LAWDESK_OCR_NATIVE_JPEG;
    }
    expect(await renderError(scanPdfBytes([{ jpeg: photo, width: 1654, height: 2339 }]))).toBe('rendered');
  });
});
