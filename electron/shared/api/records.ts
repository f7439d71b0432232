// Records (issue 6): reviews, lectures, plans; citations with their flags; cited-by, counts, 受影响.
// The record shapes are electron/shared/record-schema.ts — the very schemas the core's store and
// service use — so a record the CLI wrote at the core's limits always opens in the app. Here the
// contract adds only what the app derives (overdue and flag of a review, a plan's progress) and
// the calls.

import { z } from 'zod';
import { LIMITS } from '../limits';
import { DraftLinkStateSchema } from '../draft-citation';
import { EmptyYearsSchema, HolidaySchema } from '../holidays';
import {
  ADVISER_ROLES,
  AttachmentSchema,
  CONCLUSIONS,
  ChangeEntrySchema,
  CitingRecordSchema,
  CitationRefSchema,
  CitationSchema,
  FLAG_COLORS,
  FlagSchema,
  LECTURE_KINDS,
  LectureFormSchema,
  LecturePatchSchema,
  LectureSchema,
  LegalityReviewSchema,
  MATERIAL_KINDS,
  PROCEDURE_CHECKS,
  PlanFormSchema,
  PlanPatchSchema,
  REVIEW_STATUSES,
  REVIEW_TYPES,
  ReviewFormSchema,
  ReviewPatchSchema,
  StudyPlanSchema,
  type CitingRecord,
} from '../record-schema';
import { base64Cap, call, count, empty, id, isoDate, producedFileSchema, recordId, shownText, uploadFileSchema } from './common';
import { fieldIssueSchema } from '../record-form';

export { ADVISER_ROLES, CONCLUSIONS, FLAG_COLORS, LECTURE_KINDS, MATERIAL_KINDS, PROCEDURE_CHECKS, REVIEW_STATUSES, REVIEW_TYPES };

const sha = z.string().regex(/^[0-9a-f]{64}$/);
const year = z.number().int().min(1990).max(2200);

export const flagSchema = FlagSchema;
export type FlagDto = z.infer<typeof flagSchema>;
/** A stored, version-anchored citation (with the text it relied on). Strict: also an input. */
export const citationSchema = CitationSchema.strict();
export type CitationDto = z.infer<typeof citationSchema>;
/** A citation as the form sends a new one: law (id or title) + article (key or 第X条) + version (id or date). */
export const citationRefSchema = CitationRefSchema;
export const attachmentSchema = AttachmentSchema.strict();

export const reviewInputSchema = ReviewFormSchema;
export const reviewPatchSchema = ReviewPatchSchema;
export type ReviewInputDto = z.input<typeof reviewInputSchema>;
export const reviewSchema = LegalityReviewSchema.extend({
  overdue: z.boolean(),
  onTime: z.boolean().optional(),
  workingDaysLeft: z.number().int().optional(),
  /** The worst flag of its citations against the versions now in force (added by the app). */
  flag: z.enum(FLAG_COLORS).optional(),
});
export type ReviewDto = z.infer<typeof reviewSchema>;
/**
 * A review as the lists show it (合法性审查, 简报's names): its columns, without the opinion, findings,
 * citations and materials a whole record carries — 400 whole reviews were 370 KB to check against
 * the contract, send and decode for a table of ten columns.
 */
export const reviewRowSchema = reviewSchema.pick({
  id: true,
  revision: true,
  type: true,
  title: true,
  refNo: true,
  leadUnit: true,
  receivedDate: true,
  dueDate: true,
  unitDeadline: true,
  completedDate: true,
  conclusion: true,
  status: true,
  tags: true,
  overdue: true,
  onTime: true,
  workingDaysLeft: true,
  flag: true,
});
export type ReviewRowDto = z.infer<typeof reviewRowSchema>;
const REVIEW_ROW_KEYS = Object.keys(reviewRowSchema.shape) as (keyof ReviewRowDto)[];
/** The list row of a whole review: the row schema's fields, nothing else. */
export function reviewRowOf(r: ReviewRowDto): ReviewRowDto {
  const row: Record<string, unknown> = {};
  for (const k of REVIEW_ROW_KEYS) if (r[k] !== undefined) row[k] = r[k];
  return row as ReviewRowDto;
}

export const lectureInputSchema = LectureFormSchema;
export const lecturePatchSchema = LecturePatchSchema;
export const lectureSchema = LectureSchema;
export type LectureDto = z.infer<typeof lectureSchema>;

export const planInputSchema = PlanFormSchema;
export const planPatchSchema = PlanPatchSchema;
const planItemProgress = z.object({
  id: z.string(),
  topic: z.string(),
  plannedMonth: z.number().optional(),
  responsibleUnit: z.string().optional(),
  done: z.boolean(),
  sessions: z.array(z.string()),
  late: z.boolean(),
});
export const planSchema = StudyPlanSchema.extend({
  /** Completion derived from the lectures linked to each item (added by the app). */
  progress: z.array(planItemProgress),
  done: count,
});
export type PlanDto = z.infer<typeof planSchema>;

const mentionSchema = z.object({
  text: z.string(),
  start: count,
  end: count,
  via: z.enum(['named', 'this-law', 'context', 'near', 'none']),
  lawText: z.string().optional(),
  label: z.string(),
  status: z.enum(['resolved', 'unresolved']),
  citation: citationSchema.optional(),
  reason: z.string().optional(),
  warning: z.string().optional(),
});
export type MentionDto = z.infer<typeof mentionSchema>;
export const detectionSchema = z.object({
  mentions: z.array(mentionSchema),
  citations: z.array(citationSchema),
  unresolved: z.array(mentionSchema),
  laws: z.array(z.object({ text: z.string(), start: count, end: count, lawId: z.string().optional(), title: z.string().optional(), reason: z.string().optional() })),
});

const saveResult = <T extends z.ZodType>(record: T) => z.object({ record, warnings: z.array(z.string()), unresolved: z.array(mentionSchema) });
/** Body cap of a record write on the HTTP face: a review at the limits (four 20,000-character texts,
 * 300 citations per list with their snapshots) is far above the default 64 KB. */
const RECORD_BODY_BYTES = 8 * 1024 * 1024;
/** A text at 识别引用's limit, every character a 3-byte one (or a 6-byte JSON escape), with room for the rest. */
const DETECT_BODY_BYTES = LIMITS.record.detectText * 6 + 4096;
// linkDraft: link the draft's own articles the texts name (草案第八条), law citations as sent (the review form)
const writeOpts = { linkDetected: z.boolean().optional(), linkDraft: z.boolean().optional(), note: z.string().max(200).optional() };

export const changeEntrySchema = ChangeEntrySchema;
export type ChangeEntryDto = z.infer<typeof changeEntrySchema>;

/** A record citing an article, with the citation's flag: cited-by, 受影响 (core's CitationIndex). */
export const citingRecordSchema = CitingRecordSchema;
export type CitingRecordDto = CitingRecord;

const statsLaw = z.object({ lawId: z.string().optional(), versionId: z.string().optional(), title: z.string(), sessions: count, firstDate: z.string() });
export const annualStatsSchema = z.object({
  year: z.number(),
  reviews: z.object({
    total: count,
    byType: z.record(z.string(), count),
    byConclusion: z.record(z.string(), count),
    byStatus: z.record(z.string(), count),
    completed: count,
    /** Of the opinions issued in the year, reviews received in an earlier year (上年结转). */
    carriedOver: count,
    onTime: count,
    late: count,
    noDeadline: count,
    onTimeRate: z.number().nullable(),
    overdueOpen: count,
    adopted: count,
    notAdopted: count,
  }),
  lectures: z.object({
    total: count,
    headCount: count,
    byKind: z.record(z.string(), z.object({ count, headCount: count })),
    study: z.object({ count, headCount: count }),
    outreach: z.object({ count, headCount: count }),
    materialsHandedOut: count,
    /** Sessions of the year dated after today: planned, in no count above. */
    planned: count,
  }),
  /** The laws of the study sessions (学法), as the yearly report counts them. */
  lawsStudied: z.array(statsLaw),
  /** The laws the outreach (普法宣传 kinds) was about. */
  lawsPromoted: z.array(statsLaw),
  plans: z.array(z.object({ id: z.string(), title: z.string(), items: count, done: count, completionRate: z.number().nullable(), progress: z.array(planItemProgress) })),
  yearsWithRecords: z.array(z.number().int()),
});
export type AnnualStatsDto = z.infer<typeof annualStatsSchema>;

const holidayListsSchema = z.object({
  official: z.object({ title: z.string().optional(), holidays: z.array(HolidaySchema) }),
  own: z.array(HolidaySchema),
  /** The years the library sets with no holiday (HolidayFile.emptyYears). */
  emptyYears: z.array(z.number().int()),
  warning: shownText.optional(),
});
export type HolidayListsDto = z.infer<typeof holidayListsSchema>;

export const recordsCalls = {
  'reviews:list': call({
    input: z
      .object({ year: year.optional(), type: z.enum(REVIEW_TYPES).optional(), status: z.enum(REVIEW_STATUSES).optional(), overdue: z.boolean().optional(), q: z.string().max(200).optional() })
      .strict(),
    output: z.array(reviewRowSchema),
  }),
  'reviews:get': call({
    input: z.object({ id: recordId }).strict(),
    // draftLinks: the texts' links into the draft under review, each with what its article is in the latest 送审稿 version
    output: z.object({ review: reviewSchema, citations: z.array(z.object({ where: z.string(), citation: citationSchema, flag: flagSchema })), draftLinks: z.array(DraftLinkStateSchema) }),
  }),
  'reviews:create': call({ input: z.object({ input: reviewInputSchema, ...writeOpts }).strict(), output: saveResult(reviewSchema), maxBodyBytes: RECORD_BODY_BYTES }),
  'reviews:update': call({
    input: z.object({ id: recordId, patch: reviewPatchSchema, expectedRevision: count.optional(), ...writeOpts }).strict(),
    output: saveResult(reviewSchema),
    maxBodyBytes: RECORD_BODY_BYTES,
  }),
  /**
   * 记为已出具: the 意见书 went out on `date` (and under `refNo`, its 文号); the 年度报告 counts it issued.
   * Again with another date: corrects it. `issued: null` undoes it (back to 审查中).
   */
  'reviews:issue': call({
    input: z.object({ id: recordId, issued: z.object({ date: isoDate, refNo: z.string().max(LIMITS.record.refNo).optional() }).strict().nullable() }).strict(),
    output: saveResult(reviewSchema),
  }),
  /** Adds an uploaded file (the opinion DOCX/PDF, a draft) to a review; kept by its hash. */
  'reviews:attach': call({
    input: z.object({ id: recordId, file: uploadFileSchema }).strict(),
    output: saveResult(reviewSchema),
    maxBodyBytes: base64Cap + 64 * 1024,
  }),
  'records:attachment': call({
    input: z.object({ recordId, sha256: sha }).strict(),
    output: producedFileSchema,
  }),
  'records:history': call({ input: z.object({ id: recordId }).strict(), output: z.array(changeEntrySchema) }),
  /**
   * What saving a form would say, without saving: the refusals and warnings of the service's own
   * rules, so the forms do not re-code them. `id`: the record being edited (the input is its patch).
   */
  'records:validate': call({
    input: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('review'), id: recordId.optional(), input: reviewPatchSchema }).strict(),
      z.object({ kind: z.literal('lecture'), id: recordId.optional(), input: lecturePatchSchema }).strict(),
      z.object({ kind: z.literal('plan'), id: recordId.optional(), input: planPatchSchema }).strict(),
    ]),
    /** `fields`: the schema's problems per field (shared/record-form.ts), for the form to show beside each. */
    output: z.object({ errors: z.array(z.string()), warnings: z.array(z.string()), fields: z.array(fieldIssueSchema) }),
    maxBodyBytes: RECORD_BODY_BYTES,
  }),
  /** `document`: the title of the document a review is on — 本办法/草案/该文件 第X条 in its text are that document's, no law's. */
  'records:detect': call({
    input: z
      .object({
        text: z.string().max(LIMITS.record.detectText, `文字过长：识别引用一次最多 ${LIMITS.record.detectText.toLocaleString('en-US')} 字，请分段识别`),
        date: isoDate,
        nearLawId: id.optional(),
        document: z.string().max(LIMITS.record.title).optional(),
      })
      .strict(),
    output: detectionSchema,
    // The text's own limit is in characters: 50,000 Chinese ones are ~150 KB of JSON, over the default 64 KB cap.
    maxBodyBytes: DETECT_BODY_BYTES,
  }),
  /** 最早届满 of a review of this type (shared/review-time-limits; without a type, a 重大行政决策's 7 working days). */
  'records:dueDate': call({ input: z.object({ receivedDate: isoDate, type: z.enum(REVIEW_TYPES).optional() }).strict(), output: z.object({ dueDate: z.string() }) }),
  /** Records citing an article of a version — also those citing it in another version (mapped). */
  'records:citedBy': call({
    input: z.object({ versionId: id, articleKey: z.string().min(1).max(50).optional() }).strict(),
    output: z.array(citingRecordSchema),
  }),
  /** Per article key of a version: distinct records citing it (the TOC badges). */
  'records:counts': call({ input: z.object({ versionId: id }).strict(), output: z.record(z.string(), count) }),
  /** 受影响: citations whose article changed in the version now in force (yellow/red), red first. */
  'records:affected': call({
    input: z.object({ lawIds: z.array(id).max(5000).optional() }).strict(),
    output: z.array(citingRecordSchema),
  }),
  'records:stats': call({ input: z.object({ year }).strict(), output: annualStatsSchema }),
  /**
   * Who the change log names for this computer's edits: the 经办人 of 设置 → 署名, else `account`, the
   * computer's user name (the renderer marks entries signed with it: 未设置经办人).
   */
  'records:actor': call({ input: empty, output: z.object({ name: shownText, account: shownText }) }),
  /**
   * The 节假日/调休 list working days are counted with: the shipped one (chinese-days) and the
   * library's own holidays.json, whose years replace the shipped ones; `warning` when that file
   * cannot be read (then it is not used and the shipped list stands).
   */
  'holidays:get': call({ input: empty, output: holidayListsSchema }),
  /** Replaces the library's own list; refused (INVALID, each problem named) when shared/holidays finds one. */
  'holidays:set': call({
    input: z.object({ holidays: z.array(HolidaySchema.strict()).max(2000), emptyYears: EmptyYearsSchema.optional() }).strict(),
    output: holidayListsSchema,
    maxBodyBytes: 600 * 1024,
  }),
  'lectures:list': call({
    input: z.object({ year: year.optional(), kind: z.enum(LECTURE_KINDS).optional(), q: z.string().max(200).optional() }).strict(),
    output: z.array(lectureSchema),
  }),
  'lectures:get': call({ input: z.object({ id: recordId }).strict(), output: lectureSchema }),
  'lectures:create': call({ input: z.object({ input: lectureInputSchema, ...writeOpts }).strict(), output: saveResult(lectureSchema), maxBodyBytes: RECORD_BODY_BYTES }),
  'lectures:update': call({
    input: z.object({ id: recordId, patch: lecturePatchSchema, expectedRevision: count.optional(), ...writeOpts }).strict(),
    output: saveResult(lectureSchema),
    maxBodyBytes: RECORD_BODY_BYTES,
  }),
  'plans:list': call({ input: z.object({ year: year.optional() }).strict(), output: z.array(planSchema) }),
  'plans:create': call({ input: z.object({ input: planInputSchema }).strict(), output: saveResult(planSchema), maxBodyBytes: RECORD_BODY_BYTES }),
  'plans:update': call({
    input: z.object({ id: recordId, patch: planPatchSchema, expectedRevision: count.optional() }).strict(),
    output: saveResult(planSchema),
    maxBodyBytes: RECORD_BODY_BYTES,
  }),
} as const;
