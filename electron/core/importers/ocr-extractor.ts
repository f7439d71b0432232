// Scans → plain law text by OCR: a PDF whose pages have no text layer, image-only OFD pages, and
// photos or scans saved as .png/.jpg/.tif. Pages are rendered (or decoded), pre-processed and
// recognised off the main thread (ocr-engine.ts), then laid out like PDF text (ocr-text.ts).
// The result is marked textSource 'ocr' and carries the symbol stream for each article's suspects.

import { ExtractError, type ExtractedDocument } from './extracted-document';
import { guessMetadata } from './document-metadata';
import { recognisePages, type OcrOptions, type OcrPage } from './ocr-engine';
import { borrowThread, returnThread, type PageImageMaker } from './ocr-page-images';
import { layoutOcrPages } from './ocr-text';
import { imageKind } from './ocr-images';
import { tiffPages, tiffSinglePage } from './ocr-tiff';
import { pageList } from '../../shared/page-list';
import { doubtfulPages } from './ocr-page-doubt';
import { ocrPagesDoubtMessage } from '../../shared/ocr-page-doubt';
import { ocrTurnedPagesMessage } from '../../shared/ocr-page-turn';
import { turnedPages } from './ocr-orientation';

function finish(pages: OcrPage[], blank: number[], format: ExtractedDocument['format'], what: string): ExtractedDocument {
  const n = pages.length;
  const laid = layoutOcrPages(pages);
  if (!laid || laid.text.replace(/\s/g, '').length < 10) {
    throw new ExtractError(blank.length === n ? `${what}是空白页，没有可识别的文字，共 ${n} 页` : `${what}中没有识别出文字（可能不是文字扫描件或过于模糊），共 ${n} 页`);
  }
  const warnings = [`文字由扫描件识别（OCR，共 ${n} 页），请对照原件核对`, ...laid.warnings];
  if (blank.length > 0 && blank.length < n) warnings.push(`${pageList(blank)}是空白页`);
  // A page read too poorly to trust as a whole (out of focus, another language, a turned page no turn read well): said
  // once for the page, beside the highlights each of its characters gets.
  const turned = turnedPages(pages);
  const turnedMessage = ocrTurnedPagesMessage(turned);
  if (turnedMessage) warnings.push(turnedMessage);
  const doubtful = doubtfulPages(pages);
  const doubt = ocrPagesDoubtMessage(doubtful);
  if (doubt) warnings.push(doubt);
  return {
    text: laid.text,
    format,
    pages: n,
    meta: guessMetadata(laid.text),
    warnings,
    textSource: 'ocr',
    ocr: { stream: laid.stream, confidence: laid.confidence, pages: n, charLine: laid.charLine, lines: laid.lines, ...(doubtful.length ? { doubtfulPages: doubtful } : {}), ...(turned.length ? { turnedPages: turned } : {}) },
  };
}

/**
 * OCR every page of a PDF that has no text layer; its pages are rendered in the OCR threads.
 * `opened`: the thread that read the text layer (pdf-text-extractor.ts) with the document still
 * open there — it becomes the first OCR thread (and is closed with them).
 */
export async function ocrPdf(bytes: Uint8Array, opts: OcrOptions = {}, opened?: { thread: PageImageMaker; pages: number }): Promise<ExtractedDocument> {
  // The first thread opens the PDF for the page count; each further one opens its own copy.
  const first = opened?.thread ?? borrowThread();
  let count: number;
  try {
    count = opened?.pages ?? (await first.openPdf(bytes));
  } catch (e) {
    await first.close();
    throw e;
  }
  const blank: number[] = [];
  const pages = await recognisePages(
    count,
    async (i, thread) => {
      const r = await thread.recognisePdfPage(i + 1);
      if (r.blank) blank.push(i + 1);
      return r;
    },
    { ...opts, first, prepare: (thread) => thread.openPdf(bytes) },
  );
  return finish(pages, blank.sort((a, b) => a - b), 'pdf', '扫描件');
}

/**
 * OCR every page of a TIFF (a scanner's one file a document): the pages are found and checked from
 * the file's directories first (a truncated, oversized or undecodable page is refused before
 * tesseract starts), then each goes to an OCR thread as a TIFF of its own holding only that page,
 * where it is decoded and pre-processed like any photo (ocr-tiff.ts), with per-page progress.
 */
async function extractTiff(bytes: Uint8Array, fileName: string, opts: OcrOptions): Promise<ExtractedDocument> {
  const pages = tiffPages(bytes);
  const blank: number[] = [];
  const read = await recognisePages(
    pages.length,
    async (i, thread) => {
      const r = await thread.recogniseImage(tiffSinglePage(bytes, pages[i]!), fileName);
      if (r.blank) blank.push(i + 1);
      return r;
    },
    opts,
  );
  return finish(read, blank.sort((a, b) => a - b), 'image', pages.length === 1 ? '图片' : 'TIFF 扫描件');
}

/** OCR one photo or scan (.png, .jpg, .tif), decoded and recognised in an OCR thread. */
export async function extractImage(bytes: Uint8Array, fileName: string, opts: OcrOptions = {}): Promise<ExtractedDocument> {
  if (imageKind(bytes) === 'tiff') return extractTiff(bytes, fileName, opts);
  const first = borrowThread();
  let img: Awaited<ReturnType<PageImageMaker['image']>>;
  try {
    img = await first.image(bytes, fileName);
    // A blank image is refused before tesseract is started.
    if (img.blank) throw new ExtractError('图片是空白页，没有可识别的文字');
  } catch (e) {
    // A bad or blank picture leaves the thread as it was: it (and its tesseract) serves the next file.
    await (e instanceof ExtractError ? returnThread(first) : first.close());
    throw e;
  }
  const pages = await recognisePages(1, (_i, thread) => thread.recogniseDecoded(img), { ...opts, first });
  return finish(pages, [], 'image', '图片');
}
