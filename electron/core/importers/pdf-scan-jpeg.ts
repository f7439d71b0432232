// A scanned PDF page's own JPEG. A scanner writes each page as one DCT image drawn over it and
// nothing else; pdf.js decodes that JPEG in JavaScript and expands it to RGB(A) before drawing
// (≈ 0.2 CPU-s a page at 200 dpi, see README-importers.md). This module reads just enough of the
// PDF's objects (xref tables and streams, object streams, Flate with PNG predictors) to find such a
// page's JPEG bytes and where the page draws them, so ocr-images.ts can decode them natively
// (@napi-rs/canvas). Anything it does not expect — another operator, a mask, a colour space other
// than DeviceGray or DeviceRGB, annotations, a broken xref — gives undefined, and the page is rendered
// by pdf.js as before. It never throws. (A colour page's JPEG is found to be checked whole; pdf.js
// still draws it: ocr-images.ts renderScanJpeg.)

import { inflateSync } from 'node:zlib';
import { jpegFrame } from './jpeg-frame';

type Ref = { num: number; gen: number };
type Value = number | boolean | null | string | Name | Ref | Value[] | Dict;
type Dict = Map<string, Value>;
class Name {
  constructor(readonly name: string) {}
}
type Stream = { dict: Dict; start: number; length: number };

const WHITE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIM = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);

/** A PDF tokenizer and value parser over bytes from a position (enough for dictionaries, arrays, refs, content operators). */
class Lexer {
  constructor(
    private readonly b: Uint8Array,
    public pos: number,
    private readonly end = b.length,
  ) {}

  private skip(): void {
    const b = this.b;
    for (;;) {
      while (this.pos < this.end && WHITE.has(b[this.pos]!)) this.pos++;
      if (b[this.pos] !== 0x25) return;
      while (this.pos < this.end && b[this.pos] !== 0x0a && b[this.pos] !== 0x0d) this.pos++;
    }
  }

  /** The next token: a delimiter as text, a regular run as text, or undefined at the end. */
  token(): string | undefined {
    this.skip();
    const b = this.b;
    if (this.pos >= this.end) return undefined;
    const c = b[this.pos]!;
    if (c === 0x3c && b[this.pos + 1] === 0x3c) return (this.pos += 2), '<<';
    if (c === 0x3e && b[this.pos + 1] === 0x3e) return (this.pos += 2), '>>';
    if (DELIM.has(c) && c !== 0x2f) return this.pos++, String.fromCharCode(c);
    const start = this.pos;
    this.pos++;
    while (this.pos < this.end && !WHITE.has(b[this.pos]!) && !DELIM.has(b[this.pos]!)) this.pos++;
    return String.fromCharCode(...b.subarray(start, this.pos));
  }

  /** One value; operators (content streams) come back as plain strings, `fail` on what it cannot read. */
  value(depth = 0): Value {
    if (depth > 32) throw new Error('nested too deep');
    const t = this.token();
    if (t === undefined) throw new Error('end of data');
    if (t === '<<') {
      const d: Dict = new Map();
      for (;;) {
        const k = this.token();
        if (k === '>>') return d;
        if (k === undefined || !k.startsWith('/')) throw new Error('bad dictionary key');
        d.set(k.slice(1), this.value(depth + 1));
      }
    }
    if (t === '[') {
      const a: Value[] = [];
      for (;;) {
        const save = this.pos;
        if (this.token() === ']') return a;
        this.pos = save;
        a.push(this.value(depth + 1));
      }
    }
    if (t === '(') return this.literal();
    if (t === '<') {
      const close = this.b.indexOf(0x3e, this.pos);
      if (close < 0) throw new Error('open hex string');
      this.pos = close + 1;
      return '';
    }
    if (t.startsWith('/')) return new Name(t.slice(1));
    if (t === 'true' || t === 'false') return t === 'true';
    if (t === 'null') return null;
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(t)) {
      const n = Number(t);
      // "num gen R" is a reference.
      if (/^\d+$/.test(t)) {
        const save = this.pos;
        const g = this.token();
        if (g !== undefined && /^\d+$/.test(g) && this.token() === 'R') return { num: n, gen: Number(g) };
        this.pos = save;
      }
      return n;
    }
    return t;
  }

  /** A literal string's body is skipped (nothing here reads one); nested brackets and escapes counted. */
  private literal(): string {
    let depth = 1;
    while (this.pos < this.end && depth > 0) {
      const c = this.b[this.pos++]!;
      if (c === 0x5c) this.pos++;
      else if (c === 0x28) depth++;
      else if (c === 0x29) depth--;
    }
    return '';
  }
}

const isRef = (v: Value | undefined): v is Ref => typeof v === 'object' && v !== null && !(v instanceof Map) && !(v instanceof Name) && !Array.isArray(v);
const nameOf = (v: Value | undefined): string | undefined => (v instanceof Name ? v.name : undefined);

/** A PNG predictor (Predictor ≥ 10) undone on rows of `columns` bytes, as xref streams use. */
function unpredict(data: Uint8Array, columns: number): Uint8Array {
  const row = columns;
  const rows = Math.floor(data.length / (row + 1));
  const out = new Uint8Array(rows * row);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (row + 1)]!;
    const src = r * (row + 1) + 1;
    const o = r * row;
    for (let i = 0; i < row; i++) {
      const left = i > 0 ? out[o + i - 1]! : 0;
      const up = r > 0 ? out[o + i - row]! : 0;
      const ul = r > 0 && i > 0 ? out[o + i - row - 1]! : 0;
      let v = data[src + i]!;
      if (type === 1) v += left;
      else if (type === 2) v += up;
      else if (type === 3) v += (left + up) >> 1;
      else if (type === 4) {
        const p = left + up - ul;
        const pa = Math.abs(p - left);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - ul);
        v += pa <= pb && pa <= pc ? left : pb <= pc ? up : ul;
      } else if (type !== 0) throw new Error('bad PNG predictor');
      out[o + i] = v;
    }
  }
  return out;
}

const MAX_INFLATED = 32 * 1024 * 1024;

/** A PDF's objects by number, read lazily from its bytes. */
class PdfObjects {
  private readonly where = new Map<number, { at: number } | { stream: number; index: number }>();
  private readonly objectStreams = new Map<number, { data: Uint8Array; offsets: Map<number, number> }>();

  constructor(private readonly b: Uint8Array) {
    const tail = Buffer.from(b.subarray(Math.max(0, b.length - 1024))).toString('latin1');
    const m = [...tail.matchAll(/startxref\s+(\d+)/g)].at(-1);
    if (!m) throw new Error('no startxref');
    const seen = new Set<number>();
    const pending = [Number(m[1])];
    while (pending.length > 0) {
      const at = pending.shift()!;
      if (seen.has(at) || seen.size > 64 || at >= b.length) continue;
      seen.add(at);
      const trailer = this.readXref(at);
      // A hybrid file's xref stream comes before the table's /Prev (entries first seen win: newest first).
      const stm = trailer.get('XRefStm');
      if (typeof stm === 'number') pending.unshift(stm);
      const prev = trailer.get('Prev');
      if (typeof prev === 'number') pending.push(prev);
    }
  }

  private set(num: number, w: { at: number } | { stream: number; index: number }): void {
    if (!this.where.has(num)) this.where.set(num, w);
  }

  private readXref(at: number): Dict {
    const lx = new Lexer(this.b, at);
    const save = lx.pos;
    if (lx.token() === 'xref') {
      for (;;) {
        const t = lx.token();
        if (t === 'trailer') {
          const d = lx.value();
          if (!(d instanceof Map)) throw new Error('bad trailer');
          return d;
        }
        const start = Number(t);
        const count = Number(lx.token());
        if (!Number.isInteger(start) || !Number.isInteger(count) || count < 0) throw new Error('bad xref subsection');
        for (let k = 0; k < count; k++) {
          const off = Number(lx.token());
          lx.token();
          if (lx.token() === 'n') this.set(start + k, { at: off });
          else this.set(start + k, { at: -1 });
        }
      }
    }
    lx.pos = save;
    const s = this.indirect(at);
    if (s === undefined || !isStream(s) || nameOf(s.dict.get('Type')) !== 'XRef') throw new Error('no xref stream');
    const data = this.decode(s);
    const w = s.dict.get('W');
    if (!Array.isArray(w) || w.length !== 3 || !w.every((x) => typeof x === 'number' && x >= 0 && x <= 8)) throw new Error('bad /W');
    const [w0, w1, w2] = w as number[];
    const size = s.dict.get('Size');
    const index = s.dict.get('Index') ?? [0, typeof size === 'number' ? size : 0];
    if (!Array.isArray(index)) throw new Error('bad /Index');
    const field = (p: number, n: number, dflt: number): number => {
      if (n === 0) return dflt;
      let v = 0;
      for (let i = 0; i < n; i++) v = v * 256 + data[p + i]!;
      return v;
    };
    let p = 0;
    for (let k = 0; k + 1 < index.length; k += 2) {
      const start = index[k] as number;
      const count = index[k + 1] as number;
      for (let i = 0; i < count && p + w0! + w1! + w2! <= data.length; i++) {
        const type = field(p, w0!, 1);
        const a = field(p + w0!, w1!, 0);
        const c = field(p + w0! + w1!, w2!, 0);
        p += w0! + w1! + w2!;
        if (type === 1) this.set(start + i, { at: a });
        else if (type === 2) this.set(start + i, { stream: a, index: c });
        else this.set(start + i, { at: -1 });
      }
    }
    return s.dict;
  }

  /** The object written at byte `at` ("n g obj …"): a value, or a stream's dictionary and where its data is. */
  private indirect(at: number): Value | Stream | undefined {
    const lx = new Lexer(this.b, at);
    lx.token();
    lx.token();
    if (lx.token() !== 'obj') throw new Error('not an object');
    const v = lx.value();
    const save = lx.pos;
    if (v instanceof Map && lx.token() === 'stream') {
      let start = lx.pos;
      if (this.b[start] === 0x0d) start++;
      if (this.b[start] === 0x0a) start++;
      const length = this.resolve(v.get('Length'));
      if (typeof length !== 'number' || length < 0 || start + length > this.b.length) throw new Error('bad stream length');
      return { dict: v, start, length };
    }
    lx.pos = save;
    return v;
  }

  object(num: number): Value | Stream | undefined {
    const w = this.where.get(num);
    if (!w) return undefined;
    if ('at' in w) return w.at < 0 ? undefined : this.indirect(w.at);
    let os = this.objectStreams.get(w.stream);
    if (!os) {
      const s = this.object(w.stream);
      if (!s || !isStream(s)) throw new Error('bad object stream');
      const data = this.decode(s);
      const n = s.dict.get('N');
      const first = s.dict.get('First');
      if (typeof n !== 'number' || typeof first !== 'number') throw new Error('bad object stream');
      const lx = new Lexer(data, 0, first);
      const offsets = new Map<number, number>();
      for (let i = 0; i < n; i++) {
        lx.value(); // the object's number: objects are found by their index here
        const off = lx.value();
        if (typeof off !== 'number') throw new Error('bad object stream');
        offsets.set(i, first + off);
      }
      os = { data, offsets };
      this.objectStreams.set(w.stream, os);
    }
    const off = os.offsets.get(w.index);
    return off === undefined ? undefined : new Lexer(os.data, off).value();
  }

  resolve(v: Value | undefined, depth = 0): Value | undefined {
    if (!isRef(v)) return v;
    if (depth > 16) throw new Error('reference loop');
    const o = this.object(v.num);
    if (o !== undefined && isStream(o)) return undefined;
    return this.resolve(o, depth + 1);
  }

  stream(v: Value | undefined): Stream | undefined {
    if (!isRef(v)) return undefined;
    const o = this.object(v.num);
    return o !== undefined && isStream(o) ? o : undefined;
  }

  bytes(s: Stream): Uint8Array {
    return this.b.subarray(s.start, s.start + s.length);
  }

  /** A stream's data with FlateDecode (and a PNG predictor) undone; any other filter is refused. */
  decode(s: Stream): Uint8Array {
    const filter = this.resolve(s.dict.get('Filter'));
    const filters = Array.isArray(filter) ? filter.map((f) => nameOf(f)) : filter === undefined ? [] : [nameOf(filter)];
    let data = this.bytes(s);
    if (filters.length === 0) return data;
    if (filters.length !== 1 || filters[0] !== 'FlateDecode') throw new Error('unsupported filter');
    // A scan's content, cross-reference and object streams are small: a bomb is refused, not inflated.
    data = inflateSync(data, { maxOutputLength: MAX_INFLATED });
    const parms = this.resolve(s.dict.get('DecodeParms'));
    const predictor = parms instanceof Map ? parms.get('Predictor') : undefined;
    if (typeof predictor === 'number' && predictor >= 10) {
      const colors = parms instanceof Map ? (parms.get('Colors') ?? 1) : 1;
      const bpc = parms instanceof Map ? (parms.get('BitsPerComponent') ?? 8) : 8;
      const columns = parms instanceof Map ? (parms.get('Columns') ?? 1) : 1;
      if (colors !== 1 || bpc !== 8 || typeof columns !== 'number') throw new Error('unsupported predictor');
      data = unpredict(data, columns);
    } else if (typeof predictor === 'number' && predictor > 1) throw new Error('unsupported predictor');
    return data;
  }
}

function isStream(v: Value | Stream): v is Stream {
  return typeof v === 'object' && v !== null && 'start' in v && 'dict' in v && (v as Stream).dict instanceof Map;
}

/** 2D affine matrices as PDF writes them: [a b c d e f]. */
export type Matrix = [number, number, number, number, number, number];
export function multiply(m: Matrix, n: Matrix): Matrix {
  // m then n (n applied after m): the result maps p → n(m(p)).
  return [m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3], m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3], m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5]];
}

/** The one image a plain scan's content draws and its matrix, or undefined if the content does anything else. */
function onlyImage(content: Uint8Array): { name: string; cm: Matrix } | undefined {
  const lx = new Lexer(content, 0);
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  let operands: Value[] = [];
  let drawn: { name: string; cm: Matrix } | undefined;
  for (;;) {
    const save = lx.pos;
    if (lx.token() === undefined) break;
    lx.pos = save;
    const v = lx.value();
    if (typeof v !== 'string' || v === '') {
      operands.push(v);
      if (operands.length > 6) return undefined;
      continue;
    }
    if (v === 'q') stack.push(ctm);
    else if (v === 'Q') ctm = stack.pop() ?? ctm;
    else if (v === 'cm') {
      if (operands.length !== 6 || !operands.every((x) => typeof x === 'number')) return undefined;
      ctm = multiply(operands as Matrix, ctm);
    } else if (v === 'Do') {
      const name = nameOf(operands[0]);
      if (drawn || operands.length !== 1 || name === undefined) return undefined;
      drawn = { name, cm: ctm };
    } else return undefined;
    operands = [];
  }
  return operands.length === 0 ? drawn : undefined;
}

export interface ScanJpeg {
  /** The JPEG's bytes (a view into the PDF's). */
  jpeg: Uint8Array;
  width: number;
  height: number;
  /** 1 (DeviceGray) or 3 (DeviceRGB). */
  components: 1 | 3;
  /** The image's /Interpolate flag (pdf.js then smooths it whatever the scale). */
  interpolate: boolean;
  /** The matrix mapping the image's unit square onto the page (user space, before the viewport). */
  cm: Matrix;
}

/** What a PDF's pages are read from; built once per document. */
export class ScanJpegReader {
  private readonly objects: PdfObjects | undefined;

  constructor(bytes: Uint8Array) {
    try {
      this.objects = new PdfObjects(bytes);
    } catch {
      this.objects = undefined;
    }
  }

  /** The one image a page draws over itself and nothing else (a scanner's page), with where it draws it, or undefined. */
  private drawnImage(ref: Ref | null | undefined): { image: Stream; get: (k: string) => Value | undefined; cm: Matrix } | undefined {
    const o = this.objects;
    if (!o || !ref) return undefined;
    const page = o.resolve(ref);
    if (!(page instanceof Map) || nameOf(page.get('Type')) !== 'Page') return undefined;
    // Annotations are drawn by pdf.js over the page; a page with any is left to it.
    const annots = o.resolve(page.get('Annots'));
    if (Array.isArray(annots) ? annots.length > 0 : annots !== undefined && annots !== null) return undefined;
    let resources = o.resolve(page.get('Resources'));
    for (let p: Value | undefined = page, k = 0; resources === undefined && p instanceof Map && k < 32; k++) {
      p = o.resolve(p.get('Parent'));
      if (p instanceof Map) resources = o.resolve(p.get('Resources'));
    }
    if (!(resources instanceof Map)) return undefined;
    const contents = page.get('Contents');
    const parts = Array.isArray(o.resolve(contents)) ? (o.resolve(contents) as Value[]) : [contents];
    const streams = parts.map((p) => o.stream(p));
    if (streams.length === 0 || streams.some((s) => !s)) return undefined;
    const decoded = streams.map((s) => o.decode(s!));
    const content = new Uint8Array(decoded.reduce((n, d) => n + d.length + 1, 0)).fill(0x0a);
    decoded.reduce((at, d) => (content.set(d, at), at + d.length + 1), 0);
    const drawn = onlyImage(content);
    if (!drawn) return undefined;
    const xobjects = o.resolve(resources.get('XObject'));
    if (!(xobjects instanceof Map)) return undefined;
    const image = o.stream(xobjects.get(drawn.name));
    if (!image) return undefined;
    const d = image.dict;
    return { image, get: (k: string) => o.resolve(d.get(k)), cm: drawn.cm };
  }

  /**
   * The resolution a scanner's page was scanned at (dots per inch, the lower of its two: a fax's 98), from its one image's
   * pixels over the size it is drawn at on the page — whatever the image's codec (CCITT, JBIG2, JPEG, Flate) — or
   * undefined for any other page (text, vector drawing, several images) and an image turned by other than a quarter turn.
   */
  pageScanDpi(ref: Ref | null | undefined): number | undefined {
    try {
      const drawn = this.drawnImage(ref);
      if (!drawn) return undefined;
      const { get, cm } = drawn;
      const width = get('Width');
      const height = get('Height');
      if (nameOf(get('Subtype')) !== 'Image' || typeof width !== 'number' || typeof height !== 'number' || width < 1 || height < 1) return undefined;
      const [a, b, c, d] = cm;
      // the image's unit square's two sides on the page, in points
      const across = b === 0 && c === 0 ? Math.abs(a) : a === 0 && d === 0 ? Math.abs(b) : 0;
      const down = b === 0 && c === 0 ? Math.abs(d) : a === 0 && d === 0 ? Math.abs(c) : 0;
      // a picture placed smaller than a business card (a logo, a stamp) is no scan of the page
      if (across < 144 || down < 144) return undefined;
      return Math.min(width / (across / 72), height / (down / 72));
    } catch {
      return undefined;
    }
  }

  /** The page (its object number, from pdf.js's `page.ref`) as one plain JPEG, or undefined. */
  pageJpeg(ref: Ref | null | undefined): ScanJpeg | undefined {
    const o = this.objects;
    if (!o) return undefined;
    try {
      const drawn = this.drawnImage(ref);
      if (!drawn) return undefined;
      const { image, get } = drawn;
      const d = image.dict;
      if (nameOf(get('Subtype')) !== 'Image' || get('ImageMask') === true) return undefined;
      for (const k of ['SMask', 'Mask', 'Decode', 'DecodeParms', 'OC', 'Alternates', 'SMaskInData']) if (d.has(k) && get(k) !== null && get(k) !== 0) return undefined;
      const filter = get('Filter');
      const filters = Array.isArray(filter) ? filter.map((f) => nameOf(o.resolve(f))) : [nameOf(filter)];
      if (filters.length !== 1 || filters[0] !== 'DCTDecode') return undefined;
      // Grey or RGB; pdf.js decodes CMYK, ICC-based and indexed images with its own colour conversion.
      const width = get('Width');
      const height = get('Height');
      const space = nameOf(get('ColorSpace'));
      const components = space === 'DeviceGray' ? 1 : space === 'DeviceRGB' ? 3 : 0;
      if (components === 0 || get('BitsPerComponent') !== 8 || typeof width !== 'number' || typeof height !== 'number') return undefined;
      // pdf.js skips anything before the JPEG's start marker; so does this.
      let jpeg = o.bytes(image);
      const soi = jpeg.findIndex((v, i) => v === 0xff && jpeg[i + 1] === 0xd8);
      if (soi < 0) return undefined;
      jpeg = jpeg.subarray(soi);
      const frame = jpeg[0] === 0xff && jpeg[1] === 0xd8 ? jpegFrame(jpeg) : undefined;
      if (!frame || frame.exif || frame.precision !== 8 || frame.components !== components || frame.width !== width || frame.height !== height) return undefined;
      return { jpeg, width, height, components, interpolate: get('Interpolate') === true, cm: drawn.cm };
    } catch {
      return undefined;
    }
  }
}
