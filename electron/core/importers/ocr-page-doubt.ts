// Which scanned pages as a whole are not to be trusted (and which of them are not in Chinese): on a page read well, tesseract is unsure of few
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

/**
 * The share of a page's recognised characters from which the page is named as not Chinese. chi_sim has
 * Latin letters and reads an English page with confidence (0.5 % under the suspect line), so the share of
 * doubtful characters misses it; the letters themselves do not: ≤ 2.2 % on every kept development page
 * (a 香港 law's English names, GB/T numbers, a)/b) items), most of the characters on every English page the
 * real recogniser read (README-importers *A page not in Chinese*). Half — "mostly" — is far from both.
 */
export const LATIN_PAGE_SHARE = 0.5;

/**
 * A page scanned below this resolution (dots per inch, the lower of its two, as its file states it: OcrPage.scanDpi) is
 * named doubtful whatever its confidences: a fax's standard mode (204 × 98) and a 100 dpi scan. Measured in
 * README-importers *Session 32 (black-and-white and low-resolution scans)*.
 */
export const LOW_SCAN_DPI = 140;

/** A Latin letter as the recogniser gives it: ASCII, full-width, or accented (French, German, Vietnamese). */
const LATIN_LETTER = /^[A-Za-z\uFF21-\uFF3A\uFF41-\uFF5A\u00C0-\u024F]$/;

/**
 * The share of the page's recognised characters (spaces aside) read under the suspect line, the share
 * that are Latin letters, and how many characters there are.
 */
export function pageDoubt(page: OcrPage): { chars: number; doubtful: number; latin: number } {
  let chars = 0;
  let low = 0;
  let latin = 0;
  for (const line of page.lines) {
    for (const s of line.symbols) {
      if (s.ch.trim() === '') continue;
      chars++;
      if (s.conf < SUSPECT_CONFIDENCE) low++;
      if (LATIN_LETTER.test(s.ch)) latin++;
    }
  }
  return { chars, doubtful: chars === 0 ? 0 : low / chars, latin: chars === 0 ? 0 : latin / chars };
}

/**
 * The pages (numbered from 1 in `pages`' order, or by `numbers`) a person should rescan or check letter by letter; `latin` on those
 * not in Chinese, `linesDown` on those whose lines run down and that no turn read well (ocr-orientation.ts: 竖排), `scanDpi`
 * on those scanned below LOW_SCAN_DPI.
 */
export function doubtfulPages(pages: readonly OcrPage[], numbers?: readonly number[]): OcrDoubtfulPage[] {
  const out: OcrDoubtfulPage[] = [];
  pages.forEach((p, i) => {
    const d = pageDoubt(p);
    if (d.chars < DOUBTFUL_PAGE_MIN_CHARS) return;
    const round = (x: number) => Math.round(x * 1000) / 1000;
    const latin = d.latin >= LATIN_PAGE_SHARE;
    const linesDown = p.linesDown === true;
    const lowDpi = p.scanDpi !== undefined && p.scanDpi < LOW_SCAN_DPI ? Math.round(p.scanDpi) : undefined;
    if (latin || linesDown || lowDpi || d.doubtful >= DOUBTFUL_PAGE_SHARE)
      out.push({ page: numbers?.[i] ?? i + 1, doubtful: round(d.doubtful), ...(latin ? { latin: round(d.latin) } : {}), ...(linesDown ? { linesDown: true } : {}), ...(lowDpi ? { scanDpi: lowDpi } : {}) });
  });
  return out;
}
