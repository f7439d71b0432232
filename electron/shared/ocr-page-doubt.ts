// A scanned page read too poorly to be trusted as a whole (#14): out of focus, upside down, in another
// language or hand — its text comes out as characters with many highlights, and nothing else would tell
// the person to rescan it. The rule is core/importers/ocr-page-doubt.ts; this is the one shape (stored
// body, catalog, API, `lawdesk show --json`) and the one wording (import report, 核对 view).

import { z } from 'zod';

export const ocrDoubtfulPageSchema = z
  .object({
    /** The page of the scan, from 1. */
    page: z.number().int().positive(),
    /** The share (0–1) of the page's recognised characters that the recogniser was unsure of. */
    doubtful: z.number().min(0).max(1),
  })
  .strict();
export type OcrDoubtfulPage = z.infer<typeof ocrDoubtfulPageSchema>;

const percent = (d: OcrDoubtfulPage) => `${Math.round(d.doubtful * 100)}%`;
const ADVICE = '建议重新扫描或对照原件逐字核对';

/** The warning for one page (核对 view, beside the page). */
export function ocrPageDoubtMessage(d: OcrDoubtfulPage): string {
  return `第 ${d.page} 页识别可信度低（约 ${percent(d)} 的字符待核对），${ADVICE}`;
}

/** The warning for a document's doubtful pages (import report), undefined when there are none. */
export function ocrPagesDoubtMessage(pages: readonly OcrDoubtfulPage[]): string | undefined {
  if (pages.length === 0) return undefined;
  if (pages.length === 1) return ocrPageDoubtMessage(pages[0]!);
  return `第 ${pages.map((d) => d.page).join('、')} 页识别可信度低（分别约 ${pages.map(percent).join('、')} 的字符待核对），${ADVICE}`;
}
