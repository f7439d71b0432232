// The one API of LawDesk: every call the renderer can make, as "domain:verb" channels with zod
// schemas for input and output, plus the events it can subscribe to. Both faces (Electron IPC and
// the localhost HTTP server) register exactly these channels and validate both directions with
// these schemas. To extend (records, issue 6): add schemas and entries to `apiContract`; the
// preload, the server, the HTTP client and the tests pick them up from here.
// Invariant: inputs are strict objects (unknown keys rejected), strings and arrays are capped.

import { z } from 'zod';
import { LEVELS, STATUSES } from './law-model';
import { CoverSchema, PACK_TEMPLATES, PackInputSchema, PackItemSchema, PackSchema } from './pack-schema';

// Validation messages in Chinese: they are shown to the user as they are.
z.config(z.locales.zhCN());

// ---------------------------------------------------------------------------------------------
// Building blocks

const id = z.string().min(1).max(300);
const shortText = z.string().max(500);
const date = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, '日期应为 YYYY-MM-DD');
const level = z.enum(LEVELS);
const status = z.enum(STATUSES);
const count = z.number().int().nonnegative();

export const historyEventSchema = z.object({
  date: z.string(),
  text: z.string(),
  kind: z.enum(['通过', '公布', '修正', '修订', '施行', '其他']),
});

export const versionMetaSchema = z.object({
  id: z.string(),
  lawId: z.string(),
  title: z.string(),
  subtitle: z.string().optional(),
  published: z.string().optional(),
  effective: z.string().optional(),
  issuer: z.string().optional(),
  docNumber: z.string().optional(),
  level,
  region: z.string(),
  category: z.string().optional(),
  status,
  statusOverride: z.object({ status, basis: z.string() }).optional(),
  expired: z.boolean().optional(),
  history: z.array(historyEventSchema),
  sourceFile: z.string(),
  sourceFormat: z.string(),
  articleCount: count,
  unitCount: count,
  charCount: count,
  importedAt: z.string(),
});
export type VersionMetaDto = z.infer<typeof versionMetaSchema>;

export const articleSchema = z.object({
  key: z.string(),
  kind: z.enum(['article', 'section', 'preamble', 'appendix']),
  number: z.number(),
  suffix: z.number(),
  label: z.string(),
  path: z.array(z.string()),
  paragraphs: z.array(z.object({ text: z.string(), items: z.array(z.string()) })),
  text: z.string(),
});

export const lawSchema = z.object({
  id: z.string(),
  title: z.string(),
  shortTitle: z.string(),
  subtitle: z.string().optional(),
  level,
  region: z.string(),
  versionIds: z.array(z.string()),
});

/** How a law is named wherever one is listed: the library table, quick open. */
const lawNameFields = {
  lawId: z.string(),
  versionId: z.string(),
  title: z.string(),
  shortTitle: z.string(),
  subtitle: z.string().optional(),
  level,
  region: z.string(),
};

/** One row of the library table: a law, shown through its current version. */
export const lawRowSchema = z.object({
  ...lawNameFields,
  category: z.string().optional(),
  status,
  published: z.string().optional(),
  effective: z.string().optional(),
  issuer: z.string().optional(),
  versionCount: count,
  articleCount: count,
  favorite: z.boolean(),
});
export type LawRow = z.infer<typeof lawRowSchema>;

const facetCounts = z.record(z.string(), count);
/** Counts per value; 分类 (category) counts laws without one under 未分类. */
export const facetsSchema = z.object({ level: facetCounts, region: facetCounts, status: facetCounts, category: facetCounts });
export const lawFacetsSchema = facetsSchema;
export { UNCATEGORISED } from './law-model';

export const lawSortSchema = z.object({
  field: z.enum(['title', 'published', 'effective', 'level']),
  order: z.enum(['asc', 'desc']),
});
export type LawSort = z.infer<typeof lawSortSchema>;

export const searchHitSchema = z.object({
  lawId: z.string(),
  versionId: z.string(),
  title: z.string(),
  subtitle: z.string().optional(),
  versionDate: z.string(),
  level,
  region: z.string(),
  status,
  articleKey: z.string(),
  articleNumber: z.number(),
  articleSuffix: z.number(),
  articleLabel: z.string(),
  path: z.array(z.string()),
  snippet: z.string(),
  highlights: z.array(z.tuple([z.number(), z.number()])),
  titleMatch: z.boolean(),
  score: z.number(),
  /** 'law' for a title hit (see SearchHit in search-types.ts); the CLI prints it, so the API carries it. */
  kind: z.enum(['article', 'law']).optional(),
});

export const searchQuerySchema = z
  .object({
    q: z.string().max(500),
    limit: z.number().int().min(1).max(200).optional(),
    offset: z.number().int().min(0).max(100_000).optional(),
    levels: z.array(level).max(20).optional(),
    regions: z.array(shortText).max(200).optional(),
    statuses: z.array(status).max(10).optional(),
    categories: z.array(shortText).max(200).optional(),
    /** Only the laws the user marked 收藏 (the app maps this to the engine's lawIds). */
    favoritesOnly: z.boolean().optional(),
    lawId: id.optional(),
    versionId: id.optional(),
    publishedFrom: date.optional(),
    publishedTo: date.optional(),
    effectiveFrom: date.optional(),
    effectiveTo: date.optional(),
    inForceOnly: z.boolean().optional(),
    /** As of a date: only the version of each law in force that day. */
    asOf: date.optional(),
  })
  .strict();

export const indexStatsSchema = z.object({ segments: count, articles: count, versions: count, bytesOnDisk: count });

export const searchResultSchema = z.object({
  total: count,
  tookMs: z.number(),
  hits: z.array(searchHitSchema),
  facets: facetsSchema,
  jump: z
    .object({
      lawId: z.string(),
      versionId: z.string(),
      articleKey: z.string(),
      articleLabel: z.string(),
      title: z.string(),
      otherVersions: z.array(z.object({ versionId: z.string(), versionDate: z.string(), status })),
    })
    .optional(),
  didYouMean: z.array(z.string()).optional(),
});

export const quickOpenItemSchema = z.object({
  ...lawNameFields,
  articleKey: z.string().optional(),
  articleLabel: z.string().optional(),
  score: z.number(),
});

/** Caps for files uploaded by the browser face (and dropped files in Electron). */
export const UPLOAD_LIMITS = { maxFileBytes: 20 * 1024 * 1024, maxFiles: 200, maxTotalBytes: 60 * 1024 * 1024 } as const;
const base64Cap = Math.ceil(UPLOAD_LIMITS.maxFileBytes / 3) * 4;

export const uploadFileSchema = z
  .object({
    name: z
      .string()
      .min(1)
      .max(255)
      .refine((n) => !/[\\/\0]/.test(n) && n !== '.' && n !== '..', '文件名不能包含路径'),
    /** Bytes as base64; at most UPLOAD_LIMITS.maxFileBytes decoded. */
    dataBase64: z.string().max(base64Cap, `单个文件不能超过 ${UPLOAD_LIMITS.maxFileBytes / 1048576} MB`),
  })
  .strict();

export const importFileResultSchema = z.object({
  file: z.string(),
  status: z.enum(['imported', 'replaced', 'updated', 'skipped', 'failed']),
  versionId: z.string().optional(),
  title: z.string().optional(),
  articleCount: z.number().optional(),
  reason: z.string().optional(),
  preview: z.array(z.object({ label: z.string(), text: z.string() })).optional(),
});

export const importReportSchema = z.object({
  imported: count,
  replaced: count,
  /** Identical texts whose metadata a manifest corrected. */
  updated: count.default(0),
  skipped: count,
  failed: z.array(z.object({ file: z.string(), reason: z.string() })),
  warnings: z.array(z.object({ file: z.string(), message: z.string() })),
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
  dirs: z.array(z.object({ name: z.string(), path: z.string() })),
  /** Importable files directly in this folder (.md .txt .pdf .docx .html). */
  files: count,
  manifest: z.boolean(),
});
/** A running folder import: finished with its report, or still going. */
export const importTaskStateSchema = z.union([
  z.object({ done: z.literal(false), progress: z.object({ done: count, total: count, file: z.string() }) }),
  z.object({ done: z.literal(true), report: importReportSchema }),
]);

/** A preview is kept on the service side until committed or discarded (by stagingId). */
export const importPreviewSchema = z.object({ stagingId: z.string(), report: importReportSchema });

export const FONT_SIZES = { min: 12, max: 28, default: 16 } as const;

export const settingsSchema = z.object({
  /** The library folder; a change takes effect after a restart. '' = the default folder. */
  libraryDir: z.string().max(1000),
  fontSize: z.number().int().min(FONT_SIZES.min).max(FONT_SIZES.max),
  defaultFilters: z.object({
    inForceOnly: z.boolean(),
    levels: z.array(level).max(20),
    regions: z.array(shortText).max(200),
  }),
  favorites: z.array(id).max(10_000),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  libraryDir: '',
  fontSize: FONT_SIZES.default,
  defaultFilters: { inForceOnly: false, levels: [], regions: [] },
  favorites: [],
};

// ---------------------------------------------------------------------------------------------
// Versions (issue 7): diff, one article across versions, as-of, 时效性 with its basis

const diffRunSchema = z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() });
export const MAPPING_KINDS = ['same', 'renumbered', 'amended', 'split', 'merged', 'deleted', 'added'] as const;
const mappingKind = z.enum(MAPPING_KINDS);
const diffSideSchema = z.object({ key: z.string(), label: z.string(), text: z.string() });
export const versionDiffSchema = z.object({
  lawId: z.string(),
  from: z.object({ id: z.string(), date: z.string() }),
  to: z.object({ id: z.string(), date: z.string() }),
  summary: z.object({ same: count, renumbered: count, amended: count, split: count, merged: count, deleted: count, added: count }),
  summaryLine: z.string(),
  rows: z.array(
    z.object({
      kind: mappingKind,
      from: z.array(diffSideSchema),
      to: z.array(diffSideSchema),
      similarity: z.number(),
      cosmetic: z.boolean(),
      runs: z.array(diffRunSchema).optional(),
    }),
  ),
});
export type VersionDiffDto = z.infer<typeof versionDiffSchema>;

export const articleInVersionSchema = z.object({
  versionId: z.string(),
  date: z.string(),
  status,
  key: z.string().optional(),
  label: z.string().optional(),
  text: z.string().optional(),
  change: z.enum([...MAPPING_KINDS, 'first']),
  runs: z.array(diffRunSchema).optional(),
});

// ---------------------------------------------------------------------------------------------
// Records (issue 6). The enums repeat electron/core/records/record-types.ts (shared may not import
// core); test/node/app/app-service-records.test.ts checks that they agree.

export const REVIEW_TYPES = ['重大行政决策', '规范性文件', '合同', '重大执法决定', '其他'] as const;
export const REVIEW_STATUSES = ['收件', '审查中', '已出具意见', '已归档'] as const;
export const CONCLUSIONS = ['合法', '不合法', '修改后合法', '提示法律风险'] as const;
export const ADVISER_ROLES = ['法律顾问', '公职律师', '法制机构', '其他'] as const;
export const PROCEDURE_CHECKS = ['公众参与', '专家论证', '风险评估', '公平竞争审查', '集体讨论决定', '公布'] as const;
export const LECTURE_KINDS = ['法律大讲堂', '集体学法', '法律进企业', '法律进社区', '法律进乡村', '宪法日', '普法宣传', '其他'] as const;
export const MATERIAL_KINDS = ['课件', '讲义', '宣传册', '宣传单', '其他'] as const;
export const FLAG_COLORS = ['green', 'yellow', 'red'] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD');
const line = z.string().max(500);
const para = z.string().max(20_000);
const sha = z.string().regex(/^[0-9a-f]{64}$/);
const tags = z.array(z.string().trim().min(1).max(50)).max(50);
const year = z.number().int().min(1990).max(2200);

export const flagSchema = z.object({
  color: z.enum(FLAG_COLORS),
  reason: z.string(),
  currentVersionId: z.string().optional(),
  currentKey: z.string().optional(),
  currentLabel: z.string().optional(),
});
export type FlagDto = z.infer<typeof flagSchema>;

/** A stored, version-anchored citation (with the text it relied on). Strict: also an input. */
export const citationSchema = z
  .object({
    lawId: id,
    versionId: id,
    articleKey: z.string().min(1).max(50),
    label: z.string().min(1).max(50),
    citation: z.string().max(500),
    paragraph: z.number().int().positive().max(999).optional(),
    item: z.number().int().positive().max(999).optional(),
    textSnapshot: z.string().max(50_000),
    textHash: sha,
  })
  .strict();
export type CitationDto = z.infer<typeof citationSchema>;
/** A citation as the form sends a new one: law (id or title) + article (key or 第X条) + version (id or date). */
export const citationRefSchema = z
  .object({
    law: z.string().min(1).max(200),
    article: z.string().min(1).max(50),
    version: z.string().max(300).optional(),
    paragraph: z.number().int().positive().max(999).optional(),
    item: z.number().int().positive().max(999).optional(),
  })
  .strict();
const citationInput = z.union([citationSchema, citationRefSchema]);
const citationInputs = z.array(citationInput).max(300);

export const attachmentSchema = z.object({ sha256: sha, name: z.string().min(1).max(255), size: count, addedAt: z.string().max(40) }).strict();
const citedText = z.object({ text: z.string(), citations: z.array(citationSchema) });
const citedTextInput = z.object({ text: para.optional(), citations: citationInputs.optional() }).strict();
const materialCheck = z.object({ name: z.string().trim().min(1).max(200), provided: z.boolean(), note: line.optional() }).strict();
const procedureCheck = z
  .object({
    check: z.enum(PROCEDURE_CHECKS),
    applicable: z.boolean(),
    done: z.boolean(),
    date: isoDate.optional(),
    endDate: isoDate.optional(),
    notes: z.string().max(2000).optional(),
  })
  .strict();

const reviewFields = {
  type: z.enum(REVIEW_TYPES),
  title: z.string().trim().min(1, '请填写标题').max(300),
  refNo: z.string().max(100).optional(),
  leadUnit: z.string().trim().min(1, '请填写承办单位').max(200),
  receivedDate: isoDate,
  dueDate: isoDate.optional(),
  completedDate: isoDate.optional(),
  materials: z.array(materialCheck).max(50).optional(),
  procedures: z.array(procedureCheck).max(20).optional(),
  findings: z.object({ authority: citedTextInput.optional(), procedure: citedTextInput.optional(), content: citedTextInput.optional() }).strict().optional(),
  opinion: z
    .object({ text: para.optional(), citations: citationInputs.optional(), adviser: z.string().max(100).optional(), adviserRole: z.enum(ADVISER_ROLES).optional() })
    .strict()
    .optional(),
  conclusion: z.enum(CONCLUSIONS).optional(),
  adopted: z.boolean().optional(),
  adoptionNote: z.string().max(2000).optional(),
  status: z.enum(REVIEW_STATUSES).optional(),
  citations: citationInputs.optional(),
  /** Only attachments already stored (to keep or drop them); new files go through reviews:attach. */
  attachments: z.array(attachmentSchema).max(100).optional(),
  tags: tags.optional(),
  notes: z.string().max(5000).optional(),
};
export const reviewInputSchema = z.object(reviewFields).strict();
export const reviewPatchSchema = z.object(reviewFields).partial().strict();
export type ReviewInputDto = z.input<typeof reviewInputSchema>;

const recordMeta = { id: z.string(), revision: count, createdAt: z.string(), createdBy: z.string(), updatedAt: z.string(), updatedBy: z.string() };
export const reviewSchema = z.object({
  ...recordMeta,
  type: z.enum(REVIEW_TYPES),
  title: z.string(),
  refNo: z.string().optional(),
  leadUnit: z.string(),
  receivedDate: z.string(),
  dueDate: z.string(),
  completedDate: z.string().optional(),
  materials: z.array(z.object({ name: z.string(), provided: z.boolean(), note: z.string().optional() })),
  procedures: z.array(
    z.object({ check: z.enum(PROCEDURE_CHECKS), applicable: z.boolean(), done: z.boolean(), date: z.string().optional(), endDate: z.string().optional(), notes: z.string().optional() }),
  ),
  findings: z.object({ authority: citedText, procedure: citedText, content: citedText }),
  opinion: citedText.extend({ adviser: z.string().optional(), adviserRole: z.enum(ADVISER_ROLES).optional() }),
  conclusion: z.enum(CONCLUSIONS).optional(),
  adopted: z.boolean().optional(),
  adoptionNote: z.string().optional(),
  status: z.enum(REVIEW_STATUSES),
  tags: z.array(z.string()),
  notes: z.string().optional(),
  citations: z.array(citationSchema),
  attachments: z.array(attachmentSchema),
  overdue: z.boolean(),
  onTime: z.boolean().optional(),
  workingDaysLeft: z.number().int().optional(),
  /** The worst flag of its citations against the versions now in force (added by the app). */
  flag: z.enum(FLAG_COLORS).optional(),
});
export type ReviewDto = z.infer<typeof reviewSchema>;

const lectureMaterialInput = z
  .object({ name: z.string().trim().min(1).max(200), kind: z.enum(MATERIAL_KINDS).optional(), copies: z.number().int().min(0).max(1_000_000).optional(), attachment: attachmentSchema.optional() })
  .strict();
const lectureFields = {
  kind: z.enum(LECTURE_KINDS),
  date: isoDate,
  topic: z.string().trim().min(1, '请填写主题').max(300),
  speaker: z.object({ name: z.string().trim().min(1).max(100), org: z.string().max(200).optional() }).strict().optional(),
  location: z.string().max(200).optional(),
  audience: z.string().max(200).optional(),
  headCount: z.number().int().min(0).max(1_000_000).optional(),
  laws: z.array(z.string().min(1).max(200)).max(100).optional(),
  planItemId: z.string().max(60).optional(),
  notes: z.string().max(20_000).optional(),
  tags: tags.optional(),
  materials: z.array(lectureMaterialInput).max(50).optional(),
  citations: citationInputs.optional(),
};
export const lectureInputSchema = z.object(lectureFields).strict();
export const lecturePatchSchema = z.object(lectureFields).partial().strict();
export const lectureSchema = z.object({
  ...recordMeta,
  kind: z.enum(LECTURE_KINDS),
  date: z.string(),
  topic: z.string(),
  speaker: z.object({ name: z.string(), org: z.string().optional() }).optional(),
  location: z.string().optional(),
  audience: z.string().optional(),
  headCount: count,
  laws: z.array(z.string()),
  planItemId: z.string().optional(),
  notes: z.string().optional(),
  tags: z.array(z.string()),
  materials: z.array(z.object({ name: z.string(), kind: z.enum(MATERIAL_KINDS), copies: count, attachment: attachmentSchema.optional() })),
  citations: z.array(citationSchema),
});
export type LectureDto = z.infer<typeof lectureSchema>;

const planItemInput = z
  .object({
    id: z.string().max(60).optional(),
    topic: z.string().trim().min(1).max(300),
    laws: z.array(z.string().min(1).max(200)).max(50).optional(),
    responsibleUnit: z.string().max(200).optional(),
    plannedMonth: z.number().int().min(1).max(12).optional(),
    notes: z.string().max(2000).optional(),
  })
  .strict();
const planFields = { year, title: z.string().trim().min(1, '请填写计划名称').max(300), unit: z.string().max(200).optional(), items: z.array(planItemInput).max(200).optional(), tags: tags.optional() };
export const planInputSchema = z.object(planFields).strict();
export const planPatchSchema = z.object(planFields).partial().strict();
const planItemProgress = z.object({
  id: z.string(),
  topic: z.string(),
  plannedMonth: z.number().optional(),
  responsibleUnit: z.string().optional(),
  done: z.boolean(),
  sessions: z.array(z.string()),
  late: z.boolean(),
});
export const planSchema = z.object({
  ...recordMeta,
  year: z.number(),
  title: z.string(),
  unit: z.string().optional(),
  items: z.array(z.object({ id: z.string(), topic: z.string(), laws: z.array(z.string()), responsibleUnit: z.string().optional(), plannedMonth: z.number().optional(), notes: z.string().optional() })),
  tags: z.array(z.string()),
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
const writeOpts = { linkDetected: z.boolean().optional(), note: z.string().max(200).optional() };

export const changeEntrySchema = z.object({
  seq: count,
  at: z.string(),
  by: z.string(),
  action: z.enum(['create', 'update', 'status', 'import']),
  note: z.string().optional(),
  changes: z.array(z.object({ path: z.string(), from: z.unknown().optional(), to: z.unknown().optional() })),
});
export type ChangeEntryDto = z.infer<typeof changeEntrySchema>;

export const citingRecordSchema = z.object({
  kind: z.enum(['review', 'lecture', 'note']),
  id: z.string(),
  title: z.string(),
  date: z.string(),
  type: z.string().optional(),
  status: z.string().optional(),
  versionId: z.string(),
  articleKey: z.string(),
  label: z.string(),
  citation: z.string(),
  where: z.array(z.string()),
  flag: flagSchema,
});
export type CitingRecordDto = z.infer<typeof citingRecordSchema>;

export const annualStatsSchema = z.object({
  year: z.number(),
  reviews: z.object({
    total: count,
    byType: z.record(z.string(), count),
    byConclusion: z.record(z.string(), count),
    byStatus: z.record(z.string(), count),
    completed: count,
    onTime: count,
    late: count,
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
  }),
  lawsStudied: z.array(z.object({ lawId: z.string().optional(), title: z.string(), sessions: count, firstDate: z.string() })),
  plans: z.array(z.object({ id: z.string(), title: z.string(), items: count, done: count, completionRate: z.number().nullable(), progress: z.array(planItemProgress) })),
});
export type AnnualStatsDto = z.infer<typeof annualStatsSchema>;

// ---------------------------------------------------------------------------------------------
// Packs (issue 8). Items mirror electron/core/packs/pack-model.ts, strict and capped.

export { PACK_TEMPLATES } from './pack-schema';
export const EXPORT_FORMATS = ['docx', 'pdf', 'html'] as const;
/** The pack shapes are electron/shared/pack-schema.ts, the same ones the core store and the CLI use. */
export const packItemSchema = PackItemSchema;
/** What the app constructs and sends (defaults such as a search item's limit may be left out). */
export type PackItemDto = z.input<typeof packItemSchema>;
export const packBodySchema = PackInputSchema.omit({ id: true, createdAt: true, updatedAt: true }).extend({ cover: CoverSchema, asOf: isoDate });
export const packSchema = PackSchema;
export type PackDto = z.infer<typeof packSchema>;
export const packSummarySchema = z.object({ id: z.string(), title: z.string(), template: z.enum(PACK_TEMPLATES), asOf: z.string(), itemCount: count, updatedAt: z.string() });

/** A file the app made (an export, a bundle) or keeps (an attachment), ready to hand over. */
export const producedFileSchema = z.object({ fileId: z.string(), name: z.string(), bytes: count, folder: z.string().optional() });
const taskId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/).optional();

// ---------------------------------------------------------------------------------------------
// Bundles and backups (issue 9)

const bundlePreviewSchema = z.object({
  createdAt: z.string(),
  appVersion: z.string(),
  laws: z.array(z.object({ versionId: z.string(), title: z.string(), outcome: z.enum(['new', 'identical', 'newer', 'older']), detail: z.string().optional() })),
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
  warnings: z.array(z.string()),
  gbkNames: z.array(z.string()),
  summary: z.object({ laws: z.record(z.string(), count), records: z.record(z.string(), count) }),
});
export type BundlePreviewDto = z.infer<typeof bundlePreviewSchema>;
export const backupInfoSchema = z.object({ name: z.string(), at: z.string(), reason: z.string(), size: count });
const backupName = z.string().regex(/^records-\d{8}T\d{9}Z-[a-z0-9-]{1,40}\.json$/, '不是自动备份的文件名');
export const restorePreviewSchema = z.object({ name: z.string(), restored: z.array(z.string()), changed: z.array(z.string()), removed: z.array(z.string()), unchanged: count, missingAttachments: z.array(z.string()) });
/** Bundles may be larger than one imported law file. */
export const BUNDLE_UPLOAD_BYTES = 60 * 1024 * 1024;
const bundleUpload = z
  .object({
    name: z.string().min(1).max(255).refine((n) => !/[\\/\0]/.test(n) && n !== '.' && n !== '..', '文件名不能包含路径'),
    dataBase64: z.string().max(Math.ceil(BUNDLE_UPLOAD_BYTES / 3) * 4, `资料包不能超过 ${BUNDLE_UPLOAD_BYTES / 1048576} MB`),
  })
  .strict();

// ---------------------------------------------------------------------------------------------
// The calls

const empty = z.object({}).strict();

/**
 * `face`: which faces implement the call. 'electron' calls need the desktop (native dialogs,
 * shell); the browser face answers them with code UNSUPPORTED.
 */
interface CallSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  face?: 'electron' | 'all';
  /** Body cap in bytes for the HTTP face (default 64 KB). */
  maxBodyBytes?: number;
}
function call<I extends z.ZodType, O extends z.ZodType>(spec: CallSpec<I, O>): CallSpec<I, O> {
  return spec;
}

export const apiContract = {
  'library:info': call({
    input: empty,
    output: z.object({
      dir: z.string(),
      lawCount: count,
      versionCount: count,
      generation: count,
      search: z.object({ ready: z.boolean(), message: z.string().optional() }),
      face: z.enum(['electron', 'browser']),
      appVersion: z.string(),
    }),
  }),
  'laws:list': call({
    input: z
      .object({
        q: z.string().max(200).optional(),
        levels: z.array(level).max(20).optional(),
        regions: z.array(shortText).max(200).optional(),
        statuses: z.array(status).max(10).optional(),
        categories: z.array(shortText).max(100).optional(),
        favoritesOnly: z.boolean().optional(),
        /** As of a date: each law shown through the version in force that day (laws not yet in force left out). */
        asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD').optional(),
        sort: lawSortSchema.optional(),
        offset: z.number().int().min(0).optional(),
        limit: z.number().int().min(1).max(50_000).optional(),
      })
      .strict(),
    output: z.object({ total: count, rows: z.array(lawRowSchema), facets: lawFacetsSchema, favorites: count }),
  }),
  'law:get': call({
    input: z.object({ lawId: id }).strict(),
    output: z.object({ law: lawSchema, versions: z.array(versionMetaSchema) }),
  }),
  'version:get': call({
    input: z.object({ versionId: id }).strict(),
    output: z.object({ meta: versionMetaSchema, law: lawSchema, versions: z.array(versionMetaSchema), units: z.array(articleSchema) }),
  }),
  'law:setFavorite': call({
    input: z.object({ lawId: id, favorite: z.boolean() }).strict(),
    output: z.object({ favorites: z.array(z.string()) }),
  }),
  'search:query': call({ input: searchQuerySchema, output: searchResultSchema }),
  /** The full-text index: segments, articles and versions indexed, bytes on disk. */
  'search:indexStats': call({ input: empty, output: indexStatsSchema }),
  /** Rebuilds the index from the library (time-sliced, with index:progress); the new stats. */
  'search:reindex': call({ input: empty, output: indexStatsSchema }),
  'search:quickOpen': call({
    input: z.object({ text: z.string().max(200), limit: z.number().int().min(1).max(50).optional() }).strict(),
    output: z.array(quickOpenItemSchema),
  }),
  'import:preview': call({
    input: z.object({ files: z.array(uploadFileSchema).min(1).max(UPLOAD_LIMITS.maxFiles) }).strict(),
    output: importPreviewSchema,
    maxBodyBytes: Math.ceil(UPLOAD_LIMITS.maxTotalBytes / 3) * 4 + 64 * 1024,
  }),
  /** Electron only: the native open dialog, then a preview of the chosen files or folder. */
  'import:pickAndPreview': call({
    input: z.object({ kind: z.enum(['files', 'folder']) }).strict(),
    output: z.union([importPreviewSchema, z.object({ canceled: z.literal(true) })]),
    face: 'electron',
  }),
  'import:commit': call({ input: z.object({ stagingId: id }).strict(), output: importReportSchema }),
  'import:discard': call({ input: z.object({ stagingId: id }).strict(), output: z.object({ ok: z.boolean() }) }),
  /** The folders under `path` (or the roots: the user's home and drives), for choosing a folder to import. */
  'import:browse': call({ input: z.object({ path: folderPath.optional() }).strict(), output: folderListingSchema }),
  /**
   * Starts importing a folder (recursive, manifest.jsonl read) by its path on this machine; progress
   * comes as import:progress with stagingId = taskId; the result with import:task.
   */
  'import:folder': call({ input: z.object({ path: folderPath, dryRun: z.boolean().optional() }).strict(), output: z.object({ taskId: id }) }),
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
  'settings:get': call({ input: empty, output: settingsSchema }),
  'settings:set': call({ input: settingsSchema.partial().strict(), output: settingsSchema }),
  /** Electron only: opens an https:// link in the system browser. */
  'shell:openExternal': call({
    input: z.object({ url: z.string().url().max(2000).startsWith('https://') }).strict(),
    output: z.object({ ok: z.boolean() }),
    face: 'electron',
  }),
  // --- versions (issue 7) ---
  'versions:diff': call({
    input: z.object({ fromId: id, toId: id, changedOnly: z.boolean().optional() }).strict(),
    output: versionDiffSchema,
  }),
  'versions:article': call({
    input: z.object({ versionId: id, articleKey: z.string().min(1).max(50) }).strict(),
    output: z.array(articleInVersionSchema),
  }),
  'versions:asOf': call({
    input: z.object({ lawId: id, date: isoDate }).strict(),
    output: z.object({ versionId: z.string().optional() }),
  }),
  /** 时效性 set by hand with its basis (statusOverride), or null to go back to the derived one. */
  'version:setStatus': call({
    input: z
      .object({ versionId: id, statusOverride: z.object({ status, basis: z.string().trim().min(1, '请写明依据').max(500) }).strict().nullable() })
      .strict(),
    output: versionMetaSchema,
  }),
  // --- records (issue 6) ---
  'reviews:list': call({
    input: z
      .object({ year: year.optional(), type: z.enum(REVIEW_TYPES).optional(), status: z.enum(REVIEW_STATUSES).optional(), overdue: z.boolean().optional(), q: z.string().max(200).optional() })
      .strict(),
    output: z.array(reviewSchema),
  }),
  'reviews:get': call({
    input: z.object({ id: z.string().min(1).max(60) }).strict(),
    output: z.object({ review: reviewSchema, citations: z.array(z.object({ where: z.string(), citation: citationSchema, flag: flagSchema })) }),
  }),
  'reviews:create': call({ input: z.object({ input: reviewInputSchema, ...writeOpts }).strict(), output: saveResult(reviewSchema) }),
  'reviews:update': call({
    input: z.object({ id: z.string().min(1).max(60), patch: reviewPatchSchema, expectedRevision: count.optional(), ...writeOpts }).strict(),
    output: saveResult(reviewSchema),
  }),
  /** Adds an uploaded file (the opinion DOCX/PDF, a draft) to a review; kept by its hash. */
  'reviews:attach': call({
    input: z.object({ id: z.string().min(1).max(60), file: uploadFileSchema }).strict(),
    output: saveResult(reviewSchema),
    maxBodyBytes: base64Cap + 64 * 1024,
  }),
  'records:attachment': call({
    input: z.object({ recordId: z.string().min(1).max(60), sha256: sha }).strict(),
    output: producedFileSchema,
  }),
  'records:history': call({ input: z.object({ id: z.string().min(1).max(60) }).strict(), output: z.array(changeEntrySchema) }),
  'records:detect': call({
    input: z.object({ text: z.string().max(50_000), date: isoDate, nearLawId: id.optional() }).strict(),
    output: detectionSchema,
  }),
  'records:dueDate': call({ input: z.object({ receivedDate: isoDate }).strict(), output: z.object({ dueDate: z.string() }) }),
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
  'lectures:list': call({
    input: z.object({ year: year.optional(), kind: z.enum(LECTURE_KINDS).optional(), q: z.string().max(200).optional() }).strict(),
    output: z.array(lectureSchema),
  }),
  'lectures:get': call({ input: z.object({ id: z.string().min(1).max(60) }).strict(), output: lectureSchema }),
  'lectures:create': call({ input: z.object({ input: lectureInputSchema, ...writeOpts }).strict(), output: saveResult(lectureSchema) }),
  'lectures:update': call({
    input: z.object({ id: z.string().min(1).max(60), patch: lecturePatchSchema, expectedRevision: count.optional(), ...writeOpts }).strict(),
    output: saveResult(lectureSchema),
  }),
  'plans:list': call({ input: z.object({ year: year.optional() }).strict(), output: z.array(planSchema) }),
  'plans:create': call({ input: z.object({ input: planInputSchema }).strict(), output: saveResult(planSchema) }),
  'plans:update': call({
    input: z.object({ id: z.string().min(1).max(60), patch: planPatchSchema, expectedRevision: count.optional() }).strict(),
    output: saveResult(planSchema),
  }),
  // --- packs (issue 8) ---
  'packs:list': call({ input: empty, output: z.array(packSummarySchema) }),
  'packs:get': call({ input: z.object({ id: z.string().min(1).max(64) }).strict(), output: packSchema }),
  'packs:create': call({
    input: z.object({ title: z.string().trim().min(1, '请填写标题').max(300), template: z.enum(PACK_TEMPLATES), unit: z.string().max(200).optional() }).strict(),
    output: packSchema,
  }),
  'packs:save': call({ input: z.object({ id: z.string().min(1).max(64), pack: packBodySchema }).strict(), output: packSchema }),
  'packs:remove': call({ input: z.object({ id: z.string().min(1).max(64) }).strict(), output: z.object({ ok: z.boolean() }) }),
  /** Appends items (加入简报 from the reader or a record) to a pack. */
  'packs:addItems': call({
    input: z.object({ id: z.string().min(1).max(64), items: z.array(packItemSchema).min(1).max(500) }).strict(),
    output: packSchema,
  }),
  'packs:reorder': call({
    input: z.object({ id: z.string().min(1).max(64), itemIds: z.array(z.string().min(1).max(80)).max(2000) }).strict(),
    output: packSchema,
  }),
  /** Exports to DOCX/PDF/HTML (progress: task:progress with taskId); the file is then fetched with files:get. */
  'packs:export': call({
    input: z.object({ id: z.string().min(1).max(64), format: z.enum(EXPORT_FORMATS), taskId }).strict(),
    output: producedFileSchema.extend({ warnings: z.array(z.string()), pages: count.optional(), articleCount: count }),
  }),
  /** A produced file's bytes, for the browser face to download. */
  'files:get': call({
    input: z.object({ fileId: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/) }).strict(),
    output: z.object({ name: z.string(), mime: z.string(), dataBase64: z.string() }),
  }),
  /** Electron only: shows a produced file in the system file manager. */
  'shell:showFile': call({
    input: z.object({ fileId: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/) }).strict(),
    output: z.object({ ok: z.boolean() }),
    face: 'electron',
  }),
  // --- bundles and backups (issue 9) ---
  'bundles:export': call({
    input: z.object({ laws: z.array(id).max(50_000).optional(), records: z.boolean(), taskId }).strict(),
    output: producedFileSchema.extend({ versions: count, records: count, attachments: count }),
  }),
  'bundles:preview': call({
    input: z.object({ file: bundleUpload, taskId }).strict(),
    output: z.object({ stagingId: z.string(), name: z.string(), preview: bundlePreviewSchema }),
    maxBodyBytes: Math.ceil(BUNDLE_UPLOAD_BYTES / 3) * 4 + 64 * 1024,
  }),
  /** Electron only: the native open dialog, then a preview of the chosen bundle. */
  'bundles:pickAndPreview': call({
    input: empty,
    output: z.union([z.object({ stagingId: z.string(), name: z.string(), preview: bundlePreviewSchema }), z.object({ canceled: z.literal(true) })]),
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

export type ApiContract = typeof apiContract;
export type Channel = keyof ApiContract;
export type ApiInput<C extends Channel> = z.input<ApiContract[C]['input']>;
export type ApiOutput<C extends Channel> = z.output<ApiContract[C]['output']>;
export const CHANNELS = Object.keys(apiContract) as Channel[];

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(apiContract, name);
}

/** Whether a face implements a channel. */
export function channelInFace(channel: Channel, face: 'electron' | 'browser'): boolean {
  const f = (apiContract[channel] as CallSpec<z.ZodType, z.ZodType>).face ?? 'all';
  return f === 'all' || f === face;
}

export function maxBodyBytes(channel: Channel): number {
  return (apiContract[channel] as CallSpec<z.ZodType, z.ZodType>).maxBodyBytes ?? 64 * 1024;
}

// ---------------------------------------------------------------------------------------------
// Events (main/server -> renderer)

export const APP_COMMANDS = ['library', 'search', 'import', 'reviews', 'lectures', 'packs', 'settings', 'quickOpen', 'importFiles', 'importFolder', 'fontBigger', 'fontSmaller'] as const;
export type AppCommand = (typeof APP_COMMANDS)[number];

export const apiEvents = {
  'import:progress': z.object({
    stagingId: z.string(),
    phase: z.enum(['preview', 'commit']),
    done: count,
    total: count,
    file: z.string(),
  }),
  'index:progress': z.object({ phase: z.enum(['opening', 'indexing', 'ready', 'failed']), done: count, total: count, message: z.string().optional() }),
  /** Progress of a long task started with a taskId (pack export, bundle export/import). */
  'task:progress': z.object({ taskId: z.string(), phase: z.string(), done: count, total: count, label: z.string().optional() }),
  'library:changed': z.object({ added: z.array(z.string()), removed: z.array(z.string()), generation: count }),
  /** Desktop menu commands (Electron only). */
  'app:command': z.object({ command: z.enum(APP_COMMANDS) }),
} as const;
export type EventName = keyof typeof apiEvents;
export type EventPayload<E extends EventName> = z.output<(typeof apiEvents)[E]>;
export const EVENT_NAMES = Object.keys(apiEvents) as EventName[];

// ---------------------------------------------------------------------------------------------
// Errors and the envelope both transports carry

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

export type ParsedInput<C extends Channel> = z.output<ApiContract[C]['input']>;

export function parseInput<C extends Channel>(channel: C, raw: unknown): ParsedInput<C> {
  const r = apiContract[channel].input.safeParse(raw ?? {});
  if (!r.success) throw new ApiError('VALIDATION', describeZodError(r.error));
  return r.data as ParsedInput<C>;
}

export function parseOutput<C extends Channel>(channel: C, value: unknown): ApiOutput<C> {
  const r = apiContract[channel].output.safeParse(value);
  if (!r.success) throw new ApiError('INTERNAL', describeZodError(r.error, `${channel} 的返回值`));
  return r.data as ApiOutput<C>;
}

/** Turns anything thrown into the {code, message} both transports send. */
export function toApiError(e: unknown): ApiErrorData {
  if (e instanceof ApiError) return e.toJSON();
  const err = e as { code?: unknown; message?: unknown; name?: unknown };
  if (err && typeof err.code === 'string' && (ERROR_CODES as readonly string[]).includes(err.code)) {
    return { code: err.code as ErrorCode, message: String(err.message ?? err.code) };
  }
  return { code: 'INTERNAL', message: `内部错误：${String(err?.message ?? e)}` };
}

// ---------------------------------------------------------------------------------------------
// The typed client interface: the renderer sees `call(channel, input)` through api/ and the
// preload exposes one named function per channel (camelCase of the channel).

export type ApiMethods = { [C in Channel]: (input: ApiInput<C>) => Promise<ApiOutput<C>> };

export { methodName } from './api-channels';
