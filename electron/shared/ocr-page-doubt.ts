// A scanned page read too poorly to be trusted as a whole (#14): out of focus, upside down, in another
// language (named apart: mostly Latin letters), written in columns (竖排, named apart), scanned at too low a resolution (a fax; named apart) or hand — its text comes out as characters with many highlights, and nothing else would tell
// the person to rescan it. The rule is core/importers/ocr-page-doubt.ts; this is the one shape (stored
// body, catalog, API, `lawdesk show --json`) and the one wording (import report, 核对 view).

import { z } from 'zod';
import { PAGE_LIST_MAX, pageList } from './page-list';

export const ocrDoubtfulPageSchema = z
  .object({
    /** The page of the scan, from 1. */
    page: z.number().int().positive(),
    /** The share (0–1) of the page's recognised characters that the recogniser was unsure of. */
    doubtful: z.number().min(0).max(1),
    /**
     * Set when the page's recognised text is mostly Latin letters (the share, 0–1): a page in another
     * language or turned on its side, which chi_sim reads with confidence (so `doubtful` can be low).
     * Absent on other pages and on pages stored before session 30.
     */
    latin: z.number().min(0).max(1).optional(),
    /**
     * Set when the page's text lines run down and it read well at no turn (core/importers/ocr-orientation.ts): a page
     * written in columns (竖排), which the recogniser reads across into nonsense. Absent on other pages and before session 31.
     */
    linesDown: z.literal(true).optional(),
    /**
     * Set when the page was scanned at a resolution too low to trust (dots per inch, the lower of its two: a fax's 98;
     * core/importers/ocr-page-doubt.ts LOW_SCAN_DPI), whatever its confidences: the recogniser reads such a page's
     * small strokes with confidence and still misreads them. Absent on other pages and before session 32.
     */
    scanDpi: z.number().int().positive().optional(),
  })
  .strict();
export type OcrDoubtfulPage = z.infer<typeof ocrDoubtfulPageSchema>;

const percent = (d: OcrDoubtfulPage) => `${Math.round(d.doubtful * 100)}%`;
const ADVICE = '建议重新扫描或对照原件逐字核对';

const NOT_CHINESE = '主要不是中文（可能为外文或方向错误），识别结果不可靠';

const LINES_DOWN = '文字为竖排或方向无法判断，识别结果不可靠，请对照原件逐字核对';

/** A scan's resolution as the person knows it from the scanner's settings: to the nearest 10 dpi (a fax's 98 → 100). */
const dpiWords = (dpi: number) => `约 ${Math.max(10, Math.round(dpi / 10) * 10)} dpi`;
const LOW_DPI_ADVICE = '识别结果可能不准，请对照原件核对';

/** Why a page is doubtful, in a few words (the 核对 view's tag beside the count of articles to check). */
export function ocrPageDoubtReason(d: OcrDoubtfulPage): string {
  return d.linesDown ? '文字竖排或方向不明' : d.latin !== undefined ? '主要不是中文' : d.scanDpi !== undefined ? '分辨率过低' : '识别可信度低';
}

/** The 核对 view's tag: the doubtful pages grouped by why (`第 2 页主要不是中文；第 3、5 页识别可信度低`), undefined when none. */
export function ocrPagesDoubtTag(all: readonly OcrDoubtfulPage[]): string | undefined {
  const reasons = [...new Set(all.map(ocrPageDoubtReason))];
  return reasons.length ? reasons.map((r) => `${ocrDoubtfulPageList(all.filter((d) => ocrPageDoubtReason(d) === r))}${r}`).join('；') : undefined;
}

/** The warning for one page (核对 view, beside the page). */
export function ocrPageDoubtMessage(d: OcrDoubtfulPage): string {
  if (d.linesDown) return `第 ${d.page} 页${LINES_DOWN}`;
  if (d.latin !== undefined) return `第 ${d.page} 页${NOT_CHINESE}`;
  if (d.scanDpi !== undefined) return `第 ${d.page} 页分辨率过低（${dpiWords(d.scanDpi)}），${LOW_DPI_ADVICE}`;
  return `第 ${d.page} 页识别可信度低（约 ${percent(d)} 的字符待核对），${ADVICE}`;
}

/** The pages named as every page message names them (pageList: a long list is shortened). */
export function ocrDoubtfulPageList(pages: readonly OcrDoubtfulPage[]): string {
  return pageList(pages.map((d) => d.page));
}

/**
 * The warning for a document's doubtful pages (import report, workbench), undefined when there are none:
 * the pages not in Chinese, then the pages read with low confidence — each page's share while the pages
 * are listed one by one; past that, the range of them.
 */
export function ocrPagesDoubtMessage(all: readonly OcrDoubtfulPage[]): string | undefined {
  // pages not in Chinese are named apart: rescanning them does not help, and their share under the line says little
  const down = all.filter((d) => d.linesDown);
  const latin = all.filter((d) => !d.linesDown && d.latin !== undefined);
  const lowDpi = all.filter((d) => !d.linesDown && d.latin === undefined && d.scanDpi !== undefined);
  const pages = all.filter((d) => !d.linesDown && d.latin === undefined && d.scanDpi === undefined);
  const named = (some: OcrDoubtfulPage[], what: string) => (some.length === 0 ? undefined : some.length === 1 ? ocrPageDoubtMessage(some[0]!) : `${ocrDoubtfulPageList(some)}${what}`);
  const parts = [named(down, LINES_DOWN), named(latin, NOT_CHINESE), named(lowDpi, `分辨率过低（${dpiRange(lowDpi)}），${LOW_DPI_ADVICE}`), lowConfidenceMessage(pages)].filter((p): p is string => p !== undefined);
  return parts.length ? parts.join('；') : undefined;
}

/** The resolutions of several pages scanned too coarsely: `约 100 dpi`, or `约 100–120 dpi`. */
function dpiRange(pages: readonly OcrDoubtfulPage[]): string {
  const dpis = pages.map((d) => d.scanDpi ?? 0);
  const [lo, hi] = [dpiWords(Math.min(...dpis)), dpiWords(Math.max(...dpis))];
  return lo === hi ? lo : `${lo.replace(' dpi', '')}–${hi.replace('约 ', '')}`;
}

function lowConfidenceMessage(pages: readonly OcrDoubtfulPage[]): string | undefined {
  if (pages.length === 0) return undefined;
  if (pages.length === 1) return ocrPageDoubtMessage(pages[0]!);
  const shares = pages.map((d) => d.doubtful);
  const lo = Math.min(...shares);
  const hi = Math.max(...shares);
  const each =
    pages.length > PAGE_LIST_MAX
      ? `约 ${Math.round(lo * 100)}%${Math.round(hi * 100) > Math.round(lo * 100) ? `–${Math.round(hi * 100)}%` : ''}`
      : `分别约 ${pages.map(percent).join('、')}`;
  return `${ocrDoubtfulPageList(pages)}识别可信度低（${each} 的字符待核对），${ADVICE}`;
}
