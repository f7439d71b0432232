// The zip writer for .lawdesk bundles (the defensive reader is core/util/zip-budget.ts, shared
// with the DOCX and OFD importers). The writer streams entries through the one atomic writer
// (core/util/atomic-write.ts): the bundle appears under its name only when complete.

import { dirname } from 'node:path';
import { crc32 } from 'node:zlib';
import { deflateSync } from 'fflate';
import { AtomicFile } from '../util/atomic-write';
import { sweepStaleTemps } from '../util/stale-temps';
import { isAscii, ZipError } from '../util/zip-budget';

export { DEFAULT_ZIP_LIMITS, decodeEntryName, ZipBudget, ZipError, ZipReader, type ZipEntry, type ZipLimits } from '../util/zip-budget';

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
  private readonly file: AtomicFile;
  private central: Buffer[] = [];
  private count = 0;

  constructor(readonly path: string) {
    sweepStaleTemps(dirname(path)); // temp files of exports a kill cut short in this folder (ours, writer gone)
    this.file = AtomicFile.open(path);
  }

  /** The temp file the zip is written to until finish() (tests: a kill leaves only this). */
  get tmp(): string {
    return this.file.tmp;
  }

  private get pos(): number {
    return this.file.size;
  }

  private write(b: Uint8Array): void {
    this.file.write(b);
  }

  add(e: ZipWriteEntry): void {
    if (this.count >= 65535) throw new ZipError('资料包文件数超过 65535 个，请分几次导出（--laws）', 'TOO_LARGE');
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
    this.file.commit();
  }

  abort(): void {
    this.file.abort();
  }
}
