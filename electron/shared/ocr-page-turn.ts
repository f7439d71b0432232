// A scanned page that arrived turned (a photo taken sideways, a sheet fed upside down) and was turned
// upright before it was read (core/importers/ocr-orientation.ts): the one shape (stored body, catalog,
// API, bundles, 送审稿) and the one wording (import report, 核对 view).

import { z } from 'zod';
import { pageList } from './page-list';

export const OCR_TURN_DEGREES = [90, 180, 270] as const;

export const ocrTurnedPageSchema = z
  .object({
    /** The page of the scan, from 1. */
    page: z.number().int().positive(),
    /** Degrees clockwise the page was turned to stand upright; the 核对 view turns its picture the same way. */
    degrees: z.union([z.literal(90), z.literal(180), z.literal(270)]),
  })
  .strict();
export type OcrTurnedPage = z.infer<typeof ocrTurnedPageSchema>;

/** `第 2 页已自动旋转 90°`, one clause per angle (`第 1、3 页已自动旋转 90°；第 2 页已自动旋转 180°`); undefined when none. */
export function ocrTurnedPagesMessage(turned: readonly OcrTurnedPage[]): string | undefined {
  const parts = OCR_TURN_DEGREES.map((deg) => turned.filter((t) => t.degrees === deg).map((t) => t.page))
    .map((pages, i) => (pages.length ? `${pageList(pages)}已自动旋转 ${OCR_TURN_DEGREES[i]}°` : ''))
    .filter(Boolean);
  return parts.length ? `${parts.join('；')}（原件方向不正，已按文字方向转正后识别）` : undefined;
}

/** The turn of one page, 0 when it was read as it came. */
export function ocrPageTurn(turned: readonly OcrTurnedPage[] | undefined, page: number): 0 | 90 | 180 | 270 {
  return turned?.find((t) => t.page === page)?.degrees ?? 0;
}
