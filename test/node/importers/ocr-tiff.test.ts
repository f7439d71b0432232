// Multi-page TIFF, as document scanners write it (one file a document, a page per directory): every
// page is recognised, with per-page progress; a bad TIFF is refused from its directories before any
// OCR, with the page and the reason. The fixture is two rendered pages of 山东省法律援助条例
// (scans/yuanzhu-p1-clean.jpg, -p2-clean.jpg) made a black-and-white CCITT G4 TIFF by ImageMagick:
//   convert yuanzhu-p1-clean.jpg yuanzhu-p2-clean.jpg -colorspace gray -threshold 60% \
//     -compress Group4 -density 200 -units PixelsPerInch yuanzhu-2p-g4.tif
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { imageKind, tiffPages, tiffSinglePage } from '../../../electron/core/importers/ocr-images';
import { importPaths } from '../../../electron/core/library/library-import';
import { openLibrary } from '../../../electron/core/library/open-library';

const TIFF = join(import.meta.dirname, '../../fixtures/documents/scans/yuanzhu-2p-g4.tif');
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
  it('finds every page from the directory chain, and cuts one page out as a TIFF of its own', () => {
    const b = bytes();
    expect(b[0]).toBe(0x49); // ImageMagick writes little-endian
    const pages = tiffPages(b);
    expect(pages.map((p) => [p.width, p.height])).toEqual([
      [1654, 2339],
      [1654, 2339],
    ]);
    const second = tiffSinglePage(b, pages[1]!);
    expect(imageKind(second)).toBe('tiff');
    expect(tiffPages(second)).toEqual([pages[1]]);
    expect(tiffPages(b)).toEqual(pages); // the original is not touched
  });

  it('refuses a truncated file, a page of 20,000 × 20,000 px, no pages, a page loop and a JPEG-compressed page, naming the page and the reason, and the library stays as it was', async () => {
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
      ['jpeg.tif', patched(1, 259, 7), /TIFF 第 1 页使用 JPEG 压缩，无法识别/],
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
  });
});
