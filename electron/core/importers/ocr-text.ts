// OCR output → plain law text. Tesseract's lines are post-corrected character by character (so
// each character keeps its confidence), placed on the page in points and handed to the same layout
// step as PDF text (text-layout.ts). The corrected characters, in reading order, with their
// confidences, are kept as the "symbol stream" from which each article's suspects (offsets of
// low-confidence characters in its text) are found once the parser has cut the text into articles.

import type { OcrPage, OcrSymbol } from './ocr-engine';
import { buildLines, layoutPages, type PositionedText, type TextLine } from './text-layout';

const isCjk = (c: string | undefined) => c !== undefined && /[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(c);

/** Half-width punctuation that Chinese text writes full-width, when it touches a CJK character. */
const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' };
/** Glyphs tesseract reads for others: （一） comes back as 〈一), 「 as [ … */
const CONFUSIONS: Record<string, string> = { '〈': '（', '〉': '）', '＜': '（', '＞': '）' };
/** Characters whose width (full/half) a scan cannot show reliably: always suspects. */
export const AMBIGUOUS = new Set(['(', ')', '（', '）', '“', '”', '"', '‘', '’', "'", '·', '.', '．', '-', '—']);
/** Below this confidence a character is a suspect. */
export const SUSPECT_CONFIDENCE = 92;

/** Post-correct one OCR line in place of its symbols. */
export function correctLine(symbols: OcrSymbol[]): OcrSymbol[] {
  const s = symbols.map((x) => ({ ...x }));
  const prevNonSpace = (i: number) => {
    for (let k = i - 1; k >= 0; k--) if (s[k]!.ch !== ' ') return s[k]!.ch;
    return undefined;
  };
  const nextNonSpace = (i: number) => {
    for (let k = i + 1; k < s.length; k++) if (s[k]!.ch !== ' ') return s[k]!.ch;
    return undefined;
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!.ch;
    if (CONFUSIONS[c]) s[i]!.ch = CONFUSIONS[c]!;
    else if (FULL_WIDTH[c] && (isCjk(prevNonSpace(i)) || isCjk(nextNonSpace(i)))) s[i]!.ch = FULL_WIDTH[c]!;
    else if (c === '_' && isCjk(prevNonSpace(i)) && isCjk(nextNonSpace(i))) s[i]!.ch = ' ';
  }
  // A full-width space (after 第X条, inside 目　录, 总　则) is read as an opening quote that is
  // never closed on the line: drop it.
  for (let i = s.length - 1; i >= 0; i--) {
    if (s[i]!.ch !== '“') continue;
    const before = s.slice(0, i).map((x) => x.ch).join('');
    const afterSpace = i === 0 || s[i - 1]!.ch === ' ' || /^第[零〇一二三四五六七八九十百千]+[条章节]$/.test(before.trim());
    const closed = s.slice(i + 1).some((x) => x.ch === '”');
    if (afterSpace && !closed) {
      // It stood for a space: keep one, so 第六条“律师 becomes 第六条 律师.
      if (i > 0 && s[i - 1]!.ch !== ' ') s.splice(i, 1, { ch: ' ', conf: 100 });
      else s.splice(i, 1);
    }
  }
  // Brackets pair by width: （一) → （一）.
  let open: string | undefined;
  for (const x of s) {
    if (x.ch === '（' || x.ch === '(') open = x.ch;
    else if ((x.ch === ')' || x.ch === '）') && open) {
      x.ch = open === '（' ? '）' : ')';
      open = undefined;
    }
  }
  // "一3一", "-3-" page numbers: the dashes are read as 一.
  const text = s.map((x) => x.ch).join('').trim();
  const m = /^[一—\-－]\s*([0-9]+)\s*[一—\-－]$/.exec(text);
  if (m) return [...`— ${m[1]} —`].map((ch) => ({ ch, conf: 100 }));
  return s;
}

export interface OcrLayout {
  text: string;
  warnings: string[];
  /** Corrected characters of every page in reading order, without spaces. */
  stream: string;
  confidence: number[];
}

/** A page for the layout step: recognised by OCR, or read from the file's own text (an OFD or PDF page that has it). */
export type LayoutPage = { ocr: OcrPage } | { lines: TextLine[] };

/** Pixels → points for the layout step; a photo without a stated resolution is taken as 200 dpi. */
export function ocrPageLines(page: OcrPage, pageNo: number): { lines: TextLine[]; stream: string; confidence: number[] } {
  const k = 72 / (page.dpi || 200);
  const items: PositionedText[] = [];
  let stream = '';
  const confidence: number[] = [];
  const corrected = page.lines
    .map((l) => ({ l, symbols: correctLine(l.symbols) }))
    .sort((a, b) => a.l.baseline - b.l.baseline || a.l.x0 - b.l.x0);
  for (const { l, symbols } of corrected) {
    const str = symbols.map((x) => x.ch).join('');
    if (str.trim() === '') continue;
    const size = Math.max(1, (l.y1 - l.y0) * k);
    items.push({ str, x: l.x0 * k, y: (page.height - l.baseline) * k, w: (l.x1 - l.x0) * k, size });
    for (const x of symbols) {
      if (x.ch === ' ') continue;
      stream += x.ch;
      confidence.push(AMBIGUOUS.has(x.ch) ? Math.min(x.conf, SUSPECT_CONFIDENCE - 1) : x.conf);
    }
  }
  return { lines: buildLines(items, pageNo), stream, confidence };
}

/**
 * Lay out a document whose pages are OCR'd or (mixed in, e.g. an OFD with a few scanned pages)
 * read from the file's own text: the file's own characters enter the symbol stream as certain.
 */
export function layoutMixedPages(pages: LayoutPage[]): OcrLayout | undefined {
  const textLines: TextLine[][] = [];
  let stream = '';
  const confidence: number[] = [];
  pages.forEach((page, p) => {
    if ('ocr' in page) {
      const r = ocrPageLines(page.ocr, p + 1);
      textLines.push(r.lines);
      stream += r.stream;
      confidence.push(...r.confidence);
    } else {
      textLines.push(page.lines);
      for (const l of page.lines) {
        for (const ch of l.text) {
          if (/\s/.test(ch)) continue;
          stream += ch;
          confidence.push(100);
        }
      }
    }
  });
  const laid = layoutPages(textLines);
  return laid ? { ...laid, stream, confidence } : undefined;
}

export function layoutOcrPages(pages: OcrPage[]): OcrLayout | undefined {
  return layoutMixedPages(pages.map((ocr) => ({ ocr })));
}

/**
 * For each unit (label + text, in document order), the offsets in its `text` of characters that
 * are low-confidence OCR output — or that cannot be traced back to OCR output at all. The text was
 * made from the stream by dropping lines (headers, page numbers) and spaces, so a forward match with
 * a bounded look-ahead finds each character's symbol.
 */
export function findSuspects(
  units: readonly { label: string; text: string }[],
  stream: string,
  confidence: readonly number[],
  threshold = SUSPECT_CONFIDENCE,
): number[][] {
  const chars = [...stream];
  let p = 0;
  const LOOK = 400;
  const match = (ch: string): number | undefined => {
    for (let j = p; j < Math.min(chars.length, p + LOOK); j++) if (chars[j] === ch) return j;
    return undefined;
  };
  return units.map((u) => {
    for (const ch of u.label.replace(/\s/g, '')) {
      const j = match(ch);
      if (j !== undefined) p = j + 1;
    }
    const out: number[] = [];
    let offset = 0;
    for (const ch of u.text) {
      if (!/\s/.test(ch)) {
        const j = match(ch);
        if (j === undefined) out.push(offset);
        else {
          if ((confidence[j] ?? 0) < threshold) out.push(offset);
          p = j + 1;
        }
      }
      offset += ch.length;
    }
    return out;
  });
}
