// A small, defensive zip reader and writer for .lawdesk bundles. The reader trusts nothing in
// the file: it reads the central directory itself (fflate's unzip would hide the raw name bytes
// and the entry's file type), decodes names as UTF-8 or, for Windows tools that do not set the
// UTF-8 flag, as GB18030; refuses encryption, zip64, unknown methods and symlinks; caps the
// entry count, each entry's and the total uncompressed size and the compression ratio; and
// inflates with a hard stop at the declared size, then checks the CRC. The writer streams
// entries to a temp file that is renamed into place only when complete.

import { closeSync, fstatSync, fsyncSync, openSync, readSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { Inflate, deflateSync } from 'fflate';
import iconv from 'iconv-lite';

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

export class ZipError extends Error {
  constructor(message: string) {
    super(message);
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

function isAscii(b: Uint8Array): boolean {
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

export class ZipReader {
  readonly entries: ZipEntry[] = [];
  private fd: number;
  readonly fileSize: number;

  constructor(
    readonly path: string,
    readonly limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  ) {
    this.fd = openSync(path, 'r');
    try {
      this.fileSize = fstatSync(this.fd).size;
      this.readDirectory();
    } catch (e) {
      closeSync(this.fd);
      throw e;
    }
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }

  private read(pos: number, len: number): Buffer {
    if (pos < 0 || len < 0 || pos + len > this.fileSize) throw new ZipError('压缩包被截断或结构损坏（读取位置超出文件末尾）');
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
    if (disk !== 0) throw new ZipError('不支持分卷压缩包');
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw new ZipError('不支持 ZIP64 压缩包（超过 65535 个文件或 4 GB）');
    if (count > this.limits.maxEntries) throw new ZipError(`压缩包中文件过多（${count} 个，上限 ${this.limits.maxEntries}）`);
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
      if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) throw new ZipError('不支持 ZIP64 压缩包（超过 4 GB）');
      const mode = external >>> 16;
      // Unix (3) and macOS (19) tools keep the file type in the high bits of the external attributes.
      const unixLike = madeBy === 3 || madeBy === 19;
      const isSymlink = unixLike && (mode & S_IFMT) === S_IFLNK;
      const isDirectory = name.endsWith('/') || (unixLike && (mode & S_IFMT) === S_IFDIR) || (external & 0x10) !== 0;
      if (size > this.limits.maxEntryBytes) throw new ZipError(`压缩包中的“${name}”解压后 ${mb(size)}，超过单个文件上限 ${mb(this.limits.maxEntryBytes)}`);
      total += size;
      if (total > this.limits.maxTotalBytes) throw new ZipError(`压缩包解压后总大小超过上限 ${mb(this.limits.maxTotalBytes)}（疑似“压缩炸弹”）`);
      if (size > 1024 * 1024 && size / Math.max(1, compressedSize) > this.limits.maxRatio) {
        throw new ZipError(`压缩包中的“${name}”压缩比异常（${Math.round(size / Math.max(1, compressedSize))}:1，疑似“压缩炸弹”）`);
      }
      this.entries.push({ name, nameEncoding: encoding, method, compressedSize, size, crc, localOffset, isDirectory, isSymlink, encrypted: (flags & 1) !== 0 });
    }
  }

  /** The entry's bytes: inflated with a hard stop at its declared size, CRC-checked. */
  readEntry(e: ZipEntry): Uint8Array {
    if (e.encrypted) throw new ZipError(`“${e.name}”已加密，不能读取`);
    if (e.isSymlink) throw new ZipError(`“${e.name}”是符号链接`);
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
      } catch (err) {
        throw new ZipError(`“${e.name}”解压失败（数据损坏：${(err as Error).message}）`);
      }
      if (over) throw new ZipError(`“${e.name}”解压后超过声明的大小（疑似“压缩炸弹”）`);
      if (got !== e.size) throw new ZipError(`“${e.name}”解压后大小不符（数据损坏或被截断）`);
    } else {
      throw new ZipError(`“${e.name}”使用了不支持的压缩方式（${e.method}）`);
    }
    if ((crc32(out) >>> 0) !== e.crc) throw new ZipError(`“${e.name}”的 CRC 校验失败（数据损坏）`);
    return out;
  }
}

function mb(n: number): string {
  return n >= 1024 * 1024 * 1024 ? `${(n / 1024 ** 3).toFixed(1)} GB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export interface ZipWriteEntry {
  name: string;
  data: Uint8Array;
  /** Store raw name bytes instead (tests: names from Windows tools). */
  rawName?: Uint8Array;
  /** Unix mode for the external attributes (tests: symlinks). Default regular file 0644. */
  unixMode?: number;
  /** Force stored/deflated; default deflate when it helps. */
  method?: 0 | 8;
  /** Lie about the sizes or CRC in the directory (tests: bombs and corruption). */
  declaredSize?: number;
  crc?: number;
}

/** Streams a zip to `path` through a temp file; `finish()` renames it into place. */
export class ZipWriter {
  private fd: number;
  private pos = 0;
  private central: Buffer[] = [];
  private count = 0;
  private readonly tmp: string;

  constructor(readonly path: string) {
    this.tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    this.fd = openSync(this.tmp, 'w', 0o644);
  }

  private write(b: Uint8Array): void {
    let off = 0;
    while (off < b.length) off += writeSync(this.fd, b, off, b.length - off);
    this.pos += b.length;
  }

  add(e: ZipWriteEntry): void {
    if (this.count >= 65535) throw new ZipError('资料包文件数超过 65535 个，请分几次导出（--laws）');
    const nameBytes = e.rawName ?? Buffer.from(e.name, 'utf8');
    const utf8 = !e.rawName && !isAscii(nameBytes);
    let method: 0 | 8 = e.method ?? 8;
    let body: Uint8Array = e.data;
    if (method === 8) {
      const d = deflateSync(e.data, { level: 6 });
      if (e.method === undefined && d.length >= e.data.length) method = 0;
      else body = d;
    }
    const crc = e.crc ?? crc32(e.data) >>> 0;
    const size = e.declaredSize ?? e.data.length;
    const flags = utf8 ? 0x800 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(0x00210000, 10); // 1980-01-01 00:00: bundles are reproducible byte for byte
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const offset = this.pos;
    this.write(local);
    this.write(nameBytes);
    this.write(body);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE((3 << 8) | 20, 4); // made by Unix, so the mode below is meaningful
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(flags, 8);
    c.writeUInt16LE(method, 10);
    c.writeUInt32LE(0x00210000, 12);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(body.length, 20);
    c.writeUInt32LE(size, 24);
    c.writeUInt16LE(nameBytes.length, 28);
    c.writeUInt32LE(((e.unixMode ?? 0o100644) << 16) >>> 0, 38);
    c.writeUInt32LE(offset, 42);
    this.central.push(c, Buffer.from(nameBytes));
    this.count++;
  }

  finish(): void {
    const start = this.pos;
    for (const b of this.central) this.write(b);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.count, 8);
    end.writeUInt16LE(this.count, 10);
    end.writeUInt32LE(this.pos - start, 12);
    end.writeUInt32LE(start, 16);
    this.write(end);
    fsyncSync(this.fd);
    closeSync(this.fd);
    this.fd = -1;
    renameSync(this.tmp, this.path);
  }

  abort(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
    try {
      unlinkSync(this.tmp);
    } catch {
      /* already gone */
    }
  }
}
