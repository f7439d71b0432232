// TIFF, as document scanners and photo apps write it: every page of a multi-page file is recognised,
// with per-page progress, and shown in the 核对 view; every kind of TIFF decodes (ocr-tiff.ts, utif)
// to the same pre-processed page as the same picture saved as PNG; a bad or hostile TIFF is refused
// with the page and the reason, and the library is left as it was. Fixtures:
// - yuanzhu-2p-g4.tif: two rendered pages of 山东省法律援助条例 (scans/yuanzhu-p1-clean.jpg,
//   -p2-clean.jpg) made a black-and-white CCITT G4 TIFF by ImageMagick:
//     convert yuanzhu-p1-clean.jpg yuanzhu-p2-clean.jpg -colorspace gray -threshold 60% \
//       -compress Group4 -density 200 -units PixelsPerInch yuanzhu-2p-g4.tif
// - scans/tiff/: one crop of that page with a red seal over the text, written as each kind by
//   ImageMagick 6.9 and libtiff's tiffcp 4.5 (scans/tiff/make-tiff.sh says which tool made which).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { imageFilePage, imageKind, imagePreview, pgmLayout } from '../../../electron/core/importers/ocr-images';
import { tiffPages, tiffSinglePage } from '../../../electron/core/importers/ocr-tiff';
import { importPaths } from '../../../electron/core/library/library-import';
import { scanPage } from '../../../electron/core/library/ocr-scan-page';
import { openLibrary } from '../../../electron/core/library/open-library';
import { hostileTiffs, lzwEncode } from './tiff-hostile';

const TIFF = join(import.meta.dirname, '../../fixtures/documents/scans/yuanzhu-2p-g4.tif');
const KINDS = join(import.meta.dirname, '../../fixtures/documents/scans/tiff');
const work = mkdtempSync(join(tmpdir(), 'lawdesk-tiff-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const bytes = () => new Uint8Array(readFileSync(TIFF));

/** A little-endian TIFF of one page with the given tags (SHORT or LONG), its strip pointing at 16 bytes of paper. */
function tinyTiff(tags: Record<number, number>): Uint8Array {
  const all: Record<number, number> = { 258: 8, 259: 1, 262: 1, 277: 1, 278: 1, 279: 16, ...tags };
  const keys = Object.keys(all).map(Number).sort((a, b) => a - b);
  const ifd = 8;
  const strip = ifd + 2 + (keys.length + 1) * 12 + 4;
  const out = new Uint8Array(strip + 16).fill(255);
  const dv = new DataView(out.buffer);
  out.set([0x49, 0x49, 0x2a, 0]);
  dv.setUint32(4, ifd, true);
  const entries = [...keys, 273].sort((a, b) => a - b);
  dv.setUint16(ifd, entries.length, true);
  entries.forEach((tag, k) => {
    const e = ifd + 2 + k * 12;
    dv.setUint16(e, tag, true);
    dv.setUint16(e + 2, 4, true);
    dv.setUint32(e + 4, 1, true);
    dv.setUint32(e + 8, tag === 273 ? strip : all[tag]!, true);
  });
  dv.setUint32(ifd + 2 + entries.length * 12, 0, true);
  return out;
}

/** The fixture with page `n`'s tag `tag` set to `value` (inline SHORT or LONG). */
function patched(n: number, tag: number, value: number): Uint8Array {
  const b = bytes();
  const dv = new DataView(b.buffer);
  const page = tiffPages(b)[n - 1]!;
  const count = dv.getUint16(page.ifd, true);
  for (let k = 0; k < count; k++) {
    const e = page.ifd + 2 + k * 12;
    if (dv.getUint16(e, true) !== tag) continue;
    if (dv.getUint16(e + 2, true) === 3) dv.setUint16(e + 8, value, true);
    else dv.setUint32(e + 8, value, true);
    return b;
  }
  throw new Error(`tag ${tag} not on page ${n}`);
}

async function importOne(name: string, data: Uint8Array, opts: Parameters<typeof importPaths>[2] = {}) {
  const { store } = await openLibrary({ dir: mkdtempSync(join(work, 'lib-')), seed: false });
  const file = join(work, name);
  writeFileSync(file, data);
  const before = readFileSync(join(store.dir, 'library.json'), 'utf8');
  const report = await importPaths(store, [file], opts);
  return { store, report, before, after: () => readFileSync(join(store.dir, 'library.json'), 'utf8') };
}

describe('multi-page TIFF', () => {
  it('finds every page from the directory chain, and cuts one page out as a TIFF of its own holding that page only', () => {
    const b = bytes();
    expect(b[0]).toBe(0x49); // ImageMagick writes little-endian
    const pages = tiffPages(b);
    expect(pages.map((p) => [p.page, p.width, p.height])).toEqual([
      [1, 1654, 2339],
      [2, 1654, 2339],
    ]);
    const second = tiffSinglePage(b, pages[1]!);
    expect(imageKind(second)).toBe('tiff');
    expect(tiffPages(second)).toEqual([{ page: 1, width: 1654, height: 2339, ifd: 8 }]);
    // Page 2's data and no more (its G4 strip is about half the file).
    expect(second.length).toBeLessThan(b.length * 0.6);
    expect(tiffPages(b)).toEqual(pages); // the original is not touched
  });

  it('refuses a truncated file, a page of 20,000 × 20,000 px, no pages, a page loop and a JPEG 2000 page, naming the page and the reason, and the library stays as it was', async () => {
    const b = bytes();
    const cases: [string, Uint8Array, RegExp][] = [
      ['truncated.tif', b.slice(0, Math.floor(b.length * 0.7)), /TIFF 文件不完整（第 2 页.*截断/],
      ['huge.tif', tinyTiff({ 256: 20_000, 257: 20_000 }), /TIFF 第 1 页过大（20000 × 20000 像素/],
      ['huge-page-2.tif', patched(2, 257, 60_000), /TIFF 第 2 页过大/],
      ['empty.tif', new Uint8Array([0x49, 0x49, 0x2a, 0, 0, 0, 0, 0]), /TIFF 文件中没有图像页/],
      ['loop.tif', (() => {
        const x = bytes();
        const dv = new DataView(x.buffer);
        const [p1, p2] = tiffPages(x);
        dv.setUint32(p2!.ifd + 2 + dv.getUint16(p2!.ifd, true) * 12, p1!.ifd, true);
        return x;
      })(), /页链成环/],
      ['jpeg2000.tif', patched(1, 259, 34712), /TIFF 第 1 页使用 JPEG 2000 压缩，无法识别/],
    ];
    for (const [name, data, reason] of cases) {
      expect(() => tiffPages(data), name).toThrow(reason);
      const r = await importOne(name, data);
      expect(r.report.failed, name).toEqual([{ file: join(work, name), reason: expect.stringMatching(reason) }]);
      expect(r.store.versions(), name).toEqual([]);
      expect(r.after(), name).toBe(r.before);
    }
  });

  it('previews every page of a TIFF for the OCR estimate', async () => {
    const { report } = await importOne('preview.tif', bytes(), { dryRun: true });
    expect(report.files[0]).toMatchObject({ textSource: 'ocr', ocrPages: 2 });
    expect(report.files[0]!.reason).toContain('共 2 页');
  });

  it('recognises every page, with per-page progress, into one version whose articles run across both pages', { timeout: 300_000 }, async () => {
    const progress: string[] = [];
    const { store, report } = await importOne('yuanzhu.tif', bytes(), { ocr: { onProgress: (p) => progress.push(`${p.done}/${p.total}`) } });
    expect(report.failed).toEqual([]);
    expect(report.files[0]).toMatchObject({ status: 'imported', textSource: 'ocr', ocrPages: 2 });
    expect(progress).toEqual(['0/2', '1/2', '2/2']);
    const v = store.loadVersion(store.versions()[0]!.id);
    expect(v.title).toContain('法律援助条例');
    expect(v.units.find((u) => u.kind === 'article')!.label).toBe('第一条');
    const onPage = (n: number) => v.units.filter((u) => u.ocrRegions?.some((r) => r.page === n)).length;
    expect(onPage(1)).toBeGreaterThan(3);
    expect(onPage(2)).toBeGreaterThan(3);
    // The articles are numbered on from page 1 to page 2 without a gap.
    const numbers = v.units.filter((u) => u.kind === 'article').map((u) => u.number);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    // The 核对 view shows each page's picture beside its text, made from the original kept in the library.
    const shown = await Promise.all([1, 2].map((n) => scanPage(store, v.id, n)));
    for (const [i, p] of shown.entries()) {
      expect(p).toMatchObject({ page: i + 1, pages: 2 });
      expect(p.dataUrl).toMatch(/^data:image\/jpeg;base64,\/9j\//);
      expect(Math.max(p.width, p.height)).toBeLessThanOrEqual(1800);
      expect(p.width / p.height).toBeCloseTo(1654 / 2339, 2);
    }
    expect(shown[0]!.dataUrl).not.toBe(shown[1]!.dataUrl);
    await expect(scanPage(store, v.id, 3)).rejects.toThrow(/原件只有 2 页/);
  });
});

/** The pixels of the pre-processed (red channel, grey) page the OCR path makes of a file. */
async function ocrPixels(file: string): Promise<Uint8Array> {
  const img = await imageFilePage(new Uint8Array(readFileSync(join(KINDS, file))), file);
  return img.data.subarray(pgmLayout(img.data)!.offset);
}

function meanDiff(a: Uint8Array, b: Uint8Array): number {
  expect(a.length).toBe(b.length);
  let d = 0;
  for (let i = 0; i < a.length; i++) d += Math.abs(a[i]! - b[i]!);
  return d / a.length;
}

/** The largest difference of two pages' pixels (compared here: a failed toEqual on 100,000 pixels would print them all). */
function maxDiff(a: Uint8Array, b: Uint8Array): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

/** Share of the page that is dark (ink): the red seal is dark in grey, gone in the red channel. */
const darkShare = (px: Uint8Array) => px.filter((v) => v < 128).length / px.length;

describe('every kind of TIFF decodes to the same page as the picture saved as PNG', () => {
  it('RGB (PackBits, LZW with predictor in 16-row strips, Deflate in 64 × 64 tiles, 16-bit): pixel for pixel, red seal gone', async () => {
    const png = await ocrPixels('crop.png');
    for (const f of ['rgb-packbits.tif', 'rgb-lzw-pred.tif', 'rgb-zip-tiles.tif', 'rgb16-packbits.tif']) expect(maxDiff(await ocrPixels(f), png), f).toBe(0);
    // The grey file had the seal mixed into its grey: dark where the colour page has none.
    expect(darkShare(await ocrPixels('gray8-none.tif'))).toBeGreaterThan(darkShare(png) * 1.5);
  });

  it('grey (8-bit uncompressed, old-code Deflate 32946, 16-bit big-endian Deflate with predictor)', async () => {
    const grey = await ocrPixels('gray8-none.tif');
    expect(maxDiff(await ocrPixels('gray8-zip-old.tif'), grey)).toBe(0);
    // 16-bit samples are cut to their high byte: at most 1 off from ImageMagick's own 8-bit rounding.
    expect(meanDiff(await ocrPixels('gray16-be-zip.tif'), grey)).toBeLessThan(0.5);
  });

  it('black and white from fax scanners (CCITT G3 1-D, G3 2-D, G4), pixel for pixel', async () => {
    const bw = await ocrPixels('bw.png');
    for (const f of ['bw-g3.tif', 'bw-g3-2d.tif', 'bw-g4.tif']) expect(maxDiff(await ocrPixels(f), bw), f).toBe(0);
  });

  it('palette (4-bit indices) as libtiff draws it, and JPEG in TIFF (RGB and YCbCr) close to the original', async () => {
    // Within 1: the palette's 16-bit colours cut to their high byte (UTIF.js) or rounded (ImageMagick).
    expect(maxDiff(await ocrPixels('palette4-lzw.tif'), await ocrPixels('palette4.png'))).toBeLessThanOrEqual(1);
    const png = await ocrPixels('crop.png');
    expect(meanDiff(await ocrPixels('rgb-jpeg.tif'), png)).toBeLessThan(3);
  });

  it('a multi-page file of four kinds: each page cut out decodes as its own kind', async () => {
    const multi = new Uint8Array(readFileSync(join(KINDS, 'multi-4.tif')));
    const pages = tiffPages(multi);
    expect(pages).toHaveLength(4);
    const page = async (n: number) => {
      const img = await imageFilePage(tiffSinglePage(multi, pages[n - 1]!), 'multi-4.tif');
      return img.data.subarray(pgmLayout(img.data)!.offset);
    };
    expect(maxDiff(await page(1), await ocrPixels('bw.png'))).toBe(0);
    // tiffcp re-wrote the JPEG page as YCbCr with subsampled colour: the seal's edges differ a little.
    expect(meanDiff(await page(2), await ocrPixels('crop.png'))).toBeLessThan(6);
    expect(maxDiff(await page(3), await ocrPixels('gray16-be-zip.tif'))).toBe(0);
    expect(maxDiff(await page(4), await ocrPixels('palette4-lzw.tif'))).toBe(0);
  });

  it('a page picture for the 核对 view, of the page asked for, scaled down', async () => {
    const multi = new Uint8Array(readFileSync(join(KINDS, 'multi-4.tif')));
    const pages = tiffPages(multi);
    const p = await imagePreview(tiffSinglePage(multi, pages[1]!), 200);
    expect(p).toMatchObject({ mime: 'image/jpeg', width: 200, height: 120 });
    expect([...p.data.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
  });
});

describe('hostile TIFF', () => {
  it('the LZW encoder the hostile files are made with round-trips through the decoder', async () => {
    const { buildTiff } = await import('./tiff-hostile');
    const px = new Uint8Array(64 * 32).map((_, i) => (i % 64 < 32 ? 255 : (i * 13) % 256));
    const img = await imageFilePage(buildTiff({ width: 64, height: 32, compression: 5, strips: [lzwEncode(px)] }), 'lzw.tif');
    expect(maxDiff(img.data.subarray(pgmLayout(img.data)!.offset), px)).toBe(0);
  });

  it('each is refused by the decoder with the page and the reason, before it allocates what the file claims', async () => {
    for (const h of hostileTiffs()) {
      if (h.early) expect(() => tiffPages(h.bytes), h.name).toThrow(h.reason);
      else expect(tiffPages(h.bytes), h.name).toHaveLength(1);
      await expect(imageFilePage(h.bytes, h.name), h.name).rejects.toThrow(h.reason);
    }
  });

  it('a bad page in the middle of a file is named by its number in the file', async () => {
    const multi = new Uint8Array(readFileSync(join(KINDS, 'multi-4.tif')));
    const pages = tiffPages(multi);
    // Page 3's Deflate strip cut in half (its length kept: the data is damaged, not missing).
    const p3 = tiffSinglePage(multi, pages[2]!);
    const dv = new DataView(p3.buffer);
    const count = dv.getUint16(8, true);
    for (let k = 0; k < count; k++) {
      const e = 10 + k * 12;
      if (dv.getUint16(e, true) !== 273) continue;
      const at = dv.getUint32(e + 8, true);
      p3.fill(0, at + 200);
    }
    await expect(imageFilePage(p3, 'multi-4.tif')).rejects.toThrow(/TIFF 第 3 页第 1 段图像数据/);
  });
});
