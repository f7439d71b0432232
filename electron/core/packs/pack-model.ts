// The briefing pack (汇编材料) as saved and as written by hand: a cover, an as-of date, a template
// and an ordered list of items. Laws and articles may be named by id or by title (and 第十二条), so a
// pack.json can be typed without looking ids up; export resolves them against the library.
// Invariants: every saved item has an id unique within its pack; item order is the document order.

import { z } from 'zod';
import { LEVELS, STATUSES } from '../../shared/law-model';

// Every object is strict (unknown keys such as __proto__ are refused, not silently dropped) and
// every string and list has a cap, so a hand-written or hostile pack.json cannot bloat the library.
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应写成 YYYY-MM-DD');
const text = (max: number) => z.string().trim().max(max, `不能超过 ${max} 字`);
const nonEmpty = text(500).min(1);

export const PACK_TEMPLATES = ['合法性审查参考资料', '法律大讲堂讲义', '年度学法清单', '通用'] as const;
export type PackTemplate = (typeof PACK_TEMPLATES)[number];

export const CoverSchema = z.strictObject({
  title: nonEmpty,
  unit: text(200).default(''), // 高青县科学技术局
  date: text(50).default(''), // as printed on the cover: 2025-03-01 or 二〇二五年三月
  purpose: text(2000).default(''), // 供局党组会议审议《…》时参阅
});
export type Cover = z.infer<typeof CoverSchema>;

const ItemBase = {
  id: text(64).optional(), // assigned on save
  /** Heading of the section this item opens (default: derived from the item). */
  heading: text(500).optional(),
};

/** A law, whole or one chapter/section (节) of it. */
export const LawItemSchema = z.strictObject({
  ...ItemBase,
  type: z.literal('law'),
  law: nonEmpty, // law id (L…), version id (L…@date), full or short title
  /** Version: a version id or a date (YYYY or YYYY-MM-DD); default the version in force on the pack's asOf. */
  version: text(100).optional(),
  /** Chapter path, e.g. ["第四章 行政许可的实施程序", "第二节 审查与决定"] or ["第四章"]. Default: the whole law. */
  chapter: z.array(nonEmpty).max(10).optional(),
  /** Title as last seen, so a law later deleted from the library is still named in the pack. */
  titleSnapshot: text(500).optional(),
});

/** One article of one version. */
export const ArticleItemSchema = z.strictObject({
  ...ItemBase,
  type: z.literal('article'),
  law: nonEmpty,
  version: text(100).optional(),
  article: nonEmpty, // unit key ("12", "12-1", "s3") or 第十二条 / 12之一
  titleSnapshot: text(500).optional(),
});

/** A saved query with the search page's filters: its article hits, in the search engine's order. */
export const SearchItemSchema = z.strictObject({
  ...ItemBase,
  type: z.literal('search'),
  query: nonEmpty,
  limit: z.number().int().positive().max(500).default(20),
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
  heading: text(500).default(''),
  paragraphs: z.array(text(20_000)).max(1000).default([]),
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
  /** Versions not pinned by an item are those in force on this date. Default: today. */
  asOf: date.optional(),
  items: z.array(PackItemSchema).max(5000, '一个简报最多 5000 项').default([]),
  /** Present when a saved pack is sent back as a whole; the store keeps its own. */
  createdAt: text(40).optional(),
  updatedAt: text(40).optional(),
});
export type PackInput = z.input<typeof PackInputSchema>;

export const PackSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  title: nonEmpty,
  template: z.enum(PACK_TEMPLATES),
  cover: CoverSchema,
  asOf: date,
  items: z.array(PackItemSchema).max(5000),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Pack = z.infer<typeof PackSchema>;

export class PackError extends Error {
  constructor(
    readonly code: 'INVALID' | 'NOT_FOUND' | 'EMPTY' | 'WRITE_FAILED' | 'RENDER_FAILED' | 'LOCKED' | 'CORRUPT',
    message: string,
    readonly details: string[] = [],
  ) {
    super(details.length ? `${message}\n  ${details.join('\n  ')}` : message);
    this.name = 'PackError';
  }
}

/** zod issues → "items.3.article: …" lines a person can act on. */
export function describePackIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => {
    const where = i.path.length ? i.path.join('.') : '（整个文件）';
    if (i.code === 'invalid_union' && i.path.at(-1) === 'type') return `${where}：不认识的条目类型（可用：law、article、search、review、lecture、note、stats、text）`;
    return `${where}：${i.message}`;
  });
}

let seq = 0;
/** Short, sortable, collision-resistant ids (no crypto needed: ids are per library). */
export function newId(prefix: string, now = new Date()): string {
  seq = (seq + 1) % 1296;
  const t = now.getTime().toString(36);
  const r = Math.floor(Math.random() * 1296 * 1296).toString(36).padStart(4, '0');
  return `${prefix}${t}${seq.toString(36).padStart(2, '0')}${r}`;
}

/** Validates a hand-written or app-sent pack and fills ids, cover and asOf. */
export function normalisePack(input: unknown, now = new Date(), existing?: Pick<Pack, 'id' | 'createdAt'>): Pack {
  const r = PackInputSchema.safeParse(input);
  if (!r.success) throw new PackError('INVALID', '简报包格式不对', describePackIssues(r.error));
  const p = r.data;
  const stamp = now.toISOString();
  const used = new Set<string>();
  const items = p.items.map((it) => {
    let id = it.id && !used.has(it.id) ? it.id : newId('i', now);
    while (used.has(id)) id = newId('i', now);
    used.add(id);
    return { ...it, id };
  });
  return {
    id: existing?.id ?? p.id ?? newId('P', now),
    title: p.title,
    template: p.template,
    cover: p.cover ?? { ...TEMPLATE_DEFAULTS[p.template].cover, title: p.title },
    asOf: p.asOf ?? localDate(now),
    items,
    createdAt: existing?.createdAt ?? stamp,
    updatedAt: stamp,
  };
}

export function localDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

interface TemplateDefaults {
  cover: Omit<Cover, 'title'>;
  /** Heading for a run of article items that has none of its own. */
  articlesHeading: string;
  /** Items a new pack of this template starts with (free text to fill in, a stats item …). */
  skeleton: (year: number) => PackItemInput[];
}

export const TEMPLATE_DEFAULTS: Record<PackTemplate, TemplateDefaults> = {
  合法性审查参考资料: {
    cover: { unit: '', date: '', purpose: '供合法性审查参阅' },
    articlesHeading: '相关法律依据',
    skeleton: () => [
      { type: 'text', heading: '审查事项', paragraphs: ['（决策事项名称、承办单位、送审时间）'] },
      { type: 'text', heading: '相关审查意见', paragraphs: [] },
    ],
  },
  法律大讲堂讲义: {
    cover: { unit: '', date: '', purpose: '法律大讲堂学习材料' },
    articlesHeading: '学习条文',
    skeleton: () => [
      { type: 'text', heading: '学习主题', paragraphs: ['（主题、主讲人、时间、地点）'] },
      { type: 'text', heading: '思考题', paragraphs: ['1．', '2．'] },
    ],
  },
  年度学法清单: {
    cover: { unit: '', date: '', purpose: '年度学法用法情况汇编' },
    articlesHeading: '学习条文',
    skeleton: (year) => [
      { type: 'text', heading: `${year}年度学法计划`, paragraphs: [] },
      { type: 'stats', year },
    ],
  },
  通用: {
    cover: { unit: '', date: '', purpose: '' },
    articlesHeading: '相关法律条文',
    skeleton: () => [],
  },
};

/** A new pack from a template: cover defaults and the template's skeleton items. */
export function packFromTemplate(template: PackTemplate, title: string, now = new Date(), unit = ''): PackInput {
  const d = TEMPLATE_DEFAULTS[template];
  return {
    title,
    template,
    cover: { ...d.cover, title, unit, date: localDate(now) },
    asOf: localDate(now),
    items: d.skeleton(now.getFullYear()),
  };
}
