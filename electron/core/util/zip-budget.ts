// A zip reader with a cost budget, for every zip-based input (bundles, DOCX, OFD): it trusts
// nothing in the file. It reads the central directory itself (fflate's unzip would hide the raw
// name bytes and the entry's file type), decodes names as UTF-8 or, for Windows tools that do not
// set the UTF-8 flag, as GB18030; refuses encryption, zip64, unknown methods and symlinks; caps the
// entry count, each entry's and the total uncompressed size and the compression ratio from the
// directory before anything is inflated; and inflates in 16 KB steps with a hard stop at the
// declared size (and the caller's cap), then checks the CRC. A ZipBudget also caps the bytes
// actually inflated across all reads of one archive, so a lying directory cannot run it over.

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { Inflate } from 'fflate';
import iconv from 'iconv-lite';
import { DomainError, type ErrorCode } from '../../shared/errors';

export interface ZipLimits {
  /** Most entries in one archive. */
  maxEntries: number;
  /** Largest uncompressed entry. */
  maxEntryBytes: number;
  /** Largest total uncompressed size. */
  maxTotalBytes: number;
  /** Largest uncompressed/compressed ratio for entries over 1 MB (a zip bomb runs at ~1000:1). */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 50_000,
  maxEntryBytes: 256 * 1024 * 1024,
  maxTotalBytes: 4 * 1024 * 1024 * 1024 - 1,
  maxRatio: 200,
};

/** A zip that cannot be read: damaged (CORRUPT), over a budget (TOO_LARGE) or of a kind not read (UNSUPPORTED_FORMAT). */
export class ZipError extends DomainError {
  constructor(message: string, code: ErrorCode = 'CORRUPT') {
    super(code, message);
    this.name = 'ZipError';
  }
}

export interface ZipEntry {
  /** The decoded name, exactly as stored (validated by the caller). */
  name: string;
  /** How the name was decoded. */
  nameEncoding: 'utf-8' | 'gb18030' | 'ascii';
  method: number;
  compressedSize: number;
  size: number;
  crc: number;
  localOffset: number;
  isDirectory: boolean;
  isSymlink: boolean;
  encrypted: boolean;
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFDIR = 0o040000;

export function isAscii(b: Uint8Array): boolean {
  for (const x of b) if (x >= 0x80) return false;
  return true;
}

/** Name bytes → string: UTF-8 when flagged or valid, else GB18030 (WinRAR, 7-Zip, Windows' own zip on a Chinese system). */
export function decodeEntryName(raw: Uint8Array, utf8Flag: boolean): { name: string; encoding: ZipEntry['nameEncoding'] } {
  if (isAscii(raw)) return { name: Buffer.from(raw).toString('latin1'), encoding: 'ascii' };
  try {
    const name = new TextDecoder('utf-8', { fatal: true }).decode(raw);
    return { name, encoding: 'utf-8' };
  } catch {
    if (utf8Flag) throw new ZipError('压缩包中有文件名声明为 UTF-8 却不是有效的 UTF-8');
    return { name: iconv.decode(Buffer.from(raw), 'gb18030'), encoding: 'gb18030' };
  }
}

/** Bytes inflated so far from one archive, against a total cap. */
export class ZipBudget {
  used = 0;
  constructor(readonly maxBytes: number) {}
  take(n: number, name: string): void {
    this.used += n;
    if (this.used > this.maxBytes) throw new ZipError(`压缩包解压后总大小超过上限 ${mb(this.maxBytes)}（读到“${name}”时，疑似“压缩炸弹”）`, 'TOO_LARGE');
  }
}

export class ZipReader {
  readonly entries: ZipEntry[] = [];
  private byName: Map<string, ZipEntry> | undefined;
  private fd = -1;
  private bytes: Uint8Array | undefined;
  readonly fileSize: number;
  readonly budget: ZipBudget;

  /** Reads a zip file from disk, or (`bytes`) one already in memory. */
  constructor(
    readonly path: string,
    readonly limits: ZipLimits = DEFAULT_ZIP_LIMITS,
    bytes?: Uint8Array,
  ) {
    this.budget = new ZipBudget(limits.maxTotalBytes);
    if (bytes) {
      this.bytes = bytes;
      this.fileSize = bytes.length;
      this.readDirectory();
      return;
    }
    this.fd = openSync(path, 'r');
    try {
      this.fileSize = fstatSync(this.fd).size;
      this.readDirectory();
    } catch (e) {
      closeSync(this.fd);
      throw e;
    }
  }

  static fromBytes(bytes: Uint8Array, name: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipReader {
    return new ZipReader(name, limits, bytes);
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }

  /** The first entry of that exact name (a map built once: lookups stay O(1) for big archives). */
  entry(name: string): ZipEntry | undefined {
    if (!this.byName) {
      this.byName = new Map();
      for (const e of this.entries) if (!this.byName.has(e.name)) this.byName.set(e.name, e);
    }
    return this.byName.get(name);
  }

  private read(pos: number, len: number): Buffer {
    if (pos < 0 || len < 0 || pos + len > this.fileSize) throw new ZipError('压缩包被截断或结构损坏（读取位置超出文件末尾）');
    if (this.bytes) return Buffer.from(this.bytes.buffer, this.bytes.byteOffset + pos, len);
    const buf = Buffer.alloc(len);
    let off = 0;
    while (off < len) {
      const n = readSync(this.fd, buf, off, len - off, pos + off);
      if (n === 0) throw new ZipError('压缩包被截断');
      off += n;
    }
    return buf;
  }

  private readDirectory(): void {
    if (this.fileSize < 22) throw new ZipError('不是 zip 压缩包（文件太短）');
    const tailLen = Math.min(this.fileSize, 22 + 65535);
    const tail = this.read(this.fileSize - tailLen, tailLen);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new ZipError('不是 zip 压缩包（找不到目录结尾记录），或文件被截断');
    const disk = tail.readUInt16LE(eocd + 4);
    const count = tail.readUInt16LE(eocd + 10);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    if (disk !== 0) throw new ZipError('不支持分卷压缩包', 'UNSUPPORTED_FORMAT');
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw new ZipError('不支持 ZIP64 压缩包（超过 65535 个文件或 4 GB）', 'TOO_LARGE');
    if (count > this.limits.maxEntries) throw new ZipError(`压缩包中文件过多（${count} 个，上限 ${this.limits.maxEntries}）`, 'TOO_LARGE');
    const cd = this.read(cdOffset, cdSize);
    let p = 0;
    let total = 0;
    for (let i = 0; i < count; i++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50) throw new ZipError('压缩包目录损坏');
      const madeBy = cd.readUInt16LE(p + 4) >> 8;
      const flags = cd.readUInt16LE(p + 8);
      const method = cd.readUInt16LE(p + 10);
      const crc = cd.readUInt32LE(p + 16);
      const compressedSize = cd.readUInt32LE(p + 20);
      const size = cd.readUInt32LE(p + 24);
      const nameLen = cd.readUInt16LE(p + 28);
      const extraLen = cd.readUInt16LE(p + 30);
      const commentLen = cd.readUInt16LE(p + 32);
      const external = cd.readUInt32LE(p + 38);
      const localOffset = cd.readUInt32LE(p + 42);
      if (p + 46 + nameLen > cd.length) throw new ZipError('压缩包目录损坏（文件名越界）');
      const raw = cd.subarray(p + 46, p + 46 + nameLen);
      const { name, encoding } = decodeEntryName(raw, (flags & 0x800) !== 0);
      p += 46 + nameLen + extraLen + commentLen;
      if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) throw new ZipError('不支持 ZIP64 压缩包（超过 4 GB）', 'TOO_LARGE');
      const mode = external >>> 16;
      // Unix (3) and macOS (19) tools keep the file type in the high bits of the external attributes.
      const unixLike = madeBy === 3 || madeBy === 19;
      const isSymlink = unixLike && (mode & S_IFMT) === S_IFLNK;
      const isDirectory = name.endsWith('/') || (unixLike && (mode & S_IFMT) === S_IFDIR) || (external & 0x10) !== 0;
      if (size > this.limits.maxEntryBytes) throw new ZipError(`压缩包中的“${name}”解压后 ${mb(size)}，超过单个文件上限 ${mb(this.limits.maxEntryBytes)}`, 'TOO_LARGE');
      total += size;
      if (total > this.limits.maxTotalBytes) throw new ZipError(`压缩包解压后总大小超过上限 ${mb(this.limits.maxTotalBytes)}（疑似“压缩炸弹”）`, 'TOO_LARGE');
      if (size > 1024 * 1024 && size / Math.max(1, compressedSize) > this.limits.maxRatio) {
        throw new ZipError(`压缩包中的“${name}”压缩比异常（${Math.round(size / Math.max(1, compressedSize))}:1，疑似“压缩炸弹”）`, 'TOO_LARGE');
      }
      this.entries.push({ name, nameEncoding: encoding, method, compressedSize, size, crc, localOffset, isDirectory, isSymlink, encrypted: (flags & 1) !== 0 });
    }
  }

  /** The entry's bytes: inflated with a hard stop at its declared size, CRC-checked, counted against the budget. */
  readEntry(e: ZipEntry): Uint8Array {
    this.budget.take(e.size, e.name);
    if (e.encrypted) throw new ZipError(`“${e.name}”已加密，不能读取`, 'UNSUPPORTED_FORMAT');
    if (e.isSymlink) throw new ZipError(`“${e.name}”是符号链接`, 'UNSUPPORTED_FORMAT');
    const lh = this.read(e.localOffset, 30);
    if (lh.readUInt32LE(0) !== 0x04034b50) throw new ZipError(`“${e.name}”的文件头损坏`);
    const start = e.localOffset + 30 + lh.readUInt16LE(26) + lh.readUInt16LE(28);
    const data = this.read(start, e.compressedSize);
    let out: Uint8Array;
    if (e.method === 0) {
      if (e.compressedSize !== e.size) throw new ZipError(`“${e.name}”的大小记录不一致`);
      out = data;
    } else if (e.method === 8) {
      out = new Uint8Array(e.size);
      let got = 0;
      let over = false;
      const inf = new Inflate((chunk) => {
        if (got + chunk.length > e.size) {
          over = true;
          return;
        }
        out.set(chunk, got);
        got += chunk.length;
      });
      try {
        const step = 16 * 1024;
        for (let off = 0; off < data.length && !over; off += step) inf.push(data.subarray(off, off + step), off + step >= data.length);
        if (data.length === 0) inf.push(new Uint8Array(0), true);
      } catch {
        // fflate's words ("invalid block type", "unexpected EOF") say no more than this
        throw new ZipError(`“${e.name}”解压失败（压缩数据已损坏）`);
      }
      if (over) throw new ZipError(`“${e.name}”解压后超过声明的大小（疑似“压缩炸弹”）`, 'TOO_LARGE');
      if (got !== e.size) throw new ZipError(`“${e.name}”解压后大小不符（数据损坏或被截断）`);
    } else {
      throw new ZipError(`“${e.name}”使用了不支持的压缩方式（${e.method}）`, 'UNSUPPORTED_FORMAT');
    }
    if ((crc32(out) >>> 0) !== e.crc) throw new ZipError(`“${e.name}”的 CRC 校验失败（数据损坏）`);
    return out;
  }
}

export function mb(n: number): string {
  return n >= 1024 * 1024 * 1024 ? `${(n / 1024 ** 3).toFixed(1)} GB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}

