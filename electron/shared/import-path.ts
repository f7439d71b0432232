// How a file of an import is described to the person — its format and pages, the path its text
// takes and, for a scan, the OCR pages and the time they will take — the same words in the 导入
// page and in `lawdesk import`.

import { SOURCE_FORMAT_LABELS, TEXT_SOURCE_LABELS, type SourceFormat, type TextSource } from './law-model';

export interface ImportPathFacts {
  format?: SourceFormat;
  pages?: number;
  textSource?: TextSource;
  ocrPages?: number;
  ocrEstimateSeconds?: number;
}

/** 约 40 秒 / 约 3 分钟: an estimate, so whole minutes once it passes a minute and a half. */
export function formatSeconds(s: number): string {
  return s < 90 ? `${s} 秒` : `${Math.round(s / 60)} 分钟`;
}

/** PDF · 12 页 (empty when the format is unknown). */
export function formatLine(f: ImportPathFacts): string {
  return f.format ? `${SOURCE_FORMAT_LABELS[f.format]}${f.pages ? ` · ${f.pages} 页` : ''}` : '';
}

/** 文字层 / 文字识别（OCR） 12 页，约 2 分钟 (the estimate only in a preview, before the pages are read). */
export function textPathLine(f: ImportPathFacts, preview: boolean): string {
  if (!f.textSource) return '';
  const ocr = f.textSource === 'ocr';
  return `${TEXT_SOURCE_LABELS[f.textSource]}${ocr && f.ocrPages ? ` ${f.ocrPages} 页` : ''}${ocr && preview && f.ocrEstimateSeconds ? `，约 ${formatSeconds(f.ocrEstimateSeconds)}` : ''}`;
}
