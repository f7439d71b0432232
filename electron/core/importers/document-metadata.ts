// What a law's own text says about itself: title, 制定机关, 文号, 公布日期 and 施行日期. Used for every
// format (md/txt too). Guesses only from explicit statements (history lines, 发文机关/落款 lines,
// "自…起施行"); anything not stated is left undefined for the user to fill in.

import type { ExtractedMeta } from './extracted-document';
import { asciiDigits, documentHead, parseDate, parseHistoryLine, SEAL_RE, unclosedTitle } from '../parse/law-structure-parser';
import { foreignHeader, ownHistoryText } from '../parse/header-owner';
import type { HistoryEvent } from '../../shared/law-model';

const CN = '[\\u4e00-\\u9fa5]';
const NUM = '[零〇一二三四五六七八九十百千]+';
const DATE = `(?:\\d{4}|[〇零一二三四五六七八九]{4})\\s*年\\s*(?:\\d{1,2}|${NUM})\\s*月\\s*(?:\\d{1,2}|${NUM})\\s*日`;
const DATE_ONLY_RE = new RegExp(`^[（(]?${DATE}[)）]?$`);
const HISTORY_START_RE = new RegExp(`^[（(]?${DATE}`);
const ARTICLE_OR_SECTION_RE = new RegExp(`^(?:第${NUM}条|[一二三四五六七八九十]+、)`);
const BODY_START_RE = new RegExp(`^(?:第${NUM}(?:条|章|编|节)|[一二三四五六七八九十]+、|目\\s*录$)`);
const EFFECTIVE_RE = new RegExp(`自\\s*(${DATE})\\s*起(?:施行|执行|实施|生效|试行)`);
const EFFECTIVE_ON_PUBLISH_RE = /自(?:公布|发布|印发|颁布|下发)之日起(?:施行|执行|实施|生效|试行)/;
const ORGAN_SUFFIX = '(?:人民政府办公厅|人民政府办公室|人民政府|人民法院|人民检察院|委员会|总局|管理局|办公厅|办公室|部|局|署|厅|委|银行|院)';
/** 国务院令第713号; a joint order names its organs set apart by 、 (中华人民共和国国务院、中华人民共和国中央军事委员会令第689号). */
const ORDER_RE = new RegExp(`((?:${CN}{2,24}?${ORGAN_SUFFIX}、)*${CN}{2,24}?令)\\s*[（(]?\\s*第\\s*([0-9０-９]+|${NUM})\\s*号`);
/** A history event the order itself made: "…令第689号修订", "…令第757号第二次修订", "…令第3号发布" (not "《…决定》（国务院令第709号）修订"). */
const ORDER_EVENT_RE = new RegExp(`${ORDER_RE.source}\\s*[)）]?\\s*(?:第${NUM}次)?(?:修订|修正|修改|公布|发布|颁布)`);
const FILE_NO_RE = /([\u4e00-\u9fa5]{1,12})\s*[〔［[【（(]\s*((?:19|20)\d{2})\s*[〕］\]】）)]\s*第?\s*(\d{1,5})\s*号/;
/** A line that is nothing but a 文号 (法释〔2023〕13号, （国务院令第713号）): the number block of a 司法解释's or a 公文's own head. */
const NUMBER_LINE_RE = new RegExp(
  `^[（(]?\\s*(?:${CN}{1,12}\\s*[〔［[【]\\s*(?:19|20)\\d{2}\\s*[〕］\\]】]\\s*第?\\s*\\d{1,5}\\s*号|${CN}{2,24}?令\\s*第\\s*(?:[0-9０-９]+|${NUM})\\s*号)\\s*[)）]?$`,
);
/** "《…的解释》（法释〔2015〕5号）", "《…》(国务院令第N号，…)": a number inside the brackets after a cited title is that document's. */
const CITED_BEFORE_RE = /》[^\S\n]*[（(][^）)\n]*$/;
const ISSUER_LINE_RE = /^(?:发文机关|制定机关|发布机关|颁布机关)[：:\s\u3000]*(.+)$/;
const PEOPLES_CONGRESS_RE = new RegExp(
  `(${CN}{0,12}?)第${NUM}届(全国人民代表大会常务委员会|全国人民代表大会|人民代表大会常务委员会|人民代表大会)`,
);
const MEETING_ORGAN_RE = new RegExp(`(${CN}{2,24}?${ORGAN_SUFFIX})(?:第\\s*(?:[0-9]+|${NUM})\\s*次|${CN}{0,6}会议)`);
const SIGNATURE_RE = new RegExp(`^${CN}{2,30}${ORGAN_SUFFIX}$`);
/** "上海市人民代表大会常务委员会公告第八十三号公布", "由上海市人民政府发布", "山东省科学技术厅公布": the organ that published it. */
/** One organ of a publishing line; joint ones are set apart by 、 (财政部、国家税务总局发布, 中共中央、国务院发布). */
const PUBLISHING_ORGAN = `(?:中共中央|${CN}{2,30}?(?:人民代表大会常务委员会|人民代表大会|${ORGAN_SUFFIX}))`;
const PUBLISHED_BY_RE = new RegExp(
  `^[\\s（(]*(?:由|经)?(${PUBLISHING_ORGAN}(?:、${PUBLISHING_ORGAN})*)(?:公告|令|文件)?\\s*(?:[（(〔［\\[]?\\s*\\d{4}\\s*[）)〕］\\]]?)?\\s*(?:第\\s*(?:[0-9０-９]+|${NUM})\\s*号令?)?\\s*(?:${CN}{1,8}\\s*[〔［[（(]\\s*\\d{4}\\s*[〕］\\]）)]\\s*第?\\s*\\d{1,5}\\s*号)?\\s*(?:予以)?(?:公布|发布|颁布|印发)`,
);
/** A 公文's title: the issuing organ (the first of a joint document's, set apart by 、 or a space), 关于, the matter, and the kind of document. */
const OFFICIAL_TITLE_RE = new RegExp(
  `^(${CN}{2,30}?${ORGAN_SUFFIX})(?:[、\\s\u3000]${CN}{2,30}?${ORGAN_SUFFIX})*关于.{2,120}的(?:通知|决定|意见|批复|报告|函|公告|通告|通报|请示|命令)$`,
);

function cleanLine(line: string): string {
  // trim() covers \s and U+3000 in linear time; the anchored-alternation regex was quadratic in a
  // long inner run of spaces.
  return line.replace(/^#+/, '').trim();
}

/** 中华人民共和国国务院、中华人民共和国中央军事委员会 → 国务院、中央军事委员会 (a joint order's later organs too). */
function tidyOrgan(org: string): string {
  // 中央军委 as the joint orders spell it (国务院、中央军事委员会令第689号), so one organ has one name
  return org.replace(/^中华人民共和国(?=国务院)/, '').replace(/、中华人民共和国/g, '、').replace(/中央军委(?=、|$)/g, '中央军事委员会');
}

/** The organs a title opens with before 关于 (最高人民法院、最高人民检察院关于…的解释, 国务院关于…的补充规定). */
const TITLE_ORGANS_RE = new RegExp(`^(?:中华人民共和国)?(${CN}{2,30}?${ORGAN_SUFFIX}(?:、${CN}{2,30}?${ORGAN_SUFFIX})*)关于`);
/** The organs of an order's number (中华人民共和国公安部令第125号 → 公安部). */
const ORDER_ORGANS_RE = new RegExp(`^(?:中华人民共和国)?(${CN}{2,30}?${ORGAN_SUFFIX}(?:、${CN}{2,30}?${ORGAN_SUFFIX})*)令第`);

/**
 * The issuer when no line names it: the organs a title opens with (a 司法解释 or 国务院 规定 printed with no history),
 * else those of the text's own order number. Not a title that sends on another organ's text (…转发市建委关于…).
 */
function issuerFromTitleOrNumber(title: string | undefined, docNumber: string | undefined): string | undefined {
  const t = title ? TITLE_ORGANS_RE.exec(title)?.[1] : undefined;
  if (t && !/转发|印发|批转|同意/.test(t)) return tidyOrgan(t);
  const n = docNumber ? ORDER_ORGANS_RE.exec(docNumber)?.[1] : undefined;
  return n ? tidyOrgan(n) : undefined;
}

/** 中华人民共和国国务院令第713号 → 国务院令第713号; full-width digits → ASCII. */
function tidyOrder(org: string, num: string): string {
  const n = num.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  return `${tidyOrgan(org)}第${n}号`;
}

/** An order's number as written in a header: the issuer starts after the last non-organ word (a date, 以, 经, 公布…). */
function orderNumber(m: RegExpExecArray): string {
  return tidyOrder(m[1]!.replace(/^(?:经|由|以|根据|依据|按照|并|和|及|于)/, ''), m[2]!);
}

/** The first match of `re` that is not a cited document's number. */
function uncited(text: string, re: RegExp): RegExpExecArray | null {
  const all = new RegExp(re.source, 'g');
  for (let m = all.exec(text); m; m = all.exec(text)) if (!CITED_BEFORE_RE.test(text.slice(Math.max(0, m.index - 200), m.index))) return m;
  return null;
}

export function findDocNumber(input: string): string | undefined {
  // Dates glued to the issuer ("2020年12月30日淄博市人民政府令…") would join its name.
  const text = input.replace(new RegExp(DATE, 'g'), ' ');
  const order = uncited(text, ORDER_RE);
  const file = uncited(text, FILE_NO_RE);
  const orderAt = order ? order.index : Infinity;
  const fileAt = file ? file.index : Infinity;
  if (order && orderAt <= fileAt) return orderNumber(order);
  if (file) {
    // Keep the issuer code only: "关于印发…的通知鲁政办字" is not part of the number.
    // "最高人民法院以法发〔1993〕15号通知印发": the organ that used the number is not part of it.
    const issuerCode = file[1]!.replace(/^.*?(?:院|部|府|局|会|厅|委)以/, '');
    const code = /(?:的通知|通知|文件|印发|根据|依据|按照)?([\u4e00-\u9fa5]{1,8})$/.exec(issuerCode)?.[1] ?? issuerCode;
    return `${code}〔${file[2]}〕${file[3]}号`;
  }
  return undefined;
}

/**
 * The 令 that made this version, when its header says so: the latest history event, if an order made it
 * ("2017年9月27日 国务院、中央军事委员会令第689号修订" — a wholly revised text promulgated under a number of its
 * own). A version amended by a 决定 ("《国务院关于修改部分行政法规的决定》第二次修订") names no order of its own: it
 * keeps the one that first promulgated the text, by which it is still cited (read from the header's first order).
 */
function versionOrder(events: readonly HistoryEvent[]): string | undefined {
  const latest = events.filter((e) => e.kind !== '施行').reduce<HistoryEvent | undefined>((a, e) => (!a || e.date >= a.date ? e : a), undefined);
  if (!latest) return undefined;
  const text = latest.text.replace(new RegExp(DATE, 'g'), ' ');
  // "国家教育委员会令第8号、国家体育运动委员会令第11号发布": two organs' numbers for one text, the first named
  return uncited(text, ORDER_EVENT_RE) ? orderNumber(uncited(text, ORDER_RE)!) : undefined;
}

function issuerFromEvent(text: string): string | undefined {
  const pc = PEOPLES_CONGRESS_RE.exec(text);
  if (pc) return `${pc[1]!.replace(/^.*?(?=[\u4e00-\u9fa5]*$)/, '')}${pc[2]}`;
  if (/国务院(?:第\s*\S+?\s*次)?常务会议/.test(text)) return '国务院';
  const order = ORDER_RE.exec(text);
  if (order && !/主席令/.test(order[1]!)) {
    return tidyOrgan(order[1]!.replace(/令$/, ''));
  }
  const court = /(最高人民法院|最高人民检察院)/.exec(text);
  if (court) return court[1];
  const meeting = MEETING_ORGAN_RE.exec(text);
  if (meeting) return meeting[1];
  return undefined;
}

/** Guess metadata from the extracted (or Markdown/plain) text of one law. */
export function guessMetadata(text: string): ExtractedMeta {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map(cleanLine)
    // a seal's place-holder (（印章）, a template's or a seal's text box) stands between a signature's
    // organ and its date: without it they are the lines every signature rule reads
    .filter((l) => l !== '' && l !== '<!-- INFO END -->' && !SEAL_RE.test(l.replace(/[\s\u3000]+/g, '')));
  const meta: ExtractedMeta = {};
  if (lines.length === 0) return meta;

  let i = 0;
  // A 红头文件's letterhead or a 公布令 stands above the title (their 文号 is still read).
  const isMd = text.includes('<!-- INFO END -->');
  const head = isMd ? undefined : documentHead(lines.slice(0, 80), 0);
  const letterhead = head ? [...head.letterhead, ...head.order] : [];
  const first = head ? head.title : lines[0]!;
  if (head) i = head.next - 1;
  if (first !== '' && !HISTORY_START_RE.test(first) && first.length <= 100) {
    meta.title = first;
    i++;
  }
  // Header: up to the Markdown header's end when there is one (a wrapped history line may start
  // with "第三十一条的决定》…"), else up to the first article/heading/section (at most 60 lines).
  const header: string[] = [];
  const infoEnd = text.indexOf('<!-- INFO END -->') >= 0 ? text.slice(0, text.indexOf('<!-- INFO END -->')).split('\n').map(cleanLine).filter((l) => l !== '').length : -1;
  for (; i < lines.length && header.length < 60; i++) {
    if (infoEnd >= 0 ? i >= infoEnd : BODY_START_RE.test(lines[i]!)) break;
    // a history line in full-width digits (２０１２年１２月１９日) is read as any other
    const line = asciiDigits(lines[i]!);
    const prev = header.at(-1);
    // a history line wrapped inside a 《…》 title continues on the next line
    if (prev !== undefined && HISTORY_START_RE.test(prev) && unclosedTitle(prev) && !HISTORY_START_RE.test(line)) header[header.length - 1] = prev + line;
    else header.push(line);
  }
  const historyOf = (hs: readonly string[]) => hs.flatMap((h) => (HISTORY_START_RE.test(h) || /^[（(].*\d{4}\s*年/.test(h) ? parseHistoryLine(h) : []));
  let events: HistoryEvent[] = historyOf(header);
  // another law's header (law-structure-parser warns): the history the text states under its title instead
  if (meta.title && foreignHeader(meta.title, events)) {
    const own = ownHistoryText(lines.slice(i, i + 8));
    header.splice(0, header.length, ...(own ? [own] : []));
    events = historyOf(header);
  }
  const tail = lines.slice(-6);

  // A Markdown text's header holds only history lines: a 司法解释 or 公文 repeats its title and
  // writes its own number on a line of its own below it, before the preamble and the first article
  // (the preamble and the articles may cite other documents' numbers: never read there).
  const front: string[] = [];
  if (infoEnd >= 0) {
    for (const l of lines.slice(infoEnd, infoEnd + 20)) {
      if (BODY_START_RE.test(l) || /[。；]$/.test(l)) break;
      front.push(l);
    }
  }
  const ownLine = front.find((l) => NUMBER_LINE_RE.test(l.replace(/[\u200b\ufeff]/g, '')));
  meta.docNumber =
    (letterhead.length ? findDocNumber(letterhead.join('\n')) : undefined) ??
    versionOrder(events) ??
    findDocNumber(header.join('\n')) ??
    (ownLine ? findDocNumber(ownLine) : undefined) ??
    findDocNumber(lines.slice(0, infoEnd >= 0 ? Math.min(3, infoEnd) : 3).join('\n'));

  // 制定机关: 发文机关 line, else the body named in the first history event, else the signature.
  for (const l of [...header, ...tail]) {
    const m = ISSUER_LINE_RE.exec(l);
    if (m) {
      meta.issuer = m[1]!.trim();
      break;
    }
  }
  // "高青县科学技术局关于转发…的通知": the organ before 关于 issued it (the history lines in its
  // header belong to the law it sends on).
  const official = meta.title ? OFFICIAL_TITLE_RE.exec(meta.title) : null;
  if (!meta.issuer && official) meta.issuer = official[1];
  if (!meta.issuer) {
    for (const e of events) {
      const who = issuerFromEvent(e.text);
      if (who) {
        meta.issuer = who;
        break;
      }
    }
    // a joint interpretation is passed by both (2001年6月21日 最高人民法院审判委员会…、2001年7月2日最高人民检察院检察
    // 委员会…通过 — two events, one line): both issued it, as its title and its 公告 say
    const courts = /^最高人民(?:法院|检察院)$/.test(meta.issuer ?? '') ? new Set(events.flatMap((e) => e.text.match(/最高人民法院|最高人民检察院/g) ?? [])) : undefined;
    if (courts?.size === 2) meta.issuer = [...courts].join('、');
  }
  if (!meta.issuer) {
    for (const e of events) {
      const published = PUBLISHED_BY_RE.exec(e.text.replace(new RegExp(DATE, 'g'), ''));
      if (published) {
        meta.issuer = tidyOrgan(published[1]!);
        meta.issuerFromPublication = true;
        break;
      }
    }
  }
  // The signature is the first organ line over a date after the last article or section: 附件 (a
  // form may end with an organ and a date of its own) and the 版记 (抄送, …印发) may follow it.
  // Without one there, a date among the document's last lines.
  const bodyEnd = lines.findLastIndex((l) => ARTICLE_OR_SECTION_RE.test(l));
  const after = bodyEnd >= 0 ? lines.slice(bodyEnd + 1, bodyEnd + 41) : [];
  const signedAfterBody = after.findIndex((l, j) => j > 0 && DATE_ONLY_RE.test(l) && SIGNATURE_RE.test(after[j - 1]!));
  const signature = signedAfterBody > 0 ? after.slice(signedAfterBody - 1, signedAfterBody + 1) : tail;
  const signatureDateAt = signature.findIndex((l) => DATE_ONLY_RE.test(l));
  if (!meta.issuer && signatureDateAt > 0 && SIGNATURE_RE.test(signature[signatureDateAt - 1]!)) {
    meta.issuer = signature[signatureDateAt - 1];
  }
  if (!meta.issuer) {
    const who = issuerFromTitleOrNumber(meta.title, meta.docNumber);
    if (who) {
      meta.issuer = who;
      // read since session 22: as for a 公布 line, the library's region guess without it gave the stored id
      meta.issuerFromPublication = true;
    }
  }

  // 公布日期 of this version: the latest dated event (公布, 通过, 修正, 修订), else the signature date.
  const dated = events.filter((e) => e.kind !== '施行').map((e) => e.date).sort();
  // A 公文's own date (成文日期) stands under its signature, before what it sends on.
  const signedAt = official ? header.findIndex((l, k) => k > 0 && DATE_ONLY_RE.test(l) && SIGNATURE_RE.test(header[k - 1]!)) : -1;
  // A 公布令 or 公告 printed above the law is dated the day it published it (after the 通过 the header states).
  const orderDated = head?.order.findLast((l) => DATE_ONLY_RE.test(l.replace(/[\s\u3000]+/g, '')));
  const orderDate = orderDated ? parseDate(orderDated.replace(/[\s\u3000]+/g, '')) : undefined;
  if (signedAt >= 0) meta.published = parseDate(header[signedAt]!);
  else if (orderDate && !dated.some((d) => d > orderDate)) meta.published = orderDate;
  else if (dated.length) meta.published = dated[dated.length - 1];
  else if (signatureDateAt >= 0) meta.published = parseDate(signature[signatureDateAt]!);

  // 施行日期: a 施行 event in the header, else "自…起施行" in the text — unless the text was amended
  // after that date (the clause then dates the original version) — else "自公布之日起施行".
  const effEvent = events.find((e) => e.kind === '施行' || /^施行|起施行/.test(e.text));
  if (effEvent) meta.effective = effEvent.date;
  else {
    const all = lines.join('\n');
    const m = EFFECTIVE_RE.exec(all);
    const stated = m ? parseDate(m[1]!.replace(/\s+/g, '')) : undefined;
    const amended = events.some((e) => /修正|修订|修改/.test(e.text));
    if (stated && !(amended && meta.published && stated < meta.published)) meta.effective = stated;
    else if (!m && EFFECTIVE_ON_PUBLISH_RE.test(all) && meta.published) meta.effective = meta.published;
  }
  for (const k of Object.keys(meta) as (keyof ExtractedMeta)[]) if (meta[k] === undefined) delete meta[k];
  return meta;
}

// ---------------------------------------------------------------- labelled fields
// Pages and web databases state a document's metadata as "label: value" pairs beside the text: the
// 信息公开 table of a government site (索引号 / 发文机关 / 成文日期 / 发文字号 / 发布日期), a law
// database's 制定机关 / 公布日期 / 施行日期 list, a copied text's 【发布部门】… lines. They are the
// document's own statements, so they win over what is guessed from the law text.

type Field = 'title' | 'issuer' | 'docNumber' | 'published' | 'written' | 'effective';
const FIELD_LABELS: Record<string, Field> = {
  标题: 'title', 名称: 'title', 文件名称: 'title', 法规名称: 'title', 法规标题: 'title',
  发文字号: 'docNumber', 文号: 'docNumber', 发文编号: 'docNumber', 文件编号: 'docNumber',
  发文机关: 'issuer', 发布机关: 'issuer', 发布机构: 'issuer', 制定机关: 'issuer', 发布部门: 'issuer', 发文单位: 'issuer', 颁布机关: 'issuer', 发布单位: 'issuer',
  发布日期: 'published', 公布日期: 'published', 颁布日期: 'published', 发文日期: 'published', 发布时间: 'published',
  成文日期: 'written', 成文时间: 'written',
  施行日期: 'effective', 实施日期: 'effective', 生效日期: 'effective',
};

/** A label as written ("发 文 字 号：", "【发布部门】", "名&nbsp;&nbsp;称") → its field. */
export function fieldOfLabel(label: string): Field | undefined {
  const key = label.replace(/[\s\u3000\u00a0：:【】[\]［］]/g, '');
  return key.length <= 6 ? FIELD_LABELS[key] : undefined;
}

/** 2024年05月26日, 2021-12-10, 2015.08.29, 2021/12/10 → YYYY-MM-DD. */
export function dateOfField(value: string): string | undefined {
  const v = value.trim();
  const m = /^((?:19|20)\d{2})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(v);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31) return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    return undefined;
  }
  return DATE_ONLY_RE.test(v) ? parseDate(v.replace(/\s+/g, '')) : undefined;
}

/** Database shorthands for the 人大 bodies → the name the law itself uses. */
export function normalizeIssuer(issuer: string): string {
  return issuer
    .trim()
    .replace(/人大常委会$/, '人民代表大会常务委员会')
    .replace(/^(.*)人大$/, '$1人民代表大会');
}

const cjkShare = (s: string) => (s.match(/[\u4e00-\u9fa5]/g) ?? []).length / Math.max(1, s.length);

/**
 * Labelled pairs → metadata. Values are checked for their field's shape (a date, a 文号 ending in
 * 号, a short organ name), so a table cell that only looks like a label gives nothing.
 */
export function metaFromFields(pairs: readonly (readonly [string, string])[]): ExtractedMeta {
  const got: Partial<Record<Field, string>> = {};
  for (const [label, raw] of pairs) {
    const field = fieldOfLabel(label);
    const value = raw.replace(/[\s\u3000\u00a0]+/g, ' ').trim();
    if (!field || value === '' || got[field] !== undefined) continue;
    if (field === 'published' || field === 'written' || field === 'effective') {
      const d = dateOfField(value);
      if (d) got[field] = d;
    } else if (field === 'docNumber') {
      if (value.length <= 40 && /号$/.test(value) && /\d|[〇一二三四五六七八九十]/.test(value)) got.docNumber = value.replace(/\s+/g, '');
    } else if (field === 'issuer') {
      // several issuers are listed with 、 or spaces; a long value is a sentence, not an organ
      if (value.length <= 60 && /^[\u4e00-\u9fa5、，, ]+$/.test(value)) got.issuer = normalizeIssuer(value.replace(/\s+/g, '、'));
    } else if (value.length <= 100 && cjkShare(value) > 0.5) got.title = value;
  }
  const meta: ExtractedMeta = {};
  if (got.title) meta.title = got.title;
  if (got.issuer) meta.issuer = got.issuer;
  if (got.docNumber) meta.docNumber = got.docNumber;
  const published = got.published ?? got.written;
  if (published) meta.published = published;
  if (got.effective) meta.effective = got.effective;
  return meta;
}

const INLINE_FIELD_RE = new RegExp(
  `(?:^|[\\s\\u3000\\u00a0|｜])(${Object.keys(FIELD_LABELS).map((k) => [...k].join('[\\s\\u3000\\u00a0]*')).join('|')})[\\s\\u3000\\u00a0]*[：:】][\\s\\u3000\\u00a0]*([^\\s\\u3000\\u00a0|｜]+)`,
  'g',
);

const GLUED_LABEL_RE = new RegExp(`(?<=[^\\s\\u3000【])(${Object.keys(FIELD_LABELS).sort((a, b) => b.length - a.length).join('|')})(?=[：:])`, 'g');

/** "…公告第26号发布日期：2021-12-10" (a PDF's table row, cells glued) → a space before each known label. */
export function spaceGluedLabels(line: string): string {
  return line.replace(GLUED_LABEL_RE, ' $1');
}

/** "发布日期：2021-12-10　来源：…", "【发文字号】国发〔2024〕3号" inside a line → pairs. */
export function inlineFields(line: string): [string, string][] {
  const out: [string, string][] = [];
  for (const m of line.replaceAll('【', ' ').matchAll(INLINE_FIELD_RE)) out.push([m[1]!, m[2]!]);
  return out;
}
