// File-system errors as sentences a user can act on: which file, what went wrong, what to do.
// Used wherever the library writes (lock, catalog, bodies, records, exports). The errno table
// (reason and code per errno) lives in shared/errors.ts with the other codes.

import { DomainError, ERRNO, errnoMessage, errnoOf } from '../../shared/errors';
import { printableName } from '../../shared/printable-name';

export { printableName };

/** Errnos meaning "this location cannot be written now": the library still opens for reading. */
const WRITE_ERRNOS = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'ENAMETOOLONG', 'EBUSY', 'EIO']);

export function isFsWriteError(e: unknown): e is NodeJS.ErrnoException {
  return WRITE_ERRNOS.has(errnoOf(e) ?? '');
}

/** "<file>：<reason>（ENOSPC）" for a Node fs error; the error's own message otherwise. */
export const fsErrorMessage = errnoMessage;

/** A file-system failure: `code` is the domain code (DISK_FULL, READ_ONLY, …), `errno` Node's. */
export class FileSystemError extends DomainError {
  constructor(
    readonly errno: string,
    file: string,
    message: string,
  ) {
    super(ERRNO[errno]?.code ?? 'IO_ERROR', message, { file });
    this.name = 'FileSystemError';
  }
}

/** Wraps a raw fs error from writing `file` into a FileSystemError; other errors pass through. */
export function asFileSystemError(e: unknown, file: string, action = '写入'): unknown {
  const errno = errnoOf(e);
  if (!errno || !ERRNO[errno] || e instanceof DomainError) return e;
  return new FileSystemError(errno, file, `${action}失败：${fsErrorMessage(e, file)}`);
}
