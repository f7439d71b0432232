// The 审查工作台 shapes every face shares: a 送审稿 under review (its versions), the pre-check's
// findings with their legal basis, the 公平竞争审查 checklist, the 上位法 panel and the adviser's
// decisions. One definition (zod) for the core, the CLI's --json, the API and the UI.
// Pure: no node:, DOM or electron.

import { z } from 'zod';
import { articleSchema } from './api/library';
import { articlePartShape } from './article-part';
import { TEXT_SOURCES } from './law-model';
import { ocrDoubtfulPageSchema, ocrPagesDoubtMessage } from './ocr-page-doubt';
import { ocrTurnedPageSchema } from './ocr-page-turn';

export const SEVERITIES = ['必须修改', '需核实', '提示'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** 重大行政决策程序暂行条例 第二十七条: what a legality review looks at. */
export const FINDING_CATEGORIES = ['权限', '程序', '内容'] as const;
export type FindingCategory = (typeof FINDING_CATEGORIES)[number];

export const FINDING_SOURCES = ['citation', 'rule', 'fair-competition', 'procedure'] as const;

export const DRAFT_KINDS = ['规范性文件', '重大行政决策', '合同'] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];

/** An article of a law version the finding rests on; lawId etc. absent when the law is not in the library. */
export const BasisSchema = z.object({
  lawId: z.string().optional(),
  versionId: z.string().optional(),
  articleKey: z.string().optional(),
  /**
   * The 款 / 项 the finding rests on (立法法第九十三条第六款): the 意见书 quotes that part only. Absent
   * in findings stored before it was kept, whose citation still names the part: they quote the article.
   */
  ...articlePartShape,
  /** 《中华人民共和国行政许可法》（2019年修正）第十七条, or the document's name as the rule gives it. */
  citation: z.string(),
  /** The article's text in that version (absent when not in the library). */
  text: z.string().optional(),
  /** Why the basis could not be linked (not in the library, article number to be checked). */
  note: z.string().optional(),
});
export type Basis = z.infer<typeof BasisSchema>;

export const FindingSchema = z.object({
  /** Stable across runs of the same draft text: rule + article + sentence text hash. */
  id: z.string(),
  rule: z.string(),
  ruleName: z.string(),
  source: z.enum(FINDING_SOURCES),
  severity: z.enum(SEVERITIES),
  category: z.enum(FINDING_CATEGORIES),
  /** The draft's article (unit key and label); null for findings about the whole document. */
  article: z.object({ key: z.string(), label: z.string() }).nullable(),
  /** 0-based sentence of the article, and the offsets of the excerpt in the article text. */
  sentence: z.number().int().nonnegative().optional(),
  start: z.number().int().nonnegative().optional(),
  end: z.number().int().nonnegative().optional(),
  excerpt: z.string(),
  /**
   * The article's other sentences the same rule finds for the same reason (罚款 in one sentence, 吊销 in the
   * next): one problem of one article is one finding, the first sentence its id, excerpt and offsets.
   * Absent with one sentence, and in findings stored before it was kept.
   */
  also: z
    .array(z.object({ sentence: z.number().int().nonnegative(), start: z.number().int().nonnegative(), end: z.number().int().nonnegative(), excerpt: z.string() }))
    .optional(),
  /** Why, in the words of the 意见书: an accepted finding's reason is written into the record as it stands. */
  reason: z.string(),
  /**
   * A note for the adviser only (the workbench shows it under the reason): what the reviewer should
   * check or do in LawDesk. Never written into the record, the 意见书 or its 对照表 — those go to the
   * drafting unit, which has no 资料库.
   */
  hint: z.string().optional(),
  /** The first basis (the one to cite); `bases` holds them all. */
  basis: BasisSchema.nullable(),
  bases: z.array(BasisSchema),
  /** A proposed wording (修改建议), when the rule has one. */
  suggestion: z.string().optional(),
  /** For superseded citations: the article as it reads now. */
  current: BasisSchema.optional(),
  /**
   * The draft's text under this finding was recognised from a scan nobody has checked yet (OCR_TEXT_NOTES):
   * 'suspect' when its excerpt holds a character OCR was unsure of. Shown in the workbench only.
   */
  ocrText: z.enum(['unverified', 'suspect', 'doubtful-page']).optional(),
  /** With ocrText 'doubtful-page': the pages of the scan, read too poorly to trust, the finding's article was read from. */
  ocrPages: z.array(z.number().int().positive()).max(2000).optional(),
  /**
   * The draft's own articles the finding's sentences name (前条, 本办法第十三条, 前款第（二）项 of another article): what the
   * sentence refers to is the draft's, never a law's, and the workbench links there. Absent when none.
   */
  draftArticles: z.array(z.object({ key: z.string(), label: z.string() })).max(50).optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

/** What the workbench says of a finding resting on a scan's unchecked text. */
export const OCR_TEXT_NOTES: Record<NonNullable<Finding['ocrText']>, string> = {
  unverified: '本条意见依据扫描件的识别文本，识别文本尚未核对',
  suspect: '本条意见所据原句含识别存疑的字（已标出），请先对照原件核对',
  'doubtful-page': '本条意见所据条文所在的扫描页整页识别不可靠，原句可能有误读的字，请先对照原件逐字核对',
};

/**
 * The one label of a finding (workbench) or an article (意见书) read from a page of a scan the OCR could not be trusted on
 * (ocrDoubtfulPages) while nobody has checked the text against the scan: the adviser re-checks the source.
 */
export const OCR_DOUBTFUL_PAGE_LABEL = '所在页识别不可靠，请对照原件';

/**
 * The doubtful pages (ocrDoubtfulPages) an article of a scanned draft was read from, by its bands on the scan
 * (`ocrRegions`); [] when none, or once the draft is checked (核对 answers the doubt).
 */
export function articleDoubtfulPages(d: Pick<DraftVersion, 'textSource' | 'verified' | 'ocrDoubtfulPages'>, unit: { ocrRegions?: readonly { page: number }[] | undefined }): number[] {
  if (!isUnverifiedDraft(d) || !d.ocrDoubtfulPages?.length) return [];
  const doubtful = new Set(d.ocrDoubtfulPages.map((p) => p.page));
  return [...new Set((unit.ocrRegions ?? []).map((r) => r.page).filter((p) => doubtful.has(p)))].sort((a, b) => a - b);
}

/**
 * What the 意见书 says when it is written from an unchecked scan and points rest on articles read from doubtful pages: not
 * established until the unit's original is compared (the 对照表's 原文 of those articles carries OPINION_DOUBTFUL_ORIGINAL).
 */
export function opinionDoubtfulPagesNote(articles: readonly string[]): string {
  return `说明：送审稿${articles.join('、')}系依据扫描件识别，${OCR_DOUBTFUL_PAGE_LABEL.replace(/，.*$/, '')}，以上涉及${articles.length > 1 ? '这些条文' : '该条'}的意见所引原文未经与原件核对，请以原件为准核实后采用。`;
}
export const OPINION_DOUBTFUL_ORIGINAL = '（所在页识别不可靠，以原件为准）';

/** What the workbench says before the draft's own articles a finding's sentence names (前条 → 第十三条). */
export const DRAFT_ARTICLES_LABEL = '所指本稿条文';

/** Where a finding about the whole document or the review procedure says it is (no sentence of the draft). */
export const WHOLE_DOCUMENT: ReadonlySet<string> = new Set(['全文', '审查程序']);

/** Every sentence of the article a finding quotes, in the draft's order: its excerpt, then `also`'s. */
export function findingExcerpts(f: Pick<Finding, 'excerpt' | 'also'>): string[] {
  return [f.excerpt, ...(f.also ?? []).map((a) => a.excerpt)];
}

/** A finding with a sentence of the draft to rewrite: a row of the 修改建议对照表 (the others are said in the 意见书's text). */
export function changesText(f: Pick<Finding, 'article' | 'excerpt'>): boolean {
  return f.article !== null && !WHOLE_DOCUMENT.has(f.excerpt);
}

/** Every citation in the draft, resolved or with its reason: none is silently dropped. */
export const DraftCitationSchema = z.object({
  article: z.object({ key: z.string(), label: z.string() }).nullable(),
  text: z.string(),
  status: z.enum(['resolved', 'reported', 'internal']),
  citation: z.string().optional(),
  lawId: z.string().optional(),
  versionId: z.string().optional(),
  articleKey: z.string().optional(),
  findingId: z.string().optional(),
});
export type DraftCitation = z.infer<typeof DraftCitationSchema>;

export const FairCompetitionItemSchema = z.object({
  code: z.string(), // 第十条第（二）项
  title: z.string(),
  basis: BasisSchema,
  triggers: z.array(z.object({ findingId: z.string(), articleLabel: z.string(), excerpt: z.string() })),
});
export type FairCompetitionItem = z.infer<typeof FairCompetitionItemSchema>;

export const HigherLawMatchSchema = z.object({
  lawId: z.string(),
  versionId: z.string(),
  articleKey: z.string(),
  citation: z.string(),
  title: z.string(),
  level: z.string(),
  region: z.string(),
  label: z.string(),
  text: z.string(),
  similarity: z.number(),
  /** Character-level changes from the draft article to this provision. */
  runs: z.array(z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() })),
});
export type HigherLawMatch = z.infer<typeof HigherLawMatchSchema>;

export const PrecheckResultSchema = z.object({
  file: z.string().optional(),
  title: z.string(),
  kind: z.enum(DRAFT_KINDS),
  asOf: z.string(),
  rulesVersion: z.string(),
  articleCount: z.number().int(),
  findings: z.array(FindingSchema),
  citations: z.array(DraftCitationSchema),
  fairCompetition: z.array(FairCompetitionItemSchema),
  higherLaw: z.record(z.string(), z.array(HigherLawMatchSchema)).optional(),
  /** Where the panel looked (全国, and the office's province when one is set), so the page can say so. */
  higherLawRegions: z.array(z.string()).optional(),
  counts: z.record(z.string(), z.number()),
  tookMs: z.number(),
});
export type PrecheckResult = z.infer<typeof PrecheckResultSchema>;

/** The adviser's decision on a finding (or a 公平竞争审查 checklist item). */
export const DecisionSchema = z.object({
  status: z.enum(['accepted', 'dismissed']),
  reason: z.string().default(''),
  /** 建议修改为 (accepted findings go into the 修改建议 list). */
  proposal: z.string().optional(),
  at: z.string(),
  by: z.string(),
  /** Snapshot of the finding as decided, so the decision outlives a re-run of the pre-check (absent for a checklist item). */
  finding: FindingSchema.optional(),
  /** The 公平竞争审查 checklist item decided (code), when this is one. */
  checklist: z.string().optional(),
  /** The 送审稿 version the decision is about (absent in decisions made before versions were tracked). */
  draftSeq: z.number().int().positive().optional(),
  /**
   * Carried over from an earlier version where the same rule found the same sentence (the article may
   * have moved); `corrected`: from the same version's recognised text, which 核对 corrected without
   * changing what the sentence says.
   */
  carriedFrom: z.object({ seq: z.number().int().positive(), findingId: z.string(), corrected: z.literal(true).optional() }).optional(),
});
export type Decision = z.infer<typeof DecisionSchema>;

/**
 * A finding of a newer 送审稿 version whose provision (mapped by content across renumbering) was
 * decided in the previous version, but whose sentence changed: open again, with the earlier decision
 * shown for reference. Keyed by the new finding's id.
 */
export const ReopenedSchema = z.object({
  fromSeq: z.number().int().positive(),
  findingId: z.string(),
  status: z.enum(['accepted', 'dismissed']),
  reason: z.string(),
  proposal: z.string().optional(),
  /** The article and sentence as they read in the earlier version. */
  articleLabel: z.string(),
  excerpt: z.string(),
  /** The same version's recognised text, before a 核对 correction that changed what the sentence says. */
  corrected: z.literal(true).optional(),
});
export type Reopened = z.infer<typeof ReopenedSchema>;

/** How a carried decision is labelled in every face: from an earlier version, or kept through a 核对 correction. */
export function carriedLabel(c: NonNullable<Decision['carriedFrom']>): string {
  return c.corrected ? '核对更正后沿用' : `沿用第 ${c.seq} 稿`;
}

/** A finding open again, in every face: why (the tag) and where the earlier decision was taken. */
export function reopenedLabel(r: Reopened): { tag: string; where: string } {
  return r.corrected ? { tag: '核对更正改变了句意，重新待审', where: '核对更正前' } : { tag: '原句已修改，重新待审', where: `第 ${r.fromSeq} 稿` };
}

/** 建议修改为 as the adviser edits it before 采纳: the wording that goes into the 修改建议对照表. */
export const ProposalSchema = z.string().trim().min(1, '建议修改为不能为空（不需要修改建议时，直接采纳即可）').max(5000, '建议修改为过长（上限 5000 字）');

/** A row of the 修改建议对照表. */
export const SuggestionSchema = z.object({
  findingId: z.string(),
  article: z.string(), // 第五条 / 全文
  original: z.string(), // 原文
  proposal: z.string(), // 建议修改为
  reason: z.string(), // 理由
});
export type Suggestion = z.infer<typeof SuggestionSchema>;

/**
 * The 意见书's 对照表 rows: two sentences of one article with the same proposal and reason are one
 * row (an adviser says one problem of one article once), the others as they come.
 */
export function joinedSuggestions(suggestions: Suggestion[]): Suggestion[] {
  const out: Suggestion[] = [];
  for (const s of suggestions) {
    const same = out.find((o) => o.article === s.article && o.proposal === s.proposal && o.reason === s.reason);
    if (same) {
      if (!same.original.includes(s.original)) same.original += s.original;
    } else out.push({ ...s });
  }
  return out;
}

/**
 * The workbench's 修改建议对照表 card: one row per article of the draft, its suggestions (joined as the
 * 意见书's rows are) in the order given — the draft's order, by sentence within an article.
 */
export function suggestionsByArticle(suggestions: Suggestion[]): { article: string; suggestions: Suggestion[] }[] {
  const rows: { article: string; suggestions: Suggestion[] }[] = [];
  for (const s of joinedSuggestions(suggestions)) {
    const row = rows.find((r) => r.article === s.article);
    if (row) row.suggestions.push(s);
    else rows.push({ article: s.article, suggestions: [s] });
  }
  return rows;
}

export const OPINION_FORMATS = ['docx', 'pdf'] as const;
export type OpinionFormat = (typeof OPINION_FORMATS)[number];

/**
 * Whether the 意见书 quotes the cited articles' text after each 要点 (inline, as it always has), names
 * them only (none: 审查依据 lists every article cited, and the opinion's sentences name them — the short
 * 意见书 many offices send; a 7-article draft's ran to 9 pages with every article quoted), or names them
 * in the text as none does and quotes each once in an annex after the 落款 (annex: 附件：引用条文原文).
 */
export const OPINION_QUOTE_MODES = ['inline', 'none', 'annex'] as const;
export type OpinionQuoteMode = (typeof OPINION_QUOTE_MODES)[number];
export const OPINION_QUOTE_LABEL: Record<OpinionQuoteMode, string> = { inline: '正文引用条文原文', none: '不引用原文（只列条文号）', annex: '附件列出条文原文' };

/** A 送审稿's articles have the shape of a law's articles (the same parser made them). */
export const DraftArticleSchema = articleSchema;

/** A 送审稿 version kept with its review: the file's hash and its parsed articles. */

export const DraftVersionSchema = z.object({
  seq: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  name: z.string(),
  size: z.number().int().nonnegative(),
  format: z.string(),
  addedAt: z.string(),
  addedBy: z.string(),
  title: z.string(),
  units: z.array(DraftArticleSchema),
  /** Lines above the first article (a contract's parties); absent in versions stored before. */
  header: z.array(z.string()).optional(),
  warnings: z.array(z.string()),
  /**
   * How the text was read: 'ocr' for a scanned 送审稿 (its units carry `suspects` and `ocrRegions`),
   * unverified until a person has checked it against the scan (核对) — who and when then kept.
   * Absent in versions read from a file's own text.
   */
  textSource: z.enum(TEXT_SOURCES).optional(),
  ocrPages: z.number().int().positive().optional(),
  verified: z.boolean().optional(),
  verifiedBy: z.string().optional(),
  verifiedAt: z.string().optional(),
  /**
   * The scan's pages read too poorly to trust as a whole (shared/ocr-page-doubt.ts), as for a library
   * version's `ocrDoubtfulPages`; absent when none was, and in versions stored before session 30.
   */
  ocrDoubtfulPages: z.array(ocrDoubtfulPageSchema).max(2000).optional(),
  /** The scan's pages turned upright before they were read (shared/ocr-page-turn.ts); absent when none was, and before session 31. */
  ocrTurnedPages: z.array(ocrTurnedPageSchema).max(2000).optional(),
});
export type DraftVersion = z.infer<typeof DraftVersionSchema>;

/** A 送审稿 version whose text was recognised from a scan and not yet checked against it. */
export function isUnverifiedDraft(d: Pick<DraftVersion, 'textSource' | 'verified'>): boolean {
  return d.textSource === 'ocr' && d.verified !== true;
}

/**
 * What the workbench and the 意见书's refusal add about an unchecked scan's doubtful pages: the import
 * report's warning (one wording), or '' when the draft is checked or has none — once a person has checked
 * every article against the scan, the page's doubt is answered.
 */
export function draftPagesDoubt(d: Pick<DraftVersion, 'textSource' | 'verified' | 'ocrDoubtfulPages'>): string {
  return isUnverifiedDraft(d) ? (ocrPagesDoubtMessage(d.ocrDoubtfulPages ?? []) ?? '') : '';
}


/** A sentence of one side of a changed article; `changed` when the other side has no sentence with its text. */
export const DiffSentenceSchema = z.object({ text: z.string(), changed: z.boolean() });

const diffSide = z.array(z.object({ key: z.string(), label: z.string(), text: z.string() }));

/** One row of the diff of two 送审稿 versions: an article of the older mapped onto the newer. */
export const DraftDiffRowSchema = z.object({
  kind: z.enum(['same', 'renumbered', 'amended', 'split', 'merged', 'deleted', 'added']),
  from: diffSide,
  to: diffSide,
  /** Character runs from the old text to the new (changed rows with both sides). */
  runs: z.array(z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() })).optional(),
  /** Both sides' sentences, those without a counterpart marked (changed rows). */
  sentences: z.object({ from: z.array(DiffSentenceSchema), to: z.array(DiffSentenceSchema) }).optional(),
});
export type DraftDiffRow = z.infer<typeof DraftDiffRowSchema>;

/** A finding as the version comparison lists it (matched across versions by rule and sentence, not article number). */
export const FindingBriefSchema = FindingSchema.pick({ id: true, rule: true, ruleName: true, severity: true, article: true, excerpt: true });

/** Two 送审稿 versions compared: what changed, article by article, and how the pre-check's findings moved. */
export const DraftComparisonSchema = z.object({
  from: z.number().int().positive(),
  to: z.number().int().positive(),
  rows: z.array(DraftDiffRowSchema),
  counts: z.object({ same: z.number().int(), changed: z.number().int(), added: z.number().int(), deleted: z.number().int() }),
  findings: z.object({
    /** In the older version, gone from the newer. */
    resolved: z.array(FindingBriefSchema),
    /** New in the newer version. */
    added: z.array(FindingBriefSchema),
    /** Found in both. */
    kept: z.number().int(),
  }),
});
export type DraftComparison = z.infer<typeof DraftComparisonSchema>;
