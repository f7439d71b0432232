// The chi_sim model as the LSTM engine reads it. The packaged file (@tesseract.js-data/chi_sim
// 4.0.0, 44 MB unpacked) carries tesseract's legacy classifier beside the LSTM network: 40 MB of
// `inttemp` alone, with `shapetable`, `normproto` and `pffmtable`. LawDesk runs OEM LSTM_ONLY,
// which never reads them, yet tesseract.js gunzips the whole file, copies it into its WASM file
// system and tesseract copies it again into WASM memory (which never shrinks): ≈ 150 MB of one
// worker's memory was that classifier. So the model is rewritten once without those four parts
// (same network, same unicharset, same dictionaries: the same text and confidences) into a folder
// of the user data directory, and tesseract.js reads it from there (`langPath`, never a download).

import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, openSync, readFileSync, readSync, closeSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createGunzip } from 'node:zlib';
import { writeFileAtomic } from '../util/atomic-write';

/** Components of a .traineddata file, by index (tesseract's TessdataType). */
const LEGACY_CLASSIFIER = new Set([
  3, // inttemp: the legacy shape templates (40 MB of chi_sim)
  4, // pffmtable
  5, // normproto
  13, // shapetable
]);

/** Bumped when what is kept changes, so an older rewritten file is not used. */
const FORMAT = 1;

export interface TraineddataLayout {
  entries: number;
  /** Offset of each component in the file, −1 when absent. */
  offsets: number[];
  size: number;
}

/** The component table at the start of an unpacked .traineddata (int32 count, int64 offsets, little-endian). */
export function traineddataLayout(head: Uint8Array, size: number): TraineddataLayout | undefined {
  if (head.length < 4) return undefined;
  const dv = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const entries = dv.getInt32(0, true);
  if (entries < 1 || entries > 64 || head.length < 4 + 8 * entries) return undefined;
  const offsets: number[] = [];
  let last = 4 + 8 * entries;
  for (let i = 0; i < entries; i++) {
    const o = Number(dv.getBigInt64(4 + 8 * i, true));
    if (o !== -1 && (o < last || o > size)) return undefined;
    if (o !== -1) last = o;
    offsets.push(o);
  }
  return { entries, offsets, size };
}

/** Each present component's [start, end) in the file. */
function spans(l: TraineddataLayout): { index: number; start: number; end: number }[] {
  const present = l.offsets.map((o, index) => ({ index, start: o })).filter((e) => e.start !== -1);
  return present.map((e, k) => ({ index: e.index, start: e.start, end: k + 1 < present.length ? present[k + 1]!.start : l.size }));
}

/** The file with the legacy classifier left out: same component table, the kept parts moved up. */
export function withoutLegacyClassifier(l: TraineddataLayout, read: (start: number, end: number) => Uint8Array[]): Uint8Array {
  const kept = spans(l).filter((s) => !LEGACY_CLASSIFIER.has(s.index));
  const headerSize = 4 + 8 * l.entries;
  const out = new Uint8Array(headerSize + kept.reduce((n, s) => n + s.end - s.start, 0));
  const dv = new DataView(out.buffer);
  dv.setInt32(0, l.entries, true);
  for (let i = 0; i < l.entries; i++) dv.setBigInt64(4 + 8 * i, -1n, true);
  let at = headerSize;
  for (const s of kept) {
    dv.setBigInt64(4 + 8 * s.index, BigInt(at), true);
    for (const piece of read(s.start, s.end)) {
      out.set(piece, at);
      at += piece.length;
    }
  }
  return out;
}

/**
 * Rewrites a gzipped .traineddata without the legacy classifier. Streamed: of the 44 MB it unpacks
 * to only the ≈ 3.5 MB kept is held (the chunks inside kept components), never the whole file.
 */
export async function stripLegacyClassifier(gzFile: string): Promise<Uint8Array> {
  const pieces: { at: number; bytes: Buffer }[] = [];
  let head = Buffer.alloc(0);
  let pos = 0;
  let entries = 0;
  let headerOffsets: number[] = [];
  // Which byte ranges belong to legacy parts is known once the table is read; until then keep all.
  const legacy = (a: number, b: number) =>
    headerOffsets.length > 0 &&
    [...LEGACY_CLASSIFIER].some((i) => {
      const o = headerOffsets[i] ?? -1;
      if (o === -1) return false;
      const next = headerOffsets.filter((x) => x > o).reduce((m, x) => Math.min(m, x), Infinity);
      return a >= o && b <= next;
    });
  for await (const chunk of createReadStream(gzFile).pipe(createGunzip()) as AsyncIterable<Buffer>) {
    if (headerOffsets.length === 0) {
      head = Buffer.concat([head, chunk]);
      entries = head.length >= 4 ? head.readInt32LE(0) : 0;
      if (entries < 1 || entries > 64) throw new Error('模型文件格式不对（不是 tesseract 的 traineddata）');
      if (head.length >= 4 + 8 * entries) headerOffsets = Array.from({ length: entries }, (_, i) => Number(head.readBigInt64LE(4 + 8 * i)));
    }
    // A chunk wholly inside a legacy component is dropped at once (≈ 40 MB of them).
    if (!legacy(pos, pos + chunk.length)) pieces.push({ at: pos, bytes: chunk });
    pos += chunk.length;
  }
  const layout = traineddataLayout(head, pos);
  if (!layout) throw new Error('模型文件格式不对（不是 tesseract 的 traineddata）');
  return withoutLegacyClassifier(layout, (start, end) =>
    pieces.filter((p) => p.at < end && p.at + p.bytes.length > start).map((p) => p.bytes.subarray(Math.max(0, start - p.at), Math.min(p.bytes.length, end - p.at))),
  );
}

/** A short fingerprint of the packaged model (its size and first/last bytes hashed), naming the rewritten copy. */
function fingerprint(gzFile: string): string {
  const size = statSync(gzFile).size;
  const fd = openSync(gzFile, 'r');
  try {
    const buf = Buffer.alloc(Math.min(size, 1 << 20));
    const h = createHash('sha256').update(`${FORMAT}:${size}:`);
    readSync(fd, buf, 0, buf.length, 0);
    h.update(buf);
    readSync(fd, buf, 0, buf.length, Math.max(0, size - buf.length));
    return h.update(buf).digest('hex').slice(0, 16);
  } finally {
    closeSync(fd);
  }
}

/** Whether a rewritten file is whole: its table is sound and ends at the file's size. */
export function isWholeModel(file: string): boolean {
  try {
    const size = statSync(file).size;
    const fd = openSync(file, 'r');
    try {
      const head = Buffer.alloc(4 + 8 * 64);
      const n = readSync(fd, head, 0, head.length, 0);
      const l = traineddataLayout(head.subarray(0, n), size);
      return !!l && l.offsets.some((o) => o !== -1) && l.offsets.every((o, i) => o === -1 || !LEGACY_CLASSIFIER.has(i));
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

/** Beside the rewritten model: its size and SHA-256, written after it (`<size> <hex>`). */
const DIGEST_FILE = 'chi_sim.traineddata.sha256';

function digestLine(data: Uint8Array): string {
  return `${data.length} ${createHash('sha256').update(data).digest('hex')}\n`;
}

/**
 * Whether the rewritten model in `dir` is the one written there: its size and SHA-256 match the
 * digest written after it, and its component table is sound. Anything else — a truncated or
 * altered file, no digest (a copy written before the digest existed, or a write cut off between
 * the two files), a digest that is not ours — means it is written again, never read as is: a
 * damaged model would make tesseract fail or read wrong characters with confidence. Hashing the
 * 3.3 MB takes a few milliseconds a thread start.
 */
export function isVerifiedModel(dir: string): boolean {
  const file = join(dir, 'chi_sim.traineddata');
  try {
    const want = readFileSync(join(dir, DIGEST_FILE), 'utf8');
    if (!/^\d+ [0-9a-f]{64}\n$/.test(want)) return false;
    if (statSync(file).size !== Number(want.split(' ')[0])) return false;
    return digestLine(readFileSync(file)) === want && isWholeModel(file);
  } catch {
    return false;
  }
}

/**
 * The folder holding `chi_sim.traineddata` without the legacy classifier, written on first use
 * under `cacheDir` (one sub-folder per packaged model, so an updated app never reads an older
 * copy), and written again whenever the copy there fails its check (isVerifiedModel); undefined
 * when it cannot be written (a read-only profile): the packaged file is used then.
 */
export async function lstmModelDir(gzFile: string, cacheDir: string): Promise<string | undefined> {
  try {
    const dir = join(cacheDir, `chi_sim-lstm-${fingerprint(gzFile)}`);
    const file = join(dir, 'chi_sim.traineddata');
    if (existsSync(file) && isVerifiedModel(dir)) return dir;
    const data = await stripLegacyClassifier(gzFile);
    mkdirSync(dir, { recursive: true });
    writeFileAtomic(file, data);
    // The digest last: a copy without one is never trusted.
    writeFileAtomic(join(dir, DIGEST_FILE), digestLine(data));
    return dir;
  } catch {
    return undefined;
  }
}
