// A phone photo of a printed page made even before tesseract reads it: the light falls off toward
// the corners, a hand or the phone shades part of the page, the paper is tinted, and a dark desk
// shows around the page. tesseract thresholds the page with one global (Otsu) level, so a shaded
// corner goes black and a lit one loses its strokes. Here the paper's brightness is estimated on a
// reduced copy (the brightest patch of each cell, spread over a few cells so that text lines vanish,
// then smoothed), every pixel is divided by it, the desk connected to the picture's edge is
// painted white, and the ink is stretched to black.
// Invariant: a page whose paper is already even, bright and edge to edge (every flatbed scan and
// rendered PDF page tested) is left byte for byte as it was — only the cell pass is paid for it
// (a cell stops at its first pure white 2 × 2, and the page's paper is not blurred when even its
// dimmest cell is bright enough).

/** The reduced copy's shorter side, in cells (a 200 dpi A4 page: 10 px cells, 165 × 233). */
const CELLS = 160;
/** A cell is desk when it is this much darker than the brightest paper within DESK_REACH of it. */
const DESK_RATIO = 0.35;
/** Within the desk, a cell is at most this much brighter than its neighbour (plus 8 levels of noise). */
const SMOOTH = 1.3;
/** The page's edge: the first paper cell at least this much brighter than the desk cell beside it. */
const SHARP = 1.6;
/** A desk runs along the picture's edge: at least this share of its shorter side (ink touching the edge does not). */
const DESK_RIM = 0.5;
/** How far the desk test looks for paper, as a share of the reduced copy's shorter side. */
const DESK_REACH = 0.25;
/** Paper within a page is uneven when its dimmest 2 % is this much darker than its brightest 2 %. */
const UNEVEN = 0.85;
/** Paper dimmer than this (0–255) is brought up even when it is even: a photo in dull light. */
const DIM = 200;
/** Cells of page edge painted white beside the desk (the page's margin: text never sits there). */
const EDGE_CELLS = 2;

export interface Evening {
  /** Whether the pixels were changed (false: the page was even, bright and had no desk around it). */
  changed: boolean;
  /** Share of dark pixels (< 128) after the change, for the blank-page check. */
  dark?: number;
  /** Share of the picture found to be desk (painted white). */
  desk?: number;
}

/** Sliding maximum of `src` along rows (step 1) or columns (step = width), radius r, O(n) per line. */
function slidingMax(src: Float32Array, w: number, h: number, r: number, alongRows: boolean): Float32Array {
  const out = new Float32Array(src.length);
  const lines = alongRows ? h : w;
  const len = alongRows ? w : h;
  const step = alongRows ? 1 : w;
  const idx = new Int32Array(len);
  for (let l = 0; l < lines; l++) {
    const base = alongRows ? l * w : l;
    let head = 0;
    let tail = 0;
    // Monotonic deque of positions whose values decrease; the window is [i - r, i + r].
    for (let j = 0; j < len + r; j++) {
      if (j < len) {
        const v = src[base + j * step]!;
        while (tail > head && src[base + idx[tail - 1]! * step]! <= v) tail--;
        idx[tail++] = j;
      }
      const i = j - r;
      if (i < 0) continue;
      while (idx[head]! < i - r) head++;
      out[base + i * step] = src[base + idx[head]! * step]!;
    }
  }
  return out;
}

function maxFilter(src: Float32Array, w: number, h: number, r: number): Float32Array {
  return slidingMax(slidingMax(src, w, h, r, true), w, h, r, false);
}

/** Mean over a (2r+1)² window of the cells that are not desk; desk cells far from paper get 255. */
function paperBlur(src: Float32Array, desk: Uint8Array, w: number, h: number, r: number): Float32Array {
  const sum = new Float32Array(w * h);
  const cnt = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      let n = 0;
      for (let dx = -r; dx <= r; dx++) {
        const xx = x + dx;
        if (xx < 0 || xx >= w || desk[y * w + xx]) continue;
        s += src[y * w + xx]!;
        n++;
      }
      sum[y * w + x] = s;
      cnt[y * w + x] = n;
    }
  }
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      let n = 0;
      for (let dy = -r; dy <= r; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= h) continue;
        s += sum[yy * w + x]!;
        n += cnt[yy * w + x]!;
      }
      out[y * w + x] = n > 0 ? s / n : 255;
    }
  }
  return out;
}

/** The value below which `share` of the values lie (values 0–255). */
function percentile(values: ArrayLike<number>, share: number): number {
  const hist = new Uint32Array(256);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < 0) continue;
    hist[Math.min(255, Math.max(0, Math.round(v)))]!++;
    n++;
  }
  let acc = 0;
  for (let v = 0; v < 256; v++) {
    acc += hist[v]!;
    if (acc >= share * n) return v;
  }
  return 255;
}

/**
 * Evens the light of a grey page (a binary PGM of w × h, changed in place) when it needs it: a desk
 * around the page, paper that is uneven (shade, fall-off) or dim. See the module comment.
 */
export function evenIllumination(pgm: Uint8Array, w: number, h: number): Evening {
  const offset = pgm.length - w * h;
  if (offset < 0) return { changed: false };
  // Cells of k × k pixels, k even so that 2 × 2 means tile a cell.
  const k = Math.max(4, Math.floor(Math.min(w, h) / CELLS) & ~1);
  const cw = Math.floor(w / k);
  const ch = Math.floor(h / k);
  if (cw < 16 || ch < 16) return { changed: false };

  // Each cell's paper: its brightest 2 × 2 mean (text has paper between its strokes; the mean keeps
  // a speck of noise from passing for paper). A cell stops at the first pure white 2 × 2 (nothing
  // can be brighter): on a scan that is most cells' first one, so a clean page is barely read.
  const raw = new Float32Array(cw * ch);
  for (let cy = 0; cy < ch; cy++) {
    for (let cx = 0; cx < cw; cx++) {
      let m = 0;
      cell: for (let dy = 0; dy < k; dy += 2) {
        const a = offset + (cy * k + dy) * w + cx * k;
        const b = a + w;
        for (let dx = 0; dx < k; dx += 2) {
          const s = (pgm[a + dx]! + pgm[a + dx + 1]! + pgm[b + dx]! + pgm[b + dx + 1]!) / 4;
          if (s > m) {
            m = s;
            if (m === 255) break cell;
          }
        }
      }
      raw[cy * cw + cx] = m;
    }
  }

  // The desk: cells connected to the picture's edge, far darker than the paper near them, reached
  // without crossing a sharp rise — and kept only if a sharp rise (the page's edge) is what stops
  // them. A shadow on the page fades in; the page's edge is a step of 2–4 times within a cell.
  const near = maxFilter(raw, cw, ch, Math.max(3, Math.round(DESK_REACH * Math.min(cw, ch))));
  const desk = new Uint8Array(cw * ch);
  const isDesk = (i: number) => raw[i]! < DESK_RATIO * near[i]!;
  const neighbours = (i: number) => {
    const x = i % cw;
    const y = (i - x) / cw;
    return [x > 0 ? i - 1 : -1, x < cw - 1 ? i + 1 : -1, y > 0 ? i - cw : -1, y < ch - 1 ? i + cw : -1].filter((j) => j >= 0);
  };
  const seeds: number[] = [];
  for (let x = 0; x < cw; x++) seeds.push(x, (ch - 1) * cw + x);
  for (let y = 0; y < ch; y++) seeds.push(y * cw, y * cw + cw - 1);
  for (const seed of seeds) {
    if (desk[seed] || !isDesk(seed)) continue;
    desk[seed] = 1;
    const cells = [seed];
    for (let q = 0; q < cells.length; q++) {
      const i = cells[q]!;
      for (const j of neighbours(i)) {
        if (desk[j] || !isDesk(j) || raw[j]! > SMOOTH * raw[i]! + 8) continue;
        desk[j] = 1;
        cells.push(j);
      }
    }
    let edges = 0;
    let sharp = 0;
    let rim = 0;
    for (const i of cells) {
      const x = i % cw;
      const y = (i - x) / cw;
      if (x === 0 || y === 0 || x === cw - 1 || y === ch - 1) rim++;
      for (const j of neighbours(i)) {
        if (desk[j]) continue;
        edges++;
        if (raw[j]! >= SHARP * raw[i]!) sharp++;
      }
    }
    // Not a desk — a shade that fades in, or ink that touches the picture's edge (a seal, a heading
    // cut by the crop) — is left as it is and not tried again from another seed.
    if (sharp < 0.5 * edges || rim < DESK_RIM * Math.min(cw, ch)) for (const i of cells) desk[i] = 2;
  }
  for (let i = 0; i < desk.length; i++) if (desk[i] === 2) desk[i] = 0;
  let deskCells = 0;
  for (let i = 0; i < desk.length; i++) deskCells += desk[i]!;
  // A few dark cells at the edge (a punched hole, a scanner's dark corner) are not a desk.
  const hasDesk = deskCells > 0.01 * cw * ch;
  if (!hasDesk) desk.fill(0);

  // The paper's brightness: the brightest cell within two (a text line and its gap), then smoothed.
  const spread = maxFilter(raw, cw, ch, 2);
  if (!hasDesk) {
    // Without a desk the paper below is a mean of these cells, rounded by half a level: when the
    // dimmest is already within UNEVEN of the brightest and above DIM, the test below can only
    // find the page even and bright — the same answer without the blur (every scan so far).
    let least = 255;
    let most = 0;
    for (let i = 0; i < spread.length; i++) {
      const v = spread[i]!;
      if (v < least) least = v;
      if (v > most) most = v;
    }
    if (least - 0.5 >= UNEVEN * (most + 0.5) && least - 0.5 >= DIM) return { changed: false };
  }
  const paper = paperBlur(spread, desk, cw, ch, 3);
  const onPage = new Float32Array(paper.length);
  for (let i = 0; i < paper.length; i++) onPage[i] = desk[i] ? -1 : paper[i]!;
  const bright = percentile(onPage, 0.98);
  const dim = percentile(onPage, 0.02);
  if (!hasDesk && dim >= UNEVEN * bright && bright >= DIM) return { changed: false };

  // White beside the desk: the desk mask grown by the page's margin, at cell level.
  let white = desk;
  for (let g = 0; g < EDGE_CELLS && hasDesk; g++) {
    const grown = white.slice();
    for (let y = 0; y < ch; y++) {
      for (let x = 0; x < cw; x++) {
        const i = y * cw + x;
        if (white[i]) continue;
        if ((x > 0 && white[i - 1]) || (x < cw - 1 && white[i + 1]) || (y > 0 && white[i - cw]) || (y < ch - 1 && white[i + cw])) grown[i] = 1;
      }
    }
    white = grown;
  }

  // Each pixel over its paper (bilinear between cell centres): paper → 255, ink keeps its depth.
  const fx = new Int32Array(w);
  const tx = new Float32Array(w);
  const cellX = new Int32Array(w);
  for (let x = 0; x < w; x++) {
    const f = Math.min(cw - 1, Math.max(0, (x + 0.5) / k - 0.5));
    fx[x] = Math.min(cw - 2, Math.floor(f));
    tx[x] = f - fx[x]!;
    cellX[x] = Math.min(cw - 1, Math.floor(x / k));
  }
  const row = new Float32Array(cw);
  const hist = new Uint32Array(256);
  for (let y = 0; y < h; y++) {
    const f = Math.min(ch - 1, Math.max(0, (y + 0.5) / k - 0.5));
    const y0 = Math.min(ch - 2, Math.floor(f));
    const ty = f - y0;
    for (let x = 0; x < cw; x++) row[x] = paper[y0 * cw + x]! * (1 - ty) + paper[(y0 + 1) * cw + x]! * ty;
    const cellRow = Math.min(ch - 1, Math.floor(y / k)) * cw;
    for (let x = 0, p = offset + y * w; x < w; x++, p++) {
      if (white[cellRow + cellX[x]!]) {
        pgm[p] = 255;
        continue;
      }
      const c = fx[x]!;
      const b = row[c]! + (row[c + 1]! - row[c]!) * tx[x]!;
      const v = b > 1 ? Math.min(255, Math.round((pgm[p]! * 255) / b)) : 255;
      pgm[p] = v;
      hist[v]!++;
    }
  }

  // The ink stretched to black, the paper to white: the darkest 0.5 % of the page → 0, its median → 255.
  let n = 0;
  for (let v = 0; v < 256; v++) n += hist[v]!;
  const at = (share: number) => {
    let acc = 0;
    for (let v = 0; v < 256; v++) if ((acc += hist[v]!) >= share * n) return v;
    return 255;
  };
  const lo = at(0.005);
  const hi = at(0.5);
  const lut = new Uint8Array(256);
  for (let v = 0; v < 256; v++) lut[v] = hi - lo >= 48 ? Math.min(255, Math.max(0, Math.round(((v - lo) * 255) / (hi - lo)))) : v;
  let dark = 0;
  for (let p = offset; p < offset + w * h; p++) {
    const v = lut[pgm[p]!]!;
    pgm[p] = v;
    if (v < 128) dark++;
  }
  return { changed: true, dark: dark / (w * h), desk: deskCells / (cw * ch) };
}
