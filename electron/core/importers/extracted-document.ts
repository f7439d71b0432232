// What every format extractor hands to the law parser: the document as plain text in the
// "plain-text law" shape (title line first, then one line per paragraph, headings such as
// 第一章 总则 as bare lines, articles starting with 第X条 followed by a space), plus what the
// document itself states about its metadata and any warnings met while extracting.

import type { SourceFormat } from '../../shared/law-model';

export type { SourceFormat };

export interface ExtractedMeta {
  title?: string;
  issuer?: string;
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
}

/** An extraction failure with a reason the user can act on (Chinese, names no internals). */
export class ExtractError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExtractError';
  }
}
