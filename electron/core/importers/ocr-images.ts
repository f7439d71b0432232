// Page images for OCR: photos and scans (.png, .jpg, .tif) and the pages of a scanned PDF,
// rendered by pdf.js through the document's own canvasFactory (TIFF pages decoded by ocr-tiff.ts). Every image is pre-processed the
// same way before tesseract sees it: only the red channel is kept as grey, so red 公章 and 红头
// turn white and stop covering the black text under them. Size is checked from the file header
// before anything is decoded (a 20,000 × 20,000 px image would need 1.6 GB).

import { ExtractError } from './extracted-document';
import type { PageImage } from './ocr-engine';
import { evenIllumination } from './ocr-illumination';
import { jpegDamage, jpegDensities, jpegFrame, type ImageDamage } from './jpeg-frame';
import { pngDamage, pngDensity } from './png-chunks';
import { multiply, type Matrix, type ScanJpegReader } from './pdf-scan-jpeg';
import { squarePixels, squareSize, statedScanDpi } from './ocr-resolution';

/** Largest page image accepted: 12,000 px a side, 60 megapixels (A3 at 600 dpi is 7,000 × 9,900). */
export const MAX_IMAGE_SIDE = 12_000;
export const MAX_IMAGE_PIXELS = 60_000_000;
/** PDF pages are rendered at this resolution for OCR. */
export const OCR_DPI = 200;

export type ImageKind = 'png' | 'jpeg' | 'tiff';

export function imageKind(bytes: Uint8Array): ImageKind | undefined {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if ((bytes[0] === 0x49 && bytes[1] === 0x49 && bytes[2] === 0x2a) || (bytes[0] === 0x4d && bytes[1] === 0x4d && bytes[3] === 0x2a)) return 'tiff';
  return undefined;
}

/** Width and height from the file header, without decoding. */
export function imageSize(bytes: Uint8Array, kind: ImageKind): { width: number; height: number } | undefined {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (kind === 'png') return bytes.length >= 24 ? { width: dv.getUint32(16), height: dv.getUint32(20) } : undefined;
  if (kind === 'jpeg') {
    const frame = jpegFrame(bytes);
    return frame && { width: frame.width, height: frame.height };
  }
  // TIFF: first IFD, tags 256 (width) and 257 (height)
  const le = bytes[0] === 0x49;
  if (bytes.length < 8) return undefined;
  const ifd = dv.getUint32(4, le);
  if (ifd + 2 > bytes.length) return undefined;
  const count = dv.getUint16(ifd, le);
  let width: number | undefined;
  let height: number | undefined;
  for (let k = 0; k < count; k++) {
    const e = ifd + 2 + k * 12;
    if (e + 12 > bytes.length) break;
    const tag = dv.getUint16(e, le);
    const type = dv.getUint16(e + 2, le);
    const value = type === 3 ? dv.getUint16(e + 8, le) : dv.getUint32(e + 8, le);
    if (tag === 256) width = value;
    if (tag === 257) height = value;
  }
  return width && height ? { width, height } : undefined;
}

export function checkImageSize(width: number, height: number, what: string): void {
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS) {
    throw new ExtractError(`${what}过大（${width} × ${height} 像素，上限每边 ${MAX_IMAGE_SIDE} 像素、共 ${MAX_IMAGE_PIXELS / 1_000_000} 百万像素），请缩小后再导入`);
  }
}

/**
 * `pixels` RGBA pixels → grey bytes from the red channel (red ink becomes white), written into `out`
 * from `at`; returns how many are dark (< 128). Rows of a page go straight into the page's PGM.
 */
function redInto(rgba: Uint8ClampedArray | Uint8Array, pixels: number, out: Uint8Array, at: number): number {
  let dark = 0;
  for (let p = 0, o = at; p < pixels; p++, o++) {
    const r = rgba[p * 4]!;
    const a = rgba[p * 4 + 3]!;
    // Transparent pixels are paper.
    const v = a === 255 ? r : 255 - ((255 - r) * a) / 255;
    out[o] = v;
    if (v < 128) dark++;
  }
  return dark;
}

/** An empty binary PGM of width × height and where its pixels start. */
function emptyPgm(width: number, height: number): { pgm: Uint8Array; at: number } {
  const header = new TextEncoder().encode(`P5\n${width} ${height}\n255\n`);
  const pgm = new Uint8Array(header.length + width * height);
  pgm.set(header, 0);
  return { pgm, at: header.length };
}

/** RGBA → one grey byte per pixel from the red channel (red ink becomes white), as a binary PGM. */
export function redChannelPgm(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): { pgm: Uint8Array; dark: number } {
  const { pgm, at } = emptyPgm(width, height);
  return { pgm, dark: redInto(rgba, width * height, pgm, at) / (width * height) };
}

/** Rows read from a canvas at a time: 64 rows of an A4 page at 200 dpi are 0.4 MB of RGBA. */
const BAND_ROWS = 64;

/**
 * The canvas's pixels as the red-channel PGM, read in bands of rows (getImageData of the whole
 * page was a full RGBA copy, 15 MB at 200 dpi A4, allocated and freed for every page beside the
 * canvas itself; the grey result is the same pixel for pixel). Each band is written straight into
 * the page (no grey copy of the band).
 */
export function canvasRedChannelPgm(ctx: { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } }, width: number, height: number): { pgm: Uint8Array; dark: number } {
  const { pgm, at } = emptyPgm(width, height);
  let dark = 0;
  for (let y = 0; y < height; y += BAND_ROWS) {
    const rows = Math.min(BAND_ROWS, height - y);
    dark += redInto(ctx.getImageData(0, y, width, rows).data, width * rows, pgm, at + y * width);
  }
  return { pgm, dark: dark / (width * height) };
}

/** Width, height and where the pixels start in a binary PGM (P5, 8-bit), or undefined for anything else (a TIFF passed through). */
export function pgmLayout(bytes: Uint8Array): { width: number; height: number; offset: number } | undefined {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x35) return undefined;
  const fields: number[] = [];
  let i = 2;
  while (fields.length < 3 && i < Math.min(bytes.length, 64)) {
    while (i < bytes.length && /\s/.test(String.fromCharCode(bytes[i]!))) i++;
    let v = 0;
    let digits = 0;
    for (; i < bytes.length && bytes[i]! >= 0x30 && bytes[i]! <= 0x39; i++, digits++) v = v * 10 + bytes[i]! - 0x30;
    if (digits === 0) return undefined;
    fields.push(v);
  }
  const [width, height, max] = fields;
  if (!width || !height || max !== 255 || bytes.length < i + 1 + width * height) return undefined;
  return { width, height, offset: i + 1 };
}

/**
 * The grey page shrunk by an integer factor (each pixel the mean of a k × k square), as a PGM.
 * Skew is measured on this copy (ocr-tesseract.ts): the angle of the text lines does not change
 * with scale, and finding them on a quarter of the pixels costs a quarter of the time.
 */
export function reducedPgm(pgm: Uint8Array, k: number): Uint8Array | undefined {
  const src = pgmLayout(pgm);
  if (!src || k < 1 || !Number.isInteger(k)) return undefined;
  const w = Math.floor(src.width / k);
  const h = Math.floor(src.height / k);
  if (w < 1 || h < 1) return undefined;
  const header = new TextEncoder().encode(`P5\n${w} ${h}\n255\n`);
  const out = new Uint8Array(header.length + w * h);
  out.set(header, 0);
  const sums = new Uint32Array(w);
  const area = k * k;
  for (let y = 0; y < h; y++) {
    sums.fill(0);
    for (let dy = 0; dy < k; dy++) {
      const row = src.offset + (y * k + dy) * src.width;
      for (let x = 0, p = row; x < w; x++) for (let dx = 0; dx < k; dx++, p++) sums[x]! += pgm[p]!;
    }
    const o = header.length + y * w;
    for (let x = 0; x < w; x++) out[o + x] = Math.round(sums[x]! / area);
  }
  return out;
}

/** A page with (almost) no dark pixels is a blank scan: nothing to recognise. */
export const BLANK_DARK_SHARE = 0.0005;

/**
 * The red-channel page with its light evened (ocr-illumination.ts: a photo's shade, fall-off and
 * desk; an even scan is left as it is), and whether it is blank. `LAWDESK_OCR_EVEN=0` skips the
 * evening (to measure what it changes).
 */
function finishPage(pgm: Uint8Array, width: number, height: number, dark: number): { data: Uint8Array; blank: boolean } {
  const evened = process.env.LAWDESK_OCR_EVEN === '0' ? undefined : evenIllumination(pgm, width, height);
  return { data: pgm, blank: (evened?.dark ?? dark) < BLANK_DARK_SHARE };
}

/** Decode a .png/.jpg/.tif photo or scan into the pre-processed page image, at the resolution its file states (scannedPage). */
export async function imageFilePage(bytes: Uint8Array, fileName: string): Promise<PageImage & { blank: boolean }> {
  const kind = imageKind(bytes);
  if (!kind) throw new ExtractError(`${fileName} 不是可识别的图片（支持 PNG、JPEG、TIFF）`);
  if (kind === 'tiff') {
    // No TIFF decoder in @napi-rs/canvas: the page is decoded by ocr-tiff.ts, a band of rows at a
    // time, after its directories are checked there (sizes, strips, layout), naming the page.
    const { decodeTiffPage, tiffPages } = await import('./ocr-tiff');
    const [page] = tiffPages(bytes);
    const { pgm, at } = emptyPgm(page!.width, page!.height);
    let dark = 0;
    const { width, height, dpi: tagged } = decodeTiffPage(bytes, (rgba, y, rows) => {
      dark += redInto(rgba, page!.width * rows, pgm, at + y * page!.width);
    });
    return scannedPage(pgm, width, height, dark / (width * height), tagged && [tagged], `TIFF 第 ${page!.page} 页`);
  }
  const size = imageSize(bytes, kind);
  if (!size) throw new ExtractError(`图片文件已损坏或不完整（无法读取图片尺寸）`);
  checkImageSize(size.width, size.height, '图片');
  const damage = kind === 'jpeg' ? jpegDamage(bytes) : pngDamage(bytes);
  if (damage) throw damagedImageError('图片文件', damage);
  const { createCanvas, loadImage } = await import('@napi-rs/canvas');
  let img: Awaited<ReturnType<typeof loadImage>>;
  try {
    img = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    throw new ExtractError('图片文件已损坏或不完整，无法解码');
  }
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, img.width, img.height);
  ctx.drawImage(img, 0, 0);
  const { pgm, dark } = canvasRedChannelPgm(ctx, img.width, img.height);
  // A decoder that turns the picture by its EXIF orientation swaps its two sides, and so its two resolutions.
  const turned = img.width !== size.width && img.width === size.height;
  const stated = (kind === 'png' ? [pngDensity(bytes)].filter((d) => d !== undefined) : jpegDensities(bytes)).map((d) => (turned ? { x: d.y, y: d.x } : d));
  return scannedPage(pgm, img.width, img.height, dark, stated, '图片');
}

/**
 * The grey page of an image file finished for OCR, at the resolution its file states (`stated`: a TIFF's tags, a PNG's pHYs,
 * a JPEG's JFIF density then its EXIF's; the first statedScanDpi takes): a page scanned at two resolutions (a fax: 204 × 98
 * dpi) is read with square pixels (ocr-resolution.ts), and the page carries the lower one as `scanDpi` (ocr-page-doubt.ts
 * names a page scanned too coarsely). A page whose file states nothing believable is read as it is. `what` names the page
 * when the squared page is too large.
 */
function scannedPage(pgm: Uint8Array, width: number, height: number, dark: number, stated: readonly { x: number; y: number }[] | undefined, what: string): PageImage & { blank: boolean } {
  const dpi = stated?.map((d) => statedScanDpi(width, height, d)).find((d) => d !== undefined);
  const size = dpi && process.env.LAWDESK_OCR_SQUARE !== '0' ? squareSize(width, height, dpi) : undefined;
  const scanDpi = dpi ? { scanDpi: Math.round(Math.min(dpi.x, dpi.y)) } : {};
  if (size) {
    checkImageSize(size.width, size.height, what);
    const sq = squarePixels(pgm.subarray(pgmLayout(pgm)!.offset), width, height, dpi!)!;
    const out = emptyPgm(sq.width, sq.height);
    out.pgm.set(sq.pixels, out.at);
    let darkSq = 0;
    for (const v of sq.pixels) if (v < 128) darkSq++;
    return { ...finishPage(out.pgm, sq.width, sq.height, darkSq / sq.pixels.length), width: sq.width, height: sq.height, dpi: 0, ...scanDpi };
  }
  return { ...finishPage(pgm, width, height, dark), width, height, dpi: 0, ...scanDpi };
}

/** The 2D context pdf.js's NodeCanvasFactory hands out (@napi-rs/canvas): the few calls made here. */
interface Context2d {
  fillStyle: string;
  fillRect(x: number, y: number, w: number, h: number): void;
  getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
}
interface CanvasFactory {
  create(w: number, h: number): { canvas: unknown; context: Context2d };
  destroy(c: unknown): void;
}

type PdfDoc = Awaited<Awaited<ReturnType<typeof import('./pdf-text-extractor')['openPdfTask']>>['promise']>;

/**
 * Draw one PDF page at `dpi` on a white canvas from the document's canvasFactory and hand it to
 * `use`; the canvas and the page's resources are released whatever `use` does.
 */
async function withRenderedPage<T>(doc: PdfDoc, pageNo: number, dpi: number, use: (target: { canvas: unknown; context: Context2d }, width: number, height: number) => T): Promise<T> {
  const page = await doc.getPage(pageNo);
  try {
    const viewport = page.getViewport({ scale: dpi / 72 });
    const width = Math.ceil(viewport.width);
    const height = Math.ceil(viewport.height);
    checkImageSize(width, height, `PDF 第 ${pageNo} 页`);
    const factory = (doc as unknown as { canvasFactory: CanvasFactory }).canvasFactory;
    const target = factory.create(width, height);
    try {
      target.context.fillStyle = '#ffffff';
      target.context.fillRect(0, 0, width, height);
      await page.render({ canvasContext: target.context, canvas: target.canvas, viewport } as unknown as Parameters<typeof page.render>[0]).promise;
      return use(target, width, height);
    } finally {
      factory.destroy(target);
    }
  } finally {
    page.cleanup();
  }
}

/**
 * Render one PDF page at OCR_DPI, pre-processed. A scanner's page (one JPEG drawn over it and
 * nothing else, found by `scans`) is checked whole first (jpegDamage: a truncated or damaged JPEG
 * is refused, naming the page), then decoded natively and drawn where pdf.js would draw it;
 * any other page, or a JPEG the native decoder refuses, is rendered by pdf.js.
 */
export async function renderPdfPage(doc: PdfDoc, pageNo: number, dpi = OCR_DPI, scans?: ScanJpegReader): Promise<PageImage & { blank: boolean }> {
  // The resolution the page was scanned at, from its one image (a fax's 98 dpi is drawn at 200 like any page).
  const scanned = scans?.pageScanDpi((await doc.getPage(pageNo)).ref);
  const scanDpi = scanned ? { scanDpi: Math.round(scanned) } : {};
  if (scans) {
    const native = await renderScanJpeg(doc, pageNo, dpi, scans, process.env.LAWDESK_OCR_NATIVE_JPEG !== '0');
    if (native) return { ...native, ...scanDpi };
  }
  return withRenderedPage(doc, pageNo, dpi, (target, width, height) => {
    const { pgm, dark } = canvasRedChannelPgm(target.context, width, height);
    return { ...finishPage(pgm, width, height, dark), width, height, dpi, ...scanDpi };
  });
}

/** The import report's words for a damaged image: `what` names it (图片文件, PDF 第 N 页的扫描图片). */
export function damagedImageError(what: string, damage: ImageDamage): ExtractError {
  return new ExtractError(`${what}${damage.kind === 'truncated' ? '不完整' : '已损坏'}（${damage.detail}），只能解码出一部分，无法完整识别；请索取完整的文件或重新扫描`);
}

/** pdf.js smooths an image unless it is enlarged more than its CSS scale (96/72 at a pixel ratio of 1; getImageSmoothingEnabled). */
const PDFJS_SHARP_ABOVE = Math.fround(96 / 72);

/**
 * A scanner's page decoded by @napi-rs/canvas (libjpeg-turbo, native) instead of pdf.js's
 * JavaScript decoder and its RGB(A) copies: ≈ 0.2 CPU-s a page less at 200 dpi (README-importers.md).
 * The image is drawn as pdf.js draws it (paintInlineImageXObject → drawImageAtIntegerCoords: the
 * corners rounded to whole pixels, smoothing by the same rule), on the same kind of canvas, so only
 * the decoders' rounding differs (±1–2 grey levels on some pixels). Undefined where pdf.js would do
 * more than one drawImage (shrunk more than 2 ×, or turned by other than a quarter turn) or the
 * JPEG does not decode: the caller renders the page with pdf.js then. A damaged or truncated JPEG
 * (grey or colour) throws, naming the page, whichever decoder would draw it (`decode` false: pdf.js).
 * A colour JPEG is left to pdf.js: decoded natively (its chroma upsampled otherwise, a red seal's rim
 * up to 55 levels apart in the red channel) the seal page scored 99.75 % of characters against
 * 99.64 %, but one wrong article unflagged by the bench's scorer against none (a 。 lost before a
 * paragraph break; README-importers.md, session 26);
 * `LAWDESK_OCR_NATIVE_COLOUR=1` decodes it natively, to measure.
 */
async function renderScanJpeg(doc: PdfDoc, pageNo: number, dpi: number, scans: ScanJpegReader, decode: boolean): Promise<(PageImage & { blank: boolean }) | undefined> {
  const page = await doc.getPage(pageNo);
  try {
    const scan = scans.pageJpeg(page.ref);
    if (!scan) return undefined;
    const native = decode && !(scan.components === 3 && process.env.LAWDESK_OCR_NATIVE_COLOUR !== '1');
    // Checked from the JPEG's header before it is decoded (pdf.js would decode any size), and before its
    // coded data is read: a frame too large is refused for its size, not for data too short for that size.
    if (native) checkImageSize(scan.width, scan.height, `PDF 第 ${pageNo} 页的扫描图片`);
    const damage = jpegDamage(scan.jpeg);
    if (damage) throw damagedImageError(`PDF 第 ${pageNo} 页的扫描图片`, damage);
    if (!native) return undefined;
    const viewport = page.getViewport({ scale: dpi / 72 });
    const width = Math.ceil(viewport.width);
    const height = Math.ceil(viewport.height);
    checkImageSize(width, height, `PDF 第 ${pageNo} 页`);
    const [a, b, c, d, tx, ty] = multiply([1 / scan.width, 0, 0, -1 / scan.height, 0, 0], multiply(scan.cm, viewport.transform as Matrix));
    const quarter = b === 0 && c === 0 ? 0 : a === 0 && d === 0 ? 1 : undefined;
    if (quarter === undefined) return undefined;
    // Device pixels per image pixel along the image's two axes.
    const sx = quarter === 0 ? Math.abs(a) : Math.abs(b);
    const sy = quarter === 0 ? Math.abs(d) : Math.abs(c);
    if (sx === 0 || sy === 0 || 1 / sx > 2 || 1 / sy > 2) return undefined;
    const { createCanvas, loadImage } = await import('@napi-rs/canvas');
    let img: Awaited<ReturnType<typeof loadImage>>;
    try {
      img = await loadImage(Buffer.from(scan.jpeg.buffer, scan.jpeg.byteOffset, scan.jpeg.byteLength));
    } catch {
      return undefined;
    }
    if (img.width !== scan.width || img.height !== scan.height) return undefined;
    const canvas = createCanvas(width, height);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.imageSmoothingEnabled = scan.interpolate || (sx <= PDFJS_SHARP_ABOVE && sy <= PDFJS_SHARP_ABOVE);
    // drawImageAtIntegerCoords(ctx, img, 0, 0, w, h, 0, -h, w, h) under the matrix [a b c d tx ty].
    const w = scan.width;
    const h = scan.height;
    if (quarter === 0) {
      const x0 = Math.round(tx);
      const y0 = Math.round(-h * d + ty);
      const dw = Math.abs(Math.round(w * a + tx) - x0) || 1;
      const dh = Math.abs(Math.round(ty) - y0) || 1;
      ctx.setTransform(Math.sign(a), 0, 0, Math.sign(d), x0, y0);
      ctx.drawImage(img, 0, 0, w, h, 0, 0, dw, dh);
    } else {
      const x0 = Math.round(-h * c + tx);
      const y0 = Math.round(ty);
      const dw = Math.abs(Math.round(tx) - x0) || 1;
      const dh = Math.abs(Math.round(w * b + ty) - y0) || 1;
      ctx.setTransform(0, Math.sign(b), Math.sign(c), 0, x0, y0);
      ctx.drawImage(img, 0, 0, w, h, 0, 0, dh, dw);
    }
    const { pgm, dark } = canvasRedChannelPgm(ctx, width, height);
    return { ...finishPage(pgm, width, height, dark), width, height, dpi };
  } finally {
    page.cleanup();
  }
}

/** A page picture for a person to look at (the 核对 view): JPEG, colours kept. */
export interface PagePreview {
  data: Uint8Array;
  mime: 'image/jpeg';
  width: number;
  height: number;
}

/** Render one PDF page as a JPEG at `dpi` (enough to read the text, far smaller than the OCR image). */
export function renderPdfPagePreview(doc: PdfDoc, pageNo: number, dpi: number): Promise<PagePreview> {
  if (!Number.isInteger(pageNo) || pageNo < 1 || pageNo > doc.numPages) return Promise.reject(new ExtractError(`PDF 没有第 ${pageNo} 页（共 ${doc.numPages} 页）`));
  return withRenderedPage(doc, pageNo, dpi, (target, width, height) => {
    const data = (target.canvas as { encodeSync(format: 'jpeg', quality: number): Uint8Array }).encodeSync('jpeg', 80);
    return { data, mime: 'image/jpeg' as const, width, height };
  });
}

/** A photo or scan made small enough to show (longest side `maxSide`), as JPEG. */
export async function imagePreview(bytes: Uint8Array, maxSide: number): Promise<PagePreview> {
  const kind = imageKind(bytes);
  if (kind === 'tiff') return tiffPreview(bytes, maxSide);
  if (!kind) throw new ExtractError('原件不是可显示的图片');
  const size = imageSize(bytes, kind);
  if (!size) throw new ExtractError('原件图片已损坏，无法读取尺寸');
  checkImageSize(size.width, size.height, '图片');
  const { createCanvas, loadImage } = await import('@napi-rs/canvas');
  const img = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const k = Math.min(1, maxSide / Math.max(img.width, img.height));
  const width = Math.max(1, Math.round(img.width * k));
  const height = Math.max(1, Math.round(img.height * k));
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(img, 0, 0, width, height);
  return { data: canvas.encodeSync('jpeg', 80), mime: 'image/jpeg', width, height };
}

/**
 * The first page of a TIFF made small enough to show, as JPEG: its rows are averaged k × k into
 * the small picture as the decoder hands them over, so the page is never held at full size in RGBA.
 */
async function tiffPreview(bytes: Uint8Array, maxSide: number): Promise<PagePreview> {
  const { decodeTiffPage, tiffPages } = await import('./ocr-tiff');
  const [page] = tiffPages(bytes);
  const k = Math.max(1, Math.ceil(Math.max(page!.width, page!.height) / maxSide));
  const width = Math.ceil(page!.width / k);
  const height = Math.ceil(page!.height / k);
  const small = new Uint8ClampedArray(width * height * 4);
  const sums = new Uint32Array(width * 4);
  let counts = new Uint32Array(width);
  let row = 0;
  const flush = () => {
    for (let x = 0; x < width; x++) for (let c = 0; c < 4; c++) small[(row * width + x) * 4 + c] = Math.round(sums[x * 4 + c]! / Math.max(1, counts[x]!));
    sums.fill(0);
    counts = new Uint32Array(width);
  };
  decodeTiffPage(bytes, (rgba, y0, rows) => {
    for (let r = 0; r < rows; r++) {
      const y = y0 + r;
      if (Math.floor(y / k) !== row) {
        flush();
        row = Math.floor(y / k);
      }
      for (let x = 0, p = r * page!.width * 4; x < page!.width; x++, p += 4) {
        const t = Math.floor(x / k);
        // Transparent pixels are paper, as in the OCR image.
        const a = rgba[p + 3]!;
        for (let c = 0; c < 3; c++) sums[t * 4 + c]! += a === 255 ? rgba[p + c]! : 255 - ((255 - rgba[p + c]!) * a) / 255;
        sums[t * 4 + 3]! += 255;
        counts[t]!++;
      }
    }
  });
  flush();
  const { createCanvas } = await import('@napi-rs/canvas');
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  const img = ctx.createImageData(width, height);
  img.data.set(small);
  ctx.putImageData(img, 0, 0);
  return { data: canvas.encodeSync('jpeg', 80), mime: 'image/jpeg', width, height };
}

/** Quarter turns clockwise a page is turned by to stand upright (0: as it came). */
export type QuarterTurn = 0 | 1 | 2 | 3;

/**
 * The grey page turned clockwise by `turns` quarter turns, as a new PGM (the pixels moved exactly:
 * no resampling, so an upright page's pixels are the same ones whichever way it came).
 */
export function turnedPgm(pgm: Uint8Array, turns: QuarterTurn): Uint8Array | undefined {
  const src = pgmLayout(pgm);
  if (!src) return undefined;
  if (turns === 0) return pgm;
  const { width: w, height: h, offset } = src;
  const ow = turns === 2 ? w : h;
  const oh = turns === 2 ? h : w;
  const header = new TextEncoder().encode(`P5\n${ow} ${oh}\n255\n`);
  const out = new Uint8Array(header.length + w * h);
  out.set(header, 0);
  const o = header.length;
  for (let y = 0; y < h; y++) {
    const row = offset + y * w;
    for (let x = 0; x < w; x++) {
      const v = pgm[row + x]!;
      // clockwise quarter: (x, y) → (h−1−y, x); half: (w−1−x, h−1−y); three quarters: (y, w−1−x)
      if (turns === 1) out[o + x * ow + (h - 1 - y)] = v;
      else if (turns === 2) out[o + (h - 1 - y) * ow + (w - 1 - x)] = v;
      else out[o + (w - 1 - x) * ow + y] = v;
    }
  }
  return out;
}

/** Degrees clockwise a page picture is turned for a person to read it (the turn its page was read at). */
export type PreviewTurn = 0 | 90 | 180 | 270;

/** The page picture turned `degrees` clockwise (JPEG again), so that the 核对 view shows a turned page as it was read and its lines' bands fall on them. */
export async function turnedPreview(preview: PagePreview, degrees: PreviewTurn): Promise<PagePreview> {
  if (degrees === 0) return preview;
  const { createCanvas, loadImage } = await import('@napi-rs/canvas');
  const img = await loadImage(Buffer.from(preview.data.buffer, preview.data.byteOffset, preview.data.byteLength));
  const odd = degrees !== 180;
  const width = odd ? img.height : img.width;
  const height = odd ? img.width : img.height;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.translate(width / 2, height / 2);
  ctx.rotate((degrees * Math.PI) / 180);
  ctx.drawImage(img, -img.width / 2, -img.height / 2);
  return { data: canvas.encodeSync('jpeg', 80), mime: 'image/jpeg', width, height };
}
