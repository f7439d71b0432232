// Hostile TIFFs, built byte by byte (no encoder writes them): each is a file a person could be sent
// — damaged, truncated or made to exhaust the decoder — with the reason the import must give.
// Used by ocr-tiff.test.ts (the decoder) and the bad-input suite (the whole import).
import { deflateSync } from 'node:zlib';
import { tinyGreyJpeg } from './tiny-images';

export interface TiffSpec {
  width: number;
  height: number;
  bits?: number;
  samples?: number;
  photometric?: number;
  compression?: number;
  /** The strips' bytes, as stored. */
  strips: Uint8Array[];
  rowsPerStrip?: number;
  /** Tag → values (SHORT unless over 65535), replacing the ones made from the fields above. */
  tags?: Record<number, number[]>;
  /** Pages: the same directory written this many times, chained. */
  pages?: number;
}

/** A little-endian TIFF; every directory and value is where its pointer says unless a test moves it. */
export function buildTiff(s: TiffSpec): Uint8Array {
  const samples = s.samples ?? 1;
  const data = s.strips.reduce((n, b) => n + b.length, 0);
  const stripAt = 8;
  const offsets: number[] = [];
  let at = stripAt;
  for (const b of s.strips) {
    offsets.push(at);
    at += b.length;
  }
  const tags: Record<number, number[]> = {
    256: [s.width],
    257: [s.height],
    258: Array<number>(samples).fill(s.bits ?? 8),
    259: [s.compression ?? 1],
    262: [s.photometric ?? 1],
    273: offsets,
    277: [samples],
    278: [s.rowsPerStrip ?? s.height],
    279: s.strips.map((b) => b.length),
    ...s.tags,
  };
  const keys = Object.keys(tags).map(Number).sort((a, b) => a - b);
  const long = (t: number) => t === 273 || t === 279 || tags[t]!.some((v) => v > 0xffff);
  const extraOf = (t: number) => tags[t]!.length * (long(t) ? 4 : 2);
  const ifdSize = 2 + keys.length * 12 + 4;
  const valuesSize = keys.reduce((n, t) => n + (extraOf(t) > 4 ? extraOf(t) : 0), 0);
  const pages = s.pages ?? 1;
  const first = stripAt + data + (data & 1);
  const out = new Uint8Array(first + pages * (ifdSize + valuesSize));
  const dv = new DataView(out.buffer);
  out.set([0x49, 0x49, 0x2a, 0]);
  dv.setUint32(4, first, true);
  s.strips.forEach((b, i) => out.set(b, offsets[i]!));
  for (let p = 0; p < pages; p++) {
    const ifd = first + p * (ifdSize + valuesSize);
    let extra = ifd + ifdSize;
    dv.setUint16(ifd, keys.length, true);
    keys.forEach((t, k) => {
      const e = ifd + 2 + k * 12;
      const vs = tags[t]!;
      const size = long(t) ? 4 : 2;
      dv.setUint16(e, t, true);
      dv.setUint16(e + 2, size === 4 ? 4 : 3, true);
      dv.setUint32(e + 4, vs.length, true);
      let to = e + 8;
      if (vs.length * size > 4) {
        dv.setUint32(e + 8, extra, true);
        to = extra;
        extra += vs.length * size;
      }
      vs.forEach((v, i) => (size === 4 ? dv.setUint32(to + i * 4, v, true) : dv.setUint16(to + i * 2, v, true)));
    });
    dv.setUint32(ifd + 2 + keys.length * 12, p + 1 < pages ? ifd + ifdSize + valuesSize : 0, true);
  }
  return out;
}

/** TIFF LZW (MSB-first, early change), as libtiff writes it. */
export function lzwEncode(src: Uint8Array): Uint8Array {
  const out: number[] = [];
  let acc = 0;
  let nacc = 0;
  let bits = 9;
  const put = (code: number) => {
    acc = (acc << bits) | code;
    nacc += bits;
    while (nacc >= 8) {
      out.push((acc >>> (nacc - 8)) & 255);
      nacc -= 8;
    }
    acc &= (1 << nacc) - 1;
  };
  let dict = new Map<string, number>();
  let next = 258;
  put(256);
  let w = '';
  for (const c of src) {
    const wc = w + String.fromCharCode(c);
    if (w === '' || dict.has(wc)) {
      w = wc;
      continue;
    }
    put(w.length === 1 ? w.charCodeAt(0) : dict.get(w)!);
    dict.set(wc, next++);
    // libtiff clears the table at 4094 codes and widens the code once the next one would not fit.
    if (next === 4094) {
      put(256);
      bits = 9;
      next = 258;
      dict = new Map();
    } else if (next >= 1 << bits) bits++;
    w = String.fromCharCode(c);
  }
  if (w) put(w.length === 1 ? w.charCodeAt(0) : dict.get(w)!);
  put(257);
  if (nacc > 0) out.push((acc << (8 - nacc)) & 255);
  return new Uint8Array(out);
}

/** Bits written as a string of 0 and 1, padded to bytes. */
function bitBytes(bits: string): Uint8Array {
  const out = new Uint8Array(Math.ceil(bits.length / 8));
  for (let i = 0; i < bits.length; i++) if (bits[i] === '1') out[i >> 3]! |= 0x80 >> (i & 7);
  return out;
}

const paper = (n: number) => new Uint8Array(n).fill(255);

export interface HostileTiff {
  name: string;
  kind: string;
  bytes: Uint8Array;
  /** Found from the directories (before any thread or decoder is started). */
  early: boolean;
  reason: RegExp;
}

export function hostileTiffs(): HostileTiff[] {
  const page = (extra: Partial<TiffSpec> = {}) => buildTiff({ width: 64, height: 32, strips: [paper(64 * 32)], ...extra });
  const loop = (() => {
    const b = page({ pages: 3 });
    const dv = new DataView(b.buffer);
    const first = dv.getUint32(4, true);
    const size = (b.length - first) / 3;
    const third = first + 2 * size;
    dv.setUint32(third + 2 + dv.getUint16(third, true) * 12, first + size, true);
    return b;
  })();
  // 40 MB of paper in a 40 KB Deflate strip, declared as a 64 × 32 page.
  const zeros = new Uint8Array(40 * 1024 * 1024).fill(255);
  const noise = new Uint8Array(64 * 32).map((_, i) => (i * 7919) % 251);
  const deflated = new Uint8Array(deflateSync(noise));
  // A G4 line: horizontal mode, a white run of 1792 (make-up code) + 0, a black run of 0 — 1792 pixels on a line of 64.
  const g4 = bitBytes('001' + '00000001000' + '00110101' + '0000110111' + '0000000000010000'.repeat(2));
  const grey = new Uint8Array(tinyGreyJpeg(64, 32));
  const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xc0, 0, 17, 8, 0xea, 0x60, 0xea, 0x60, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1, 0xff, 0xd9]);
  return [
    { name: 'huge.tif', kind: '20,000 × 20,000 px page', early: true, bytes: page({ width: 20_000, height: 20_000 }), reason: /TIFF 第 1 页过大（20000 × 20000 像素/ },
    { name: 'wide-16bit.tif', kind: '16-bit RGBA page whose samples would take 448 MB', early: true, bytes: page({ width: 8000, height: 7000, bits: 16, samples: 4, photometric: 2, strips: [paper(16)] }), reason: /TIFF 第 1 页过大（8000 × 7000 像素、4 个通道、每通道 16 位，解码后超过 240 MB/ },
    { name: 'zero.tif', kind: 'page of width 0', early: true, bytes: page({ width: 0 }), reason: /第 1 页没有宽度或高度/ },
    { name: 'loop.tif', kind: 'directory chain in a loop (page 3 → page 2)', early: true, bytes: loop, reason: /第 4 页的目录指回前面的页，页链成环/ },
    { name: 'pages.tif', kind: '2,001 pages', early: true, bytes: page({ pages: 2001 }), reason: /TIFF 页数过多（超过 2000 页）/ },
    { name: 'past-end.tif', kind: 'strip offset past the end of the file', early: true, bytes: page({ tags: { 273: [1_000_000] } }), reason: /第 1 页的图像数据在文件末尾之后/ },
    { name: 'short-strip.tif', kind: 'uncompressed strip shorter than its rows', early: true, bytes: page({ strips: [paper(100)] }), reason: /第 1 页第 1 段图像数据只有 100 字节，应有 2048 字节/ },
    { name: 'missing-strips.tif', kind: '4 strips declared, 2 present', early: true, bytes: page({ rowsPerStrip: 8, strips: [paper(512), paper(512)] }), reason: /只有 2 段，应有 4 段/ },
    { name: 'ifd-past-end.tif', kind: 'first directory past the end', early: true, bytes: (() => { const b = page(); new DataView(b.buffer).setUint32(4, 0x7fffff00, true); return b; })(), reason: /第 1 页的目录在文件末尾之后/ },
    { name: 'jpeg2000.tif', kind: 'JPEG 2000 compression', early: true, bytes: page({ compression: 34712 }), reason: /第 1 页使用 JPEG 2000 压缩，无法识别/ },
    { name: 'g4-tiles.tif', kind: 'CCITT G4 in tiles (UTIF.js would decode each as wide as the page)', early: true, bytes: page({ bits: 1, compression: 4, photometric: 0, tags: { 322: [32], 323: [32] } }), reason: /第 1 页是分块（tile）存放的传真（CCITT）压缩，无法识别/ },
    { name: 'planar.tif', kind: 'planar RGB (PlanarConfiguration 2)', early: true, bytes: page({ samples: 3, photometric: 2, strips: [paper(64 * 32 * 3)], tags: { 284: [2] } }), reason: /按颜色分平面存放/ },
    { name: 'lzw-bomb.tif', kind: 'LZW strip expanding past its page (bomb)', early: false, bytes: page({ compression: 5, strips: [lzwEncode(new Uint8Array(1024 * 1024).fill(255))] }), reason: /第 1 页第 1 段图像数据解压后的数据超出页面声明的大小（可能是解压炸弹）/ },
    { name: 'zip-bomb.tif', kind: 'Deflate strip of 40 MB (bomb)', early: false, bytes: page({ compression: 8, strips: [new Uint8Array(deflateSync(zeros))] }), reason: /第 1 页第 1 段图像数据解压后的数据超出页面声明的大小（可能是解压炸弹）/ },
    { name: 'zip-cut.tif', kind: 'Deflate strip cut short', early: false, bytes: page({ compression: 8, strips: [deflated.subarray(0, deflated.length >> 1)] }), reason: /第 1 页第 1 段图像数据不完整（解压后 \d+ 字节，应有 2048 字节）/ },
    { name: 'lzw-cut.tif', kind: 'LZW strip without its end code, cut short', early: false, bytes: page({ compression: 5, strips: [lzwEncode(noise).subarray(0, 200)] }), reason: /第 1 页第 1 段图像数据不完整/ },
    { name: 'g4-line.tif', kind: 'CCITT G4 line of 1,792 px on a page 64 wide', early: false, bytes: page({ bits: 1, compression: 4, photometric: 0, strips: [g4] }), reason: /第 1 页的图像数据已损坏，无法解码（传真（CCITT）数据已损坏（一行超出页面宽度））/ },
    // Before these were bounded, UTIF.js spent the length of the code word on every bit (quadratic: hours) and wrote a full line a bit.
    { name: 'g4-nocode.tif', kind: 'CCITT G4 strip whose bits form no code (256 KB)', early: false, bytes: page({ width: 2480, height: 3508, bits: 1, compression: 4, photometric: 0, strips: [new Uint8Array(256 * 1024).fill(0xff).fill(0x02, 0, 1)] }), reason: /第 1 页的图像数据已损坏，无法解码（传真（CCITT）数据已损坏（无效的编码））/ },
    { name: 'g4-lines.tif', kind: 'CCITT G4 strip writing a white line a bit (256 KB, 2 M lines of 12,000 px)', early: false, bytes: page({ width: 12_000, height: 100, bits: 1, compression: 4, photometric: 0, strips: [new Uint8Array(256 * 1024).fill(0xff)] }), reason: /第 1 页的图像数据已损坏，无法解码（传真（CCITT）数据已损坏（行数超出页面高度））/ },
    { name: 'jpeg-cut.tif', kind: 'JPEG strip cut short (UTIF.js would decode it in part)', early: false, bytes: page({ compression: 7, strips: [grey.subarray(0, grey.length - 6)] }), reason: /第 1 页第 1 段 JPEG 数据不完整（JPEG 数据在图像结束前中断）/ },
    { name: 'jpeg-frame.tif', kind: 'JPEG strip declaring a 60,000 × 60,000 frame', early: false, bytes: page({ samples: 3, photometric: 6, compression: 7, strips: [jpeg] }), reason: /第 1 页第 1 段 JPEG 数据已损坏（帧尺寸 60000 × 60000 大于条带）/ },
  ];
}
