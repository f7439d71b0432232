// Splits the text of a law into its real structure: header (title, history), 编/章/节 headings,
// 条 articles with their 款 paragraphs and 项 items, 序言 and 附件. Works on the corpus Markdown
// format and on plain text (what TXT, PDF, DOCX and HTML extraction produce). Documents without
// any 第X条 line are split into their numbered sections (一、二、…) instead.
// Invariant: every line that starts with 第X条 followed by whitespace starts exactly one article,
// so the article count equals the number of such lines — after articles published run together on
// one line ("…同意。 第六十五条 航路…") or as "第一百二十八 条…" are put on lines of their own, when
// they are the next article's number (splitRunOnArticles).

import type { Article, HistoryEvent } from '../../shared/law-model';
import { isDraftMarkLine } from '../../shared/draft-title';
import { paragraphsFromText } from '../../shared/law-text';
import { parseChineseNumber, NUMERAL_CHARS } from '../text/chinese-numerals';
import { dropStraySpaces, closeSpacedLabel } from './stray-spaces';
import { foreignHeader, ownHistoryText } from './header-owner';

const N = `[${NUMERAL_CHARS}]+`;
const WS = '[\\s\\u3000]';
const ARTICLE_RE = new RegExp(`^第(${N})条(?:之(${N}))?(?:${WS}+|$)`);
const HEADING_RE = new RegExp(`^第(${N})(编|分编|章|节)(?:${WS}|$)`);
const SECTION_RE = /^([一二三四五六七八九十百]+)、/;
/** A heading with no space after its number (第三节赔偿程序): a short title of ideographs only. */
const GLUED_HEADING_RE = new RegExp(`^第(${N})(编|分编|章|节)([\\u3400-\\u9fff]{2,16})$`);
const APPENDIX_RE = /^附(?:件|录)(?:[一二三四五六七八九十\d]+)?(?:[：:\s\u3000]|$)/;
const PREAMBLE_RE = /^序\s*言$/;
const TOC_RE = /^目\s*录$/;
const INFO_END = '<!-- INFO END -->';
const DATE_RE = new RegExp(`(\\d{4}|[〇零一二三四五六七八九]{4})年(${N})月(${N})日`);

export interface ParsedLaw {
  title: string;
  subtitle?: string;
  history: HistoryEvent[];
  units: Article[];
  /** Lines of the header that are neither title nor dated history (kept for metadata guesses). */
  headerLines: string[];
  /** The document's closing lines after the last article: signature and date, 版记 (抄送, 印发). */
  trailerLines: string[];
  warnings: string[];
}

export interface ParseOptions {
  format: 'md' | 'txt';
}

/**
 * Trim ASCII and full-width spaces. String.prototype.trim strips exactly the regex \s set, which
 * includes U+3000, in linear time; the regex /[\s\u3000]+$/ retried at every position of a long
 * inner run of spaces was quadratic (200,000 spaces in one line hung the import).
 */
function clean(line: string): string {
  return line.trim();
}

/** Collapse the spaced-out headings of government texts: "总　　则" → "总则"; keep one space after the number. */
function tidyHeading(line: string): string {
  const m = HEADING_RE.exec(line);
  if (!m) return line.replace(/[\s\u3000]+/g, '');
  const head = line.slice(0, m[0].trimEnd().length).replace(/[\s\u3000]+/g, '');
  const rest = line.slice(m[0].length).replace(/[\s\u3000]+/g, '');
  return rest ? `${head} ${rest}` : head;
}

export function parseDate(text: string): string | undefined {
  const m = DATE_RE.exec(text);
  if (!m) return undefined;
  const y = parseChineseNumber(m[1]!);
  const mo = parseChineseNumber(m[2]!);
  const d = parseChineseNumber(m[3]!);
  if (!(y > 1900 && y < 2200 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31)) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function eventKind(text: string): HistoryEvent['kind'] {
  if (/修订/.test(text)) return '修订';
  if (/修正|修改/.test(text)) return '修正';
  if (/通过/.test(text)) return '通过';
  if (/公布|发布|印发/.test(text)) return '公布';
  if (/施行|实施|生效/.test(text)) return '施行';
  return '其他';
}

/**
 * History from a header line. Handles "2019年4月23日 …修正" and the parenthesised one-liners of
 * official texts: "（2003年8月27日…通过　根据2019年4月23日…修正）".
 */
export function parseHistoryLine(line: string): HistoryEvent[] {
  const body = asciiDigits(clean(line)).replace(/^[（(]|[)）]$/g, '');
  const events: HistoryEvent[] = [];
  const re = new RegExp(DATE_RE.source, 'g');
  const starts: { index: number; end: number }[] = [];
  for (let m = re.exec(body); m; m = re.exec(body)) starts.push({ index: m.index, end: m.index + m[0].length });
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i]!;
    const date = parseDate(body.slice(s.index, s.end));
    if (!date) continue;
    let text = body.slice(s.end, i + 1 < starts.length ? starts[i + 1]!.index : body.length);
    text = clean(text.replace(/^[\s\u3000，,]+/, '').replace(/[\s\u3000，,；;]*(根据|依据)?$/, ''));
    // A date inside a 《…》 title or a reference ("根据…的决定") belongs to the previous event only
    // when nothing event-like follows it; keep it simple and record each dated clause.
    events.push({ date, text, kind: eventKind(text) });
  }
  return events;
}

/** A 《 opened and not closed: the line was wrapped inside a title. */
export function unclosedTitle(text: string): boolean {
  return text.lastIndexOf('《') > text.lastIndexOf('》');
}

const LETTERHEAD_RES = [
  // 发文机关标志: "高青县人民政府文件", "中共高青县委办公室 高青县人民政府办公室文件"
  /^[\u4e00-\u9fa5（）()\s\u3000]{2,60}文件$/,
  // 发文字号, maybe with 签发人 on the same line
  /^[\u4e00-\u9fa5]{1,12}[\s\u3000]*[〔［[【（(][\s\u3000]*\d{4}[\s\u3000]*[〕］\]】）)][\s\u3000]*第?[\s\u3000]*\d{1,5}[\s\u3000]*号(?:[\s\u3000]*签发人[：:].{0,20})?$/,
  /^签发人[：:\s\u3000]/,
  // 份号
  /^[0-9０-９]{4,8}$/,
  // 密级 and 保密期限, 紧急程度
  /^(?:绝密|机密|秘密|特急|加急|特提|平急)(?:[★☆\s\u3000]*[\u4e00-\u9fa50-9]{0,6})?$/,
  // the red rule when it was typed or drawn as characters
  /^[—\-─━_＿=]{3,}$/,
];

/** A line of a 红头文件's letterhead, above the title; never a title ("关于…的通知文件" is not one). */
export function isLetterheadLine(line: string): boolean {
  // a draft's corner mark (征求意见稿) above its title
  if (isDraftMarkLine(line)) return true;
  if (/关于|办法|规定|条例|决定|通知|意见|细则|规则|方案/.test(line)) return LETTERHEAD_RES.slice(1).some((re) => re.test(line));
  return LETTERHEAD_RES.some((re) => re.test(line));
}

/** 公布令 head: "中华人民共和国主席令", "山东省人民政府令" over "第七十八号". */
const ORDER_HEAD_RE = /^[\u4e00-\u9fa5]{2,30}令$/;
const ORDER_NO_RE = new RegExp(`^[（(]?第${WS}*(?:[0-9０-９]+|${N})${WS}*号[)）]?$`);
/**
 * A 公告 that publishes the law above it: "最高人民法院公告", "中华人民共和国最高人民法院公告", "山东省人民代表大会常务委员会
 * 公告" — an organ's name and 公告, no 关于 (a 公告 about something is a title).
 */
const ANNOUNCEMENT_HEAD_RE = /^(?!.*关于)[\u4e00-\u9fa5]{2,30}(?:人民法院|人民检察院|常务委员会|人民政府|委员会|院|部|署|局)公告$/;
/** The 公告's words that it publishes a text (现予公布, 予以公布, 现予发布). */
const PUBLISHES_RE = /(?:现予|予以|现)(?:公布|发布|颁布)/;
const DATE_ONLY_RE = new RegExp(`^[（(]?${DATE_RE.source}[)）]?$`);
/** A title's last line when the title was set over two or three lines ("…》" / "的通知"). */
const TITLE_TAIL_RE =
  /^(?:的)?[\u4e00-\u9fa5、]{0,12}(?:通知|决定|意见|批复|报告|函|公告|通告|规定|办法|细则|方案|通报|请示|纪要|条例|规则|实施意见|工作方案)$/;
/** A line that is an organ's name (a title's first line before 关于…). */
const ORGAN_LINE_RE = /^[\u4e00-\u9fa5（）()、\s\u3000]{2,40}(?:人民政府|办公室|办公厅|委员会|局|厅|部|署|院|委|中心|政府)$/;
/** A piece of a 发文机关标志 set in a table or text boxes: 文件 alone (its organs on lines of their own). */
const BANNER_PIECE_RE = /^[\s\u3000]*文[\s\u3000]*件[\s\u3000]*$/;
/** How an organ's name ends (a signature line, with no spaces). */
const ORGAN_END_RE = /(?:人民政府|办公室|办公厅|委员会|常务委员会|局|厅|部|署|院|委|中心|政府|管委会|公司|协会|法院|检察院|小组|指挥部)$/;

/** Whether the line after a title's first line continues it (a title set over several centred lines). */
function titleContinues(title: string, next: string): boolean {
  if (next === '' || next.length > 60 || ARTICLE_RE.test(next) || HEADING_RE.test(next) || isHistoryLine(next) || /^[（(]/.test(next)) return false;
  if (SECTION_RE.test(next) || APPENDIX_RE.test(next) || TOC_RE.test(next) || /[。；：:]$/.test(next)) return false;
  if (unclosedTitle(title)) return true;
  if (/^关于/.test(next)) return ORGAN_LINE_RE.test(title) && !/关于/.test(title);
  return /关于|《/.test(title) && TITLE_TAIL_RE.test(next) && !TITLE_TAIL_RE.test(title.replace(/^.*》/, ''));
}

export interface DocumentHead {
  /** 红头 letterhead lines above the title (发文机关标志, 文号, 签发人, 份号, 密级…). */
  letterhead: string[];
  /** A 公布令 above the law: its name, number, text, signature and date. */
  order: string[];
  title: string;
  /** Index of the first line after the title. */
  next: number;
}

/**
 * The last line (the date under the signature) of a 公告 that publishes a law, starting at `i`: its number
 * (（第八十三号）), a paragraph saying it publishes the text (现予公布), the organ and the date — all within 12
 * lines, with the law's text after it. -1 when the lines at `i` are no such 公告.
 */
function announcementEnd(lines: readonly string[], i: number): number {
  let publishes = false;
  for (let k = i + 1, seen = 0; k < lines.length && seen < 12; k++) {
    if (lines[k] === '') continue;
    seen++;
    const compact = lines[k]!.replace(/[\s\u3000]+/g, '');
    // "国家税务总局公告 / 2024年第1号 / 关于…的公告": a 公告 that is the document itself, its title below the head
    if (/^关于.*(?:公告|通知|决定)$/.test(compact)) return -1;
    if (PUBLISHES_RE.test(compact)) publishes = true;
    if (DATE_ONLY_RE.test(compact)) return publishes && lines.slice(k + 1).some((l) => l !== '') ? k : -1;
    if (ARTICLE_RE.test(lines[k]!) || HEADING_RE.test(lines[k]!)) return -1;
  }
  return -1;
}

/**
 * The head of a plain-text document: a 红头文件's letterhead, a 公布令 printed before the law (as
 * 国务院令 / 主席令 pages and documents received with them have it) or a 公告 publishing it (最高人民法院公告, a
 * 人大常委会公告, with the law's 文号 line under it), then the title, joined when it
 * was set over several lines. `lines` are trimmed; blank ones are skipped.
 */
export function documentHead(lines: readonly string[], start = 0): DocumentHead {
  let i = start;
  const skip = () => {
    while (i < lines.length && lines[i] === '') i++;
  };
  skip();
  const letterhead: string[] = [];
  // A banner set in a table or in text boxes (a joint document's organs stacked, 文件 beside them)
  // reaches the text as its pieces: organ names and a bare 文件 before the 发文字号. Above a 文号 nothing
  // is the title, so those lines are letterhead too.
  for (let j = i, k = 0; j < lines.length && k < 8; j++) {
    if (lines[j] === '') continue;
    k++;
    if (LETTERHEAD_RES[1]!.test(lines[j]!)) {
      if (j > i) for (; i < j; i++) if (lines[i] !== '') letterhead.push(lines[i]!);
      break;
    }
    if (!(isLetterheadLine(lines[j]!) || BANNER_PIECE_RE.test(lines[j]!) || ORGAN_LINE_RE.test(lines[j]!))) break;
  }
  for (let k = 0; k < 8 && i < lines.length && isLetterheadLine(lines[i]!); k++) {
    letterhead.push(lines[i]!);
    i++;
    skip();
  }
  const order: string[] = [];
  const announcement = i < lines.length && ANNOUNCEMENT_HEAD_RE.test(lines[i]!.replace(/[\s\u3000]+/g, '')) ? announcementEnd(lines, i) : -1;
  if (announcement >= 0) {
    // the 公告, its signature and date; then the law's own 文号 line (法释〔2024〕1号) over its title
    for (let k = i; k <= announcement; k++) if (lines[k] !== '') order.push(lines[k]!);
    i = announcement + 1;
    skip();
    if (i < lines.length && LETTERHEAD_RES[1]!.test(lines[i]!)) {
      order.push(lines[i]!);
      i++;
      skip();
    }
  } else if (i < lines.length && ORDER_HEAD_RE.test(lines[i]!.replace(/[\s\u3000]+/g, ''))) {
    let j = i + 1;
    while (j < lines.length && lines[j] === '') j++;
    if (j < lines.length && ORDER_NO_RE.test(lines[j]!)) {
      // the order's text, the signer and the date close it
      let end = -1;
      for (let k = j + 1, seen = 0; k < lines.length && seen < 12; k++) {
        if (lines[k] === '') continue;
        seen++;
        if (DATE_ONLY_RE.test(lines[k]!.replace(/[\s\u3000]+/g, ''))) {
          end = k;
          break;
        }
        if (ARTICLE_RE.test(lines[k]!) || HEADING_RE.test(lines[k]!)) break;
      }
      const last = end >= 0 ? end : j;
      for (let k = i; k <= last; k++) if (lines[k] !== '') order.push(lines[k]!);
      i = last + 1;
      skip();
    }
  }
  let title = '';
  if (i < lines.length) {
    title = lines[i]!;
    i++;
    for (let k = 0; k < 2; k++) {
      let j = i;
      while (j < lines.length && lines[j] === '') j++;
      if (j >= lines.length || !titleContinues(title, lines[j]!)) break;
      title += lines[j]!;
      i = j + 1;
    }
  }
  return { letterhead, order, title, next: i };
}

/**
 * ２０１２年１２月１９日 …令第１２５号发布 → ASCII digits: a header typed in full-width digits (2 corpus texts, and
 * offices' Word documents) is read as history, its dates and order numbers as any other's.
 */
export function asciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

function isHistoryLine(line: string): boolean {
  const c = asciiDigits(clean(line));
  return /^[（(]?(\d{4}|[〇零一二三四五六七八九]{4})年/.test(c) && parseDate(c) !== undefined;
}

interface Builder {
  unit: Article;
  lines: string[];
}

function newUnit(
  kind: Article['kind'],
  number: number,
  suffix: number,
  label: string,
  path: string[],
): Article {
  const key =
    kind === 'article'
      ? suffix
        ? `${number}-${suffix}`
        : String(number)
      : kind === 'section'
        ? `s${number}`
        : kind === 'preamble'
          ? 'preamble'
          : `appendix${number}`;
  return { key, kind, number, suffix, label, path: [...path], paragraphs: [], text: '' };
}

function addLine(b: Builder, line: string): void {
  b.lines.push(line);
}

function finishUnit(b: Builder): Article {
  const u = b.unit;
  u.text = b.lines
    .filter((l) => l !== '')
    .map(dropStraySpaces)
    .join('\n');
  u.paragraphs = paragraphsFromText(u.text);
  return u;
}

const HEADING_LEVEL: Record<string, number> = { 编: 0, 分编: 1, 章: 2, 节: 3 };

/** A numbered title (一、程序规定): a short name after 一、, with no clause or sentence mark; its number, or 0. */
function numberedHeading(text: string): number {
  const sec = SECTION_RE.exec(text);
  if (!sec) return 0;
  const name = text.slice(sec[0].length).replace(/[\s\u3000]+/g, '');
  return name.length >= 2 && name.length <= 20 && /^[\u3400-\u9fff、]+$/.test(name) && !name.endsWith('、') ? parseChineseNumber(sec[1]!) : 0;
}

/** "第一百二十八 条侦查人员…": an article number whose space slipped in front of 条 (a PDF's or a site's text). */
const SPACED_ARTICLE_RE = new RegExp(`^第(${N})${WS}+条(?!之)${WS}*`);
/** "…同意。 第六十五条 航路…": an article start after a sentence's end, on the line of the one before. */
const RUN_ON_ARTICLE_RE = new RegExp(`([。；！？”’）)])[ \\u3000]+(第(${N})条(?:之(${N}))?)[ \\u3000]+(?=\\S)`, 'g');
/** A sentence's end followed by a blank and more text: in a run-on line, where a 款 ended. */
const RUN_ON_PARAGRAPH_RE = /([。；！？])[ \u3000]+(?=[\u3400-\u9fff（(“])/g;

/**
 * Lines whose articles ran together: a site or a text extraction that lost the line breaks writes
 * "…同意。 第六十五条 航路和固定航线…" and sometimes "第一百二十八 条侦查人员…". An inline 第N条 is
 * a new article only when it is the very next number (N = the last article's + 1, or 第N条之M
 * after 第N条 / 之M−1) and stands between a sentence's end and a blank — the way a citation
 * (依照本法第六十五条规定) never does — and the rest of such a line, where a sentence's end is
 * followed by a blank, is split into its 款 too. Every other line is kept as it is.
 */
function splitRunOnArticles(lines: string[], md: boolean): string[] {
  let last = { n: 0, s: 0 };
  const isNext = (n: number, s: number) => (s === 0 ? n === last.n + 1 : n === last.n && s === last.s + 1);
  const out: string[] = [];
  for (const raw of lines) {
    if (md && /^\s*#/.test(raw)) {
      out.push(raw);
      continue;
    }
    let line = raw;
    const text = clean(raw);
    const spaced = SPACED_ARTICLE_RE.exec(text);
    if (spaced && !ARTICLE_RE.test(text) && isNext(parseChineseNumber(spaced[1]!), 0)) line = `第${spaced[1]}条 ${text.slice(spaced[0].length)}`;
    const art = ARTICLE_RE.exec(clean(line));
    if (art) last = { n: parseChineseNumber(art[1]!), s: art[2] ? parseChineseNumber(art[2]) : 0 };
    const cuts: number[] = [];
    for (const m of line.matchAll(RUN_ON_ARTICLE_RE)) {
      const [n, sfx] = [parseChineseNumber(m[3]!), m[4] ? parseChineseNumber(m[4]) : 0];
      if (!isNext(n, sfx)) continue;
      cuts.push(m.index + m[1]!.length);
      last = { n, s: sfx };
    }
    if (!cuts.length) {
      out.push(line);
      continue;
    }
    const pieces = [0, ...cuts].map((from, k) => line.slice(from, cuts[k] ?? line.length).trim());
    for (const piece of pieces) out.push(...piece.replace(RUN_ON_PARAGRAPH_RE, '$1\n').split('\n'));
  }
  return out;
}

/**
 * Lines that look like articles but cite another law's: a document whose 第X条 lines neither start at
 * 第一条 nor mostly follow one another, most of them followed by where they come from (a
 * 确定罪名的补充规定 whose table of 刑法条文 and 罪名 reaches the text as lines
 * "第一百三十三条之二 （《刑法修正案（十一）》第二条） 妨害安全驾驶罪"). Its own numbering would go
 * 第一条, 第二条…; a law missing its first page still counts on, and an excerpt of articles (摘录)
 * does not name a source after each label. In the 2,590 corpus laws this holds for exactly the seven
 * 罪名 补充规定 read as TXT, and for none as Markdown.
 */
const CITED_ARTICLE_RE = new RegExp(
  `^第${N}条(?:之${N})?(?:第${N}[款项])?(?:[、，,\\s\u3000]*第${N}(?:条|款|项)(?:之${N})?)*${WS}*[（(]《`,
);

function citesArticles(lines: readonly string[]): boolean {
  const seq: [number, number][] = [];
  let cited = 0;
  for (const l of lines) {
    const m = ARTICLE_RE.exec(l);
    if (m) seq.push([parseChineseNumber(m[1]!), m[2] ? parseChineseNumber(m[2]) : 0]);
  }
  for (const l of lines) if (CITED_ARTICLE_RE.test(l)) cited++;
  // most of them name where they come from: "（《刑法修正案（十一）》第二条）"
  if (seq.length < 2 || seq[0]![0] === 1 || cited < 0.5 * seq.length) return false;
  let follows = 0;
  for (let k = 1; k < seq.length; k++) {
    const [[n0, s0], [n1, s1]] = [seq[k - 1]!, seq[k]!];
    if ((n1 === n0 + 1 && s1 === 0) || (n1 === n0 && s1 === s0 + 1)) follows++;
  }
  return follows < 0.5 * (seq.length - 1);
}

/** The next non-empty line of the body after `line`. */
function nextText<T extends { text: string }>(body: readonly T[], line: T): string {
  for (let k = body.indexOf(line) + 1; k < body.length; k++) if (body[k]!.text !== '') return body[k]!.text;
  return '';
}

/**
 * Whether a numbered title `n` goes on from the document's last one (`last`, 0 before the first): the next
 * number, or — once the titles have begun — the one after it, when a title was lost: a scan misread it
 * (三、监护 read 三女妙护, so 四、宣告失踪和宣告死亡 did not follow and stayed in the article before), or the
 * text did not set it on its own line (a 解释 in the corpus writes its 四、 title, of 28 characters, as
 * body text: its 五、其他规定 was read into 第二十三条). Over the corpus (the fixtures' laws left out) with its ## marks taken off this takes
 * one more heading (that 五、), and no line that is not one.
 */
function nextNumbered(n: number, last: number): boolean {
  return n === last + 1 || (last >= 1 && n === last + 2);
}

/** A sub-title under a numbered title: "（一）担保合同与担保物权的效力" — a short name, no clause or sentence mark. */
const SUB_TITLE_RE = /^[（(][一二三四五六七八九十]{1,3}[)）][\u3400-\u9fff、]{2,24}$/;

/**
 * The next line is a 第X条, or a sub-title (（一）name) with a 第X条 after it — the latter not when the
 * line before opened a list (…：), whose items 一、 and （一） may stand without a sentence mark.
 */
function headsArticles<T extends { text: string }>(body: readonly T[], line: T, before: string): boolean {
  const next: string[] = [];
  for (let k = body.indexOf(line) + 1; k < body.length && next.length < 2; k++) if (body[k]!.text !== '') next.push(body[k]!.text);
  if (ARTICLE_RE.test(next[0] ?? '')) return true;
  return !/[：:]$/.test(before) && SUB_TITLE_RE.test((next[0] ?? '').replace(/[\s\u3000]+/g, '')) && ARTICLE_RE.test(next[1] ?? '');
}

export function parseLawText(input: string, opts: ParseOptions): ParsedLaw {
  const lines = input.split('\n').map(closeSpacedLabel);
  const warnings: string[] = [];
  let title = '';
  let subtitle: string | undefined;
  const history: HistoryEvent[] = [];
  const headerLines: string[] = [];

  // ---- header ----
  let i = 0;
  const infoEnd = opts.format === 'md' ? lines.findIndex((l) => l.trim() === INFO_END) : -1;
  const skipBlank = () => {
    while (i < lines.length && clean(lines[i]!) === '') i++;
  };
  skipBlank();
  if (opts.format !== 'md') {
    // A 红头文件's letterhead (发文机关标志, 份号, 密级, 紧急程度, 发文字号, 签发人) or a 公布令 stands
    // above the title, which may be set over several lines.
    const head = documentHead(lines.slice(0, Math.min(lines.length, i + 80)).map((l) => clean(l.replace(/^#+/, ''))), i);
    headerLines.push(...head.letterhead, ...head.order);
    title = head.title;
    i = head.next;
  } else if (i < lines.length) {
    title = clean(lines[i]!.replace(/^#+/, ''));
    i++;
  }
  // A draft's mark set on its own line under the title (某某条例 / （征求意见稿）) is the head's, not a preamble.
  for (let j = i; j < lines.length && j < i + 4; j++) {
    const c = clean(lines[j]!.replace(/^#+/, ''));
    if (c === '') continue;
    if (isDraftMarkLine(c)) {
      headerLines.push(c);
      i = j + 1;
    }
    break;
  }
  if (infoEnd >= 0) {
    for (; i < infoEnd; i++) {
      const raw = lines[i]!;
      const c = clean(raw.replace(/^#+/, ''));
      if (c === '') continue;
      if (raw.trimStart().startsWith('#') && subtitle === undefined && history.length === 0) subtitle = c;
      else if (isHistoryLine(c)) history.push(...parseHistoryLine(c));
      else if (history.length && unclosedTitle(history.at(-1)!.text)) {
        // a history line wrapped inside a 《…》 title: "…《关于修改<…>第三十条" + "第三十一条的决定》第一次修正"
        const last = history.at(-1)!;
        last.text += c;
        last.kind = eventKind(last.text);
      } else headerLines.push(c);
    }
    i = infoEnd + 1;
  } else {
    // Plain text: a second title line (e.g. a subtitle in the same font) or history lines follow.
    for (; i < lines.length; i++) {
      const c = clean(lines[i]!.replace(/^#+/, ''));
      if (c === '') continue;
      if (isHistoryLine(c)) history.push(...parseHistoryLine(c));
      else if (/^[（(].*(通过|公布|修正|修订|发布|施行|令).*[)）]$/.test(c) && parseDate(c)) {
        history.push(...parseHistoryLine(c));
      } else if (/^[（(]?[^（）()]{0,20}(令|〔\d{4}〕)[^（）()]{0,20}号[)）]?$/.test(c)) headerLines.push(c);
      else break;
    }
  }

  // A header of another law (a file carrying the wrong law's history): its organs and dates are not this law's.
  // The history the text states under its title is taken instead, when it states one.
  const foreign = foreignHeader(title, history);
  if (foreign) {
    const own = ownHistoryText(lines.slice(i, i + 8).map(clean));
    history.splice(0, history.length, ...(own ? parseHistoryLine(own) : []));
    warnings.push(`${foreign}：文件头的制定历史属于另一部法规，未采用其日期和制定机关${own ? '，改用正文开头所载的制定历史' : ''}，请核对文件`);
  }

  // ---- body ----
  const body = splitRunOnArticles(lines.slice(i), opts.format === 'md').map((l) => ({ raw: l, text: clean(l), md: opts.format === 'md' && /^\s*#/.test(l) }));
  const citing = citesArticles(body.map((l) => (l.md ? clean(l.text.replace(/^#+/, '')) : l.text)));
  const hasArticles = !citing && body.some((l) => ARTICLE_RE.test(l.md ? clean(l.text.replace(/^#+/, '')) : l.text));
  const units: Article[] = [];
  const path: string[] = [];
  const pathLevels: number[] = [];
  let current: Builder | undefined;
  let preamble: Builder | undefined;
  let inToc = false;
  let appendixCount = 0;
  let sawStructure = false; // first article/section/heading seen
  /** The level of the plain-text numbered headings (一、程序规定), set by the first one. */
  let numberedLevel: number | undefined;
  let numberedCount = 0;
  /** Markdown heading depth → structure level, learnt from the numbered headings (## 第一编 → 编). */
  const levelOfDepth = new Map<number, number>();
  const noteAt = footnoteLine(body, hasArticles);

  const close = () => {
    if (current && current !== preamble) units.push(finishUnit(current));
    current = undefined;
  };
  const setHeading = (text: string, level: number) => {
    while (pathLevels.length && pathLevels[pathLevels.length - 1]! >= level) {
      pathLevels.pop();
      path.pop();
    }
    path.push(text);
    pathLevels.push(level);
  };

  for (const line of body) {
    let text = line.text;
    if (line.md) text = clean(text.replace(/^#+/, ''));
    if (text === '') continue;

    if (TOC_RE.test(text.replace(/[\s\u3000]/g, '')) && !sawStructure) {
      inToc = true;
      continue;
    }
    const art = citing ? null : ARTICLE_RE.exec(text);
    // "第三节赔偿程序": a heading whose space the reading (OCR, a PDF's text) lost, on its own line before an article.
    if (!line.md && !HEADING_RE.test(text)) {
      const glued = GLUED_HEADING_RE.exec(text);
      if (glued && (ARTICLE_RE.test(nextText(body, line)) || HEADING_RE.test(nextText(body, line)))) text = `第${glued[1]}${glued[2]} ${glued[3]}`;
    }
    const head = HEADING_RE.exec(text);
    if (inToc && !head) {
      // A table of contents lists headings only; it ends at the first line that is not one.
      // Its numbered headings go through setHeading below: the body's own 第一章 then resets them.
      if (line.md || /^(附\s*则|总\s*则|序\s*言|分\s*则)$/.test(text.replace(/[\s\u3000]/g, ''))) continue;
      inToc = false;
    }

    if (art) {
      sawStructure = true;
      close();
      const number = parseChineseNumber(art[1]!);
      const suffix = art[2] ? parseChineseNumber(art[2]) : 0;
      const label = text.slice(0, art[0].length).replace(/[\s\u3000]+$/, '');
      const unit = newUnit('article', number, suffix, label, path);
      current = { unit, lines: [] };
      addLine(current, clean(text.slice(art[0].length)));
      continue;
    }
    if (head) {
      sawStructure = true;
      close();
      const level = HEADING_LEVEL[head[2]!] ?? 2;
      if (line.md) {
        const depth = /^\s*(#+)/.exec(line.raw)?.[1]?.length;
        if (depth && !levelOfDepth.has(depth)) levelOfDepth.set(depth, level);
      }
      setHeading(tidyHeading(text), level);
      continue;
    }
    if (PREAMBLE_RE.test(text.replace(/[\s\u3000]/g, '')) && (line.md || !sawStructure)) {
      close();
      preamble ??= { unit: newUnit('preamble', 0, 0, '序言', path), lines: [] };
      preamble.unit.label = '序言';
      current = preamble;
      continue;
    }
    if (APPENDIX_RE.test(text) && sawStructure) {
      close();
      appendixCount++;
      const unit = newUnit('appendix', appendixCount, 0, text.length <= 40 ? text : '附件', []);
      current = { unit, lines: [] };
      if (text.length > 40) addLine(current, text);
      continue;
    }
    if (noteAt >= 0 && line === body[noteAt]) {
      // "① 刑法、历次刑法修正案…" after the last article: the compilers' note, not the article's text.
      close();
      appendixCount++;
      current = { unit: newUnit('appendix', appendixCount, 0, '注释', []), lines: [] };
      addLine(current, text);
      continue;
    }
    const bare = /^([一二三四五六七八九十百]+)$/.exec(text);
    if (!hasArticles && bare && current?.unit.kind === 'section' && parseChineseNumber(bare[1]!) === current.unit.number + 1) {
      // "三" alone (or "## 三") after section 二、: the next section whose 、 was lost — as a Markdown
      // heading its text went to the preamble, as a line it ran on into section 二.
      close();
      current = { unit: newUnit('section', parseChineseNumber(bare[1]!), 0, `${bare[1]}、`, path), lines: [] };
      continue;
    }
    if (line.md && (hasArticles || !SECTION_RE.test(text))) {
      // Any other Markdown heading (附则, 分则 without a number, a titled part) is a heading, at the
      // level the numbered headings of the same Markdown depth have: "## 附则" beside "## 第二编 分则"
      // is a 编-level part, not a chapter under 分则.
      close();
      const depth = /^\s*(#+)/.exec(line.raw)?.[1]?.length ?? 2;
      setHeading(text.replace(/[\s\u3000]+/g, ''), levelOfDepth.get(depth) ?? Math.max(depth, 2));
      continue;
    }
    if (hasArticles && !line.md && current?.unit.kind !== 'appendix' && nextNumbered(numberedHeading(text), numberedCount) && headsArticles(body, line, current?.lines.at(-1) ?? '')) {
      // "二、相关市场界定" on its own line right before a 第X条, in a 司法解释 that groups its
      // articles under 一、二、 titles: a heading, as "## 二、…" is in Markdown — not the end of the
      // article before (a list item of an article ends its sentence; a title does not, and the
      // titles count on from 一 over the whole document, one of them perhaps lost: nextNumbered).
      numberedCount = numberedHeading(text);
      sawStructure = true;
      close();
      numberedLevel ??= pathLevels.length ? pathLevels[pathLevels.length - 1]! + 1 : HEADING_LEVEL['章']!;
      setHeading(text.replace(/[\s\u3000]+/g, ''), numberedLevel);
      continue;
    }
    if (!hasArticles && (current?.unit.kind !== 'appendix')) {
      // "## 一、关于管辖区域调整" in a 司法解释 without 第X条 is a numbered section like a plain "一、".
      const sec = SECTION_RE.exec(text);
      if (sec) {
        sawStructure = true;
        close();
        const number = parseChineseNumber(sec[1]!);
        const unit = newUnit('section', number, 0, `${sec[1]}、`, path);
        current = { unit, lines: [] };
        addLine(current, clean(text.slice(sec[0].length)));
        continue;
      }
    }
    if (!current) {
      // Text before the first article or section: the preamble (序言, or a decision's lead-in).
      preamble ??= { unit: newUnit('preamble', 0, 0, '前言', path), lines: [] };
      current = preamble;
    }
    addLine(current, text);
  }
  close();
  const trailerLines = cutTrailer(units);
  if (trailerLines.length) warnings.push(`文末的落款或版记（${trailerLines[0]!.slice(0, 20)}…）不属于条文，未计入最后一条`);
  if (preamble) units.unshift(finishUnit(preamble));

  // A part of a code split into files (民法典 附则) continues the code's numbering.
  checkNumbering(units, warnings, subtitle === undefined);
  if (!units.some((u) => u.kind === 'article' || u.kind === 'section')) {
    warnings.push('未识别到条文（没有“第X条”或“一、”编号的段落），全文作为一个整体保存');
  } else if (!units.some((u) => u.kind === 'article')) {
    // a 决定, 通知 or 会议纪要 numbered 一、二、: its 条数 reads 0, which says nothing of what was read
    const sections = units.filter((u) => u.kind === 'section').length;
    warnings.push(`没有“第X条”：全文按“一、二、”编号分为 ${sections} 部分收录，条数记为 0`);
  }
  const issued = issuedDocumentTitle(title, units);
  if (issued) {
    warnings.push(`印发通知“${title.slice(0, 60)}”所印发的《${issued}》按其本名收录，通知正文保留在前言中`);
    headerLines.push(title);
    title = issued;
  }
  return { title, subtitle, history, units, headerLines, trailerLines, warnings };
}

const ISSUING_NOTICE_RE = /关于(?:印发|发布|颁布)《([^《》]{2,80})》的(?:通知|决定)$/;

/**
 * The document a 印发通知 issues, when the notice carries it: "…关于印发《高青县科技创新券管理办法》的通知"
 * whose 前言 (the notice's own text) ends on that name standing as a line of its own before the
 * articles. The library holds it under its own name — the one other texts cite — with the notice's
 * 发文字号, issuer and date; the notice stays as its 前言. A 转发 notice is not this: the document it
 * forwards has another issuer, number and date. Only one 《》 in the title: a notice issuing several
 * documents keeps its own title.
 */
export function issuedDocumentTitle(title: string, units: readonly Article[]): string | undefined {
  const name = ISSUING_NOTICE_RE.exec(title.replace(/[\s\u3000]+/g, ''))?.[1];
  const front = units[0];
  if (!name || front?.kind !== 'preamble' || !units.some((u) => u.kind === 'article')) return undefined;
  const lines = front.text.split('\n').map((l) => l.replace(/[\s\u3000]+/g, ''));
  return lines.includes(name) ? name : undefined;
}

/** A 版记 line (GB/T 9704): 抄送/分送, 印发机关和印发日期, 公开方式, 印数; or a page number "— 3 —". */
const IMPRINT_RE = new RegExp(
  [
    `^(?:抄送|抄报|分送|报送|主题词)${WS}*[：:]`,
    `^.{0,40}?${DATE_RE.source}${WS}*印发$`,
    `^[（(]此件(?:公开发布|主动公开|不予公开|不公开|依申请公开|删减后公开|发至[\u4e00-\u9fa5]{1,10})[)）]$`,
    `^[（(]?共印${WS}*\\d+${WS}*份[)）]?$`,
    `^[—－–-]${WS}*\\d{1,4}${WS}*[—－–-]$`,
  ].join('|'),
);
/** An 印发 date with no organ before it on its line. */
const BARE_PRINTED_RE = new RegExp(`^${DATE_RE.source}印发$`);
/** A signature and its date on one line: "高新区管理委员会　　　　2020年3月1日". */
const SIGNED_LINE_RE = new RegExp(`^(.{2,60}?)${WS}{2,}${DATE_RE.source}$`);
/** The place of a seal in a signature block, written out (between the organ and the date: it says nothing else). */
export const SEAL_RE = /^[（(](?:印章|盖章|公章|签章)[)）]$/;
/** A signature line over the date: an organ's name (or two, side by side), nothing a sentence has. */
const SIGNER_RE = /^[\u4e00-\u9fa5（）()\s\u3000]{2,60}$/;

/**
 * Takes the document's closing lines out of the last article: a signature block (one to three organ
 * lines over a date-only line) and the 版记 (抄送, …印发, 此件公开发布) that a 公文 prints after
 * its body. They follow the last article's own text with nothing between, so the parser glued them to
 * it ("…起施行。\n抄送：…\n…2020年3月2日印发"). Only whole trailing lines, never the article's first.
 */
function cutTrailer(units: Article[]): string[] {
  const lastArticle = units.findLastIndex((u) => u.kind === 'article');
  if (lastArticle < 0) return [];
  // The 版记 closes the whole document, after any 附件; a signature closes the body, before them.
  const last = units.length - 1;
  const imprint = last > lastArticle && units[last]!.kind === 'appendix' ? cutLines(units[last]!, false) : [];
  return [...cutLines(units[lastArticle]!, true), ...imprint];
}

function cutLines(unit: Article, signature: boolean): string[] {
  const lines = unit.text.split('\n');
  let end = lines.length;
  for (;;) {
    const line = lines[end - 1];
    if (end <= 1 || line === undefined) break;
    // a 版记 or signature set as a table whose rows reached the text as `|抄送：…|`, `|印发机关|日期印发|`
    const last = /^\|.*\|$/.test(line.trim()) ? line.trim().slice(1, -1).split('|').filter((c) => c.trim() !== '').join('\u3000\u3000') : line;
    const bare = last.replace(/[\s\u3000]+/g, '');
    if (IMPRINT_RE.test(last.trim())) {
      end--;
      // "2024年3月2日印发" alone: the 印发机关 stood in a cell of its own (a 版记 set as a table) above it
      const above = lines[end - 1];
      if (BARE_PRINTED_RE.test(bare) && end > 1 && above !== undefined && SIGNER_RE.test(above.trim()) && ORGAN_END_RE.test(above.replace(/[\s\u3000]+/g, ''))) end--;
      continue;
    }
    const oneLine = signature ? SIGNED_LINE_RE.exec(last.trim()) : null;
    if (oneLine && SIGNER_RE.test(oneLine[1]!) && ORGAN_END_RE.test(oneLine[1]!.replace(/[\s\u3000]+/g, ''))) {
      // the organ and the date on one line, set apart by spaces
      end--;
      continue;
    }
    if (signature && DATE_ONLY_RE.test(bare)) {
      // a date closes a signature only under an organ's name (a date alone after an article is not one)
      let k = end - 1;
      // a seal's place-holder between the organ and the date (（印章）, （盖章）: a template's, or a seal's text box) is the signature's
      if (k > 1 && SEAL_RE.test(lines[k - 1]!.replace(/[\s\u3000]+/g, ''))) k--;
      const top = k;
      while (k > 1 && top - k < 3 && SIGNER_RE.test(lines[k - 1]!) && ORGAN_END_RE.test(lines[k - 1]!.replace(/[\s\u3000]+/g, ''))) k--;
      if (k === top) break;
      end = k;
      continue;
    }
    break;
  }
  if (end === lines.length) return [];
  const cut = lines.slice(end);
  unit.text = lines.slice(0, end).join('\n');
  unit.paragraphs = paragraphsFromText(unit.text);
  return cut;
}

const FOOTNOTE_RE = /^[①②③④⑤⑥⑦⑧⑨⑩]/;

/**
 * The index of a footnote line ("① …") after the last article, or -1. Only when the last article
 * does not itself list items with circled numbers (then ① is an item, not a note).
 */
function footnoteLine(body: { text: string; md: boolean }[], hasArticles: boolean): number {
  if (!hasArticles) return -1;
  let last = -1;
  for (let k = body.length - 1; k >= 0; k--) {
    if (ARTICLE_RE.test(body[k]!.text)) {
      last = k;
      break;
    }
  }
  if (last < 0) return -1;
  for (let k = last + 1; k < body.length; k++) {
    const t = body[k]!.text;
    if (body[k]!.md || APPENDIX_RE.test(t)) return -1;
    if (FOOTNOTE_RE.test(t)) {
      const itemsBefore = body.slice(last, k).some((l) => FOOTNOTE_RE.test(l.text));
      return itemsBefore ? -1 : k;
    }
  }
  return -1;
}

/**
 * How many gaps, duplicates and out-of-order numbers a text's 条 (and 一、 sections) have: the measure a stored
 * text and a later file of the same law and day are compared by (core/library/text-quality.ts).
 */
export function numberingFaults(units: readonly NumberedUnit[]): number {
  const warnings: string[] = [];
  checkNumbering(units, warnings, true);
  return warnings.length;
}

/** Gaps, duplicates and out-of-order numbers become warnings, never silent data. */
type NumberedUnit = Pick<Article, 'key' | 'kind' | 'number' | 'suffix' | 'label'>;

function checkNumbering(units: readonly NumberedUnit[], warnings: string[], expectFirst: boolean): void {
  for (const kind of ['article', 'section'] as const) {
    const seen = new Set<string>();
    let prev: NumberedUnit | undefined;
    for (const u of units) {
      if (u.kind !== kind) continue;
      if (seen.has(u.key)) warnings.push(`条文编号重复：${u.label}`);
      else if (!prev && expectFirst && kind === 'article' && u.number !== 1) warnings.push(`第一条缺失：首条为 ${u.label}`);
      else if (prev) {
        const inOrder = u.suffix
          ? u.number === prev.number && u.suffix === prev.suffix + 1
          : u.number === prev.number + 1;
        if (!inOrder) {
          const backwards = u.number < prev.number || (u.number === prev.number && u.suffix <= prev.suffix);
          warnings.push(`${backwards ? '条文顺序颠倒' : '条文编号不连续'}：${prev.label} 之后是 ${u.label}`);
        }
      }
      seen.add(u.key);
      prev = u;
    }
  }
}
