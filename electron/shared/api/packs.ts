// Packs (issue 8): the shapes are electron/shared/pack-schema.ts, the ones the core store and the
// CLI use; here the summary, the export formats and the calls, with produced files.

import { z } from 'zod';
import { CoverSchema, PACK_TEMPLATES, PackInputSchema, PackItemSchema, PackSchema } from '../pack-schema';
import { LIMITS } from '../limits';
import { requiredText } from '../required-text';
import { call, count, empty, fileId, isoDate, producedFileSchema, taskId } from './common';


export { PACK_TEMPLATES } from '../pack-schema';
export const EXPORT_FORMATS = ['docx', 'pdf', 'html'] as const;
/** The pack shapes are electron/shared/pack-schema.ts, the same ones the core store and the CLI use. */
export const packItemSchema = PackItemSchema;
/** What the app constructs and sends (defaults such as a search item's limit may be left out). */
export type PackItemDto = z.input<typeof packItemSchema>;
export const packBodySchema = PackInputSchema.omit({ id: true, createdAt: true, updatedAt: true }).extend({ cover: CoverSchema, asOf: isoDate });
export const packSchema = PackSchema;
export type PackDto = z.infer<typeof packSchema>;
export const packSummarySchema = z.object({ id: z.string(), title: z.string(), template: z.enum(PACK_TEMPLATES), asOf: z.string(), itemCount: count, updatedAt: z.string() });

/**
 * The HTTP face's body cap for a whole pack (saved, reordered, or items added): the default 64 KB
 * held about 400 article items, so saving a longer pack (up to LIMITS.pack.items) was refused.
 */
const PACK_BODY_BYTES = 16 * 1024 * 1024;

export const packsCalls = {
  // --- packs (issue 8) ---
  'packs:list': call({ input: empty, output: z.array(packSummarySchema) }),
  'packs:get': call({ input: z.object({ id: z.string().min(1).max(64) }).strict(), output: packSchema }),
  'packs:create': call({
    input: z.object({ title: requiredText(300, '请填写标题'), template: z.enum(PACK_TEMPLATES), unit: z.string().max(200).optional() }).strict(),
    output: packSchema,
  }),
  'packs:save': call({ input: z.object({ id: z.string().min(1).max(64), pack: packBodySchema }).strict(), output: packSchema, maxBodyBytes: PACK_BODY_BYTES }),
  'packs:remove': call({ input: z.object({ id: z.string().min(1).max(64) }).strict(), output: z.object({ ok: z.boolean() }) }),
  /** Appends items (加入简报 from the reader or a record) to a pack. */
  'packs:addItems': call({
    input: z.object({ id: z.string().min(1).max(64), items: z.array(packItemSchema).min(1).max(500) }).strict(),
    output: packSchema,
    maxBodyBytes: PACK_BODY_BYTES,
  }),
  'packs:reorder': call({
    input: z.object({ id: z.string().min(1).max(64), itemIds: z.array(z.string().min(1).max(80)).max(LIMITS.pack.items) }).strict(),
    output: packSchema,
    maxBodyBytes: PACK_BODY_BYTES,
  }),
  /** Exports to DOCX/PDF/HTML (progress: task:progress with taskId); the file is then fetched with files:get. */
  'packs:export': call({
    input: z.object({ id: z.string().min(1).max(64), format: z.enum(EXPORT_FORMATS), taskId }).strict(),
    output: producedFileSchema.extend({ warnings: z.array(z.string()), pages: count.optional(), articleCount: count }),
  }),
  /** A produced file's bytes, for the browser face to download. */
  'files:get': call({
    input: z.object({ fileId }).strict(),
    output: z.object({ name: z.string(), mime: z.string(), dataBase64: z.string() }),
  }),
  /** Electron only: shows a produced file in the system file manager. */
  'shell:showFile': call({
    input: z.object({ fileId }).strict(),
    output: z.object({ ok: z.boolean() }),
    face: 'electron',
  }),
} as const;
