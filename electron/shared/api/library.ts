// The library: laws, their versions and articles, the library table (rows, facets, sort), 收藏.

import { z } from 'zod';
import { regionNodeSchema } from '../region-facet';
import { HISTORY_KINDS, TEXT_SOURCES, shortTitleOf } from '../law-model';
import { libraryMatchSchema } from '../scan-match';
import { ocrDoubtfulPageSchema } from '../ocr-page-doubt';
import { ocrTurnedPageSchema } from '../ocr-page-turn';
import { call, count, empty, id, level, shortText, shownName, status } from './common';

export const historyEventSchema = z.object({
  date: z.string(),
  text: z.string(),
  kind: z.enum(HISTORY_KINDS),
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
  /** A drafted text (时效性 草案 unless a person set another). */
  draft: z.boolean().optional(),
  history: z.array(historyEventSchema),
  sourceFile: shownName,
  sourceFormat: z.string(),
  textSource: z.enum(TEXT_SOURCES).optional(),
  verified: z.boolean().optional(),
  verifiedBy: z.string().optional(),
  verifiedAt: z.string().optional(),
  libraryMatch: libraryMatchSchema.optional(),
  /** OCR text: pages read too poorly to trust as a whole (ocr-page-doubt.ts). */
  ocrDoubtfulPages: z.array(ocrDoubtfulPageSchema).optional(),
  /** OCR text: pages turned upright before they were read (ocr-orientation.ts). */
  ocrTurnedPages: z.array(ocrTurnedPageSchema).optional(),
  articleCount: count,
  unitCount: count,
  charCount: count,
  importedAt: z.string(),
});
export type VersionMetaDto = z.infer<typeof versionMetaSchema>;

/** A band of a scanned page (law-model OcrRegion); also checked in stored bodies (core/library/law-body.ts). */
export const ocrRegionSchema = z.object({ page: z.number().int().positive(), top: z.number().min(0).max(1), bottom: z.number().min(0).max(1) }).strict();

/** A corrected article label's record (law-model Article.ocrLabel); also checked in stored bodies. */
export const ocrLabelSchema = z.object({ read: z.string().max(50), by: z.string().min(1).max(50), at: z.string().min(1).max(40) }).strict();

export const articleSchema = z.object({
  key: z.string(),
  kind: z.enum(['article', 'section', 'preamble', 'appendix']),
  number: z.number(),
  suffix: z.number(),
  label: z.string(),
  path: z.array(z.string()),
  paragraphs: z.array(z.object({ text: z.string(), items: z.array(z.string()) })),
  text: z.string(),
  /** OCR versions: offsets of low-confidence characters in `text`, and whether a person checked the article. */
  suspects: z.array(z.number().int().nonnegative()).optional(),
  ocrChecked: z.boolean().optional(),
  /** OCR versions: where the article was read on the scan (page, top/bottom as fractions of its height), for the 核对 view. */
  ocrRegions: z.array(ocrRegionSchema).optional(),
  /** OCR versions: the label as read, when a person corrected its number in 核对 (who, when). */
  ocrLabel: ocrLabelSchema.optional(),
});
/** One article (or other unit) of a version with its 款 and 项 (paragraphs derived from its text). */
export type ArticleDto = z.infer<typeof articleSchema>;

/**
 * One unit as version:get sends it: its paragraphs left out. They are the lines of `text`
 * (withParagraphs in law-text.ts gives them back), and sending both doubled the reader's answer —
 * 民法典 867 KB, half of it the same characters twice, stringified, validated, parsed.
 */
/**
 * The reader's first ask for a long version (version:get's `part`): 5 units before the one asked
 * for and 25 from it, or the first 30 — its first screen with room to spare.
 */
export const FIRST_PART = { before: 5, count: 30 } as const;

export const versionUnitSchema = articleSchema.omit({ paragraphs: true }).strict();
export type VersionUnitDto = z.infer<typeof versionUnitSchema>;

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
export const lawNameFields = {
  lawId: z.string(),
  versionId: z.string(),
  title: z.string(),
  shortTitle: z.string(),
  subtitle: z.string().optional(),
  level,
  region: z.string(),
  /** A part of a code stored as parts (民法典 · 总则): the code, and the part's place in it (0 = first). */
  code: z.object({ key: z.string(), title: z.string(), index: count, count }).optional(),
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

/**
 * One row of the library table as laws:list sends it: the LawRow without what follows from its
 * other fields or equals the usual value — `shortTitle` (shortTitleOf(title)), `versionId` when it
 * is the law's id and the version's date (versionIdFor), `versionCount` when 1, `favorite` when
 * false. 2,490 rows were ≈ 743 K characters, a third of it these four; lawRowFromWire gives the
 * row back. The core checks every answer against this schema (AppService.call's parseOutput);
 * the page completes the rows it was sent without a second check (lawRowsFromCheckedWire), as it
 * takes every other answer — zod over 2,592 rows was 50 ms of one main-thread task on 法规库.
 */
export const lawRowWireSchema = lawRowSchema
  .omit({ shortTitle: true, versionId: true, versionCount: true, favorite: true })
  .extend({
    versionId: z.string().optional(),
    /** Absent: 1. */
    versionCount: z.number().int().min(2).optional(),
    favorite: z.literal(true).optional(),
  })
  .strict();
export type LawRowWire = z.infer<typeof lawRowWireSchema>;

/** The id a version gets from its law and date (core/library/law-identity.ts versionIdFor), when it has a date. */
function usualVersionId(r: { lawId: string; published?: string | undefined; effective?: string | undefined }): string | undefined {
  const date = r.published || r.effective;
  return date ? `${r.lawId}@${date}` : undefined;
}

export function lawRowToWire(r: LawRow): LawRowWire {
  const { shortTitle: _s, versionId, versionCount, favorite, ...rest } = r;
  return {
    ...rest,
    ...(versionId === usualVersionId(r) ? {} : { versionId }),
    ...(versionCount === 1 ? {} : { versionCount }),
    ...(favorite ? { favorite } : {}),
  };
}

export function lawRowFromWire(w: LawRowWire): LawRow {
  return completeRow({ ...w });
}

/** Fills in the derived fields of a wire row in place (a copy the caller owns). */
function completeRow(w: LawRowWire): LawRow {
  const versionId = w.versionId ?? usualVersionId(w);
  if (versionId === undefined) throw new Error(`法规列表的一行缺少版本编号（${w.lawId}）`);
  const row = w as LawRow;
  row.versionId = versionId;
  row.shortTitle = shortTitleOf(w.title);
  row.versionCount = w.versionCount ?? 1;
  row.favorite = w.favorite ?? false;
  return row;
}

const lawRowsWireSchema = z.array(lawRowWireSchema);

/** laws:list's rows from anywhere not yet checked (a test, a script): each checked against the wire schema, then completed. */
export function lawRowsFromWire(rows: unknown): LawRow[] {
  // zod's parse returns new objects: completed in place, no second copy of 2,500 rows.
  return lawRowsWireSchema.parse(rows).map(completeRow);
}

/**
 * laws:list's rows as the page uses them: an answer the core has checked against the wire schema,
 * completed (copies: the answer itself may be shared, e.g. a prefetch). A row whose version cannot
 * be told still fails (completeRow).
 */
export function lawRowsFromCheckedWire(rows: readonly LawRowWire[]): LawRow[] {
  return rows.map((r) => completeRow({ ...r }));
}

const facetCounts = z.record(z.string(), count);
/** Counts per value; 分类 (category) counts laws without one under 未分类. */
export const facetsSchema = z.object({
  level: facetCounts,
  region: facetCounts,
  status: facetCounts,
  category: facetCounts,
  /** The 地区 counts as a tree (全国 / 省 / 市 / 县), the office's place first; the API adds it (core/library/region-facet.ts). */
  regionTree: z.array(regionNodeSchema).optional(),
});
export const lawFacetsSchema = facetsSchema;
export { UNCATEGORISED } from '../law-model';

export const lawSortSchema = z.object({
  field: z.enum(['title', 'published', 'effective', 'level']),
  order: z.enum(['asc', 'desc']),
});
export type LawSort = z.infer<typeof lawSortSchema>;

/** What a removal names: a law, and one of its versions or (absent) all of them. */
export const removalTargetSchema = z.object({ lawId: id, versionId: id.optional() }).strict();

export const removalImpactSchema = z.object({
  lawId: z.string(),
  title: z.string(),
  /** Every version goes: the law leaves the library. */
  wholeLaw: z.boolean(),
  versions: z.array(z.object({ id: z.string(), date: z.string(), status })),
  records: z.object({ reviews: count, findings: count, lectures: count, notes: count, register: count }),
  packs: z.object({ packs: count, items: count }),
  links: z.object({ laws: count, articles: count }),
  /** The counts in sentences (empty: nothing depends on it). */
  lines: z.array(z.string().max(500)).max(10),
});
export type RemovalImpactDto = z.infer<typeof removalImpactSchema>;

const removedVersionSchema = z.object({ id: z.string(), lawId: z.string(), title: z.string(), date: z.string() });

/** How many of the catalogue's repair notes library:info carries (the rest are counted in one more line). */
export const LIBRARY_REPAIRS_SHOWN = 20;

export const libraryCalls = {
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
      /** The office's time zone (office.json): what the UI calls today. */
      timeZone: z.string(),
      /**
       * What opening the library repaired in library.json (a damaged file rebuilt from the bodies,
       * entries of the wrong shape dropped), in sentences; the first LIBRARY_REPAIRS_SHOWN of them.
       */
      repairs: z.array(z.string().max(500)).max(LIBRARY_REPAIRS_SHOWN + 1).optional(),
      /**
       * Records the read of records.json set aside (edited by hand, written by a broken tool): how
       * many, the file they are kept in now, and one sentence each (the first LIBRARY_REPAIRS_SHOWN).
       * The catalogue is not concerned. Known once the records are opened: by a record page, or in
       * the background a moment after start (the event library:health then says it changed).
       */
      setAside: z
        .object({ count: count.min(1), keptIn: z.string().max(300), notes: z.array(z.string().max(500)).max(LIBRARY_REPAIRS_SHOWN + 1) })
        .optional(),
      /** Why the library can only be read (read-only or full disk, another writer's lock). */
      readOnly: z.string().max(500).optional(),
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
    output: z.object({ total: count, rows: z.array(lawRowWireSchema), facets: lawFacetsSchema, favorites: count }),
  }),
  'law:get': call({
    input: z.object({ lawId: id }).strict(),
    output: z.object({ law: lawSchema, versions: z.array(versionMetaSchema) }),
  }),
  /**
   * A version's text. With `part`, a long version comes as a run of `count` units starting `before`
   * units ahead of the unit `around` (or at its start): the reader's first screen, without paying
   * for the whole text; the answer then says where the run is (`part`) and the rest is asked for
   * after it has painted. A version of at most `count` units comes whole, without `part`.
   */
  'version:get': call({
    input: z
      .object({
        versionId: id,
        part: z.object({ around: id.optional(), before: z.number().int().min(0).max(1000), count: z.number().int().min(1).max(1000) }).strict().optional(),
      })
      .strict(),
    output: z.object({
      meta: versionMetaSchema,
      law: lawSchema,
      versions: z.array(versionMetaSchema),
      units: z.array(versionUnitSchema),
      /** Only for a part: the index of its first unit in the whole text, and how many units the whole text has. */
      part: z.object({ offset: count, total: count }).strict().optional(),
      /**
       * Only for a part: what the 目录 of the whole text is built from (core outlineOf) — the units
       * where the headings change, path-less 序言/附件, or every unit of a text without headings —
       * each with its index in the whole text.
       */
      outline: z
        .array(z.object({ index: count, key: z.string(), label: z.string(), kind: articleSchema.shape.kind, path: z.array(z.string()) }).strict())
        .optional(),
    }),
  }),
  /** 收藏 are kept in the library (favorites.json): they travel with its backups and bundles. */
  'law:setFavorite': call({
    input: z.object({ lawId: id, favorite: z.boolean() }).strict(),
    output: z.object({ favorites: z.array(z.string()) }),
  }),
  'law:favorites': call({ input: empty, output: z.object({ favorites: z.array(z.string()) }) }),
  /** What depends on a law (or one version of it) before it is removed: the confirm dialog's counts. */
  'library:removalImpact': call({ input: removalTargetSchema, output: removalImpactSchema }),
  /**
   * Removes a law (every version) or one version, in one commit of the catalog; the search index
   * and the link graph follow the change, records citing it show 已从资料库删除. `undoable`: the
   * removal is kept for library:undoRemove (until the next removal or the app's restart).
   */
  'library:remove': call({
    input: removalTargetSchema,
    output: z.object({ removed: z.array(removedVersionSchema), undoable: z.boolean() }),
  }),
  /** Puts the last removal back (same ids, texts, originals and metadata); refused when there is none or it came back meanwhile. */
  'library:undoRemove': call({ input: empty, output: z.object({ restored: z.array(removedVersionSchema) }) }),
} as const;
