// Pages that arrive turned — a phone photo taken sideways, a sheet fed upside down — are turned
// upright before they are read, and the turn is reported (「第 N 页已自动旋转 90°」). tesseract's own
// orientation detection (OSD) needs the legacy engine and a second model; this is a test of our own,
// built so that an upright page pays almost nothing:
// - the direction of the text lines is read from the page's ink (projection profiles: the blank
//   rows between horizontal lines; a page turned 90° or 270° has blank columns instead) — a few
//   CPU-ms on a reduced copy;
// - a page whose lines run across is read as it came; only when that reading is not to be trusted
//   (ocr-page-doubt.ts: many characters under the suspect line, or mostly Latin letters) are the
//   other turns tried, each on a band of the page (a fifth of it), and the page is read again turned
//   only when the band reads confidently;
// - a page whose lines run down is tried turned 90° and 270° on a band first (a sideways page read
//   as it came costs two to three times an upright page's recognition, for nothing).
// A page written in columns (竖排) looks like a page turned 90°: no band of it reads confidently at
// any turn, so it is read as it came, marked `linesDown`, and named as not to be trusted (ocr-page-doubt.ts).

import type { OcrTurnedPage } from '../../shared/ocr-page-turn';
import type { OcrLine, OcrPage, PageImage } from './ocr-engine';
import { pgmLayout, reducedPgm, turnedPgm, type QuarterTurn } from './ocr-images';
import { DOUBTFUL_PAGE_MIN_CHARS, DOUBTFUL_PAGE_SHARE, LATIN_PAGE_SHARE, pageDoubt } from './ocr-page-doubt';

/** Which way the page's text lines run, from its ink; `unclear` on a page with too little structure to say. */
export type LineDirection = 'across' | 'down' | 'unclear';

/** The page reduced to about 60 pixels an inch (its size guessed from the width when the dpi is unknown). */
function reducedPage(img: PageImage): { px: Uint8Array; w: number; h: number; offset: number } | undefined {
  const k = Math.max(1, Math.round(img.dpi > 0 ? img.dpi / 60 : img.width / 500));
  const small = reducedPgm(img.data, k);
  const L = small && pgmLayout(small);
  if (!small || !L) return undefined;
  return { px: small, w: L.width, h: L.height, offset: L.offset };
}

/**
 * The shares of the ink's extent that are blank rows (in a strip down the middle of the page) and
 * blank columns (in a strip across it), on a copy reduced to about 60 pixels an inch. Strips, not
 * the whole page, so that a slight skew (a photo) does not fill the gaps between lines: across a
 * quarter of the page a 2° skew moves a line by a fifth of a line height. `slope` (tan of an angle)
 * shears the strips: a row is then the line y = y₀ + slope·(x − x_mid), a column x = x₀ + slope·(y − y_mid),
 * so a page photographed askew is measured along its own lines.
 */
function sheared({ px, w, h, offset }: { px: Uint8Array; w: number; h: number; offset: number }, slope: number): { rows: number; cols: number } {
  // a reduced pixel holding any real share of ink (a mean under 200 of 255) counts
  const ink = (x: number, y: number) => px[offset + y * w + x]! < 200;
  const x0 = Math.floor(w * 0.375);
  const x1 = Math.ceil(w * 0.625);
  const y0 = Math.floor(h * 0.375);
  const y1 = Math.ceil(h * 0.625);
  const xm = (x0 + x1) / 2;
  const ym = (y0 + y1) / 2;
  // a sheared row may start above the page (or end below it): the profiles are offset to hold every one
  const dy = Math.ceil(Math.abs(slope) * (x1 - x0));
  const dx = Math.ceil(Math.abs(slope) * (y1 - y0));
  const rows = new Uint32Array(h + 2 * dy);
  const cols = new Uint32Array(w + 2 * dx);
  for (let y = 0; y < h; y++) for (let x = x0; x < x1; x++) if (ink(x, y)) rows[y + dy - Math.round(slope * (x - xm))]!++;
  for (let y = y0; y < y1; y++) for (let x = 0; x < w; x++) if (ink(x, y)) cols[x + dx - Math.round(slope * (y - ym))]!++;
  const share = (p: Uint32Array) => {
    let first = -1;
    let last = -1;
    p.forEach((v, i) => {
      if (v > 0) {
        if (first < 0) first = i;
        last = i;
      }
    });
    if (first < 0 || last - first < 10) return 0;
    let blank = 0;
    for (let i = first; i <= last; i++) if (p[i] === 0) blank++;
    return blank / (last - first + 1);
  };
  return { rows: share(rows), cols: share(cols) };
}

/** Skews tried when the page measured square says nothing: ±2° to ±14° (a photo taken askew; a scanner feed rarely passes 5°). */
const SKEW_SLOPES = [2, 4, 6, 8, 10, 12, 14].flatMap((d) => [Math.tan((d * Math.PI) / 180), -Math.tan((d * Math.PI) / 180)]);

const direction = (s: { rows: number; cols: number }): LineDirection =>
  s.rows >= 0.1 && s.rows >= 2 * s.cols ? 'across' : s.cols >= 0.1 && s.cols >= 2 * s.rows ? 'down' : 'unclear';

/**
 * Lines run across when blank rows are clearly more common than blank columns (and common at all),
 * down in the opposite case. On an upright A4 page of a law 30–60 % of the rows between its first
 * and last line are blank and almost no column is (README-importers, *A page turned*). A page too
 * askew for the square strips (beyond about 5°, the gaps between lines fill) is measured again along
 * each skew of SKEW_SLOPES, rows and columns each at their best: an upright page pays nothing for it.
 */
export function lineDirection(img: PageImage): LineDirection {
  const small = reducedPage(img);
  if (!small) return 'unclear';
  const square = direction(sheared(small, 0));
  if (square !== 'unclear') return square;
  let rows = 0;
  let cols = 0;
  for (const slope of SKEW_SLOPES) {
    const s = sheared(small, slope);
    rows = Math.max(rows, s.rows);
    cols = Math.max(cols, s.cols);
  }
  return direction({ rows, cols });
}

/** Whether lines read from a page (or a band of it) can be trusted as a reading: enough characters, few under the suspect line, mostly not Latin letters. */
export function readsWell(lines: readonly OcrLine[]): boolean {
  const d = pageDoubt({ lines: lines as OcrLine[], width: 0, height: 0, dpi: 0 });
  return d.chars >= DOUBTFUL_PAGE_MIN_CHARS && d.doubtful < DOUBTFUL_PAGE_SHARE && d.latin < LATIN_PAGE_SHARE;
}

/**
 * Whether a band reads well enough to take its turn. The band's first and last lines are left out
 * when it has more: its edges cut through them, and on a page photographed askew they are cut along
 * their length into strokes that read as nonsense (a 4° skew: two such lines in twelve took a right
 * turn's band past the doubtful share, and the page was read sideways).
 */
export function bandReadsWell(lines: readonly OcrLine[]): boolean {
  const inner = lines.length > 3 ? [...lines].sort((a, b) => a.y0 - b.y0).slice(1, -1) : lines;
  return readsWell(inner);
}

/** The band a turn is tried on: a fifth of the page's height where its rows hold the most ink (several full lines). */
export function inkiestBand(pgm: Uint8Array): PageImage | undefined {
  const L = pgmLayout(pgm);
  if (!L) return undefined;
  const { width: w, height: h, offset } = L;
  const bandH = Math.max(1, Math.round(h / 5));
  const rowInk = new Float64Array(h);
  // every 4th pixel of a row is enough to weigh its ink
  for (let y = 0; y < h; y++) {
    let s = 0;
    for (let x = 0, p = offset + y * w; x < w; x += 4, p += 4) if (pgm[p]! < 128) s++;
    rowInk[y] = s;
  }
  let sum = 0;
  for (let y = 0; y < bandH; y++) sum += rowInk[y]!;
  let best = sum;
  let top = 0;
  for (let y = bandH; y < h; y++) {
    sum += rowInk[y]! - rowInk[y - bandH]!;
    if (sum > best) {
      best = sum;
      top = y - bandH + 1;
    }
  }
  const header = new TextEncoder().encode(`P5\n${w} ${bandH}\n255\n`);
  const out = new Uint8Array(header.length + w * bandH);
  out.set(header, 0);
  out.set(pgm.subarray(offset + top * w, offset + (top + bandH) * w), header.length);
  return { data: out, width: w, height: bandH, dpi: 0 };
}

/** The page upright: its lines as read, the quarter turns (clockwise) it was turned by, and its size as read. */
export interface UprightPage {
  lines: OcrLine[];
  turns: QuarterTurn;
  width: number;
  height: number;
  /** The text lines ran down and no turn read well: a page written in columns (竖排) or one that cannot be told. */
  linesDown?: boolean;
}

/**
 * Read a page upright (see the head of this file). `read` recognises a page image (the whole page or a
 * band, ocr-tesseract.ts recognisePage). A page that is not a PGM made here is read as it came.
 */
export async function recogniseUpright(img: PageImage, read: (img: PageImage) => Promise<OcrLine[]>): Promise<UprightPage> {
  const asCame = { width: img.width, height: img.height };
  if (!pgmLayout(img.data) || process.env.LAWDESK_OCR_TURN === '0') return { lines: await read(img), turns: 0, ...asCame };
  const turned = (t: QuarterTurn): PageImage => {
    const data = turnedPgm(img.data, t)!;
    const odd = t % 2 === 1;
    return { data, width: odd ? img.height : img.width, height: odd ? img.width : img.height, dpi: img.dpi };
  };
  const tried = new Set<QuarterTurn>();
  /** A turn whose band reads well, read whole; undefined when none of `turns` does. */
  const tryTurns = async (turns: QuarterTurn[]): Promise<UprightPage | undefined> => {
    for (const t of turns) {
      if (tried.has(t)) continue;
      tried.add(t);
      const page = turned(t);
      const band = inkiestBand(page.data);
      if (!band || !bandReadsWell(await read({ ...band, dpi: img.dpi }))) continue;
      return { lines: await read(page), turns: t, width: page.width, height: page.height };
    }
    return undefined;
  };
  const down = lineDirection(img) === 'down';
  let best = down ? await tryTurns([1, 3]) : undefined;
  if (best && readsWell(best.lines)) return best;
  const lines = await read(img);
  // a page whose lines run down and that no turn read well is a page in columns (竖排): PSM 6 reads it
  // across, into nonsense that can still look confident, so it is named whatever its confidences say
  if (readsWell(lines) && !down) return { lines, turns: 0, ...asCame };
  best ??= await tryTurns([2, 1, 3]);
  // a turn whose band read well is taken when the whole page reads better turned than as it came
  // (a blurred photo turned upright can still be doubtful, and is then reported as such)
  const doubt = (l: OcrLine[]) => pageDoubt({ lines: l, width: 0, height: 0, dpi: 0 }).doubtful;
  if (best && doubt(best.lines) < doubt(lines)) return best;
  return { lines, turns: 0, ...asCame, ...(down ? { linesDown: true } : {}) };
}

/** The pages (numbered from 1 in `pages`' order, or by `numbers`) that were turned upright before they were read. */
export function turnedPages(pages: readonly OcrPage[], numbers?: readonly number[]): OcrTurnedPage[] {
  return pages.flatMap((p, i) => (p.turned ? [{ page: numbers?.[i] ?? i + 1, degrees: p.turned }] : []));
}
