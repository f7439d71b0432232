// Bundles and backups (issue 9): a zip of laws and records to move between machines, and the
// automatic backups of records.json with restore.

import { z } from 'zod';
import { errorDataSchema } from '../errors';
import { printableName } from '../printable-name';
import { base64Data, call, count, empty, id, level, producedFileSchema, shortText, shownName, shownText, status, taskId } from './common';

/** Laws picked for a bundle by the 法规库's facets (each law through its current version); empty lists mean any. */
export const bundleLawFilterSchema = z.strictObject({
  levels: z.array(level).max(20).optional(),
  regions: z.array(shortText).max(200).optional(),
  statuses: z.array(status).max(10).optional(),
  categories: z.array(shortText).max(100).optional(),
  favoritesOnly: z.boolean().optional(),
});
export type BundleLawFilter = z.infer<typeof bundleLawFilterSchema>;

const userDataMergeSchema = z.object({ path: z.string(), what: z.string(), outcome: z.enum(['new', 'identical', 'merged', 'kept']), detail: z.string().optional() });

const bundlePreviewSchema = z.object({
  createdAt: z.string(),
  appVersion: z.string(),
  laws: z.array(z.object({ versionId: z.string(), title: shownName, outcome: z.enum(['new', 'identical', 'newer', 'older']), detail: shownText.optional() })),
  records: z.array(
    z.object({
      id: z.string(),
      collection: z.string(),
      title: z.string(),
      outcome: z.enum(['new', 'identical', 'newer', 'older', 'conflicting', 'renamed']),
      winner: z.enum(['bundle', 'library']).optional(),
      newId: z.string().optional(),
      detail: z.string().optional(),
    }),
  ),
  attachments: z.object({ new: count, present: count }),
  /** The bundle's packs, 收藏, office profile …: what merging each into the library does. */
  userData: z.array(userDataMergeSchema).optional(),
  warnings: z.array(shownText),
  gbkNames: z.array(shownName),
  summary: z.object({ laws: z.record(z.string(), count), records: z.record(z.string(), count) }),
});
export type BundlePreviewDto = z.infer<typeof bundlePreviewSchema>;
export const backupInfoSchema = z.object({ name: z.string(), at: z.string(), reason: z.string(), size: count });
const backupName = z.string().regex(/^records-\d{8}T\d{9}Z-[a-z0-9-]{1,40}\.json$/, '不是自动备份的文件名');
export const restorePreviewSchema = z.object({ name: z.string(), restored: z.array(z.string()), changed: z.array(z.string()), removed: z.array(z.string()), unchanged: count, missingAttachments: z.array(shownName),
  /** User-data files (packs, 收藏 …) the backup holds and whether restoring changes them; absent in backups taken before they were carried. */
  userData: z.array(z.object({ path: z.string(), what: z.string(), changed: z.boolean() })).optional(),
});
/** Bundles may be larger than one imported law file. */
export const BUNDLE_UPLOAD_BYTES = 60 * 1024 * 1024;
const bundleUpload = z
  .object({
    name: z.string().min(1).max(255).refine((n) => !/[\\/\0]/.test(n) && n !== '.' && n !== '..', '文件名不能包含路径'),
    dataBase64: base64Data(Math.ceil(BUNDLE_UPLOAD_BYTES / 3) * 4, `资料包不能超过 ${BUNDLE_UPLOAD_BYTES / 1048576} MB`),
  })
  .strict();

/** A file's base name as main sends it: never a path (the renderer is not told where files are). */
const pickedName = z
  .string()
  .min(1)
  .max(1024)
  .refine((n) => !/[\\/]/.test(n), '只能是文件名，不能是路径')
  .transform(printableName);

export const bundlesCalls = {
  // --- bundles and backups (issue 9) ---
  'bundles:export': call({
    input: z.object({ laws: z.array(id).max(50_000).optional(), filter: bundleLawFilterSchema.optional(), records: z.boolean(), userData: z.boolean().optional(), taskId }).strict(),
    output: producedFileSchema.extend({ versions: count, records: count, attachments: count, userData: z.array(z.string()).optional() }),
  }),
  'bundles:preview': call({
    input: z.object({ file: bundleUpload, taskId }).strict(),
    output: z.object({ stagingId: z.string(), name: shownName, preview: bundlePreviewSchema }),
    maxBodyBytes: Math.ceil(BUNDLE_UPLOAD_BYTES / 3) * 4 + 64 * 1024,
  }),
  /**
   * Electron only: the native open dialog, then a preview of the chosen bundle. A bundle the
   * preview refuses comes back as `refused`, naming the file (its base name; the renderer has no
   * path to name it by) with the reason.
   */
  'bundles:pickAndPreview': call({
    input: empty,
    output: z.union([
      z.object({ stagingId: z.string(), name: shownName, preview: bundlePreviewSchema }),
      z.object({ canceled: z.literal(true) }),
      z.object({ refused: z.object({ name: pickedName, error: errorDataSchema }) }),
    ]),
    face: 'electron',
  }),
  'bundles:import': call({
    input: z.object({ stagingId: id, taskId }).strict(),
    output: z.object({ preview: bundlePreviewSchema, changed: z.boolean(), backup: backupInfoSchema.optional() }),
  }),
  'bundles:discard': call({ input: z.object({ stagingId: id }).strict(), output: z.object({ ok: z.boolean() }) }),
  'backups:list': call({ input: empty, output: z.object({ backups: z.array(backupInfoSchema), keep: count }) }),
  'backups:create': call({ input: empty, output: z.object({ backup: backupInfoSchema.optional() }) }),
  'backups:previewRestore': call({ input: z.object({ name: backupName }).strict(), output: restorePreviewSchema }),
  'backups:restore': call({ input: z.object({ name: backupName }).strict(), output: restorePreviewSchema.extend({ backup: backupInfoSchema.optional() }) }),
} as const;
