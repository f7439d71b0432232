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

/**
 * A failure to take in a file the user uploaded (writing it to the staging folder): her file's name
 * and the reason, never the staging path (an internal temp folder she cannot act on, and which a
 * Node message such as "ENAMETOOLONG: name too long, open '/tmp/…'" would show).
 */
export function uploadFailure(e: unknown, name: string): DomainError {
  if (e instanceof DomainError && !(e instanceof FileSystemError)) return e;
  const errno = (e instanceof FileSystemError ? e.errno : errnoOf(e)) ?? '';
  const reason =
    errno === 'ENAMETOOLONG'
      ? '文件名过长，请把文件改用短一些的名字后重新选择'
      : (ERRNO[errno]?.reason ?? '暂存文件时出错，请重试');
  return new DomainError(ERRNO[errno]?.code ?? 'IO_ERROR', `无法接收文件“${printableName(name)}”：${reason}${errno ? `（${errno}）` : ''}`, { file: name, cause: e });
}
