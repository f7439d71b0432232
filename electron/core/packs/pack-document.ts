// The neutral document a pack resolves into: cover, sections with headings, citations, article
// text, paragraphs, notes and tables. The DOCX, HTML and PDF renderers all work from this one
// model, so the three formats always carry the same text. Pure data: no node:, DOM or electron.

import type { Cover, PackTemplate } from './pack-model';

export type DocBlock =
  /** A heading inside a section (章/节 of a law, part of a review). Level 2 appears in the TOC. */
  | { kind: 'subheading'; level: 2 | 3; text: string; id: string }
  /** 《中华人民共和国行政许可法》（2019年修正）第十二条 — precedes the article it names. */
  | { kind: 'citation'; text: string }
  /** An article: its label (第十二条) and its lines (款 and 项, as in the law). */
  | { kind: 'article'; label: string; lines: string[] }
  /** flush: 顶格, no two-character indent — the 主送机关 of an official document (GB/T 9704-2012 7.3.2). */
  | { kind: 'paragraph'; text: string; flush?: boolean }
  /** "承办单位：科技局" — a label in bold, then the value. */
  | { kind: 'field'; label: string; text: string }
  /** A visible remark: warn = something the reader must know (changed or missing law). */
  | { kind: 'note'; tone: 'warn' | 'info'; text: string }
  /**
   * widths: relative column widths (e.g. [1, 4, 3, 4]); equal when absent. A cell's \n starts a new
   * line. align: per column (default centred). compact: cells in 小四 (12 pt) instead of 四号, for a
   * register of many columns.
   */
  | { kind: 'table'; head: string[]; rows: string[][]; widths?: number[]; align?: ('left' | 'center')[]; compact?: boolean }
  /** Right-aligned lines at the end of an official document: the issuing office and the date. */
  | { kind: 'signature'; lines: string[] };

export interface DocSection {
  id: string; // anchor / bookmark name: s1, s2 …
  /** Numbered heading (一、…), '' for a section that continues without one. */
  heading: string;
  blocks: DocBlock[];
  /** The pack item(s) this section came from. */
  itemIds: string[];
  /**
   * Laid out on A4 landscape pages (横向, official layout only), from a new page: for a table too wide
   * for the 156 mm line. The text block turns with the paper (225 × 156 mm), so the pages bind with
   * the rest; the page numbers go on as on the portrait pages.
   */
  landscape?: boolean;
}

/**
 * An official document (公文, e.g. a 合法性审查意见书) instead of a pack: no cover and no TOC; the
 * document number (高科审〔2026〕3号) above the title; sections whose heading starts with 附件
 * begin on a new page.
 */
export interface OfficialLayout {
  number?: string;
}

export interface PackDocument {
  /** Set for an official document (see OfficialLayout); packs leave it out. */
  official?: OfficialLayout;
  title: string;
  template: PackTemplate;
  cover: Cover;
  asOf: string;
  sections: DocSection[];
  /** Problems shown in the document as notes, repeated here for the caller (CLI, app). */
  warnings: string[];
  articleCount: number;
  /**
   * 'official': a document the office signs (年度报告, 审查意见书) — title on the first page, no
   * cover and no table of contents, a signature block (落款) at the end. Default: a pack.
   */
  layout?: 'pack' | 'official';
  /**
   * 落款 (official layout): the issuing unit, any further lines (法律顾问：李明) and the date, placed
   * after the text and the 附件说明 by official-layout.ts.
   */
  signature?: { unit: string; date: string; lines?: string[] };
  /**
   * 版记 (official layout, GB/T 9704 7.4): the 抄送机关 and the 印发机关 with the 印发日期 (2021年2月20日)
   * between a thick rule above and one on the text block's bottom edge, at the foot of the last
   * page, after any 附件. Left out when absent.
   */
  imprint?: { copyTo: string[]; printedBy: string; date: string };
}

/** Entries of the table of contents: section headings (level 1) and level-2 subheadings. */
export function tocEntries(doc: PackDocument): { id: string; text: string; level: 1 | 2 }[] {
  const out: { id: string; text: string; level: 1 | 2 }[] = [];
  for (const s of doc.sections) {
    if (s.heading) out.push({ id: s.id, text: s.heading, level: 1 });
    for (const b of s.blocks) if (b.kind === 'subheading' && b.level === 2) out.push({ id: b.id, text: b.text, level: 2 });
  }
  return out;
}

/** Every text a reader should find in any rendering, in order (tests and checks use it). */
export function articleTexts(doc: PackDocument): { citation?: string; label: string; text: string }[] {
  const out: { citation?: string; label: string; text: string }[] = [];
  for (const s of doc.sections) {
    let citation: string | undefined;
    for (const b of s.blocks) {
      if (b.kind === 'citation') citation = b.text;
      if (b.kind === 'article') {
        out.push({ ...(citation ? { citation } : {}), label: b.label, text: b.lines.join('\n') });
        citation = undefined;
      }
    }
  }
  return out;
}
