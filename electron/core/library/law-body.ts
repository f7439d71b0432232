// The shape of a stored body file (bodies/<sha256>.json): what the importer writes, checked again
// wherever a body is read back — from the library, from an orphan found on open, from a bundle.
// A body that passes its hash but not this schema (a hand-made bundle, a bug of an older version)
// is refused with a message naming the file, instead of breaking search or export later.

import { z } from 'zod';
import { DomainError, formatIssue } from '../../shared/errors';
import { ocrLabelSchema, ocrRegionSchema } from '../../shared/api/library';
import { libraryMatchSchema } from '../../shared/scan-match';
import { ocrDoubtfulPageSchema } from '../../shared/ocr-page-doubt';
import { ocrTurnedPageSchema } from '../../shared/ocr-page-turn';
import { HISTORY_KINDS, LEVELS, STATUSES, TEXT_SOURCES, type LawVersion } from '../../shared/law-model';

const text = z.string();
const count = z.number().int().nonnegative();

export const storedUnitSchema = z.object({
  key: z.string().min(1),
  kind: z.enum(['article', 'section', 'preamble', 'appendix']),
  number: z.number().int(),
  suffix: z.number().int(),
  label: text,
  path: z.array(text),
  text,
  suspects: z.array(count).optional(),
  ocrChecked: z.boolean().optional(),
  ocrRegions: z.array(ocrRegionSchema).optional(),
  ocrLabel: ocrLabelSchema.optional(),
});

export const storedBodySchema = z.object({
  id: z.string().min(1),
  lawId: z.string().min(1),
  title: z.string().min(1),
  subtitle: text.optional(),
  published: text.optional(),
  effective: text.optional(),
  issuer: text.optional(),
  docNumber: text.optional(),
  level: z.enum(LEVELS),
  region: text,
  category: text.optional(),
  status: z.enum(STATUSES),
  statusOverride: z.object({ status: z.enum(STATUSES), basis: text }).optional(),
  expired: z.boolean().optional(),
  draft: z.boolean().optional(),
  history: z.array(z.object({ date: text, text, kind: z.enum(HISTORY_KINDS) })),
  sourceFile: text,
  sourceSha256: text,
  sourceFormat: z.string().min(1), // new importers add formats: not an enum here
  textSource: z.enum(TEXT_SOURCES).optional(),
  verified: z.boolean().optional(),
  verifiedBy: text.optional(),
  verifiedAt: text.optional(),
  libraryMatch: libraryMatchSchema.optional(),
  ocrDoubtfulPages: z.array(ocrDoubtfulPageSchema).optional(),
  ocrTurnedPages: z.array(ocrTurnedPageSchema).optional(),
  articleCount: count,
  unitCount: count,
  charCount: count,
  importedAt: text,
  units: z.array(storedUnitSchema),
});

export class BodyShapeError extends DomainError {
  constructor(
    file: string,
    readonly reason: string,
  ) {
    super('CORRUPT', `正文文件 ${file} 的结构不对（${reason}）`, { file });
    this.name = 'BodyShapeError';
  }
}

/** Validates a parsed body file; throws BodyShapeError naming the file and the first bad field. */
export function parseBody(data: unknown, file: string): LawVersion {
  const r = storedBodySchema.safeParse(data);
  if (!r.success) {
    throw new BodyShapeError(file, formatIssue(r.error.issues[0]!, {}, data));
  }
  // Extra fields are kept (a newer version may add some); paragraphs are derived on load.
  return { ...(data as LawVersion), file: (data as LawVersion).file ?? '' };
}
