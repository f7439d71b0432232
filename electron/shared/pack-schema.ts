// The briefing pack (汇编材料) shapes, the one definition every face uses: the core's store and
// export (electron/core/packs/pack-model.ts adds normalising and templates), the CLI, and the API
// contract. Limits come from ./limits, so a pack the CLI wrote always opens in the app.
// Invariants: every object is strict; every saved item has an id unique within its pack.

import { z } from 'zod';
import { LEVELS, STATUSES } from './law-model';
import { LIMITS } from './limits';
import { requiredText } from './required-text';

export const PACK_TEMPLATES = ['合法性审查参考资料', '法律大讲堂讲义', '年度学法清单', '通用'] as const;
export type PackTemplate = (typeof PACK_TEMPLATES)[number];

// Every object is strict (unknown keys such as __proto__ are refused, not silently dropped) and
// every string and list has a cap, so a hand-written or hostile pack.json cannot bloat the library.
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应写成 YYYY-MM-DD');
const text = (max: number) => z.string().trim().max(max, `不能超过 ${max} 字`);
const L = LIMITS.pack;
const nonEmpty = requiredText(L.ref);

export const CoverSchema = z.strictObject({
  title: nonEmpty,
  unit: text(L.coverUnit).default(''), // 高青县科学技术局
  date: text(L.coverDate).default(''), // as printed on the cover: 2025-03-01 or 二〇二五年三月
  purpose: text(L.coverPurpose).default(''), // 供局党组会议审议《…》时参阅
});
export type Cover = z.infer<typeof CoverSchema>;

const ItemBase = {
  id: text(L.itemId).optional(), // assigned on save
  /** Heading of the section this item opens (default: derived from the item). */
  heading: text(L.heading).optional(),
};

/** A law, whole or one chapter/section (节) of it. */
export const LawItemSchema = z.strictObject({
  ...ItemBase,
  type: z.literal('law'),
  law: nonEmpty, // law id (L…), version id (L…@date), full or short title
  /** Version: a version id or a date (YYYY or YYYY-MM-DD); default the version in force on the pack's asOf. */
  version: text(L.version).optional(),
  /** Chapter path, e.g. ["第四章 行政许可的实施程序", "第二节 审查与决定"] or ["第四章"]. Default: the whole law. */
  chapter: z.array(nonEmpty).max(L.chapterLevels).optional(),
  /** Title as last seen, so a law later deleted from the library is still named in the pack. */
  titleSnapshot: text(500).optional(),
});

/** One article of one version. */
export const ArticleItemSchema = z.strictObject({
  ...ItemBase,
  type: z.literal('article'),
  law: nonEmpty,
  version: text(L.version).optional(),
  article: nonEmpty, // unit key ("12", "12-1", "s3") or 第十二条 / 12之一
  titleSnapshot: text(500).optional(),
});

/** A saved query with the search page's filters: its article hits, in the search engine's order. */
export const SearchItemSchema = z.strictObject({
  ...ItemBase,
  type: z.literal('search'),
  query: nonEmpty,
  limit: z.number().int().positive().max(L.searchLimit).default(20),
  lawId: text(100).optional(),
  inForceOnly: z.boolean().optional(),
  levels: z.array(z.enum(LEVELS)).max(20).optional(),
  regions: z.array(text(100).min(1)).max(200).optional(),
  statuses: z.array(z.enum(STATUSES)).max(10).optional(),
  categories: z.array(text(100).min(1)).max(200).optional(),
  /** As of a date (YYYY-MM-DD): each law's version in force that day. */
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').optional(),
});

export const ReviewItemSchema = z.strictObject({ ...ItemBase, type: z.literal('review'), recordId: nonEmpty });
export const LectureItemSchema = z.strictObject({ ...ItemBase, type: z.literal('lecture'), recordId: nonEmpty });
export const NoteItemSchema = z.strictObject({ ...ItemBase, type: z.literal('note'), recordId: nonEmpty });

/** Annual statistics of the records (reviews, lectures, laws studied) for one year. */
export const StatsItemSchema = z.strictObject({ ...ItemBase, type: z.literal('stats'), year: z.number().int().min(1990).max(2200) });

/** Free text: a heading and paragraphs (the decision under review, questions for a lecture …). */
export const TextItemSchema = z.strictObject({
  ...ItemBase,
  type: z.literal('text'),
  heading: text(L.heading).default(''),
  paragraphs: z.array(text(L.paragraphChars)).max(L.paragraphs).default([]),
});

export const PackItemSchema = z.discriminatedUnion('type', [
  LawItemSchema,
  ArticleItemSchema,
  SearchItemSchema,
  ReviewItemSchema,
  LectureItemSchema,
  NoteItemSchema,
  StatsItemSchema,
  TextItemSchema,
]);
export type PackItem = z.infer<typeof PackItemSchema>;
export type PackItemInput = z.input<typeof PackItemSchema>;
export type PackItemType = PackItem['type'];

/** A pack as written by hand or sent by the app: id and timestamps optional. */
export const PackInputSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'id 只能包含字母、数字、- 和 _').optional(),
  title: nonEmpty,
  template: z.enum(PACK_TEMPLATES).default('通用'),
  cover: CoverSchema.optional(),
  /** Versions not pinned by an item are those in force on this date. Default: today. A real calendar day (2026-02-30 is refused); a stored pack keeps the looser shape, so one saved before still opens. */
  asOf: z.iso.date('日期应写成 YYYY-MM-DD，且是真实存在的日期').optional(),
  items: z.array(PackItemSchema).max(L.items, `一个简报最多 ${L.items} 项`).default([]),
  /** Present when a saved pack is sent back as a whole; the store keeps its own. */
  createdAt: text(L.stamp).optional(),
  updatedAt: text(L.stamp).optional(),
});
export type PackInput = z.input<typeof PackInputSchema>;

export const PackSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  title: nonEmpty,
  template: z.enum(PACK_TEMPLATES),
  cover: CoverSchema,
  asOf: date,
  items: z.array(PackItemSchema).max(L.items),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Pack = z.infer<typeof PackSchema>;

