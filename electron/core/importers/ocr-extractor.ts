// Scans → plain law text by OCR: a PDF whose pages have no text layer, image-only OFD pages, and
// photos or scans saved as .png/.jpg/.tif. Pages are rendered (or decoded), pre-processed and
// recognised off the main thread (ocr-engine.ts), then laid out like PDF text (ocr-text.ts).
// The result is marked textSource 'ocr' and carries the symbol stream for each article's suspects.

import { ExtractError, type ExtractedDocument } from './extracted-document';
import { guessMetadata } from './document-metadata';
import { recognisePages, type OcrOptions, type OcrPage, type PageImage } from './ocr-engine';
import { PageImageMaker } from './ocr-page-images';
import { layoutOcrPages } from './ocr-text';
import { pageList } from './text-layout';

function finish(pages: OcrPage[], blank: number[], format: ExtractedDocument['format'], what: string): ExtractedDocument {
  const n = pages.length;
  const laid = layoutOcrPages(pages);
  if (!laid || laid.text.replace(/\s/g, '').length < 10) {
    throw new ExtractError(blank.length === n ? `${what}是空白页，没有可识别的文字，共 ${n} 页` : `${what}中没有识别出文字（可能不是文字扫描件或过于模糊），共 ${n} 页`);
  }
  const warnings = [`文字由扫描件识别（OCR，共 ${n} 页），请对照原件核对`, ...laid.warnings];
  if (blank.length > 0 && blank.length < n) warnings.push(`${pageList(blank)}是空白页`);
  return {
    text: laid.text,
    format,
    pages: n,
    meta: guessMetadata(laid.text),
    warnings,
    textSource: 'ocr',
    ocr: { stream: laid.stream, confidence: laid.confidence, pages: n },
  };
}

/** OCR every page of a PDF that has no text layer; its pages are rendered in a worker thread. */
export async function ocrPdf(bytes: Uint8Array, opts: OcrOptions = {}): Promise<ExtractedDocument> {
  const maker = new PageImageMaker();
  try {
    const n = await maker.openPdf(bytes);
    const blank: number[] = [];
    const pages = await recognisePages(
      n,
      async (i): Promise<PageImage> => {
        const img = await maker.pdfPage(i + 1);
        if (img.blank) blank.push(i + 1);
        return img;
      },
      opts,
    );
    return finish(pages, blank.sort((a, b) => a - b), 'pdf', '扫描件');
  } finally {
    await maker.close();
  }
}

/** OCR one photo or scan (.png, .jpg, .tif), decoded in a worker thread. */
export async function extractImage(bytes: Uint8Array, fileName: string, opts: OcrOptions = {}): Promise<ExtractedDocument> {
  const maker = new PageImageMaker();
  try {
    const img = await maker.image(bytes, fileName);
    if (img.blank) throw new ExtractError('图片是空白页，没有可识别的文字');
    const pages = await recognisePages(1, async () => img, opts);
    return finish(pages, [], 'image', '图片');
  } finally {
    await maker.close();
  }
}
