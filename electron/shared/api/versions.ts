// Versions (issue 7): diff, one article across versions, as-of, 时效性 with its basis.

import { z } from 'zod';
import { call, count, id, isoDate, status } from './common';
import { versionMetaSchema } from './library';
import { libraryMatchSchema, SCAN_MATCH_CHOICES } from '../scan-match';

const diffRunSchema = z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() });
export const MAPPING_KINDS = ['same', 'renumbered', 'amended', 'split', 'merged', 'deleted', 'added'] as const;
/** What the diff view, 历次版本 and the CLI call each kind of change of an article ('first': the law's first version). */
export const MAPPING_KIND_LABELS: Record<(typeof MAPPING_KINDS)[number] | 'first', string> = {
  same: '未变',
  renumbered: '条文序号变动',
  amended: '修改',
  split: '拆分',
  merged: '合并',
  deleted: '删除',
  added: '新增',
  first: '首个版本',
};
const mappingKind = z.enum(MAPPING_KINDS);
/** 核对 corrections of OCR text: article key → the corrected text of that article. */
export const ocrCorrections = z
  .record(z.string().min(1).max(50), z.string().trim().min(1, '更正文本不能为空').max(100_000))
  .refine((r) => Object.keys(r).length <= 5000, '更正的条文过多');
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
      /**
       * The texts differ but `runs` were not computed for this answer (asked with `runsFirst`): the
       * full answer has them, and the texts — here each side's `text` is '' and `lines` stands in.
       */
      runsPending: z.literal(true).optional(),
      /** Only with runsPending: the length of each line of the old and of the new text (a side's parts joined by '\n'). */
      lines: z.object({ from: z.array(count), to: z.array(count) }).strict().optional(),
    }),
  ),
});
export type VersionDiffDto = z.infer<typeof versionDiffSchema>;

/**
 * The rows around the asked article that the diff view renders at once (before and after its row),
 * and so the rows a first answer with `runsAround` gives character changes for.
 */
export const DIFF_ROWS_AROUND = { before: 5, after: 20 } as const;

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

/** A page of a scan, for the 核对 view (a library version's or a 送审稿's). */
export const scanPageSchema = z.object({
  page: z.number().int().positive(),
  pages: z.number().int().positive(),
  dataUrl: z.string().startsWith('data:image/jpeg;base64,'),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export const scanPageNumber = z.number().int().min(1).max(2000);

export const versionsCalls = {
  // --- versions (issue 7) ---
  'versions:diff': call({
    // runsFirst / runsAround: a first answer for the first screen — every row, but the character
    // changes only of the first `runsFirst` rows and of DIFF_ROWS_AROUND the row of article
    // `runsAround` (either version's key); the other changed rows carry runsPending (their texts
    // left out, their lines' lengths instead), and the same call without the two gives them all.
    input: z
      .object({ fromId: id, toId: id, changedOnly: z.boolean().optional(), runsFirst: z.number().int().min(0).max(10_000).optional(), runsAround: z.string().min(1).max(50).optional() })
      .strict(),
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
  /**
   * 核对 of an OCR'd version: confirmed by a person (`by`, default the office user's name) at the
   * office clock; `corrections` (article key → corrected text) replace those articles' OCR text.
   */
  'version:verify': call({
    input: z
      .object({
        versionId: id,
        by: z.string().trim().min(1, '请写明核对人').max(50).optional(),
        corrections: ocrCorrections.optional(),
      })
      .strict(),
    output: versionMetaSchema,
  }),
  /**
   * 逐条核对 of an OCR'd version: the articles a person checked (`confirmed`, with `corrections`
   * where the text was wrong) lose their 待核对 marks; the last one makes the version verified.
   */
  'version:checkOcr': call({
    input: z
      .object({
        versionId: id,
        by: z.string().trim().min(1, '请写明核对人').max(50).optional(),
        confirmed: z.array(z.string().min(1).max(50)).max(5000),
        corrections: ocrCorrections.optional(),
      })
      .strict(),
    output: versionMetaSchema,
  }),
  /**
   * 核对: a misread 第X条 number corrected. The unit is named by its position and the key the person
   * saw (misread keys can repeat); the answer carries the new label and key and what still looks
   * out of order.
   */
  'version:relabelOcr': call({
    input: z
      .object({
        versionId: id,
        index: z.number().int().min(0).max(20_000),
        key: z.string().min(1).max(50),
        label: z.string().trim().min(1, '请填写条文编号').max(30),
        by: z.string().trim().min(1, '请写明核对人').max(50).optional(),
      })
      .strict(),
    output: z.object({ meta: versionMetaSchema, label: z.string(), key: z.string(), warnings: z.array(z.string()) }),
  }),
  /**
   * A scan that is a law already in the library (libraryMatch on its version): the library
   * version and the articles that differ (library → scan), for the 核对 view's offer.
   */
  'version:scanMatch': call({
    input: z.object({ versionId: id }).strict(),
    output: z.object({
      match: libraryMatchSchema,
      library: z.object({ id: z.string(), title: z.string(), date: z.string(), textSource: z.string() }),
      diff: versionDiffSchema,
    }),
  }),
  /**
   * The person's choice for such a scan: 'library' removes the scan (logged in the library),
   * 'scan' keeps it; who (`by`, default the office user's name) and when are recorded.
   */
  'version:decideScanMatch': call({
    input: z.object({ versionId: id, choice: z.enum(SCAN_MATCH_CHOICES), by: z.string().trim().min(1, '请写明选择人').max(50).optional() }).strict(),
    output: z.object({ choice: z.enum(SCAN_MATCH_CHOICES), versionId: z.string(), scan: versionMetaSchema.optional() }),
  }),
  /**
   * One page of the scan an OCR text was read from, for the 核对 view: a JPEG made from the
   * original kept in the library, as a data: URL (offline, allowed by the CSP's img-src data:).
   */
  'version:scanPage': call({
    input: z.object({ versionId: id, page: scanPageNumber }).strict(),
    output: scanPageSchema,
  }),
  /**
   * An OCR version imported before article regions were recorded: recognise its kept original
   * again (off the main thread) and store where each article is on the scan, so 核对 can frame it.
   */
  'version:locateOcr': call({
    input: z.object({ versionId: id }).strict(),
    output: z.object({ located: z.number().int().nonnegative(), units: z.number().int().nonnegative() }),
  }),
} as const;
