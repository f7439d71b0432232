// The library's JSON files: a lowdb adapter that reads with a clear error on corruption and writes
// through the one atomic writer (core/util/atomic-write.ts), since lowdb's own JSONFile adapter
// renames without fsync. writeFileAtomic is re-exported for the modules that import it from here.

import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { writeFileAtomic } from '../util/atomic-write';
import { DomainError } from '../../shared/errors';

export { writeFileAtomic, type AtomicWriteOptions } from '../util/atomic-write';

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

  async write(data: T): Promise<void> {
    writeFileAtomic(this.path, JSON.stringify(data));
  }
}
