// The scanned page behind an OCR text (the 核对 view's picture), made from the original the library
// keeps: a scanned PDF page rendered, a scanner's OFD page picture, a photo scaled down — JPEG data:
// URLs. The versions are 退职 imported from Markdown and then given the original and the marks the
// OCR importer writes (recognising takes minutes: ocr-import.test.ts covers that path with regions).
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importPaths } from '../../../electron/core/library/library-import';
import type { LibraryStore } from '../../../electron/core/library/library-store';
import { openLibrary } from '../../../electron/core/library/open-library';
import { lacksOcrRegions, locateOcrRegions } from '../../../electron/core/library/ocr-regions';
import { scanPage } from '../../../electron/core/library/ocr-scan-page';
import type { SourceFormat } from '../../../electron/shared/law-model';
import { rewriteVersions } from '../version-rewrite';

const DOCS = join(import.meta.dirname, '../../fixtures/documents');
const work = mkdtempSync(join(tmpdir(), 'lawdesk-scan-page-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** 退职 as if OCR'd from `original` (its bytes kept in the library under their hash). */
async function ocrVersionFrom(original: string, format: SourceFormat): Promise<{ store: LibraryStore; id: string }> {
  const { store } = await openLibrary({ dir: mkdtempSync(join(work, 'lib-')), seed: false });
  await importPaths(store, [join(DOCS, 'sources', 'tuizhi.md')]);
  const id = store.versions()[0]!.id;
  const bytes = readFileSync(original);
  const sha = createHash('sha256').update(bytes).digest('hex');
  store.writeOriginal(bytes, sha, '.' + original.split('.').pop());
  await rewriteVersions(store, [id], (body) => ({ ...body, sourceFormat: format, sourceSha256: sha, sourceFile: original.split('/').pop()!, textSource: 'ocr', verified: false }));
  return { store, id };
}

function jpegSize(dataUrl: string): { width: number; height: number } {
  const b = Buffer.from(dataUrl.slice('data:image/jpeg;base64,'.length), 'base64');
  expect([b[0], b[1]]).toEqual([0xff, 0xd8]);
  for (let i = 2; i < b.length; ) {
    const marker = b[i + 1]!;
    if (marker >= 0xc0 && marker <= 0xc2) return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    i += 2 + b.readUInt16BE(i + 2);
  }
  throw new Error('no SOF');
}

describe('scan pages for 核对', () => {
  it('renders a scanned PDF page from the kept original as a JPEG at 110 dpi, and refuses a page it does not have', { timeout: 60_000 }, async () => {
    const { store, id } = await ocrVersionFrom(join(DOCS, 'tuizhi-scan.pdf'), 'pdf');
    const p = await scanPage(store, id, 1);
    expect({ page: p.page, pages: p.pages }).toEqual({ page: 1, pages: 1 });
    // A4 (595 × 842 pt) at 110 dpi
    expect({ width: p.width, height: p.height }).toEqual({ width: 910, height: 1287 });
    expect(jpegSize(p.dataUrl)).toEqual({ width: 910, height: 1287 });
    await expect(scanPage(store, id, 2)).rejects.toThrow('原件只有 1 页');
  });

  it("shows a scanner's OFD page by its own picture and a photo scaled down", { timeout: 60_000 }, async () => {
    const ofd = await ocrVersionFrom(join(DOCS, 'tuizhi-scan.ofd'), 'ofd');
    const o = await scanPage(ofd.store, ofd.id, 1);
    expect(o.pages).toBe(1);
    expect(jpegSize(o.dataUrl)).toEqual({ width: o.width, height: o.height });
    expect(Math.max(o.width, o.height)).toBeLessThanOrEqual(1800);
    const photo = await ocrVersionFrom(join(DOCS, 'scans', 'yuanzhu-p1-seal.jpg'), 'image');
    const j = await scanPage(photo.store, photo.id, 1);
    // 1654 × 2339 scaled to 1800 on its long side
    expect({ width: j.width, height: j.height }).toEqual({ width: 1273, height: 1800 });
    expect(jpegSize(j.dataUrl)).toEqual({ width: 1273, height: 1800 });
  });

  it('refuses a version that is not OCR and one whose original is gone, in Chinese', async () => {
    const { store } = await openLibrary({ dir: mkdtempSync(join(work, 'lib-')), seed: false });
    await importPaths(store, [join(DOCS, 'sources', 'tuizhi.md')]);
    const id = store.versions()[0]!.id;
    await expect(scanPage(store, id, 1)).rejects.toThrow('的正文不是扫描件识别文本，没有扫描页');
    const pdf = await ocrVersionFrom(join(DOCS, 'tuizhi-scan.pdf'), 'pdf');
    rmSync(pdf.store.originalPath(pdf.store.version(pdf.id)!)!);
    await expect(scanPage(pdf.store, pdf.id, 1)).rejects.toThrow('的原件（tuizhi-scan.pdf）不在文库中，无法显示扫描页');
  });
});

describe('article regions for versions imported before they were recorded', () => {
  it('recognises the kept original again and stores where each article is on the scan, leaving the text as it was', { timeout: 300_000 }, async () => {
    const { store, id } = await ocrVersionFrom(join(DOCS, 'tuizhi-scan.pdf'), 'pdf');
    const before = store.loadVersion(id);
    expect(lacksOcrRegions(before)).toBe(true);
    const r = await locateOcrRegions(store, id);
    const after = store.loadVersion(id);
    expect(r).toEqual({ located: after.units.filter((u) => u.ocrRegions?.length).length, units: before.units.length });
    // 退职规定 is numbered 一、…九、 (sections, no 第X条).
    const articles = after.units.filter((u) => u.kind === 'section');
    expect(articles.length).toBe(9);
    // Every article is found on the one page, in reading order, each band a slice of the page.
    for (const u of articles) {
      expect(u.ocrRegions).toHaveLength(1);
      const [band] = u.ocrRegions!;
      expect(band!.page).toBe(1);
      expect(band!.top).toBeGreaterThanOrEqual(0);
      expect(band!.bottom).toBeGreaterThan(band!.top);
      expect(band!.bottom).toBeLessThanOrEqual(1);
      expect(band!.bottom - band!.top).toBeLessThan(0.3);
    }
    const tops = articles.map((u) => u.ocrRegions![0]!.top);
    expect(tops).toEqual([...tops].sort((a, b) => a - b));
    // Only the regions were added: the texts (the Markdown's) and the OCR marks are untouched.
    expect(after.units.map((u) => [u.key, u.text, u.suspects, u.ocrChecked])).toEqual(before.units.map((u) => [u.key, u.text, u.suspects, u.ocrChecked]));
    expect(lacksOcrRegions(after)).toBe(false);
  });

  it('refuses a version that is not a scan, in Chinese, before recognising anything', async () => {
    const { store } = await openLibrary({ dir: mkdtempSync(join(work, 'lib-')), seed: false });
    await importPaths(store, [join(DOCS, 'sources', 'tuizhi.md')]);
    const id = store.versions()[0]!.id;
    await expect(locateOcrRegions(store, id)).rejects.toThrow('的正文不是扫描件识别文本，没有扫描页可定位');
  });
});
