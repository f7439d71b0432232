// Shared last step of the PDF, DOCX and HTML extractors: turn the paragraphs a document yields into
// the plain-text law shape the parser reads (one line per paragraph, article lines as "第X条 正文",
// headings as bare lines, no table of contents), and map stray CJK radicals back to ideographs.

import { RADICAL_PAIRS } from './cjk-radical-map';

const NUM = '[零〇一二三四五六七八九十百千两0-9０-９]+';
const WS = '[\\s\\u3000\\u00a0]';
export const ARTICLE_START_RE = new RegExp(`^(第${NUM}条(?:之${NUM})?)${WS}+`);
export const HEADING_START_RE = new RegExp(`^(第${NUM}(?:编|分编|章|节))(?:${WS}+|$)`);
const TOC_TITLE_RE = /^目[\s\u3000]*录$/;
/** A 目录 entry: a heading name, maybe dotted leaders and a page number. */
const TOC_ENTRY_RE = new RegExp(
  `^(?:第${NUM}(?:编|分编|章|节)|附[\\s\\u3000]*则|总[\\s\\u3000]*则|分[\\s\\u3000]*则|序[\\s\\u3000]*言|附[\\s\\u3000]*[件录])`,
);
/** A (tidied) 目录 line ending in a page number; "附件1" ends in its own number, not a page's. */
const TOC_PAGE_RE = /(?:[.…·．_—\-－⋯]{2,}[.…·．_—\-－⋯\s\u3000]*[0-9０-９]+|[^0-9０-９件录\s\u3000][\s\u3000]*[0-9０-９]+)$/;
const TOC_LEADER_RE = /(?:[.…·．_—\-－⋯]{2,}|[\s\u3000])*[0-9０-９]*$/;

let radicalMap: Map<string, string> | undefined;

/** Kangxi radicals and CJK radicals supplement → the unified ideograph (⼈ → 人, ⺠ → 民). */
export function mapRadicals(text: string): string {
  if (!/[\u2e80-\u2fdf]/.test(text)) return text;
  if (!radicalMap) {
    radicalMap = new Map();
    for (const chunk of RADICAL_PAIRS) {
      const cps = [...chunk];
      for (let i = 0; i + 1 < cps.length; i += 2) radicalMap.set(cps[i]!, cps[i + 1]!);
    }
  }
  const map = radicalMap;
  return text.replace(/[\u2e80-\u2fdf]/g, (c) => map.get(c) ?? c);
}

const isWide = (c: string | undefined) => c !== undefined && c.charCodeAt(0) > 0x2e7f;

/**
 * Tidy one paragraph: trim, drop spaces between two CJK characters (PDF gaps, justified text),
 * collapse other runs to one space, and write the article/heading label with one ASCII space.
 */
export function tidyParagraph(raw: string): string {
  let text = raw.replace(/[\s\u3000\u00a0]+/g, ' ').trim();
  if (text === '') return '';
  let label = '';
  const m = ARTICLE_START_RE.exec(text) ?? HEADING_START_RE.exec(text);
  if (m) {
    label = m[1]!;
    text = text.slice(m[0].length);
  }
  text = text.replace(/ +/g, (sp, offset: number, all: string) =>
    isWide(all[offset - 1]) || isWide(all[offset + sp.length]) ? '' : ' ',
  );
  return label ? (text ? `${label} ${text}` : label) : text;
}

export interface LawTextResult {
  text: string;
  /** Index (into the input) of the 目录 title when a table of contents was removed. */
  tocAt?: number;
  tocEntries: number;
}

const squash = (s: string) => s.replace(TOC_LEADER_RE, '').replace(/[\s\u3000]+/g, '');

/**
 * Paragraphs → plain law text. A 目录 before the first article is removed with its entries (they
 * carry leaders and page numbers the parser would take for text); the body's first heading, which
 * repeats the first entry, ends it.
 */
export function toPlainLawText(paragraphs: readonly string[]): LawTextResult {
  const tidy = paragraphs.map(tidyParagraph);
  const out: string[] = [];
  let tocAt: number | undefined;
  let tocEntries = 0;
  let sawArticle = false;
  for (let i = 0; i < tidy.length; i++) {
    const p = tidy[i]!;
    if (p === '') continue;
    if (!sawArticle && tocAt === undefined && TOC_TITLE_RE.test(p)) {
      let j = i + 1;
      const seen = new Set<string>();
      let repeated = false;
      for (; j < tidy.length; j++) {
        const e = tidy[j]!;
        if (e === '') continue;
        if (!TOC_ENTRY_RE.test(e) || e.length > 60) break;
        const key = squash(e);
        if (seen.has(key)) {
          repeated = true; // the body's heading repeats an entry: the TOC is over
          break;
        }
        seen.add(key);
      }
      tocAt = i;
      if (!repeated) {
        // No heading came back: the entries were never listed apart from the body (a Word TOC
        // field already left out, a 目录 drawn as a picture), so the lines after the title are the
        // body's own headings — only those carrying a page number are TOC entries.
        const entries = tidy.slice(i + 1, j).filter((e) => e !== '');
        const paged = entries.filter((e) => TOC_PAGE_RE.test(e));
        tocEntries = paged.length;
        for (const e of entries) if (!TOC_PAGE_RE.test(e)) out.push(e);
      } else tocEntries = seen.size;
      i = j - 1;
      continue;
    }
    if (ARTICLE_START_RE.test(p)) sawArticle = true;
    out.push(p);
  }
  return { text: out.join('\n') + '\n', tocAt, tocEntries };
}
