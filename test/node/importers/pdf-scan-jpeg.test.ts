// A scanner's PDF page is drawn from its own JPEG, decoded natively (pdf-scan-jpeg.ts finds it,
// ocr-images.ts renderScanJpeg draws it): the grey page tesseract gets must be pdf.js's page but
// for the decoders' rounding — same size, same place, the red seal still white — on the committed
// scans and on pages no fixture has (a cross-reference stream with the page in an object stream,
// a page turned a quarter, an image placed smaller than the page). Any page that is more than one
// grey JPEG (a colour one, text, a mask, annotations) is left to pdf.js; a JPEG too large is
// refused from its header.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { renderPdfPage } from '../../../electron/core/importers/ocr-images';
import { ScanJpegReader } from '../../../electron/core/importers/pdf-scan-jpeg';
import { openPdfTask } from '../../../electron/core/importers/pdf-text-extractor';
import { pdfFile } from './minimal-pdf';

const DOCS = join(import.meta.dirname, '../../fixtures/documents');

type Page = Awaited<ReturnType<typeof renderPdfPage>>;

/** Both renderings of every page: pdf.js's and the native one, and whether the native reader took the page. */
async function bothWays(bytes: Uint8Array): Promise<{ pdfjs: Page; native: Page; found: boolean }[]> {
  const task = await openPdfTask(bytes);
  try {
    const doc = await task.promise;
    const reader = new ScanJpegReader(bytes);
    const out = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const found = reader.pageJpeg((await doc.getPage(p)).ref) !== undefined;
      out.push({ pdfjs: await renderPdfPage(doc, p), native: await renderPdfPage(doc, p, undefined, reader), found });
    }
    return out;
  } finally {
    await task.destroy();
  }
}

/** How many grey pixels differ, and by how much at most. */
function difference(a: Page, b: Page): { pixels: number; most: number } {
  expect([b.width, b.height, b.data.length]).toEqual([a.width, a.height, a.data.length]);
  let pixels = 0;
  let most = 0;
  for (let i = 0; i < a.data.length; i++) {
    const d = Math.abs(a.data[i]! - b.data[i]!);
    if (d > 0) pixels++;
    most = Math.max(most, d);
  }
  return { pixels, most };
}

/** The grey JPEG of scanned.pdf's first page (414 × 585, drawn over A4) and its size. */
async function greyJpeg(): Promise<Buffer> {
  const bytes = new Uint8Array(readFileSync(join(DOCS, 'scanned.pdf')));
  const task = await openPdfTask(bytes);
  try {
    const doc = await task.promise;
    return Buffer.from(new ScanJpegReader(bytes).pageJpeg((await doc.getPage(1)).ref)!.jpeg);
  } finally {
    await task.destroy();
  }
}

/** A colour test page as a JPEG: black bars (text), a red disc (a seal) over one of them, paper. */
async function colourJpeg(width: number, height: number): Promise<Buffer> {
  const { createCanvas } = await import('@napi-rs/canvas');
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fbfaf6';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#111111';
  for (let y = 40; y < height - 40; y += 36) ctx.fillRect(40, y, width - 80 - ((y * 7) % 90), 14);
  ctx.fillStyle = '#e0201c';
  ctx.beginPath();
  ctx.arc(width * 0.6, height * 0.3, 70, 0, 2 * Math.PI);
  ctx.fill();
  return canvas.encodeSync('jpeg', 85);
}

const imageObject = (jpeg: Buffer, width: number, height: number, more = '', space = 'DeviceGray') =>
  Buffer.concat([Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /${space} /BitsPerComponent 8 /Filter /DCTDecode ${more}/Length ${jpeg.length} >>\nstream\n`), jpeg, Buffer.from('\nendstream')]);
const stream = (data: Buffer, dict = '') => Buffer.concat([Buffer.from(`<< ${dict}/Length ${data.length} >>\nstream\n`), data, Buffer.from('\nendstream')]);

/**
 * One page drawing the JPEG with `ops`, written the way PDF 1.5 writers do: the page dictionary in
 * an object stream, the content Flate-compressed, a cross-reference stream with a PNG predictor.
 */
function compressedPdf(image: Buffer, ops: string, page = ''): Uint8Array {
  const objs: Buffer[] = [];
  const offsets: number[] = [];
  const head = Buffer.from('%PDF-1.5\n');
  let at = head.length;
  const add = (n: number, body: Buffer) => {
    offsets[n] = at;
    const b = Buffer.concat([Buffer.from(`${n} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    objs.push(b);
    at += b.length;
  };
  add(1, Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'));
  add(2, Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'));
  add(4, image);
  add(5, stream(deflateSync(Buffer.from(ops)), '/Filter /FlateDecode '));
  const pageDict = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R ${page}>>`;
  const inside = Buffer.from(`3 0 ${pageDict}`);
  add(6, stream(deflateSync(inside), `/Type /ObjStm /N 1 /First ${'3 0 '.length} /Filter /FlateDecode `));
  // Rows of the cross-reference stream: type (1 byte), offset or stream (4), generation or index (2).
  const rows: number[][] = [[0, 0, 0, 0, 0, 0xff, 0xff]];
  for (let n = 1; n <= 7; n++) {
    const off = n === 7 ? at : offsets[n]!;
    rows.push(n === 3 ? [2, 0, 0, 0, 6, 0, 0] : [1, (off >>> 24) & 255, (off >>> 16) & 255, (off >>> 8) & 255, off & 255, 0, 0]);
  }
  // PNG "Up" predictor: each byte less the byte above it.
  const predicted = Buffer.from(rows.flatMap((r, i) => [2, ...r.map((v, k) => (v - (i > 0 ? rows[i - 1]![k]! : 0)) & 255)]));
  const xrefAt = at;
  add(7, stream(deflateSync(predicted), '/Type /XRef /Size 8 /Root 1 0 R /W [1 4 2] /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 7 >> '));
  return new Uint8Array(Buffer.concat([head, ...objs, Buffer.from(`startxref\n${xrefAt}\n%%EOF\n`)]));
}

describe('a scanner’s page drawn from its own JPEG', () => {
  it('gives pdf.js’s grey page but for the decoders’ rounding, on the committed scans', async () => {
    for (const file of ['tuizhi-scan.pdf', 'scanned.pdf']) {
      const pages = await bothWays(new Uint8Array(readFileSync(join(DOCS, file))));
      for (const { pdfjs, native, found } of pages) {
        expect(found).toBe(true);
        const d = difference(pdfjs, native);
        // Decoded by another decoder (the native path was taken), never more than 2 levels apart.
        expect(d.pixels).toBeGreaterThan(0);
        expect(d.pixels / pdfjs.data.length).toBeLessThan(0.05);
        expect(d.most).toBeLessThanOrEqual(2);
        expect(native.blank).toBe(pdfjs.blank);
      }
    }
  });

  it('reads a page kept in an object stream behind a cross-reference stream, a turned page and a smaller placement', async () => {
    const jpeg = await greyJpeg();
    const cases = [
      { ops: 'q 595 0 0 842 0 0 cm /Im0 Do Q', page: '' },
      { ops: 'q 595 0 0 842 0 0 cm /Im0 Do Q', page: '/Rotate 90 ' },
      { ops: 'q 1 0 0 1 60 100 cm q 300 0 0 424 0 0 cm /Im0 Do Q Q', page: '' },
    ];
    const dark = (img: Page) => img.data.reduce((n, v) => n + (v < 128 ? 1 : 0), 0);
    for (const c of cases) {
      const [page] = await bothWays(compressedPdf(imageObject(jpeg, 414, 585), c.ops, c.page));
      expect(page!.found).toBe(true);
      const d = difference(page!.pdfjs, page!.native);
      expect(d.pixels).toBeGreaterThan(0);
      expect(d.pixels / page!.pdfjs.data.length).toBeLessThan(0.05);
      expect(d.most).toBeLessThanOrEqual(2);
      expect(dark(page!.native)).toBeGreaterThan(0.001 * page!.native.data.length);
      // The turned page is landscape in both.
      expect(page!.native.width > page!.native.height).toBe(c.page !== '');
    }
  });

  it('leaves to pdf.js a page that is text, colour, more than one image, a masked image or a broken file', async () => {
    const jpeg = await greyJpeg();
    const text = await bothWays(new Uint8Array(readFileSync(join(DOCS, 'yuanzhu-libreoffice.pdf'))));
    expect(text.length).toBeGreaterThan(0);
    // A colour JPEG (its red channel keeps a seal white) is found — its data is checked whole
    // (image-damage.test.ts) — but drawn by pdf.js: decoded natively it scored no better (README-importers.md).
    const colour = await bothWays(compressedPdf(imageObject(await colourJpeg(400, 566), 400, 566, '', 'DeviceRGB'), 'q 595 0 0 842 0 0 cm /Im0 Do Q'));
    for (const p of [...text, ...colour]) {
      expect(p.found).toBe(colour.includes(p));
      expect(Buffer.from(p.native.data).equals(Buffer.from(p.pdfjs.data))).toBe(true);
    }
    const refused = [
      compressedPdf(imageObject(jpeg, 414, 585), 'q 595 0 0 842 0 0 cm /Im0 Do Q BT /F1 12 Tf (x) Tj ET'),
      compressedPdf(imageObject(jpeg, 414, 585), 'q 595 0 0 842 0 0 cm /Im0 Do Q q 100 0 0 100 0 0 cm /Im0 Do Q'),
      compressedPdf(imageObject(jpeg, 414, 585, '/Decode [1 0] '), 'q 595 0 0 842 0 0 cm /Im0 Do Q'),
      compressedPdf(imageObject(jpeg, 414, 585), 'q 595 0 0 842 0 0 cm /Im0 Do Q', '/Annots [<< /Type /Annot /Subtype /Square /Rect [0 0 10 10] >>] '),
      // Its size in the dictionary is not the JPEG's.
      compressedPdf(imageObject(jpeg, 415, 585), 'q 595 0 0 842 0 0 cm /Im0 Do Q'),
    ];
    for (const bytes of refused) {
      const task = await openPdfTask(bytes);
      const doc = await task.promise;
      expect(new ScanJpegReader(bytes).pageJpeg((await doc.getPage(1)).ref)).toBeUndefined();
      await task.destroy();
    }
    // No cross-reference where startxref says: nothing is read (pdf.js rebuilds it and renders).
    const good = compressedPdf(imageObject(jpeg, 414, 585), 'q 595 0 0 842 0 0 cm /Im0 Do Q');
    const broken = Buffer.from(good);
    broken.write('%%%%', broken.lastIndexOf('7 0 obj'), 'latin1');
    expect(new ScanJpegReader(new Uint8Array(broken)).pageJpeg({ num: 3, gen: 0 })).toBeUndefined();
    expect(new ScanJpegReader(new Uint8Array(good)).pageJpeg({ num: 3, gen: 0 })).toBeDefined();
  });

  it('refuses a JPEG too large from its header, naming the page', async () => {
    const jpeg = Buffer.from(await greyJpeg());
    // The frame header (SOF0) says 20,000 × 20,000; the dictionary agrees.
    const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
    jpeg.writeUInt16BE(20_000, sof + 5);
    jpeg.writeUInt16BE(20_000, sof + 7);
    const ops = Buffer.from('q 595 0 0 842 0 0 cm /Im0 Do Q');
    const bytes = pdfFile([
      Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
      Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
      Buffer.from('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>'),
      imageObject(jpeg, 20_000, 20_000),
      stream(ops),
    ]);
    const task = await openPdfTask(bytes);
    try {
      const doc = await task.promise;
      await expect(renderPdfPage(doc, 1, undefined, new ScanJpegReader(bytes))).rejects.toThrow('PDF 第 1 页的扫描图片过大（20000 × 20000 像素');
    } finally {
      await task.destroy();
    }
  });
});
