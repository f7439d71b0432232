// The one atomic writer: every file the app writes (catalog, bodies, records, segments, bundles,
// packs, backups) goes through a temp file beside its final name, is written, fsync'd, renamed into
// place, and the folder is fsync'd so the rename itself survives a power cut. A crash or kill -9
// leaves either the old file or the new one under the final name, never a half-written one; a
// failed write removes its temp file and says which file failed and why (fs-errors).
//
// Temp files are named `.<final name>.<pid>.<8 hex>.tmp`, so a later start can tell ours from
// anything else in the folder and whether the process that made it is still alive.
//
// Every step has an asynchronous form for an app that must keep answering (openAsync, writeAsync,
// commitAsync, writeFileAtomicAsync): the creation of the temp file, the writes and the fsyncs run
// on libuv's pool, where a busy disk makes a worker wait instead of the event loop. The rename stays
// on the main thread, so renames into one name happen in the order their writers got there (and a
// commit's last check and its rename cannot be separated by anything else the app does).

import { close, closeSync, fsync, fsyncSync, open, openSync, renameSync, unlinkSync, write, writeSync } from 'node:fs';
import { promisify } from 'node:util';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { asFileSystemError } from '../library/fs-errors';
import { TimeSlicer } from './time-slicer';

export interface AtomicWriteOptions {
  /** fsync the data and the folder (durable across power loss). Default true; off only for files a later fsync'd commit names. */
  fsync?: boolean;
}

const TEMP_NAME = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/;

export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** For a name made by tempPathFor: the final name it was for and the pid that wrote it. */
export function parseTempName(name: string): { target: string; pid: number } | undefined {
  const m = TEMP_NAME.exec(name);
  return m ? { target: m[1]!, pid: Number(m[2]) } : undefined;
}

/** Errors of opening / fsyncing a folder that mean "this platform or file system cannot", not a failure. */
const DIR_OPEN_SKIP = ['EISDIR', 'EPERM', 'EACCES', 'ENOTSUP', 'EINVAL'];
const DIR_FSYNC_SKIP = ['EINVAL', 'ENOTSUP', 'EPERM', 'EBADF'];
const codeOf = (e: unknown) => (e as NodeJS.ErrnoException).code ?? '';

/** fsync a folder so a rename in it is durable. Platforms and file systems that cannot (Windows, some network mounts) are skipped. */
export function fsyncDir(dir: string): void {
  let fd: number;
  try {
    fd = openSync(dir, 'r');
  } catch (e) {
    if (DIR_OPEN_SKIP.includes(codeOf(e))) return;
    throw e;
  }
  try {
    fsyncSync(fd);
  } catch (e) {
    if (!DIR_FSYNC_SKIP.includes(codeOf(e))) throw e;
  } finally {
    closeSync(fd);
  }
}

const openAsync = promisify(open);
const fsyncAsync = promisify(fsync);
const closeAsync = promisify(close);
/** fs.write on the pool: the bytes written by one call (a short write is continued by writeAllAsync). */
const writeOnce = (fd: number, buf: Uint8Array, off: number, len: number, position: number | null) =>
  new Promise<number>((resolve, reject) => write(fd, buf, off, len, position, (e, n) => (e ? reject(e) : resolve(n))));
/**
 * Every byte of `buf`, at `position` (null: where the file's offset is), continuing short writes —
 * a write may take fewer bytes than asked (a full disk, a signal) and the rest must still go.
 */
function writeAllSync(fd: number, buf: Uint8Array, position: number | null): void {
  let off = 0;
  while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off, position === null ? null : position + off);
}
/** writeAllSync on libuv's pool. */
async function writeAllAsync(fd: number, buf: Uint8Array, position: number | null): Promise<void> {
  let off = 0;
  while (off < buf.length) off += await writeOnce(fd, buf, off, buf.length - off, position === null ? null : position + off);
}

/** fsyncDir off the main thread (libuv's pool): the same skips. */
async function fsyncDirAsync(dir: string): Promise<void> {
  let fd: number;
  try {
    fd = await openAsync(dir, 'r');
  } catch (e) {
    if (DIR_OPEN_SKIP.includes(codeOf(e))) return;
    throw e;
  }
  try {
    await fsyncAsync(fd);
  } catch (e) {
    if (!DIR_FSYNC_SKIP.includes(codeOf(e))) throw e;
  } finally {
    await closeAsync(fd);
  }
}

/**
 * A file written in pieces (zips, index segments) that appears under its final name only when
 * commit() succeeds. Any failure before that, or abort(), removes the temp file.
 */
export class AtomicFile {
  private written = 0;
  /** An asynchronous write or fsync is running on the descriptor: abort() leaves closing it to that operation. */
  private busy = false;

  private constructor(
    readonly path: string,
    readonly tmp: string,
    private fd: number,
    private readonly durable: boolean,
  ) {}

  static open(path: string, opts: AtomicWriteOptions = {}): AtomicFile {
    const tmp = tempPathFor(path);
    let fd: number;
    try {
      fd = openSync(tmp, 'wx', 0o644);
    } catch (e) {
      throw asFileSystemError(e, path);
    }
    return new AtomicFile(path, tmp, fd, opts.fsync !== false);
  }

  /** open() with the temp file created on the pool (creating a file waits for the file system's journal on a busy disk). */
  static async openAsync(path: string, opts: AtomicWriteOptions = {}): Promise<AtomicFile> {
    const tmp = tempPathFor(path);
    let fd: number;
    try {
      fd = await openAsync(tmp, 'wx', 0o644);
    } catch (e) {
      throw asFileSystemError(e, path);
    }
    return new AtomicFile(path, tmp, fd, opts.fsync !== false);
  }

  get size(): number {
    return this.written;
  }

  get open(): boolean {
    return this.fd >= 0;
  }

  write(data: string | Uint8Array): void {
    if (this.fd < 0) throw new Error(`${this.path}: write after commit or abort`);
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    try {
      writeAllSync(this.fd, buf, null);
    } catch (e) {
      this.abort();
      throw asFileSystemError(e, this.path);
    }
    this.written += buf.length;
  }

  /**
   * write() on the pool. One at a time: the next write, writeAt or commit waits for this one. On
   * failure the temp file is gone and the error names the final file.
   */
  async writeAsync(data: string | Uint8Array): Promise<void> {
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    await this.onPool((fd) => writeAllAsync(fd, buf, null));
    this.written += buf.length;
  }

  /** writeAt() on the pool. */
  async writeAtAsync(position: number, data: Uint8Array): Promise<void> {
    if (position < 0 || position + data.length > this.written) throw new Error(`${this.path}: writeAt outside what was written`);
    await this.onPool((fd) => writeAllAsync(fd, data, position));
  }

  /**
   * Runs an operation on the descriptor off the main thread. A failure aborts the file (temp
   * removed) and is named; an abort() meanwhile leaves the descriptor to be closed here, once the
   * operation has returned.
   */
  private async onPool(op: (fd: number) => Promise<void>): Promise<void> {
    if (this.fd < 0) throw new Error(`${this.path}: write after commit or abort`);
    if (this.busy) throw new Error(`${this.path}: another write is still running`);
    const fd = this.fd;
    this.busy = true;
    let failed = false;
    let failure: unknown;
    try {
      await op(fd);
    } catch (e) {
      failed = true;
      failure = e;
    }
    this.busy = false;
    if (this.fd !== fd) this.release(fd);
    if (failed) {
      this.abort();
      throw asFileSystemError(failure, this.path);
    }
  }

  /**
   * Overwrites bytes already written (a header whose checksums are known only once the rest is
   * written). Does not change the size.
   */
  writeAt(position: number, data: Uint8Array): void {
    if (this.fd < 0) throw new Error(`${this.path}: write after commit or abort`);
    if (position < 0 || position + data.length > this.written) throw new Error(`${this.path}: writeAt outside what was written`);
    try {
      writeAllSync(this.fd, data, position);
    } catch (e) {
      this.abort();
      throw asFileSystemError(e, this.path);
    }
  }

  /** fsync, close, rename into place, fsync the folder. On failure the old file is untouched and the temp file gone. */
  commit(): void {
    if (this.fd < 0) throw new Error(`${this.path}: commit after commit or abort`);
    try {
      if (this.durable) fsyncSync(this.fd);
      closeSync(this.fd);
      this.fd = -1;
      renameSync(this.tmp, this.path);
    } catch (e) {
      this.abort();
      throw asFileSystemError(e, this.path);
    }
    if (this.durable) {
      try {
        fsyncDir(dirname(this.path));
      } catch (e) {
        throw asFileSystemError(e, this.path); // the new file is in place; its rename may not be durable
      }
    }
  }

  /**
   * commit() for an app that must keep answering meanwhile: the same steps in the same order, with
   * the fsync of the file, its close and the fsync of the folder (what takes long: tens to
   * hundreds of ms on a busy disk) run off the main thread. `keep`, asked right before the rename
   * (in the same turn of the event loop), can still call the write off: the temp file is then
   * removed, the old file left as it was, and the result is false.
   */
  async commitAsync(opts: { keep?: () => boolean } = {}): Promise<boolean> {
    if (this.fd < 0) throw new Error(`${this.path}: commit after commit or abort`);
    if (this.busy) throw new Error(`${this.path}: commit while a write is still running`);
    const fd = this.fd;
    try {
      if (this.durable) await this.onPool((d) => fsyncAsync(d));
      if (this.fd !== fd) throw new Error(`${this.path}: aborted during commit`);
      this.fd = -1;
      await closeAsync(fd);
      if (opts.keep && !opts.keep()) {
        this.abort();
        return false;
      }
      renameSync(this.tmp, this.path);
    } catch (e) {
      this.abort();
      throw asFileSystemError(e, this.path);
    }
    if (this.durable) {
      try {
        await fsyncDirAsync(dirname(this.path));
      } catch (e) {
        throw asFileSystemError(e, this.path); // the new file is in place; its rename may not be durable
      }
    }
    return true;
  }

  /**
   * Closes and removes the temp file; safe to call twice or after a failed commit. During an
   * asynchronous write the descriptor is closed once that write returns (closing it under a
   * running write could let the write land in another file that reused the number).
   */
  abort(): void {
    if (this.fd >= 0) {
      const fd = this.fd;
      this.fd = -1;
      if (!this.busy) this.release(fd);
    }
    try {
      unlinkSync(this.tmp);
    } catch {
      /* renamed, or never created */
    }
  }

  private release(fd: number): void {
    try {
      closeSync(fd);
    } catch {
      /* already closed */
    }
  }
}

export function writeFileAtomic(path: string, data: string | Uint8Array, opts: AtomicWriteOptions = {}): void {
  const f = AtomicFile.open(path, opts);
  f.write(data);
  f.commit();
}

/** Bytes gathered before one write call, when writing pieces. */
const PIECE_BUFFER = 256 * 1024;

/**
 * writeFileAtomic for an app that must keep answering: a large text made in pieces (a catalog, a
 * graph) taken one by one, giving the event loop back every slice (serialising a few MB of JSON at
 * once is a pause of its own), or one text or buffer (a body, an original); the temp file created,
 * written 256 KB at a time and committed off the main thread (openAsync, writeAsync, commitAsync).
 * The same temp file, fsync, rename and folder fsync as writeFileAtomic. The pieces are read
 * lazily: the caller passes a snapshot that does not change meanwhile. `keep`: see commitAsync;
 * the result is false when it called the write off.
 */
export async function writeFileAtomicAsync(
  path: string,
  pieces: Iterable<string> | string | Uint8Array,
  opts: AtomicWriteOptions & { slicer?: TimeSlicer; keep?: () => boolean } = {},
): Promise<boolean> {
  const slicer = opts.slicer ?? new TimeSlicer();
  const f = await AtomicFile.openAsync(path, opts);
  try {
    if (typeof pieces === 'string' || pieces instanceof Uint8Array) await f.writeAsync(pieces);
    else {
      let pending: string[] = [];
      let size = 0;
      for (const piece of pieces) {
        pending.push(piece);
        size += piece.length;
        if (size >= PIECE_BUFFER) {
          await f.writeAsync(pending.join(''));
          pending = [];
          size = 0;
        }
        if (slicer.due) await slicer.pause();
      }
      if (pending.length) await f.writeAsync(pending.join(''));
    }
  } catch (e) {
    f.abort();
    throw e;
  }
  return f.commitAsync(opts.keep ? { keep: opts.keep } : {});
}
