// Tables drawn with ruling lines (a PDF's cell borders): the lines give the cell grid, merged cells
// included, where aligned gaps cannot (a row span leaves its column empty on the rows below, a
// column span covers a gap, and LibreOffice leaves barely a character between cells). The grid's
// rows come out in the shape every reader gives a table (table-rows.ts): one `|a|b|` line per row,
// a merged cell once, in the row where it starts, and an empty cell in each row a row span covers
// below — as Word stores a vertically merged cell — so a 裁量基准 table reads the same from PDF as
// from DOCX, .doc or HTML. A grid that is no data table (a 红头 laid out in a table, a framed note)
// is left to the layout step as lines.

import { alignedSpaceTables, buildLines, isPageNumberLine, type PositionedText, type RuledRow, type TextLine } from './text-layout';
import { isDataTable, tableRowLine } from './table-rows';

/** A straight ruling line: horizontal (y fixed, x from a to b) or vertical (x fixed, y from a to b). */
export interface Ruling {
  horizontal: boolean;
  at: number;
  a: number;
  b: number;
}

/** A table's grid: column edges left to right, row edges top to bottom (PDF y grows up), merged cells. */
export interface RuledGrid {
  xs: number[];
  ys: number[];
  /** Each cell's extent as grid indexes: rows r0..r1-1, columns c0..c1-1. */
  cells: { r0: number; r1: number; c0: number; c1: number }[];
  /** The cell each slot belongs to, row by row ((ys.length - 1) × (xs.length - 1) of them). */
  owner: number[];
  /**
   * No rule closes the table at its top / bottom, but its outer borders run on to this edge: a row
   * cut by the page break (Chromium draws no border where a row breaks; LibreOffice and Word do).
   */
  openTop: boolean;
  openBottom: boolean;
}

/** Lines closer than this (points) are one edge: LibreOffice draws a double border 0.5 pt apart. */
const SAME = 2;
/** A cell narrower or lower than this is a double border's inside, not a cell. */
const MIN_CELL = 4;
/** More rulings than this on one page is no table a person typeset (a hatched drawing, a hostile file). */
const MAX_RULINGS = 5000;
/** Ruled tables on one page at most. */
const MAX_GRIDS = 40;
/** A grid of more cells than this is no table of a law's (and its cell merging is quadratic). */
const MAX_GRID_CELLS = 20_000;

function cluster(values: number[]): number[] {
  const sorted = [...values].sort((x, y) => x - y);
  const out: number[] = [];
  let run: number[] = [];
  for (const v of sorted) {
    if (run.length > 0 && v - run[run.length - 1]! > SAME) {
      out.push(run.reduce((s, x) => s + x, 0) / run.length);
      run = [];
    }
    run.push(v);
  }
  if (run.length > 0) out.push(run.reduce((s, x) => s + x, 0) / run.length);
  return out;
}

/** Collinear pieces that touch become one line (a border is drawn cell by cell). */
function joinCollinear(rulings: Ruling[]): Ruling[] {
  const sorted = [...rulings].sort((p, q) => p.at - q.at || p.a - q.a);
  const out: Ruling[] = [];
  for (const r of sorted) {
    const same = out.filter((o) => Math.abs(o.at - r.at) <= SAME / 2 && r.a <= o.b + SAME && r.b >= o.a - SAME);
    const last = same[same.length - 1];
    if (last) {
      last.a = Math.min(last.a, r.a);
      last.b = Math.max(last.b, r.b);
    } else out.push({ ...r });
  }
  return out;
}

const crosses = (h: Ruling, v: Ruling) => v.at >= h.a - SAME && v.at <= h.b + SAME && h.at >= v.a - SAME && h.at <= v.b + SAME;

/**
 * The grids the rulings of one page draw: each set of horizontal and vertical lines that cross one
 * another, with at least two rows and two columns of cells. Lines without crossings (an underline,
 * a 红头's rule, a three-line table's rules) make no grid.
 */
export function ruledGrids(rulings: readonly Ruling[]): RuledGrid[] {
  if (rulings.length > MAX_RULINGS) return [];
  const h = joinCollinear(rulings.filter((r) => r.horizontal));
  const v = joinCollinear(rulings.filter((r) => !r.horizontal));
  // connected sets of crossing lines (union–find over h then v)
  const parent = [...h, ...v].map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (const [i, hi] of h.entries()) {
    for (const [j, vj] of v.entries()) if (crosses(hi, vj)) parent[find(i)] = find(h.length + j);
  }
  const groups = new Map<number, { h: Ruling[]; v: Ruling[] }>();
  for (let i = 0; i < parent.length; i++) {
    const g = groups.get(find(i)) ?? { h: [], v: [] };
    if (i < h.length) g.h.push(h[i]!);
    else g.v.push(v[i - h.length]!);
    groups.set(find(i), g);
  }
  const grids: RuledGrid[] = [];
  for (const g of groups.values()) {
    const xs = cluster(g.v.map((r) => r.at));
    const ys = cluster(g.h.map((r) => r.at)).reverse();
    if (xs.length < 3 || ys.length < 3 || (xs.length - 1) * (ys.length - 1) > MAX_GRID_CELLS) continue;
    if (overlappingFrames(g.h, g.v)) continue;
    const open = openEdges(xs, ys, g.v);
    if (open.top !== undefined) ys.unshift(open.top);
    if (open.bottom !== undefined) ys.push(open.bottom);
    const grid = gridCells(xs, ys, g.h, g.v, open.top !== undefined, open.bottom !== undefined);
    if (grid) grids.push(grid);
  }
  // a page of more tables than this is a drawing (a form's boxes); its text is read as lines
  return grids.length > MAX_GRIDS ? [] : grids;
}

interface Frame {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/**
 * Whether two closed frames of these lines overlap without either holding the other: text boxes
 * printed with their borders (a 红头's box and a header's box LibreOffice lets run 6.7 pt into it),
 * not one table. A table's outer border holds every cell; two tables side by side share at most an
 * edge. A frame is a rectangle whose four sides are lines ending at its corners.
 */
function overlappingFrames(h: readonly Ruling[], v: readonly Ruling[]): boolean {
  const near = (p: number, q: number) => Math.abs(p - q) <= SAME;
  const frames: Frame[] = [];
  for (const left of v) {
    for (const top of h) {
      if (!near(top.a, left.at) || !near(top.at, left.b)) continue;
      const right = v.find((r) => near(r.at, top.b) && near(r.a, left.a) && near(r.b, left.b));
      const bottom = right && h.find((r) => near(r.at, left.a) && near(r.a, left.at) && near(r.b, top.b));
      if (bottom) frames.push({ x0: left.at, x1: top.b, y0: left.a, y1: left.b });
      if (frames.length > MAX_GRIDS) return false;
    }
  }
  const holds = (p: Frame, q: Frame) => p.x0 <= q.x0 + SAME && p.x1 >= q.x1 - SAME && p.y0 <= q.y0 + SAME && p.y1 >= q.y1 - SAME;
  const meet = (p: Frame, q: Frame) => Math.min(p.x1, q.x1) - Math.max(p.x0, q.x0) > SAME && Math.min(p.y1, q.y1) - Math.max(p.y0, q.y0) > SAME;
  return frames.some((p, i) => frames.some((q, j) => j > i && meet(p, q) && !holds(p, q) && !holds(q, p)));
}

/**
 * Where both outer borders run on past the first or last rule by more than a double border's
 * width, the row there is open: the edge is where the shorter border ends.
 */
function openEdges(xs: readonly number[], ys: readonly number[], v: readonly Ruling[]): { top?: number; bottom?: number } {
  const border = (x: number) => v.filter((r) => Math.abs(r.at - x) <= SAME);
  const left = border(xs[0]!);
  const right = border(xs[xs.length - 1]!);
  if (left.length === 0 || right.length === 0) return {};
  const low = Math.max(Math.min(...left.map((r) => r.a)), Math.min(...right.map((r) => r.a)));
  const high = Math.min(Math.max(...left.map((r) => r.b)), Math.max(...right.map((r) => r.b)));
  return {
    top: high > ys[0]! + 2 * MIN_CELL ? high : undefined,
    bottom: low < ys[ys.length - 1]! - 2 * MIN_CELL ? low : undefined,
  };
}

/** The lines standing at each edge (within SAME), so a slot's borders are looked up, not searched for. */
function linesAtEdges(edges: readonly number[], lines: readonly Ruling[]): Ruling[][] {
  const at = edges.map(() => [] as Ruling[]);
  for (const l of lines) {
    const k = edges.findIndex((e) => Math.abs(e - l.at) <= SAME);
    if (k >= 0) at[k]!.push(l);
  }
  return at;
}

/** Cells of the grid: neighbouring slots with no line between them are one (merged) cell. */
function gridCells(xs: number[], ys: number[], h: Ruling[], v: Ruling[], openTop: boolean, openBottom: boolean): RuledGrid | undefined {
  // a double border's inside (narrower than MIN_CELL) is no column or row
  const keep = (edges: number[]) => edges.filter((e, i) => i === 0 || Math.abs(e - edges[i - 1]!) >= MIN_CELL);
  xs = keep(xs);
  ys = keep(ys);
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  if (rows < 1 || cols < 1) return undefined;
  const vAt = linesAtEdges(xs, v);
  const hAt = linesAtEdges(ys, h);
  // is there a line along x = xs[c] over the middle of row r? along y = ys[r] over the middle of column c?
  const vertical = (c: number, r: number) => {
    const mid = (ys[r]! + ys[r + 1]!) / 2;
    return vAt[c]!.some((l) => l.a <= mid && l.b >= mid);
  };
  const horizontal = (r: number, c: number) => {
    const mid = (xs[c]! + xs[c + 1]!) / 2;
    return hAt[r]!.some((l) => l.a <= mid && l.b >= mid);
  };
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && !vertical(c + 1, r)) parent[find(r * cols + c)] = find(r * cols + c + 1);
      if (r + 1 < rows && !horizontal(r + 1, c)) parent[find(r * cols + c)] = find((r + 1) * cols + c);
    }
  }
  const index = new Map<number, number>();
  const owner: number[] = [];
  const cells: RuledGrid['cells'] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const root = find(r * cols + c);
      let k = index.get(root);
      if (k === undefined) {
        k = cells.length;
        index.set(root, k);
        cells.push({ r0: r, r1: r + 1, c0: c, c1: c + 1 });
      }
      const b = cells[k]!;
      b.r1 = Math.max(b.r1, r + 1);
      b.c0 = Math.min(b.c0, c);
      b.c1 = Math.max(b.c1, c + 1);
      owner.push(k);
    }
  }
  // a grid that is one cell (a framed paragraph) or one row/column of cells is no table
  if (cells.length < 4) return undefined;
  return { xs, ys, cells, owner, openTop, openBottom };
}

const chars = (s: string) => [...s];
const narrowChar = (c: string) => c.charCodeAt(0) < 0x2000 || (c >= '\uff61' && c <= '\uffdc');

/** An item crossing a column edge (pdf.js joins runs it finds close) is cut there, by estimated advances. */
function splitAtEdges(it: PositionedText, xs: readonly number[]): PositionedText[] {
  const inner = xs.filter((x) => x > it.x + 0.5 * it.size && x < it.x + it.w - 0.5 * it.size);
  if (inner.length === 0) return [it];
  const cs = chars(it.str);
  const est = cs.map((c) => (narrowChar(c) ? 0.5 : 1));
  const scale = it.w / (est.reduce((s, x) => s + x, 0) || 1);
  const out: PositionedText[] = [];
  let x = it.x;
  let edge = 0; // the next edge to pass
  let cur: PositionedText = { ...it, str: '', w: 0 };
  for (const [k, c] of cs.entries()) {
    const w = est[k]! * scale;
    if (edge < inner.length && x + w / 2 > inner[edge]!) {
      while (edge < inner.length && x + w / 2 > inner[edge]!) edge++;
      if (cur.str.trim() !== '') out.push({ ...cur, str: cur.str.trimEnd() });
      cur = { ...it, str: '', x, w: 0 };
    }
    cur.str += c;
    cur.w += w;
    x += w;
  }
  out.push(cur);
  return out;
}

/** Two pieces of a cell's text wrapped apart: no space inside Chinese text, one between Latin words or digits. */
const joinWrapped = (s: string, l: string) => (s === '' ? l : l === '' ? s : /[A-Za-z0-9]$/.test(s) && /^[A-Za-z0-9]/.test(l) ? `${s} ${l}` : s + l);

/** A cell's text: its lines joined (a wrap inside Chinese text is no space). */
function cellText(items: PositionedText[], page: number): string {
  if (items.length === 0) return '';
  return buildLines(items, page).map((l) => l.text.trim()).filter(Boolean).reduce(joinWrapped, '');
}

/** A cell's text stands on to its bottom edge (within a line and a half: the cell's padding), so it may run on below. */
function reachesBottom(items: readonly PositionedText[], bottom: number): boolean {
  if (items.length === 0) return false;
  const lowest = items.reduce((m, it) => (it.y < m.y ? it : m));
  return lowest.y - bottom <= 1.5 * lowest.size;
}

const sameEdges = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => Math.abs(x - b[i]!) <= SAME);

/**
 * One page's text with its ruled data tables: the tables' items become one row line each
 * (`table: true`), placed where the table stands among the page's other lines, which are built as
 * before from the items outside them.
 */
export function linesWithRuledTables(items: PositionedText[], grids: readonly RuledGrid[], page: number, continued?: RuledRow): TextLine[] {
  if (grids.length === 0) return alignedSpaceTables(buildLines(items, page));
  let rest = items;
  const tables: { top: number; rows: TextLine[] }[] = [];
  const topmost = grids.reduce((a, b) => (b.ys[0]! > a.ys[0]! ? b : a));
  for (const grid of grids) {
    const left = grid.xs[0]!;
    const right = grid.xs[grid.xs.length - 1]!;
    const top = grid.ys[0]!;
    const bottom = grid.ys[grid.ys.length - 1]!;
    const inside: PositionedText[] = [];
    const outside: PositionedText[] = [];
    for (const it of rest) {
      const mid = it.y + 0.3 * it.size; // a glyph's middle stands above its baseline
      if (it.x + it.w / 2 > left && it.x + it.w / 2 < right && mid < top && mid > bottom) inside.push(...splitAtEdges(it, grid.xs));
      else outside.push(it);
    }
    const cols = grid.xs.length - 1;
    const slot = (x: number, y: number) => {
      const c = grid.xs.findIndex((e, i) => i > 0 && x < e) - 1;
      const r = grid.ys.findIndex((e, i) => i > 0 && y > e) - 1;
      return c < 0 || r < 0 ? -1 : grid.owner[r * cols + c]!;
    };
    const inCell = grid.cells.map(() => [] as PositionedText[]);
    for (const it of inside) {
      const k = slot(it.x + it.w / 2, it.y + 0.3 * it.size);
      if (k >= 0) inCell[k]!.push(it);
    }
    const texts = inCell.map((its) => cellText(its, page));
    // rows in Word's shape: a cell where it starts, an empty one in each row its span covers below
    const rows: string[][] = [];
    for (let r = 0; r + 1 < grid.ys.length; r++) {
      const row: string[] = [];
      for (let c = 0; c < cols; c++) {
        const k = grid.owner[r * cols + c]!;
        if (c > 0 && grid.owner[r * cols + c - 1] === k) continue;
        row.push(grid.cells[k]!.r0 === r ? texts[k]! : '');
      }
      rows.push(row);
    }
    // the page's first table, in the columns of the one that ended the page before, goes on with it
    // even when the rows here alone would not pass for data (a heading and a cell's last lines)
    const goesOn = continued !== undefined && grid === topmost && sameEdges(grid.xs, continued.xs);
    if (!goesOn && !isDataTable(rows.map((row) => row.map((t) => [t])))) continue;
    rest = outside;
    const size = inside.map((i) => i.size).sort((x, y) => x - y)[inside.length >> 1] ?? 12;
    const full = grid.cells.map((c, k) => reachesBottom(inCell[k]!, grid.ys[c.r1]!));
    const lines: TextLine[] = [];
    for (const [r, row] of rows.entries()) {
      if (row.every((t) => t === '')) continue;
      const owners: number[] = [];
      for (let c = 0; c < cols; c++) if (c === 0 || grid.owner[r * cols + c] !== grid.owner[r * cols + c - 1]) owners.push(grid.owner[r * cols + c]!);
      const ruledRow: RuledRow = {
        cells: row,
        xs: grid.xs,
        full: owners.map((k) => grid.cells[k]!.r1 === r + 1 && full[k]!),
        spansDown: owners.map((k) => grid.cells[k]!.r1 > r + 1),
        openTop: r === 0 && grid.openTop,
        openBottom: r + 2 === grid.ys.length && grid.openBottom,
      };
      lines.push({ page, text: tableRowLine(row), x0: left, x1: right, y: grid.ys[r]! - size, size, indented: false, table: true, ruled: true, ruledRow });
    }
    tables.push({ top, rows: lines });
  }
  const lines = alignedSpaceTables(buildLines(rest, page));
  for (const t of tables.sort((p, q) => q.top - p.top)) {
    const at = lines.findIndex((l) => l.y < t.top);
    lines.splice(at < 0 ? lines.length : at, 0, ...t.rows);
  }
  return lines;
}

/**
 * A table that runs over a page break repeats its heading rows at the top of the next page (Word's
 * and LibreOffice's 标题行重复); the DOCX holds them once, so the repeats go. A page continues the
 * table when the page before ends in its rows and this one starts with rows (a running header or a
 * page number may stand beyond either); only rows equal to the table's own first rows are dropped.
 */
export function dropRepeatedTableHeads(pages: TextLine[][]): void {
  let head: string[] | undefined; // the first rows of the table the last page ended in
  for (const [p, lines] of pages.entries()) {
    const first = lines.findIndex((l) => l.ruled);
    const continues = head !== undefined && first >= 0 && first < 3;
    if (continues) {
      let k = 0;
      while (k < head!.length && lines[first + k]?.ruled && lines[first + k]!.text === head![k]) k++;
      if (k > 0 && k < lines.length - first) lines.splice(first, k);
    }
    const last = lines.findLastIndex((l) => l.ruled);
    if (last < 0 || last < lines.length - 3) head = undefined;
    else if (!continues || pages[p - 1] === undefined) {
      // the table that ends this page starts on it: its first rows are its heading, if it repeats one
      let start = last;
      while (start > 0 && lines[start - 1]!.ruled) start--;
      head = lines.slice(start, Math.min(start + 3, last + 1)).map((l) => l.text);
    }
  }
}

type IsFurniture = (line: TextLine) => boolean;
/** Lines beyond a table at a page's edge that may stand there without ending it (two at most: a page number, a running header). */
const furniture = (lines: readonly TextLine[], isFurniture: IsFurniture) => lines.length <= 2 && lines.every(isFurniture);
/** While pages are read one by one, a short line may be furniture (only used to accept a grid that goes on). */
const short: IsFurniture = (l) => l.text.trim().length <= 40;

/** The ruled row that ends a page, when the table runs to the page's bottom (only furniture below it). */
export function rowEndingPage(lines: readonly TextLine[] | undefined, isFurniture: IsFurniture = short): TextLine | undefined {
  if (!lines) return undefined;
  const last = lines.findLastIndex((l) => l.ruled);
  return last >= 0 && furniture(lines.slice(last + 1), isFurniture) ? lines[last] : undefined;
}

/** Page furniture for joining: a page number, or a line standing at the top or bottom of other pages too (a running header or footer). */
function furnitureOf(pages: readonly TextLine[][]): IsFurniture {
  const seen = new Map<string, number>();
  for (const lines of pages) {
    const edge = new Set([...lines.slice(0, 2), ...lines.slice(-2)].filter((l) => !l.ruled).map((l) => l.text.trim()));
    for (const t of edge) seen.set(t, (seen.get(t) ?? 0) + 1);
  }
  return (l) => isPageNumberLine(l.text.trim()) || (seen.get(l.text.trim()) ?? 0) >= 2;
}

/**
 * Whether the first row of a page continues the row that ended the page before (a cell whose text
 * ran over the break: Word and LibreOffice let a row break across pages). Sure when the rules say
 * so — the row is open at the bottom of the one page or the top of the next. When both are closed
 * (LibreOffice and Word draw a border on either side of the break), the cells decide: the row on
 * the new page has text only in cells whose text stood on to the bottom of the page before, and a
 * cell that had text there (its 序号) has none — a new row fills its own. A row starting a merged
 * cell over rows below is a new row (a row span's next group).
 */
function continuesRow(last: RuledRow, next: RuledRow): boolean {
  if (!sameEdges(last.xs, next.xs) || last.cells.length !== next.cells.length || next.spansDown.some(Boolean)) return false;
  if (next.cells.every((c) => c === '')) return false;
  if (last.openBottom || next.openTop) return true;
  return next.cells.every((c, i) => c === '' || last.full[i]) && next.cells.some((c, i) => c === '' && last.cells[i] !== '');
}

/**
 * A cell whose text runs over a page break is one cell: the first row of a page (after a repeated
 * heading, dropped before) is joined to the row that ended the page before when it continues it
 * (`continuesRow`), so the table has the DOCX's rows, not one more per break. Run after
 * `dropRepeatedTableHeads`, page by page; a cell over three pages is joined twice. Each cell's
 * pieces are joined once at the end (a crafted row running over 2,000 pages stays linear).
 */
export function joinRowsOverPageBreaks(pages: TextLine[][]): void {
  const pieces = new Map<TextLine, string[][]>();
  const isFurniture = furnitureOf(pages);
  let last: TextLine | undefined;
  for (const lines of pages) {
    const first = lines.findIndex((l) => l.ruled);
    const next = first >= 0 && furniture(lines.slice(0, first), isFurniture) ? lines[first] : undefined;
    const ending = rowEndingPage(lines, isFurniture);
    if (last?.ruledRow && next?.ruledRow && continuesRow(last.ruledRow, next.ruledRow)) {
      const parts = pieces.get(last) ?? last.ruledRow.cells.map((c) => [c]);
      next.ruledRow.cells.forEach((c, i) => parts[i]!.push(c));
      pieces.set(last, parts);
      // the merged row is as full and as open at its bottom as its last piece
      last.ruledRow = { ...next.ruledRow, cells: last.ruledRow.cells.map((c, i) => (c === '' ? next.ruledRow!.cells[i]! : c)), openTop: last.ruledRow.openTop };
      lines.splice(first, 1);
      // the row ran over this whole page too: it may go on over the next break
      if (ending === next) continue;
    }
    last = ending;
  }
  for (const [line, parts] of pieces) {
    const cells = parts.map((ps) => ps.filter((p) => p !== '').map((p, i, all) => (i > 0 && /[A-Za-z0-9]$/.test(all[i - 1]!) && /^[A-Za-z0-9]/.test(p) ? ` ${p}` : p)).join(''));
    line.ruledRow = { ...line.ruledRow!, cells };
    line.text = tableRowLine(cells);
  }
}
