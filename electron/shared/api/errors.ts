// Errors and the envelope both transports carry.

import { z } from 'zod';
import { printableText } from '../printable-name';

export const ERROR_CODES = [
  'VALIDATION', // the input did not match the contract
  'NOT_FOUND',
  'UNSUPPORTED', // the call is not available in this face
  'UNAUTHORIZED',
  'FORBIDDEN',
  'TOO_LARGE',
  'LOCKED', // another process is writing the library
  'CORRUPT',
  'SEARCH_UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const apiErrorSchema = z.object({ code: z.enum(ERROR_CODES), message: z.string() });
export type ApiErrorData = z.infer<typeof apiErrorSchema>;

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
  toJSON(): ApiErrorData {
    return { code: this.code, message: this.message };
  }
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorData };

/** A readable (Chinese) message for a failed validation: one line per problem, with its path. */
export function describeZodError(error: z.ZodError, what = '参数'): string {
  const lines = error.issues.slice(0, 5).map((i) => {
    const path = i.path.length ? i.path.map(String).join('.') : '(整体)';
    return `${path}：${i.message}`;
  });
  const more = error.issues.length > 5 ? `（另有 ${error.issues.length - 5} 处）` : '';
  return `${what}不合法：${lines.join('；')}${more}`;
}

/** Turns anything thrown into the {code, message} both transports send. */
/** The error a face sends: its message with file names' control characters and bidi overrides escaped. */
export function toApiError(e: unknown): ApiErrorData {
  const d = errorData(e);
  return { code: d.code, message: printableText(d.message) };
}

function errorData(e: unknown): ApiErrorData {
  if (e instanceof ApiError) return e.toJSON();
  const err = e as { code?: unknown; message?: unknown; name?: unknown };
  if (err && typeof err.code === 'string' && (ERROR_CODES as readonly string[]).includes(err.code)) {
    return { code: err.code as ErrorCode, message: String(err.message ?? err.code) };
  }
  // A full or read-only disk is not an internal error: the message already names the file and what to do.
  if (err && err.name === 'FileSystemError' && typeof err.message === 'string') return { code: 'INTERNAL', message: err.message };
  return { code: 'INTERNAL', message: `内部错误：${String(err?.message ?? e)}` };
}
