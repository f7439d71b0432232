// The law model shared by every face of LawDesk: a Law (the work) has LawVersions, each with its
// units (条 articles, or numbered sections for documents without 第X条, plus 序言 and 附件).
// Pure types and tiny helpers only: no node:, DOM or electron imports.

import type { LibraryMatch } from './scan-match';
import type { OcrDoubtfulPage } from './ocr-page-doubt';
import type { OcrTurnedPage } from './ocr-page-turn';

/** 效力级别 — the rank of a legal document. */
export const LEVELS = [
  '宪法',
  '法律',
  '行政法规',
  '监察法规',
  '司法解释',
  '部门规章',
  '地方性法规',
  '地方政府规章',
  '规范性文件',
  '其他',
] as const;
export type Level = (typeof LEVELS)[number];

/**
 * 时效性 — whether a version is in force. 草案 is a drafted text (送审稿, 征求意见稿, 草案, 讨论稿) kept in
 * the library: never in force, so never 现行有效, never the version in force on a date, never a basis.
 * A value of its own rather than a flag beside the status: every reader that asks "in force?" already
 * reads `status` (facets, filters, 只看现行有效, exports, `lawdesk show --json`), and a draft that some
 * reader forgot to check a flag for would pass as 现行有效.
 */
export const STATUSES = ['现行有效', '已修改', '已废止', '部分失效', '尚未生效', '草案'] as const;
export type Status = (typeof STATUSES)[number];

/** The 时效性 of a drafted text (see STATUSES). */
export const DRAFT_STATUS = '草案' satisfies Status;

/** What a dated line of a law's header records. */
export const HISTORY_KINDS = ['通过', '公布', '修正', '修订', '施行', '其他'] as const;

/** A dated event from a law's header, e.g. "2019年4月23日 …修正". */
export interface HistoryEvent {
  date: string; // YYYY-MM-DD
  text: string; // the line as written, without the date
  kind: (typeof HISTORY_KINDS)[number];
}

/** 项: an item "（一）…" inside a paragraph. Kept as written, including its "（一）" marker. */
export type Item = string;

/** 款: one paragraph of an article. `text` is the paragraph's own line(s); items follow it. */
export interface Paragraph {
  text: string;
  items: Item[];
}

/** A band of a scanned page: its page number (1-based) and top/bottom as fractions (0–1) of the page's height. */
export interface OcrRegion {
  page: number;
  top: number;
  bottom: number;
}

export type UnitKind = 'article' | 'section' | 'preamble' | 'appendix';

/**
 * One addressable unit of a version. For kind 'article', `number`+`suffix` is 第number条之suffix
 * (suffix 0 = none). Sections (一、二、…) number from 1, appendices too; the preamble is 0.
 */
export interface Article {
  key: string; // stable within a version: "12", "12-1", "s3", "preamble", "appendix1"
  kind: UnitKind;
  number: number;
  suffix: number;
  label: string; // as written: 第十二条之一, 一、, 序言, 附件1
  path: string[]; // heading path 编/章/节, e.g. ["第一章 总则", "第二节 …"]
  paragraphs: Paragraph[];
  text: string; // full text without the label; paragraphs and items joined by "\n"
  /** OCR versions only: offsets in `text` of low-confidence characters (to check against the scan). */
  suspects?: number[];
  /** OCR versions only: a person has checked this article against the scan (逐条核对). */
  ocrChecked?: boolean;
  /** OCR versions only: where the article was read on the scan (page 1-based, top/bottom as fractions of the page height). */
  ocrRegions?: OcrRegion[];
  /** OCR versions only: the label as OCR read it, when a person corrected a misread 第X条 number (who, when). */
  ocrLabel?: { read: string; by: string; at: string };
}

/** The 分类 facet value of a version without a category. */
export const UNCATEGORISED = '未分类';

/** The file formats a version can be imported from (.wps is Kingsoft WPS 文字 in the Word 97 format). */
export const SOURCE_FORMATS = ['md', 'txt', 'pdf', 'docx', 'html', 'doc', 'wps', 'ofd', 'image'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/**
 * Where a version's text came from: the file's own text (Markdown/TXT, HTML, DOCX, a .doc/.wps
 * body), a PDF's text layer, an OFD's text objects — or OCR of a scan, which is unverified
 * (识别文本（待核对）) until a person confirms it.
 */
export const TEXT_SOURCES = ['plain', 'html', 'docx', 'doc', 'text-layer', 'ofd', 'ocr'] as const;
export type TextSource = (typeof TEXT_SOURCES)[number];

/** How a format and a text source are named to the user (import preview and report). */
export const SOURCE_FORMAT_LABELS: Record<SourceFormat, string> = {
  md: 'Markdown',
  txt: 'TXT',
  pdf: 'PDF',
  docx: 'DOCX',
  html: 'HTML',
  doc: 'DOC',
  wps: 'WPS',
  ofd: 'OFD',
  image: '图片',
};
export const TEXT_SOURCE_LABELS: Record<TextSource, string> = {
  plain: '文本',
  html: '网页正文',
  docx: 'Word 正文',
  doc: 'Word 正文',
  'text-layer': '文字层',
  ofd: 'OFD 文字',
  ocr: '文字识别（OCR）',
};

/** The mark shown wherever an unverified OCR text appears (reader, search hits, packs, citations). */
export const OCR_UNVERIFIED_LABEL = '识别文本（待核对）';

/** Beside a citation or a pack item taken from an article nobody has checked against its scan yet. */
export const OCR_PENDING_NOTE = '（识别文本，待核对）';

/** True for an article of an OCR text that a person has not checked yet (neither it nor the whole version). */
export function articleNeedsCheck(v: { textSource?: TextSource; sourceFormat: SourceFormat | (string & {}); verified?: boolean }, u: { ocrChecked?: boolean }): boolean {
  return isUnverifiedOcr(v) && u.ocrChecked !== true;
}

/** The text source of a version stored before textSource existed: implied by its file format. */
export function textSourceOf(v: { textSource?: TextSource; sourceFormat: SourceFormat | (string & {}) }): TextSource {
  if (v.textSource) return v.textSource;
  switch (v.sourceFormat) {
    case 'pdf':
      return 'text-layer';
    case 'ofd':
      return 'ofd';
    case 'doc':
    case 'wps':
      return 'doc';
    case 'docx':
      return 'docx';
    case 'html':
      return 'html';
    case 'image':
      return 'ocr';
    default:
      return 'plain';
  }
}

/** True for an OCR text nobody has confirmed yet. */
export function isUnverifiedOcr(v: { textSource?: TextSource; sourceFormat: SourceFormat | (string & {}); verified?: boolean }): boolean {
  return textSourceOf(v) === 'ocr' && v.verified !== true;
}

/** Metadata of one version, as stored in the catalog (no article bodies). */
export interface LawVersionMeta {
  id: string; // `${lawId}@${date or hash}`
  lawId: string;
  title: string; // full title as in the document
  subtitle?: string;
  published?: string; // 公布日期 YYYY-MM-DD
  effective?: string; // 施行日期
  issuer?: string; // 制定机关
  docNumber?: string; // 文号
  level: Level;
  region: string; // 全国, 山东, 山东·淄博 …
  /** 分类: the branch of law or collection (行政法, 经济法 …), from a manifest; absent when unknown. */
  category?: string;
  status: Status; // derived (or overridden) 时效性
  statusOverride?: { status: Status; basis: string };
  expired?: boolean; // marked repealed by a manifest or the user
  /** A drafted text (its title or the mark under it says 征求意见稿, 送审稿 …): 时效性 草案 unless overridden. */
  draft?: boolean;
  history: HistoryEvent[];
  sourceFile: string; // file name as imported
  sourceSha256: string; // of the original bytes
  sourceFormat: SourceFormat;
  /** How the text was obtained (absent in libraries written before it existed: see textSourceOf). */
  textSource?: TextSource;
  /** OCR text only: false until a person confirms it against the original. */
  verified?: boolean;
  /** Who confirmed an OCR text, and when (ISO timestamp). */
  verifiedBy?: string;
  verifiedAt?: string;
  /** OCR text only: the scan is a law already in the library (scan-match.ts), and what a person chose. */
  libraryMatch?: LibraryMatch;
  /** OCR text only: pages read too poorly to trust as a whole (core/importers/ocr-page-doubt.ts); absent when none. */
  ocrDoubtfulPages?: OcrDoubtfulPage[];
  /** OCR text only: pages turned upright before they were read (core/importers/ocr-orientation.ts); absent when none. */
  ocrTurnedPages?: OcrTurnedPage[];
  articleCount: number; // units of kind 'article'
  unitCount: number;
  charCount: number;
  importedAt: string; // ISO timestamp
  file: string; // content-addressed body file in the library
}

/** A version with its units: what the parser produces and the body file stores. */
export interface LawVersion extends LawVersionMeta {
  units: Article[];
}

/** The work, grouping its versions. Derived from the versions' titles and regions. */
export interface Law {
  id: string;
  title: string; // full title of the newest version
  shortTitle: string; // without 中华人民共和国
  subtitle?: string; // the part, for codes split into files (民法典 总则)
  level: Level;
  region: string;
  versionIds: string[]; // oldest first (by published/effective date)
}

const PRC = '中华人民共和国';

/**
 * A region in a narrow column: its finest part (山东·淄博·高青县 → 高青县, 山东·淄博 → 淄博, 山东, 全国);
 * the whole region goes in the tooltip.
 */
export function regionTail(region: string): string {
  return region.split('·').at(-1) || region;
}

/** 中华人民共和国行政许可法 → 行政许可法. */
export function shortTitleOf(title: string): string {
  const t = title.trim();
  return t.startsWith(PRC) && t.length > PRC.length ? t.slice(PRC.length) : t;
}

/**
 * A national law written short (立法法, 民法典, as review rules and people write them) → its formal title
 * 中华人民共和国立法法, for a document that names a law the library does not hold (the 意见书 names every other
 * law by its full title). Only a name ending in 法 or 法典 and not in 办法: only the national legislature makes
 * 法 (a province's or a city's acts are 条例, 办法, 规定); 反分裂国家法 is the one national law titled without the
 * country's name. Anything else is returned as written.
 */
export function formalTitleOf(name: string): string {
  const t = name.trim();
  if (t.startsWith(PRC) || t === '反分裂国家法' || !/^\p{Script=Han}+(?<!办)法典?$/u.test(t)) return t;
  return PRC + t;
}

/** 行政许可法, or 民法典·总则 for a part of a code. */
export function displayTitle(v: { title: string; subtitle?: string }): string {
  const short = shortTitleOf(v.title);
  return v.subtitle ? `${short}·${v.subtitle}` : short;
}

/** The date that orders versions: 公布日期, else 施行日期, else ''. */
export function versionDate(v: Pick<LawVersionMeta, 'published' | 'effective'>): string {
  return v.published || v.effective || '';
}

/** Unit key for 第number条之suffix. */
export function articleKey(number: number, suffix = 0): string {
  return suffix ? `${number}-${suffix}` : String(number);
}

/** Whether a region lies within an area (山东·淄博 within 山东; 全国 only within 全国). */
export function regionWithin(region: string, area: string): boolean {
  return region === area || region.startsWith(area + '·');
}

/**
 * Whether a law or document made for `region` binds an office in `officeRegion` (both in the library's
 * notation, the office's as officeRegionIn reads 单位信息) — the one rule for "which local laws apply to
 * this office": the 上位法 panel, the findings' bases, the 意见书's local bases and the starter set all ask
 * it. National ones (全国, or no region) bind every office; a local one an office lying in its place
 * (山东·淄博·高青县 is bound by 山东 and 山东·淄博, not by 山东·德州 nor by a county inside a province
 * office's area); an office whose place is unknown ('') by national ones only — it may be in 广东.
 */
export function bindsOffice(region: string | undefined, officeRegion: string | undefined): boolean {
  const r = region?.trim() ?? '';
  if (!r || r === '全国') return true;
  const office = officeRegion?.trim() ?? '';
  return !!office && office !== '全国' && regionWithin(office, r);
}

/**
 * The order in which the office sees laws of other places: 0 for a region the office lies in or
 * that lies in the office's (山东 and 山东·淄博·高青县 for an office in 山东·淄博·高青县), 1 for
 * 全国, 2 for the rest.
 */
export function regionRank(region: string, officeRegion: string): 0 | 1 | 2 {
  if (officeRegion && (regionWithin(region, officeRegion) || regionWithin(officeRegion, region))) return 0;
  return region === '全国' ? 1 : 2;
}
