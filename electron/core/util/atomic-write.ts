// The one atomic writer: every file the app writes (catalog, bodies, records, segments, bundles,
// packs, backups) goes through a temp file beside its final name, is written, fsync'd, renamed into
// place, and the folder is fsync'd so the rename itself survives a power cut. A crash or kill -9
// leaves either the old file or the new one under the final name, never a half-written one; a
// failed write removes its temp file and says which file failed and why (fs-errors).
//
// Temp files are named `.<final name>.<pid>.<8 hex>.tmp`, so a later start can tell ours from
// anything else in the folder and whether the process that made it is still alive.

import { close, closeSync, fsync, fsyncSync, open, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
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
  private fd: number;
  private written = 0;
  readonly tmp: string;

  private constructor(
    readonly path: string,
    private readonly durable: boolean,
  ) {
    this.tmp = tempPathFor(path);
    try {
      this.fd = openSync(this.tmp, 'wx', 0o644);
    } catch (e) {
      throw asFileSystemError(e, path);
    }
  }

  static open(path: string, opts: AtomicWriteOptions = {}): AtomicFile {
    return new AtomicFile(path, opts.fsync !== false);
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
      let off = 0;
      while (off < buf.length) off += writeSync(this.fd, buf, off, buf.length - off);
    } catch (e) {
      this.abort();
      throw asFileSystemError(e, this.path);
    }
    this.written += buf.length;
  }

  /**
   * Overwrites bytes already written (a header whose checksums are known only once the rest is
   * written). Does not change the size.
   */
  writeAt(position: number, data: Uint8Array): void {
    if (this.fd < 0) throw new Error(`${this.path}: write after commit or abort`);
    if (position < 0 || position + data.length > this.written) throw new Error(`${this.path}: writeAt outside what was written`);
    try {
      let off = 0;
      while (off < data.length) off += writeSync(this.fd, data, off, data.length - off, position + off);
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
   * the two fsyncs (what takes long: tens to hundreds of ms on a busy disk) run off the main thread.
   */
  async commitAsync(): Promise<void> {
    if (this.fd < 0) throw new Error(`${this.path}: commit after commit or abort`);
    const fd = this.fd;
    try {
      if (this.durable) await fsyncAsync(fd);
      if (this.fd !== fd) throw new Error(`${this.path}: aborted during commit`);
      closeSync(fd);
      this.fd = -1;
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
  }

  /** Closes and removes the temp file; safe to call twice or after a failed commit. */
  abort(): void {
    if (this.fd >= 0) {
      try {
        closeSync(this.fd);
      } catch {
        /* already closed */
      }
      this.fd = -1;
    }
    try {
      unlinkSync(this.tmp);
    } catch {
      /* renamed, or never created */
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
 * writeFileAtomic for a large text made in pieces (a catalog, a graph) in an app that must keep
 * answering: the pieces are taken one by one, giving the event loop back every slice (serialising
 * a few MB of JSON at once is a pause of its own), written 256 KB at a time, and committed with
 * commitAsync. The same temp file, fsync, rename and folder fsync as writeFileAtomic. The pieces
 * are read lazily: the caller passes a snapshot that does not change meanwhile.
 */
export async function writeFileAtomicAsync(path: string, pieces: Iterable<string>, opts: AtomicWriteOptions & { slicer?: TimeSlicer } = {}): Promise<void> {
  const slicer = opts.slicer ?? new TimeSlicer();
  const f = AtomicFile.open(path, opts);
  try {
    let pending: string[] = [];
    let size = 0;
    for (const piece of pieces) {
      pending.push(piece);
      size += piece.length;
      if (size >= PIECE_BUFFER) {
        f.write(pending.join(''));
        pending = [];
        size = 0;
      }
      if (slicer.due) await slicer.pause();
    }
    if (pending.length) f.write(pending.join(''));
  } catch (e) {
    f.abort();
    throw e;
  }
  await f.commitAsync();
}
