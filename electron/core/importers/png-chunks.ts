// Whether a PNG holds its whole image, from its chunks alone: a truncated PNG (a download or copy
// cut short) decodes as far as its data goes and the rest of the page comes out empty, so half a
// page would be recognised as if it were the whole one. Every chunk must lie inside the file with
// its CRC right, and the end chunk (IEND) must follow the image data.

import type { ImageDamage } from './jpeg-frame';

let table: Uint32Array | undefined;

function crc32(b: Uint8Array, from: number, to: number): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = from; i < to; i++) c = table[(c ^ b[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Why the PNG in `b` cannot hold its whole image, or undefined when its chunks run whole to IEND. */
export function pngDamage(b: Uint8Array): ImageDamage | undefined {
  const truncated: ImageDamage = { kind: 'truncated', detail: 'PNG 数据在图像结束前中断' };
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let data = false;
  for (let i = 8; ; ) {
    if (i + 8 > b.length) return truncated;
    const length = dv.getUint32(i);
    const type = String.fromCharCode(b[i + 4]!, b[i + 5]!, b[i + 6]!, b[i + 7]!);
    if (!/^[A-Za-z]{4}$/.test(type)) return { kind: 'corrupt', detail: `第 ${i} 字节处不是 PNG 数据块` };
    const end = i + 8 + length + 4;
    if (end > b.length) return truncated;
    if (crc32(b, i + 4, i + 8 + length) !== dv.getUint32(i + 8 + length)) return { kind: 'corrupt', detail: `PNG 的 ${type} 数据块校验和不符` };
    if (type === 'IDAT') data = true;
    if (type === 'IEND') return data ? undefined : { kind: 'truncated', detail: 'PNG 没有图像数据' };
    i = end;
  }
}

/** Metres in an inch: pHYs counts pixels per metre. */
const INCH_M = 0.0254;

/**
 * The resolution a PNG states (its pHYs chunk, before the image data), in dots per inch along x and y, or undefined when
 * it states none in metres (unit 0 is an aspect ratio only), a count is zero, or the chunk is cut short. Read after
 * pngDamage has checked the chunks; never throws. A count in metres is rounded to whole dots per inch. Whether it is the scan's is statedScanDpi's question (ocr-resolution.ts).
 */
export function pngDensity(b: Uint8Array): { x: number; y: number } | undefined {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  for (let i = 8; i + 8 <= b.length; ) {
    const length = dv.getUint32(i);
    const type = String.fromCharCode(b[i + 4]!, b[i + 5]!, b[i + 6]!, b[i + 7]!);
    if (type === 'IDAT' || type === 'IEND') return undefined;
    if (type === 'pHYs') {
      if (length !== 9 || i + 17 > b.length || b[i + 16] !== 1) return undefined;
      const x = dv.getUint32(i + 8);
      const y = dv.getUint32(i + 12);
      // to whole dots per inch, as scanners state them: a tool writes 204 dpi as 8031 per metre (203.99)
      return x > 0 && y > 0 ? { x: Math.round(x * INCH_M) || x * INCH_M, y: Math.round(y * INCH_M) || y * INCH_M } : undefined;
    }
    i += 12 + length;
  }
  return undefined;
}
