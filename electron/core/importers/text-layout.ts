// The layout step shared by every fixed-layout source (PDF text layer, OFD, OCR): positioned text
// runs → lines by baseline; running headers, footers and page numbers dropped; lines joined into
// paragraphs (a paragraph starts at an indented or centred line, after a short line, or at 第X条 +
// space after a sentence end — never at a wrapped cross reference such as "第四十八条第二款…");
// a 目录 skipped; then the plain-law-text shape the parser reads.

import { ARTICLE_START_RE, HEADING_START_RE, latinBoundary, mapRadicals, toPlainLawText, TYPED_SPACE } from './plain-law-text';
import { garbledTextWarning } from './garbled-text';
import { tableRowLine } from './table-rows';
import { pageList } from '../../shared/page-list';

/** One run of text at a position: x, y in points with y growing UP (PDF space), w its advance. */
export interface PositionedText {
  str: string;
  x: number;
  y: number;
  w: number;
  size: number;
  /**
   * Its spaces are characters the writer set (an OFD TextCode's, a PDF space wide enough to be a
   * typed one), not gaps a reader inferred: beside a Latin word or a number they are kept
   * ("ISO 9001", "Word 文档"), where an inferred one is only the Western font's run starting.
   */
  typed?: boolean;
}

/** A ruled table row as its grid gives it (ruled-tables.ts `joinRowsOverPageBreaks`). */
export interface RuledRow {
  /** The row's cells (a merged cell once, covered slots empty), as in its `|a|b|` text. */
  cells: string[];
  /** The table's column edges. */
  xs: number[];
  /** Per cell: its text reaches the row's bottom edge (it may run on below). */
  full: boolean[];
  /** Per cell: it spans rows below this one. */
  spansDown: boolean[];
  /** The row's top / bottom edge has no rule: the verticals run on past it (the row is open there). */
  openTop: boolean;
  openBottom: boolean;
}

export interface TextLine {
  page: number;
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  /** The line began with full-width spaces (an indent typed as text). */
  indented: boolean;
  /** The edges of the column the line stands in, on a page set in two columns. */
  column?: { left: number; right: number };
  /** The line's pieces separated by gaps wider than a character and a bit (table cells). */
  segments?: { x0: number; x1: number; text: string }[];
  /** Its printed runs, for cells the layout left almost touching. */
  pieces?: { x0: number; x1: number; text: string }[];
  /** A table row written as "| cell | cell |" (its own paragraph). */
  table?: boolean;
  /** A row of a table drawn with ruling lines (ruled-tables.ts): table text, never a running header or footer. */
  ruled?: boolean;
  /** That row's cells and edges, for a cell whose text runs on over the page break (ruled-tables.ts). */
  ruledRow?: RuledRow;
  /** A footnote at the page's foot (page-footnotes.ts): kept apart from the body, counted in a warning. */
  footnote?: boolean;
  /** That note is an endnote, set after the last article (counted apart from the pages' footnotes). */
  endnote?: boolean;
  /** The line began / ended with a typed space (one at a wrap is not drawn inside either line). */
  typedSpaceBefore?: boolean;
  typedSpaceAfter?: boolean;
}


/**
 * A line's spaces as the paragraph step reads them: a run holding a typed space that stands between
 * an ideograph and a Latin letter or digit stays TYPED_SPACE; every other run is a plain space.
 */
function settleSpaces(text: string): string {
  if (!text.includes(TYPED_SPACE)) return text;
  return text.replace(/[ \u00a0]+/g, (sp: string, at: number, all: string) =>
    sp.includes(TYPED_SPACE) && latinBoundary(all[at - 1], all[at + sp.length]) ? TYPED_SPACE : ' ',
  );
}

const narrow = (c: string) => c.charCodeAt(0) < 0x2000 || (c >= '\uff61' && c <= '\uffdc');
const blank = (t: PositionedText) => t.str.trim() === '';

/**
 * One line's items in reading order. Word processors print mixed-script text as overlapping runs:
 * LibreOffice writes “ ” and digits in the Western font and the ideographs in the CJK font, each
 * run with blanks where the other font's glyphs go ("“", "  ", "”" over "侦查是指…"). Sorting such
 * runs by their start puts a quote after the whole CJK run ("侦查是“ ”指"). So blanks lying over
 * printed glyphs are dropped, and a run that starts inside another splits it at that character
 * (advances estimated: the font size, half for Latin).
 */
function interleave(items: PositionedText[]): PositionedText[] {
  const inked = items.filter((t) => !blank(t));
  const covered = (t: PositionedText) =>
    inked.some((o) => o.x < t.x + t.w - 0.2 * t.size && t.x < o.x + o.w - 0.2 * o.size);
  let runs = items.filter((t) => !blank(t) || !covered(t)).sort((a, b) => a.x - b.x || (blank(a) ? 1 : 0) - (blank(b) ? 1 : 0));
  for (let guard = 0; guard < 1000; guard++) {
    let split = false;
    const out: PositionedText[] = [];
    for (let i = 0; i < runs.length; i++) {
      const a = runs[i]!;
      const b = runs.slice(i + 1).find((o) => !blank(o) && o.x > a.x + 0.5 * a.size && o.x < a.x + a.w - 0.5 * o.size);
      const chars = [...a.str];
      if (!b || chars.length < 2) {
        out.push(a);
        continue;
      }
      let k = 0;
      let adv = 0;
      while (k < chars.length - 1) {
        const w = narrow(chars[k]!) ? a.size / 2 : a.size;
        if (a.x + adv + w / 2 > b.x) break;
        adv += w;
        k++;
      }
      // Two runs printed over each other (text boxes placed at one spot: a 红头's two header boxes) leave
      // no room in the first for the second: its glyphs' advances fill its width and it has no blank
      // where the second starts. Such runs are read whole, one after the other, not shuffled together.
      const room = a.w - chars.reduce((s, c) => s + (narrow(c) ? a.size / 2 : a.size), 0);
      if (k === 0 || (room < 0.5 * b.size && !/\s/.test(chars[k]!))) {
        out.push(a);
        continue;
      }
      // The run's own blank where the other run's glyph goes (" 重大 ") is not text.
      let x = a.x + adv;
      while (k < chars.length - 1 && /\s/.test(chars[k]!)) {
        x += narrow(chars[k]!) ? a.size / 2 : a.size;
        k++;
      }
      const head = chars.slice(0, k).join('').replace(/\s+$/, '');
      if (head !== '') out.push({ ...a, str: head, w: adv });
      out.push({ ...a, str: chars.slice(k).join(''), x, w: Math.max(0, a.w - (x - a.x)) });
      split = true;
    }
    runs = out.sort((a, b) => a.x - b.x);
    if (!split) break;
  }
  return runs;
}

/**
 * The gutter of a page set in two columns, or undefined. Justified columns leave a signature no
 * single-column page has: many line segments (runs split at gaps wider than a character) end at
 * one x near the middle of the text, and many begin at one x a little to its right. Lines across
 * the page (title, history, a heading over both columns) are read where they stand. A table does
 * not qualify: its cells do not end at one x.
 */
export function findGutter(groups: readonly PositionedText[][]): number | undefined {
  if (groups.length < 12) return undefined;
  const inked = groups.map((g) => g.filter((t) => !blank(t)).sort((a, b) => a.x - b.x));
  const all = inked.flat();
  if (all.length === 0) return undefined;
  // reduce, not Math.min(...): a hostile page of 200,000 items overflows the stack as arguments
  const minX = all.reduce((m, t) => Math.min(m, t.x), Infinity);
  const maxX = all.reduce((m, t) => Math.max(m, t.x + t.w), -Infinity);
  const size = quantile(all.map((t) => t.size), 0.5) ?? 10;
  if (maxX - minX < 20 * size) return undefined;
  const ends = new Map<number, number>();
  const starts = new Map<number, number>();
  for (const g of inked) {
    let segStart: number | undefined;
    let segEnd = -Infinity;
    const close = () => {
      if (segStart === undefined) return;
      const e = Math.round(segEnd);
      const s = Math.round(segStart);
      ends.set(e, (ends.get(e) ?? 0) + 1);
      starts.set(s, (starts.get(s) ?? 0) + 1);
    };
    for (const t of g) {
      if (segStart !== undefined && t.x - segEnd < 0.9 * size) {
        segEnd = Math.max(segEnd, t.x + t.w);
        continue;
      }
      close();
      segStart = t.x;
      segEnd = t.x + t.w;
    }
    close();
  }
  const near = (m: Map<number, number>, x: number) => (m.get(x - 1) ?? 0) + (m.get(x) ?? 0) + (m.get(x + 1) ?? 0);
  let end: number | undefined;
  for (const x of ends.keys()) {
    if (x < minX + 0.35 * (maxX - minX) || x > minX + 0.65 * (maxX - minX)) continue;
    if (end === undefined || near(ends, x) > near(ends, end)) end = x;
  }
  if (end === undefined || near(ends, end) < 4) return undefined;
  let start: number | undefined;
  for (const x of starts.keys()) {
    if (x < end + 0.8 * size || x > end + 4 * size) continue;
    if (start === undefined || near(starts, x) > near(starts, start)) start = x;
  }
  if (start === undefined || near(starts, start) < 4) return undefined;
  return (end + start) / 2;
}

/**
 * Whether a baseline group is a line across the page: one of its runs covers the gutter well
 * beyond a hanging comma of the left column, or two runs meet in it with a gap narrower than a
 * space (a title's Latin digits are runs of their own).
 */
function spansGutter(g: readonly PositionedText[], gutter: number): boolean {
  const runs = g.filter((t) => !blank(t)).sort((a, b) => a.x - b.x);
  if (runs.length === 0) return false;
  // a short line centred over the gutter ("— 3 —", 目录) stands across it
  const size = runs[0]!.size;
  const x0 = runs[0]!.x;
  const x1 = runs.reduce((m, t) => Math.max(m, t.x + t.w), -Infinity);
  if (x0 < gutter && x1 > gutter && x0 > gutter - 4 * size && x1 < gutter + 4 * size) return true;
  for (let k = 0; k < runs.length; k++) {
    const t = runs[k]!;
    const half = 0.5 * t.size;
    if (t.x < gutter - half && t.x + t.w > gutter + half) return true;
    const next = runs[k + 1];
    if (next && t.x + t.w > gutter - half && t.x + t.w <= gutter + half && next.x < gutter + half && next.x - (t.x + t.w) < 0.6 * t.size) return true;
  }
  return false;
}

/** Group a page's text items into lines by baseline, left to right (each column apart on a two-column page). */
export function buildLines(items: readonly PositionedText[], page: number): TextLine[] {
  const sorted = items.filter((i) => i.str !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  let groups: PositionedText[][] = [];
  for (const it of sorted) {
    const g = groups[groups.length - 1];
    const ref = g?.[0];
    if (g && ref && Math.abs(ref.y - it.y) < 0.5 * Math.min(ref.size, it.size)) g.push(it);
    else groups.push([it]);
  }
  const gutter = findGutter(groups);
  const columnOf = new Map<PositionedText[], 0 | 1>();
  if (gutter !== undefined) {
    // Reading order: full-width lines where they stand; between them, the left column top to
    // bottom, then the right one.
    const ordered: PositionedText[][] = [];
    let left: PositionedText[][] = [];
    let right: PositionedText[][] = [];
    const flush = () => {
      ordered.push(...left, ...right);
      left = [];
      right = [];
    };
    for (const g of groups) {
      const spans = spansGutter(g, gutter);
      if (spans) {
        flush();
        ordered.push(g);
        continue;
      }
      const l = g.filter((t) => t.x + t.w / 2 < gutter);
      const r = g.filter((t) => t.x + t.w / 2 >= gutter);
      if (l.some((t) => !blank(t))) {
        left.push(l);
        columnOf.set(l, 0);
      }
      if (r.some((t) => !blank(t))) {
        right.push(r);
        columnOf.set(r, 1);
      }
    }
    flush();
    groups = ordered;
  }
  const lines: TextLine[] = [];
  const lineColumn: (0 | 1 | undefined)[] = [];
  for (const raw of groups) {
    // interleave compares every run with every other (quadratic): a line of thousands of runs is
    // no typeset law (a hostile PDF/OFD), and taking it left to right keeps the import from hanging
    const g = raw.length > 2000 ? [...raw].sort((a, b) => a.x - b.x) : interleave(raw);
    let text = '';
    let end = -Infinity;
    let x0: number | undefined;
    let x1 = 0;
    const size = g.reduce((m, i) => Math.max(m, i.size), -Infinity); // no spread: a hostile line may have 200k items
    const segments: { x0: number; x1: number; text: string }[] = [];
    const pieces: { x0: number; x1: number; text: string }[] = [];
    for (const it of g) {
      const gap = it.x - end;
      if (text !== '' && gap > 0.25 * it.size && !/\s$/.test(text) && !/^\s/.test(it.str)) text += ' ';
      text += it.typed ? it.str.replace(/ /g, TYPED_SPACE) : it.str;
      end = it.x + it.w;
      if (it.str.trim() !== '') {
        if (x0 === undefined) {
          const lead = /^[\s\u3000]*/.exec(it.str)![0].length;
          x0 = it.x + (it.str.length ? (it.w * lead) / it.str.length : 0);
        }
        x1 = Math.max(x1, end);
        pieces.push({ x0: it.x, x1: end, text: it.str });
        const seg = segments[segments.length - 1];
        // a blank run or a gap wider than 1.2 characters separates table cells
        if (seg && it.x - seg.x1 < 1.2 * it.size) {
          seg.text += (it.x - seg.x1 > 0.25 * it.size ? ' ' : '') + it.str;
          seg.x1 = Math.max(seg.x1, end);
        } else segments.push({ x0: it.x, x1: end, text: it.str });
      }
    }
    if (x0 === undefined) continue; // whitespace only
    const indented = /^(?:\u3000|[ \u00a0]{2,})/.test(text);
    const edges = {
      ...(/^[ \u3000]*\u00a0/.test(text) ? { typedSpaceBefore: true } : {}),
      ...(/\u00a0[ \u3000]*$/.test(text) ? { typedSpaceAfter: true } : {}),
    };
    lines.push({ page, text: mapRadicals(settleSpaces(text).trim()), x0, x1, y: g[0]!.y, size, indented, segments, pieces, ...edges });
    lineColumn.push(columnOf.get(raw));
  }
  if (gutter === undefined) return findTables(lines);
  if (gutter !== undefined) {
    for (const c of [0, 1] as const) {
      const mine = lines.filter((_, k) => lineColumn[k] === c);
      const box = { left: leftEdge(mine.map((l) => l.x0)) ?? 0, right: quantile(mine.map((l) => l.x1), 0.9) ?? 0 };
      for (const l of mine) l.column = box;
    }
  }
  return lines;
}

const TOC_CELL_RE = /(?:[.…·．_\-－⋯]{3,}|\s)[0-9０-９]+$/;
/**
 * A heading of the law's own structure (第二章　汇　　票, its name spread over the line): never a table
 * row, though its spread name leaves a gap where a column would — with the next article's gap after
 * its label it made票据法's 第二章/第一节/第十九条 a three-row "table" (seed 49).
 */
const STRUCTURE_HEADING_RE = /^第[零〇一二三四五六七八九十百千两0-9０-９]+(?:编|分编|章|节)[\u3400-\u9fff]{1,20}$/;
const isStructureHeading = (l: TextLine) => STRUCTURE_HEADING_RE.test(l.text.replace(/[\s\u3000]+/g, ''));

/**
 * Tables on a page: runs of lines whose pieces leave the same vertical bands uncovered (the gaps
 * between columns), at least two of them with several cells. Each table row becomes one line
 * "| a | b | c |"; a line with nothing in the first column continues the row above it (a cell's
 * text wrapped), its pieces added to the cells of their columns. A 目录 set in columns is not a
 * table.
 */
export function findTables(lines: TextLine[]): TextLine[] {
  const out: TextLine[] = [];
  let k = 0;
  while (k < lines.length) {
    const first = lines[k]!;
    if ((first.segments?.length ?? 0) < 2 || isStructureHeading(first)) {
      out.push(first);
      k++;
      continue;
    }
    // grow the block while the lines leave at least as many column gaps open
    const block = [first];
    let gaps = openGaps(block);
    for (let j = k + 1; j < lines.length; j++) {
      const l = lines[j]!;
      const prev = block[block.length - 1]!;
      if (!l.segments?.length || prev.y - l.y > 3.5 * l.size || Math.abs(l.size - prev.size) > 0.2 * prev.size || isStructureHeading(l)) break;
      const next = openGaps([...block, l]);
      if (next.length < gaps.length || next.length === 0) {
        // a full cell leaves a gap narrower than a character: the row still fits when none of its
        // runs crosses the middle of an established column gap
        const fits =
          block.length >= 2 &&
          gaps.length >= 1 &&
          (l.pieces ?? []).every((p) => gaps.every(([a, b]) => !(p.x0 < (a + b) / 2 - 0.1 * l.size && p.x1 > (a + b) / 2 + 0.1 * l.size)));
        if (!fits) break;
        block.push({ ...l, segments: splitAt(l.pieces ?? [], gaps) });
        continue;
      }
      block.push(l);
      gaps = next;
    }
    const multi = block.filter((l) => (l.segments?.length ?? 0) >= 2).length;
    const cells = block.flatMap((l) => l.segments ?? []);
    if (block.length < 3 || multi < 2 || gaps.length === 0 || cells.filter((c) => TOC_CELL_RE.test(c.text)).length > cells.length / 3) {
      out.push(first);
      k++;
      continue;
    }
    const columnOf = (x: number) => gaps.filter((g) => g[1] <= x).length;
    const rows: { cells: string[]; line: TextLine }[] = [];
    for (const l of block) {
      const row = Array.from({ length: gaps.length + 1 }, () => '');
      for (const seg of l.segments!) {
        const c = columnOf((seg.x0 + seg.x1) / 2);
        row[c] += seg.text.trim();
      }
      const last = rows[rows.length - 1];
      if (last && row[0] === '') row.forEach((t, c) => (last.cells[c] += t));
      else rows.push({ cells: row, line: l });
    }
    if (isContentsBlock(rows.map((r) => r.cells))) {
      // the whole 目录 stays lines: starting again one line further would find its tail a "table"
      out.push(...lines.slice(k, k + block.length));
      k += block.length;
      continue;
    }
    const x0 = block.reduce((m, l) => Math.min(m, l.x0), Infinity);
    const x1 = block.reduce((m, l) => Math.max(m, l.x1), -Infinity);
    for (const r of rows) {
      out.push({ ...r.line, text: mapRadicals(tableRowLine(r.cells)), x0, x1, indented: false, segments: undefined, table: true });
    }
    k += block.length;
  }
  return out;
}

/** A row's first cell that is a label of the law's own numbering: its lines are articles, items or a 目录, never a table. */
const LABEL_CELL_RE = /^(?:第[零〇一二三四五六七八九十百千两0-9０-９]+(?:编|分编|章|节|条|款|项)|[（(][一二三四五六七八九十0-9０-９]+[)）]|[一二三四五六七八九十]+、|[0-9０-９]+[.、．]|目[\s\u3000]*录)/;

const MAX_ROW_WORDS = 64;

/** A line's words: its text cut at every typed or drawn space, each piece placed by estimated advances (a CJK character 1, other characters ½). */
function spacedChunks(line: TextLine): { x0: number; x1: number; text: string }[] {
  const out: { x0: number; x1: number; text: string }[] = [];
  let end = -Infinity;
  for (const p of line.pieces ?? []) {
    const cs = [...p.text];
    const est = cs.map((c) => (c.charCodeAt(0) < 0x2000 || (c >= '\uff61' && c <= '\uffdc') ? 0.5 : 1));
    const scale = (p.x1 - p.x0) / (est.reduce((a, b) => a + b, 0) || 1);
    let x = p.x0;
    // a piece starting after a gap of a quarter character or more is a new word (LibreOffice sets 0.2 em between CJK and Latin text)
    let cur = p.x0 - end >= 0.25 * line.size ? undefined : out[out.length - 1];
    for (const [k, c] of cs.entries()) {
      const w = est[k]! * scale;
      if (/[\s\u3000\u00a0]/.test(c)) cur = undefined;
      else if (cur) {
        cur.text += c;
        cur.x1 = x + w;
      } else out.push((cur = { x0: x, x1: x + w, text: c }));
      x += w;
    }
    end = p.x1;
  }
  return out;
}

/**
 * A table set without borders or wide gaps (LibreOffice's borderless table leaves only its cell
 * padding, under half a character, between cells: "事项承办机构"): three or more lines running one
 * under another whose words start at the same places after a space — the same column edges on every
 * line — and which all end well short of the page's widest line (justified prose fills it). A line
 * opening with the law's own label (第X条, （一）, 一、, 第一章, 目录) is never such a row. Each row
 * becomes a `|a|b|` line, as the gap finder writes its tables. For a page's typeset text (PDF, OFD),
 * after `buildLines`; not for OCR, whose lines map back to recognised characters, nor on a page in
 * two columns.
 */
export function alignedSpaceTables(lines: TextLine[]): TextLine[] {
  const widest = lines.reduce((m, l) => Math.max(m, l.x1), -Infinity);
  const candidate = (l: TextLine) => !l.table && !l.ruled && !l.column && l.x1 < widest - 2 * l.size && !LABEL_CELL_RE.test(l.text.trim());
  const chunks = lines.map((l) => {
    const cs = candidate(l) ? spacedChunks(l) : [];
    // a line of more words than a row of any law's table has is no row (and keeps the matching linear)
    return cs.length <= MAX_ROW_WORDS ? cs : [];
  });
  const out: TextLine[] = [];
  let k = 0;
  while (k < lines.length) {
    const first = lines[k]!;
    const tol = 0.2 * first.size;
    const near = (a: number, b: number) => Math.abs(a - b) <= tol;
    // column edges: where a word starts after a space on every line of the block so far
    let edges = chunks[k]!.length >= 2 ? chunks[k]!.slice(1).map((c) => c.x0) : [];
    let j = k + 1;
    for (; edges.length > 0 && j < lines.length; j++) {
      const l = lines[j]!;
      const prev = lines[j - 1]!;
      if (chunks[j]!.length < 2 || !near(l.x0, first.x0) || Math.abs(l.size - first.size) > 0.2 * first.size || prev.y - l.y > 3.5 * l.size) break;
      const kept = edges.filter((e) => chunks[j]!.slice(1).some((c) => near(c.x0, e)));
      if (kept.length === 0) break;
      edges = kept;
    }
    if (j - k < 3 || edges.length === 0) {
      out.push(first);
      k++;
      continue;
    }
    const block = lines.slice(k, j);
    const rows = block.map((_, i) => {
      const cells = Array.from({ length: edges.length + 1 }, () => [] as string[]);
      for (const c of chunks[k + i]!) cells[edges.filter((e) => c.x0 >= e - tol).length]!.push(c.text);
      return cells.map((ws) => ws.join(' '));
    });
    if (isContentsBlock(rows)) {
      out.push(...block);
      k = j;
      continue;
    }
    const x1 = block.reduce((m, l) => Math.max(m, l.x1), -Infinity);
    for (const [i, l] of block.entries()) out.push({ ...l, text: mapRadicals(tableRowLine(rows[i]!)), x1, indented: false, segments: undefined, table: true });
    k = j;
  }
  return out;
}

/**
 * A 目录 whose leaders are drawn, not typed (a browser's or Word's TOC: the title, a gap, the page
 * number): every row's last cell is a page number or empty (a title wrapped onto the next row), and
 * the numbers never go down. Such a block stays lines, for the 目录 removal to find. A real table
 * whose last column happens to be small rising numbers is kept as lines too — as before tables
 * were found, nothing of its text is lost.
 */
function isContentsBlock(rows: readonly string[][]): boolean {
  const last = rows.map((r) => r[r.length - 1]!.trim());
  if (!last.every((t) => t === '' || /^[0-9０-９]{1,4}$/.test(t))) return false;
  const numbers = last.filter(Boolean).map((t) => Number(t.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10))));
  if (numbers.length < Math.max(3, rows.length / 2)) return false;
  // the titles are words, not more numbers (a 2-column table of figures is a table)
  if (!rows.every((r) => r.slice(0, -1).some((c) => /[\u4e00-\u9fff]/.test(c)) || r.slice(0, -1).every((c) => c.trim() === ''))) return false;
  return numbers.every((n, i) => i === 0 || n >= numbers[i - 1]!);
}

/** Runs grouped into cells by the middles of the column gaps. */
function splitAt(pieces: readonly { x0: number; x1: number; text: string }[], gaps: readonly [number, number][]): { x0: number; x1: number; text: string }[] {
  const cells = new Map<number, { x0: number; x1: number; text: string }>();
  for (const p of pieces) {
    const c = gaps.filter(([a, b]) => (a + b) / 2 <= (p.x0 + p.x1) / 2).length;
    const cell = cells.get(c);
    if (cell) {
      cell.text += p.text;
      cell.x1 = Math.max(cell.x1, p.x1);
    } else cells.set(c, { ...p });
  }
  return [...cells.values()];
}

/** The x bands, between the block's left and right ends, that none of its lines' pieces cover. */
function openGaps(block: readonly TextLine[]): [number, number][] {
  const segs = block.flatMap((l) => l.segments ?? []).sort((a, b) => a.x0 - b.x0);
  const size = block[0]!.size;
  const gaps: [number, number][] = [];
  let reach = segs[0]?.x1 ?? 0;
  for (const s of segs.slice(1)) {
    if (s.x0 - reach >= 0.8 * size) gaps.push([reach, s.x0]);
    reach = Math.max(reach, s.x1);
  }
  return gaps;
}

const PAGE_NUMBER_RE = new RegExp(
  [
    // — 3 —, - 3 -, ·3·, 第3页, 第 3 页 共 10 页, 共10页 第3页, 3/10, 第三页
    '[-—–－―_~·•\\s]*(?:共\\s*[0-9０-９]+\\s*页[，,\\s]*)?(?:第\\s*)?(?:[0-9０-９]+|[一二三四五六七八九十百〇零]+(?=\\s*页))(?:\\s*页)?(?:\\s*[/／]\\s*[0-9０-９]+)?(?:\\s*[，,]?\\s*共\\s*[0-9０-９]+\\s*页)?[-—–－―_~·•\\s]*',
    // roman numerals of a preface
    '[-—–－―\\s]*[ivxlcIVXLC]+[-—–－―\\s]*',
    // Page 3, Page 3 of 10, 3 of 10 (English-language printer drivers and templates)
    '[-—–\\s]*(?:[Pp]age\\s*)?[0-9]+\\s*(?:of|OF)\\s*[0-9]+[-—–\\s]*',
    '[-—–\\s]*[Pp]age\\s*[0-9]+[-—–\\s]*',
  ]
    .map((p) => `(?:${p})`)
    .join('|')
    .replace(/^/, '^(?:')
    .replace(/$/, ')$'),
);

/** A header or footer line that is only a page number, in the forms printers and templates use. */
export function isPageNumberLine(text: string): boolean {
  return PAGE_NUMBER_RE.test(text);
}

const keyOf = (t: string) => t.replace(/[\s\u3000]+/g, '').replace(/[0-9０-９]+/g, '#');

interface HeaderFooterResult {
  pages: TextLine[][];
  droppedRunning: Map<string, number>;
  droppedNumbers: number;
}

/**
 * Running headers/footers are lines in the top or bottom two of a page that repeat (same text
 * modulo digits, same height) on at least half the pages; page numbers are dropped there always.
 * Matching by height keeps the real title on page 1 when the header repeats it.
 */
export function dropHeadersFooters(pages: TextLine[][], running = true): HeaderFooterResult {
  const zone = (lines: TextLine[]) => new Set([...lines.slice(0, 2), ...lines.slice(-2)].filter((l) => !l.ruled));
  const seen = new Map<string, { pages: Set<number>; ys: number[] }>();
  for (const lines of pages) {
    for (const l of zone(lines)) {
      const k = `${keyOf(l.text)}@${Math.round(l.size)}`;
      const e = seen.get(k) ?? { pages: new Set(), ys: [] };
      e.pages.add(l.page);
      e.ys.push(l.y);
      seen.set(k, e);
    }
  }
  const textPages = pages.filter((p) => p.length > 0).length;
  const repeated = new Map<string, number[]>();
  for (const [k, e] of seen) {
    if (running && e.pages.size >= 2 && e.pages.size >= textPages / 2) repeated.set(k, e.ys);
  }
  const droppedRunning = new Map<string, number>();
  let droppedNumbers = 0;
  const out = pages.map((lines) => {
    const z = zone(lines);
    return lines.filter((l) => {
      if (!z.has(l)) return true;
      if (PAGE_NUMBER_RE.test(l.text)) {
        droppedNumbers++;
        return false;
      }
      const ys = repeated.get(`${keyOf(l.text)}@${Math.round(l.size)}`);
      // Same text at (one of) the usual heights of that running line.
      if (ys && ys.filter((y) => Math.abs(y - l.y) <= 2).length >= 2) {
        droppedRunning.set(l.text, (droppedRunning.get(l.text) ?? 0) + 1);
        return false;
      }
      return true;
    });
  });
  return { pages: out, droppedRunning, droppedNumbers };
}

/**
 * The text block's left edge: the leftmost x (rounded) shared by a fair share of the lines. Not the
 * most common x: in a law of one-line paragraphs most lines are indented first lines.
 */
function leftEdge(values: number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(Math.round(v), (counts.get(Math.round(v)) ?? 0) + 1);
  const need = Math.max(2, 0.1 * values.length);
  const common = [...counts].filter(([v, c]) => c >= need || (counts.get(v - 1) ?? 0) + c >= need).map(([v]) => v);
  const least = (xs: number[]) => xs.reduce((m, x) => Math.min(m, x), Infinity); // no spread: a page may have 200k lines
  return common.length ? least(common) : values.length ? least(values) : undefined;
}

function quantile(values: number[], q: number): number | undefined {
  if (values.length === 0) return undefined;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

const SECTION_START_RE = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])/;
const SECTION_HEADING_RE = /^[一二三四五六七八九十]+、/;
/** A line that opens its own header entry: a date, a parenthesis, a heading, an article, a number. */
const HEADER_ENTRY_START_RE = /^(?:[（(【〔]|(?:19|20)[0-9]{2}\s*年|[一二三四五六七八九十〇零]{4}\s*年|第[零〇一二三四五六七八九十百千0-9]+[条章节编]|[一二三四五六七八九十]+、|目\s*录)/;
const SENTENCE_END_RE = /[。；;：:！!？?）)」』”]$/;
// A Latin word wrapped onto the next line gets its space back; digits do not: in a Chinese text a
// number cut at the line's end ("…通过、20" / "10年9月…") is one number.
const ASCII_WORD_END = /[A-Za-z]$/;
const ASCII_WORD_START = /^[A-Za-z]/;

/**
 * A body line that ends a little short without closing its sentence was pushed to wrap early: a
 * closing mark may not start a line, nor a number or 《 be cut ("百分之百" / "的；", "1∶100万至" /
 * "1∶5000…"). Law paragraphs end with 。；：or a bracket, so such a line continues.
 */
function keptTogether(prev: TextLine, right: number, inBody: boolean): boolean {
  return (
    inBody &&
    prev.x1 > right - 8 * prev.size &&
    !SENTENCE_END_RE.test(prev.text) &&
    !HEADING_START_RE.test(prev.text) &&
    !/^第[零〇一二三四五六七八九十百千0-9]+条$/.test(prev.text)
  );
}

/** Two neighbouring lines of one column, page and size: the step from one to the next is a line's pitch or more. */
function sameBlock(prev: TextLine, line: TextLine): boolean {
  return (
    prev.page === line.page &&
    prev.column?.left === line.column?.left &&
    prev.table !== true &&
    line.table !== true &&
    Math.abs(prev.size - line.size) <= 0.15 * line.size
  );
}

/**
 * The step, in font sizes, from one line of a paragraph to the next: the lower quartile of the steps
 * between neighbouring lines of one column and size (a law's paragraphs of one line would put the
 * median on the steps between paragraphs). Undefined with fewer than 8 such steps.
 */
function linePitch(pages: readonly TextLine[][]): number | undefined {
  const steps: number[] = [];
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const prev = lines[i - 1]!;
      const line = lines[i]!;
      const step = (prev.y - line.y) / line.size;
      if (sameBlock(prev, line) && step > 0.9 && step < 3) steps.push(step);
    }
  }
  return steps.length >= 8 ? quantile(steps, 0.25) : undefined;
}

/**
 * Lines (headers and footers already removed) → paragraphs. With `spacing` (typeset text: PDF, OFD;
 * not OCR, whose lines are found in a picture) a paragraph also starts after a line that closed its
 * sentence when the step down to it is clearly more than the document's line pitch: a writer that
 * sets space between paragraphs (pandoc's DOCX printed by LibreOffice, a web page) marks them so even
 * where the last line fills the measure and the next has no indent.
 */
export function joinParagraphs(pages: TextLine[][], opts: { spacing?: boolean } = {}): { paragraphs: string[]; pageOf: number[] } {
  const all = pages.flat();
  const pitch = opts.spacing ? linePitch(pages) : undefined;
  const spacedAfter = (prev: TextLine, line: TextLine): boolean => {
    if (pitch === undefined || !sameBlock(prev, line) || !SENTENCE_END_RE.test(prev.text)) return false;
    const step = (prev.y - line.y) / line.size;
    return step > 1.35 * pitch && step - pitch > 0.5;
  };
  const globalLeft = leftEdge(all.map((l) => l.x0)) ?? 0;
  const globalRight = quantile(all.map((l) => l.x1), 0.9) ?? 0;
  // Each page's left edge, and the right edge of the pages that sit at the document's left edge: a
  // page moved right (mirrored margins, a deskewed scan) can outnumber the others and carry the
  // document's right edge with it, so its own lines would never reach past that edge.
  const pageLefts = pages.map((lines) => (lines.length >= 6 ? (leftEdge(lines.map((l) => l.x0)) ?? globalLeft) : globalLeft));
  const atEdge = pages.flatMap((lines, i) => (pageLefts[i]! <= globalLeft + 0.8 * (lines[0]?.size ?? 0) ? lines : []));
  const unmovedRight = quantile(atEdge.map((l) => l.x1), 0.9) ?? globalRight;
  // Each paragraph's lines, joined once at the end, with its first and last character kept apart:
  // testing `/[)）]$/` on a paragraph grown by `+=` flattens it each time, quadratic in a
  // paragraph that runs on for pages (20 pages of one paragraph: > 20 CPU-s).
  const parts: string[][] = [];
  let head = '';
  let tail = '';
  const pageOf: number[] = [];
  let prev: TextLine | undefined;
  let prevRight = globalRight;
  let inBody = false;
  for (const [pageIndex, lines] of pages.entries()) {
    // Odd and even pages may have mirrored margins: measure each page that has enough lines.
    const pageLeft = pageLefts[pageIndex]!;
    // A page of short paragraphs has most lines indented and only one or two at the margin, too few
    // to count as its edge: a line at the document's edge shows the edge is still there.
    // A page of one-line paragraphs (（一）… items, each its own line) may have no line at the margin
    // at all: every line starts at the indent. Mirrored margins move the right edge with the left; a
    // page whose lines reach no further right than the unmoved pages' do is not moved, so its edge is
    // the document's.
    const unmoved =
      pageLeft > globalLeft + 0.8 * (lines[0]?.size ?? 0) && lines.length > 0 && lines.every((l) => l.x1 - 0.5 * l.size <= unmovedRight);
    const pageLeftEdge = unmoved || lines.some((l) => Math.abs(l.x0 - globalLeft) < 0.5 * l.size) ? Math.min(pageLeft, globalLeft) : pageLeft;
    const pageRight = lines.length >= 6 ? (quantile(lines.map((l) => l.x1), 0.9) ?? globalRight) : globalRight;
    for (const line of lines) {
      const size = line.size;
      // on a two-column page each line is measured against its own column
      const left = line.column?.left ?? pageLeftEdge;
      const right = line.column?.right ?? pageRight;
      const starts =
        !prev ||
        line.table === true ||
        prev.table === true ||
        line.indented ||
        line.x0 > left + 0.8 * size ||
        (prev.x1 < prevRight - 1.5 * size && !keptTogether(prev, prevRight, inBody)) ||
        spacedAfter(prev, line) ||
        Math.abs(prev.size - size) > 0.15 * size ||
        // a line set right or centred (a signature, its date) is a paragraph of its own: the next
        // line back at the margin starts another even though the one before ended at the right edge
        (prev.x0 > left + 3 * prev.size && prev.x1 - prev.x0 < 0.6 * (right - left) && line.x0 < left + 0.8 * size) ||
        ((ARTICLE_START_RE.test(line.text) || HEADING_START_RE.test(line.text)) && SENTENCE_END_RE.test(prev.text)) ||
        // a numbered section heading (五、违约责任) after a paragraph that filled its last line
        (SECTION_HEADING_RE.test(line.text) && /[。；;！!？?]$/.test(prev.text));
      // A centred block wrapped over several lines (a long history line in parentheses) stays one.
      const centred = (l: TextLine) =>
        l.x0 > left + 0.8 * l.size && Math.abs((l.x0 + l.x1) / 2 - (left + right) / 2) < l.size;
      const openParen = parts.length > 0 && /^[（(]$/.test(head) && !/^[)）]$/.test(tail);
      const wrappedCentre =
        starts && !inBody && prev !== undefined && !line.indented && openParen && centred(line);
      // A header block set in from both margins (the history lines in 楷体) wraps onto lines with
      // the same indent: such a line continues unless it starts a new dated entry or the line
      // before closed its sentence (or ended in a 目录 page number).
      const wrappedBlock =
        starts &&
        !inBody &&
        prev !== undefined &&
        !line.indented &&
        line.x0 > left + 0.8 * size &&
        Math.abs(line.x0 - prev.x0) < 0.3 * size &&
        Math.abs(prev.size - size) <= 0.15 * size &&
        !HEADER_ENTRY_START_RE.test(line.text) &&
        !/[0-9０-９]$/.test(prev.text) &&
        !SENTENCE_END_RE.test(prev.text);
      // The body begins at the first article, heading or numbered section (一、 / （一）): after
      // it an indented line that happens to sit mid-page is a paragraph, not a wrapped header line.
      if (ARTICLE_START_RE.test(line.text) || HEADING_START_RE.test(line.text) || SECTION_START_RE.test(line.text)) inBody = true;
      if ((starts && !wrappedCentre && !wrappedBlock) || parts.length === 0) {
        parts.push([line.text]);
        pageOf.push(line.page);
        head = line.text.charAt(0);
        tail = line.text.charAt(line.text.length - 1);
      } else {
        // a space typed at the wrap stays where it separates a Latin word or a number from an ideograph
        const typedAtWrap = (prev?.typedSpaceAfter === true || line.typedSpaceBefore === true) && latinBoundary(tail, line.text.charAt(0));
        const glue = ASCII_WORD_END.test(tail) && ASCII_WORD_START.test(line.text) ? ' ' : typedAtWrap ? TYPED_SPACE : '';
        parts[parts.length - 1]!.push(glue + line.text);
        if (head === '') head = line.text.charAt(0);
        if (line.text !== '') tail = line.text.charAt(line.text.length - 1);
      }
      prev = line;
      prevRight = right;
    }
  }
  return { paragraphs: parts.map((p) => p.join('')), pageOf };
}


/**
 * Lines of every page → plain law text and the warnings for the import report, or undefined when
 * no page has any text left once headers and footers are gone.
 */
export function layoutPages(rawPages: TextLine[][], opts: { spacing?: boolean } = {}): { text: string; warnings: string[] } | undefined {
  const warnings: string[] = [];
  const chars = (ps: TextLine[][]) => ps.flat().reduce((s, l) => s + l.text.replace(/\s/g, '').length, 0);
  const notePages = rawPages.map((lines) => lines.filter((l) => l.footnote && !l.endnote).length);
  const endnotes = rawPages.reduce((n, lines) => n + lines.filter((l) => l.endnote).length, 0);
  const bodyPages = rawPages.map((lines) => lines.filter((l) => !l.footnote));
  let dropped = dropHeadersFooters(bodyPages);
  // Every line repeated on every page (a one-line form printed twice, a short notice whose pages
  // are copies): those are the text, not running headers.
  if (chars(dropped.pages) === 0) dropped = dropHeadersFooters(bodyPages, false);
  const { pages, droppedRunning, droppedNumbers } = dropped;
  if (chars(pages) === 0) return undefined;
  for (const [text, count] of droppedRunning) warnings.push(`已去除页眉页脚“${text.slice(0, 30)}”${count} 处`);
  if (droppedNumbers > 0) warnings.push(`已去除页码 ${droppedNumbers} 处`);
  const notes = notePages.reduce((a, b) => a + b, 0);
  if (notes > 0) warnings.push(`${pageList(notePages.flatMap((n, i) => (n > 0 ? [i + 1] : [])))}底部的 ${notes} 条脚注及其标号未并入正文`);
  if (endnotes > 0) warnings.push(`文末的 ${endnotes} 条尾注及其标号未并入正文`);
  const { paragraphs, pageOf } = joinParagraphs(pages, opts);
  const result = toPlainLawText(paragraphs, { positioned: true });
  if (result.tocAt !== undefined) {
    warnings.push(`已跳过目录（第 ${pageOf[result.tocAt]} 页，${result.tocEntries} 个条目）`);
  }
  const garbled = garbledTextWarning(result.text);
  if (garbled) warnings.unshift(garbled);
  return { text: result.text, warnings };
}
