// The records of the legal office as the core keeps them. The shapes themselves — enums, citations,
// stored records, the capped input fields — live in electron/shared/record-schema.ts, the one
// definition the API contract uses too; here the core adds its own rules on top: the defaults a
// new record gets, attachments named by a file path (the CLI copies the file in), and records.json.

import { z } from 'zod';
import {
  AttachmentSchema,
  CitationInputSchema,
  CitedTextInputSchema,
  LectureMaterialSchema,
  PlanItemSchema,
  collectionInputFields,
  lectureInputFields,
  noteInputFields,
  planInputFields,
  reviewInputFields,
  type Collection,
  type Lecture,
  type LegalityReview,
  type Note,
  type StudyPlan,
  ChangeEntrySchema,
  CollectionSchema,
  LectureSchema,
  LegalityReviewSchema,
  NoteSchema,
  StudyPlanSchema,
} from '../../shared/record-schema';
import { LIMITS } from '../../shared/limits';
import { RegisterEntrySchema } from '../../shared/register-schema';

export * from '../../shared/record-schema';

/** An attachment in an input: a file to copy into the library, or one already stored. */
export const AttachmentInputSchema = z.union([AttachmentSchema.strict(), z.strictObject({ path: z.string().trim().min(1).max(4096), name: z.string().max(255).optional() })]);

/** A field of the shared input shape, with the default a new record gets when it is left out. */
function withDefault<T extends z.ZodType>(field: z.ZodOptional<T>, value: z.util.NoUndefined<z.core.output<T>>) {
  return field.unwrap().default(value);
}

export const ReviewInputSchema = z.object({
  ...reviewInputFields,
  procedures: withDefault(reviewInputFields.procedures, []),
  status: withDefault(reviewInputFields.status, '收件'),
  tags: withDefault(reviewInputFields.tags, []),
  findings: withDefault(reviewInputFields.findings, {}),
  citations: withDefault(reviewInputFields.citations, []),
  attachments: z.array(AttachmentInputSchema).max(LIMITS.record.attachments).default([]),
});
export type ReviewInput = z.input<typeof ReviewInputSchema>;

export const LectureInputSchema = z.object({
  ...lectureInputFields,
  headCount: withDefault(lectureInputFields.headCount, 0),
  laws: withDefault(lectureInputFields.laws, []),
  tags: withDefault(lectureInputFields.tags, []),
  citations: withDefault(lectureInputFields.citations, []),
  materials: z.array(LectureMaterialSchema.extend({ attachment: AttachmentInputSchema.optional() })).max(LIMITS.record.materials).default([]),
});
export type LectureInput = z.input<typeof LectureInputSchema>;

export const StudyPlanInputSchema = z.object({
  ...planInputFields,
  items: withDefault(planInputFields.items, []),
  tags: withDefault(planInputFields.tags, []),
});
export type StudyPlanInput = z.input<typeof StudyPlanInputSchema>;

export const NoteInputSchema = z.object({
  ...noteInputFields,
  citations: withDefault(noteInputFields.citations, []),
  tags: withDefault(noteInputFields.tags, []),
});
export type NoteInput = z.input<typeof NoteInputSchema>;

export const CollectionInputSchema = z.object({
  ...collectionInputFields,
  items: withDefault(collectionInputFields.items, []),
  tags: withDefault(collectionInputFields.tags, []),
});

// Kept for the modules that name them (the inputs of one finding, of one plan item, a citation).
export { CitationInputSchema, CitedTextInputSchema, PlanItemSchema };

export const RECORD_KINDS = ['review', 'lecture', 'plan', 'note', 'collection'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export interface RecordOfKind {
  review: LegalityReview;
  lecture: Lecture;
  plan: StudyPlan;
  note: Note;
  collection: Collection;
}

export const RECORDS_SCHEMA_VERSION = 1;

/** records.json: every record and its change log, committed together in one atomic write. */
export const RecordsFileSchema = z.object({
  schemaVersion: z.number().int(),
  generation: z.number().int().default(0),
  reviews: z.record(z.string(), LegalityReviewSchema).default({}),
  lectures: z.record(z.string(), LectureSchema).default({}),
  plans: z.record(z.string(), StudyPlanSchema).default({}),
  notes: z.record(z.string(), NoteSchema).default({}),
  collections: z.record(z.string(), CollectionSchema).default({}),
  /** The bureau's own 规范性文件 (core/register); kept here so backups, bundles and the log cover them. */
  register: z.record(z.string(), RegisterEntrySchema).default({}),
  log: z.record(z.string(), z.array(ChangeEntrySchema)).default({}),
});
export type RecordsFile = z.infer<typeof RecordsFileSchema>;

export const COLLECTION_KEY: Record<RecordKind, 'reviews' | 'lectures' | 'plans' | 'notes' | 'collections'> = {
  review: 'reviews',
  lecture: 'lectures',
  plan: 'plans',
  note: 'notes',
  collection: 'collections',
};
