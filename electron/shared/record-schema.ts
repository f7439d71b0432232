// The records of the legal office — 合法性审查 (LegalityReview), 学法/普法活动 (Lecture), 年度普法计划
// (StudyPlan), notes and collections — the one definition every face uses: the core's store and
// service (electron/core/records/record-types.ts adds defaults and file attachments), the CLI, and
// the API contract (electron/shared/api/records.ts adds what the app derives: overdue, flags,
// plan progress). Limits come from ./limits, so a record the CLI wrote always opens in the app.
// Inputs are separate from stored records: an input may cite loosely ({law, article}); a stored
// record always holds resolved, version-anchored citations with their text snapshot.
// Invariant: every input object is strict (unknown keys refused) and every string and list capped;
// top-level input fields carry no defaults, so the same schema (made partial) checks a patch
// without filling fields the patch does not mention.

import { z } from 'zod';
import { LIMITS } from './limits';
import { requiredText } from './required-text';
import { articlePartShape } from './article-part';
import { DraftArticleCitationSchema } from './draft-citation';

const L = LIMITS.record;

export const REVIEW_TYPES = ['重大行政决策', '规范性文件', '合同', '重大执法决定', '其他'] as const;
export const REVIEW_STATUSES = ['收件', '审查中', '已出具意见', '已归档'] as const;
export const CONCLUSIONS = ['合法', '不合法', '修改后合法', '提示法律风险'] as const;
export const ADVISER_ROLES = ['法律顾问', '公职律师', '法制机构', '其他'] as const;
export const PROCEDURE_CHECKS = ['公众参与', '专家论证', '风险评估', '公平竞争审查', '集体讨论决定', '公布'] as const;
export const LECTURE_KINDS = ['法律大讲堂', '集体学法', '法律进企业', '法律进社区', '法律进乡村', '宪法日', '普法宣传', '其他'] as const;
/** Kinds counted as 普法 outreach events in the annual statistics (the rest are lectures / study); 普法宣传 = other campaigns (全国科普日 …). */
export const OUTREACH_KINDS: readonly string[] = ['法律进企业', '法律进社区', '法律进乡村', '宪法日', '普法宣传'];
export const MATERIAL_KINDS = ['课件', '讲义', '宣传册', '宣传单', '其他'] as const;
export const FLAG_COLORS = ['green', 'yellow', 'red'] as const;


export type ReviewType = (typeof REVIEW_TYPES)[number];
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export type Conclusion = (typeof CONCLUSIONS)[number];
export type LectureKind = (typeof LECTURE_KINDS)[number];
export type FlagColor = (typeof FLAG_COLORS)[number];

const isoDate = z.iso.date();
const text = (max: number) => z.string().trim().max(max, `不能超过 ${max} 字`);
// Required text: at least one visible character (one rule for every record kind, ./required-text).
const nonEmpty = (max: number, message?: string) => requiredText(max, message);
const sha = z.string().regex(/^[0-9a-f]{64}$/);
const tags = z.array(nonEmpty(L.tag)).max(L.tags);
const year = z.number().int().min(1990).max(2200);
const count = z.number().int().nonnegative();

// ───────────── citations and attachments (stored and sent back as they are) ─────────────

/**
 * What a citation covers: one article (no scope), a 编/章/节 of a law ('heading'), or a whole law
 * ('law'; a code stored as parts, 民法典, is cited through its first part with the code's title).
 * A record on a whole law (a lecture on 《民法典》) needs no article to be counted and linked.
 */
export const CITATION_SCOPES = ['law', 'heading'] as const;
export type CitationScope = (typeof CITATION_SCOPES)[number];
/** The articleKey of a whole-law citation (no unit has it: unit keys are 12, 12-1, s3, preamble …). */
export const WHOLE_LAW_KEY = '*';
/** The articleKey of a heading citation: h: + the numbered heading path (h:第二分编/第九章). */
export const HEADING_KEY_PREFIX = 'h:';

/**
 * A version-anchored link to one article (or heading, or whole law), with what it said when it
 * was relied on. For a heading, textSnapshot is the heading and its article range and textHash the
 * hash of its articles' texts; for a whole law, the snapshot is its outline.
 */
export const CitationSchema = z.object({
  lawId: nonEmpty(L.ref),
  versionId: nonEmpty(L.ref),
  articleKey: nonEmpty(L.articleKey),
  scope: z.enum(CITATION_SCOPES).optional(),
  label: nonEmpty(L.label), // 第十二条之一
  /** 《中华人民共和国统计法》（2009年修订）第七条 — for display and packs. */
  citation: z.string().max(L.citation).default(''),
  ...articlePartShape, // 款, 项: the part cited (absent: the whole article)
  textSnapshot: z.string().max(L.snapshot),
  /** sha256 of textSnapshot: lets flags tell "same text" without reading the old body. */
  textHash: sha,
});
export type Citation = z.infer<typeof CitationSchema>;

/** A citation as a person writes it: resolved on save against the version in force on the record's date. */
export const CitationRefSchema = z.strictObject({
  law: nonEmpty(L.lawName), // id, full or short title
  /** 第七条 | 7 | 12之一; absent (with no heading) = the whole law. */
  article: nonEmpty(L.articleKey).optional(),
  /** A 编/章/节 instead of an article: 第二章, 第三编第一章, 第二分编. */
  heading: nonEmpty(L.articleKey).optional(),
  /** Pin a version by date (YYYY or YYYY-MM-DD) or id; default: in force on the record's date. */
  version: text(L.ref).optional(),
  ...articlePartShape,
});
export type CitationRef = z.infer<typeof CitationRefSchema>;
export const CitationInputSchema = z.union([CitationSchema.strict(), CitationRefSchema]);
export type CitationInput = z.infer<typeof CitationInputSchema>;
const citationInputs = z.array(CitationInputSchema).max(L.citations);

export const AttachmentSchema = z.object({
  sha256: sha,
  name: nonEmpty(L.fileName),
  size: count,
  addedAt: z.string().max(40),
});
export type Attachment = z.infer<typeof AttachmentSchema>;

/** The flag of a citation against the version now in force: green same text, yellow changed, red gone. */
export const FlagSchema = z.object({
  color: z.enum(FLAG_COLORS),
  reason: z.string(),
  currentVersionId: z.string().optional(),
  currentKey: z.string().optional(),
  currentLabel: z.string().optional(),
});
export type Flag = z.infer<typeof FlagSchema>;

/**
 * A record citing an article (one entry per record and cited article), with the flag of that
 * citation against the version now in force: what 被引用, 受影响, `lawdesk cites` and `lawdesk flags` list.
 */
export const CitingRecordSchema = z.object({
  /** register: one of the bureau's own 规范性文件 (its id is the register entry's). */
  kind: z.enum(['review', 'lecture', 'note', 'register']),
  id: z.string(),
  title: z.string(),
  date: z.string(),
  type: z.string().optional(),
  status: z.string().optional(),
  /** The version and article as cited (the entry may answer for another version through the mapping). */
  versionId: z.string(),
  articleKey: z.string(),
  label: z.string(),
  citation: z.string(),
  /** Every place in the record citing this article (a review may cite it in two findings). */
  where: z.array(z.string()),
  flag: FlagSchema,
  /**
   * Set when the entry is listed under an article it cites only as part of something wider: the
   * whole law, the whole code (民法典 cited without a part, listed under every part), or a 编/章/节
   * holding the article.
   */
  covers: z.enum(['law', 'code', 'heading']).optional(),
});
export type CitingRecord = z.infer<typeof CitingRecordSchema>;

// ───────────── parts of a review ─────────────

/** Free text with the citations linked to it (findings, opinion). */
/**
 * `draftCitations`: the articles of the draft under review the text names (草案第八条, 本办法第三条 — session 26),
 * each anchored to the draft version it was read against; absent when it names none, and in records stored before.
 */
const draftCitations = z.array(DraftArticleCitationSchema.strict()).max(L.citations).optional();
export const CitedTextSchema = z.object({ text: text(L.text).default(''), citations: z.array(CitationSchema).default([]), draftCitations });
export const CitedTextInputSchema = z.strictObject({ text: text(L.text).default(''), citations: citationInputs.default([]), draftCitations });

export const MaterialCheckSchema = z.strictObject({
  name: nonEmpty(L.materialName),
  provided: z.boolean().default(false),
  note: text(L.line).optional(),
});

export const ProcedureCheckSchema = z.strictObject({
  check: z.enum(PROCEDURE_CHECKS),
  /** 是否适用: not every decision needs 风险评估 or 公平竞争审查. */
  applicable: z.boolean().default(true),
  done: z.boolean().default(false),
  date: isoDate.optional(), // held / started
  endDate: isoDate.optional(), // e.g. end of 公开征求意见 (≥ 30 days, 第十五条)
  notes: text(L.shortNotes).optional(),
});
export type ProcedureCheck = z.infer<typeof ProcedureCheckSchema>;

const opinionFields = {
  adviser: text(L.person).optional(), // name of the 法律顾问 / 公职律师
  adviserRole: z.enum(ADVISER_ROLES).optional(),
};

// ───────────── record inputs (a form, the CLI, a spreadsheet row, a bundle) ─────────────

/** The fields of a review as sent: every one optional here; core's schema adds the defaults. */
export const reviewInputFields = {
  type: z.enum(REVIEW_TYPES),
  title: nonEmpty(L.title, '请填写标题'),
  refNo: text(L.refNo).optional(), // 文号 / 编号
  leadUnit: nonEmpty(L.unit, '请填写承办单位'), // 承办单位
  receivedDate: isoDate,
  /** Read as the unit's deadline when it is not the computed 最早届满 (older clients, spreadsheets). */
  dueDate: isoDate.optional(),
  /** 单位确定的审查期限: the deadline the unit set; only it makes a review 逾期. */
  unitDeadline: isoDate.optional(),
  completedDate: isoDate.optional(), // date the opinion was issued
  materials: z.array(MaterialCheckSchema).max(L.materials).optional(),
  procedures: z.array(ProcedureCheckSchema).max(L.procedures).optional(),
  findings: z
    .strictObject({ authority: CitedTextInputSchema.optional(), procedure: CitedTextInputSchema.optional(), content: CitedTextInputSchema.optional() })
    .optional(),
  opinion: CitedTextInputSchema.extend(opinionFields).optional(),
  conclusion: z.enum(CONCLUSIONS).optional(),
  adopted: z.boolean().optional(), // 承办单位是否采纳
  adoptionNote: text(L.shortNotes).optional(),
  status: z.enum(REVIEW_STATUSES).optional(),
  /** Other articles relied on (法律依据), not tied to one finding. */
  citations: citationInputs.optional(),
  /** Only attachments already stored (to keep or drop them); new files are uploaded or, in the CLI, named by path. */
  attachments: z.array(AttachmentSchema.strict()).max(L.attachments).optional(),
  tags: tags.optional(),
  notes: text(L.notes).optional(),
};
export const ReviewFormSchema = z.strictObject(reviewInputFields);
export const ReviewPatchSchema = ReviewFormSchema.partial();

const SpeakerSchema = z.strictObject({ name: nonEmpty(L.person, '请填写主讲人姓名'), org: text(L.unit).optional() });
export const LectureMaterialSchema = z.strictObject({
  name: nonEmpty(L.materialName, '请填写材料名称'),
  kind: z.enum(MATERIAL_KINDS).default('其他'),
  copies: z.number().int().min(0).max(L.headCount).default(0), // copies handed out
  attachment: AttachmentSchema.strict().optional(),
});

export const lectureInputFields = {
  kind: z.enum(LECTURE_KINDS),
  date: isoDate,
  topic: nonEmpty(L.title, '请填写主题'),
  speaker: SpeakerSchema.optional(),
  location: text(L.unit).optional(),
  audience: text(L.unit).optional(),
  headCount: z.number().int().min(0).max(L.headCount).optional(),
  /** Laws covered as a whole (ids or titles in inputs, ids when stored), besides cited articles. */
  laws: z.array(nonEmpty(L.lawName)).max(L.laws).optional(),
  planItemId: text(L.recordId).optional(),
  notes: text(L.text).optional(),
  tags: tags.optional(),
  materials: z.array(LectureMaterialSchema).max(L.materials).optional(),
  citations: citationInputs.optional(),
};
export const LectureFormSchema = z.strictObject(lectureInputFields);
export const LecturePatchSchema = LectureFormSchema.partial();

export const PlanItemSchema = z.strictObject({
  id: text(L.recordId).optional(), // assigned on save: `${planId}.${n}`
  topic: nonEmpty(L.title, '请填写事项'), // law or topic
  laws: z.array(nonEmpty(L.lawName)).max(L.planLaws).default([]),
  responsibleUnit: text(L.unit).optional(),
  plannedMonth: z.number().int().min(1).max(12).optional(),
  notes: text(L.shortNotes).optional(),
});
export const planInputFields = {
  year,
  title: nonEmpty(L.title, '请填写计划名称'),
  unit: text(L.unit).optional(),
  items: z.array(PlanItemSchema).max(L.planItems).optional(),
  tags: tags.optional(),
};
export const PlanFormSchema = z.strictObject(planInputFields);
export const PlanPatchSchema = PlanFormSchema.partial();

/** What a note or collection item is about: a law, or one article of a version. */
export const TargetSchema = z.strictObject({
  lawId: nonEmpty(L.ref),
  versionId: text(L.ref).optional(),
  articleKey: text(L.articleKey).optional(),
});
export const noteInputFields = {
  date: isoDate.optional(),
  title: text(L.title).optional(),
  text: nonEmpty(L.text),
  target: TargetSchema.optional(),
  citations: citationInputs.optional(),
  tags: tags.optional(),
};
export const collectionInputFields = {
  name: nonEmpty(L.title),
  items: z.array(TargetSchema).max(L.collectionItems).optional(),
  tags: tags.optional(),
};

// ───────────── stored records (records.json, and what the API returns) ─────────────

const Meta = {
  id: nonEmpty(L.recordId),
  revision: z.number().int().positive(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
};

export const LegalityReviewSchema = z.object({
  ...Meta,
  type: z.enum(REVIEW_TYPES),
  title: nonEmpty(L.title),
  refNo: text(L.refNo).optional(),
  leadUnit: nonEmpty(L.unit),
  receivedDate: isoDate,
  /**
   * 最早届满: receipt + the type's minimum review time (review-time-limits.ts: 7 working days for a
   * 重大行政决策, 5 for a 规范性文件, none for a 合同), a minimum the unit must allow, not the adviser's deadline. A record saved before unitDeadline
   * existed may hold a date typed by hand here, read as the unit's deadline.
   */
  dueDate: isoDate,
  /** 单位确定的审查期限: the deadline the unit set; only it makes a review 逾期, on time or late. */
  unitDeadline: isoDate.optional(),
  completedDate: isoDate.optional(),
  materials: z.array(MaterialCheckSchema),
  procedures: z.array(ProcedureCheckSchema).default([]),
  findings: z.object({ authority: CitedTextSchema, procedure: CitedTextSchema, content: CitedTextSchema }),
  opinion: CitedTextSchema.extend(opinionFields),
  conclusion: z.enum(CONCLUSIONS).optional(),
  adopted: z.boolean().optional(),
  adoptionNote: text(L.shortNotes).optional(),
  status: z.enum(REVIEW_STATUSES).default('收件'),
  tags: tags.default([]),
  notes: text(L.notes).optional(),
  citations: z.array(CitationSchema),
  attachments: z.array(AttachmentSchema),
});
export type LegalityReview = z.infer<typeof LegalityReviewSchema>;

export const LectureSchema = z.object({
  ...Meta,
  kind: z.enum(LECTURE_KINDS),
  date: isoDate,
  topic: nonEmpty(L.title),
  speaker: SpeakerSchema.optional(),
  location: text(L.unit).optional(),
  audience: text(L.unit).optional(),
  headCount: z.number().int().min(0).default(0),
  laws: z.array(nonEmpty(L.lawName)).default([]),
  planItemId: text(L.recordId).optional(),
  notes: text(L.text).optional(),
  tags: tags.default([]),
  materials: z.array(LectureMaterialSchema.extend({ attachment: AttachmentSchema.optional() })),
  citations: z.array(CitationSchema),
});
export type Lecture = z.infer<typeof LectureSchema>;

export const StudyPlanSchema = z.object({
  ...Meta,
  year,
  title: nonEmpty(L.title),
  unit: text(L.unit).optional(),
  items: z.array(PlanItemSchema.extend({ id: nonEmpty(L.recordId) })),
  tags: tags.default([]),
});
export type StudyPlan = z.infer<typeof StudyPlanSchema>;

export const NoteSchema = z.object({
  ...Meta,
  date: isoDate,
  title: text(L.title).optional(),
  text: nonEmpty(L.text),
  target: TargetSchema.optional(),
  citations: z.array(CitationSchema),
  tags: tags.default([]),
});
export type Note = z.infer<typeof NoteSchema>;

export const CollectionSchema = z.object({
  ...Meta,
  name: nonEmpty(L.title),
  /** A named list of laws and articles (收藏 of whole laws live in favorites.json, not here). */
  items: z.array(TargetSchema),
  tags: tags.default([]),
});
export type Collection = z.infer<typeof CollectionSchema>;

/** One field-level change: `path` like "status" or "findings.content.text". */
export const FieldChangeSchema = z.object({ path: z.string(), from: z.unknown().optional(), to: z.unknown().optional() });
export const ChangeEntrySchema = z.object({
  seq: z.number().int().positive(),
  at: z.string(),
  by: z.string(),
  action: z.enum(['create', 'update', 'status', 'import']),
  note: z.string().optional(),
  changes: z.array(FieldChangeSchema),
});
export type FieldChange = z.infer<typeof FieldChangeSchema>;
export type ChangeEntry = z.infer<typeof ChangeEntrySchema>;

/** What a citing record is, in words (被引用, 受影响, the register's flags, `lawdesk cites`). */
export const CITING_KIND_LABELS: Record<CitingRecord['kind'], string> = { review: '合法性审查', lecture: '学法活动', note: '笔记', register: '规范性文件' };

/** How a wider citation covers the article it is listed under (被引用, `lawdesk cites`); '' for the article itself. */
export function coversNote(e: Pick<CitingRecord, 'covers' | 'label'>): string {
  return e.covers === 'code' ? '引用整部法典' : e.covers === 'law' ? '引用全文' : e.covers === 'heading' ? `引用${e.label}` : '';
}

/** Chinese names of fields (the one vocabulary, ./field-labels.ts). */
export { FIELD_LABELS } from './field-labels';
