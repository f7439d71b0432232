// Full-text search, quick open and the index. The engine's types (electron/shared/search-types.ts)
// are derived from these schemas, so the engine, the CLI and the API cannot disagree on a field.

import { z } from 'zod';
import { call, count, date, empty, id, level, shortText, status, taskId } from './common';
import { facetsSchema, lawNameFields } from './library';

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
  /** The version's text is OCR nobody has confirmed yet: shown as 识别文本（待核对）. */
  ocrUnverified: z.boolean().optional(),
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
      otherVersions: z.array(z.object({ versionId: z.string(), articleKey: z.string(), versionDate: z.string(), status })),
    })
    .optional(),
  didYouMean: z.array(z.string()).optional(),
  /**
   * The query was the 引用: form (引用:行政许可法第十二条): the hits are the articles citing that
   * article (or law); `problem` says why the target was not found.
   */
  cites: z
    .object({
      text: z.string(),
      lawId: z.string().optional(),
      title: z.string().optional(),
      versionId: z.string().optional(),
      articleKey: z.string().optional(),
      articleLabel: z.string().optional(),
      problem: z.string().optional(),
    })
    .optional(),
});

export const quickOpenItemSchema = z.object({
  ...lawNameFields,
  articleKey: z.string().optional(),
  articleLabel: z.string().optional(),
  score: z.number(),
});

export const searchCalls = {
  'search:query': call({ input: searchQuerySchema, output: searchResultSchema }),
  /** The full-text index: segments, articles and versions indexed, bytes on disk. */
  'search:indexStats': call({ input: empty, output: indexStatsSchema }),
  /** Rebuilds the index from the library (time-sliced, with task:progress for `taskId`); the new stats. */
  'search:reindex': call({ input: z.object({ taskId }).strict(), output: indexStatsSchema }),
  'search:quickOpen': call({
    input: z.object({ text: z.string().max(200), limit: z.number().int().min(1).max(50).optional() }).strict(),
    output: z.array(quickOpenItemSchema),
  }),
} as const;
