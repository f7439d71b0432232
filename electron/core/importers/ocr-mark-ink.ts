// A comma's width read from the page's own ink, in the OCR thread while the page image is at hand: tesseract's
// LSTM box of a mark stands up to a pitch right of its ink (median 0.85 pitch, README-importers *Session 30*), so the
// mark is found by its ink — a narrow run of ink columns low in the line's band — and its advance is measured from its
// ink's start to the next run's start, in the line's pitches. A full-width ， leaves about half a cell of white
// (advance ≈ 0.7–1.1), a half-width , almost none (≈ 0.25–0.35). Kept on the symbol as `ink`
// (OcrSymbol.ink); the rule that reads it (inkSaysHalfWidth) highlights, never corrects.
// Invariant: the image is the one tesseract read, looked at in the frame of its boxes: turned back by the angle
// tesseract levelled the page by (recogniseLevelled's rotateRadians), about the page's centre.

import type { OcrLine, OcrSymbol } from './ocr-engine';
import { lineGeometry } from './ocr-geometry';

/** An 8-bit grey page (a PGM's pixels from `offset`), as the OCR thread hands it to tesseract. */
export interface GreyPage {
  data: Uint8Array;
  offset: number;
  width: number;
  height: number;
}

/**
 * Commas only. ；： were tried on the band's lower half (their dot above fails "low in the band"): over 44 laws' pages
 * 4 of 135 full-width ones measured < 0.4 and a half-width ; 0.62 — no separation (README-importers, *Session 31*); over
 * every rendered law 16 of 408 full-width < 0.4 against 7 of 8 half-width (*Session 32 (marks)*).
 */
const MARK = /^[,，]$/;
/** A 3×3 mean below this grey is ink (a speck of noise is not). */
const DARK = 128;
/** Ink pixels a column needs to count. */
const MIN_COLUMN = 2;
/** A mark's ink is at most this share of a pitch wide (a full-width ， is ≈ 0.1–0.2). */
const MAX_WIDTH = 0.3;
/** …its bottom within this share of the band of the baseline, and at most this share of the band tall. */
const NEAR_BASE = 0.1;
const TALL = 0.45;

/** The pixel at (x, y) of the levelled frame: the page turned by `radians` about its centre, a 3×3 mean. */
function sampler(img: GreyPage, radians: number): (x: number, y: number) => number {
  const cx = img.width / 2;
  const cy = img.height / 2;
  const c = Math.cos(radians);
  const s = Math.sin(radians);
  const { data, offset, width, height } = img;
  return (x, y) => {
    const dx = x - cx;
    const dy = y - cy;
    const X = Math.round(cx + c * dx - s * dy);
    const Y = Math.round(cy + s * dx + c * dy);
    if (X < 1 || Y < 1 || X >= width - 1 || Y >= height - 1) return 255;
    let sum = 0;
    for (let j = -1; j <= 1; j++) {
      const row = offset + (Y + j) * width + X;
      sum += data[row - 1]! + data[row]! + data[row + 1]!;
    }
    return sum / 9;
  };
}

interface Run {
  s: number;
  e: number;
  t: number;
  b: number;
}

/**
 * The advance of the mark `line.symbols[i]` from its ink, in pitches, or undefined when it cannot be measured (no
 * box, no pitch, nothing after it on its line, no mark-like ink near its box).
 */
export function markAdvance(at: (x: number, y: number) => number, line: OcrLine, i: number, pitch: number): number | undefined {
  const s = line.symbols;
  const m = s[i]!;
  if (!MARK.test(m.ch) || m.x0 === undefined || m.x1 === undefined) return undefined;
  // a line-end mark has no next character to measure its advance to
  if (!s.slice(i + 1).some((x) => x.ch !== ' ')) return undefined;
  const p = pitch;
  const H = line.y1 - line.y0;
  if (H <= 0 || p <= 0) return undefined;
  const x0 = Math.floor(m.x0 - 1.2 * p);
  const x1 = Math.ceil(m.x1 + 2 * p);
  const runs: Run[] = [];
  for (let x = x0; x <= x1; x++) {
    let n = 0;
    let t = Infinity;
    let b = -Infinity;
    for (let y = line.y0; y <= line.y1; y++) {
      if (at(x, y) < DARK) {
        n++;
        if (y < t) t = y;
        b = y;
      }
    }
    if (n < MIN_COLUMN) continue;
    const last = runs[runs.length - 1];
    // (a one-column gap joins: a stroke's thin part is not a gap)
    if (last && x - last.e <= 2) {
      last.e = x;
      last.t = Math.min(last.t, t);
      last.b = Math.max(last.b, b);
    } else runs.push({ s: x, e: x, t, b });
  }
  const looksMark = (r: Run) =>
    r.e >= m.x0! - 1.0 * p && r.s <= m.x1! + 0.5 * p && r.e - r.s + 1 <= MAX_WIDTH * p && r.t >= line.y0 + 0.25 * H && r.b >= line.baseline - NEAR_BASE * H && r.b - r.t <= TALL * H;
  // Of the mark-like runs near the box, the one followed by the most room: a stroke of the next character (纟 of 结,
  // 坚's foot) is mark-like too, but the mark's own white stands before it (session 30: the nearest run to the box was
  // taken and 14 of 2,274 full-width marks measured < 0.4 so). A half-width mark has no wide room after any candidate.
  let best: number | undefined;
  runs.forEach((r, k) => {
    const next = runs[k + 1];
    if (!next || !looksMark(r)) return;
    const advance = (next.s - r.s) / p;
    if (best === undefined || advance > best) best = advance;
  });
  return best === undefined ? undefined : Math.round(best * 100) / 100;
}

/** A line's band may differ from the page's usual one by this share and still take the page's pitch. */
const SAME_BAND = 0.2;

/**
 * Each line's pitch: its own (lineGeometry, from five pairs of ideographs), else — a paragraph's short last line
 * (`同意,不得启封。`, four pairs) — the page's median pitch when the line's band is the page's usual height (a heading in
 * a larger size keeps none).
 */
function linePitches(lines: readonly OcrLine[]): (line: OcrLine) => number | undefined {
  const own = new Map<OcrLine, number>();
  for (const line of lines) {
    const g = lineGeometry(line.symbols.filter((x) => x.ch !== ' '));
    if (g) own.set(line, g.pitch);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const pagePitch = median([...own.values()]);
  const band = median([...own.keys()].map((l) => l.y1 - l.y0));
  return (line) => {
    const p = own.get(line);
    if (p !== undefined) return p;
    if (pagePitch === undefined || band === undefined || band <= 0) return undefined;
    return Math.abs(line.y1 - line.y0 - band) <= SAME_BAND * band ? pagePitch : undefined;
  };
}

/**
 * The page's lines with each measurable comma's `ink` advance set (OcrSymbol.ink). `radians`: the angle tesseract
 * turned the page by before reading it (recogniseLevelled's rotateRadians; 0 for a level page) — its boxes are in that
 * frame, which the page shows turned back by it (on a rendered turned page tesseract's 0.021 found the mark, −0.021 not).
 */
export function withMarkInk(img: GreyPage, lines: readonly OcrLine[], radians: number): OcrLine[] {
  const at = sampler(img, -radians);
  const pitchOf = linePitches(lines);
  return lines.map((line) => {
    if (!line.symbols.some((x) => MARK.test(x.ch))) return line;
    const pitch = pitchOf(line);
    if (pitch === undefined) return line;
    return {
      ...line,
      symbols: line.symbols.map((x, i): OcrSymbol => {
        const ink = MARK.test(x.ch) ? markAdvance(at, line, i, pitch) : undefined;
        return ink === undefined ? x : { ...x, ink };
      }),
    };
  });
}

/**
 * Advance below which a mark's ink says half-width. Measured (README-importers, *Session 31*): half-width , 0.23–0.34;
 * full-width ，；： ≥ 0.75 on clean, JPEG and sealed pages.
 */
export const HALF_INK_ADVANCE = 0.5;

/** Whether the page's ink says this mark is printed half-width (its advance measured, and short). */
export function inkSaysHalfWidth(x: OcrSymbol): boolean {
  return x.ink !== undefined && MARK.test(x.ch) && x.ink < HALF_INK_ADVANCE;
}
