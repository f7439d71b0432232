// Which scanned pages as a whole are not to be trusted: on a page read well, tesseract is unsure of few
// characters (≤ 1.6 % under the suspect line on every kept development page, README-importers *A page
// read too poorly to trust*); on a page out of focus, upside down or in another language it is unsure
// of a large share of what it reads, and the text still comes out as characters. Read from the
// recogniser's own confidences, page by page, before any post-correction.

import type { OcrDoubtfulPage } from '../../shared/ocr-page-doubt';
import type { OcrPage } from './ocr-engine';
import { SUSPECT_CONFIDENCE } from './ocr-text';

/** The share of a page's characters under the suspect line from which the page is doubtful. */
export const DOUBTFUL_PAGE_SHARE = 0.05;
/** Fewer characters than this say nothing about a page (a page number, a signature line). */
export const DOUBTFUL_PAGE_MIN_CHARS = 20;

/** The share of the page's recognised characters (spaces aside) read under the suspect line, and how many there are. */
export function pageDoubt(page: OcrPage): { chars: number; doubtful: number } {
  let chars = 0;
  let low = 0;
  for (const line of page.lines) {
    for (const s of line.symbols) {
      if (s.ch.trim() === '') continue;
      chars++;
      if (s.conf < SUSPECT_CONFIDENCE) low++;
    }
  }
  return { chars, doubtful: chars === 0 ? 0 : low / chars };
}

/** The pages (numbered from 1 in `pages`' order, or by `numbers`) a person should rescan or check letter by letter. */
export function doubtfulPages(pages: readonly OcrPage[], numbers?: readonly number[]): OcrDoubtfulPage[] {
  const out: OcrDoubtfulPage[] = [];
  pages.forEach((p, i) => {
    const d = pageDoubt(p);
    if (d.chars >= DOUBTFUL_PAGE_MIN_CHARS && d.doubtful >= DOUBTFUL_PAGE_SHARE) out.push({ page: numbers?.[i] ?? i + 1, doubtful: Math.round(d.doubtful * 1000) / 1000 });
  });
  return out;
}
