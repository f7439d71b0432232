// TIFF scans (scanners write one file a document, a page per directory), decoded in the OCR page
// thread with utif (photopea's UTIF.js, pure JS) into the same RGBA the PNG and JPEG photos give,
// so every TIFF page gets the same pre-processing (red channel, deskew) and the same page picture
// in the 核对 view.
//
// UTIF.js trusts its input: it follows directory links without end, inflates Deflate without a
// limit, reads LZW until an end code that may never come and grows a fax line without bound. So a
// file is never handed to it as it is: the pages are read and checked here first (sizes against
// the image limits, every strip or tile inside the file, the colour layout one we can show), each
// page goes on as a TIFF of its own holding only the tags needed to draw it, and the codecs whose
// output UTIF.js cannot bound — none, LZW, Deflate (both codes), PackBits — are decoded here, each
// strip or tile into exactly the bytes the page declares. UTIF.js decodes CCITT G3/G4 (its fax
// lines held to the page width) and JPEG (its frame held to the strip or tile size).

import { constants, inflateSync } from 'node:zlib';
import UTIF, { type IFD } from 'utif';
import { ExtractError } from './extracted-document';
import { jpegDamage, jpegFrame } from './jpeg-frame';
import { checkImageSize, MAX_IMAGE_PIXELS } from './ocr-images';

/** More pages than this in one TIFF is not a scanned document (the 核对 view's page limit). */
export const MAX_TIFF_PAGES = 2000;

/** The decoded samples of one page may take at most this much (4 bytes a pixel at the pixel limit, what a PNG's canvas takes). */
const MAX_RAW_BYTES = MAX_IMAGE_PIXELS * 4;

const COMPRESSION_NAMES: Record<number, string> = { 2: ' CCITT RLE ', 6: '旧式 JPEG ', 34712: ' JPEG 2000 ', 34887: ' JBIG ', 50000: ' ZSTD ', 50001: ' WebP ', 34925: ' LZMA ' };
/** Decoded here: none, LZW, Deflate (Adobe 8 and the old 32946), PackBits. */
const OWN_CODECS = new Set([1, 5, 8, 32946, 32773]);
/** Decoded by UTIF.js: CCITT G3, G4 and JPEG (new style). */
const UTIF_CODECS = new Set([3, 4, 7]);

/** Bits a sample each photometric interpretation may have (what the decoder and UTIF.toRGBA8 draw). */
const PHOTOMETRIC: Record<number, { name: string; bits: number[]; samples: number[] }> = {
  0: { name: '黑白/灰度（白为 0）', bits: [1, 4, 8], samples: [1] },
  1: { name: '黑白/灰度', bits: [1, 2, 8, 16], samples: [1] },
  2: { name: 'RGB 彩色', bits: [8, 16], samples: [3, 4] },
  3: { name: '调色板', bits: [1, 2, 4, 8], samples: [1] },
  5: { name: 'CMYK', bits: [8], samples: [4, 5] },
  6: { name: 'YCbCr', bits: [8], samples: [3] },
};

/** Tags a page is drawn from; everything else (EXIF, sub-directories, private data) is left behind. */
const KEPT_TAGS = new Set([254, 256, 257, 258, 259, 262, 266, 273, 277, 278, 279, 282, 283, 284, 292, 293, 296, 317, 320, 322, 323, 324, 325, 338, 339, 347, 530, 531, 532]);
/** PageNumber: where a page cut out by tiffSinglePage stood in its file. */
const PAGE_NUMBER = 297;
const TYPE_SIZE: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 16: 8 };

export interface TiffPage {
  /** 1 for the first page. */
  page: number;
  width: number;
  height: number;
  /** Where the page's directory (IFD) starts in the file. */
  ifd: number;
}

interface Entry {
  type: number;
  count: number;
  /** Where the value field (or the pointer to the values) is. */
  at: number;
}

/** One page's directory, read and checked. */
interface PageLayout {
  n: number;
  width: number;
  height: number;
  compression: number;
  photometric: number;
  bits: number;
  samples: number;
  predictor: number;
  le: boolean;
  tiled: boolean;
  /** Strip or tile size in pixels. */
  pieceWidth: number;
  pieceHeight: number;
  offsets: number[];
  lengths: number[];
  entries: Map<number, Entry>;
}

function reader(bytes: Uint8Array) {
  const le = bytes[0] === 0x49;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { le, dv, u16: (o: number) => dv.getUint16(o, le), u32: (o: number) => dv.getUint32(o, le) };
}

/**
 * The pages of a TIFF, read from the directory chain without decoding any pixels. Each page is
 * checked: its size against the image limits, its directory, its strips or tiles inside the file
 * and its compression and colour layout ones that can be decoded — so a bad file is refused before
 * tesseract is started, naming the page.
 */
export function tiffPages(bytes: Uint8Array): TiffPage[] {
  return tiffLayouts(bytes).map((p) => ({ page: p.n, width: p.width, height: p.height, ifd: p.ifdAt }));
}

function tiffLayouts(bytes: Uint8Array): (PageLayout & { ifdAt: number })[] {
  if (bytes.length < 8) throw new ExtractError('TIFF 文件不完整（文件头不足 8 字节）');
  const { u16, u32 } = reader(bytes);
  if (u16(2) === 43) throw new ExtractError('不支持 BigTIFF（超过 4 GB 的 TIFF 格式），请另存为普通 TIFF、PDF 或 PNG');
  const pages: (PageLayout & { ifdAt: number })[] = [];
  const seen = new Set<number>();
  let ifd = u32(4);
  while (ifd !== 0) {
    const n = pages.length + 1;
    if (seen.has(ifd)) throw new ExtractError(`TIFF 文件已损坏（第 ${n} 页的目录指回前面的页，页链成环）`);
    seen.add(ifd);
    if (pages.length >= MAX_TIFF_PAGES) throw new ExtractError(`TIFF 页数过多（超过 ${MAX_TIFF_PAGES} 页）`);
    if (ifd + 2 > bytes.length) throw new ExtractError(`TIFF 文件不完整（第 ${n} 页的目录在文件末尾之后，文件可能被截断）`);
    const count = u16(ifd);
    if (ifd + 2 + count * 12 + 4 > bytes.length) throw new ExtractError(`TIFF 文件不完整（第 ${n} 页的目录被截断）`);
    pages.push({ ...pageLayout(bytes, ifd, n), ifdAt: ifd });
    ifd = u32(ifd + 2 + count * 12);
  }
  if (pages.length === 0) throw new ExtractError('TIFF 文件中没有图像页');
  return pages;
}

function pageLayout(bytes: Uint8Array, ifd: number, n: number): PageLayout {
  const { le, u16, u32 } = reader(bytes);
  const entries = new Map<number, Entry>();
  for (let k = 0; k < u16(ifd); k++) {
    const e = ifd + 2 + k * 12;
    entries.set(u16(e), { type: u16(e + 2), count: u32(e + 4), at: e + 8 });
  }
  /** The values of a SHORT or LONG tag (inline when they fit in 4 bytes), or undefined when they lie outside the file. */
  const values = (tag: number): number[] | undefined => {
    const t = entries.get(tag);
    if (!t || (t.type !== 3 && t.type !== 4)) return undefined;
    const size = t.type === 3 ? 2 : 4;
    const from = t.count * size <= 4 ? t.at : u32(t.at);
    if (t.count > bytes.length || from + t.count * size > bytes.length) return undefined;
    return Array.from({ length: t.count }, (_, i) => (size === 2 ? u16(from + i * 2) : u32(from + i * 4)));
  };
  const bad = (why: string) => new ExtractError(`TIFF 文件已损坏（第 ${n} 页${why}）`);
  for (const [tag, t] of entries) {
    const size = (TYPE_SIZE[t.type] ?? 0) * t.count;
    if (KEPT_TAGS.has(tag) && size > 4 && (t.count > bytes.length || u32(t.at) + size > bytes.length)) {
      throw new ExtractError(`TIFF 文件不完整（第 ${n} 页的标签 ${tag} 的数据在文件末尾之后，文件可能被截断）`);
    }
  }
  const width = values(256)?.[0];
  const height = values(257)?.[0];
  if (!width || !height) throw bad('没有宽度或高度');
  checkImageSize(width, height, `TIFF 第 ${n} 页`);

  const compression = values(259)?.[0] ?? 1;
  if (!OWN_CODECS.has(compression) && !UTIF_CODECS.has(compression)) {
    throw new ExtractError(`TIFF 第 ${n} 页使用${COMPRESSION_NAMES[compression] ?? `编号 ${compression} 的`}压缩，无法识别；请在扫描软件中改存为 PDF、JPEG，或无压缩、LZW、ZIP、CCITT G4 压缩的 TIFF`);
  }
  const samples = values(277)?.[0] ?? 1;
  const bitsList = values(258) ?? [1];
  const bits = bitsList[0]!;
  const photometric = values(262)?.[0] ?? (compression === 3 || compression === 4 ? 0 : 1);
  const kind = PHOTOMETRIC[photometric];
  const layout = `${samples} 个通道、每通道 ${bits} 位`;
  if (!kind || !kind.bits.includes(bits) || !kind.samples.includes(samples) || bitsList.some((b) => b !== bits) || (bitsList.length !== samples && bitsList.length !== 1)) {
    throw new ExtractError(`TIFF 第 ${n} 页的颜色格式（${kind?.name ?? `编号 ${photometric}`}，${layout}）无法识别；请改存为黑白、灰度或 RGB 彩色的 TIFF，或 PDF、PNG`);
  }
  if (photometric === 6 && compression !== 7) throw new ExtractError(`TIFF 第 ${n} 页是未压缩的 YCbCr 彩色，无法识别；请改存为 RGB 彩色的 TIFF，或 PDF、JPEG`);
  if ((compression === 3 || compression === 4) && bits !== 1) throw bad(`是传真压缩（CCITT）但每像素 ${bits} 位`);
  if (compression === 7 && bits !== 8) throw bad(`是 JPEG 压缩但每通道 ${bits} 位`);
  if ((values(284)?.[0] ?? 1) !== 1) throw new ExtractError(`TIFF 第 ${n} 页按颜色分平面存放（PlanarConfiguration 2），无法识别；请改存为普通 TIFF、PDF 或 PNG`);
  const predictor = values(317)?.[0] ?? 1;
  if (predictor !== 1 && predictor !== 2) throw new ExtractError(`TIFF 第 ${n} 页使用浮点预测（Predictor ${predictor}），无法识别；请改存为普通 TIFF、PDF 或 PNG`);
  if (photometric === 3) {
    const map = entries.get(320);
    if (!map || map.count !== 3 * 2 ** bits || values(320) === undefined) throw bad('是调色板图像但调色板缺失或不完整');
  }

  const tiled = entries.has(322) || entries.has(324);
  // UTIF.js decodes a fax tile as if it were as wide as the page; scanners write fax pages in strips.
  if (tiled && (compression === 3 || compression === 4)) throw new ExtractError(`TIFF 第 ${n} 页是分块（tile）存放的传真（CCITT）压缩，无法识别；请改存为按条带存放的 TIFF，或 PDF、PNG`);
  const pieceWidth = tiled ? (values(322)?.[0] ?? 0) : width;
  const pieceHeight = tiled ? (values(323)?.[0] ?? 0) : Math.min(values(278)?.[0] ?? height, height);
  if (!pieceWidth || !pieceHeight || pieceWidth * pieceHeight > MAX_IMAGE_PIXELS) throw bad(`的${tiled ? '图块' : '条带'}尺寸无效`);
  const offsets = tiled ? values(324) : values(273);
  const lengths = tiled ? values(325) : values(279);
  if (!offsets || !lengths || offsets.length !== lengths.length) throw bad('的图像数据位置缺失或不完整');
  const pieces = Math.ceil(width / pieceWidth) * Math.ceil(height / pieceHeight);
  if (offsets.length < pieces) throw new ExtractError(`TIFF 文件不完整（第 ${n} 页的图像数据只有 ${offsets.length} 段，应有 ${pieces} 段）`);
  for (let k = 0; k < pieces; k++) {
    if (offsets[k]! + lengths[k]! > bytes.length) throw new ExtractError(`TIFF 文件不完整（第 ${n} 页的图像数据在文件末尾之后，文件可能被截断）`);
  }
  const rowBytes = Math.ceil((width * bits * samples) / 8);
  if (rowBytes * height > MAX_RAW_BYTES) {
    throw new ExtractError(`TIFF 第 ${n} 页过大（${width} × ${height} 像素、${layout}，解码后超过 ${MAX_RAW_BYTES / 1_000_000} MB），请降低分辨率或色深后再导入`);
  }
  const page: PageLayout = { n, width, height, compression, photometric, bits, samples, predictor, le, tiled, pieceWidth, pieceHeight, offsets: offsets.slice(0, pieces), lengths: lengths.slice(0, pieces), entries };
  if (compression === 1) {
    for (let k = 0; k < pieces; k++) {
      if (lengths[k]! < pieceBytes(page, k)) throw new ExtractError(`TIFF 文件不完整（第 ${n} 页第 ${k + 1} 段图像数据只有 ${lengths[k]} 字节，应有 ${pieceBytes(page, k)} 字节）`);
    }
  }
  return page;
}

/** Rows of piece k (the last strip may be short; tiles are always whole). */
function pieceRows(p: PageLayout, k: number): number {
  return p.tiled ? p.pieceHeight : Math.min(p.pieceHeight, p.height - k * p.pieceHeight);
}

function pieceRowBytes(p: PageLayout): number {
  return Math.ceil((p.pieceWidth * p.bits * p.samples) / 8);
}

function pieceBytes(p: PageLayout, k: number): number {
  return pieceRowBytes(p) * pieceRows(p, k);
}

/**
 * Page `page` of a TIFF as a TIFF of its own, for the OCR thread: the page's directory with only
 * the tags a page is drawn from (no link to another page, no EXIF or sub-directories), their values
 * and its strips or tiles, and its number in PageNumber (297) so that an error there names it.
 * Nothing is decoded; a page of a 200-page file is sent without the other 199.
 */
export function tiffSinglePage(bytes: Uint8Array, page: TiffPage): Uint8Array {
  const { le, u32 } = reader(bytes);
  const p = pageLayout(bytes, page.ifd, page.page);
  const tags = [...[...p.entries.keys()].filter((t) => KEPT_TAGS.has(t) && TYPE_SIZE[p.entries.get(t)!.type]), PAGE_NUMBER].sort((a, b) => a - b);
  const offsetTag = p.tiled ? 324 : 273;
  const lengthTag = p.tiled ? 325 : 279;
  const valueBytes = (t: number) => (t === PAGE_NUMBER ? 4 : t === offsetTag || t === lengthTag ? p.offsets.length * 4 : p.entries.get(t)!.count * TYPE_SIZE[p.entries.get(t)!.type]!);
  const ifdSize = 2 + tags.length * 12 + 4;
  let size = 8 + ifdSize;
  for (const t of tags) if (valueBytes(t) > 4) size += valueBytes(t) + (valueBytes(t) & 1);
  let data = size;
  for (const len of p.lengths) size += len;
  const out = new Uint8Array(size);
  const dv = new DataView(out.buffer);
  out.set(bytes.subarray(0, 4));
  dv.setUint32(4, 8, le);
  dv.setUint16(8, tags.length, le);
  let extra = 8 + ifdSize;
  const newOffsets = p.lengths.map((len) => {
    const at = data;
    data += len;
    return at;
  });
  tags.forEach((t, k) => {
    const e = 10 + k * 12;
    dv.setUint16(e, t, le);
    if (t === PAGE_NUMBER) {
      dv.setUint16(e + 2, 3, le);
      dv.setUint32(e + 4, 2, le);
      dv.setUint16(e + 8, page.page - 1, le);
      return;
    }
    const src = p.entries.get(t)!;
    const rewritten = t === offsetTag ? newOffsets : t === lengthTag ? p.lengths : undefined;
    dv.setUint16(e + 2, rewritten ? 4 : src.type, le);
    dv.setUint32(e + 4, rewritten ? rewritten.length : src.count, le);
    const n = valueBytes(t);
    const to = n > 4 ? extra : e + 8;
    if (n > 4) {
      dv.setUint32(e + 8, extra, le);
      extra += n + (n & 1);
    }
    if (rewritten) rewritten.forEach((v, i) => dv.setUint32(to + i * 4, v, le));
    else {
      const from = n > 4 ? u32(src.at) : src.at;
      out.set(bytes.subarray(from, from + n), to);
    }
  });
  p.offsets.forEach((off, k) => out.set(bytes.subarray(off, off + p.lengths[k]!), newOffsets[k]!));
  return out;
}

/** Thrown inside a codec; becomes the page's error with its number. */
class PieceError extends Error {}

/** TIFF LZW (MSB-first codes, the width grows one code early as libtiff writes it) into exactly `out`. */
function lzwDecode(src: Uint8Array, out: Uint8Array): number {
  const prefix = new Uint16Array(4096);
  const suffix = new Uint8Array(4096);
  const first = new Uint8Array(4096);
  const length = new Uint16Array(4096);
  for (let i = 0; i < 256; i++) {
    suffix[i] = i;
    first[i] = i;
    length[i] = 1;
  }
  const nbits = src.length * 8;
  let pos = 0;
  let bits = 9;
  let next = 258;
  let old = -1;
  let o = 0;
  const emit = (code: number) => {
    const len = length[code]!;
    if (o + len > out.length) throw new PieceError('解压后的数据超出页面声明的大小（可能是解压炸弹）');
    for (let p = o + len - 1, c = code; p >= o; p--, c = prefix[c]!) out[p] = suffix[c]!;
    o += len;
  };
  while (pos + bits <= nbits) {
    let code = 0;
    for (let b = 0; b < bits; b++, pos++) code = (code << 1) | ((src[pos >>> 3]! >>> (7 - (pos & 7))) & 1);
    if (code === 257) break;
    if (code === 256) {
      bits = 9;
      next = 258;
      old = -1;
      continue;
    }
    if (old === -1) {
      if (code > 255) throw new PieceError('已损坏（LZW 编码无效）');
      emit(code);
      old = code;
      continue;
    }
    if (code > next || (code === next && next >= 4096)) throw new PieceError('已损坏（LZW 编码无效）');
    if (next < 4096) {
      prefix[next] = old;
      suffix[next] = code === next ? first[old]! : first[code]!;
      first[next] = first[old]!;
      length[next] = length[old]! + 1;
      next++;
    }
    emit(code);
    if (next + 1 >= 1 << bits && bits < 12) bits++;
    old = code;
  }
  return o;
}

function packBitsDecode(src: Uint8Array, out: Uint8Array): number {
  let o = 0;
  for (let i = 0; i < src.length && o < out.length; ) {
    const n = (src[i++]! << 24) >> 24;
    if (n >= 0) {
      const end = Math.min(i + n + 1, src.length);
      if (o + (end - i) > out.length) throw new PieceError('解压后的数据超出页面声明的大小');
      out.set(src.subarray(i, end), o);
      o += end - i;
      i = end;
    } else if (n !== -128) {
      if (o + 1 - n > out.length) throw new PieceError('解压后的数据超出页面声明的大小');
      out.fill(src[i++]!, o, o + 1 - n);
      o += 1 - n;
    }
  }
  return o;
}

/** Undoes the horizontal predictor on one piece, sample by sample, in the file's byte order. */
function unpredict(p: PageLayout, piece: Uint8Array, rows: number): void {
  const rowBytes = pieceRowBytes(p);
  const s = p.samples;
  if (p.bits === 8) {
    for (let y = 0; y < rows; y++) for (let i = y * rowBytes + s, end = (y + 1) * rowBytes; i < end; i++) piece[i] = (piece[i]! + piece[i - s]!) & 255;
  } else if (p.bits === 16) {
    const [hi, lo] = p.le ? [1, 0] : [0, 1];
    for (let y = 0; y < rows; y++) {
      for (let i = y * rowBytes + 2 * s, end = (y + 1) * rowBytes; i + 1 < end; i += 2) {
        const v = ((piece[i + hi]! << 8) | piece[i + lo]!) + ((piece[i - 2 * s + hi]! << 8) | piece[i - 2 * s + lo]!);
        piece[i + hi] = (v >>> 8) & 255;
        piece[i + lo] = v & 255;
      }
    }
  }
}

/** The page's samples, row after row (16-bit samples little-endian, as UTIF.toRGBA8 reads them), from the codecs decoded here. */
function ownDecode(bytes: Uint8Array, p: PageLayout): Uint8Array {
  const rowBytes = Math.ceil((p.width * p.bits * p.samples) / 8);
  const raw = new Uint8Array(rowBytes * p.height);
  const across = Math.ceil(p.width / p.pieceWidth);
  for (let k = 0; k < p.offsets.length; k++) {
    const src = bytes.subarray(p.offsets[k]!, p.offsets[k]! + p.lengths[k]!);
    const rows = pieceRows(p, k);
    const want = pieceBytes(p, k);
    let piece: Uint8Array;
    let got: number;
    const fail = (why: string) => new ExtractError(`TIFF 第 ${p.n} 页第 ${k + 1} 段图像数据${why}`);
    try {
      if (p.compression === 1) {
        piece = src.subarray(0, want);
        got = piece.length;
      } else if (p.compression === 8 || p.compression === 32946) {
        try {
          // A stream cut short gives what it holds (judged by its length below).
          piece = new Uint8Array(inflateSync(src, { maxOutputLength: want, finishFlush: constants.Z_SYNC_FLUSH }));
        } catch (e) {
          if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new PieceError('解压后的数据超出页面声明的大小（可能是解压炸弹）');
          throw new PieceError('已损坏（Deflate 解压失败）');
        }
        got = piece.length;
      } else {
        piece = new Uint8Array(want);
        got = p.compression === 5 ? lzwDecode(src, piece) : packBitsDecode(src, piece);
      }
    } catch (e) {
      if (e instanceof PieceError) throw fail(e.message);
      throw e;
    }
    if (got < want) throw fail(`不完整（解压后 ${got} 字节，应有 ${want} 字节），文件可能已损坏或被截断`);
    if (p.predictor === 2) {
      if (piece.buffer === bytes.buffer) piece = piece.slice();
      unpredict(p, piece, rows);
    }
    const pieceRow = pieceRowBytes(p);
    const x0 = p.tiled ? Math.ceil(((k % across) * p.pieceWidth * p.bits * p.samples) / 8) : 0;
    const y0 = p.tiled ? Math.floor(k / across) * p.pieceHeight : k * p.pieceHeight;
    const copy = Math.min(pieceRow, rowBytes - x0);
    for (let y = 0; y < rows && y0 + y < p.height; y++) raw.set(piece.subarray(y * pieceRow, y * pieceRow + copy), (y0 + y) * rowBytes + x0);
  }
  if (p.bits === 16 && !p.le) for (let i = 0; i + 1 < raw.length; i += 2) [raw[i], raw[i + 1]] = [raw[i + 1]!, raw[i]!];
  return raw;
}

// UTIF.js's fax (CCITT G3/G4) decoder has no bound of its own: it grows a line one pixel at a time
// without limit, collects bits into a code word until one matches (garbage never does: each bit
// then costs the length of the word), finds changing elements by scanning the line above from its
// start for every bit, and writes as many lines as the data makes. Each is bounded here: a line to
// the page width, a code word to 64 bits (the longest real one, EOL with fill, is under 20), lines
// to the strip's rows, and the line above is searched by bisection (its positions are sorted).
type FaxTable = Record<string, number>;
type UtifInternals = {
  decode: {
    _addNtimes: (arr: number[], n: number, val: number) => void;
    _findDiff: (line: number[], x: number, clr: number) => number | undefined;
    _writeBits: (bits: number[], tgt: Uint8Array, boff: number) => void;
    _decodeG3: (...args: unknown[]) => void;
    _decodeG4: (...args: unknown[]) => void;
    _dmap: FaxTable;
    _lens: FaxTable[];
  };
  JpegDecoder: new () => { B: number };
};
const internals = UTIF as unknown as UtifInternals;
const fax = internals.decode;
let faxWidth = 0;
let faxRows = 0;
let faxRowsLeft = 0;
const MAX_CODE_BITS = 64;
const addNtimes = fax._addNtimes;
fax._addNtimes = (arr, n, val) => {
  if (arr.length + n > faxWidth) throw new PieceError('传真（CCITT）数据已损坏（一行超出页面宽度）');
  addNtimes(arr, n, val);
};
const writeBits = fax._writeBits;
fax._writeBits = (bits, tgt, boff) => {
  if (--faxRowsLeft < 0) throw new PieceError('传真（CCITT）数据已损坏（行数超出页面高度）');
  writeBits(bits, tgt, boff);
};
fax._findDiff = (line, x, clr) => {
  if (typeof x !== 'number' || Number.isNaN(x)) return undefined;
  let lo = 0;
  let hi = line.length >> 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (line[mid * 2]! < x) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo * 2; i < line.length; i += 2) if (line[i + 1] === clr) return line[i];
  return undefined;
};
const boundedCodes = (table: FaxTable): FaxTable =>
  new Proxy(table, {
    get(t, key) {
      if (typeof key === 'string' && key.length > MAX_CODE_BITS) throw new PieceError('传真（CCITT）数据已损坏（无效的编码）');
      return t[key as string];
    },
  });
fax._dmap = boundedCodes(fax._dmap);
fax._lens = fax._lens.map(boundedCodes);
for (const name of ['_decodeG3', '_decodeG4'] as const) {
  const decode = fax[name];
  // Each strip or tile is one call: it may write as many lines as it has rows.
  fax[name] = (...args) => {
    faxRowsLeft = faxRows + 8; // a few empty lines more: the end-of-page EOLs (RTC) some fax writers add
    decode(...args);
  };
}

/** The page's samples from UTIF.js (CCITT G3/G4, JPEG), the codecs' inputs checked first. */
function utifDecode(bytes: Uint8Array, p: PageLayout): { raw: Uint8Array; photometric: number } {
  if (p.compression === 7) {
    for (let k = 0; k < p.offsets.length; k++) {
      const frame = jpegFrame(bytes.subarray(p.offsets[k]!, p.offsets[k]! + p.lengths[k]!));
      if (!frame || frame.width > p.pieceWidth || frame.height > p.pieceHeight) {
        throw new ExtractError(`TIFF 第 ${p.n} 页第 ${k + 1} 段 JPEG 数据已损坏（${frame ? `帧尺寸 ${frame.width} × ${frame.height} 大于${p.tiled ? '图块' : '条带'}` : '没有帧头'}）`);
      }
      // UTIF.js decodes a strip cut short as far as it goes, as the other decoders do.
      const damage = jpegDamage(bytes.subarray(p.offsets[k]!, p.offsets[k]! + p.lengths[k]!));
      if (damage) throw new ExtractError(`TIFF 第 ${p.n} 页第 ${k + 1} 段 JPEG 数据${damage.kind === 'truncated' ? '不完整' : '已损坏'}（${damage.detail}），只能解码出一部分，无法完整识别；请索取完整的文件或重新扫描`);
    }
  }
  const buffer = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (bytes.buffer as ArrayBuffer) : (bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const [ifd] = UTIF.decode(buffer);
  if (!ifd) throw new ExtractError(`TIFF 第 ${p.n} 页已损坏，无法解码`);
  faxWidth = p.pieceWidth;
  faxRows = p.pieceHeight;
  // JPEG in an RGB page holds RGB (libtiff writes it without the Adobe marker that says so); UTIF.js's
  // decoder would take three components for YCbCr and turn red seals dark: its colour transform (B) is turned off.
  const Jpeg = internals.JpegDecoder;
  if (p.compression === 7 && p.photometric === 2) {
    internals.JpegDecoder = function RgbJpeg() {
      const d = new Jpeg();
      d.B = 0;
      return d;
    } as unknown as UtifInternals['JpegDecoder'];
  }
  try {
    UTIF.decodeImage(buffer, ifd);
  } catch (e) {
    throw new ExtractError(`TIFF 第 ${p.n} 页的图像数据已损坏，无法解码${e instanceof PieceError ? `（${e.message}）` : ''}`);
  } finally {
    faxWidth = 0;
    faxRows = 0;
    internals.JpegDecoder = Jpeg;
  }
  const rowBytes = Math.ceil((p.width * p.bits * p.samples) / 8);
  let raw = ifd.data;
  if (raw.length < rowBytes * p.height) {
    raw = new Uint8Array(rowBytes * p.height);
    raw.set(ifd.data);
  }
  // UTIF.js turns JPEG's YCbCr into RGB and says so in the tag it was given.
  return { raw, photometric: (ifd.t262 as number[] | undefined)?.[0] ?? p.photometric };
}

/** Rows converted to RGBA at a time (UTIF.toRGBA8 of a whole page is 4 bytes a pixel at once). */
const BAND_ROWS = 64;

/**
 * The page's resolution across and down in dots per inch (XResolution, YResolution, ResolutionUnit), or undefined when
 * the page does not say (no unit, a value missing, zero or outside 20–4,800). A fax says 204 × 98 (its "standard"
 * mode: every other line), which the page's pixels alone cannot tell.
 */
function pageResolution(bytes: Uint8Array, p: PageLayout): { x: number; y: number } | undefined {
  const { u16, u32 } = reader(bytes);
  const rational = (tag: number) => {
    const t = p.entries.get(tag);
    if (!t || t.type !== 5 || t.count < 1) return undefined;
    const at = u32(t.at);
    if (at + 8 > bytes.length) return undefined;
    const den = u32(at + 4);
    return den ? u32(at) / den : undefined;
  };
  const unit = p.entries.get(296);
  const u = unit && unit.type === 3 ? u16(unit.at) : 2;
  if (u !== 2 && u !== 3) return undefined;
  const [x, y] = [rational(282), rational(283)].map((v) => (v === undefined ? undefined : u === 3 ? v * 2.54 : v));
  const ok = (v: number | undefined): v is number => v !== undefined && v >= 20 && v <= 4800;
  return ok(x) && ok(y) ? { x, y } : undefined;
}

/**
 * Decodes the first page of `bytes` (a TIFF, or one page cut out by tiffSinglePage) and hands its
 * pixels to `band` as RGBA, a band of rows at a time, top to bottom; with the page's resolution when it states one.
 */
export function decodeTiffPage(bytes: Uint8Array, band: (rgba: Uint8Array, y: number, rows: number) => void): { width: number; height: number; dpi?: { x: number; y: number } } {
  const first = tiffLayouts(bytes)[0]!;
  const numbered = first.entries.get(PAGE_NUMBER);
  const n = numbered && numbered.type === 3 && numbered.count === 2 ? reader(bytes).u16(numbered.at) + 1 : 1;
  // Only the page's own tags and data go on to UTIF.js (a file's other pages, EXIF and sub-directories never do).
  const page = tiffSinglePage(bytes, { page: n, width: first.width, height: first.height, ifd: first.ifdAt });
  const p = pageLayout(page, 8, n);
  let raw: Uint8Array;
  let photometric = p.photometric;
  if (OWN_CODECS.has(p.compression)) raw = ownDecode(page, p);
  else ({ raw, photometric } = utifDecode(page, p));
  let bits = p.bits;
  const rowBytes = Math.ceil((p.width * p.bits * p.samples) / 8);
  // UTIF.toRGBA8 reads palette indices a byte each: smaller ones are widened a band at a time.
  const widen = photometric === 3 && bits < 8;
  const map = photometric === 3 ? tagValues(page, p, 320) : undefined;
  if (widen) bits = 8;
  for (let y = 0; y < p.height; y += BAND_ROWS) {
    const rows = Math.min(BAND_ROWS, p.height - y);
    let data = raw.subarray(y * rowBytes, (y + rows) * rowBytes);
    if (widen) {
      const wide = new Uint8Array(p.width * rows);
      const per = 8 / p.bits;
      const mask = (1 << p.bits) - 1;
      for (let r = 0; r < rows; r++) for (let x = 0; x < p.width; x++) wide[r * p.width + x] = (data[r * rowBytes + Math.floor(x / per)]! >>> ((per - 1 - (x % per)) * p.bits)) & mask;
      data = wide;
    }
    const ifd = { width: p.width, height: rows, data, t262: [photometric], t258: Array(p.samples).fill(bits) as number[], ...(map ? { t320: map } : {}) };
    band(UTIF.toRGBA8(ifd as unknown as IFD), y, rows);
  }
  const dpi = pageResolution(page, p);
  return { width: p.width, height: p.height, ...(dpi ? { dpi } : {}) };
}

/** A palette (ColorMap) of 3 × 2^bits SHORTs, red then green then blue. */
function tagValues(bytes: Uint8Array, p: PageLayout, tag: number): number[] {
  const { u16, u32 } = reader(bytes);
  const t = p.entries.get(tag)!;
  const from = t.count * 2 <= 4 ? t.at : u32(t.at);
  const out = Array.from({ length: t.count }, (_, i) => u16(from + i * 2));
  // UTIF.toRGBA8 looks colours up at index, 256 + index and 512 + index.
  if (t.count === 768) return out;
  const n = t.count / 3;
  const full = new Array<number>(768).fill(0);
  for (let c = 0; c < 3; c++) for (let i = 0; i < n; i++) full[c * 256 + i] = out[c * n + i]!;
  return full;
}
