// JPEGs with restart markers (DRI, RST0–7), written by libjpeg-turbo's jpegtran and cjpeg
// (test/fixtures/documents/scans/restart/make-restart.sh): a clean one is accepted and read; one whose
// markers are lost or renumbered is refused naming the file (or the PDF page) and the reason; a changed
// byte in the coded data is refused when the Huffman code breaks, and when it does not, the decoder
// resynchronises at the next marker, so what it spoils stays within one restart interval.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jpegDamage, jpegFrame } from '../../../electron/core/importers/jpeg-frame';
import { extractImage } from '../../../electron/core/importers/ocr-extractor';
import { renderPdfPage } from '../../../electron/core/importers/ocr-images';
import { ScanJpegReader } from '../../../electron/core/importers/pdf-scan-jpeg';
import { openPdfTask } from '../../../electron/core/importers/pdf-text-extractor';
import { scanPdfBytes } from '../../fixtures/documents/image-pdf';
import { seededRandom } from '../../bench/seeded-random';

const SCANS = join(import.meta.dirname, '../../fixtures/documents/scans');
const ROWS = join(SCANS, 'restart/yuanzhu-p2-top-rst-rows.jpg');
const THREE = join(SCANS, 'restart/yuanzhu-p2-top-rst-3b.jpg');

/** Where each restart marker stands. */
const restarts = (b: Uint8Array) => {
  const at: number[] = [];
  for (let i = 0; i + 1 < b.length; i++) if (b[i] === 0xff && b[i + 1]! >= 0xd0 && b[i + 1]! <= 0xd7) at.push(i);
  return at;
};
const without = (b: Uint8Array, at: number) => Buffer.concat([b.subarray(0, at), b.subarray(at + 2)]);

async function grey(b: Uint8Array): Promise<{ w: number; h: number; px: Uint8Array }> {
  const { createCanvas, loadImage } = await import('@napi-rs/canvas');
  const img = await loadImage(Buffer.from(b));
  const ctx = createCanvas(img.width, img.height).getContext('2d');
  ctx.drawImage(img, 0, 0);
  const d = ctx.getImageData(0, 0, img.width, img.height).data;
  const px = new Uint8Array(img.width * img.height);
  for (let i = 0; i < px.length; i++) px[i] = d[4 * i]!;
  return { w: img.width, h: img.height, px };
}

async function pdfPageError(pages: Uint8Array[]): Promise<string[]> {
  const bytes = new Uint8Array(
    scanPdfBytes(
      pages.map((p) => {
        const f = jpegFrame(p)!;
        return { jpeg: Buffer.from(p), width: f.width, height: f.height };
      }),
    ),
  );
  const task = await openPdfTask(bytes);
  const out: string[] = [];
  try {
    const doc = await task.promise;
    const reader = new ScanJpegReader(bytes);
    for (let p = 1; p <= pages.length; p++) {
      try {
        await renderPdfPage(doc, p, undefined, reader);
        out.push('rendered');
      } catch (e) {
        out.push((e as Error).message);
      }
    }
  } finally {
    await task.destroy();
  }
  return out;
}

describe('JPEGs with restart markers', () => {
  it('a clean one is accepted, decodes to the same page as without markers, and is read', { timeout: 300_000 }, async () => {
    const rows = readFileSync(ROWS);
    const three = readFileSync(THREE);
    expect(restarts(rows).length).toBeGreaterThan(50);
    expect(restarts(three).length).toBeGreaterThan(1000);
    expect(jpegDamage(rows)).toBeUndefined();
    expect(jpegDamage(three)).toBeUndefined();
    // jpegtran -restart keeps the coefficients: the same pixels as the clean scan's top rows
    const [withMarkers, page] = [await grey(rows), await grey(readFileSync(join(SCANS, 'yuanzhu-p2-clean.jpg')))];
    expect(withMarkers.px).toEqual(page.px.subarray(0, withMarkers.w * withMarkers.h));
    // as a scanned PDF's page and as a photo: rendered and read
    expect(await pdfPageError([rows, three])).toEqual(['rendered', 'rendered']);
    const doc = await extractImage(new Uint8Array(three), 'yuanzhu-p2-top-rst-3b.jpg');
    expect(doc.textSource).toBe('ocr');
    expect(doc.text).toMatch(/第[一二三四五六七八九十]+条/);
  });

  it('a lost or renumbered marker is refused, naming the PDF page and the reason', async () => {
    for (const file of [ROWS, THREE]) {
      const b = readFileSync(file);
      const at = restarts(b);
      for (const k of [0, at.length >> 1, at.length - 1]) {
        const lost = jpegDamage(without(b, at[k]!));
        const renumbered = Buffer.from(b);
        renumbered[at[k]! + 1] = 0xd0 + ((renumbered[at[k]! + 1]! - 0xd0 + 3) % 8);
        expect(jpegDamage(renumbered), `${file} marker ${k} renumbered`).toEqual({ kind: 'corrupt', detail: `JPEG 数据在第 ${at[k]} 字节处损坏（重启标记不合顺序）` });
        // A marker lost before the last breaks their order; the last one lost leaves its interval
        // with the next one's blocks (rows: the blocks of a whole row more), said as such.
        if (k < at.length - 1) expect(lost, `${file} marker ${k} lost`).toEqual({ kind: 'corrupt', detail: `JPEG 数据在第 ${at[k + 1]! - 2} 字节处损坏（重启标记不合顺序）` });
        else expect(lost?.kind, `${file} last marker lost`).toBeDefined();
      }
    }
    // a marker after every block row of 8 lines: the last one lost ends the row before it, from its first line
    const last = readFileSync(ROWS);
    const lastRow = (restarts(last).length - 1) * 8 + 1;
    expect(jpegDamage(without(last, restarts(last).at(-1)!))).toMatchObject({ kind: 'corrupt', detail: expect.stringMatching(new RegExp(`第 ${lastRow} 行起（共 640 行）的图像会错乱（缺少重启标记）$`)) });
    // In a scanned PDF, the page is named
    const errors = await pdfPageError([readFileSync(THREE), without(last, restarts(last)[5]!)]);
    expect(errors[0]).toBe('rendered');
    expect(errors[1]).toMatch(/^PDF 第 2 页的扫描图片已损坏（JPEG 数据在第 \d+ 字节处损坏（重启标记不合顺序））/);
    // Cut short, closed or not: the first line without data
    const cut = last.subarray(0, restarts(last)[9]! + 3);
    expect(jpegDamage(cut)).toEqual({ kind: 'truncated', detail: 'JPEG 数据在图像结束前中断，第 81 行起（共 640 行）没有图像' });
    expect(jpegDamage(Buffer.concat([cut, Buffer.from([0xff, 0xd9])]))?.detail).toBe('JPEG 数据在图像结束前中断，第 81 行起（共 640 行）没有图像');
  });

  it('a changed byte is refused, or spoils no more than the one restart interval it is in', { timeout: 300_000 }, async () => {
    const b = readFileSync(ROWS);
    const at = restarts(b);
    const clean = await grey(b);
    const random = seededRandom(2901);
    let refused = 0;
    for (let k = 0; k < 16; k++) {
      const changed = Buffer.from(b);
      let p: number;
      do p = at[0]! + 2 + Math.floor(random() * (at.at(-1)! - at[0]! - 4));
      while (changed[p] === 0xff || changed[p - 1] === 0xff);
      let v: number;
      do v = changed[p]! ^ (1 + Math.floor(random() * 255));
      while (v === 0xff);
      changed[p] = v;
      const damage = jpegDamage(changed);
      if (damage) {
        refused++;
        expect(damage.detail).toMatch(/^JPEG 图像数据在第 \d+ 字节附近损坏，第 \d+ 行起（共 640 行）的图像会错乱$/);
        continue;
      }
      // not seen: the decoder starts again at the next marker, so only the block row (8 lines) the byte is in can differ
      const got = await grey(changed);
      const spoiled = new Set<number>();
      for (let i = 0; i < got.px.length; i++) if (Math.abs(got.px[i]! - clean.px[i]!) > 48) spoiled.add(Math.floor(i / clean.w / 8));
      expect(spoiled.size, `byte ${p}`).toBeLessThanOrEqual(1);
    }
    expect(refused).toBeGreaterThan(0);
  });
});
