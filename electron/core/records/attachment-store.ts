// Attachments (the opinion DOCX/PDF, drafts, slides) copied into the library by content:
// attachments/<sha256><ext>. Same bytes are stored once; a file is checked for size before it is
// read, and an unreadable one is a clear error, not a half-stored record.

import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { writeFileAtomic } from '../library/atomic-file';
import { sha256 } from '../library/law-identity';
import { RecordsError } from './records-errors';
import type { Attachment } from './record-types';

export const DEFAULT_MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function readError(file: string, e: unknown): RecordsError {
  const code = (e as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT' ? '文件不存在' : code === 'EACCES' || code === 'EPERM' ? '没有读取权限' : code === 'EISDIR' ? '这是一个文件夹，不是文件' : `无法读取（${code ?? (e as Error).message}）`;
  return new RecordsError('INVALID', `附件“${file}”${why}`);
}

/** Checks and reads a file to attach; throws a RecordsError with the reason. */
export function readAttachment(file: string, maxBytes: number): Uint8Array {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw Object.assign(new Error('dir'), { code: 'EISDIR' });
    size = st.size;
  } catch (e) {
    throw readError(file, e);
  }
  if (size > maxBytes) throw new RecordsError('INVALID', `附件“${basename(file)}”大小 ${mb(size)}，超过上限 ${mb(maxBytes)}`);
  if (size === 0) throw new RecordsError('INVALID', `附件“${basename(file)}”是空文件`);
  try {
    return readFileSync(file);
  } catch (e) {
    throw readError(file, e);
  }
}

export class AttachmentStore {
  constructor(
    readonly dir: string,
    readonly maxBytes = DEFAULT_MAX_ATTACHMENT_BYTES,
  ) {}

  /** Copies a file in (once per content) and returns its reference. */
  add(file: string, name: string | undefined, addedAt: string): Attachment {
    const bytes = readAttachment(resolve(file), this.maxBytes);
    const hash = sha256(bytes);
    const label = name || basename(file);
    const stored = hash + extname(label).toLowerCase();
    mkdirSync(this.dir, { recursive: true });
    const full = join(this.dir, stored);
    if (!existsSync(full)) writeFileAtomic(full, bytes);
    return { sha256: hash, name: label, size: bytes.length, addedAt };
  }

  /** The stored file of an attachment, verified against its hash; undefined when missing or damaged. */
  pathOf(a: Pick<Attachment, 'sha256' | 'name'>): string | undefined {
    const full = join(this.dir, a.sha256 + extname(a.name).toLowerCase());
    if (!existsSync(full)) return undefined;
    return sha256(readFileSync(full)) === a.sha256 ? full : undefined;
  }
}
