// A fast page estimate for the TOC of the DOCX (and the stand-alone HTML), where no renderer tells
// us the real pages. It works because the layout is a strict grid (GB/T 9704): every line of body
// text is an exact 28.95 pt on a 637.8 pt text block (22 lines), 28 characters (16 pt, narrowed to the grid)
// to a 156 mm line. Word's keep-with-next for headings is followed; there is no widow/orphan
// control (GB/T 9704 5.2.2: 22 lines that fill the block); tables are approximated. docx's own layout estimator does this in general, but takes
// ~18 s for 100 pages of CJK text on a small machine; this takes milliseconds.

import { type DocBlock, type PackDocument, tocEntries } from './pack-document';

export const PAGE_PT = 637.8; // 297 mm − 37 mm − 35 mm
export const LINE_PT = 28.95; // 22 lines to the page
export const CHARS_PER_LINE = 28; // the GB/T 9704 grid: 28 characters to the 156 mm line (render-docx DOC_GRID)
/** A 二号 title line: 22 pt type on an exact 37 pt pitch. */
export const TITLE_LINE_PT = 37;

/**
 * The space under a title of `lines` lines (at least one empty body line) that puts the text after
 * it back on the 28.95 pt grid: a two-line title and its space take exactly 4 body lines, so page 1
 * has its 18 lines where page 2 has lines 5–22 — not 0.56 of a line lower, which lost the last line.
 */
export function titleGapPt(lines: number): number {
  const used = lines * TITLE_LINE_PT + LINE_PT;
  return Math.ceil(used / LINE_PT - 1e-6) * LINE_PT - lines * TITLE_LINE_PT;
}

/**
 * A title cut into lines of about equal width, so a line break never leaves one character alone
 * on the last line (Word and WPS fill each line greedily). `perLine` is the line's width in em.
 */
export function balancedLines(text: string, perLine: number): string[] {
  const total = emWidth(text);
  if (total <= perLine) return [text];
  const target = total / Math.ceil(total / perLine);
  const lines: string[] = [];
  let line = '';
  let width = 0;
  for (const ch of text) {
    const w = emWidth(ch);
    if (line && width + w > target + 0.5 && lines.length < Math.ceil(total / perLine) - 1) {
      lines.push(line);
      line = '';
      width = 0;
    }
    line += ch;
    width += w;
  }
  lines.push(line);
  return lines;
}

/** Width in em (16 pt characters): CJK and full-width forms one, Latin and digits about half. */
export function emWidth(text: string): number {
  let em = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    em += c >= 0x2e80 || (c >= 0x2014 && c <= 0x201d) ? 1 : ch === ' ' ? 0.3 : 0.55;
  }
  return em;
}

const lines = (text: string, indentEm = 2, perLine = CHARS_PER_LINE) => Math.max(1, Math.ceil((indentEm + emWidth(text)) / perLine));

interface Box {
  id?: string;
  lines: number;
  lineHeight: number; // pt
  keepNext?: boolean;
  breakBefore?: boolean;
}

function boxes(b: DocBlock): Box[] {
  switch (b.kind) {
    case 'subheading':
      return [{ id: b.id, lines: lines(b.text, b.level === 2 ? 0 : 2), lineHeight: LINE_PT, keepNext: true }];
    case 'citation':
      return [{ lines: lines(b.text), lineHeight: LINE_PT, keepNext: true }];
    case 'article': {
      const [first = '', ...rest] = b.lines;
      return [{ lines: lines(`${b.label}　${first}`), lineHeight: LINE_PT }, ...rest.map((l) => ({ lines: lines(l), lineHeight: LINE_PT }))];
    }
    case 'paragraph':
      return [{ lines: b.flush ? lines(b.text, 0) : lines(b.text), lineHeight: LINE_PT }];
    case 'note':
      return [{ lines: lines(b.text), lineHeight: LINE_PT }];
    case 'field':
      return [{ lines: lines(`${b.label}：${b.text}`), lineHeight: LINE_PT }];
    case 'signature':
      return b.lines.map((l) => ({ lines: lines(l, 0), lineHeight: LINE_PT }));
    case 'table': {
      const cols = Math.max(1, b.head.length);
      const per = Math.max(4, Math.floor((CHARS_PER_LINE * 16) / 14 / cols) - 1); // 14 pt table text
      return [b.head, ...b.rows].map((r) => ({ lines: Math.max(...r.map((c) => lines(c, 0, per)), 1), lineHeight: 22 + 4 }));
    }
  }
}

/**
 * Estimated printed page numbers ("— N —", the cover not counted) of each TOC entry, for a body that
 * starts on a new page after a TOC of `tocEntries(doc)` entries.
 */
export function estimateTocPages(doc: PackDocument): Map<string, number> {
  const entries = tocEntries(doc);
  // TOC page(s): title (37 pt + 28.95 pt after), entries, the hint (2–3 lines of 20 pt).
  const tocLines = entries.reduce((n, e) => n + lines(e.text, e.level === 2 ? 4.5 : 2.5), 0);
  const tocPt = 37 + LINE_PT + tocLines * LINE_PT + LINE_PT + 3 * 20;
  let page = 1 + Math.ceil(tocPt / PAGE_PT);
  const titleLines = Math.ceil(emWidth(doc.title) / 20); // about 20 二号 characters to the line (title-lines.ts)
  const flow: Box[] = [{ lines: 1, lineHeight: titleLines * TITLE_LINE_PT + titleGapPt(titleLines), breakBefore: true, keepNext: true }]; // document title
  for (const s of doc.sections) {
    if (s.heading) flow.push({ id: s.id, lines: lines(s.heading), lineHeight: LINE_PT, keepNext: true });
    for (const b of s.blocks) flow.push(...boxes(b));
  }
  const pages = new Map<string, number>();
  let used = 0;
  for (let i = 0; i < flow.length; i++) {
    const box = flow[i]!;
    if (box.breakBefore && i > 0) {
      page++;
      used = 0;
    }
    // Keep-with-next: a heading (or a run of them) moves when the first line of what follows does not fit.
    if (box.keepNext) {
      let need = 0;
      let j = i;
      while (j < flow.length && flow[j]!.keepNext) need += flow[j++]!.lines * flow[j - 1]!.lineHeight;
      if (j < flow.length) need += flow[j]!.lineHeight;
      if (used > 0 && used + need > PAGE_PT + 0.5 && need <= PAGE_PT) {
        page++;
        used = 0;
      }
    }
    if (box.id) pages.set(box.id, page);
    let rest = box.lines;
    while (rest > 0) {
      const room = Math.floor((PAGE_PT + 0.5 - used) / box.lineHeight);
      if (rest <= room) {
        used += rest * box.lineHeight;
        rest = 0;
        break;
      }
      const take = room; // no widow/orphan control: the page is filled
      used += take * box.lineHeight;
      rest -= take;
      page++;
      used = 0;
    }
  }
  const ids = new Set(entries.map((e) => e.id));
  for (const k of [...pages.keys()]) if (!ids.has(k)) pages.delete(k);
  return pages;
}
