// The scanned page behind an OCR text, for the 核对 view: made on demand from the original kept in
// the library (by its hash), never stored twice and never fetched from anywhere — a PDF page is
// rendered at 110 dpi in the OCR page thread, an OFD page's own picture, a photo or a page of a
// TIFF is scaled down there, all as JPEG. The renderer shows it as a data: URL (the CSP allows img-src data:, nothing
// remote). The last few pages are kept in memory so paging back and forth is instant.

import { readFileSync } from 'node:fs';
import { ExtractError } from '../importers/extracted-document';
import { imageKind } from '../importers/ocr-images';
import { textSourceOf } from '../../shared/law-model';
import { ocrPageTurn, type OcrTurnedPage } from '../../shared/ocr-page-turn';
import { LibraryError, type LibraryStore } from './library-store';

export interface ScanPage {
  page: number;
  pages: number;
  /** data:image/jpeg;base64,… */
  dataUrl: string;
  width: number;
  height: number;
}

/** Readable on screen, about 0.5 MB a page. */
export const SCAN_PREVIEW_DPI = 110;
const PHOTO_MAX_SIDE = 1800;
const CACHE = 6;
const cache = new Map<string, ScanPage>();

export async function scanPage(store: LibraryStore, versionId: string, page: number): Promise<ScanPage> {
  const meta = store.version(versionId);
  if (!meta) throw new LibraryError('NOT_FOUND', `没有找到版本 ${versionId}`);
  if (textSourceOf(meta) !== 'ocr') throw new LibraryError('INVALID', `《${meta.title}》的正文不是扫描件识别文本，没有扫描页`);
  // Only a scan has pages to show (and a thread is not started for anything else).
  if (!['pdf', 'ofd', 'image'].includes(meta.sourceFormat)) throw new LibraryError('INVALID', `《${meta.title}》的原件不是扫描件，没有扫描页`);
  const file = store.originalPath(meta);
  if (!file) throw new LibraryError('NOT_FOUND', `《${meta.title}》的原件（${meta.sourceFile}）不在文库中，无法显示扫描页`);
  return scanPageOf(() => readFileSync(file), { sha256: meta.sourceSha256, format: meta.sourceFormat, title: meta.title, ...(meta.ocrTurnedPages ? { turned: meta.ocrTurnedPages } : {}) }, page);
}

/**
 * A page of a scan (PDF, OFD or picture) as a JPEG data: URL, for any OCR'd text whose original is
 * kept — a library version's or a 送审稿's (review/draft-store.ts). `read` gives the file's bytes,
 * called only when the page is not in the cache.
 */
export async function scanPageOf(read: () => Uint8Array, scan: { sha256: string; format: string; title: string; turned?: readonly OcrTurnedPage[] }, page: number): Promise<ScanPage> {
  const meta = { sourceFormat: scan.format, title: scan.title };
  // a page turned upright before it was read is shown turned the same way: its articles' bands are on the turned page
  const turn = ocrPageTurn(scan.turned, page);
  const key = `${scan.sha256}:${page}:${turn}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const bytes = read();
  const { PageImageMaker } = await import('../importers/ocr-page-images');
  const thread = new PageImageMaker();
  try {
    let pages = 1;
    let preview;
    if (meta.sourceFormat === 'pdf') {
      pages = await thread.openPdf(bytes);
      if (page > pages) throw new LibraryError('INVALID', `原件只有 ${pages} 页`);
      preview = await thread.previewPdfPage(page, SCAN_PREVIEW_DPI, turn);
    } else if (meta.sourceFormat === 'ofd') {
      const { ofdPagePicture } = await import('../importers/ofd-text-extractor');
      const picture = ofdPagePicture(bytes, page);
      pages = picture.pages;
      preview = await thread.previewImage(picture.bytes, PHOTO_MAX_SIDE, turn);
    } else if (imageKind(bytes) === 'tiff') {
      // A scanner's TIFF: each page is cut out and decoded in the thread (ocr-tiff.ts).
      const { tiffPages, tiffSinglePage } = await import('../importers/ocr-tiff');
      const all = tiffPages(bytes);
      pages = all.length;
      if (!Number.isInteger(page) || page < 1 || page > pages) throw new LibraryError('INVALID', `原件只有 ${pages} 页`);
      preview = await thread.previewImage(tiffSinglePage(bytes, all[page - 1]!), PHOTO_MAX_SIDE, turn);
    } else {
      if (page !== 1) throw new LibraryError('INVALID', '原件只有 1 页');
      preview = await thread.previewImage(bytes, PHOTO_MAX_SIDE, turn);
    }
    const out: ScanPage = { page, pages, dataUrl: `data:${preview.mime};base64,${Buffer.from(preview.data).toString('base64')}`, width: preview.width, height: preview.height };
    cache.set(key, out);
    if (cache.size > CACHE) cache.delete(cache.keys().next().value!);
    return out;
  } catch (e) {
    if (e instanceof ExtractError) throw new LibraryError('INVALID', `《${meta.title}》的扫描页无法显示：${e.message}`);
    throw e;
  } finally {
    await thread.close();
  }
}
