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
  /** Baseline or extended sequential with Huffman coding (SOF0, SOF1): the scans the entropy check reads. */
  sequential: boolean;
  /** Huffman coded, sequential or progressive (SOF0–2): a progressive one's first DC scans are entropy-checked too. */
  huffman: boolean;
  precision: number;
  hMax: number;
  vMax: number;
  /** Component id → sampling factors and quantisation table. */
  parts: Map<number, { h: number; v: number; tq: number }>;
}

/**
 * Whether the JPEG in `b` (from its SOI) carries its whole image, from its structure alone (no
 * pixel is decoded; a page's JPEG is read in a few ms): every segment inside the data, each scan's
 * data ending at a marker that may follow it, restart markers in order and as many as the frame's
 * lines need, every component scanned, and the end marker present. Undefined when it does.
 * A sequential Huffman scan (what scanners and cameras write) is also entropy-decoded without
 * painting (`huffmanScanDamage`): bytes changed inside the coded data that break no marker — one
 * flipped byte — make a code no table holds, a block of more than 64 coefficients, or blocks that do
 * not end where the data (or a restart interval) ends; decoders paint such a stretch as a garbled band.
 * Without restart markers, a change the code gets over that shifts every DC after it (the rest of the
 * page darker or lighter) is seen between blank blocks (`dcShift`). A JPEG has no checksum: a change
 * that breaks none of these rules (most often one block's AC, or a shift under 16 grey levels) is not seen.
 * A progressive image (SOF2): its scan headers are checked against T.81's rules, and its first DC scans
 * (every block's mean) entropy-decoded the same way without AC codes; a change in its AC or refinement
 * scans is not seen.
 */
export function jpegDamage(b: Uint8Array): ImageDamage | undefined {
  const truncated = (detail = 'JPEG 数据在图像结束前中断'): ImageDamage => ({ kind: 'truncated', detail });
  const corrupt = (detail: string): ImageDamage => ({ kind: 'corrupt', detail });
  if (b[0] !== 0xff || b[1] !== 0xd8) return corrupt('没有 JPEG 起始标记');
  let frame: Frame | undefined;
  let interval = 0;
  const scanned = new Set<number>();
  const tables = new Map<number, Uint32Array>();
  /** Quantisation table id → its DC step. */
  const dcSteps = new Map<number, number>();
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
      const parts = new Map<number, { h: number; v: number; tq: number }>();
      for (let k = 0; k < count; k++) {
        const hv = b[i + 11 + 3 * k]!;
        parts.set(b[i + 10 + 3 * k]!, { h: Math.max(1, hv >> 4), v: Math.max(1, hv & 15), tq: b[i + 12 + 3 * k]! & 3 });
      }
      const sizes = [...parts.values()];
      frame = {
        height: (b[i + 5]! << 8) | b[i + 6]!,
        width: (b[i + 7]! << 8) | b[i + 8]!,
        progressive: m === 0xc2 || m === 0xc6 || m === 0xca || m === 0xce,
        sequential: m === 0xc0 || m === 0xc1,
        huffman: m === 0xc0 || m === 0xc1 || m === 0xc2,
        precision: b[i + 4]!,
        hMax: Math.max(...sizes.map((s) => s.h)),
        vMax: Math.max(...sizes.map((s) => s.v)),
        parts,
      };
    } else if (m === 0xdd && length >= 4) {
      interval = (b[i + 4]! << 8) | b[i + 5]!;
    } else if (m === 0xdb) {
      // each table: Pq|Tq, then 64 values of 8 or 16 bits, the DC step first
      for (let p = i + 4; p < next; p += 1 + (b[p]! >> 4 ? 128 : 64)) dcSteps.set(b[p]! & 3, b[p]! >> 4 ? (b[p + 1]! << 8) | b[p + 2]! : b[p + 1]!);
    } else if (m === 0xc4) {
      if (!readHuffmanTables(b, i + 4, next, tables)) return corrupt(`JPEG 数据在第 ${i} 字节处损坏（哈夫曼表无效）`);
    } else if (m === 0xda) {
      if (!frame) return corrupt('JPEG 图像数据在帧头之前');
      const ids = Array.from({ length: b[i + 4] ?? 0 }, (_, k) => b[i + 5 + 2 * k]!);
      if (ids.length === 0 || ids.some((id) => !frame!.parts.has(id))) return corrupt('JPEG 扫描头无效');
      // the spectral band and the bit position the scan codes (Ss, Se, Ah, Al after its components)
      const band = i + 5 + 2 * ids.length;
      const ss = b[band]!;
      const se = b[band + 1]!;
      const ah = b[band + 2]! >> 4;
      const al = b[band + 2]! & 15;
      // A progressive scan (ITU T.81 G.1.1.1.1): the DC alone, of any components, or one AC band of one
      // component; each refinement one bit finer than the pass before. What no encoder writes is refused.
      if (frame.progressive && (se > 63 || ss > se || (ss === 0 && se !== 0) || (ss > 0 && ids.length !== 1) || al > 13 || (ah !== 0 && ah !== al + 1))) {
        return corrupt('JPEG 扫描头无效（渐进式扫描的频段或位）');
      }
      const dcFirst = frame.progressive && ss === 0 && ah === 0;
      const data = scanData(b, next, interval);
      if (data.corrupt) return corrupt(data.corrupt);
      const end = data.end;
      if (end !== undefined && !mayFollowScan(b[end + 1]!)) return corrupt(`JPEG 数据在第 ${end} 字节处损坏（无效的标记）`);
      // A sequential scan with restart markers says how far it got: one marker after every
      // `interval` blocks but the last (a progressive scan's count depends on its bands; not checked).
      if (interval > 0 && (!frame.progressive || dcFirst)) {
        const { units, perRow, rowHeight } = scanUnits(frame, ids);
        const expected = Math.ceil(units / interval) - 1;
        if (data.restarts > expected) return corrupt('JPEG 的重启标记多于图像的行数');
        if (data.restarts < expected && end !== undefined && (frame.sequential || frame.huffman) && frame.height > 0) {
          // The data runs to a marker: either it stops short (a file closed early) or a restart marker
          // is missing (the last one: one missing earlier breaks their order above). Decoding tells:
          // an interval that holds more blocks than the interval is one whose marker was lost.
          const selectors = ids.map((id, k) => ({ id, dc: b[i + 6 + 2 * k]! >> 4, ac: dcFirst ? -1 : b[i + 6 + 2 * k]! & 15 }));
          const short = { short: false };
          const bad = huffmanScanDamage(b, next, end, frame, selectors, interval, tables, dcSteps, short);
          if (bad && !short.short) return corrupt(`${bad}（缺少重启标记）`);
        }
        if (data.restarts < expected || end === undefined) {
          const rows = Math.min(frame.height, Math.floor((data.restarts * interval) / perRow) * rowHeight);
          return truncated(`JPEG 数据在图像结束前中断，第 ${rows + 1} 行起（共 ${frame.height} 行）没有图像`);
        }
      }
      if (end === undefined) return truncated();
      if ((frame.sequential || (dcFirst && frame.huffman)) && frame.height > 0) {
        // a progressive image's first DC scan is decoded as a sequential one with no AC codes: it holds
        // every block's mean, the page a decoder paints first; the later scans (AC bands, refinements) are not
        const selectors = ids.map((id, k) => ({ id, dc: b[i + 6 + 2 * k]! >> 4, ac: dcFirst ? -1 : b[i + 6 + 2 * k]! & 15 }));
        const bad = huffmanScanDamage(b, next, end, frame, selectors, interval, tables, dcSteps);
        if (bad) return corrupt(bad);
      }
      // every component needs its blocks' means (a progressive image: its first DC scan) for a whole picture
      if (!frame.progressive || dcFirst) for (const id of ids) scanned.add(id);
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

/**
 * The Huffman tables of a DHT segment (from `at` to `end`), each as a 16-bit lookup: the next 16 bits
 * of the data → (code length << 8) | value, 0 where no code of the table starts so. Keyed by class
 * (0 DC, 1 AC) << 4 | id. False when the segment does not hold whole tables.
 */
function readHuffmanTables(b: Uint8Array, at: number, end: number, into: Map<number, Uint32Array>): boolean {
  let p = at;
  while (p < end) {
    if (p + 17 > end) return false;
    const tc = b[p]! >> 4;
    const th = b[p]! & 15;
    if (tc > 1 || th > 3) return false;
    const counts = b.subarray(p + 1, p + 17);
    let total = 0;
    for (const c of counts) total += c;
    if (total > 256 || p + 17 + total > end) return false;
    const lookup = new Uint32Array(65536);
    let code = 0;
    let v = p + 17;
    for (let len = 1; len <= 16; len++) {
      for (let k = 0; k < counts[len - 1]!; k++) {
        if (code >= 1 << len) return false; // more codes than the length allows
        const from = code << (16 - len);
        lookup.fill((len << 8) | b[v++]!, from, from + (1 << (16 - len)));
        code++;
      }
      code <<= 1;
    }
    into.set((tc << 4) | th, lookup);
    p = v;
  }
  return true;
}

/**
 * Entropy-decodes one sequential Huffman scan (data from `at` to the marker at `end`) without
 * dequantising or painting: every block's DC and AC codes found in their tables, no block running past
 * 64 coefficients, the DC staying in range, and the blocks the frame needs ending where each restart
 * interval's data (and the scan's) ends, but for the padding to a whole byte. Returns what is wrong, or
 * undefined; also undefined when a table the scan names was not given (a TIFF strip's tables stand in
 * its JPEGTables tag), so nothing is claimed that was not checked.
 */
function huffmanScanDamage(
  b: Uint8Array,
  at: number,
  end: number,
  frame: Frame,
  selectors: { id: number; dc: number; ac: number }[],
  interval: number,
  tables: Map<number, Uint32Array>,
  dcSteps: Map<number, number>,
  /** Set when what is wrong is that the data stops before the blocks the frame needs. */
  ends?: { short: boolean },
): string | undefined {
  // ac −1: a progressive image's first DC scan, whose blocks are their DC alone (no AC table, no AC codes)
  const dcOnly = selectors.every((s) => s.ac < 0);
  const comps = selectors.map((s) => ({ ...frame.parts.get(s.id)!, dcT: tables.get(s.dc), acT: s.ac < 0 ? undefined : tables.get(0x10 | s.ac) }));
  if (comps.some((c) => !c.dcT || (!dcOnly && !c.acT))) return undefined;
  const maxSize = frame.precision > 8 ? 15 : 11;
  const dcLimit = frame.precision > 8 ? 32767 : 2047;
  const { units, perRow, rowHeight } = scanUnits(frame, selectors.map((s) => s.id));
  // the blocks each unit holds: one in a scan of one component, h × v of each in an interleaved one
  const blocks = selectors.length === 1 ? [0] : comps.flatMap((c, k) => Array<number>(c.h * c.v).fill(k));
  const pred = new Int32Array(comps.length);
  // the first component's DC of each block, in its block grid (no restart markers only: see dcShift)
  const first = comps[0]!;
  const gridW = selectors.length === 1 ? perRow : perRow * first.h;
  const gridH = selectors.length === 1 ? Math.ceil(units / perRow) : (units / perRow) * first.v;
  // (not in a DC-only scan: which blocks are blank paper needs their AC)
  const dcs = interval === 0 && !dcOnly && gridW > 8 && gridH > 8 ? new Int16Array(gridW * gridH) : undefined;
  const blank = new Uint8Array(dcs ? gridW * gridH : 0);
  let pos = at;
  let acc = 0;
  let n = 0;
  let over = 0;
  // what is wrong met while reading past the data (the lookahead's 1s) is the data stopping short
  const where = (unit: number) => {
    if (ends) ends.short ||= over > 0;
    return whereAt(unit);
  };
  const whereAt = (unit: number) => `JPEG 图像数据在第 ${Math.min(pos, end)} 字节附近损坏，第 ${Math.min(frame.height, Math.floor(unit / perRow) * rowHeight) + 1} 行起（共 ${frame.height} 行）的图像会错乱`;
  // the data is read 8 bits at a time into `acc` (its low `n` bits unread); past the interval's data —
  // its end, or the marker that ends it — 1s are read, as decoders do, and counted in `over`
  const fill = () => {
    while (n <= 24) {
      let byte = 0xff;
      if (pos < end && !(b[pos] === 0xff && b[pos + 1] !== 0x00)) {
        byte = b[pos++]!;
        if (byte === 0xff) pos++; // the stuffed 0x00
      } else over++;
      acc = ((acc << 8) | byte) >>> 0;
      n += 8;
    }
  };
  const decode = (t: Uint32Array): number => {
    if (n < 16) fill();
    const e = t[(acc >>> (n - 16)) & 0xffff]!;
    if (e === 0) return -1;
    n -= e >> 8;
    return e & 0xff;
  };
  const receive = (s: number): number => {
    if (s === 0) return 0;
    if (n < s) fill();
    const v = (acc >>> (n - s)) & ((1 << s) - 1);
    n -= s;
    return v < 1 << (s - 1) ? v - (1 << s) + 1 : v;
  };
  /** Bits read past the interval's data (its end, or the restart marker): the blocks need more than is there. */
  const overrun = () => over * 8 - n > 0;
  /** Whole bytes of the interval's data left unread once its blocks are decoded: the blocks ended early. */
  const left = (stop: number) => (over > 0 ? 0 : Math.floor(n / 8) + countData(b, pos, stop));
  let unit = 0;
  while (unit < units) {
    const count = interval > 0 ? Math.min(interval, units - unit) : units;
    for (let u = 0; u < count; u++, unit++) {
      let sub = 0; // the first component's blocks in this unit so far
      for (const k of blocks) {
        const c = comps[k]!;
        const s = decode(c.dcT!);
        if (s < 0 || s > maxSize) return where(unit);
        pred[k] = pred[k]! + receive(s);
        if (pred[k]! > dcLimit || pred[k]! < -dcLimit - 1) return where(unit);
        let cell = -1;
        if (dcs && k === 0) {
          const col = selectors.length === 1 ? unit % perRow : (unit % perRow) * first.h + (sub % first.h);
          const row = selectors.length === 1 ? Math.floor(unit / perRow) : Math.floor(unit / perRow) * first.v + Math.floor(sub / first.h);
          cell = row * gridW + col;
          dcs[cell] = pred[k]!;
          sub++;
        }
        let ac = 0;
        for (let z = dcOnly ? 64 : 1; z < 64; ) {
          const rs = decode(c.acT!);
          if (rs < 0) return where(unit);
          const r = rs >> 4;
          const size = rs & 15;
          ac++;
          if (size === 0) {
            if (r !== 15) break; // end of block
            z += 16;
            if (z > 64) return where(unit);
            continue;
          }
          z += r;
          if (z > 63 || size > maxSize - 1) return where(unit);
          receive(size);
          z++;
        }
        if (cell >= 0 && ac === 1) blank[cell] = 1; // the first AC code ended the block: no AC coefficient
        if (overrun()) return where(unit);
      }
    }
    // the interval's data ends here: nothing but the padding to a whole byte is left before its marker
    const stop = nextMarker(b, pos, end);
    if (left(stop) > 0) return where(unit - 1);
    if (unit < units) {
      if (stop >= end) {
        if (ends) ends.short = true;
        return where(unit);
      }
      pos = stop + 2; // past the restart marker
      acc = 0;
      n = 0;
      over = 0;
      pred.fill(0);
    }
  }
  if (dcs) {
    const row = dcShift(dcs, blank, gridW, gridH, dcSteps.get(first.tq) ?? 0);
    if (row !== undefined) {
      const lines = Math.min(frame.height, Math.floor((row * 8 * frame.vMax) / first.v));
      return `JPEG 图像数据损坏，第 ${lines + 1} 行起（共 ${frame.height} 行）的图像亮度错位`;
    }
  }
  return undefined;
}

/**
 * A changed byte that the Huffman code gets over a few blocks later still leaves every DC after it
 * off by one amount (each block's DC is coded as its difference from the one before): from that
 * block on, the picture is lighter or darker by a step. It shows between blank blocks (paper: a DC
 * and no AC coefficient) and the blank blocks above them: from the damaged block (row r, column c)
 * to the same column of row r + 1 they differ by that one amount (give or take 3 grey levels), and
 * before and after that stretch they do not. An edge in the picture (a page's top, a border) makes
 * no such stretch: it runs the whole row, or its blocks are not blank. Returns the block row where a
 * stretch starts, or undefined. `step` is the DC's quantisation step (a DC is 8 × the block's mean):
 * the shift is 16 grey levels or more; in each part of the stretch (row r from c, row r + 1 before c)
 * ≥ 80 % of ≥ 3 blank pairs shifted, beside it (row r before c, row r + 1 from c) ≤ 10 % of ≥ 3.
 */
function dcShift(dc: Int16Array, blank: Uint8Array, w: number, h: number, step: number): number | undefined {
  if (step <= 0 || w < 12 || h < 3) return undefined;
  const t = Math.max(1, Math.round((16 * 8) / step));
  const tol = Math.max(1, Math.round((3 * 8) / step));
  const counts = new Map<number, number>();
  const pairs = new Int32Array(2 * w + 1);
  const shifted = new Int32Array(2 * w + 1);
  for (let r = 1; r + 1 < h; r++) {
    // the shift most blank pairs of rows r and r + 1 share, if any is large enough
    counts.clear();
    for (let k = r * w; k < (r + 2) * w; k++) {
      if (!blank[k] || !blank[k - w]) continue;
      const e = dc[k]! - dc[k - w]!;
      if (Math.abs(e) >= t) counts.set(e, (counts.get(e) ?? 0) + 1);
    }
    let v = 0;
    let most = 0;
    for (const [x] of counts) {
      let c = 0;
      for (let d = -tol; d <= tol; d++) c += counts.get(x + d) ?? 0;
      if (c > most) [v, most] = [x, c];
    }
    if (most < 6) continue;
    for (let k = 0; k < 2 * w; k++) {
      const at = r * w + k;
      const pair = blank[at]! && blank[at - w]! ? 1 : 0;
      pairs[k + 1] = pairs[k]! + pair;
      shifted[k + 1] = shifted[k]! + (pair && Math.abs(dc[at]! - dc[at - w]! - v) <= tol ? 1 : 0);
    }
    const part = (from: number, to: number): [number, number] => [pairs[to]! - pairs[from]!, shifted[to]! - shifted[from]!];
    for (let c = 4; c <= w - 4; c++) {
      const parts = [part(c, w), part(w, w + c)];
      const beside = [part(0, c), part(w + c, 2 * w)];
      if (parts.every(([n, s]) => n >= 3 && s >= 0.8 * n) && beside.every(([n, s]) => n >= 3 && s <= 0.1 * n)) return r;
    }
  }
  return undefined;
}

/** Where the next marker other than a stuffed byte stands from `p` (at most `end`). */
function nextMarker(b: Uint8Array, p: number, end: number): number {
  for (let q = b.indexOf(0xff, p); q >= 0 && q < end; q = b.indexOf(0xff, q + 1)) {
    const m = b[q + 1];
    if (m !== 0x00 && m !== 0xff) return q;
  }
  return end;
}

/** Bytes of entropy-coded data from `p` up to the marker at `stop` (a stuffed 0xFF 0x00 counts once). */
function countData(b: Uint8Array, p: number, stop: number): number {
  let count = 0;
  for (let q = p; q < stop; q++) if (!(b[q] === 0x00 && b[q - 1] === 0xff)) count++;
  return count;
}

/** Centimetres in an inch: JFIF and EXIF may count dots per centimetre. */
const INCH_CM = 2.54;

/**
 * The resolutions a JPEG states, in dots per inch along x and y, in the order they come: its JFIF header's density (APP0;
 * units 1 dots per inch, 2 per centimetre — 0 is an aspect ratio only) and its EXIF XResolution/YResolution (APP1, IFD0;
 * ResolutionUnit 2 inch, the default, or 3 centimetre). Whether one is the scan's is statedScanDpi's question
 * (ocr-resolution.ts: a tool's 72 × 72 is not); the caller takes the first it accepts. A segment cut short, a zero, or
 * an offset outside the segment states nothing; never throws.
 */
export function jpegDensities(b: Uint8Array): { x: number; y: number }[] {
  const out: { x: number; y: number }[] = [];
  for (let i = 2; i + 4 <= b.length; ) {
    if (b[i] !== 0xff) break;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i++;
      continue;
    }
    if (marker === 0xda || marker === 0xd9 || isFrame(marker)) break;
    const length = (b[i + 2]! << 8) | b[i + 3]!;
    const seg = b.subarray(i + 4, Math.min(b.length, i + 2 + length));
    if (marker === 0xe0) {
      const d = jfifDensity(seg);
      if (d) out.push(d);
    } else if (marker === 0xe1) {
      const d = exifDensity(seg);
      if (d) out.push(d);
    }
    if (length < 2) break;
    i += 2 + length;
  }
  return out;
}

const ascii = (s: Uint8Array, n: number) => String.fromCharCode(...s.subarray(0, n));

/** APP0's JFIF density: "JFIF\0", version (2), units (1), X and Y density (2 each). */
function jfifDensity(s: Uint8Array): { x: number; y: number } | undefined {
  if (s.length < 12 || ascii(s, 5) !== 'JFIF\0') return undefined;
  const units = s[7];
  const x = (s[8]! << 8) | s[9]!;
  const y = (s[10]! << 8) | s[11]!;
  if ((units !== 1 && units !== 2) || x === 0 || y === 0) return undefined;
  const k = units === 2 ? INCH_CM : 1;
  return { x: x * k, y: y * k };
}

/** APP1's EXIF resolution: "Exif\0\0", then a TIFF header and IFD0 whose tags 282, 283 (RATIONAL) and 296 (SHORT) say it. */
function exifDensity(s: Uint8Array): { x: number; y: number } | undefined {
  if (s.length < 14 || ascii(s, 6) !== 'Exif\0\0') return undefined;
  const t = s.subarray(6);
  const le = t[0] === 0x49 && t[1] === 0x49;
  if (!le && !(t[0] === 0x4d && t[1] === 0x4d)) return undefined;
  const dv = new DataView(t.buffer, t.byteOffset, t.byteLength);
  const ifd = dv.getUint32(4, le);
  if (ifd + 2 > t.length) return undefined;
  const count = dv.getUint16(ifd, le);
  let x: number | undefined;
  let y: number | undefined;
  let unit = 2;
  for (let k = 0; k < count; k++) {
    const e = ifd + 2 + k * 12;
    if (e + 12 > t.length) break;
    const tag = dv.getUint16(e, le);
    const type = dv.getUint16(e + 2, le);
    if (tag === 296 && type === 3) unit = dv.getUint16(e + 8, le);
    if ((tag === 282 || tag === 283) && type === 5) {
      const at = dv.getUint32(e + 8, le);
      if (at + 8 > t.length) continue;
      const den = dv.getUint32(at + 4, le);
      const v = den > 0 ? dv.getUint32(at, le) / den : 0;
      if (tag === 282) x = v;
      else y = v;
    }
  }
  if (!x || !y || (unit !== 2 && unit !== 3)) return undefined;
  const k = unit === 3 ? INCH_CM : 1;
  return { x: x * k, y: y * k };
}
