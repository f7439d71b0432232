// The records of the legal office — 合法性审查 (LegalityReview), 学法/普法活动 (Lecture), 年度普法计划
// (StudyPlan), notes and collections — as zod schemas: the single source of the JSON shapes that the
// store keeps, the CLI reads and writes, and the app API will carry. Inputs are separate from stored
// records: an input may cite loosely ({law, article}); a stored record always holds resolved,
// version-anchored citations with their text snapshot.

import { z } from 'zod';

export const REVIEW_TYPES = ['重大行政决策', '规范性文件', '合同', '重大执法决定', '其他'] as const;
export const REVIEW_STATUSES = ['收件', '审查中', '已出具意见', '已归档'] as const;
export const CONCLUSIONS = ['合法', '不合法', '修改后合法', '提示法律风险'] as const;
export const ADVISER_ROLES = ['法律顾问', '公职律师', '法制机构', '其他'] as const;
export const PROCEDURE_CHECKS = ['公众参与', '专家论证', '风险评估', '公平竞争审查', '集体讨论决定', '公布'] as const;
export const LECTURE_KINDS = ['法律大讲堂', '集体学法', '法律进企业', '法律进社区', '法律进乡村', '宪法日', '普法宣传', '其他'] as const;
/** Kinds counted as 普法 outreach events in the annual statistics (the rest are lectures / study); 普法宣传 = other campaigns (全国科普日 …). */
export const OUTREACH_KINDS: readonly string[] = ['法律进企业', '法律进社区', '法律进乡村', '宪法日', '普法宣传'];
export const MATERIAL_KINDS = ['课件', '讲义', '宣传册', '宣传单', '其他'] as const;

/** 第二十六条: what is submitted with a request for review; the default checklist of a new review. */
export const DEFAULT_MATERIALS = ['决策草案', '起草说明', '法律法规规章等依据', '履行决策法定程序的说明'] as const;

export type ReviewType = (typeof REVIEW_TYPES)[number];
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export type Conclusion = (typeof CONCLUSIONS)[number];
export type LectureKind = (typeof LECTURE_KINDS)[number];

const date = z.iso.date();
const text = z.string().trim();
const nonEmpty = z.string().trim().min(1);

/** A version-anchored link to one article, with what it said when it was relied on. */
export const CitationSchema = z.object({
  lawId: nonEmpty,
  versionId: nonEmpty,
  articleKey: nonEmpty,
  label: nonEmpty, // 第十二条之一
  /** 《中华人民共和国统计法》（2009年修订）第七条 — for display and packs. */
  citation: z.string().default(''),
  paragraph: z.number().int().positive().optional(), // 款
  item: z.number().int().positive().optional(), // 项
  textSnapshot: z.string(),
  /** sha256 of textSnapshot: lets flags tell "same text" without reading the old body. */
  textHash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type Citation = z.infer<typeof CitationSchema>;

/** A citation as a person writes it: resolved on save against the version in force on the record's date. */
export const CitationRefSchema = z.object({
  law: nonEmpty, // id, full or short title
  article: nonEmpty, // 第七条 | 7 | 12之一
  /** Pin a version by date (YYYY or YYYY-MM-DD); default: in force on the record's date. */
  version: z.string().optional(),
  paragraph: z.number().int().positive().optional(),
  item: z.number().int().positive().optional(),
});
export type CitationRef = z.infer<typeof CitationRefSchema>;
export const CitationInputSchema = z.union([CitationSchema, CitationRefSchema]);
export type CitationInput = z.infer<typeof CitationInputSchema>;

export const AttachmentSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  name: nonEmpty,
  size: z.number().int().nonnegative(),
  addedAt: z.string(),
});
export type Attachment = z.infer<typeof AttachmentSchema>;

/** An attachment in an input: a file to copy into the library, or one already stored. */
export const AttachmentInputSchema = z.union([AttachmentSchema, z.object({ path: nonEmpty, name: z.string().optional() })]);

/** Free text with the citations linked to it (findings, opinion). */
export const CitedTextSchema = z.object({
  text: text.default(''),
  citations: z.array(CitationSchema).default([]),
});
const CitedTextInputSchema = z.object({
  text: text.default(''),
  citations: z.array(CitationInputSchema).default([]),
});

export const MaterialCheckSchema = z.object({
  name: nonEmpty,
  provided: z.boolean().default(false),
  note: z.string().optional(),
});

export const ProcedureCheckSchema = z.object({
  check: z.enum(PROCEDURE_CHECKS),
  /** 是否适用: not every decision needs 风险评估 or 公平竞争审查. */
  applicable: z.boolean().default(true),
  done: z.boolean().default(false),
  date: date.optional(), // held / started
  endDate: date.optional(), // e.g. end of 公开征求意见 (≥ 30 days, 第十五条)
  notes: z.string().optional(),
});
export type ProcedureCheck = z.infer<typeof ProcedureCheckSchema>;

const OpinionFields = {
  adviser: z.string().optional(), // name of the 法律顾问 / 公职律师
  adviserRole: z.enum(ADVISER_ROLES).optional(),
};

const ReviewCommon = {
  type: z.enum(REVIEW_TYPES),
  title: nonEmpty,
  refNo: z.string().optional(), // 文号 / 编号
  leadUnit: nonEmpty, // 承办单位
  receivedDate: date,
  dueDate: date.optional(),
  completedDate: date.optional(), // date the opinion was issued
  materials: z.array(MaterialCheckSchema).optional(),
  procedures: z.array(ProcedureCheckSchema).default([]),
  conclusion: z.enum(CONCLUSIONS).optional(),
  adopted: z.boolean().optional(), // 承办单位是否采纳
  adoptionNote: z.string().optional(),
  status: z.enum(REVIEW_STATUSES).default('收件'),
  tags: z.array(nonEmpty).default([]),
  notes: z.string().optional(),
};

const Meta = {
  id: nonEmpty,
  revision: z.number().int().positive(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
};

export const LegalityReviewSchema = z.object({
  ...Meta,
  ...ReviewCommon,
  dueDate: date,
  materials: z.array(MaterialCheckSchema),
  findings: z.object({ authority: CitedTextSchema, procedure: CitedTextSchema, content: CitedTextSchema }),
  opinion: CitedTextSchema.extend(OpinionFields),
  /** Other articles relied on (法律依据), not tied to one finding. */
  citations: z.array(CitationSchema),
  attachments: z.array(AttachmentSchema),
});
export type LegalityReview = z.infer<typeof LegalityReviewSchema>;

export const ReviewInputSchema = z.object({
  ...ReviewCommon,
  findings: z
    .object({
      authority: CitedTextInputSchema.optional(),
      procedure: CitedTextInputSchema.optional(),
      content: CitedTextInputSchema.optional(),
    })
    .default({}),
  opinion: CitedTextInputSchema.extend(OpinionFields).optional(),
  citations: z.array(CitationInputSchema).default([]),
  attachments: z.array(AttachmentInputSchema).default([]),
});
export type ReviewInput = z.input<typeof ReviewInputSchema>;

const SpeakerSchema = z.object({ name: nonEmpty, org: z.string().optional() });
export const LectureMaterialSchema = z.object({
  name: nonEmpty,
  kind: z.enum(MATERIAL_KINDS).default('其他'),
  copies: z.number().int().nonnegative().default(0), // copies handed out
  attachment: AttachmentSchema.optional(),
});
const LectureMaterialInputSchema = LectureMaterialSchema.extend({ attachment: AttachmentInputSchema.optional() });

const LectureCommon = {
  kind: z.enum(LECTURE_KINDS),
  date,
  topic: nonEmpty,
  speaker: SpeakerSchema.optional(),
  location: z.string().optional(),
  audience: z.string().optional(),
  headCount: z.number().int().nonnegative().default(0),
  /** Laws covered as a whole (ids or titles in inputs, ids when stored), besides cited articles. */
  laws: z.array(nonEmpty).default([]),
  planItemId: z.string().optional(),
  notes: z.string().optional(),
  tags: z.array(nonEmpty).default([]),
};

export const LectureSchema = z.object({
  ...Meta,
  ...LectureCommon,
  materials: z.array(LectureMaterialSchema),
  citations: z.array(CitationSchema),
});
export type Lecture = z.infer<typeof LectureSchema>;

export const LectureInputSchema = z.object({
  ...LectureCommon,
  materials: z.array(LectureMaterialInputSchema).default([]),
  citations: z.array(CitationInputSchema).default([]),
});
export type LectureInput = z.input<typeof LectureInputSchema>;

export const PlanItemSchema = z.object({
  id: z.string().optional(), // assigned on save: `${planId}.${n}`
  topic: nonEmpty, // law or topic
  laws: z.array(nonEmpty).default([]),
  responsibleUnit: z.string().optional(),
  plannedMonth: z.number().int().min(1).max(12).optional(),
  notes: z.string().optional(),
});
export const StudyPlanSchema = z.object({
  ...Meta,
  year: z.number().int().min(1990).max(2200),
  title: nonEmpty,
  unit: z.string().optional(),
  items: z.array(PlanItemSchema.extend({ id: nonEmpty })),
  tags: z.array(nonEmpty).default([]),
});
export type StudyPlan = z.infer<typeof StudyPlanSchema>;
export const StudyPlanInputSchema = z.object({
  year: z.number().int().min(1990).max(2200),
  title: nonEmpty,
  unit: z.string().optional(),
  items: z.array(PlanItemSchema).default([]),
  tags: z.array(nonEmpty).default([]),
});
export type StudyPlanInput = z.input<typeof StudyPlanInputSchema>;

/** What a note or collection item is about: a law, or one article of a version. */
export const TargetSchema = z.object({
  lawId: nonEmpty,
  versionId: z.string().optional(),
  articleKey: z.string().optional(),
});
export const NoteSchema = z.object({
  ...Meta,
  date,
  title: z.string().optional(),
  text: nonEmpty,
  target: TargetSchema.optional(),
  citations: z.array(CitationSchema),
  tags: z.array(nonEmpty).default([]),
});
export type Note = z.infer<typeof NoteSchema>;
export const NoteInputSchema = z.object({
  date: date.optional(),
  title: z.string().optional(),
  text: nonEmpty,
  target: TargetSchema.optional(),
  citations: z.array(CitationInputSchema).default([]),
  tags: z.array(nonEmpty).default([]),
});
export type NoteInput = z.input<typeof NoteInputSchema>;

export const CollectionSchema = z.object({
  ...Meta,
  name: nonEmpty,
  /** The built-in 收藏 collection has id "favorites". */
  items: z.array(TargetSchema),
  tags: z.array(nonEmpty).default([]),
});
export type Collection = z.infer<typeof CollectionSchema>;
export const CollectionInputSchema = z.object({
  name: nonEmpty,
  items: z.array(TargetSchema).default([]),
  tags: z.array(nonEmpty).default([]),
});

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

/** Chinese names of fields, for validation messages and the change log. */
export const FIELD_LABELS: Record<string, string> = {
  type: '类型',
  title: '标题',
  refNo: '文号',
  leadUnit: '承办单位',
  receivedDate: '收件日期',
  dueDate: '审查期限',
  completedDate: '出具意见日期',
  materials: '送审材料',
  procedures: '程序审查',
  findings: '审查意见要点',
  authority: '权限',
  procedure: '程序',
  content: '内容',
  opinion: '审查意见',
  adviser: '法律顾问',
  adviserRole: '审查人身份',
  conclusion: '审查结论',
  adopted: '是否采纳',
  adoptionNote: '采纳情况说明',
  status: '状态',
  tags: '标签',
  notes: '备注',
  citations: '引用条文',
  attachments: '附件',
  kind: '活动类型',
  date: '日期',
  topic: '主题',
  speaker: '主讲人',
  name: '名称',
  org: '单位',
  location: '地点',
  audience: '对象',
  headCount: '参加人数',
  laws: '学习的法律',
  planItemId: '计划事项',
  copies: '发放份数',
  year: '年度',
  unit: '单位',
  items: '事项',
  responsibleUnit: '责任单位',
  plannedMonth: '计划月份',
  text: '正文',
  law: '法规',
  article: '条文',
  check: '程序',
  provided: '已提供',
  applicable: '适用',
  done: '已履行',
  endDate: '截止日期',
  target: '对象',
};
