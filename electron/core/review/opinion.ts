// The 合法性审查意见书 of a review, as the pack engine's document model in official layout (公文):
// number and title, 主送, 审查依据, 审查过程, 审查意见 by 权限 / 程序 / 内容 with every cited article (or 款 / 项)
// quoted in the version the record holds (法学引注手册 style, as packs cite), 结论, signature and
// the 修改建议对照表 as an annex. Wording comes from resources/opinion-templates/<kind>.json, which
// the office edits; the office name and numbering come from options, never from code.

import { REVIEW_TIME_LIMITS, timeLimitText } from '../../shared/review-time-limits';
import { formatIssue } from '../../shared/errors';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CONCLUSIONS } from '../records/record-types';
import type { Citation, LegalityReview } from '../records/record-types';
import { RecordsError } from '../records/records-errors';
import { appRoot } from '../library/open-library';
import type { DocBlock, DocSection, PackDocument } from '../packs/pack-document';
import type { OpinionQuoteMode } from '../../shared/review-workbench';
import { OPINION_DOUBTFUL_ORIGINAL, opinionDoubtfulPagesNote, suggestionsByArticle, type Basis, type Suggestion } from '../../shared/review-workbench';
import { basisLines, sortArticles } from './opinion-bases';
import { emptyPointText, type OpinionCoverage } from '../../shared/opinion-coverage';
import { partLabel, partLines } from '../../shared/article-part';
import { OCR_PENDING_NOTE, type Level } from '../../shared/law-model';
import { own } from '../util/own-key';

export const OpinionTemplateSchema = z.object({
  schemaVersion: z.literal(1),
  kind: z.string(),
  title: z.string().min(1),
  number: z.string().min(1),
  salutation: z.string(),
  intro: z.string(),
  headings: z.object({ basis: z.string(), process: z.string(), opinion: z.string(), conclusion: z.string() }),
  categories: z.object({ 权限: z.string(), 程序: z.string(), 内容: z.string() }),
  emptyCategory: z.string(),
  conclusions: z.object(Object.fromEntries(CONCLUSIONS.map((c) => [c, z.string()])) as Record<(typeof CONCLUSIONS)[number], z.ZodString>),
  noConclusion: z.string(),
  annexTitle: z.string(),
  annexColumns: z.array(z.string()).length(5),
  /** The annex quoting the cited articles when they are listed apart (quotes 'annex'); absent in templates written before. */
  quotesAnnexTitle: z.string().default('附件：引用条文原文'),
  closing: z.string(),
});
export type OpinionTemplate = z.infer<typeof OpinionTemplateSchema>;

export function templatesDir(): string {
  return process.env.LAWDESK_OPINION_TEMPLATES || join(appRoot(), 'resources', 'opinion-templates');
}

/** The template for a review type (规范性文件 / 重大行政决策 / 合同; others use 规范性文件's). */
export function loadTemplate(type: string, dir = templatesDir()): OpinionTemplate {
  const name = ['规范性文件', '重大行政决策', '合同'].includes(type) ? type : '规范性文件';
  const file = join(dir, `${name}.json`);
  if (!existsSync(file)) throw new RecordsError('INVALID', `没有找到意见书模板 ${file}`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new RecordsError('INVALID', `意见书模板“${name}.json”不是合法的 JSON（${(e as Error).message}）`);
  }
  const r = OpinionTemplateSchema.safeParse(raw);
  if (!r.success) throw new RecordsError('INVALID', `意见书模板“${name}.json”不合格式：${formatIssue(r.error.issues[0]!, {}, raw)}`);
  return r.data;
}

export interface OpinionOptions {
  /** The reviewing office (signature), e.g. 高青县科学技术局; default: 法律顾问 line only. */
  office?: string;
  /** Number prefix (高科审); the number is the review's 文号 when it has one. */
  numberPrefix?: string;
  /** The opinion's date, YYYY-MM-DD (default: the review's completedDate, else today). */
  date?: string;
  today: string;
  templatesDir?: string;
  /** The bases of the accepted findings (审查依据 lists them with the record's citations). */
  bases?: Basis[];
  /** 效力级别 of the laws cited, by law id (the order of 审查依据). */
  levels?: Record<string, Level>;
  /**
   * Which 要点 a check reached (opinion-coverage.ts): a point without an opinion in the record reads
   * the template's 经审查，未发现问题 only when checked, else 未审查 with the reason.
   */
  coverage: OpinionCoverage;
  /**
   * Quote the cited articles after each 要点 (inline, the default), name them only (none), or name them
   * only and quote each once in the annex 附件：引用条文原文 (annex).
   */
  quotes?: OpinionQuoteMode;
  /**
   * Each cited version named with its date, by version id (datedTitleOf: 《中华人民共和国行政许可法》
   * （2019年4月23日修正）), heading its articles in the annex; a version missing here is named as its citation reads.
   */
  versionTitles?: Record<string, string>;
  /**
   * The local documents binding the office the template's {本地规定} names (basis-documents.ts
   * localBasisTitles): 和《山东省行政规范性文件制定和监督管理办法》 in 山东, nothing elsewhere.
   */
  localBases?: string[];
  /**
   * Written from a scan nobody has checked: the articles (第三条) of accepted points read from a page too poor to trust
   * (articleDoubtfulPages). The 审查意见 ends with a note that those points await the original, and the 对照表's 原文 of
   * each carries OPINION_DOUBTFUL_ORIGINAL — they go out under the office's name, not as established.
   */
  doubtfulArticles?: string[];
}

/** Every article the record cites: the findings of 权限/程序/内容, the opinion's, the review's own. */
export function allCitations(review: LegalityReview): Citation[] {
  return [...review.findings.authority.citations, ...review.findings.procedure.citations, ...review.findings.content.citations, ...review.opinion.citations, ...review.citations];
}

export function chineseDate(d: string): string {
  const [y, m, day] = d.split('-');
  return `${y}年${Number(m)}月${Number(day)}日`;
}

/**
 * A finding's reason as the 意见书 and its 对照表 print it: dates in words (2019-04-23 → 2019年4月23日,
 * GB/T 9704 writes dates so), and without the quoted excerpt the line already leads with.
 */
export function documentReason(f: { excerpt: string; reason: string }): string {
  const lead = `“${f.excerpt}”：`;
  const reason = f.reason.startsWith(lead) ? f.reason.slice(lead.length) : f.reason;
  return reason.replace(/(\d{4})-(\d{2})-(\d{2})/g, (d) => chineseDate(d));
}

function fill(t: string, vars: Record<string, string>): string {
  return t.replace(/\{([^{}]+)\}/g, (m, k: string) => vars[k] ?? m);
}

/**
 * 高科审〔2026〕3号: the review's own 文号 if set, else the template's pattern with the review's
 * sequence number. A pattern that needs the 机关代字 gets none without it: 〔2026〕3号 alone is not
 * a 发文字号 (GB/T 9704), and a blank line is easier for the office to fill than a wrong number.
 */
export function opinionNumber(review: LegalityReview, template: OpinionTemplate, prefix = ''): string {
  if (review.refNo?.trim()) return review.refNo.trim();
  if (!prefix.trim() && template.number.includes('{前缀}')) return '';
  const seq = Number(/-(\d+)$/.exec(review.id)?.[1] ?? '1');
  return fill(template.number, { 前缀: prefix, 年: review.receivedDate.slice(0, 4), 序号: String(seq) });
}

const CAT_KEY = { 权限: 'authority', 程序: 'procedure', 内容: 'content' } as const;

/** A finding's line as accepted (workbench-service lineOf): 送审稿第四条“…”：reason（依据：…）. */
const FINDING_LINE = /^送审稿(第[^“”：]{1,12}?条)((?:“[^“”]*”)+)：([\s\S]+)$/u;

/**
 * An adviser says one problem of one article once: the record's lines quoting two sentences of the
 * same article for the same reason and basis (送审稿第四条“A”：R / 送审稿第四条“B”：R) are printed as
 * one paragraph quoting both, where the first stood, and “该句” reads “上述内容”. A clause quoted with
 * the ；or ，that ended it in the draft is quoted without it. Lines in other words (the adviser's own)
 * are printed as written; the record itself is not changed.
 */
export function joinedFindingLines(lines: string[]): string[] {
  const out: ({ article: string; quotes: string[]; rest: string } | string)[] = [];
  const first = new Map<string, { article: string; quotes: string[]; rest: string }>();
  for (const line of lines) {
    const m = FINDING_LINE.exec(line);
    if (!m) {
      out.push(line);
      continue;
    }
    const quotes = [...m[2]!.matchAll(/“([^“”]*)”/gu)].map((q) => q[1]!.replace(/[；;，,、]$/u, ''));
    const key = `${m[1]}\u0000${m[3]}`;
    const known = first.get(key);
    if (known) {
      known.quotes.push(...quotes.filter((q) => !known.quotes.includes(q)));
      continue;
    }
    const entry = { article: m[1]!, quotes, rest: m[3]! };
    first.set(key, entry);
    out.push(entry);
  }
  return out.map((e) => joinedBases(typeof e === 'string' ? e : `送审稿${e.article}${e.quotes.map((q) => `“${q}”`).join('')}：${e.quotes.length > 1 ? e.rest.replace(/^该句/u, '上述内容') : e.rest}`));
}

/** Splits at a ；outside （…） and “…”: a document's 要点 may hold one. */
function topLevelParts(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '（' || c === '“') depth++;
    else if ((c === '）' || c === '”') && depth > 0) depth--;
    else if (c === '；' && depth === 0) {
      parts.push(text.slice(from, i));
      from = i + 1;
    }
  }
  return [...parts, text.slice(from)];
}

const PLAIN_BASIS = /^(《[^》]+》(?:（[^）]*）)?)(第[^；“”（）《》]+)$/u;

/**
 * A line's （依据：…） names a law once with its articles in order (《民法典》第五十七条、第九十七条), as
 * the 审查依据 does, not once per article (《民法典》第九十七条；《民法典》第五十七条). A basis quoting its
 * words, or a document's 要点, is left as written.
 */
export function joinedBases(line: string): string {
  const at = line.lastIndexOf('（依据：');
  if (at < 0 || !line.endsWith('）')) return line;
  const parts = topLevelParts(line.slice(at + 4, -1));
  const out: (string | { head: string; arts: string[] })[] = [];
  for (const part of parts) {
    const m = PLAIN_BASIS.exec(part.trim());
    const same = m ? out.find((o): o is { head: string; arts: string[] } => typeof o !== 'string' && o.head === m[1]) : undefined;
    if (same) same.arts.push(m![2]!);
    else out.push(m ? { head: m[1]!, arts: [m[2]!] } : part);
  }
  return `${line.slice(0, at)}（依据：${out.map((o) => (typeof o === 'string' ? o : `${o.head}${sortArticles([...new Set(o.arts)]).join('、')}`)).join('；')}）`;
}

/** A basis quoting its words: 《…通知》（国办发〔2018〕37号）一、（一）“严禁越权发文”：“不得设定…” — title, part, words. */
const WORDED_BASIS = /^(《[^》]+》(?:（[^）]*）)?)([^：]*)：“([\s\S]*)”$/u;

export interface QuotedWords {
  /** 《…》（国办发〔2018〕37号） */
  head: string;
  /** 一、（一）“严禁越权发文” */
  part: string;
  words: string;
}

/**
 * A line whose （依据：…） quotes a provision's words (a document the library lacks is cited so, with its
 * words from review-bases/documents.json), named by its part only — for a 意见书 that quotes no text in its
 * body — and the words taken out, for the annex. Other lines are returned as they are.
 */
export function basisWordsApart(line: string): { line: string; words: QuotedWords[] } {
  const at = line.lastIndexOf('（依据：');
  if (at < 0 || !line.endsWith('）')) return { line, words: [] };
  const words: QuotedWords[] = [];
  const parts = topLevelParts(line.slice(at + 4, -1)).map((part) => {
    const m = WORDED_BASIS.exec(part.trim());
    if (!m) return part;
    words.push({ head: m[1]!, part: m[2]!.trim(), words: m[3]! });
    return `${m[1]}${m[2]!.trim()}`;
  });
  return words.length ? { line: `${line.slice(0, at)}（依据：${parts.join('；')}）`, words } : { line, words };
}

/**
 * A cited article as the version the record holds reads it (款 on their own lines); a citation of one
 * 款 or 项 (立法法第九十三条第六款) quotes that part alone, labelled as cited (第九十三条第六款). A
 * citation stored without its part (before it was kept) quotes the article.
 */
export function quote(c: Citation): DocBlock[] {
  const part = partLines(c.textSnapshot, c);
  return [
    { kind: 'citation', text: c.citation || c.label },
    part ? { kind: 'article', label: `${c.label}${partLabel(c)}`, lines: part } : { kind: 'article', label: c.label, lines: c.textSnapshot.split('\n') },
  ];
}

/**
 * The 对照表's rows: one per article of the draft (as the workbench's card), its proposals numbered in
 * the draft's order (1. 2.); an 原文 or 理由 that several proposals share is said once, with their
 * numbers (1、2.), and one shared by all of them needs no number.
 */
export function annexRows(suggestions: Suggestion[]): string[][] {
  const cell = (texts: string[]): string => {
    const said: { numbers: number[]; text: string }[] = [];
    texts.forEach((text, i) => {
      const same = said.find((x) => x.text === text);
      if (same) same.numbers.push(i + 1);
      else said.push({ numbers: [i + 1], text });
    });
    return said.length === 1 ? said[0]!.text : said.map((x) => `${x.numbers.join('、')}. ${x.text}`).join('\n');
  };
  return suggestionsByArticle(suggestions).map((row, i) => [String(i + 1), row.article, ...(['original', 'proposal', 'reason'] as const).map((k) => cell(row.suggestions.map((s) => s[k])))]);
}

/**
 * The annex 附件：引用条文原文: each article cited, once, in the order first cited — under its law's title and
 * version date, each law once (in the order its first article was cited). A 款 or 项 is quoted alone, as
 * cited, when it is the only part of that article cited; an article cited whole or by several parts is
 * quoted whole. A chapter or a whole law cited is named in the text, not quoted. An article of an OCR
 * text nobody has checked keeps its note (识别文本，待核对) on its label.
 */
export function quotationAnnex(cs: Citation[], versionTitles: Record<string, string> = {}, worded: QuotedWords[] = []): DocBlock[] {
  const laws = new Map<string, { head: string; articles: Map<string, Citation[]> }>();
  for (const c of cs) {
    if (c.scope) continue;
    let law = laws.get(c.versionId);
    if (!law) {
      law = { head: own(versionTitles, c.versionId) ?? /^《[^》]+》(?:（[^）]*）)?/u.exec(c.citation)?.[0] ?? c.citation, articles: new Map() };
      laws.set(c.versionId, law);
    }
    law.articles.set(c.articleKey, [...(law.articles.get(c.articleKey) ?? []), c]);
  }
  const out: DocBlock[] = [];
  for (const law of laws.values()) {
    out.push({ kind: 'citation', text: law.head });
    for (const cited of law.articles.values()) {
      const c = cited[0]!;
      const parts = new Set(cited.map((x) => partLabel(x)));
      const part = parts.size === 1 ? partLines(c.textSnapshot, c) : undefined;
      const note = cited.some((x) => x.citation.endsWith(OCR_PENDING_NOTE)) ? OCR_PENDING_NOTE : '';
      out.push(part ? { kind: 'article', label: `${c.label}${partLabel(c)}${note}`, lines: part } : { kind: 'article', label: `${c.label}${note}`, lines: c.textSnapshot.split('\n') });
    }
  }
  // Then the documents the library lacks, as 审查依据 lists them after the laws: each provision once, its words
  // as the findings quote them (two findings may quote different sentences of one provision).
  const docs = new Map<string, Map<string, string[]>>();
  for (const w of worded) {
    const parts = docs.get(w.head) ?? new Map<string, string[]>();
    docs.set(w.head, parts);
    const said = parts.get(w.part) ?? [];
    if (!said.includes(w.words)) parts.set(w.part, [...said, w.words]);
  }
  for (const [head, parts] of docs) {
    out.push({ kind: 'citation', text: head });
    // In quotation marks, as the findings quoted them: the words are an excerpt of the provision, not all of it.
    for (const [part, words] of parts) out.push({ kind: 'article', label: part, lines: words.map((w) => `“${w}”`) });
  }
  return out;
}

/** A 要点's citations to quote: a part of an article quoted whole there as well is not quoted again. */
export function quotedCitations(cs: Citation[]): Citation[] {
  const whole = new Set(cs.filter((c) => !c.paragraph && !c.item).map((c) => `${c.versionId}#${c.articleKey}`));
  return cs.filter((c) => !(c.paragraph || c.item) || !whole.has(`${c.versionId}#${c.articleKey}`));
}

export function buildOpinion(review: LegalityReview, suggestions: Suggestion[], opts: OpinionOptions): PackDocument {
  const template = loadTemplate(review.type, opts.templatesDir);
  const date = opts.date ?? review.completedDate ?? opts.today;
  const local = opts.localBases ?? [];
  const vars = { 送审件: review.title.replace(/^《|》$/g, ''), 送审单位: review.leadUnit, 收件日期: chineseDate(review.receivedDate), 本地规定: local.length ? `和${local.map((t) => `《${t}》`).join('')}` : '' };
  const title = fill(template.title, vars);
  const sections: DocSection[] = [];
  let n = 0;
  const section = (heading: string, blocks: DocBlock[]) => sections.push({ id: `s${++n}`, heading, blocks, itemIds: [] });

  section('', [
    // 主送机关 顶格 (GB/T 9704-2012 7.3.2)
    { kind: 'paragraph', text: fill(template.salutation, vars), flush: true },
    { kind: 'paragraph', text: fill(template.intro, vars) },
    // A fact the 主送 and the opening already state (你单位于2026年11月24日报送的《…》) is not listed
    // again between 现提出审查意见如下 and 一、: only what a template leaves out is.
    ...(
      [
        ['送审单位', review.leadUnit],
        ['送审件', review.title],
        ['收件日期', chineseDate(review.receivedDate)],
      ] as const
    )
      .filter(([, text]) => !`${fill(template.salutation, vars)}${fill(template.intro, vars)}`.includes(text.replace(/^《|》$/g, '')))
      .map(([label, text]): DocBlock => ({ kind: 'field', label, text })),
  ]);

  // 审查依据: every article and provision relied on, in the library's version or as the finding names the document.
  const laws = basisLines(allCitations(review), opts.bases ?? [], opts.levels);
  section(template.headings.basis, laws.length ? laws.map((l, i) => ({ kind: 'paragraph', text: `${i + 1}. ${l}` })) : [{ kind: 'paragraph', text: '（未引用具体条文）' }]);

  const process: DocBlock[] = [];
  const provided = (review.materials ?? []).filter((m) => m.provided).map((m) => m.name);
  const missing = (review.materials ?? []).filter((m) => !m.provided).map((m) => m.name);
  process.push({ kind: 'paragraph', text: `送审材料：${provided.length ? provided.join('、') : '无'}${missing.length ? `；未提供：${missing.join('、')}` : ''}。` });
  for (const p of review.procedures.filter((x) => x.applicable)) {
    const when = p.date ? `${chineseDate(p.date)}${p.endDate ? `至${chineseDate(p.endDate)}` : ''}` : '';
    process.push({ kind: 'paragraph', text: `${p.check}：${p.done ? `已进行${when ? `（${when}）` : ''}` : '未进行'}${p.notes ? `，${p.notes}` : ''}。` });
  }
  const limit = REVIEW_TIME_LIMITS[review.type];
  if (limit.source) process.push({ kind: 'paragraph', text: `审查时限：${timeLimitText(review.type)}。` });
  if (review.opinion.adviser) process.push({ kind: 'paragraph', text: `${review.opinion.adviserRole ?? '法律顾问'}${review.opinion.adviser}参与审查并出具意见。` });
  section(template.headings.process, process);

  // The articles the 要点 and the 结论 rest on: quoted after each (inline) or once in an annex (annex).
  const inline = (opts.quotes ?? 'inline') === 'inline';
  const quoted: Citation[] = [];
  const worded: QuotedWords[] = [];
  const opinion: DocBlock[] = [];
  for (const cat of ['权限', '程序', '内容'] as const) {
    const f = review.findings[CAT_KEY[cat]];
    opinion.push({ kind: 'subheading', level: 3, text: template.categories[cat], id: `s-${CAT_KEY[cat]}` });
    const paras = joinedFindingLines(f.text.split(/\n+/).map((x) => x.trim()).filter(Boolean)).map((p) => {
      if (inline) return p;
      const apart = basisWordsApart(p);
      worded.push(...apart.words);
      return apart.line;
    });
    if (!paras.length && !f.citations.length) opinion.push({ kind: 'paragraph', text: emptyPointText(opts.coverage[cat], template.emptyCategory) });
    for (const p of paras) opinion.push({ kind: 'paragraph', text: p });
    quoted.push(...quotedCitations(f.citations));
    if (inline) for (const c of quotedCitations(f.citations)) opinion.push(...quote(c));
  }
  if (opts.doubtfulArticles?.length) opinion.push({ kind: 'paragraph', text: opinionDoubtfulPagesNote(opts.doubtfulArticles) });
  section(template.headings.opinion, opinion);

  const conclusion: DocBlock[] = [{ kind: 'paragraph', text: review.conclusion ? template.conclusions[review.conclusion] : template.noConclusion }];
  for (const p of review.opinion.text.split(/\n+/).map((x) => x.trim()).filter(Boolean)) conclusion.push({ kind: 'paragraph', text: p });
  quoted.push(...quotedCitations(review.opinion.citations));
  if (inline) for (const c of quotedCitations(review.opinion.citations)) conclusion.push(...quote(c));
  conclusion.push({ kind: 'paragraph', text: template.closing });
  section(template.headings.conclusion, conclusion);

  const doubtful = new Set(opts.doubtfulArticles ?? []);
  if (suggestions.length) {
    section(template.annexTitle, [
      // 条款 wide enough for 第十一条 on one line; 理由, the longest, the widest but 原文. In 小四 (compact),
      // as the 规范性文件登记 register: at the body's 四号 a row of two proposals in five columns ran over a page.
      { kind: 'table', head: template.annexColumns, rows: annexRows(doubtful.size ? suggestions.map((x) => (doubtful.has(x.article) ? { ...x, original: `${x.original}${OPINION_DOUBTFUL_ORIGINAL}` } : x)) : suggestions), widths: [1.3, 2.1, 3.7, 3.2, 3.7], align: ['center', 'center', 'left', 'left', 'left'], compact: true },
    ]);
  }
  // After the 对照表 the conclusion names (所附修改建议对照表): 附件1 then 附件2, as the 附件说明 lists them.
  const annexed = opts.quotes === 'annex' ? quotationAnnex(quoted, opts.versionTitles, worded) : [];
  if (annexed.length) section(template.quotesAnnexTitle, annexed);
  const articleCount = sections.reduce((k, s) => k + s.blocks.filter((b) => b.kind === 'article').length, 0);
  return {
    official: { number: opinionNumber(review, template, opts.numberPrefix?.trim()) },
    title,
    template: '合法性审查参考资料',
    cover: { title, unit: opts.office ?? '', date: chineseDate(date), purpose: '' },
    asOf: date,
    sections,
    warnings: [],
    articleCount,
    layout: 'official',
    // 落款 after the text and the 附件说明 (the renderer writes 附件：修改建议对照表 from the annex).
    signature: { unit: opts.office ?? '', date: chineseDate(date), lines: review.opinion.adviser ? [`${review.opinion.adviserRole ?? '法律顾问'}：${review.opinion.adviser}`] : [] },
  };
}
