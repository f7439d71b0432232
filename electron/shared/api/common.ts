// Building blocks every domain file of the contract uses: capped strings, dates, counts, the call
// spec, uploads and produced files. Validation messages are Chinese: they are shown as they are.

import { z } from 'zod';
import { LEVELS, STATUSES } from '../law-model';
import { taskIdSchema } from '../task-progress';
import { printableName, printableText } from '../printable-name';

z.config(z.locales.zhCN());

export const id = z.string().min(1).max(300);
export const shortText = z.string().max(500);
/** YYYY, YYYY-MM or YYYY-MM-DD (search ranges). */
export const date = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, '日期应为 YYYY-MM-DD');
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD');
export const level = z.enum(LEVELS);
export const status = z.enum(STATUSES);
export const count = z.number().int().nonnegative();
/**
 * Output fields that show a file name (or a title or message that may carry one): control
 * characters and bidi overrides from a hostile file name come out escaped, on every face, because
 * each face's output passes the contract (printable-name.ts; escaping twice changes nothing).
 * Never for a value the caller sends back as an id or path.
 */
export const shownName = z.string().transform(printableName);
export const shownText = z.string().transform(printableText);
export const empty = z.object({}).strict();
/** A caller-chosen id for a long call, so the caller follows exactly its own progress. */
export const taskId = taskIdSchema.optional();
export const fileId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);
export const recordId = z.string().min(1).max(60);

/**
 * `face`: which faces implement the call. 'electron' calls need the desktop (native dialogs,
 * shell); the browser face answers them with code UNSUPPORTED.
 */
export interface CallSpec<I extends z.ZodType, O extends z.ZodType, F extends 'electron' | 'all' = 'electron' | 'all'> {
  input: I;
  output: O;
  face?: F;
  /** Body cap in bytes for the HTTP face (default 64 KB). */
  maxBodyBytes?: number;
}
export function call<I extends z.ZodType, O extends z.ZodType, F extends 'electron' | 'all' = 'all'>(spec: CallSpec<I, O, F>): CallSpec<I, O, F> {
  return spec;
}

/** Caps for files uploaded by the browser face (and dropped files in Electron). */
export const UPLOAD_LIMITS = { maxFileBytes: 20 * 1024 * 1024, maxFiles: 200, maxTotalBytes: 60 * 1024 * 1024 } as const;
export const base64Cap = Math.ceil(UPLOAD_LIMITS.maxFileBytes / 3) * 4;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
/**
 * A file's bytes as standard padded base64 (what FileReader's data URL holds), capped. Node's
 * decoder skips what is not base64 without a word, so a damaged upload (a cut, a stray character)
 * would have been imported as other bytes: refused here instead, before anything is decoded.
 */
export function base64Data(maxChars: number, tooLong: string) {
  return z
    .string()
    .max(maxChars, tooLong)
    .refine((s) => s.length % 4 === 0 && BASE64.test(s), '不是有效的 base64 数据（上传的文件在传送中损坏），请重新选择文件');
}
export const uploadFileSchema = z
  .object({
    name: z
      .string()
      .min(1)
      .max(255)
      .refine((n) => !/[\\/\0]/.test(n) && n !== '.' && n !== '..', '文件名不能包含路径'),
    /** Bytes as base64; at most UPLOAD_LIMITS.maxFileBytes decoded. */
    dataBase64: base64Data(base64Cap, `单个文件不能超过 ${UPLOAD_LIMITS.maxFileBytes / 1048576} MB`),
  })
  .strict();

/** A file the app made (an export, a bundle) or keeps (an attachment), ready to hand over. */
export const producedFileSchema = z.object({ fileId: z.string(), name: shownName, bytes: count, folder: z.string().optional() });
