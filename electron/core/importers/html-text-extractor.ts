// HTML page → plain law text. Decodes by BOM, then the declared charset (gb2312/gbk are read as
// GB18030, which old CMSs really wrote), then strict UTF-8, then GB18030. Drops scripts, styles and
// page furniture, then keeps the smallest element holding (nearly) all the 第X条 lines — the law's
// own block, without the portal's navigation around it — and turns block elements into lines.

import { parse, type HTMLElement, type Node } from 'node-html-parser';
import { decodeText, DecodeError, normalizeNewlines } from '../text/text-decoding';
import { ExtractError, type ExtractedDocument } from './extracted-document';
import { checkHtmlBudget } from './html-budget';
import { fieldOfLabel, guessMetadata, inlineFields, metaFromFields } from './document-metadata';
import { ARTICLE_START_RE, isPageFurniture, toPlainLawText } from './plain-law-text';
import { isChromeElementName, isWebChrome } from './web-chrome';
import { isDataTable, tableRowLine } from './table-rows';

const GB_LABELS = /^(?:gb2312|gb_2312(?:-80)?|gbk|x-gbk|gb18030|cp936|ms936|windows-936|euc-cn|csgb2312|chinese|iso-ir-58)$/i;
const UTF8_LABELS = /^(?:utf-?8|unicode-1-1-utf-8)$/i;

interface Decoded {
  text: string;
  encoding: string;
  warning?: string;
}

function strict(label: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

export function decodeHtml(bytes: Uint8Array): Decoded {
  const bom =
    (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) ||
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)/i.exec(head)?.[1];
  try {
    if (!bom && declared && GB_LABELS.test(declared)) {
      const t = strict('gb18030', bytes);
      if (t !== undefined) return { text: t, encoding: 'gb18030' };
      const u = strict('utf-8', bytes);
      if (u !== undefined) return { text: u, encoding: 'utf-8', warning: `网页声明编码为 ${declared}，实际为 UTF-8` };
      return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030', warning: '网页中有无法解码的字符，已替换为 �' };
    }
    if (!bom && declared && !UTF8_LABELS.test(declared)) {
      try {
        return { text: new TextDecoder(declared).decode(bytes), encoding: declared.toLowerCase() };
      } catch {
        /* unknown label: fall through to detection */
      }
    }
    const d = decodeText(bytes);
    const warning =
      declared && UTF8_LABELS.test(declared) && d.encoding === 'gb18030' ? `网页声明编码为 ${declared}，实际为 GBK/GB18030` : undefined;
    return { text: d.text, encoding: d.encoding, warning };
  } catch (e) {
    if (e instanceof DecodeError) throw new ExtractError(`网页无法解码：${e.message}`);
    throw e;
  }
}

const DROP = new Set(
  'script,style,noscript,template,nav,header,footer,aside,iframe,frame,form,select,button,input,textarea,object,embed,svg,canvas,map,head'.split(','),
);
const BLOCK = new Set(
  'address,article,aside,blockquote,body,br,center,dd,div,dl,dt,figcaption,figure,h1,h2,h3,h4,h5,h6,hr,html,li,main,ol,p,pre,section,table,tbody,td,tfoot,th,thead,tr,ul'.split(','),
);
const INLINE_ONLY = new Set('a,b,strong,em,i,u,s,sup,sub,small,big,br,img,hr'.split(','));

const tagOf = (n: Node) => (n.nodeType === 1 ? ((n as HTMLElement).rawTagName?.toLowerCase() ?? '') : '');

/** A note's mark: 1, [2], （3）, ①, *, † — short. */
const NOTE_MARK_RE = /^[\s\u00a0]*[[［(（]?(?:[0-9０-９]{1,3}|[①-⑳]|[*＊†‡]{1,3})[\]］)）]?[\s\u00a0]*$/;
/**
 * Named as notes: pandoc's `<section class="footnotes">`, LibreOffice's `<div id="sdfootnote1">` and
 * `<p class="Footnote">`, Word's `<div id=ftn1>`, a role doc-endnotes / doc-footnote.
 */
const NOTES_NAME_RE = /^(?:sd)?(?:foot|end)notes?(?:-|[0-9]|$)|^doc-(?:foot|end)notes?$|^_?(?:ftn|edn)[0-9]+$/i;
const NOTE_REF_NAME_RE = /^(?:footnote-ref|doc-noteref|noteref)$/i;
/** A link to a note: pandoc's #fn1, Word's #_ftn1 / #_edn1 (Word raises the mark by a span's style, not <sup>). */
const NOTE_HREF_RE = /^#_?(?:fn|ftn|edn)[0-9]+$/i;
/** An article's own label (a reference, 参见第二条。, is followed by no space). */
const ARTICLE_LABEL_RE = /(?:^|[\s\u3000\u00a0。；])第[零〇一二三四五六七八九十百千0-9]+条(?:之[一二三四五六七八九十]+)?[\s\u3000\u00a0]/;

/**
 * A note's reference in the text (a superscript link to the note: pandoc's `<a href="#fn1"
 * class="footnote-ref"><sup>1</sup></a>`, Word's `<a href="#_ftn1"><sup>[1]</sup></a>`): the law's
 * text is read without it, as the Word readers leave out footnote marks.
 */
function isNoteRef(el: HTMLElement, tag: string): boolean {
  if (tag !== 'a' && tag !== 'sup') return false;
  const a = tag === 'a' ? el : el.childNodes.find((k) => tagOf(k) === 'a') as HTMLElement | undefined;
  if (!a || !(a.getAttribute('href') ?? '').startsWith('#')) return false;
  const named =
    NOTE_HREF_RE.test(a.getAttribute('href') ?? '') ||
    `${a.getAttribute('class') ?? ''} ${a.getAttribute('role') ?? ''}`.split(/\s+/).some((w) => NOTE_REF_NAME_RE.test(w));
  const raised = tag === 'sup' || a.childNodes.some((k) => tagOf(k) === 'sup') || tagOf(el.parentNode) === 'sup';
  return (named || raised) && NOTE_MARK_RE.test(textOf(el, 20) ?? '');
}

const NOTES_TAGS = new Set(['section', 'div', 'aside', 'ol', 'ul', 'li', 'p']);
/**
 * The notes themselves (named so, or by Word's `mso-element:footnote-list` style): editors' notes,
 * not the law. Never a block in which an article starts.
 */
function notesBlock(el: HTMLElement, tag: string): 'notes' | 'named' | undefined {
  if (!NOTES_TAGS.has(tag)) return undefined;
  const style = (el.getAttribute('style') ?? '').replace(/\s+/g, '');
  const words = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''} ${el.getAttribute('role') ?? ''}`.split(/\s+/);
  if (!/mso-element:(?:foot|end)note/i.test(style) && !words.some((w) => NOTES_NAME_RE.test(w))) return undefined;
  const text = textOf(el, 1000);
  return text !== undefined && !ARTICLE_LABEL_RE.test(text) ? 'notes' : 'named';
}

/** An element and the lines [start, end) it produced in the page's one walk. */
interface Candidate {
  el: HTMLElement;
  start: number;
  end: number;
}

/**
 * Block elements → lines; runs of ASCII whitespace inside a line → one space (as a browser shows
 * it). Iterative (a page of 100,000 nested <div> would overflow a recursive walk) and linear: each
 * node is visited once, and each element's span of lines is recorded on the way, so the search
 * for the law's own block needs no second walk per element.
 */
function walkLines(top: HTMLElement, candidates?: Candidate[], dropChrome = false, notes?: { marks: number; blocks: number }): string[] {
  const out: string[] = [];
  let cur = '';
  const flush = () => {
    const t = cur.trim();
    if (t !== '') out.push(t);
    cur = '';
  };
  const stack: { node: Node; next: number; block: boolean; cand?: Candidate; inNamedNotes?: boolean }[] = [{ node: top, next: 0, block: BLOCK.has(tagOf(top)) }];
  if (stack[0]!.block) flush();
  while (stack.length) {
    const f = stack[stack.length - 1]!;
    const kids = f.node.childNodes;
    if (f.next >= kids.length) {
      stack.pop();
      if (f.block) flush();
      if (f.cand) f.cand.end = out.length + (cur.trim() !== '' ? 1 : 0);
      continue;
    }
    const n = kids[f.next++]!;
    if (n.nodeType === 3) {
      cur += n.text.replace(/[\t\n\r ]+/g, ' ');
      continue;
    }
    if (n.nodeType !== 1) continue;
    const tag = tagOf(n);
    if (DROP.has(tag)) continue;
    if (dropChrome && isChromeElement(n as HTMLElement)) continue;
    if (isNoteRef(n as HTMLElement, tag)) {
      if (notes) notes.marks++;
      continue;
    }
    const named = f.inNamedNotes ? undefined : notesBlock(n as HTMLElement, tag);
    if (named === 'notes') {
      if (notes) notes.blocks++;
      continue;
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    if (tag === 'table') {
      const rows = dataTableRows(n as HTMLElement, dropChrome);
      if (rows) {
        const cand = { el: n as HTMLElement, start: out.length, end: out.length };
        for (const row of rows) out.push(tableRowLine(row.map((c) => c.join(' '))));
        cand.end = out.length;
        candidates?.push(cand);
        continue;
      }
    }
    const frame: (typeof stack)[number] = { node: n, next: 0, block, inNamedNotes: f.inNamedNotes || named === 'named' };
    if (candidates && !INLINE_ONLY.has(tag)) {
      frame.cand = { el: n as HTMLElement, start: out.length, end: out.length };
      candidates.push(frame.cand);
    }
    stack.push(frame);
  }
  flush();
  return out;
}

/**
 * A <table> of data as rows of cells (each cell its lines), or undefined for a layout table (a
 * portal's frame, a page in one cell) or one holding another table: those are read line by line.
 * Rows are the table's own <tr> (through thead/tbody/tfoot), cells their <td>/<th>.
 */
function dataTableRows(table: HTMLElement, dropChrome: boolean): string[][][] | undefined {
  const rows: string[][][] = [];
  // grid column → the cell above that still covers it (its width in columns, rows left to cover)
  const spans = new Map<number, { width: number; left: number }>();
  const stack: Node[] = [...table.childNodes].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (n.nodeType !== 1) continue;
    const tag = tagOf(n);
    if (tag === 'table') return undefined;
    if (tag !== 'tr') {
      if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push(n.childNodes[i]!);
      continue;
    }
    const cells: string[][] = [];
    let col = 0; // the grid column the next cell starts at
    const cover = () => {
      // slots a cell of a row above covers (rowspan): an empty cell each, as Word writes a vMerge
      for (let s = spans.get(col); s && s.left > 0; s = spans.get(col)) {
        cells.push([]);
        s.left--;
        col += s.width;
      }
    };
    for (const c of n.childNodes) {
      const ct = tagOf(c);
      if (ct !== 'td' && ct !== 'th') continue;
      for (const e of elements(c as HTMLElement, false)) if (tagOf(e) === 'table') return undefined;
      cover();
      cells.push(walkLines(c as HTMLElement, undefined, dropChrome));
      const width = spanOf(c as HTMLElement, 'colspan', 1, 1000);
      const down = spanOf(c as HTMLElement, 'rowspan', 1, 65534);
      spans.set(col, { width, left: (down === 0 ? 65534 : down) - 1 });
      // a malformed table's cell over a slot still covered from above: the newer cell wins
      for (let k = col + 1; k < col + width; k++) spans.delete(k);
      col += width;
    }
    // covered slots after the row's last own cell
    for (const start of [...spans.keys()].filter((k) => k >= col).sort((a, b) => a - b)) {
      if (start < col) continue;
      col = start;
      cover();
    }
    rows.push(cells);
  }
  return isDataTable(rows) ? rows : undefined;
}

/**
 * A cell's rowspan/colspan as the HTML table model reads it: digits only, else the default; capped
 * (rowspan 0 = to the end of the table, 65534 at most; colspan 1000 at most). A merged cell is one
 * cell of its row — as Word and LibreOffice write a horizontal merge — and the slots it covers in
 * the rows below are empty cells, as Word's vMerge continuation is: every format gives the same row.
 */
function spanOf(cell: HTMLElement, name: 'rowspan' | 'colspan', fallback: number, max: number): number {
  const m = /^\s*(\d+)/.exec(cell.getAttribute(name) ?? '');
  if (!m) return fallback;
  const v = Number(m[1]);
  if (name === 'colspan' && v === 0) return 1;
  return Math.min(v, max);
}

/** Every element under `top` in document order, without recursion; DROP subtrees skipped when asked. */
function* elements(top: HTMLElement, skipDropped: boolean): Generator<HTMLElement> {
  const stack: Node[] = [...top.childNodes].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (n.nodeType !== 1) continue;
    if (skipDropped && DROP.has(tagOf(n))) continue;
    yield n as HTMLElement;
    const kids = n.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
}

/** An element's text, gathered iteratively and given up past `maxNodes` (a heading is short). */
function textOf(el: HTMLElement, maxNodes = 2000): string | undefined {
  let text = '';
  const stack: Node[] = [el];
  let seen = 0;
  while (stack.length) {
    if (++seen > maxNodes) return undefined;
    const n = stack.pop()!;
    if (n.nodeType === 3) text += n.text;
    else for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push(n.childNodes[i]!);
  }
  return text;
}

const SECTION_START_RE = /^[一二三四五六七八九十]+、/;
const PROSE_END_RE = /[。；：！？][”’」』）]?[\s\u3000\u00a0]*$/;
/** Chinese characters in sentence lines a page needs to be read as an unnumbered document. */
const MIN_PROSE_CJK = 40;
const NUMBERED_RE = /第[零〇一二三四五六七八九十百千两0-9]+[条章节编]|^[\s\u3000]*[一二三四五六七八九十]+、/m;

/**
 * A share bar, print/close tools, a font switch, a QR box or a breadcrumb inside the law's block:
 * named so by its class or id, or a row of short links (微信 微博 QQ空间, 首页 > 政务公开) with
 * hardly any text of its own. Never an element that holds a numbered line of the law or much text;
 * links to files (附件 downloads) are the document's, not chrome.
 */
function isChromeElement(el: HTMLElement): boolean {
  const named = isChromeElementName(el.getAttribute('class'), el.getAttribute('id'));
  const tag = tagOf(el);
  if (!named && tag !== 'div' && tag !== 'p' && tag !== 'ul' && tag !== 'td' && tag !== 'span') return false;
  const text = textOf(el, 400);
  if (text === undefined) return false;
  const squashed = text.replace(/[\s\u3000\u00a0]+/g, '');
  if (squashed.length > 200 || NUMBERED_RE.test(text)) return false;
  if (named) return true;
  let links = 0;
  let linkChars = 0;
  for (const a of elements(el, false)) {
    if (tagOf(a) !== 'a') continue;
    const t = (textOf(a, 40) ?? '').replace(/[\s\u3000\u00a0]+/g, '');
    const href = a.getAttribute('href') ?? '';
    if (/\.(?:docx?|wps|pdf|xlsx?|et|ofd|zip|rar|txt)(?:[?#]|$)/i.test(href) || /\.(?:docx?|wps|pdf|xlsx?|et|ofd|zip|rar)$/i.test(t)) return false;
    if (t.length > 8) return false;
    links++;
    linkChars += t.length;
  }
  return links >= 2 && squashed.length - linkChars <= Math.max(6, links * 2);
}
/** Chinese characters in a line, counted in place: match(/…/g) made an array of one string per character (300 MB for a 5 M-character line). */
function cjkCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) n++;
  }
  return n;
}

const LAW_TITLE_RE = /(?:法|条例|规定|办法|细则|规则|决定|通知|意见|批复|解释|规范|纲要|章程|公告|命令|令|标准|准则|方案|制度|安排)(?:（[^）]*）|\([^)]*\))?$/;

/** The page's title for the law: its 标题/名称 field, a heading matching the <title>'s first segment, a law-like heading, else that segment. */
function findTitle(root: HTMLElement, pageTitle: string, stated: string | undefined): string | undefined {
  if (stated) return stated;
  const segment = pageTitle.split(/\s*[_|｜]\s*|\s+[-–—]\s+|-(?=[^-]*$)/)[0]?.trim() ?? '';
  const headings: string[] = [];
  for (const el of elements(root, true)) {
    const tag = tagOf(el);
    const isHeading = tag === 'h1' || tag === 'h2' || tag === 'h3' || /title/.test(el.getAttribute('class') ?? '') || /title/.test(el.getAttribute('id') ?? '');
    if (!isHeading) continue;
    const t = textOf(el)?.replace(/\s+/g, ' ').trim();
    if (t && t.length >= 4 && t.length <= 100 && cjkCount(t) > 0) headings.push(t);
    if (headings.length >= 200) break;
  }
  const byPage = segment ? headings.find((h) => h === segment || h.includes(segment) || segment.includes(h)) : undefined;
  if (byPage) return byPage;
  // A site that titles every page with its own name (国家法律法规数据库) gives no law name there.
  const lawHeading = headings.find((h) => LAW_TITLE_RE.test(h));
  if (segment && (LAW_TITLE_RE.test(segment) || !lawHeading)) return segment;
  return lawHeading ?? (segment || undefined);
}

const squashSpace = (s: string) => s.replace(/[\s\u3000\u00a0]+/g, '');

/**
 * "label: value" pairs the page states outside the law's block: a label cell or span (索 引 号：,
 * <b>发文字号：</b>, <span class="label">制定机关</span>) and what follows it.
 */
function labelledPairs(root: HTMLElement, skip: HTMLElement | undefined): [string, string][] {
  const pairs: [string, string][] = [];
  const stack: Node[] = [...root.childNodes].reverse();
  while (stack.length && pairs.length < 40) {
    const n = stack.pop()!;
    if (n.nodeType !== 1 || n === skip || DROP.has(tagOf(n))) continue;
    const el = n as HTMLElement;
    const text = textOf(el, 40);
    if (text !== undefined && squashSpace(text).length <= 10 && fieldOfLabel(text)) {
      // climb out of <b>/<span> wrappers that hold nothing but the label
      let cur: HTMLElement = el;
      while (cur.parentNode && nextContent(cur) === undefined && squashSpace(textOf(cur.parentNode, 40) ?? '') === squashSpace(text)) cur = cur.parentNode;
      const value = nextContent(cur);
      if (value !== undefined) pairs.push([text, value]);
      continue;
    }
    const kids = el.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return pairs;
}

/** The text right after an element: a non-blank text node, or the next element's text. */
function nextContent(el: HTMLElement): string | undefined {
  const sibs = el.parentNode?.childNodes ?? [];
  for (let i = sibs.indexOf(el) + 1; i < sibs.length; i++) {
    const s = sibs[i]!;
    if (s.nodeType === 3) {
      if (s.text.trim() !== '') return s.text.trim();
      continue;
    }
    if (s.nodeType !== 1) continue;
    return textOf(s as HTMLElement, 200)?.trim();
  }
  return undefined;
}

/** A line of a law's own header: dated history, 文号, 目录 and its entries, a parenthesised note. */
const LAW_HEADER_LINE_RE =
  /^(?:[（(].*[)）]|(?:19|20)\d{2}\s*年.*(?:通过|公布|发布|修正|修订|批准|施行|印发|修改)|.*[〔［[]\s*(?:19|20)\d{2}\s*[〕］\]]\s*\d+\s*号|.*令\s*第\s*[0-9一二三四五六七八九十百]+\s*号|目[\s\u3000]*录|第[一二三四五六七八九十百零]+(?:编|分编|章|节).{0,30}|附[\s\u3000]*则|总[\s\u3000]*则)$/;

export async function extractHtml(bytes: Uint8Array, fileName: string): Promise<ExtractedDocument> {
  if (bytes.length === 0) throw new ExtractError('文件为空（0 字节）');
  const decoded = decodeHtml(bytes);
  const warnings: string[] = decoded.warning ? [decoded.warning] : [];
  const html = normalizeNewlines(decoded.text);
  checkHtmlBudget(html, fileName); // before the parser: its cost on hostile markup is cubic
  const root = parse(html, {
    comment: false,
    blockTextElements: { script: false, noscript: false, style: false, pre: true },
  });
  let pageTitle = '';
  let body: HTMLElement = root;
  for (const el of elements(root, false)) {
    const tag = tagOf(el);
    if (tag === 'title' && !pageTitle) pageTitle = textOf(el)?.trim() ?? '';
    if (tag === 'body') {
      body = el;
      break;
    }
  }

  const candidates: Candidate[] = [];
  const all = walkLines(body, candidates);
  const trimmed = (l: string) => l.replace(/^[\s\u3000\u00a0]+/, '');
  // Per-line counts as prefix sums: any element's totals in O(1).
  const art = [0];
  const sec = [0];
  const cjk = [0];
  // Sentences of prose: what a 决定 or 通知 without numbered paragraphs is made of (a portal's
  // navigation, lists of links and footer lines do not close a sentence).
  const prose = [0];
  let proseCjk = 0;
  for (const l of all) {
    art.push(art.at(-1)! + (ARTICLE_START_RE.test(trimmed(l)) ? 1 : 0));
    sec.push(sec.at(-1)! + (SECTION_START_RE.test(trimmed(l)) ? 1 : 0));
    const c = cjkCount(l);
    cjk.push(cjk.at(-1)! + c);
    const isProse = c >= 15 && PROSE_END_RE.test(l);
    prose.push(prose.at(-1)! + (isProse ? 1 : 0));
    if (isProse) proseCjk += c;
  }
  const n = all.length;
  // Numbered lines find the law's block; a document without them (the other formats keep it as
  // one text) is found by its sentences.
  const key = art[n]! > 0 ? art : sec[n]! >= 2 ? sec : proseCjk >= MIN_PROSE_CJK ? prose : undefined;
  if (!key) throw new ExtractError(`${fileName} 中没有找到法规正文（没有“第X条”或“一、”编号的条文，也没有成段的文字）`);

  // The smallest element that still holds ≥ 90% of the numbered lines is the law's own block.
  let best: Candidate | undefined;
  let bestCjk = cjk[n]!;
  // Without numbered lines, one paragraph is no document's block: a decision's lead-in sentence
  // and the table it introduces (a 罪名 table) stand side by side.
  const minLines = key === prose ? 2 : 1;
  for (const c of candidates) {
    const end = Math.min(c.end, n);
    if (key[end]! - key[c.start]! >= 0.9 * key[n]! && end - c.start >= minLines && cjk[end]! - cjk[c.start]! < bestCjk) {
      best = c;
      bestCjk = cjk[end]! - cjk[c.start]!;
    }
  }
  // Share bars, font switches, 打印/关闭 and editors' lines are dropped wherever they stand in the
  // block (CMS templates put them between articles too), by their element and by their text.
  const notes = { marks: 0, blocks: 0 };
  let content = walkLines(best?.el ?? body, undefined, true, notes);
  if (notes.marks + notes.blocks > 0) warnings.push(`网页中的注释（脚注/尾注${notes.marks ? `，${notes.marks} 个标号` : ''}）未并入正文`);
  const chromeLines = content.filter((l) => isWebChrome(l)).length;
  if (chromeLines > 0) content = content.filter((l) => !isWebChrome(l));
  // The content cell often ends with the page's own links (责任编辑, 打印, 纠错, 扫一扫) after the law.
  while (content.length > 1 && isPageFurniture(content[content.length - 1]!)) content.pop();
  const dropped = cjk[n]! - content.reduce((s, l) => s + cjkCount(l), 0);
  if (dropped > 0) warnings.push(`已去除正文以外的网页内容（导航、页脚等）约 ${dropped} 字`);

  const outside = best ? [...all.slice(0, best.start), ...all.slice(Math.min(best.end, n))] : [];
  const stated = metaFromFields([...labelledPairs(body, best?.el), ...outside.flatMap(inlineFields)]);
  const title = findTitle(root, pageTitle, stated.title);
  const squashedTitle = title ? squashSpace(title) : '';
  // A title set in several centred lines ("国家科学" / "技术奖励条例") is one title.
  if (squashedTitle) {
    let joined = '';
    for (let k = 0; k < Math.min(4, content.length); k++) {
      joined += squashSpace(content[k]!);
      if (k > 0 && joined === squashedTitle) {
        content = [title!, ...content.slice(k + 1)];
        break;
      }
      if (!squashedTitle.startsWith(joined)) break;
    }
  }
  if (best && squashedTitle && !content.slice(0, 3).some((l) => squashSpace(l) === squashedTitle)) {
    // The law's own block often starts after its title and header (a docx preview puts title,
    // history and 目录 in sibling blocks): take back the run of header lines right before the
    // block when the title stands just above that run.
    let at = best.start;
    while (at > 0 && best.start - at < 60 && LAW_HEADER_LINE_RE.test(all[at - 1]!.trim()) && cjkCount(all[at - 1]!) > 0) at--;
    if (at > 0 && squashSpace(all[at - 1]!) === squashedTitle) content = [all[at - 1]!, ...all.slice(at, best.start), ...content];
  }

  const first = content[0]?.replace(/[\s\u3000\u00a0]+/g, '') ?? '';
  const firstIsTitle = first !== '' && !ARTICLE_START_RE.test(content[0]!) && (first === squashedTitle || (LAW_TITLE_RE.test(first) && first.length <= 60));
  if (!firstIsTitle && title) content = [title, ...content];

  const result = toPlainLawText(content);
  if (result.tocAt !== undefined) warnings.push(`已跳过目录（${result.tocEntries} 个条目）`);
  return { text: result.text, format: 'html', encoding: decoded.encoding, meta: { ...guessMetadata(result.text), ...stated }, warnings };
}
