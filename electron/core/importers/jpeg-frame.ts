// The frame a JPEG stream declares (its SOF header), read without decoding: a scan's size checked
// before any pixel is made (an image file, a TIFF's JPEG strip, a scanned PDF page's JPEG). And
// whether its image data runs to the end: decoders (pdf.js's and libjpeg-turbo's alike) decode a
// truncated or damaged JPEG as far as it goes and paint the rest grey, without an error, so half a
// page would be recognised as if it were the whole one.

export interface JpegFrame {
  width: number;
  height: number;
  components: number;
  precision: number;
  /** An APP1 (EXIF) segment came before the frame: its orientation a native decoder may apply and a PDF must not. */
  exif: boolean;
}

/** SOF0–SOF15 except DHT (C4), JPG (C8), DAC (CC). */
const isFrame = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

/** The frame of the JPEG stream in `b` (read from after its SOI), or undefined when none is found. */
export function jpegFrame(b: Uint8Array): JpegFrame | undefined {
  let exif = false;
  for (let i = 2; i + 9 < b.length; ) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i++; // a fill byte
      continue;
    }
    if (marker === 0xe1) exif = true;
    if (isFrame(marker)) {
      return { precision: b[i + 4]!, height: (b[i + 5]! << 8) | b[i + 6]!, width: (b[i + 7]! << 8) | b[i + 8]!, components: b[i + 9]!, exif };
    }
    i += 2 + ((b[i + 2]! << 8) | b[i + 3]!);
  }
  return undefined;
}

/** What is wrong with an image's data (a JPEG here, a PNG in png-chunks.ts): it ends early (`truncated`) or holds what no encoder writes (`corrupt`), in words for the import report. */
export interface ImageDamage {
  kind: 'truncated' | 'corrupt';
  detail: string;
}

/** Markers a scan's entropy-coded data may end at: the end, another scan, or the tables and comments between scans. */
const mayFollowScan = (m: number) => m === 0xd9 || m === 0xda || m === 0xc4 || m === 0xcc || m === 0xdb || m === 0xdc || m === 0xdd || m === 0xfe || (m >= 0xe0 && m <= 0xef);

interface Frame {
  width: number;
  height: number;
  progressive: boolean;
  hMax: number;
  vMax: number;
  /** Component id → sampling factors. */
  parts: Map<number, { h: number; v: number }>;
}

/**
 * Whether the JPEG in `b` (from its SOI) carries its whole image, from its structure alone (no
 * pixel is decoded; a page's JPEG is read in a few ms): every segment inside the data, each scan's
 * data ending at a marker that may follow it, restart markers in order and as many as the frame's
 * lines need, every component scanned, and the end marker present. Undefined when it does.
 * Damage that breaks none of these (bytes changed inside the coded data) is not seen.
 */
export function jpegDamage(b: Uint8Array): ImageDamage | undefined {
  const truncated = (detail = 'JPEG 数据在图像结束前中断'): ImageDamage => ({ kind: 'truncated', detail });
  const corrupt = (detail: string): ImageDamage => ({ kind: 'corrupt', detail });
  if (b[0] !== 0xff || b[1] !== 0xd8) return corrupt('没有 JPEG 起始标记');
  let frame: Frame | undefined;
  let interval = 0;
  const scanned = new Set<number>();
  for (let i = 2; ; ) {
    if (i + 1 >= b.length) return truncated();
    if (b[i] !== 0xff) return corrupt(`JPEG 数据在第 ${i} 字节处损坏`);
    const m = b[i + 1]!;
    if (m === 0xff) {
      i++;
      continue;
    }
    if (m === 0xd9) {
      if (!frame) return corrupt('JPEG 没有帧头');
      if (scanned.size === 0) return truncated('JPEG 没有图像数据');
      for (const id of frame.parts.keys()) if (!scanned.has(id)) return truncated('JPEG 数据缺少颜色分量');
      return undefined;
    }
    if (m === 0x01 || (m >= 0xd0 && m <= 0xd8)) return corrupt(`JPEG 数据在第 ${i} 字节处损坏（多余的标记）`);
    if (i + 3 >= b.length) return truncated();
    const length = (b[i + 2]! << 8) | b[i + 3]!;
    if (length < 2) return corrupt(`JPEG 数据在第 ${i} 字节处损坏（段长度无效）`);
    const next = i + 2 + length;
    if (next > b.length) return truncated();
    if (isFrame(m)) {
      if (frame) return corrupt('JPEG 有两个帧头');
      const count = b[i + 9] ?? 0;
      if (length < 8 + 3 * count || count === 0) return corrupt('JPEG 帧头无效');
      const parts = new Map<number, { h: number; v: number }>();
      for (let k = 0; k < count; k++) {
        const hv = b[i + 11 + 3 * k]!;
        parts.set(b[i + 10 + 3 * k]!, { h: Math.max(1, hv >> 4), v: Math.max(1, hv & 15) });
      }
      const sizes = [...parts.values()];
      frame = {
        height: (b[i + 5]! << 8) | b[i + 6]!,
        width: (b[i + 7]! << 8) | b[i + 8]!,
        progressive: m === 0xc2 || m === 0xc6 || m === 0xca || m === 0xce,
        hMax: Math.max(...sizes.map((s) => s.h)),
        vMax: Math.max(...sizes.map((s) => s.v)),
        parts,
      };
    } else if (m === 0xdd && length >= 4) {
      interval = (b[i + 4]! << 8) | b[i + 5]!;
    } else if (m === 0xda) {
      if (!frame) return corrupt('JPEG 图像数据在帧头之前');
      const ids = Array.from({ length: b[i + 4] ?? 0 }, (_, k) => b[i + 5 + 2 * k]!);
      if (ids.length === 0 || ids.some((id) => !frame!.parts.has(id))) return corrupt('JPEG 扫描头无效');
      const data = scanData(b, next, interval);
      if (data.corrupt) return corrupt(data.corrupt);
      const end = data.end;
      if (end !== undefined && !mayFollowScan(b[end + 1]!)) return corrupt(`JPEG 数据在第 ${end} 字节处损坏（无效的标记）`);
      // A sequential scan with restart markers says how far it got: one marker after every
      // `interval` blocks but the last (a progressive scan's count depends on its bands; not checked).
      if (interval > 0 && !frame.progressive) {
        const { units, perRow, rowHeight } = scanUnits(frame, ids);
        const expected = Math.ceil(units / interval) - 1;
        if (data.restarts > expected) return corrupt('JPEG 的重启标记多于图像的行数');
        if (data.restarts < expected || end === undefined) {
          const rows = Math.min(frame.height, Math.floor((data.restarts * interval) / perRow) * rowHeight);
          return truncated(`JPEG 数据在图像结束前中断，第 ${rows + 1} 行起（共 ${frame.height} 行）没有图像`);
        }
      }
      if (end === undefined) return truncated();
      for (const id of ids) scanned.add(id);
      i = end;
      continue;
    }
    i = next;
  }
}

/** Blocks (MCUs) a scan of `ids` codes, how many make one row of them, and the image rows one covers. */
function scanUnits(frame: Frame, ids: number[]): { units: number; perRow: number; rowHeight: number } {
  if (ids.length === 1) {
    // A scan of one component is not interleaved: one 8 × 8 block of that component each.
    const s = frame.parts.get(ids[0]!)!;
    const perRow = Math.ceil(Math.ceil((frame.width * s.h) / frame.hMax) / 8);
    const rows = Math.ceil(Math.ceil((frame.height * s.v) / frame.vMax) / 8);
    return { units: perRow * rows, perRow, rowHeight: (8 * frame.vMax) / s.v };
  }
  const perRow = Math.ceil(frame.width / (8 * frame.hMax));
  return { units: perRow * Math.ceil(frame.height / (8 * frame.vMax)), perRow, rowHeight: 8 * frame.vMax };
}

/** A scan's entropy-coded data from `at`: where the marker ending it stands (undefined: the bytes end first) and how many restart markers it holds. */
function scanData(b: Uint8Array, at: number, interval: number): { end?: number; restarts: number; corrupt?: string } {
  let restarts = 0;
  for (let p = at; ; ) {
    const q = b.indexOf(0xff, p);
    if (q < 0 || q + 1 >= b.length) return { restarts };
    const n = b[q + 1]!;
    if (n === 0x00) p = q + 2;
    else if (n === 0xff) p = q + 1;
    else if (n >= 0xd0 && n <= 0xd7) {
      if (interval === 0 || n - 0xd0 !== restarts % 8) return { restarts, corrupt: `JPEG 数据在第 ${q} 字节处损坏（重启标记不合顺序）` };
      restarts++;
      p = q + 2;
    } else return { end: q, restarts };
  }
}
