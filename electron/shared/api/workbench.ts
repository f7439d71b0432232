// 审查工作台 (issue 13): the 送审稿 of a review, its pre-check with the 上位法 panel, accepting and
// dismissing findings, 公平竞争审查 checklist decisions, and the 合法性审查意见书. The shapes are
// electron/shared/review-workbench.ts, the ones the core and `lawdesk precheck --json` use.

import { z } from 'zod';
import { DecisionSchema, DraftComparisonSchema, DraftVersionSchema, OPINION_FORMATS, OPINION_QUOTE_MODES, PrecheckResultSchema, ProposalSchema, ReopenedSchema, SuggestionSchema } from '../review-workbench';
import { OpinionCoverageSchema } from '../opinion-coverage';
import { DraftLinkStateSchema } from '../draft-citation';
import { CONCLUSIONS, REVIEW_STATUSES } from '../record-schema';
import { base64Cap, call, count, isoDate, producedFileSchema, recordId, shownName, taskId, uploadFileSchema } from './common';
import { ocrCorrections, scanPageNumber, scanPageSchema } from './versions';

const draftMetaSchema = DraftVersionSchema.omit({ units: true });
export const workbenchViewSchema = z.object({
  /**
   * The review the workbench belongs to: its title heads the page (the draft's own parsed title may be
   * a 合同's bare 技术服务合同), its 审查结论 is what the 意见书 concludes (absent: the adviser is asked first);
   * its status, 出具日期 and 文号 say whether the opinion is recorded as issued (记为已出具, reviews:issue).
   */
  record: z.object({
    id: recordId,
    title: z.string(),
    conclusion: z.enum(CONCLUSIONS).optional(),
    status: z.enum(REVIEW_STATUSES),
    receivedDate: isoDate,
    completedDate: isoDate.optional(),
    refNo: z.string().optional(),
  }),
  drafts: z.array(draftMetaSchema),
  draft: DraftVersionSchema.optional(),
  result: PrecheckResultSchema.optional(),
  decisions: z.record(z.string(), DecisionSchema),
  /** Findings of the latest version open again because their sentence changed since it was decided. */
  reopened: z.record(z.string(), ReopenedSchema),
  suggestions: z.array(SuggestionSchema),
  /**
   * A scanned 送审稿 being recognised in the background (workbench:ocrJob follows it to its end,
   * workbench:ocrCancel stops it; its pages' progress comes as task:progress with `taskId`).
   */
  ocrJob: z.object({ taskId: z.string(), name: shownName, pages: count, done: count }).optional(),
});
export type WorkbenchViewDto = z.infer<typeof workbenchViewSchema>;

const findingId = z.string().min(1).max(200);

export const workbenchCalls = {
  /**
   * The review's drafts, the pre-check of one (default the latest) with the 上位法 panel, decisions,
   * 修改建议. With a taskId the check reports task:progress (done of total steps: an article's
   * rules, an article's 上位法).
   */
  'workbench:get': call({
    input: z.object({ id: recordId, seq: z.number().int().positive().optional(), panel: z.boolean().optional(), taskId }).strict(),
    output: workbenchViewSchema,
  }),
  /**
   * Adds a 送审稿 version (any importable format) and pre-checks it (progress as for get); a bad file
   * changes nothing. A scan answers at once with `ocrJob`: its text is recognised in the background.
   */
  'workbench:addDraft': call({
    input: z.object({ id: recordId, file: uploadFileSchema, taskId }).strict(),
    output: workbenchViewSchema.extend({
      /**
       * The version the file gave (absent while a scan is recognised): `existing` when the same bytes
       * were already a version (told by the hash before anything is read), and the decisions of the
       * version before that followed their provision or are open again.
       */
      added: z.object({ seq: z.number().int().positive(), existing: z.boolean(), carried: count, reopened: count }).optional(),
    }),
    maxBodyBytes: base64Cap + 64 * 1024,
  }),
  /** The review's scan being recognised: its end (the view with the new draft), or its progress (waits up to a few seconds: a long poll). */
  'workbench:ocrJob': call({
    input: z.object({ id: recordId }).strict(),
    output: z.union([
      z.object({ done: z.literal(false), name: shownName, progress: z.object({ done: count, total: count }) }),
      z.object({ done: z.literal(true), view: workbenchViewSchema }),
    ]),
  }),
  /** Stops the review's scan being recognised; nothing is added. */
  'workbench:ocrCancel': call({ input: z.object({ id: recordId }).strict(), output: z.object({ ok: z.boolean() }) }),
  /**
   * 核对 of a scanned 送审稿 version (the library's 逐条核对 rule): `confirmed` articles (and the
   * `corrections`) lose their 待核对 marks; the last makes the version verified by `by` (default the office user).
   */
  'workbench:checkOcr': call({
    input: z
      .object({
        id: recordId,
        seq: z.number().int().positive(),
        by: z.string().trim().min(1, '请写明核对人').max(50).optional(),
        confirmed: z.array(z.string().min(1).max(50)).max(5000),
        corrections: ocrCorrections.optional(),
      })
      .strict(),
    output: DraftVersionSchema,
  }),
  /** A page of a scanned 送审稿, for its 核对 (JPEG data: URL). */
  'workbench:scanPage': call({
    input: z.object({ id: recordId, seq: z.number().int().positive(), page: scanPageNumber }).strict(),
    output: scanPageSchema,
  }),
  /** Two versions compared: articles changed (sentences marked) and the findings resolved / new. */
  'workbench:diff': call({
    input: z.object({ id: recordId, from: z.number().int().positive(), to: z.number().int().positive() }).strict(),
    output: DraftComparisonSchema,
  }),
  /** Accepts a finding; `proposal` is 建议修改为 as edited (default the rule's). Again on an accepted finding: replaces its proposal. */
  'workbench:accept': call({
    input: z.object({ id: recordId, findingId, proposal: ProposalSchema.optional() }).strict(),
    output: workbenchViewSchema,
  }),
  'workbench:dismiss': call({
    input: z.object({ id: recordId, findingId, reason: z.string().trim().min(1, '请写明不采纳的理由').max(2000) }).strict(),
    output: workbenchViewSchema,
  }),
  'workbench:checklist': call({
    input: z.object({ id: recordId, code: z.string().min(1).max(100), status: z.enum(['accepted', 'dismissed']), reason: z.string().max(2000) }).strict(),
    output: z.object({ ok: z.boolean() }),
  }),
  /**
   * Which 要点 of the 意见书 a check reached (shared/opinion-coverage.ts): asked before generating it,
   * so the adviser knows which points will read 未审查 and why.
   */
  'workbench:coverage': call({
    input: z.object({ id: recordId }).strict(),
    output: OpinionCoverageSchema,
  }),
  /**
   * The record's links into its draft with what each article is in the latest 送审稿 version (shared/draft-citation.ts):
   * asked before generating, so the adviser knows which 草案第X条 of hers the 意见书 will say were of an earlier version.
   */
  'workbench:draftLinks': call({
    input: z.object({ id: recordId }).strict(),
    output: z.array(DraftLinkStateSchema),
  }),
  /** 合法性审查意见书 (DOCX GB/T 9704 or PDF); fetched with files:get. */
  'workbench:opinion': call({
    // unverifiedText: the adviser confirmed writing it from a scanned draft's unchecked text (refused without)
    input: z
      .object({ id: recordId, format: z.enum(OPINION_FORMATS), office: z.string().max(200).optional(), prefix: z.string().max(50).optional(), date: isoDate.optional(), quotes: z.enum(OPINION_QUOTE_MODES).optional(), unverifiedText: z.literal(true).optional() })
      .strict(),
    output: producedFileSchema.extend({ articles: z.number().int().nonnegative() }),
  }),
} as const;
