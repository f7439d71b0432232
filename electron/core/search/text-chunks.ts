// The article texts of a segment being built, as UTF-16 code units in large chunks instead of one
// JS string per article — kept in typed arrays, or, when the build is given a folder, spooled to a
// temp file there and read back one chunk at a time. Why (issue 20, the build's peak RSS): as
// strings the texts sat on the V8 heap (26 MB at 1×, 280 MB at 10×) and V8 sized the heap in
// proportion, tens of MB of slack besides; a spooled build holds one 2 MB chunk instead (the
// passes read the file sequentially, from the page cache just written). The segment file's text
// section is copied from the chunks as they are (it used to be re-joined into 256 KB strings,
// then copied into buffers).
// Invariants: an article is never split between two chunks; the chunks' used parts, in order,
// are exactly the segment's text section (every article followed by a NUL). With a spool, one
// chunk is in memory at a time: an array returned by chunk() is valid until the next call.

import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** Code units per chunk (2 MB); an article longer than that gets a chunk of its own size. */
const CHUNK_UNITS = 1 << 20;

export class TextChunks {
  /** In memory: every chunk. Spooled: only the chunk being filled (then the one last read). */
  private readonly chunks: Uint16Array[] = [];
  /** Code units used in each chunk. */
  private readonly used: number[] = [];
  /** The global offset (in the text section) of each chunk's first unit. */
  private readonly base: number[] = [];
  private total = 0;
  private fd: number | undefined;
  private spoolPath: string | undefined;
  /** Spooled: the buffer holding chunk `loaded`, or the last chunk still being filled (`pending`). */
  private buf = new Uint16Array(0);
  private loaded = -1;
  private pending = false;

  /**
   * `spoolDir`: spool to a temp file there (falls back to memory when it cannot be created).
   * `chunkUnits`: the chunk size (tests use small ones to cross chunk boundaries).
   */
  constructor(spoolDir?: string, private readonly chunkUnits = CHUNK_UNITS) {
    if (spoolDir === undefined) return;
    const path = join(spoolDir, `.texts-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
    try {
      this.fd = openSync(path, 'w+');
      this.spoolPath = path;
    } catch {
      this.fd = undefined; // a read-only folder: kept in memory
    }
  }

  get spooled(): boolean {
    return this.fd !== undefined;
  }

  /** Code units stored, NULs included (the text section's length). */
  get length(): number {
    return this.total;
  }

  get chunkCount(): number {
    return this.base.length;
  }

  /** Appends an article (and its NUL); returns its offset in the text section. */
  add(text: string): number {
    const need = text.length + 1;
    let k = this.base.length - 1;
    let c = this.fd === undefined ? this.chunks[k] : this.buf;
    // Spooled, the last chunk is appended to only while it is still in the buffer.
    if (k < 0 || this.used[k]! + need > c!.length || (this.fd !== undefined && !this.pending)) {
      if (this.fd !== undefined) {
        if (this.pending) this.flush();
        if (this.buf.length < need) this.buf = new Uint16Array(Math.max(this.chunkUnits, need));
        c = this.buf;
        this.pending = true;
      } else {
        c = new Uint16Array(Math.max(this.chunkUnits, need));
        this.chunks.push(c);
      }
      this.used.push(0);
      this.base.push(this.total);
      k++;
    }
    const at = this.used[k]!;
    // A native copy (no string → buffer round trip): utf16le writes the code units as they are.
    Buffer.from(c!.buffer, c!.byteOffset + at * 2, text.length * 2).write(text, 0, 'utf16le');
    c![at + text.length] = 0;
    this.used[k] = at + need;
    const off = this.total;
    this.total += need;
    return off;
  }

  /** Writes the last chunk (pending in the buffer) to the spool; the buffer then holds it as read. */
  private flush(): void {
    const k = this.base.length - 1;
    this.pending = false;
    const bytes = Buffer.from(this.buf.buffer, this.buf.byteOffset, this.used[k]! * 2);
    for (let done = 0; done < bytes.length; ) done += writeSync(this.fd!, bytes, done, bytes.length - done, this.base[k]! * 2 + done);
    this.loaded = k;
  }

  private readInto(dst: Buffer, pos: number): void {
    for (let got = 0; got < dst.length; ) {
      const n = readSync(this.fd!, dst, got, dst.length - got, pos + got);
      if (n <= 0) throw new Error(`${this.spoolPath}: 读不全`);
      got += n;
    }
  }

  /** The chunk holding global offset `off` (binary search; the build's passes walk them in order instead). */
  chunkAt(off: number): number {
    let lo = 0;
    let hi = this.base.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.base[mid]! <= off) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Chunk k's code units (spooled: read into the one buffer, valid until the next call). */
  chunk(k: number): Uint16Array {
    if (this.fd === undefined) return this.chunks[k]!;
    if (this.pending) this.flush();
    if (this.loaded !== k) {
      const len = this.used[k]!;
      if (this.buf.length < len) this.buf = new Uint16Array(len);
      this.readInto(Buffer.from(this.buf.buffer, this.buf.byteOffset, len * 2), this.base[k]! * 2);
      this.loaded = k;
    }
    return this.buf;
  }
  chunkBase(k: number): number {
    return this.base[k]!;
  }
  /** The global offset just past chunk k's used part. */
  chunkEnd(k: number): number {
    return this.base[k]! + this.used[k]!;
  }

  /** The text of the global range [from, to) (within one article). */
  slice(from: number, to: number): string {
    const k = this.chunkAt(from);
    if (this.fd !== undefined && !this.pending && this.loaded !== k) {
      const b = Buffer.allocUnsafe((to - from) * 2);
      this.readInto(b, from * 2);
      return b.toString('utf16le');
    }
    const c = this.chunk(k);
    const at = from - this.base[k]!;
    return Buffer.from(c.buffer, c.byteOffset + at * 2, (to - from) * 2).toString('utf16le');
  }

  /**
   * The used parts as byte views, in order, each at most `max` bytes (for writing the file).
   * Spooled, a view is valid until the next one is asked for.
   */
  *bytes(max: number): Generator<Buffer> {
    for (let k = 0; k < this.base.length; k++) {
      const len = this.used[k]! * 2;
      if (this.fd === undefined) {
        const c = this.chunks[k]!;
        for (let at = 0; at < len; at += max) yield Buffer.from(c.buffer, c.byteOffset + at, Math.min(max, len - at));
        continue;
      }
      if (this.pending) this.flush();
      const b = Buffer.allocUnsafe(Math.min(max, len));
      for (let at = 0; at < len; at += max) {
        const piece = b.subarray(0, Math.min(max, len - at));
        this.readInto(piece, this.base[k]! * 2 + at);
        yield piece;
      }
    }
  }

  /** Everything as one string (a segment kept in memory, not written to a file). */
  joined(): string {
    const parts: string[] = [];
    for (const b of this.bytes(1 << 24)) parts.push(b.toString('utf16le'));
    return parts.join('');
  }

  /** Removes the spool file (the texts are then gone). Safe to call twice. */
  dispose(): void {
    if (this.fd === undefined) return;
    try {
      closeSync(this.fd);
      unlinkSync(this.spoolPath!);
    } catch {
      /* already gone; a leftover .tmp is swept with the index's other temp files */
    }
    this.fd = undefined;
    this.buf = new Uint16Array(0);
    this.base.length = 0;
    this.used.length = 0;
  }
}

/** A Uint32Array that grows by doubling (per-article numbers during a build, no boxed JS arrays). */
export class GrowableU32 {
  private a = new Uint32Array(1024);
  length = 0;

  push(v: number): void {
    if (this.length === this.a.length) {
      const b = new Uint32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.length++] = v;
  }

  /** The values as an exact-length array (a copy, so the spare room is freed with this object). */
  toArray(): Uint32Array {
    return this.a.slice(0, this.length);
  }
}

/**
 * Where article d's code units are: `arr[from .. end)` (without its NUL). Seeking the next article
 * stays in the current chunk or moves to the next, so a pass over all articles searches nothing.
 * Only one cursor at a time may read a spooled TextChunks.
 */
export class DocCursor {
  arr: Uint16Array = new Uint16Array(0);
  from = 0;
  end = 0;
  private k = -1;
  private lo = 0;
  private hi = 0;

  constructor(
    private readonly texts: TextChunks,
    private readonly starts: Uint32Array,
  ) {}

  seek(d: number): void {
    const off = this.starts[d]!;
    if (off < this.lo || off >= this.hi) {
      const t = this.texts;
      const next = this.k + 1;
      const k = next < t.chunkCount && off >= t.chunkBase(next) && off < t.chunkEnd(next) ? next : t.chunkAt(off);
      this.k = k;
      this.lo = t.chunkBase(k);
      this.hi = t.chunkEnd(k);
    }
    // Re-fetched every time: with a spool, another reader may have loaded a different chunk.
    this.arr = this.texts.chunk(this.k);
    this.from = off - this.lo;
    this.end = this.starts[d + 1]! - 1 - this.lo;
  }
}
