// Pages as office machines scan them at a low resolution: a fax's "standard" mode keeps every other line (204 × 98 dpi),
// so its characters are half as tall as they are wide in pixels and the recogniser, which reads a line at its own height,
// sees squashed ideographs; and a page scanned at ≈ 100 dpi is not to be trusted however it reads (README-importers,
// *Session 32 (black-and-white and low-resolution scans)*). Plain pixel work on the page's grey PGM, in the OCR thread.

/** Pixels whose two resolutions differ by less than this are square enough (a scanner's 300 × 301 rounding). */
const SQUARE_ENOUGH = 1.2;

/** The size of the page with square pixels (squarePixels), or undefined when they are square enough already. */
export function squareSize(width: number, height: number, dpi: { x: number; y: number }): { width: number; height: number } | undefined {
  const ratio = dpi.x / dpi.y;
  if (ratio < SQUARE_ENOUGH && ratio > 1 / SQUARE_ENOUGH) return undefined;
  return ratio > 1 ? { width, height: Math.round(height * ratio) } : { width: Math.round(width / ratio), height };
}

/**
 * The page's grey pixels made square: the axis scanned at the lower resolution stretched to the other's (a fax's
 * 204 × 98 dpi page to 204 × 204), each new line between two scanned ones interpolated linearly (so a black-and-white
 * fax's steps become grey edges, as a grey scan's are). `pixels` is width × height grey bytes; undefined when the
 * pixels are square enough already. The caller checks the new size against the image limits (squareSize).
 */
export function squarePixels(pixels: Uint8Array, width: number, height: number, dpi: { x: number; y: number }): { pixels: Uint8Array; width: number; height: number } | undefined {
  const size = squareSize(width, height, dpi);
  if (!size) return undefined;
  const ratio = dpi.x / dpi.y;
  if (ratio > 1) {
    const h = size.height;
    const out = new Uint8Array(width * h);
    for (let y = 0; y < h; y++) {
      // the centre of the new line, in the scanned lines' coordinates
      const sy = Math.min(Math.max((y + 0.5) / ratio - 0.5, 0), height - 1);
      const a = Math.floor(sy);
      const b = Math.min(a + 1, height - 1);
      const f = sy - a;
      const ra = a * width;
      const rb = b * width;
      const o = y * width;
      for (let x = 0; x < width; x++) out[o + x] = Math.round(pixels[ra + x]! * (1 - f) + pixels[rb + x]! * f);
    }
    return { pixels: out, width, height: h };
  }
  const k = 1 / ratio;
  const w = size.width;
  const out = new Uint8Array(w * height);
  for (let x = 0; x < w; x++) {
    const sx = Math.min(Math.max((x + 0.5) / k - 0.5, 0), width - 1);
    const a = Math.floor(sx);
    const b = Math.min(a + 1, width - 1);
    const f = sx - a;
    for (let y = 0; y < height; y++) out[y * w + x] = Math.round(pixels[y * width + a]! * (1 - f) + pixels[y * width + b]! * f);
  }
  return { pixels: out, width: w, height };
}


/**
 * A file's stated resolution taken as how the page was scanned, or undefined when it cannot be: 72 × 72 is what image
 * tools write when nobody said (ImageMagick, editors, screenshots — no scanner scans at 72), and a resolution that
 * makes the page smaller than a business card or larger than A3 on either side is not the scan's either.
 */
export function statedScanDpi(width: number, height: number, dpi: { x: number; y: number } | undefined): { x: number; y: number } | undefined {
  if (!dpi || (Math.round(dpi.x) === 72 && Math.round(dpi.y) === 72)) return undefined;
  const inches = [width / dpi.x, height / dpi.y];
  return inches.every((i) => i >= 2 && i <= 17.5) ? dpi : undefined;
}
