// Shared last step of the PDF, DOCX and HTML extractors: turn the paragraphs a document yields into
// the plain-text law shape the parser reads (one line per paragraph, article lines as "第X条 正文",
// headings as bare lines, no table of contents), and map stray CJK radicals back to ideographs.

import { closeIdeographSpaces, closeSpacedLabel } from '../parse/stray-spaces';
import { RADICAL_PAIRS } from './cjk-radical-map';
import { fieldOfLabel, spaceGluedLabels } from './document-metadata';
import { isWebChrome } from './web-chrome';

const NUM = '[零〇一二三四五六七八九十百千两0-9０-９]+';
const WS = '[\\s\\u3000\\u00a0]';
export const ARTICLE_START_RE = new RegExp(`^(第${NUM}条(?:之${NUM})?)${WS}+`);
export const HEADING_START_RE = new RegExp(`^(第${NUM}(?:编|分编|章|节))(?:${WS}+|$)`);
const TOC_TITLE_RE = /^目[\s\u3000]*录$/;
/** A 目录 entry: a heading name, maybe dotted leaders and a page number. */
const TOC_ENTRY_RE = new RegExp(
  `^(?:第${NUM}(?:编|分编|章|节)|附[\\s\\u3000]*则|总[\\s\\u3000]*则|分[\\s\\u3000]*则|序[\\s\\u3000]*言|附[\\s\\u3000]*[件录])`,
);
/** A (tidied) 目录 line ending in a page number; "附件1" ends in its own number, not a page's. */
const TOC_PAGE_RE = /(?:[.…·．_—\-－⋯]{2,}[.…·．_—\-－⋯\s\u3000]*[0-9０-９]+|[^0-9０-９件录\s\u3000][\s\u3000]*[0-9０-９]+)$/;
const TOC_LEADER_RE = /(?:[.…·．_—\-－⋯]{2,}|[\s\u3000])*[0-9０-９]*$/;

let radicalMap: Map<string, string> | undefined;

/** Kangxi radicals and CJK radicals supplement → the unified ideograph (⼈ → 人, ⺠ → 民). */
export function mapRadicals(text: string): string {
  if (!/[\u2e80-\u2fdf]/.test(text)) return text;
  if (!radicalMap) {
    radicalMap = new Map();
    for (const chunk of RADICAL_PAIRS) {
      const cps = [...chunk];
      for (let i = 0; i + 1 < cps.length; i += 2) radicalMap.set(cps[i]!, cps[i + 1]!);
    }
    // A radical reaches the text when a PDF writer names a glyph two code points share by the
    // lower one (Chromium/Skia with Noto or Source Han CJK). In a simplified-Chinese font ⼾ shares
    // 户's glyph, not that of 戶 (its NFKC form): every 户 of such a PDF arrived as 戶 (户籍, 账户).
    // In the traditional fonts ⼾ has a glyph of its own, so no 戶 comes this way.
    radicalMap.set('\u2f3e', '户');
  }
  const map = radicalMap;
  return text.replace(/[\u2e80-\u2fdf]/g, (c) => map.get(c) ?? c);
}

const isWide = (c: string | undefined) => c !== undefined && c.charCodeAt(0) > 0x2e7f;
const isAsciiWord = (c: string | undefined) => c !== undefined && /[A-Za-z0-9]/.test(c);
const isIdeograph = (c: string | undefined) => c !== undefined && /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/.test(c);
/** Marks a space its writer typed beside a Latin word or a number in positioned text (PDF, OFD), from the layout to the paragraph step. */
export const TYPED_SPACE = '\u00a0';
/** Where an ideograph meets a Latin letter or a digit: the place a typed space is kept and a gap is not. */
export const latinBoundary = (before: string | undefined, after: string | undefined) =>
  (isIdeograph(before) && isAsciiWord(after)) || (isAsciiWord(before) && isIdeograph(after));

/**
 * Tidy one paragraph: trim, collapse runs of spaces to one, close the spaces between two ideographs
 * by the parser's one rule (`closeIdeographSpaces`: a PDF's gap, a letter-spaced name, a space typed
 * into a sentence go, a space between two organs' names or beside a number stays), drop a space
 * beside any other wide character (a full-width mark) — but not one between an ideograph and a digit
 * or Latin letter in typed text (Word, HTML: `keepLatinSpaces`), which the parser's one rule judges
 * for every format as it does for Markdown — and write the article/heading label with one ASCII space.
 */
export function tidyParagraph(raw: string, keepLatinSpaces = true): string {
  // Positioned text marks a space its writer typed beside a Latin word or a number (TYPED_SPACE,
  // U+00A0); in Word and HTML text a no-break space is a space like any other.
  let text = closeSpacedLabel(raw.trim())
    .replace(/[\s\u3000\u00a0]+/g, (sp) => (!keepLatinSpaces && sp.includes(TYPED_SPACE) ? TYPED_SPACE : ' '))
    .trim();
  if (text === '') return '';
  let label = '';
  const m = ARTICLE_START_RE.exec(text) ?? HEADING_START_RE.exec(text);
  if (m) {
    label = m[1]!;
    text = text.slice(m[0].length);
  }
  if (!text.startsWith('|')) text = closeIdeographSpaces(text);
  text = text.replace(/[ \u00a0]+/g, (sp, offset: number, all: string) => {
    const [before, after] = [all[offset - 1], all[offset + sp.length]];
    if (isIdeograph(before) && isIdeograph(after) && !all.startsWith('|')) return ' ';
    // a space between an ideograph and a Latin letter or a digit stays for the parser's one rule
    // (dropStraySpaces: "2014年 3月" closes, "专业界 300人", "GB/T 16180 劳动能力鉴定" stay), as in
    // Markdown — in positioned text only where the writer typed it (a gap there is the Western
    // font's run starting: "本法自 2020年")
    const typed = keepLatinSpaces || sp.includes(TYPED_SPACE);
    if (typed && latinBoundary(before, after)) return ' ';
    return isWide(before) || isWide(after) ? '' : ' ';
  });
  return label ? (text ? `${label} ${text}` : label) : text;
}

export interface LawTextResult {
  text: string;
  /** Index (into the input) of the 目录 title when a table of contents was removed. */
  tocAt?: number;
  tocEntries: number;
}

const squash = (s: string) => s.replace(TOC_LEADER_RE, '').replace(/[\s\u3000]+/g, '');

/**
 * Paragraphs → plain law text. A 目录 before the first article is removed with its entries (they
 * carry leaders and page numbers the parser would take for text); the body's first heading, which
 * repeats the first entry, ends it.
 */
export function toPlainLawText(paragraphs: readonly string[], opts: { positioned?: boolean } = {}): LawTextResult {
  // Positioned text (PDF, OFD, OCR) shows gaps: a gap beside a digit is the switch to the Western
  // font ("本法自 2020年"), never a space to keep; a space the writer typed there is marked (U+00A0).
  const tidy = paragraphs.map((p) => tidyParagraph(p, !opts.positioned));
  const out: string[] = [];
  let tocAt: number | undefined;
  let tocEntries = 0;
  let sawArticle = false;
  for (let i = 0; i < tidy.length; i++) {
    const p = tidy[i]!;
    if (p === '') continue;
    if (!sawArticle && tocAt === undefined && TOC_TITLE_RE.test(p)) {
      let j = i + 1;
      const seen = new Set<string>();
      let repeated = false;
      for (; j < tidy.length; j++) {
        const e = tidy[j]!;
        if (e === '') continue;
        if (!TOC_ENTRY_RE.test(e) || e.length > 60) break;
        const key = squash(e);
        if (seen.has(key)) {
          repeated = true; // the body's heading repeats an entry: the TOC is over
          break;
        }
        seen.add(key);
      }
      tocAt = i;
      if (!repeated) {
        // No heading came back: the entries were never listed apart from the body (a Word TOC
        // field already left out, a 目录 drawn as a picture), so the lines after the title are the
        // body's own headings — only those carrying a page number are TOC entries.
        const entries = tidy.slice(i + 1, j).filter((e) => e !== '');
        const paged = entries.filter((e) => TOC_PAGE_RE.test(e));
        tocEntries = paged.length;
        for (const e of entries) if (!TOC_PAGE_RE.test(e)) out.push(e);
      } else tocEntries = seen.size;
      i = j - 1;
      continue;
    }
    if (ARTICLE_START_RE.test(p)) sawArticle = true;
    out.push(p);
  }
  return { text: out.join('\n') + '\n', tocAt, tocEntries };
}

// ---------------------------------------------------------------- text copied from web pages
// A law copied out of a browser or a 法规 database carries what the page showed around it: the
// database's labelled header (【发布部门】…【发文字号】…), a title with the edition appended
// ("…法(2015修正)"), <br> tags pasted as text, related-law boxes (【法宝联想】 followed by
// 《…》第X条 references) between articles, note markers [1] with their notes at the end, and a
// copyright line. None of it is the law; the labelled header is kept as metadata.

const TAG_BREAK_RE = /<\/?(?:br|p|div)\b[^<>]{0,200}>/gi;
const BOX_LABEL_RE = /^【[^】\n]{2,10}】$/;
const LABEL_LINE_RE = /^【([^】\n]{2,10})】[\s\u3000]*(.*)$|^([^：:\s]{2,8})[：:][\s\u3000]*(.+)$/;
const REFERENCE_LINE_RE = /^(?:《[^》\n]{2,80}》(?:第[^\s《》]{1,40}条(?:之[一二三四五六七八九十]+)?)?[、，,；;\s]*)+$/;
const NOTE_LINE_RE = /^[[［](\d{1,3})[\]］][\s\u3000]*\S/;
const NOTE_MARK_RE = /[[［](\d{1,3})[\]］]/g;
const COPYRIGHT_RE = /^(?:©|\(c\)|Copyright\b|版权所有|.{0,20}版权所有[\s\u3000]*$)/i;
/** "(2015修正)", "（2019年修订）", "(2015修正本)" after a database's title: the edition, not the name. */
const EDITION_RE = /[（(](?:19|20)\d{2}年?(?:修正|修订|修改)(?:本|版|文本)?[)）]$/;
/**
 * A line of page furniture a selection in the browser takes along: breadcrumbs, print/close/share
 * links, 字号 switches, the QR prompt, 责任编辑/来源/浏览次数, 上一篇/下一篇 and related-article
 * lists' headings. Only ever dropped above the title or below the last article.
 */
const FURNITURE_RE =
  /^(?:.{0,12}(?:当前位置|您的位置|现在的位置)[：:]|首页\s*[>›»/]|.*\s[>›»]\s.*$|【?(?:打印|打印本页|打印此页|关闭|关闭窗口|收藏|我要纠错|纠错|分享到?|字体|字号|返回顶部)(?:[】：:]|\s|$)|扫一扫|.{0,12}(?:责任编辑|来源|浏览次数|访问次数|点击数|作者)[：:]|(?:相关(?:稿件|文章|链接|新闻|阅读)|上一篇|下一篇)(?:[：:]|$)|(?:主办|承办|技术支持|网站标识码|地址|邮编|联系电话)(?:单位)?[：:]|.*(?:ICP备|公网安备)|(?:【[^】]{1,8}】[\s\u3000]*)+$)/;

export function isPageFurniture(line: string): boolean {
  const t = line.trim();
  return t !== '' && t.length <= 80 && FURNITURE_RE.test(t);
}

/** "label：value" pairs in a line of a copied 信息公开 table ("发文机关：\t国务院\t成文日期：\t2024年05月26日"). */
const LABEL_RUN_RE = /(?:^|[\s\u3000]+)((?:[\u4e00-\u9fa5][\s\u3000]*){2,6}?)[：:]/g;
function tablePairs(line: string): [string, string][] | undefined {
  const labels = [...line.matchAll(LABEL_RUN_RE)];
  if (labels.length === 0 || labels[0]!.index !== 0) return undefined;
  const pairs = labels.map((m, k): [string, string] => [m[1]!, line.slice(m.index + m[0].length, labels[k + 1]?.index ?? line.length).trim()]);
  return pairs.some(([l]) => fieldOfLabel(l)) || pairs.length >= 2 ? pairs : undefined;
}

const BODY_RE = new RegExp(`^[\\s\\u3000]*(?:第${NUM}(?:条|章|节|编)|[一二三四五六七八九十]+、)`);

export interface WebCopyResult {
  text: string;
  /** The labelled header's pairs, for metaFromFields. */
  fields: [string, string][];
  removed: { header: number; boxes: number; notes: number; tags: number; furniture: number };
}

/** The import report's lines for what cleanWebCopy took out. */
export function webCopyWarnings(r: WebCopyResult['removed']): string[] {
  const w: string[] = [];
  if (r.header) w.push(`已把文件开头的 ${r.header} 行标注信息（发布部门、发文字号等）读作元数据`);
  if (r.boxes) w.push(`已去除 ${r.boxes} 处网页附带的关联法规提示`);
  if (r.notes) w.push(`已去除 ${r.notes} 条脚注及其标号`);
  if (r.furniture) w.push(`已去除 ${r.furniture} 行网页附带的导航、打印、分享等内容`);
  if (r.tags) w.push(`已去除 ${r.tags} 个网页换行标记（<br> 等）`);
  return w;
}

export function cleanWebCopy(input: string): WebCopyResult {
  const removed = { header: 0, boxes: 0, notes: 0, tags: 0, furniture: 0 };
  let text = input.replace(TAG_BREAK_RE, () => {
    removed.tags++;
    return '\n';
  });
  if (removed.tags) text = text.replace(/&nbsp;/g, ' ');
  const lines = text.split('\n');
  const fields: [string, string][] = [];
  const bodyAt = lines.findIndex((l) => BODY_RE.test(l));
  const out: string[] = [];
  let title: string | undefined;
  let bodyOutAt = Infinity;
  // The labelled header: lines before the body that a database writes as 【label】value or
  // label：value with a known label, or as an unknown 【…】 label (时效性, 效力级别, 法宝引证码).
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (bodyAt >= 0 && i >= bodyAt) {
      bodyOutAt = out.length;
      // one by one: spread as arguments, a body of a million lines overflows the stack
      for (let k = i; k < lines.length; k++) out.push(lines[k]!);
      break;
    }
    // a table row the PDF layout wrote as "|label：|value|…|" reads as the copied table's tabs
    const row = /^\|.*\|$/.test(line) ? line.slice(1, -1).replace(/\|/g, '\t') : line;
    const pairs = tablePairs(spaceGluedLabels(row));
    if (pairs) {
      fields.push(...pairs);
      removed.header++;
      continue;
    }
    const m = LABEL_LINE_RE.exec(line);
    const label = m?.[1] ?? m?.[3];
    if (m && label && (fieldOfLabel(label) || m[1] !== undefined)) {
      if (fieldOfLabel(label)) fields.push([label, (m[2] ?? m[4] ?? '').trim()]);
      removed.header++;
      continue;
    }
    if (title === undefined && isPageFurniture(line)) {
      removed.furniture++;
      continue;
    }
    if (line !== '' && title === undefined) {
      title = line.replace(EDITION_RE, '').trim();
      out.push(lines[i]!.replace(line, title));
      continue;
    }
    // the page's heading repeats the title under the database's header
    if (title !== undefined && line.replace(/[\s\u3000]+/g, '') === title.replace(/[\s\u3000]+/g, '')) continue;
    out.push(lines[i]!);
  }
  // A stated title found further down: what stands above it is the page's, not the law's.
  const stated = fields.find(([l]) => fieldOfLabel(l) === 'title')?.[1].replace(/[\s\u3000]+/g, '');
  const titleAt = stated ? out.findIndex((l, k) => k < bodyOutAt && l.replace(/[\s\u3000]+/g, '') === stated) : -1;
  if (titleAt > 0) {
    removed.furniture += out.slice(0, titleAt).filter((l) => l.trim() !== '').length;
    out.splice(0, titleAt);
    bodyOutAt -= titleAt;
  }
  // Notes: "[1] …" lines after the last article (with a copyright line), and their markers.
  const notes = new Set<string>();
  let end = out.length;
  let tail = false;
  for (let i = out.length - 1; i >= 0; i--) {
    const l = out[i]!.trim();
    if (l === '' || COPYRIGHT_RE.test(l) || isPageFurniture(l)) {
      if (l !== '') {
        tail = true;
        if (!COPYRIGHT_RE.test(l)) removed.furniture++;
      }
      end = i;
      continue;
    }
    const nm = NOTE_LINE_RE.exec(l);
    if (nm && !BODY_RE.test(l)) {
      notes.add(nm[1]!);
      tail = true;
      end = i;
      continue;
    }
    break;
  }
  if (!tail) end = out.length;
  removed.notes = notes.size;
  const kept: string[] = [];
  for (let i = 0; i < end; i++) {
    const line = out[i]!;
    const t = line.trim();
    // chrome the copy took along between two articles (a template's 打印/分享 row, 责任编辑 line)
    if (i >= bodyOutAt && isWebChrome(t)) {
      removed.furniture++;
      continue;
    }
    if (BOX_LABEL_RE.test(t) && (bodyAt < 0 || i > 0)) {
      // a related-law box: its label and the bare 《…》 references under it
      removed.boxes++;
      while (i + 1 < end && REFERENCE_LINE_RE.test(out[i + 1]!.trim())) i++;
      continue;
    }
    kept.push(notes.size ? line.replace(NOTE_MARK_RE, (mark, k: string) => (notes.has(k) ? '' : mark)) : line);
  }
  return { text: kept.join('\n'), fields, removed };
}
