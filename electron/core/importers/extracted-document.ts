// What every format extractor hands to the law parser: the document as plain text in the
// "plain-text law" shape (title line first, then one line per paragraph, headings such as
// 第一章 总则 as bare lines, articles starting with 第X条 followed by a space), plus what the
// document itself states about its metadata and any warnings met while extracting.

import type { SourceFormat, TextSource } from '../../shared/law-model';
import { DomainError, type ErrorCode } from '../../shared/errors';
import type { OcrTurnedPage } from '../../shared/ocr-page-turn';
import type { OcrDoubtfulPage } from '../../shared/ocr-page-doubt';

export type { SourceFormat, TextSource };

export interface ExtractedMeta {
  title?: string;
  issuer?: string;
  /** The issuer was read only from a 公布/发布 history line (not read before session 16: stored ids may lack it). */
  issuerFromPublication?: boolean;
  docNumber?: string;
  published?: string; // YYYY-MM-DD
  effective?: string;
}

export interface ExtractedDocument {
  text: string;
  format: SourceFormat;
  /** Text encoding detected for md/txt/html (e.g. gb18030), for the import report. */
  encoding?: string;
  pages?: number;
  meta?: ExtractedMeta;
  warnings: string[];
  /** A .txt whose text is Markdown (readsAsMarkdown): the law parser reads it as Markdown. */
  markup?: 'md';
  /** How the text was obtained; OCR text is unverified until a person confirms it. */
  textSource?: TextSource;
  /** OCR only: the recognised characters in reading order with their confidences (0–100). */
  ocr?: {
    stream: string;
    confidence: number[];
    pages: number;
    /** Each stream character's line in `lines` (−1: not OCR), and where those lines are on the scan. */
    charLine?: number[];
    lines?: { page: number; top: number; bottom: number }[];
    /** Pages read too poorly to trust as a whole (ocr-page-doubt.ts); absent when there are none. */
    doubtfulPages?: OcrDoubtfulPage[];
    /** Pages turned upright before they were read (ocr-orientation.ts); absent when there are none. */
    turnedPages?: OcrTurnedPage[];
  };
}

/** An extraction failure with a reason the user can act on (Chinese, names no internals). */
export class ExtractError extends DomainError {
  constructor(message: string, code: ErrorCode = 'INVALID') {
    super(code, message);
    this.name = 'ExtractError';
  }
}

/** What to do with a document that only OCR can read: run it, only estimate it (preview), or refuse. */
export type OcrMode = false | 'estimate' | true | import('./ocr-engine').OcrOptions;

/** A scan met with OCR in 'estimate' mode (an import preview): how many pages OCR would read. */
export class NeedsOcr extends ExtractError {
  constructor(
    readonly pages: number,
    message: string,
    /** All pages of the document (an OFD may mix text pages with scanned ones). */
    readonly totalPages = pages,
  ) {
    super(message);
    this.name = 'NeedsOcr';
  }
}

/**
 * The import report's line for a draft that still carries tracked changes (.docx, .doc, .wps): the
 * text is read as if every change were accepted, and the adviser should know the draft is not final.
 */
export function revisionsWarning(inserted: number, deleted: number): string {
  return `文档仍带有未接受的修订（插入 ${inserted} 处、删除 ${deleted} 处）：按接受全部修订后的文字导入，删除的文字未导入`;
}
