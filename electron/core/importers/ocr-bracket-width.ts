// Whether a scanned document prints its brackets half-width — (一), 县(市、区) — as a good part of
// the corpus's texts are typed, or full-width （一）, as official texts print them. Tesseract reads
// both as ( ) and its glyph boxes do not show a bracket's width, but the lines do: on a page set in
// one size, a line is as wide as its characters' cells, and a bracket pair that takes no cell of its
// own leaves its line as wide as its ideographs alone. Only a line that ends short of the right
// margin — a paragraph's last line — shows its natural width: a full line is justified to the
// column, so its width says nothing of its brackets (a half-width pair only leaves the line's slack
// spread between its characters; measured: full lines give 0.33–0.36 of a cell a bracket in the
// half-width laws and 0.21–1.01 in the full-width ones). On the short lines a half-width bracket
// takes 0.00–0.03 of a cell (9 laws, both typefaces, clean, rotated, noisy, JPEG), a full-width
// one 0.11–0.37 by the median of a law's lines (its ink stands at one side of its cell, so a line
// starting with （ looks shorter by part of a cell). Only a clear answer counts; else brackets stay
// full-width.

import type { OcrPage } from './ocr-engine';

const BRACKET = /^[()（）〈〉]$/;
const LATIN = /^[0-9A-Za-z.%]$/;
/** Short lines holding brackets (and no digits or letters, whose widths vary) needed for a verdict (with two, both must agree: the median is the upper one). */
const MIN_LINES = 2;
/** A bracket taking at most this share of a cell, by the median of those lines, is half-width. */
const HALF_CELLS = 0.07;

/** The median share of an ideograph's cell that a bracket takes in the document's short lines (a paragraph's last), and over how many lines. */
export function bracketCells(pages: readonly OcrPage[]): { cells: number; lines: number } | undefined {
  const shares: number[] = [];
  for (const page of pages) {
    const lines = page.lines.map((l) => {
      let han = 0;
      let brackets = 0;
      let latin = 0;
      for (const s of l.symbols) {
        if (s.ch === ' ') continue;
        if (BRACKET.test(s.ch)) brackets++;
        else if (LATIN.test(s.ch)) latin++;
        else han++;
      }
      return { width: l.x1 - l.x0, height: l.y1 - l.y0, x1: l.x1, han, brackets, latin };
    });
    if (lines.length === 0) continue;
    // The right margin: where most full lines end (a speck or a seal beyond it must not move it).
    const right = [...lines.map((l) => l.x1)].sort((a, b) => b - a)[Math.floor(lines.length / 5)]!;
    // The cell: lines that reach the right margin with ideographs and marks only (set full, as the column is wide).
    const pitches = lines.filter((l) => l.x1 > right - 0.4 * l.height && l.brackets === 0 && l.latin === 0 && l.han >= 10).map((l) => l.width / l.han);
    if (pitches.length < 3) continue;
    const pitch = median(pitches);
    // (a line ending a cell or more short of the margin is not justified: its width is its characters')
    for (const l of lines) if (l.brackets > 0 && l.latin === 0 && l.han + l.brackets >= 4 && l.x1 < right - pitch) shares.push((l.width / pitch - l.han) / l.brackets);
  }
  return shares.length ? { cells: median(shares), lines: shares.length } : undefined;
}

/**
 * A single such line is enough when it leaves its brackets no room at all (within this share of a cell of
 * zero). Measured over the 14 development sets' short bracket lines (README-importers, *Session 21*): 96 of 120
 * lines of laws typed with ( ) fall so, and 8 of 504 of laws typed with （）— a document with one line is
 * rarely wrong this way, and one with none of its brackets read as typed was (农民承担费用和劳务管理条例: one
 * short line at 0.03, its 9 pairs read full-width).
 */
const SURE_HALF_CELLS = 0.05;

/** Whether the document's brackets are printed half-width (see above). */
export function halfWidthBrackets(pages: readonly OcrPage[]): boolean {
  const b = bracketCells(pages);
  if (b === undefined) return false;
  return b.lines >= MIN_LINES ? b.cells <= HALF_CELLS : Math.abs(b.cells) <= SURE_HALF_CELLS;
}

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
}
