// The library's JSON files: a lowdb adapter that reads with a clear error on corruption and writes
// through the one atomic writer (core/util/atomic-write.ts), since lowdb's own JSONFile adapter
// renames without fsync. writeFileAtomic is re-exported for the modules that import it from here.
// Large JSON (the catalog, the link graph) is serialised in pieces and written with
// writeFileAtomicAsync, so an app keeps answering while a few MB are serialised and fsync'd.

import { readFile } from 'node:fs/promises';
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

/** lowdb adapter: JSON read with a clear error on corruption, atomic fsync'd writes. */
export class AtomicJsonFile<T> implements Adapter<T> {
  constructor(
    readonly path: string,
    private readonly validate?: (data: unknown) => T,
  ) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
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
