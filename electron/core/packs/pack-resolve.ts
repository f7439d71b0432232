// A pack → the neutral PackDocument: laws and articles are read from the library at the version
// the item pins (or the one in force on the pack's asOf date), each article gets its citation and,
// when the version in force has changed it, a visible note; records come through the resolver.
// Nothing is dropped silently: an item that cannot be resolved becomes a visible note.

import { chineseDate } from '../../shared/chinese-date';
import type { PhaseProgress } from '../../shared/task-progress';
import { citationOf, versionTag } from '../../shared/citation';
import type { Article, Law, LawVersion, LawVersionMeta } from '../../shared/law-model';
import { articleNeedsCheck, isUnverifiedOcr } from '../../shared/law-model';
import type { SearchQuery, SearchResult } from '../../shared/search-types';
import { findLaws, parseArticleRef, pickVersion } from '../library/law-lookup';
import type { LibraryStore } from '../library/library-store';
import { toChineseNumber } from '../text/chinese-numerals';
import { flagCitation, versionAsOf } from '../versions/version-compare';
import type { DocBlock, DocSection, PackDocument } from './pack-document';
import { emWidth } from './pack-pagination';
import { type Pack, type PackItem, TEMPLATE_DEFAULTS } from './pack-model';
import type { PackRecordResolver, RecordCitation, RecordDoc } from './pack-records';

export type ExportPhase = 'resolve' | 'render' | 'write';

/** `label`: what is being worked on — an item's title, "第 3 页" … */
export type ExportProgress = PhaseProgress<ExportPhase>;

export interface ResolveOptions {
  records?: PackRecordResolver;
  /** The search engine, when this build has one. */
  search?: { search(q: SearchQuery): SearchResult };
  onProgress?: (p: ExportProgress) => void;
}

interface Ctx {
  store: LibraryStore;
  pack: Pack;
  opts: ResolveOptions;
  warnings: string[];
  articleCount: number;
  nextId: () => string;
  /** Index of the section the blocks being made will go into. */
  section: number;
  /** Articles printed so far (version, article, text) → the section they were printed in. */
  printed: Map<string, number>;
  /** Back-references whose text waits for the section headings to be numbered. */
  refs: { block: Extract<DocBlock, { kind: 'paragraph' }>; section: number; label?: string }[];
}

/**
 * The article's own block the first time this exact text is printed; later (cited again by a
 * review, a lecture …) a line referring back to it, so one article is printed once.
 */
function articleOnce(ctx: Ctx, versionId: string, key: string, label: string, lines: string[], withLabel = false): DocBlock {
  const id = `${versionId}|${key}|${lines.join('\n')}`;
  const first = ctx.printed.get(id);
  if (first === undefined) {
    ctx.printed.set(id, ctx.section);
    ctx.articleCount++;
    return { kind: 'article', label, lines };
  }
  const block = { kind: 'paragraph' as const, text: '（条文见前文）' };
  ctx.refs.push({ block, section: first, ...(withLabel ? { label } : {}) });
  return block;
}

const STATUS_NOTE: Record<string, string> = { 已修改: '该版本已被修改', 已废止: '该法规已废止', 尚未生效: '该版本尚未生效', 草案: '该文本是草案，不是生效的法规' };

function lookupLaw(ctx: Ctx, name: string): { law?: Law; problem?: string } {
  const laws = findLaws(ctx.store, name);
  if (laws.length === 1) return { law: laws[0]! };
  if (laws.length > 1) return { problem: `“${name}”匹配到 ${laws.length} 部法规（${laws.slice(0, 3).map((l) => l.title).join('、')}…），请写明 id 或完整标题` };
  return { problem: `资料库中没有找到“${name}”（可能已被删除），本项未能导出条文` };
}

function lookupVersion(ctx: Ctx, law: Law, version: string | undefined): LawVersionMeta | undefined {
  if (version) {
    const byId = ctx.store.version(version);
    if (byId && byId.lawId === law.id) return byId;
    return pickVersion(ctx.store, law, version);
  }
  return versionAsOf(ctx.store, law.id, ctx.pack.asOf) ?? pickVersion(ctx.store, law);
}

function findUnit(v: LawVersion, ref: string): Article | undefined {
  const exact = v.units.find((u) => u.key === ref || u.label === ref);
  if (exact) return exact;
  const r = parseArticleRef(ref);
  return r ? v.units.find((u) => u.kind === 'article' && u.number === r.number && u.suffix === r.suffix) : undefined;
}

function lineOf(u: Article): string[] {
  return u.text.split('\n').filter((l) => l.trim() !== '');
}

/** The flag note for an article cited at `versionId`, or nothing when it is unchanged. */
function flagNote(ctx: Ctx, lawId: string, versionId: string, articleKey: string): DocBlock | undefined {
  const flag = flagCitation(ctx.store, { lawId, versionId, articleKey });
  if (flag.color === 'green') return undefined;
  return { kind: 'note', tone: flag.color === 'red' ? 'warn' : 'info', text: `注：${flag.reason.replace(/\d{4}-\d{2}-\d{2}/g, chineseDate)}。` };
}

function missing(ctx: Ctx, text: string): DocBlock {
  ctx.warnings.push(text);
  return { kind: 'note', tone: 'warn', text: `【注意】${text}` };
}

/**
 * A law's facts under its heading: issuer, number, dates, 时效性. Packed into lines that each fit
 * the GB/T 9704 text line whole, so a fact (a date above all) is never cut between two lines:
 * Word and LibreOffice break Chinese text between any two characters and ignore a word joiner.
 */
function versionLines(v: LawVersionMeta): DocBlock[] {
  const parts = [
    v.issuer,
    v.docNumber,
    v.published ? `${chineseDate(v.published)}公布` : '',
    v.effective ? `${chineseDate(v.effective)}施行` : '',
    `时效性：${v.status}`,
  ].filter((p): p is string => !!p);
  return packLines(parts, FACT_LINE_EM).map((text) => ({ kind: 'paragraph', text }));
}

/**
 * 156 mm of 16 pt text is 27.6 em; less the 2-character indent, and a margin for the space Word
 * and LibreOffice put between Chinese and Latin digits (about ¼ em each side of a number).
 */
const FACT_LINE_EM = 23;

/** Parts joined by 　 into as few lines as fit `perLine` em each (a part longer than a line is a line of its own). */
export function packLines(parts: string[], perLine: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const p of parts) {
    if (line && emWidth(line) + 1 + emWidth(p) > perLine) {
      lines.push(line);
      line = '';
    }
    line = line ? `${line}　${p}` : p;
  }
  if (line) lines.push(line);
  return lines;
}

function lawSection(ctx: Ctx, item: Extract<PackItem, { type: 'law' }>): { heading: string; blocks: DocBlock[] } {
  const { law, problem } = lookupLaw(ctx, item.law);
  const name = item.titleSnapshot ?? item.law;
  if (!law) return { heading: item.heading ?? `《${name.replace(/[《》]/g, '')}》`, blocks: [missing(ctx, problem!)] };
  const meta = lookupVersion(ctx, law, item.version);
  if (!meta) {
    return { heading: item.heading ?? `《${law.title}》`, blocks: [missing(ctx, `《${law.title}》没有 ${item.version ?? ctx.pack.asOf} 的版本，本项未能导出条文`)] };
  }
  let v: LawVersion;
  try {
    v = ctx.store.loadVersion(meta.id);
  } catch (e) {
    // A damaged body (reported by `lawdesk check`) costs this item, not the whole export.
    return { heading: item.heading ?? `《${law.title}》`, blocks: [missing(ctx, (e as Error).message)] };
  }
  const chapter = item.chapter ?? [];
  const inChapter = (u: Article) =>
    chapter.every((c, i) => {
      const p = u.path[i];
      return p !== undefined && (p === c || p.split(/[\s\u3000]/)[0] === c.split(/[\s\u3000]/)[0]);
    });
  const units = v.units.filter(inChapter);
  const chapterName = chapter.length && units[0] ? units[0].path.slice(0, chapter.length).join(' ') : chapter.join(' ');
  const heading = item.heading ?? `《${v.title}》${versionTag(v)}${chapterName ? ' ' + chapterName : ''}`;
  const blocks: DocBlock[] = versionLines(v);
  if (STATUS_NOTE[v.status]) blocks.push({ kind: 'note', tone: 'warn', text: `注：${STATUS_NOTE[v.status]}，以下为${chineseDate(v.published ?? v.effective ?? '')}版本的条文。` });
  const ocr = ocrNote(v);
  if (ocr) blocks.push(ocr);
  if (!units.length) {
    blocks.push(missing(ctx, `《${v.title}》中没有找到“${chapter.join(' ')}”，本项未能导出条文`));
    return { heading, blocks };
  }
  const current = meta.status === '现行有效';
  let path: string[] = chapter.length ? units[0]!.path.slice(0, chapter.length) : [];
  for (const u of units) {
    for (let i = chapter.length; i < u.path.length; i++) {
      if (u.path[i] !== path[i]) {
        for (let j = i; j < u.path.length; j++) blocks.push({ kind: 'subheading', level: j === chapter.length ? 2 : 3, text: u.path[j]!, id: ctx.nextId() });
        break;
      }
    }
    path = u.path;
    if (u.kind === 'preamble') blocks.push({ kind: 'subheading', level: 3, text: u.label, id: ctx.nextId() }, ...lineOf(u).map((t) => ({ kind: 'paragraph' as const, text: t })));
    else if (u.kind === 'article') blocks.push(articleOnce(ctx, meta.id, u.key, u.label, lineOf(u), true));
    else blocks.push({ kind: 'article', label: u.label, lines: lineOf(u) });
    if (!current && u.kind === 'article') {
      const n = flagNote(ctx, law.id, meta.id, u.key);
      if (n) blocks.push(n);
    }
  }
  return { heading, blocks };
}

function articleBlocks(ctx: Ctx, lawName: string, version: string | undefined, article: string, snapshot?: string): DocBlock[] {
  const { law, problem } = lookupLaw(ctx, lawName);
  if (!law) return [{ kind: 'citation', text: `《${(snapshot ?? lawName).replace(/[《》]/g, '')}》${/^第/.test(article) ? article : ''}` }, missing(ctx, problem!)];
  const meta = lookupVersion(ctx, law, version);
  if (!meta) return [{ kind: 'citation', text: `《${law.title}》${article}` }, missing(ctx, `《${law.title}》没有 ${version ?? ctx.pack.asOf} 的版本`)];
  let v: LawVersion;
  try {
    v = ctx.store.loadVersion(meta.id);
  } catch (e) {
    return [{ kind: 'citation', text: `《${law.title}》${article}` }, missing(ctx, (e as Error).message)];
  }
  const u = findUnit(v, article);
  if (!u) return [{ kind: 'citation', text: citationOf(v) }, missing(ctx, `${citationOf(v)}中没有“${article}”`)];
  const out: DocBlock[] = [
    { kind: 'citation', text: citationOf(v, u.label) },
    articleOnce(ctx, meta.id, u.key, u.label, lineOf(u)),
  ];
  const n = flagNote(ctx, law.id, meta.id, u.key);
  if (n) out.push(n);
  const o = ocrNote(v, u);
  if (o) out.push(o);
  return out;
}

/** An article of an OCR text nobody has checked yet: the doubt travels into the pack. */
function ocrNote(v: LawVersion, u?: Article): DocBlock | undefined {
  if (u ? !articleNeedsCheck(v, u) : !isUnverifiedOcr(v)) return undefined;
  return { kind: 'note', tone: 'warn', text: u ? '注：本条为扫描件识别文本（待核对），尚未对照原件核对。' : '注：本法规正文为扫描件识别文本（待核对），尚未对照原件核对。' };
}

function citedBlocks(ctx: Ctx, cites: RecordCitation[]): DocBlock[] {
  const out: DocBlock[] = [];
  for (const c of cites) {
    const v = ctx.store.version(c.versionId);
    const citation = c.citation || (v ? citationOf(ctx.store.loadVersion(c.versionId), c.label) : c.label);
    out.push({ kind: 'citation', text: citation }, articleOnce(ctx, c.versionId, c.articleKey, c.label, c.textSnapshot.split('\n').filter((l) => l.trim())));
    if (!v) out.push(missing(ctx, `${citation}所在的法规版本已从资料库删除，以上为审查时的条文`));
    else {
      const n = flagNote(ctx, c.lawId, c.versionId, c.articleKey);
      if (n) out.push(n);
    }
  }
  return out;
}

function recordBlocks(ctx: Ctx, doc: RecordDoc): DocBlock[] {
  const blocks: DocBlock[] = doc.fields.map((f) => ({ kind: 'field', label: f.label, text: f.value }));
  for (const p of doc.parts) {
    if (!p.paragraphs.some((t) => t.trim()) && !p.citations?.length) continue;
    blocks.push({ kind: 'subheading', level: 3, text: p.heading, id: ctx.nextId() });
    // A record's text keeps its lines (the workbench writes one accepted finding a line): each its own paragraph,
    // not run together into one block of several findings.
    for (const t of p.paragraphs.flatMap((x) => x.split(/\r?\n/))) if (t.trim()) blocks.push({ kind: 'paragraph', text: t.trim() });
    if (p.citations?.length) blocks.push(...citedBlocks(ctx, p.citations));
  }
  if (doc.citations.length) {
    blocks.push({ kind: 'subheading', level: 3, text: doc.citationsHeading ?? '所依据的条文', id: ctx.nextId() });
    blocks.push(...citedBlocks(ctx, doc.citations));
  }
  return blocks;
}

const RECORD_NAME = { review: '合法性审查记录', lecture: '学法活动记录', note: '笔记' } as const;

async function recordSection(ctx: Ctx, item: Extract<PackItem, { type: 'review' | 'lecture' | 'note' }>): Promise<{ heading: string; blocks: DocBlock[] }> {
  const fn = ctx.opts.records?.[item.type];
  const name = RECORD_NAME[item.type];
  if (!fn) return { heading: item.heading ?? name, blocks: [missing(ctx, `${name} ${item.recordId}：本次导出没有接入记录库，未能导出`)] };
  const doc = await fn.call(ctx.opts.records, item.recordId);
  if (!doc) return { heading: item.heading ?? name, blocks: [missing(ctx, `没有找到${name} ${item.recordId}（可能已被删除）`)] };
  return { heading: item.heading ?? doc.title, blocks: recordBlocks(ctx, doc) };
}

async function statsSection(ctx: Ctx, item: Extract<PackItem, { type: 'stats' }>): Promise<{ heading: string; blocks: DocBlock[] }> {
  const heading = item.heading ?? `${item.year}年度学法用法情况统计`;
  const s = await ctx.opts.records?.stats?.(item.year);
  if (!s) return { heading, blocks: [missing(ctx, `${item.year}年度统计：本次导出没有接入记录库，未能生成`)] };
  const blocks: DocBlock[] = s.fields.map((f) => ({ kind: 'field', label: f.label, text: f.value }));
  for (const t of s.tables) blocks.push({ kind: 'subheading', level: 3, text: t.caption, id: ctx.nextId() }, { kind: 'table', head: t.head, rows: t.rows });
  for (const p of s.paragraphs) blocks.push({ kind: 'paragraph', text: p });
  return { heading: item.heading ?? s.title, blocks };
}

/** Extra rows asked of a saved search for the title hits that precede its articles. */
const TITLE_HIT_ALLOWANCE = 20;

/** The filters of a saved search in words (效力级别、地区、时效性、分类、某日有效), '' for none. */
export function searchFilterText(item: Extract<PackItem, { type: 'search' }>): string {
  const parts: string[] = [];
  if (item.levels?.length) parts.push(`效力级别 ${item.levels.join('、')}`);
  if (item.regions?.length) parts.push(`地区 ${item.regions.join('、')}`);
  if (item.statuses?.length) parts.push(`时效性 ${item.statuses.join('、')}`);
  if (item.inForceOnly) parts.push('只看现行有效');
  if (item.categories?.length) parts.push(`分类 ${item.categories.join('、')}`);
  if (item.asOf) parts.push(`${chineseDate(item.asOf)}有效的版本`);
  return parts.join('；');
}

function searchSection(ctx: Ctx, item: Extract<PackItem, { type: 'search' }>): { heading: string; blocks: DocBlock[] } {
  const heading = item.heading ?? `检索“${item.query}”的结果`;
  if (!ctx.opts.search) return { heading, blocks: [missing(ctx, `检索功能在本次导出中不可用，未能列出“${item.query}”的结果`)] };
  // Title hits (a law whose title holds the query) come first on a results page and have no
  // article: they are named in a line, and the page is asked for enough rows to fill the articles.
  const res = ctx.opts.search.search({
    q: item.query,
    limit: item.limit + TITLE_HIT_ALLOWANCE,
    ...(item.lawId ? { lawId: item.lawId } : {}),
    ...(item.inForceOnly ? { inForceOnly: true } : {}),
    ...(item.levels?.length ? { levels: item.levels } : {}),
    ...(item.regions?.length ? { regions: item.regions } : {}),
    ...(item.statuses?.length ? { statuses: item.statuses } : {}),
    ...(item.categories?.length ? { categories: item.categories } : {}),
    ...(item.asOf ? { asOf: item.asOf } : {}),
  });
  const filters = searchFilterText(item);
  const titles = res.hits.filter((h) => h.kind === 'law');
  const articles = res.hits.filter((h) => h.kind !== 'law').slice(0, item.limit);
  const total = res.total - titles.length;
  const blocks: DocBlock[] = [{ kind: 'paragraph', text: `${filters ? `筛选：${filters}。` : ''}共 ${total} 条条文${total > articles.length ? `，以下为前 ${articles.length} 条` : ''}。` }];
  if (titles.length) blocks.push({ kind: 'paragraph', text: `标题含检索词的法规：${titles.map((h) => `《${h.title}》`).join('、')}。` });
  for (const h of articles) blocks.push(...articleBlocks(ctx, h.lawId, h.versionId, h.articleKey));
  return { heading, blocks };
}

/** Resolves every item of a pack against the library (and records, and search when given). */
export async function resolvePack(store: LibraryStore, pack: Pack, opts: ResolveOptions = {}): Promise<PackDocument> {
  let n = 0;
  const ctx: Ctx = { store, pack, opts, warnings: [], articleCount: 0, nextId: () => `h${++n}`, section: 0, printed: new Map(), refs: [] };
  const sections: DocSection[] = [];
  const items = pack.items;
  const defaults = TEMPLATE_DEFAULTS[pack.template];
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    opts.onProgress?.({ phase: 'resolve', done: i, total: items.length, label: itemLabel(item) });
    const id = item.id ?? `item${i}`;
    if (item.type === 'article') {
      const last = sections[sections.length - 1];
      // A run of articles without headings of their own shares one section.
      const joins = !item.heading && last && last.itemIds.length && items[i - 1]?.type === 'article';
      ctx.section = joins ? sections.length - 1 : sections.length;
      const blocks = articleBlocks(ctx, item.law, item.version, item.article, item.titleSnapshot);
      if (joins) {
        last.blocks.push(...blocks);
        last.itemIds.push(id);
      } else sections.push({ id: '', heading: item.heading ?? defaults.articlesHeading, blocks, itemIds: [id] });
      continue;
    }
    let part: { heading: string; blocks: DocBlock[] };
    ctx.section = sections.length;
    switch (item.type) {
      case 'law':
        part = lawSection(ctx, item);
        break;
      case 'search':
        part = searchSection(ctx, item);
        break;
      case 'review':
      case 'lecture':
      case 'note':
        part = await recordSection(ctx, item);
        break;
      case 'stats':
        part = await statsSection(ctx, item);
        break;
      case 'text':
        part = { heading: item.heading ?? '', blocks: item.paragraphs.filter((p) => p.trim()).map((text) => ({ kind: 'paragraph', text })) };
        break;
    }
    sections.push({ id: '', heading: part.heading, blocks: part.blocks, itemIds: [id] });
  }
  opts.onProgress?.({ phase: 'resolve', done: items.length, total: items.length });
  let k = 0;
  sections.forEach((s) => {
    // A heading with nothing under it (a template's 二、相关审查意见 never filled in) is not printed.
    if (s.heading && s.blocks.length) s.heading = `${toChineseNumber(++k)}、${s.heading}`;
  });
  for (const r of ctx.refs) {
    const home = sections[r.section];
    r.block.text = `${r.label ? r.label + '　' : ''}${home?.heading ? `（条文见前文“${home.heading}”）` : '（条文见前文）'}`;
  }
  const kept = sections.filter((s) => s.blocks.length);
  kept.forEach((s, i) => (s.id = `s${i + 1}`));
  return {
    title: pack.title,
    template: pack.template,
    // Cover dates as official documents write them: 2026年12月2日, not 2026-12-02.
    cover: { ...pack.cover, date: chineseDate(pack.cover.date) },
    asOf: pack.asOf,
    sections: kept,
    warnings: ctx.warnings,
    articleCount: ctx.articleCount,
  };
}

export function itemLabel(item: PackItem): string {
  switch (item.type) {
    case 'law':
      return `法规 ${item.law}${item.chapter ? ' ' + item.chapter.join(' ') : ''}`;
    case 'article':
      return `条文 ${item.law} ${item.article}`;
    case 'search':
      return `检索 ${item.query}`;
    case 'stats':
      return `${item.year}年度统计`;
    case 'text':
      return item.heading || '文字';
    default:
      return `${RECORD_NAME[item.type]} ${item.recordId}`;
  }
}
