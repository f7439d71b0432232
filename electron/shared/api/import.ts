// Importing law files: a preview kept on the service side (stagingId), then commit or discard.

import { z } from 'zod';
import { UPLOAD_LIMITS, call, count, id, shownName, shownText, taskId, uploadFileSchema } from './common';
import { SOURCE_FORMATS, TEXT_SOURCES } from '../law-model';
import { libraryMatchSchema } from '../scan-match';

export const importFileResultSchema = z.object({
  file: shownName,
  status: z.enum(['imported', 'replaced', 'updated', 'skipped', 'failed']),
  versionId: z.string().optional(),
  title: shownName.optional(),
  articleCount: z.number().optional(),
  reason: shownText.optional(),
  /** Detected format, and the path the text took (file text, text layer, OFD text, OCR). */
  format: z.enum(SOURCE_FORMATS).optional(),
  textSource: z.enum(TEXT_SOURCES).optional(),
  /** Pages of a PDF/OFD; OCR: pages to recognise (preview) or recognised, and the estimate in seconds. */
  pages: count.optional(),
  ocrPages: count.optional(),
  ocrEstimateSeconds: count.optional(),
  /** OCR: the scan is a law already in the library — which version, same date or not (scan-match.ts). */
  libraryMatch: libraryMatchSchema.optional(),
  preview: z.array(z.object({ label: shownName, text: shownText })).optional(),
  /**
   * A skipped file of the same law and day as a stored version that reads better (text-quality.ts): the
   * person may still choose it — 改用新文件, import:commit's `replace` — and it then replaces that version.
   */
  replaceable: z.literal(true).optional(),
});

export const importReportSchema = z.object({
  imported: count,
  replaced: count,
  /** Identical texts whose metadata a manifest corrected. */
  updated: count.default(0),
  skipped: count,
  failed: z.array(z.object({ file: shownName, reason: shownText })),
  warnings: z.array(z.object({ file: shownName, message: shownText })),
  files: z.array(importFileResultSchema),
  dryRun: z.boolean(),
  canceled: z.boolean().optional(),
});
export type ImportReportDto = z.infer<typeof importReportSchema>;

/** A folder on the machine the server runs on (browser face: same machine), for 按路径导入. */
const folderPath = z.string().trim().min(1, '请填写文件夹路径').max(1000);
export const folderListingSchema = z.object({
  /** The folder shown (resolved); null = the list of roots. */
  path: z.string().nullable(),
  parent: z.string().nullable(),
  roots: z.array(z.object({ label: z.string(), path: z.string() })),
  dirs: z.array(z.object({ name: shownName, path: z.string() })), // path goes back to import:browse as is
  /** Importable files directly in this folder (.md .txt .pdf .docx .html). */
  files: count,
  manifest: z.boolean(),
});
/** A running folder import: finished with its report, or still going. */
export const importTaskStateSchema = z.union([
  z.object({ done: z.literal(false), progress: z.object({ done: count, total: count, file: shownName }) }),
  z.object({ done: z.literal(true), report: importReportSchema }),
]);

/** A preview is kept on the service side until committed or discarded (by stagingId). */
export const importPreviewSchema = z.object({ stagingId: z.string(), report: importReportSchema });

export const importCalls = {
  'import:preview': call({
    input: z.object({ files: z.array(uploadFileSchema).min(1).max(UPLOAD_LIMITS.maxFiles), taskId }).strict(),
    output: importPreviewSchema,
    maxBodyBytes: Math.ceil(UPLOAD_LIMITS.maxTotalBytes / 3) * 4 + 64 * 1024,
  }),
  /** Electron only: the native open dialog, then a preview of the chosen files or folder. */
  'import:pickAndPreview': call({
    input: z.object({ kind: z.enum(['files', 'folder']), taskId }).strict(),
    output: z.union([importPreviewSchema, z.object({ canceled: z.literal(true) })]),
    face: 'electron',
  }),
  /** `replace`: the preview's `replaceable` files (by the name it listed) to import over the stored version anyway (改用新文件). */
  'import:commit': call({
    input: z.object({ stagingId: id, taskId, replace: z.array(shownName).max(UPLOAD_LIMITS.maxFiles).optional() }).strict(),
    output: importReportSchema,
  }),
  'import:discard': call({ input: z.object({ stagingId: id }).strict(), output: z.object({ ok: z.boolean() }) }),
  /** The folders under `path` (or the roots: the user's home and drives), for choosing a folder to import. */
  'import:browse': call({ input: z.object({ path: folderPath.optional() }).strict(), output: folderListingSchema }),
  /**
   * Starts importing a folder (recursive, manifest.jsonl read) by its path on this machine, as the
   * caller's task `taskId` (one is made when none is given): progress comes as task:progress with
   * that id, the result with import:task, a stop with import:cancel.
   */
  /**
   * `replace`: files of the folder, as its preview (dryRun) listed them, that were `replaceable` and that the person chose
   * to import over the stored version anyway (改用新文件); a name the walk does not meet changes nothing.
   */
  'import:folder': call({
    input: z.object({ path: folderPath, dryRun: z.boolean().optional(), taskId, replace: z.array(z.string().max(4096)).max(10_000).optional() }).strict(),
    output: z.object({ taskId: id }),
  }),
  /** A folder import's state; waits up to a few seconds for it to finish (long poll). */
  'import:task': call({ input: z.object({ taskId: id }).strict(), output: importTaskStateSchema }),
  /** Electron only: the native folder dialog; the chosen folder's path, for import:folder. */
  'import:pickFolder': call({
    input: z.object({}).strict(),
    output: z.union([z.object({ path: z.string() }), z.object({ canceled: z.literal(true) })]),
    face: 'electron',
  }),
  /** Stops a folder import between two files; what was imported stays. */
  'import:cancel': call({ input: z.object({ taskId: id }).strict(), output: z.object({ ok: z.boolean() }) }),
} as const;
