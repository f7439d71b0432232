// File-system errors as sentences a user can act on: which file, what went wrong, what to do.
// Used wherever the library writes (lock, catalog, bodies, records, exports).

import { printableName } from '../../shared/printable-name';

export { printableName };

const CODES: Record<string, string> = {
  ENOSPC: '磁盘已满，请清理磁盘空间后重试',
  EDQUOT: '磁盘配额已用完，请清理空间后重试',
  EROFS: '所在磁盘或文件夹是只读的（如光盘、只读 U 盘或网络共享），请换一个可写的位置',
  EACCES: '没有写入权限，请检查文件夹权限或以有权限的用户运行',
  EPERM: '操作被系统拒绝（权限不足，或文件被其他程序占用），请检查权限后重试',
  ENAMETOOLONG: '文件名或路径过长，请换一个短一些的文件夹或文件名',
  EMFILE: '打开的文件过多，请关闭其他程序后重试',
  EBUSY: '文件正被其他程序占用，请关闭占用它的程序后重试',
  EIO: '磁盘读写出错（设备故障或已拔出），请检查磁盘',
  ENOENT: '文件或文件夹不存在',
  EISDIR: '这是一个文件夹，不是文件',
  ENOTDIR: '路径中有一段不是文件夹',
  EILSEQ: '文件名含有系统无法表示的字符（不是有效的 UTF-8），请重命名该文件',
};

/** Codes meaning "this location cannot be written now": the library still opens for reading. */
const WRITE_CODES = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'ENAMETOOLONG', 'EBUSY', 'EIO']);

export function isFsWriteError(e: unknown): e is NodeJS.ErrnoException {
  return !!e && typeof e === 'object' && WRITE_CODES.has((e as NodeJS.ErrnoException).code ?? '');
}

/** "<file>：<reason>（CODE）" for a Node fs error; the error's own message otherwise. */
export function fsErrorMessage(e: unknown, file?: string): string {
  const err = e as NodeJS.ErrnoException;
  const code = err?.code;
  const where = file ?? err?.path;
  const reason = code && CODES[code] ? `${CODES[code]}（${code}）` : (err?.message ?? String(e));
  return where ? `${printableName(where)}：${reason}` : reason;
}

/** An error whose message names the file and says what to do. */
export class FileSystemError extends Error {
  constructor(
    readonly code: string,
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'FileSystemError';
  }
}

/** Wraps a raw fs error from writing `file` into a FileSystemError; other errors pass through. */
export function asFileSystemError(e: unknown, file: string, action = '写入'): unknown {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (!code || !CODES[code]) return e;
  return new FileSystemError(code, file, `${action}失败：${fsErrorMessage(e, file)}`);
}
