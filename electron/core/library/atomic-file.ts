// The library's JSON files: a lowdb adapter that reads with a clear error on corruption and writes
// through the one atomic writer (core/util/atomic-write.ts), since lowdb's own JSONFile adapter
// renames without fsync. writeFileAtomic is re-exported for the modules that import it from here.
// Large JSON (the catalog, the link graph) is serialised in pieces and written with
// writeFileAtomicAsync, so an app keeps answering while a few MB are serialised and fsync'd.

import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { writeFileAtomic, writeFileAtomicAsync } from '../util/atomic-write';
import { DomainError } from '../../shared/errors';

export { writeFileAtomic, writeFileAtomicAsync, type AtomicWriteOptions } from '../util/atomic-write';

export class CorruptFileError extends DomainError {
  constructor(file: string, reason: string) {
    super('CORRUPT', `${file}: ${reason}`, { file });
    this.name = 'CorruptFileError';
  }
}

/**
 * The largest JSON file of the library read back (library.json, records.json, a law's body): far
 * above any the program writes (a 16,000-law catalog is ≈ 30 MB), far below what a string can hold.
 */
export const MAX_JSON_FILE_BYTES = 256 * 1024 * 1024;

function jsonFileText(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  // A file opened and saved in Notepad gains a UTF-8 BOM, which JSON.parse refuses.
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function tooLarge(size: number): string {
  return `文件异常庞大（${(size / 1048576).toFixed(0)} MB，本程序写的此类文件不超过 ${MAX_JSON_FILE_BYTES / 1048576} MB），不是本程序写的，未读取`;
}

/**
 * A JSON file of the library as text, judged by its size on the open descriptor before it is read
 * (a file replaced by a 3 GB one took 38 CPU-s and then failed with V8's English). Throws
 * CorruptFileError for a file too large; fs errors (ENOENT …) as they are.
 */
export function readJsonFileSync(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new CorruptFileError(path, '不是普通文件');
    if (st.size > MAX_JSON_FILE_BYTES) throw new CorruptFileError(path, tooLarge(st.size));
    return jsonFileText(readFileSync(fd));
  } finally {
    closeSync(fd);
  }
}

/**
 * Any file of the library read whole (a body, an original, an attachment), judged on the open
 * descriptor first: a regular file of at most `maxBytes`. Throws CorruptFileError with the reason
 * (不是普通文件 / 文件异常庞大); fs errors (ENOENT …) as they are.
 */
export function readBoundedFileSync(path: string, maxBytes: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new CorruptFileError(path, '不是普通文件');
    if (st.size > maxBytes) throw new CorruptFileError(path, `文件异常庞大（${(st.size / 1048576).toFixed(0)} MB，上限 ${(maxBytes / 1048576).toFixed(0)} MB），未读取`);
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** readJsonFileSync off the main thread. */
export async function readJsonFile(path: string): Promise<string> {
  const fh = await open(path, 'r');
  try {
    const st = await fh.stat();
    if (!st.isFile()) throw new CorruptFileError(path, '不是普通文件');
    if (st.size > MAX_JSON_FILE_BYTES) throw new CorruptFileError(path, tooLarge(st.size));
    return jsonFileText(await fh.readFile());
  } finally {
    await fh.close();
  }
}

/** lowdb adapter: JSON read with a clear error on corruption, atomic fsync'd writes. */
export class AtomicJsonFile<T> implements Adapter<T> {
  constructor(
    readonly path: string,
    private readonly validate?: (data: unknown) => T,
  ) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readJsonFile(this.path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      throw new CorruptFileError(this.path, `不是有效的 JSON（${(e as Error).message}）`);
    }
    return this.validate ? this.validate(data) : (data as T);
  }

  /** Serialises and writes at once: the file is `data` as it was at the call. */
  async write(data: T): Promise<void> {
    writeFileAtomic(this.path, JSON.stringify(data));
  }

  /**
   * For large documents in an app: serialised in pieces between which the event loop runs, the
   * fsyncs off the main thread (writeFileAtomicAsync). `data` must not change until this settles —
   * the caller passes a snapshot.
   */
  async writeInPieces(data: T): Promise<void> {
    await writeFileAtomicAsync(this.path, jsonPieces(data));
  }
}

/**
 * JSON.stringify(value) in pieces, for writeFileAtomicAsync: the top level and the members of its
 * objects and arrays one by one (a catalog's versions, a graph's entries), each member serialised
 * whole. Joined, the pieces are exactly JSON.stringify(value) for plain data.
 */
export function* jsonPieces(value: unknown, depth = 2): Generator<string> {
  if (depth === 0 || value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    yield JSON.stringify(value) ?? 'null';
    return;
  }
  if (Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i) yield ',';
      const v: unknown = value[i];
      // as JSON.stringify: what has no JSON form is null inside an array
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') yield 'null';
      else yield* jsonPieces(v, depth - 1);
    }
    yield ']';
    return;
  }
  yield '{';
  let first = true;
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue; // left out, as JSON.stringify does
    yield `${first ? '' : ','}${JSON.stringify(k)}:`;
    first = false;
    yield* jsonPieces(v, depth - 1);
  }
  yield '}';
}
