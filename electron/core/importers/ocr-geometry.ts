// What tesseract's glyph boxes say across a line (OcrSymbol.x0/x1, kept since session 13) and what its
// word gaps say (the spaces toLines puts in), for two things the characters alone cannot show: a
// comma printed half-width between Chinese, and a mark dropped between two ideographs.
//
// The boxes are not the ink: chi_sim's LSTM places each character's box from its decoding steps, so an
// ideograph's box is 0.4–1.2 of a pitch wide and centre-to-centre distances scatter by ±0.4 of a pitch
// (measured on the kept fixtures). The advance of a mark (the distance between its neighbours' centres,
// less one pitch) is 0.2–2.0 for full-width marks and 0.1–0.9 for half-width ones on rendered pages in
// both typefaces — no threshold tells them apart, so the advance is not used. What does separate them
// is the box's pattern (README-importers, *Session 13*): a full-width ，'s box fills its cell up to the
// next glyph (or, drawn narrow, stands apart from the previous one), a half-width ,'s box starts right
// after the previous glyph and is followed by a blank — mostly, not always, so it highlights and does not
// change the comma. Pages without x boxes (kept from before session
// 13, characters the post-correction put in) give no verdict.

import type { OcrLine, OcrPage, OcrSymbol } from './ocr-engine';

const HAN = /^[\u3400-\u9fff\uf900-\ufaff]$/;
/** Ideograph pairs (side by side, both with boxes) needed to trust a line's pitch. */
const MIN_PAIRS = 5;

export interface LineGeometry {
  /** Median centre-to-centre distance of adjacent ideographs, in pixels. */
  pitch: number;
}

type Boxed = OcrSymbol & { x0: number; x1: number };
const boxed = (x: OcrSymbol | undefined): x is Boxed => x !== undefined && x.x0 !== undefined && x.x1 !== undefined && x.x1 > x.x0;
const centre = (x: Boxed) => (x.x0 + x.x1) / 2;

/** The line's ideograph pitch, or undefined when too few ideographs stand side by side with boxes. */
export function lineGeometry(s: readonly OcrSymbol[]): LineGeometry | undefined {
  const d: number[] = [];
  for (let i = 0; i + 1 < s.length; i++) {
    const a = s[i];
    const b = s[i + 1];
    if (boxed(a) && boxed(b) && HAN.test(a.ch) && HAN.test(b.ch)) d.push(centre(b) - centre(a));
  }
  if (d.length < MIN_PAIRS) return undefined;
  d.sort((x, y) => x - y);
  const pitch = d[d.length >> 1]!;
  return pitch > 0 ? { pitch } : undefined;
}

/** Box pattern of a half-width comma, in pitches: blank before it at most, blank after it within, its width at most. */
const HALF_COMMA = { before: 0.25, after: [0.3, 0.65], width: 0.6 } as const;

/**
 * A comma between two ideographs whose box looks half-width: it starts close after the previous
 * ideograph's box (≤ ¼ pitch), is narrow (≤ 0.6 pitch) and is followed by ⅓–⅔ of a pitch of blank.
 * Measured (README-importers, *Session 13*): 20 of 43 half-width commas (rendered pages in both
 * typefaces, and a law's own) look so, and 1 of ≈ 760 full-width ones.
 */
export function looksHalfWidthComma(s: readonly OcrSymbol[], i: number, g: LineGeometry | undefined): boolean {
  const a = s[i - 1];
  const m = s[i];
  const b = s[i + 1];
  if (!g || !boxed(a) || !boxed(m) || !boxed(b) || !HAN.test(a.ch) || !HAN.test(b.ch) || !/^[,，]$/.test(m.ch)) return false;
  const before = (m.x0 - a.x1) / g.pitch;
  const after = (b.x0 - m.x1) / g.pitch;
  const width = (m.x1 - m.x0) / g.pitch;
  return before <= HALF_COMMA.before && after >= HALF_COMMA.after[0] && after <= HALF_COMMA.after[1] && width <= HALF_COMMA.width;
}

/** Commas between ideographs (with boxes) a document needs, and the share of them that must look half-width, to say it types its clause marks so. */
const HALF_COMMAS = { min: 8, share: 0.25 } as const;

/**
 * Whether the document prints its clause marks half-width throughout (`加强城市节约用水管理,根据…`): a text
 * typed with the input method's half-width marks, as some local regulations' published texts are. Then its
 * `, ; :` beside Chinese are what the page prints and stay so (correctLine), and a comma or line-end mark
 * that looks half-width is no longer a suspect. One comma's box says little (looksHalfWidthComma: about half
 * the half-width ones look so, 1 in ≈ 760 full-width ones), a document's commas together say it plainly.
 * Measured on the 122 kept OCR fixture laws (session 22): the one typed with half-width marks (青岛市城市节约
 * 用水管理条例, blind14) has 28 of its 49 commas looking half-width (57 %); of the others, the law with 3 of its
 * 62 commas typed `,` has 3 of 43 (7 %), every other law at most 1.9 % (0 in 117 of them).
 */
export function halfWidthCommas(pages: readonly OcrPage[]): boolean {
  let commas = 0;
  let half = 0;
  for (const page of pages) {
    for (const line of page.lines) {
      const c = commasOf(line.symbols);
      commas += c.commas;
      half += c.half;
    }
  }
  return commas >= HALF_COMMAS.min && half >= commas * HALF_COMMAS.share;
}

/** A line's commas between ideographs with boxes, and how many of them look half-width. */
function commasOf(s: readonly OcrSymbol[]): { commas: number; half: number } {
  const g = lineGeometry(s);
  let commas = 0;
  let half = 0;
  if (!g) return { commas, half };
  for (let i = 1; i + 1 < s.length; i++) {
    if (!/^[,，]$/.test(s[i]!.ch) || !HAN.test(s[i - 1]!.ch) || !HAN.test(s[i + 1]!.ch) || !boxed(s[i])) continue;
    commas++;
    if (looksHalfWidthComma(s, i, g)) half++;
  }
  return { commas, half };
}

/**
 * In a document typed with half-width marks (halfWidthCommas), the lines of the paragraphs that have commas between
 * ideographs and none looking half-width: a draft pasted together from two sources may type those `，`. A paragraph's
 * boxes cannot say so for sure (about half the half-width commas do not look so: 青岛市城市节约用水管理条例, typed `,`
 * throughout, has paragraphs of 1, 2 and 3 such commas), so their `, ; :` stay as read and are highlighted, not
 * changed. A paragraph is a page's run of lines up to one that ends short of the right margin. Measured (README-importers,
 * *Session 23*): on `ocr-mixed/mixed-width` (every other article typed `，`) 20 → 2 wrong characters unhighlighted,
 * and 12 more right ones highlighted in 青岛市城市节约用水管理条例; no other kept law is judged half-width.
 */
export function doubtedHalfMarkLines(pages: readonly OcrPage[]): Set<OcrLine> {
  const out = new Set<OcrLine>();
  for (const page of pages) {
    const lines = [...page.lines].filter((l) => l.symbols.some((x) => x.ch !== ' ')).sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
    if (lines.length === 0) continue;
    const right = [...lines.map((l) => l.x1)].sort((a, b) => b - a)[Math.floor(lines.length / 5)]!;
    let run: OcrLine[] = [];
    const close = () => {
      const c = run.map((l) => commasOf(l.symbols)).reduce((x, y) => ({ commas: x.commas + y.commas, half: x.half + y.half }), { commas: 0, half: 0 });
      if (c.commas > 0 && c.half === 0) for (const l of run) out.add(l);
      run = [];
    };
    for (const l of lines) {
      run.push(l);
      if (l.x1 < right - (l.y1 - l.y0)) close();
    }
    close();
  }
  return out;
}

const LABEL_END = /第[零〇一二三四五六七八九十百千]+[条章节]$/;

/**
 * Where tesseract saw a blank between two ideographs inside a line (toLines puts a space in for a gap of
 * ¾ of the line's height or more): the two ideographs beside it. Inside a sentence the page printed
 * something there — mostly a ，、 tesseract dropped (`教育工作者 社会公众`). Not after an article's or a
 * heading's label (第X条 and its full-width space), nor after a word ending in 条/章/节, where toLines puts
 * a space at a smaller gap. Works on every page (no x boxes needed). The glyph boxes' own gaps were tried
 * and left out (README-importers, *Session 13*: on the OCR bench's pages a gap of half a pitch more than
 * the line's usual one highlights 0.3 % of right characters and takes no miss).
 */
export function blankBetweenIdeographs(s: readonly OcrSymbol[]): number[] {
  const out: number[] = [];
  let before = '';
  for (let i = 0; i < s.length; i++) {
    const a = s[i]!;
    if (a.ch !== ' ') before += a.ch;
    if (!HAN.test(a.ch) || s[i + 1]?.ch !== ' ') continue;
    let j = i + 1;
    while (j < s.length && s[j]!.ch === ' ') j++;
    const b = s[j];
    if (!b || !HAN.test(b.ch) || /[条章节]/.test(a.ch) || LABEL_END.test(before)) continue;
    out.push(i, j);
  }
  return out;
}

/** Marks at a line's end of one kind (: or ;) needed in a document before one can be told apart from the others. */
const MIN_LINE_END_MARKS = 4;
/** How much lower than the document's others a half-width : or ; sits: its box's middle, in line heights. */
const HALF_MARK_DROP = 0.03;
/**
 * How much lower a full-width ； ends a line than a full-width ：, its box's middle in line heights (the ；'s tail
 * reaches below the ：'s lower dot): 0.084 at the median of the 68 kept laws typed full-width with a line-end ： and
 * four line-end ；, 0.06–0.11 in all but 2.
 */
const SEMICOLON_BELOW_COLON = 0.084;

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/**
 * Colons and semicolons ending a line (a clause before a list: `判决:` | `（一）…`, `提出;` | `（二）…`) that sit
 * lower in their line than the document's others of the same kind: the page prints this one half-width. A
 * Latin `:` `;` stands between the baseline and the x-height, the CJK ：；'s dots higher in the em box; tesseract
 * reads both as `:` `;`, and correctLine makes them full-width beside Chinese, as the laws print them — so
 * where a law's text has its own half-width mark, a person should look. Only at a line's end: inside a line
 * tesseract gives a full-width mark a box as tall as the line and its box says nothing of the ink.
 *
 * Measured on the kept OCR fixtures (README-importers, *Session 21*): the middle of a mark's box, in line
 * heights from its line's ideographs' median top, stands 0.04–0.065 lower than the median of the document's
 * other marks of its kind for the 5 half-width ones the sources print, and 0.03 or more lower for 2 of 598
 * full-width ones; a mark whose page's other marks sit as low is left alone (a JPEG or noisy copy shifts a
 * whole page). Over the 14 development sets it marks 7 of 1,108 line-end : ;, 6 of them not what the source
 * has (5 half-width, one 。 read as ;, whose ink sits at the foot of its cell). Pages without boxes give no
 * verdict, and correct text none at all.
 *
 * A document with fewer than four of a kind (a short text, a law whose three `是指:` are all half-width) is
 * judged against its marks of the other kind, shifted by SEMICOLON_BELOW_COLON (session 24: 核安全法's three
 * `:` had been made full-width unhighlighted, compared with nothing). With fewer than four of each, no verdict.
 * A mark whose box spans its whole line (tesseract placed it no better than the line) has its middle at
 * ⅔ of the line, as low as a semicolon: for a colon that is a verdict of "half-width" on no real evidence,
 * and highlighting it is what a person needs there.
 */
export function halfWidthLineEndMarks(pages: readonly OcrPage[]): Set<OcrSymbol> {
  interface Seen {
    symbol: OcrSymbol;
    page: number;
    /** The middle of its box, in line heights below its line's ideographs' median top. */
    middle: number;
  }
  const byKind = new Map<':' | ';', Seen[]>();
  pages.forEach((page, p) => {
    for (const line of page.lines) {
      const s = line.symbols;
      let last = s.length - 1;
      while (last >= 0 && s[last]!.ch === ' ') last--;
      const m = s[last];
      if (!m || last < 1 || !/^[:;：；]$/.test(m.ch) || m.y0 === undefined || !HAN.test(s[last - 1]!.ch)) continue;
      const han = s.filter((x) => HAN.test(x.ch) && x.y0 !== undefined && x.y1 !== undefined);
      if (han.length < MIN_PAIRS) continue;
      const top = median(han.map((x) => x.y0!));
      const height = median(han.map((x) => x.y1!)) - top;
      if (height <= 0 || m.y1 === undefined) continue;
      const kind = /[:：]/.test(m.ch) ? ':' : ';';
      byKind.set(kind, [...(byKind.get(kind) ?? []), { symbol: m, page: p, middle: ((m.y0 + m.y1) / 2 - top) / height }]);
    }
  });
  const out = new Set<OcrSymbol>();
  for (const [kind, marks] of byKind) {
    // the document's other marks of this kind, or else of the other kind shifted to where this kind's would sit
    const other = kind === ':' ? ';' : ':';
    const own = marks.length >= MIN_LINE_END_MARKS;
    const ref = own ? marks : (byKind.get(other) ?? []);
    if (ref.length < MIN_LINE_END_MARKS) continue;
    const shift = own ? 0 : kind === ':' ? -SEMICOLON_BELOW_COLON : SEMICOLON_BELOW_COLON;
    for (const m of marks) {
      const others = ref.filter((x) => x !== m);
      const usual = median(others.map((x) => x.middle)) + shift;
      if (m.middle - usual < HALF_MARK_DROP) continue;
      const samePage = others.filter((x) => x.page === m.page);
      if (samePage.length > 0 && median(samePage.map((x) => x.middle)) + shift - usual >= HALF_MARK_DROP) continue;
      out.add(m.symbol);
    }
  }
  return out;
}
