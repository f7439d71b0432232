// Finding article citations in free text as Chinese officials write them: 《中华人民共和国行政许可法》
// 第十二条, 《行政许可法》第十二条第二款, 行政许可法第十二条、第十三条, 本法第八条, 第十二条至第十五条,
// 《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第九十条.
// Each mention is attributed to a law (named right before it; 本法/本条例/本解释… = the law the text
// belongs to, else the law of that kind named before; 该法 = the law named before; else the last
// law named in the paragraph) and resolved to the version in force on the text's date.
// A mention that cannot be resolved is returned with its reason: nothing is dropped.

import { partOf, type ArticlePart } from '../../shared/article-part';
import { displayTitle } from '../../shared/law-model';
import { documentTitleOf } from '../../shared/draft-title';
import { ITEM_LINE, paragraphsFromText } from '../../shared/law-text';
import { NUMERAL_CHARS, articleLabel, parseChineseNumber, toChineseNumber } from '../text/chinese-numerals';
import { normaliseTitle } from '../library/law-identity';
import { findLawsByContraction, libraryStamp, sameLibrary, titleKey, type LibraryStamp } from '../library/law-lookup';
import { LAW_ABBREVIATIONS } from '../library/law-abbreviations';
import { LONGER_TITLES, TITLE_HEADS } from '../library/law-longer-titles';
import type { LibraryStore } from '../library/library-store';
import { citeArticle, citeHeading, citeLaw, codeParts, lawByName, lawPlace, missingPart, officePlace, placeLeftOut, placeNote, resolveInAny, startOf, unresolved, versionOnDate, type ArticleTarget, type PlaceOf, type Unresolved, type UnresolvedKind } from './citation-resolve';
import { pickVersion } from '../library/law-lookup';
import { codeIndex } from '../library/code-parts';
import type { Law, LawVersionMeta } from '../../shared/law-model';
import type { Citation } from './record-types';

export interface DetectedMention {
  /** The text as written, e.g. "第十二条至第十五条" (shared by the articles of a range). */
  text: string;
  start: number;
  end: number;
  /** How the law was found: named right before, 本法, the last law named before, or the caller's law. */
  via: 'named' | 'this-law' | 'context' | 'near' | 'none';
  /** The law as written (《行政许可法》, 统计法, 本法), when any. */
  lawText?: string;
  label: string; // 第十二条 (the single article of this mention)
  status: 'resolved' | 'unresolved';
  citation?: Citation;
  /** With a TargetResolver: the article pointed at. */
  target?: LinkTarget;
  reason?: string;
  /** Of an unresolved mention, what code acts on (the reason's sentence may be reworded). */
  reasonKind?: UnresolvedKind;
  /** Resolved, but not exactly as written (a 款 the article does not have was left out). */
  warning?: string;
  /** Resolved to the whole article because the 款 or 项 written is not in it (the warning says which). */
  partMissing?: true;
  /** An article of the draft under review (`DraftInView`), resolved without a law: its key, and the 款/项 written. */
  draft?: { articleKey: string; parts?: ArticlePart[] };
  /**
   * Unresolved for want of a law: what the library was asked for — a title as looked up (with a place left out completed:
   * 山东省优化营商环境条例 for 本省优化营商环境条例) or an order's number (`orderKeys`: 山东省人民政府令第311号). The link graph
   * reads the text again when a law answering to it arrives, whatever path the citation took.
   */
  sought?: string;
}

/**
 * The draft a text is an opinion on (a review's 意见书, its findings): what 本办法 / 本草案 / 草案 / 送审稿 / 该文件 第X条 and
 * its own title 《…（送审稿）》 name there (session 26). Its articles as [number, suffix, key], in order.
 */
export interface DraftInView {
  title: string;
  /** Absent when the draft's text is not with the review: its articles are then told apart from laws', not linked. */
  articles?: readonly (readonly [number, number, string])[];
}

/** Where a mention points, when detection runs for the link graph (no snapshot is taken). */
export interface LinkTarget {
  lawId: string;
  versionId: string;
  articleKey: string;
  /** No version was in force on the date: the oldest version in the library is used. */
  approx?: boolean;
  /** The 款 or 项 written is not in the article linked (the mention's warning says which). */
  partMissing?: boolean;
  /**
   * The 款/项 written of this article, each (本条第一款、第二款 → 第一款, 第二款; 第九条第（一）、（二）项): one edge
   * per article still, carrying every part. Absent: the article itself.
   */
  parts?: ArticlePart[];
}

/**
 * A cheaper resolution for bulk work (the link graph): which version and article a reference
 * points at, without loading bodies, snapshots or hashes.
 */
export interface TargetResolver {
  /** Articles of a version in order: [number, suffix, key]. */
  articles(versionId: string): readonly (readonly [number, number, string])[];
  /** The version of a law for a date (in force, else the oldest one with approx). */
  versionFor(lawId: string, date: string): { versionId: string; approx: boolean } | undefined;
  /** An article's text (to check a cited 款/项 against); undefined when the resolver does not read texts. */
  articleText?(versionId: string, articleKey: string): string | undefined;
}

export interface LawMention {
  text: string;
  start: number;
  end: number;
  lawId?: string;
  title?: string;
  reason?: string;
  /** Of a name no law of the library answers to: why, for code (law-missing, law-ambiguous). */
  reasonKind?: UnresolvedKind;
}

/** A short name a text defines for a law (（以下简称《条例》）), to carry into the law's later articles. */
export interface DefinedName {
  name: string;
  lawId: string;
  lawIds?: string[];
  title?: string;
}

export interface DetectionResult {
  /** Short names this text defines for laws it names (（以下简称条例）), in order. */
  definedNames: DefinedName[];
  mentions: DetectedMention[];
  /** Resolved citations, one per article (and 款/项), in order of first mention. */
  citations: Citation[];
  unresolved: DetectedMention[];
  /** Laws named in the text, with or without articles. */
  laws: LawMention[];
}

const N = `[${NUMERAL_CHARS}]+`;
/** Word documents space the numbers out (第 12 条); never across a line. */
const SP = '[ \\u3000\\u00a0]*';
/** One 项 number as written: （一）, (1), 一. */
const ITEM_NUMBER = `[（(]?${SP}${N}${SP}[)）]?`;
/**
 * A list or range of 款 (第一、二款, 第一至三款) or of 项 (第（一）、（三）项), its numbers with or without their own 第…款/项
 * (第一款、第二款, 第一款至第三款, 第（一）项、第（二）项): session 22 — the second form was read to its first part only.
 */
const PARAGRAPH_LIST = `${N}(?:${SP}款?${SP}[、至]${SP}(?:第${SP})?${N})*`;
const ITEM_LIST = `${ITEM_NUMBER}(?:${SP}项?${SP}[、至]${SP}(?:第${SP})?${ITEM_NUMBER})*`;
/**
 * 第十二条, 第 12 条第二款第（一）项, and the shared 条 of 第十二、十三条 (group 1 holds the list); the 款 and
 * the 项 may be lists or ranges too (第一、二款, 第（一）、（三）项, 第（一）至（三）项: groups 3 and 4).
 */
const ARTICLE = new RegExp(
  `第${SP}(${N}(?:${SP}、${SP}${N})*)${SP}条(?:之(${N}))?(?:${SP}第${SP}(${PARAGRAPH_LIST})${SP}款)?(?:${SP}第${SP}(${ITEM_LIST})${SP}项)?`,
  'g',
);
/**
 * 前条 / 前两条 (the article or articles right before the one a text stands in) and 本条第二款 / 本条第（三）项 (a part
 * of that article itself), as laws write them; 本条 alone and 前款 stay inside the article. Not 前条件, 修改前条例,
 * 前条款, and not after 目前/当前/提前/此前/之前/事前… (前 is then no ordinal); 本条 after any word (从事本条第一款,
 * 遵守本条第二款).
 */
const RELATIVE = new RegExp(
  `((?<![目当提此之事空眼年日])前(?:[两二三四五])?条|本条)(?![件例款])(?:${SP}第${SP}(${PARAGRAPH_LIST})${SP}款)?(?:${SP}第${SP}(${ITEM_LIST})${SP}项)?`,
  'g',
);

/**
 * A line break inside a sentence — text pasted from a PDF or a fixed-width page wraps anywhere: 《…转化法》第\n四十五条,
 * 《…条例》\n第二十条的规定. The line before ends in no stop mark (。；：！？), the line after starts with no mark, no
 * heading (第X条/章/节 and a space), no item of a list (（一）, 一、, 1.: a decision amending several texts lists its changes
 * so under each text's title, and its bare 第X条 stay unlinked). Such a break is no paragraph's end.
 */
const WRAPPED_BREAK = new RegExp(`(?<=[\\u4e00-\\u9fa5\\d》〉）)、，,])[ \\u3000]*\\r?\\n(?=[\\u4e00-\\u9fa5\\d《〈（(])(?!第${SP}${N}${SP}(?:条(?:之${N})?|章|节|编)[ \\u3000\\u00a0])(?![（(]${SP}${N}${SP}[)）]|${N}${SP}[、.．])`, 'g');
/**
 * A 款 of the article a law's text stands in, as laws write it (session 24): 前款 / 前两款 (the 款 right before the one the
 * words stand in), 本款第（三）项 (本款 alone stays inside it, as 本条), and a bare 第二款 / 第二款、第三款 (a law names another
 * article's 款 with its 条: 本法第三十条第二款). Not 款项 (funds), not after 条 (第十九条第三款 and 本条第二款 are read whole),
 * not after 目前/当前/提前…
 */
const OWN_PARAGRAPH = new RegExp(
  `(?<![条款项${NUMERAL_CHARS}]${SP})(?:((?<![目当提此之事空眼年日])前[两二三四五]?款|本款)|第${SP}(${PARAGRAPH_LIST})${SP}款)(?!项)(?:${SP}第${SP}(${ITEM_LIST})${SP}项)?`,
  'g',
);

/**
 * A 款 or 项 of the article just cited (session 25): 该条第二款 / 同条第二款 / 该条第（三）项 (not 该条例, not 各该条, and
 * 该条 alone stays with the article it follows).
 */
const THAT_ARTICLE_PART = new RegExp(`(?<!各)[该同]条(?:${SP}第${SP}(${PARAGRAPH_LIST})${SP}款)?(?:${SP}第${SP}(${ITEM_LIST})${SP}项)?`, 'g');
/**
 * A 项 written without its 条 or 款 (session 25): 有第（一）项情形的, 违反第二项至第五项规定, 第六项、第七项事实. Not after 条/款/项
 * or a number (第十条第二项, 前款第三项, 第一、二项 are read whole), not 第一项目.
 */
const BARE_ITEM = new RegExp(`(?<![条款项${NUMERAL_CHARS}]${SP})第${SP}(${ITEM_LIST})${SP}项(?!目)`, 'g');
/** An item line's own number: （三）… */
const ITEM_LINE_NUMBER = new RegExp(`^[ \\u3000]*[（(]${SP}(${N})${SP}[)）]`);
/** 违反本条例第十六条（有关）规定 in a list's lead-in: its items (（一）违反第二项规定的) name that article's 项. */
const LEAD_VIOLATES = new RegExp(`违反本(?:法|条例|办法|规定|细则|规则)第${SP}(${N})${SP}条(?:之(${N}))?(?:有关)?规定`);
const ARTICLE_WORD = new RegExp(`第${SP}${N}${SP}条`, 'g');

/** The 款 a position of an article's text stands in: each line that is no item (（一）…) begins one, as paragraphsFromText reads. */
function paragraphAt(text: string, pos: number, first: number): number {
  let k = first;
  // up to the end of pos's own line: a 款 that begins with the word (\n前款规定的…) is counted, not read as an empty line
  const end = text.indexOf('\n', pos);
  for (const line of text.slice(0, end < 0 ? text.length : end).split('\n').slice(1)) if (line.trim() && !ITEM_LINE.test(line.trim())) k++;
  return k;
}

/** The line of a text that is its own article's heading (第一条　为了…, a draft's): no citation. */
const OWN_HEADING = new RegExp(`^[ \\u3000]*第${SP}${N}${SP}条(?:之${N})?[ \\u3000\\u00a0]+(?=\\S)`, 'gm');

/**
 * A PDF's page footer between two halves of a sentence (session 28): 《中华人民共和国政府信\n第 2 页 共 4 页\n息公开条例》,
 * 《…进步法》\n— 3 —\n第九十一条. Only a line that is nothing but a page number (第 2 页, 第2页 共4页, 共4页 第2页, — 3 —,
 * - 3 -, 2/4), with the same marks around it as a wrapped break: read as spaces, footer and breaks alike.
 */
const PAGE_NUMBER = ['第_\\d+_页(?:_[，,]?_共_\\d+_页)?', '共_\\d+_页_[，,]?_第_\\d+_页', '[—–\\-－]{1,2}_\\d+_[—–\\-－]{1,2}', '\\d+_/_\\d+'].join('|').replace(/_/g, '[ \\u3000]*');
const FOOTER_BREAK = new RegExp(`(?<=[\\u4e00-\\u9fa5\\d》〉）)、，,])[ \\u3000]*\\r?\\n[ \\u3000]*(?:${PAGE_NUMBER})[ \\u3000]*\\r?\\n(?=[\\u4e00-\\u9fa5\\d《〈（(])(?!第${SP}${N}${SP}(?:条(?:之${N})?|章|节|编)[ \\u3000\\u00a0])(?![（(]${SP}${N}${SP}[)）]|${N}${SP}[、.．])`, 'g');
/**
 * An article's number wrapped inside (第十\n八条, 第一百\n二十条, 第1\n5条) or spaced out inside (第十 八条): the number is read
 * whole, the gap moved after it (第十八 条), so every offset outside the number stays the text's.
 */
const SPLIT_NUMBER = new RegExp(`(第${SP}[${NUMERAL_CHARS}]+)([ \\u3000\\u00a0]*\\r?\\n[ \\u3000\\u00a0]*|[ \\u3000\\u00a0]+)([${NUMERAL_CHARS}]+)(?=${SP}(?:条|款|项|章|节|编))`, 'g');

function unwrapLines(raw: string): string {
  if (!raw.includes('\n')) return raw.replace(SPLIT_NUMBER, (_w, head: string, gap: string, tail: string) => head + tail + ' '.repeat(gap.length));
  const text = raw.replace(FOOTER_BREAK, (gap, at: number) => (/^\s*[#|]/.test(raw.slice(raw.lastIndexOf('\n', at - 1) + 1, at)) ? gap : ' '.repeat(gap.length)));
  return text.replace(WRAPPED_BREAK, (gap, at: number) => {
    // a heading or a table row before the break ends its line
    const line = text.slice(text.lastIndexOf('\n', at - 1) + 1, at);
    return /^\s*[#|]/.test(line) ? gap : ' '.repeat(gap.length);
  }).replace(SPLIT_NUMBER, (whole, head: string, gap: string, tail: string, at: number) => {
    // a heading or a table row before a break ends its line
    if (gap.includes('\n') && /^\s*[#|]/.test(text.slice(text.lastIndexOf('\n', at) + 1, at))) return whole;
    return head + tail + ' '.repeat(gap.length);
  });
}

/** The article a text of a law stands in (for 前条, 本条第X款 and 前款), and the version when the caller knows it. */
export interface OwnArticle {
  number: number;
  suffix: number;
  versionId?: string;
  /** The 款 the text begins in (a sentence cut from the article's later 款); 1 when the text is the whole article. */
  paragraph?: number;
}

/** The version an own-article reference reads: the one the caller names, else the one in force on the date. */
function ownVersion(store: LibraryStore, lawId: string, date: string, own: OwnArticle, light?: TargetResolver): LawVersionMeta | undefined {
  if (own.versionId) return store.version(own.versionId);
  if (light) {
    const v = light.versionFor(lawId, date);
    return v ? store.version(v.versionId) : undefined;
  }
  const v = versionOnDate(store, lawId, date);
  return v.ok ? store.version(v.value.id) : undefined;
}

/** Longest 款/项 range read as its members (第（一）至（九）项); a longer one is read as its first. */
const MAX_PART_RANGE = 30;

/** The numbers of a 款 or 项 list as written (一、三, （一）至（三）), or undefined when one is not a number. */
function partList(written: string | undefined): number[] | undefined {
  if (!written) return [];
  const out: number[] = [];
  for (const piece of written.split('、')) {
    const ends = piece.split('至').map((x) => num(x.replace(/[（()）\s\u3000\u00a0第款项]/g, '')));
    if (ends.some((x) => !x)) return undefined;
    const [from, to] = [ends[0]!, ends.at(-1)!];
    if (to < from || to - from >= MAX_PART_RANGE) out.push(from);
    else for (let k = from; k <= to; k++) out.push(k);
  }
  return out;
}
const RANGE_TAIL = new RegExp(`^${SP}(?:至|到|—|－|～|~|-)${SP}第?${SP}(${N})${SP}条(?:之(${N}))?`);
/** 第十二条、十三条: a further article of the list written without its 第. */
const BARE_LIST_TAIL = new RegExp(`^${SP}(?:、|和|及|以及)${SP}(${N})${SP}条(?:之(${N}))?(?!${SP}[款项])`);
/**
 * 第十九条第三款和第四款, 第二十条第一款，第二款第一项: a 款 joined by a word or a comma to the 款 just written is of the same
 * article (第二款、第三款 is a list already).
 */
const PARAGRAPH_JOIN = new RegExp(`^${SP}(?:和|及|以及|或者|或|与|，|,)${SP}第${SP}(${PARAGRAPH_LIST})${SP}款(?:${SP}第${SP}(${ITEM_LIST})${SP}项)?`);
/** 第二十四条第（二）项或者第（三）项: a 项 joined by a word to the 项 just written is of the same article and 款 (session 26). */
const ITEM_JOIN = new RegExp(`^${SP}(?:和|及|以及|或者|或|与)${SP}第${SP}(${ITEM_LIST})${SP}项(?!目)`);
/**
 * A draft's name as an opinion writes it: its title without the stage and notes after it (（送审稿）, （草案）, （试行）
 * （征求意见稿）), so 《…暂行办法（送审稿）》 and 该办法 find it.
 */
function draftName(title: string): string {
  return normaliseTitle(documentTitleOf(title.replace(/[《》]/g, '')));
}
/** A document named before 该文件 other than the draft: a 《title》 the library lacks, or a 文号 (栾政〔2024〕8号). */
const DOC_NUMBER = /[\u4e00-\u9fa5]{0,6}[〔［[]\s*\d{4}\s*[〕］\]]\s*第?\s*\d+\s*号/;
/**
 * What may stand between a law's title and its article: 《行政许可法》（2019年修正）第十二条,
 * 《重大行政决策程序暂行条例》（国务院令第713号）第二十五条, （以下简称《条例》）.
 */
const TITLE_NOTES = /^\s*(?:[（(][^（）()\n]{1,60}[)）]\s*)*(?:的)?\s*$/;
/** A version written after the title: （2019年修正）, （2009年6月27日修订）, （2017年修正本）, (2021版). */
const VERSION_NOTE = /[（(]\s*(\d{4})\s*年?(?:(\d{1,2})月(?:(\d{1,2})日)?)?\s*(?:第[一二三四五六七八九十]+次)?(?:修正|修订|修改|公布|版|颁布)本?\s*[)）]/;
const LIST_GAP = /^(?:、|和|及|以及|或者|或|，|,|与)$/;
/** The text's own law (本法 in a law's text is that law) — the noun tells which kind when no law is given. */
const THIS_LAW = /本(法|条例|规定|办法|细则|实施细则|实施办法|实施条例|实施规定|暂行条例|暂行规定|暂行办法|解释|规则|决定|规程|规范|准则|通知|意见)(?:规定)?$/;
/**
 * A law named before (该法 = the law just mentioned; 同法, 同条例 — the same law — written after a particle, a
 * verb or a mark, never the end of a name: 合同法, 共同法 …; 上述条例 / 前述法律 — an office's words — as 该条例 / 该法).
 * The verbs are told by their last character, so a one-character verb reads as its longer forms do: 按 / 依 (按同法, 依同法),
 * 照 (依照, 按照, 参照, 对照, 遵照), 据 (依据, 根据), 用 (适用, 援用), 反 (违反), 行 (执行), 守 (遵守), 引 (援引) — no title ends
 * in one of them followed by 同法 (合同法, 集体合同条例 end in 合).
 */
const THAT_LAW = /(该法|该条例|该办法|该规定|该解释|(?:上述|前述)(?:法律|法规|法|条例|办法|规定|解释)|(?<=(?:^|[^\u4e00-\u9fa5]|[和及与或并按依照据用反行守引])(?:[和及与或并]|以及|或者)?)同(?:法|条例|办法|规定|解释))$/;
/** Who issued a title written after its issuer: 最高人民法院《关于适用〈…〉的解释》. */
const ISSUER_BEFORE = /(最高人民法院|最高人民检察院|国务院|[\u4e00-\u9fa5]{2,12}(?:人民政府|人民代表大会常务委员会|部|委员会|总局|局|署))、?$/;
/** 《…》 with one level of 《》 inside (〈〉 inside needs nothing). */
const BRACKET_TITLE = /《((?:[^《》\n]|《[^《》\n]{1,80}》){1,160})》/g;
/** A document noun right before 第X条 that is not a law in the library: 草案第五条, 实施细则第三条. */
const OTHER_DOC = /(?:[\u4e00-\u9fa5]{0,8}(?:法|法典|条例|办法|规定|细则|规则|决定|通则|总则|分则|纲要)|草案|送审稿|征求意见稿|意见|通知|方案|合同|协议|章程|规划|须知|文件|批复|函|纪要)$/;
/**
 * The document under review named before 第X条 (该文件第三条, 草案第十二条, 送审稿第六条): an article of the text an opinion is
 * about, never a law of the library — said so, not “《文件》 is no law”.
 */
const OWN_DOCUMENT = /(?:[该本此](?:规范性)?文件|(?:[该本此]|规范性文件)?(?:草案|送审稿|征求意见稿|修改稿|讨论稿))$/;
/** A document number right before 第X条 (鲁政办发〔2021〕5号第四条, 〔2018〕37号文件第三条): that document's article. */
const DOC_NUMBER_BEFORE = /(?:[〔［[(（]\s*\d{4}\s*[〕］\])）]|\d{4}年)\s*第?\s*\d+\s*号\s*(?:文件?)?\s*(?:的)?$/;
/**
 * 法释〔2022〕10号文第二条, 国务院令第713号文件第三条: a 文号 the library's headers carry, then 文 / 文件 — the document it numbers
 * is that version, its article that version's (a 文号 the library does not carry stays a document's, DOC_NUMBER_BEFORE).
 */
const NUMBER_DOCUMENT = /号$/;
const NUMBER_AS_DOCUMENT = /^\s*文件?\s*(?:的)?\s*$/;
/** An order number right before 第X条 that no anchor resolved (国务院令第999号第三条): that order's article. */
const ORDER_BEFORE = new RegExp(`((?:[\\u4e00-\\u9fa5]{1,20}?)(?:令${SP}[（(]?${SP}第${SP}${N}${SP}号|第${SP}${N}${SP}号令))${SP}[)）]?${SP}(?:的)?$`);
/** Longer ranges are reported unresolved (never cut): the longest code has under 1,300 articles. */
const MAX_RANGE = 1500;
const CODE = 'code:';

interface LawAnchor extends LawMention {
  kind: 'bracket' | 'bare';
  /** All parts of a code (民法典), when the name is one; else just lawId. */
  lawIds?: string[];
  /** The version an order number names (国务院令第713号 published 重大行政决策程序暂行条例 of 2019). */
  pinned?: LawVersionMeta;
}

/** 国务院令第713号, 中华人民共和国国务院令 第 713 号, 原国家工商行政管理总局令第71号: the order that published a version. */
const ORDER_NUMBER = new RegExp(`([\\u4e00-\\u9fa5]{2,30}?令)${SP}[（(]?${SP}第${SP}(${N})${SP}号`, 'g');
/** 国务院第713号令, 公安部第125号令: the same order written with 令 after its number (the organ is read as 国务院令). */
const ORDER_NUMBER_AFTER = new RegExp(`([\\u4e00-\\u9fa5]{2,30}?)${SP}第${SP}(${N})${SP}号令`, 'g');
/** 法释〔2025〕1号, 最高人民法院法释[2025]第1号: a 文号 with its year in brackets (the organ's words before it). */
const BRACKET_NUMBER = new RegExp(`([\\u4e00-\\u9fa5]{2,30}?)${SP}[〔［[(（]${SP}(\\d{4})${SP}[〕］\\])）]${SP}第?${SP}(\\d+)${SP}号`, 'g');
/** One spelling of a 文号 for both the library's headers and a text: 国务院令第713号, 法释〔2025〕1号. */
function numberKey(organ: string, n: number, year?: string): string {
  const o = organ.replace(/中央军事委员会/g, '中央军委');
  return year ? `${o}〔${year}〕${n}号` : `${o}第${n}号`;
}
/** The spellings (numberKey) a text may cite a version's 文号 by: none when its header carries none. */
export function orderKeys(v: Pick<LawVersionMeta, 'docNumber'>): string[] {
  if (!v.docNumber) return [];
  const order = /^(.+令)第(\d+)号$/.exec(v.docNumber);
  const bracketed = order ? null : new RegExp(`^${BRACKET_NUMBER.source}$`).exec(v.docNumber);
  // a joint order (国务院、中央军事委员会令第689号) is cited by its organs together or by any one of them
  const organs = order ? [order[1]!, ...(order[1]!.includes('、') ? order[1]!.replace(/令$/, '').split('、').map((o) => `${o}令`) : [])] : [];
  return order ? organs.map((o) => numberKey(o, Number(order[2]))) : bracketed ? [numberKey(bracketed[1]!, Number(bracketed[3]), bracketed[2])] : [];
}
const orderCache = new WeakMap<LibraryStore, { stamp: LibraryStamp; byNumber: Map<string, LawVersionMeta[]> }>();

/** The library's versions by the 文号 that published them, read from their header (国务院令第713号, 法释〔2025〕1号). */
function versionsByOrder(store: LibraryStore): Map<string, LawVersionMeta[]> {
  const c = orderCache.get(store);
  if (c && sameLibrary(store, c.stamp)) return c.byNumber;
  const byNumber = new Map<string, LawVersionMeta[]>();
  for (const v of store.versions()) {
    if (!v.docNumber) continue;
    for (const k of orderKeys(v)) byNumber.set(k, [...(byNumber.get(k) ?? []), v]);
  }
  orderCache.set(store, { stamp: libraryStamp(store), byNumber });
  return byNumber;
}

/**
 * 省政府令, 山东省政府令, 市政府令: the 人民政府令 the headers print (山东省人民政府令第311号) — offices write 省政府 for 省人民政府.
 * The corpus, all 地方性法规 and national texts, writes no government order of a place in any spelling (session 31 count).
 */
function fullOrgan(organ: string): string {
  return organ.replace(/(^|[^民])政府令$/, '$1人民政府令');
}

/** The words an organ written with its place left out may follow (根据省人民政府令, 经市人民政府令): none of a place's name. */
const BEFORE_OWN_ORGAN = /(?:^|依照|依据|根据|按照|执行|违反|适用|参照|遵照|对照|实施|贯彻|经|及|和|与|或|、|以)$/;

interface OrderFound {
  /** The organ as the library's headers spell it (山东省人民政府令), when a place left out was completed. */
  filled?: { name: string; level: '省' | '市' | '自治区' };
  /** How many characters of the organ as written start its longest known ending. */
  at: number;
  versions: LawVersionMeta[];
}

/**
 * The versions an order or a 文号 published: the longest ending of the organ written that the library's headers know
 * (根据国务院令 → 国务院令, 依照法释 → 法释; 原 and 中华人民共和国 go). An organ with its place left out (省人民政府令第5号 in a
 * 山东 text, 市人民政府令 in an office's) is completed with the text's place (`place`: the office's or the citing law's) —
 * only when no place is written before it (广东省人民政府令 never becomes 山东's).
 */
function ordersOf(store: LibraryStore, organ: string, n: number, year: string | undefined, place: PlaceOf | undefined): OrderFound | undefined {
  const byNumber = versionsByOrder(store);
  for (let i = 0; i <= organ.length - 2; i++) {
    const written = fullOrgan(organ.slice(i).replace(/^(?:中华人民共和国|原)+(?=.{2})/, ''));
    const vs = byNumber.get(numberKey(written, n, year));
    if (vs) return { at: i, versions: vs };
    const filled = place && BEFORE_OWN_ORGAN.test(organ.slice(0, i)) ? placeLeftOut(written, place.region) : undefined;
    if (filled) return { at: i, filled, versions: byNumber.get(numberKey(filled.name, n, year)) ?? [] };
  }
  return undefined;
}

/**
 * Order numbers and bracketed 文号 (法释〔2025〕1号) written outside a title's notes: the version they published,
 * when the library holds exactly one (a 国务院令 that amended several 条例 at once names none; ordersOf reads the organ).
 * A number the library's headers do not carry names nothing.
 */
function orderAnchors(store: LibraryStore, text: string, anchors: readonly LawAnchor[], place?: PlaceOf): LawAnchor[] {
  if (!text.includes('号')) return [];
  const out: LawAnchor[] = [];
  const found = [
    ...[...text.matchAll(ORDER_NUMBER)].map((m) => ({ m, organ: m[1]!, n: parseChineseNumber(m[2]!), year: undefined })),
    ...[...text.matchAll(ORDER_NUMBER_AFTER)].map((m) => ({ m, organ: `${m[1]!}令`, n: parseChineseNumber(m[2]!), year: undefined })),
    ...[...text.matchAll(BRACKET_NUMBER)].map((m) => ({ m, organ: m[1]!, n: Number(m[3]), year: m[2] })),
  ];
  for (const { m, organ, n, year } of found) {
    if (anchors.some((a) => m.index < a.end && m.index + m[0].length > a.start)) continue;
    // （国务院令第713号） right after a 《title》 is that title's note: the title is the anchor
    const before = anchors.filter((a) => a.kind === 'bracket' && a.end <= m.index).at(-1);
    if (before && /^\s*[（(][^（）()]*$/.test(text.slice(before.end, m.index))) continue;
    if (!n) continue;
    const found = ordersOf(store, organ, n, year, place);
    if (!found?.versions.length) continue;
    const vs = found.versions;
    const laws = new Set(vs.map((v) => v.lawId));
    const law = laws.size === 1 ? store.law(vs[0]!.lawId) : undefined;
    const base = { kind: 'bare' as const, text: m[0].slice(found.at), start: m.index + found.at, end: m.index + m[0].length };
    if (law) out.push({ ...base, lawId: law.id, title: displayTitle(law), ...(vs.length === 1 ? { pinned: vs[0]! } : {}) });
  }
  return out;
}

/**
 * Why an order number before 第X条 (ORDER_BEFORE, no anchor) links nothing: it published several laws of the library
 * (国务院令第588号 amended dozens at once: which one is meant is not written), or none — with the organ completed when
 * its place was left out (资料库中没有“山东省人民政府令第5号”公布的法规（按单位所在省补全）).
 */
function orderUnresolved(store: LibraryStore, written: string, place: PlaceOf | undefined): (Unresolved & { sought?: string }) | { ok: true; lawId: string; pinned?: LawVersionMeta } {
  const m = new RegExp(ORDER_NUMBER.source).exec(written) ?? new RegExp(ORDER_NUMBER_AFTER.source).exec(written);
  const organ = m ? (m[0].endsWith('号令') ? `${m[1]!}令` : m[1]!) : undefined;
  const n = m ? parseChineseNumber(m[2]!) : undefined;
  const found = organ && n ? ordersOf(store, organ, n, undefined, place) : undefined;
  const laws = [...new Set(found?.versions.map((v) => v.lawId) ?? [])]
    .map((id) => store.law(id))
    .filter((l): l is Law => !!l)
    .sort((x, y) => (displayTitle(x) < displayTitle(y) ? -1 : 1));
  // one law after all (（省政府令第311号）第十条: the bracket kept the number from being the article's anchor)
  if (laws.length === 1 && found) return { ok: true, lawId: laws[0]!.id, ...(found.versions.length === 1 ? { pinned: found.versions[0]! } : {}) };
  if (laws.length > 1)
    return unresolved('law-ambiguous', `“${written}”公布了资料库中的 ${laws.length} 部法规（${laws.slice(0, 3).map((l) => `《${displayTitle(l)}》`).join('、')}${laws.length > 3 ? '等' : ''}），请写明法规名称`);
  // the number as a law imported later would carry it (orderKeys), the organ completed when its place was left out
  const sought = organ && n ? { sought: numberKey(found?.filled?.name ?? fullOrgan(organ.replace(/^(?:中华人民共和国|原)+(?=.{2})/, '')), n) } : {};
  if (found?.filled && place && n) return { ...unresolved('issuer-missing', `资料库中没有“${found.filled.name}第${n}号”公布的法规${placeNote(found.filled.level, place.of)}`), ...sought };
  return { ...unresolved('issuer-missing', `资料库中没有“${written}”公布的法规`), ...sought };
}

/** Names of the library's laws, longest first, for unbracketed mentions (行政许可法第十二条). */
interface BareNames {
  /** Names by their first two characters, longest first (a scan instead of a 2,000-way regex). */
  byStart: Map<string, string[]>;
  byName: Map<string, string>;
  /**
   * The laws whose title ends with a string (at least a name's length plus one): 调解仲裁法 → 劳动争议调解仲裁法 and
   * 农村土地承包经营纠纷调解仲裁法. A name found at the end of one is part of a longer, shortened title.
   */
  bySuffix: Map<string, Set<string>>;
  /** The first two ideographs of the library's titles (without 中华人民共和国). */
  heads: Set<string>;
}

/** Marks a title in bySuffix that the library does not hold (law-longer-titles.ts). */
const NOT_HELD = '?';
/** The words up to a verb that cites (依据调解仲裁法): no part of the unknown name after them. */
const VERB_BEFORE_NAME = /^.*(?:依照|依据|根据|按照|违反|参照|遵照|对照|适用)(?=[\u4e00-\u9fa5]{2})/;
/** A government's 规定 named by its organ only (省人民政府规定, 市政府有关规定, 国务院的规定): no title. */
const GOVERNMENT_RULE = /^(?:[\u4e00-\u9fa5]{0,10}?(?:省|市|县|区|自治区|自治州))?(?:人民政府|政府|国务院)(?:有关|的)?规定$/;
/**
 * The end of an article cited before a name in a list (第十条和, 第三款、, 前款第（三）项和, 第（二）项、（三）项和): no part of the
 * name after it. An item is written 第三项 or 第（三）项, and a list's later items （三）项 without their 第 (session 32: the
 * bracketed forms kept 项和 in the name).
 */
const LIST_BEFORE_NAME = /^.*[条款项](?:和|及|与|或者|以及|、)(?=[\u4e00-\u9fa5]{3})/;
const LIST_WORD_FIRST = /^(?:以及|或者|和|及|与|、)(?=[\u4e00-\u9fa5]{3})/;
const ARTICLE_BEFORE_NAME = new RegExp(`(?:第${SP}[${NUMERAL_CHARS}]+${SP}[条款项](?:之[${NUMERAL_CHARS}]+)?|(?:第|[、和及至])${SP}[（(]${SP}[${NUMERAL_CHARS}]+${SP}[)）]${SP}项)[）)]?(?:和|及|与|或者|以及|、)$`);
/** Verbs some titles begin with (实施…办法, 违反…处分规定, 关于…的决定, 使用…) that before a name cite it: 实施刑法第…, 违反证券法第…, 擅自使用反不正当竞争法第六条. */
const CITING_VERB_HEADS = new Set(['实施', '违反', '关于', '使用']);
/**
 * Nouns an office writes before a law's name for the kind or source of the law (依照国家统计法, 法律法规和规章…): they
 * begin titles (国家赔偿法, 法律援助法, 法规规章备案条例, 规章制定程序条例) but before a held name they are no part of it.
 * A longer title the library or the corpus holds (国家安全法 …) is still found first, by its ending.
 */
const GENERIC_HEADS = new Set(['国家', '法律', '法规', '规章']);

/**
 * A name written bare may be the end of a longer title that neither the library holds nor the corpus lists
 * (劳动合同法 in a library of 合同法 only, 某某市物业服务条例): the two ideographs right before it begin some
 * title (劳动, as 劳动法 does; TITLE_HEADS from the corpus, and the library's own titles), or a place's
 * 省/市/县/区 ends right before it. The name is then no link rather than the shorter law; verbs and
 * particles before a name (依照, 具有, 构成, 适用, 修改后的) begin no title.
 */
function mayBeLongerTitle(bare: BareNames, text: string, at: number): boolean {
  if (at < 1 || !/\p{Script=Han}/u.test(text[at - 1]!)) return false;
  if (/[省市县区州旗盟]/.test(text[at - 1]!) && at >= 2 && /\p{Script=Han}/u.test(text[at - 2]!)) return true;
  if (at < 2 || !/\p{Script=Han}/u.test(text[at - 2]!)) return false;
  const head = text.slice(at - 2, at);
  return !CITING_VERB_HEADS.has(head) && !GENERIC_HEADS.has(head) && (TITLE_HEADS.has(head) || bare.heads.has(head));
}

/** How far before a name the scan looks for the rest of a longer title (劳动争议 before 调解仲裁法 is 4). */
const LONGER_TITLE_LOOKBACK = 10;

function bareNamePattern(store: LibraryStore): BareNames | undefined {
  const byName = new Map<string, string>();
  const ambiguous = new Set<string>();
  // Each title normalised once: the pattern is rebuilt after every library change, inside the link
  // refresh's one task (95 ms of CPU on the whole corpus, the UI import's longest pause, session 19).
  const laws = store.laws().map((law) => ({ law, normalised: normaliseTitle(law.title) }));
  const heads = new Set<string>();
  for (const { law, normalised } of laws) {
    const h = normalised.slice(0, 2);
    if (/^\p{Script=Han}{2}$/u.test(h)) heads.add(h);
    if (law.subtitle) {
      // a part of a code (民法典 合同编): the code's name stands for all its parts
      for (const name of new Set([law.title, law.shortTitle, normalised])) {
        if (name.length >= 2 && !byName.has(name)) byName.set(name, CODE + name);
      }
      continue;
    }
    for (const name of new Set([law.title, law.shortTitle, normalised])) {
      // a title with 书名号 inside (北京市实施《节约能源法》办法) is only ever cited in 《》
      if (name.length < 2 || /[《》〈〉]/.test(name) || !/(法|法典|条例|规定|办法|细则|规则|决定)$/.test(name)) continue;
      const prev = byName.get(name);
      if (prev && prev !== law.id) {
        // the same title in several regions: the national one wins, otherwise it stays ambiguous
        if (law.region === '全国') byName.set(name, law.id);
        else if (store.law(prev)?.region !== '全国') ambiguous.add(name);
        continue;
      }
      byName.set(name, law.id);
    }
  }
  for (const a of ambiguous) byName.delete(a);
  const bySuffix = new Map<string, Set<string>>();
  for (const { law, normalised } of laws) {
    if (law.subtitle) continue;
    for (const name of new Set([law.title, normalised])) {
      for (let i = 1; i + 3 <= name.length; i++) {
        const tail = name.slice(i);
        bySuffix.set(tail, (bySuffix.get(tail) ?? new Set()).add(law.id));
      }
    }
  }
  // the corpus's titles that end with another (劳动争议调解仲裁法, 社会保险法) the library does not hold: whole or
  // shortened, they are a law that is not here, never the shorter one that is
  for (const title of LONGER_TITLES) {
    if (byName.has(title)) continue;
    for (let i = 0; i + 3 <= title.length; i++) {
      const tail = title.slice(i);
      bySuffix.set(tail, (bySuffix.get(tail) ?? new Set()).add(NOT_HELD + title));
    }
  }
  for (const [abbr, full] of Object.entries(LAW_ABBREVIATIONS)) {
    if (byName.has(abbr)) continue;
    const target = byName.get(full);
    if (target) byName.set(abbr, target);
  }
  if (byName.size === 0) return undefined;
  const byStart = new Map<string, string[]>();
  for (const name of [...byName.keys()].sort((a, b) => b.length - a.length)) {
    const k = name.slice(0, 2);
    const list = byStart.get(k);
    if (list) list.push(name);
    else byStart.set(k, [name]);
  }
  return { byStart, byName, bySuffix, heads };
}

const patternCache = new WeakMap<LibraryStore, { stamp: LibraryStamp; p: ReturnType<typeof bareNamePattern> }>();
function cachedPattern(store: LibraryStore) {
  const c = patternCache.get(store);
  if (c && sameLibrary(store, c.stamp)) return c.p;
  const p = bareNamePattern(store);
  patternCache.set(store, { stamp: libraryStamp(store), p });
  return p;
}

/**
 * A bare name before 第X条 that no library title spells out (科技进步法第三十条): the longest tail of
 * what OTHER_DOC caught that is a contraction of one law's title (law-contraction.ts), so the words
 * before it (依据, 按照) are not part of it. One law only: a title held in several regions is read
 * as the national one, else as none.
 */
function contractedTail(store: LibraryStore, name: string): { text: string; lawId: string } | undefined {
  for (let i = 0; name.length - i >= 3; i++) {
    const laws = findLawsByContraction(store, titleKey(name.slice(i)));
    const national = laws.filter((l) => l.region === '全国');
    const one = laws.length === 1 ? laws[0] : national.length === 1 ? national[0] : undefined;
    if (one) return { text: name.slice(i), lawId: one.id };
  }
  return undefined;
}

/** Leftmost-longest occurrences of the names, not overlapping (what the alternation regex gave). */
function* scanNames(bare: BareNames, text: string): Generator<{ 0: string; index: number }> {
  for (let i = 0; i + 1 < text.length; ) {
    const names = bare.byStart.get(text.slice(i, i + 2));
    const hit = names?.find((n) => text.startsWith(n, i));
    if (hit) {
      yield { 0: hit, index: i };
      i += hit.length;
    } else i++;
  }
}

/**
 * A name found as the end of a longer shortened title: 调解仲裁法第四十七条 is no 仲裁法 article but one of
 * 劳动争议调解仲裁法 (or of 农村土地承包经营纠纷调解仲裁法). The longest run of ideographs before the name that,
 * with it, ends the title of some other law of the library: that law if it is one, 'ambiguous' (no
 * link, rather than a wrong one) if several, or none but a corpus title the library lacks (社会保险法 in a
 * library of 保险法 only), undefined when the name stands alone (依照仲裁法第…).
 */
function longerTitleEnding(bare: BareNames, text: string, at: number, name: string): { text: string; start: number; lawId: string } | 'ambiguous' | undefined {
  const own = bare.byName.get(name);
  let found: { text: string; start: number; lawIds: Set<string> } | undefined;
  for (let k = 1; k <= LONGER_TITLE_LOOKBACK && at - k >= 0 && /\p{Script=Han}/u.test(text[at - k]!); k++) {
    const tail = text.slice(at - k, at + name.length);
    const lawIds = bare.bySuffix.get(tail);
    if (lawIds && !(own !== undefined && lawIds.has(own))) found = { text: tail, start: at - k, lawIds };
  }
  if (!found) return undefined;
  // 上海市物业管理条例 not held: the 市 before 物业管理条例 ends other cities' titles, none of them this one
  // a law the library holds before one it lacks: the office imported the laws it cites
  const held = [...found.lawIds].filter((id) => !id.startsWith(NOT_HELD));
  if (held.length !== 1 || /[省市县区州盟旗]/.test(found.text.slice(0, found.text.length - name.length))) return 'ambiguous';
  return { text: found.text, start: found.start, lawId: held[0]! };
}

function findLawAnchors(store: LibraryStore, text: string, carried: DefinedName[] = [], place?: PlaceOf): { anchors: LawAnchor[]; defined: DefinedName[] } {
  const anchors: LawAnchor[] = [];
  for (const m of text.matchAll(BRACKET_TITLE)) {
    const name = m[1]!;
    const base = { kind: 'bracket' as const, text: m[0], start: m.index, end: m.index + m[0].length };
    const parts = codeParts(store, name);
    if (parts) {
      anchors.push({ ...base, lawId: parts[0]!.id, lawIds: parts.map((l) => l.id), title: normaliseTitle(parts[0]!.title) });
      continue;
    }
    let r = lawByName(store, name, 'cited', place);
    if (!r.ok) {
      const issuer = ISSUER_BEFORE.exec(text.slice(Math.max(0, m.index - 30), m.index))?.[1];
      const withIssuer = issuer ? lawByName(store, issuer + name, 'cited', place) : undefined;
      if (withIssuer?.ok) r = withIssuer;
    }
    anchors.push({ ...base, ...(r.ok ? { lawId: r.value.id, title: displayTitle(r.value) } : { reason: r.reason, reasonKind: r.kind }) });
  }
  const bare = cachedPattern(store);
  if (bare) {
    const inBracket = (i: number) => anchors.some((a) => a.kind === 'bracket' && i >= a.start && i < a.end);
    for (const m of scanNames(bare, text)) {
      if (inBracket(m.index)) continue;
      const longer = longerTitleEnding(bare, text, m.index, m[0]);
      if (longer === 'ambiguous') continue;
      if (longer) {
        const law = store.law(longer.lawId);
        anchors.push({ kind: 'bare', text: longer.text, start: longer.start, end: m.index + m[0].length, lawId: longer.lawId, ...(law ? { title: displayTitle(law) } : {}) });
        continue;
      }
      const lawId = bare.byName.get(m[0])!;
      if (!lawId.startsWith(CODE) && mayBeLongerTitle(bare, text, m.index)) continue;
      const base = { kind: 'bare' as const, text: m[0], start: m.index, end: m.index + m[0].length };
      if (lawId.startsWith(CODE)) {
        const parts = codeParts(store, lawId.slice(CODE.length));
        if (parts) anchors.push({ ...base, lawId: parts[0]!.id, lawIds: parts.map((l) => l.id), title: normaliseTitle(parts[0]!.title) });
        else {
          // the code is also held whole (民法典 as one document beside its parts): the name is that law, as in 《》
          const r = lawByName(store, lawId.slice(CODE.length), 'cited');
          if (r.ok) anchors.push({ ...base, lawId: r.value.id, title: displayTitle(r.value) });
        }
        continue;
      }
      const law = store.law(lawId);
      anchors.push({ ...base, lawId, ...(law ? { title: displayTitle(law) } : {}) });
    }
  }
  anchors.push(...orderAnchors(store, text, anchors, place));
  anchors.sort((a, b) => a.start - b.start);
  return withDefinedNames(text, anchors, carried);
}

/**
 * （以下简称《条例》） / （以下简称“行政许可法”） right after a title: the short name the text uses for it. Other notes may come
 * first, in brackets of their own or in the same ones before a mark: （国务院令第713号，以下简称《条例》）, （2019年修正；下文简称
 * “许可法”）, （法释〔2022〕10号）（以下称《规定》）. 称 alone needs 以下/下文 (以下称《合伙企业法》).
 */
const DEFINED_NAME = /^\s*(?:[（(][^（）()\n]{1,40}[)）]\s*)?[（(]\s*(?:[^（）()《》\n]{1,40}?[，,；;]\s*)?(?:(?:以下|下文)简?称|简称)\s*[“"「]?《?([^《》“”"」（）()\n]{1,20})》?[”"」]?\s*[)）]/;

/**
 * A short name the text defines for a law stands for that law wherever it is written after the
 * definition: 《条例》第二十八条 after “《国有土地上房屋征收与补偿条例》（以下简称《条例》）”.
 */
function withDefinedNames(text: string, anchors: LawAnchor[], carried: DefinedName[]): { anchors: LawAnchor[]; defined: DefinedName[] } {
  // names defined in an earlier article of the same law (第一条 …（以下简称条例）) hold from the start
  const defined: { name: string; from: number; a: DefinedName }[] = carried.map((c) => ({ name: c.name, from: 0, a: c }));
  const own: DefinedName[] = [];
  for (const a of anchors) {
    const m = a.lawId ? DEFINED_NAME.exec(text.slice(a.end, a.end + 120)) : null;
    if (!m) continue;
    const d: DefinedName = { name: m[1]!.trim(), lawId: a.lawId!, ...(a.lawIds ? { lawIds: a.lawIds } : {}), ...(a.title ? { title: a.title } : {}) };
    defined.push({ name: d.name, from: a.end, a: d });
    own.push(d);
  }
  if (!defined.length) return { anchors, defined: own };
  const out = anchors.map((x) => {
    if (x.lawId || x.kind !== 'bracket') return x;
    const name = x.text.replace(/^《|》$/g, '');
    const d = defined.filter((dd) => dd.name === name && dd.from <= x.start).at(-1);
    if (!d) return x;
    const { reason: _r, reasonKind: _k, ...rest } = x;
    return { ...rest, lawId: d.a.lawId, ...(d.a.lawIds ? { lawIds: d.a.lawIds } : {}), ...(d.a.title ? { title: d.a.title } : {}) };
  });
  // the short name written without 书名号 (以下简称“条例”): each later occurrence outside a title —
  // not inside 本条例, 该条例, 实施条例, 暂行条例 (another law, or the text's own)
  for (const d of defined) {
    if (d.name.length < 2) continue;
    for (let i = text.indexOf(d.name, d.from); i >= 0; i = text.indexOf(d.name, i + d.name.length)) {
      if (out.some((x) => i < x.end && i + d.name.length > x.start)) continue;
      if (/[本该此施行]$/.test(text.slice(Math.max(0, i - 1), i))) continue;
      out.push({ kind: 'bare', text: d.name, start: i, end: i + d.name.length, lawId: d.a.lawId, ...(d.a.lawIds ? { lawIds: d.a.lawIds } : {}), ...(d.a.title ? { title: d.a.title } : {}) });
    }
  }
  return { anchors: out.sort((a, b) => a.start - b.start), defined: own };
}

interface RawRef {
  number: number;
  suffix: number;
  paragraph?: number;
  item?: number;
}

function num(s: string | undefined): number | undefined {
  if (!s) return undefined;
  const n = parseChineseNumber(s);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

/** An amending text: its bare article numbers are the amended law's (修正案, 关于修改《X》的决定). */
const AMENDING = /修正案(?:[（(][^（）()]*[)）])?$|关于修改[\s\S]+的决定$/;

/** The law an amending text amends (刑法修正案（四） → 刑法; 关于修改《X》的决定 → X), when in the library. */
function amendedLaw(store: LibraryStore, lawId: string): { id: string } | undefined {
  const title = store.law(lawId)?.title ?? '';
  const name = /^(?:中华人民共和国)?(.+?)修正案/.exec(title)?.[1] ?? /关于修改《([^《》]+)》(?:的决定|的决议)$/.exec(title)?.[1];
  if (!name) return undefined;
  let r = lawByName(store, name, 'cited');
  // 最高人民法院关于修改《关于上海金融法院案件管辖的规定》的决定: the amended title without its issuer, which is the decision's
  const issuer = /^(.+?)关于修改《/.exec(title)?.[1];
  if (!r.ok && issuer && name.startsWith('关于')) r = lawByName(store, issuer + name, 'cited');
  return r.ok ? { id: r.value.id } : undefined;
}

/**
 * The law a judicial interpretation's title names (关于适用《中华人民共和国婚姻法》若干问题的解释（一）,
 * 关于执行《刑法》确定罪名的补充规定（七）, 关于适用刑法分则规定的犯罪的罪名的意见): its bare 第X条 that the
 * interpretation itself lacks (or whose 款/项 its own article lacks) are that law's. `lawId` when the library
 * holds it; undefined when the text is no 司法解释 or its title names no law or several.
 */
function interpretedLaw(store: LibraryStore, lawId: string): { lawId?: string; name: string } | undefined {
  const law = store.law(lawId);
  if (!law || law.level !== '司法解释') return undefined;
  const quoted = [...law.title.matchAll(/[《〈]([^《》〈〉]+)[》〉]/g)].map((m) => m[1]!);
  if (quoted.length) {
    const names = new Set(quoted.map((q) => normaliseTitle(q)));
    if (names.size !== 1) return undefined;
    const name = [...names][0]!;
    const r = lawByName(store, name, 'cited');
    return r.ok && r.value.id !== lawId ? { lawId: r.value.id, name } : { name };
  }
  const bare = cachedPattern(store);
  if (!bare) return undefined;
  const ids = new Set<string>();
  let name = '';
  for (const m of scanNames(bare, law.title)) {
    const id = bare.byName.get(m[0]);
    if (id && !id.startsWith(CODE) && id !== lawId) {
      ids.add(id);
      name = m[0];
    }
  }
  return ids.size === 1 ? { lawId: [...ids][0]!, name } : undefined;
}

/** The article a reference points at through a TargetResolver, or why none. */
function targetOf(light: TargetResolver, lawIds: string[], r: RawRef, date: string): LinkTarget | Unresolved {
  const key = r.suffix ? `${r.number}-${r.suffix}` : String(r.number);
  let why: Unresolved | undefined;
  for (const lawId of lawIds) {
    const v = light.versionFor(lawId, date);
    if (!v) {
      why ??= unresolved('library-gap', `资料库中没有 ${lawId} 的版本`);
      continue;
    }
    if (light.articles(v.versionId).some((a) => a[2] === key)) return { lawId, versionId: v.versionId, articleKey: key, ...(v.approx ? { approx: true } : {}) };
    why ??= unresolved('article-missing', `${v.versionId} 没有${articleLabel(r.number, r.suffix)}`);
  }
  return why ?? unresolved('no-law-named', '');
}

/** Why a law named by an anchor the library does not hold is none: its reason and kind, as made when it was looked up. */
const anchorWhy = (a: LawMention): { reason: string; reasonKind?: UnresolvedKind } => ({ reason: a.reason ?? '', ...(a.reasonKind ? { reasonKind: a.reasonKind } : {}) });

/** A reference that resolved to nothing (a target, version or range helper's answer). */
const failed = (x: object): x is Unresolved => (x as { ok?: unknown }).ok === false;

/**
 * The version a citation names after the title — 《统计法》（2009年修订）第七条 is the 2009 text
 * whatever the date of the text citing it. Undefined when no version is written; a reason when the
 * library lacks the version written (never the version in force instead).
 */
function writtenVersion(store: LibraryStore, lawIds: string[], between: string): LawVersionMeta | Unresolved | undefined {
  const m = VERSION_NOTE.exec(between);
  if (!m) return undefined;
  const [, y, mo, d] = m;
  const day = mo ? `${y}-${mo.padStart(2, '0')}${d ? '-' + d.padStart(2, '0') : ''}` : y!;
  for (const id of lawIds) {
    const law = store.law(id);
    if (!law) continue;
    const v = pickVersion(store, law, day);
    if (v) return v;
  }
  const law = store.law(lawIds[0]!);
  const have = law ? law.versionIds.map((id) => store.version(id)?.published || id.split('@')[1]).join('、') : '';
  return unresolved('version-missing', `资料库中没有《${law ? displayTitle(law) : lawIds[0]}》${m[0]}的版本（资料库中有 ${have}），未改用其他版本`);
}

/** 修订前的刑法, 修正前刑法, 修改前的《商标法》: the text the revision in force on the citing date replaced. */
const PRIOR_TEXT = /(?:修订|修正|修改)前的?$/;

/**
 * The version a revision replaced (修订前的刑法第五十九条 in a text of 1997-10-01 is the 1979 code): the one before
 * the version in force on `date`. A reason — never the version in force, never the oldest held instead — when the
 * library holds no older version, or none was in force yet (the text is older than every version held).
 */
function priorVersion(store: LibraryStore, lawId: string, date: string): LawVersionMeta | Unresolved {
  const law = store.law(lawId);
  const name = law ? displayTitle(law) : lawId;
  const now = versionOnDate(store, lawId, date);
  const held = (law?.versionIds ?? []).map((id) => store.version(id)).filter((v): v is LawVersionMeta => !!v && !!startOf(v));
  const older = now.ok && startOf(now.value) ? held.filter((v) => startOf(v) < startOf(now.value)).sort((a, b) => startOf(a).localeCompare(startOf(b))).at(-1) : undefined;
  if (older) return older;
  const have = held.map((v) => v.published || startOf(v)).join('、');
  return unresolved('version-missing', `修订前的《${name}》早于资料库中的版本（资料库中有 ${have || '无日期的版本'}），未链接`);
}

function pinnedTarget(light: TargetResolver, v: LawVersionMeta, r: RawRef): LinkTarget | Unresolved {
  const key = r.suffix ? `${r.number}-${r.suffix}` : String(r.number);
  if (light.articles(v.id).some((a) => a[2] === key)) return { lawId: v.lawId, versionId: v.id, articleKey: key };
  return unresolved('article-missing', `${v.id} 没有${articleLabel(r.number, r.suffix)}`);
}

const notOwnArticle = (label: string, i: { lawId?: string; name: string }) =>
  unresolved(i.lawId ? 'article-missing' : 'law-missing', `本解释没有所引的${label}（或其款、项），应是所解释的《${i.name}》的条文，${i.lawId ? '该法也没有' : `资料库中没有《${i.name}》`}`);

const cmp = (a: RawRef, b: RawRef) => a.number - b.number || a.suffix - b.suffix;

/**
 * The articles of 第X条至第Y条(之一): the articles the cited version has between the two (so
 * 第一百三十四条至第一百三十九条之一 includes every 之一 in between), else every number from X to Y.
 * Unresolved when the range is not expanded (too long to be a range).
 */
function expandRange(store: LibraryStore, lawIds: string[], from: RawRef, to: RawRef, date: string, light?: TargetResolver, pinnedId?: string): RawRef[] | Unresolved {
  if (to.number - from.number > MAX_RANGE) return unresolved('not-a-range', `范围 ${articleLabel(from.number, from.suffix)}至${articleLabel(to.number, to.suffix)} 超过 ${MAX_RANGE} 条，不像条文范围，请核对`);
  for (const id of lawIds) {
    let inside: RawRef[];
    if (light) {
      const v = pinnedId ? { versionId: pinnedId } : light.versionFor(id, date);
      if (!v) continue;
      inside = light
        .articles(v.versionId)
        .map(([number, suffix]) => ({ number, suffix }))
        .filter((u) => cmp(u, from) >= 0 && cmp(u, to) <= 0);
    } else {
      const v = pinnedId ? { ok: true as const, value: { id: pinnedId } } : versionOnDate(store, id, date);
      if (!v.ok) continue;
      inside = store
        .loadVersion(v.value.id)
        .units.filter((u) => u.kind === 'article' && cmp(u, from) >= 0 && cmp(u, to) <= 0)
        .map((u) => ({ number: u.number, suffix: u.suffix }));
    }
    // the version must hold both ends, else the numbers as written are reported one by one
    if (inside.length && cmp(inside[0]!, from) === 0 && cmp(inside.at(-1)!, to) === 0) return inside;
  }
  const refs: RawRef[] = [from];
  for (let n = from.number + 1; n <= to.number; n++) refs.push({ number: n, suffix: 0 });
  if (to.suffix) refs.push(to);
  return refs;
}

/**
 * Detects the citations in `text` and resolves them to the versions in force on `date`.
 * `nearLawId` is the law the text is about (a note on a law): 本法 and bare 第X条 fall back to it.
 */
export function detectCitations(
  store: LibraryStore,
  raw: string,
  date: string,
  nearLawId?: string,
  light?: TargetResolver,
  opts: {
    wholeLaws?: boolean;
    definedNames?: DefinedName[];
    /** The article of `nearLawId` the text is (a law read article by article): 前条 and 本条第二款 point from it. */
    article?: OwnArticle;
    /** The draft the text is an opinion on: its own articles are linked as such, never to a law. */
    draft?: DraftInView;
    /**
     * Where the office writing the text is (单位信息, the library's notation 山东·淄博·高青县): 《省专利条例》 and 市物业管理条例第X条
     * name its own province's and city's rules (placeLeftOut). Records, drafts and the pre-check pass it.
     */
    officeRegion?: string;
    /**
     * The region of the law whose own text this is (the citing version's, 广东 or 山东·淄博): there 《省专利条例》 and 本市…条例
     * are that law's province's and city's, not the office's. The link graph passes it; it wins over `officeRegion`.
     */
    lawRegion?: string;
  } = {},
): DetectionResult {
  // offsets stay those of the text as written: a wrapped line's break is read as a space of the same length
  const text = unwrapLines(raw);
  // a line that is an article's heading (a draft pasted whole: 第一条　为了…) cites nothing
  const headings = new Set([...text.matchAll(OWN_HEADING)].map((m) => m.index + m[0].indexOf('第')));
  const place = opts.lawRegion !== undefined ? lawPlace(opts.lawRegion) : officePlace(opts.officeRegion);
  const { anchors, defined: definedNames } = findLawAnchors(store, text, opts.definedNames, place);
  const amended = nearLawId ? amendedLaw(store, nearLawId) : undefined;
  // 本法 in a part of a code stored as parts (民法典 合同编) is the whole code: its own part first
  const nearParts = nearLawId ? codeIndex(store).byLaw.get(nearLawId)?.group.parts : undefined;
  const nearIds = nearLawId && nearParts ? { lawIds: [nearLawId, ...nearParts.map((l) => l.id).filter((id) => id !== nearLawId)] } : {};
  const mentions: DetectedMention[] = [];
  let prevEnd = -1; // end of the previous article mention in a chain
  const draft = opts.draft;
  const ownDraft = draft ? draftName(draft.title) : undefined;
  /** Its kind (办法, 规定, 条例): what 本办法 names in an opinion on it. */
  const ownKind = ownDraft?.replace(/(?:试行|暂行)$/, '');
  const isDraft = (a: LawAnchor | undefined) => !!a && ownDraft !== undefined && draftName(a.text) === ownDraft;
  /** The document 该文件 before `pos` stands for when it is not the draft: one named earlier in the paragraph. */
  const otherDocumentBefore = (pos: number) => {
    const para = text.slice(text.lastIndexOf('\n', pos - 1) + 1, pos);
    const named = anchors.filter((a) => a.kind === 'bracket' && a.end <= pos && !a.lawId && !isDraft(a) && !text.slice(a.end, pos).includes('\n')).at(-1);
    return named?.text ?? DOC_NUMBER.exec(para)?.[0];
  };
  let prevLaw:
    | {
        /** An article of the draft under review (`opts.draft`), not of a law. */
        draft?: true;
        lawId?: string;
        lawIds?: string[];
        lawText?: string;
        via: DetectedMention['via'];
        reason?: string;
        reasonKind?: UnresolvedKind;
        pinned?: LawVersionMeta;
        /** A bare 第X条 in a 司法解释: the law its title names, for an article (or 款/项) the interpretation lacks. */
        interpreted?: { lawId?: string; name: string };
        /** Not found: what was looked for (DetectedMention.sought). */
        sought?: string;
      }
    | undefined;
  const interpreted = nearLawId ? interpretedLaw(store, nearLawId) : undefined;
  /** Shortened names no title spells out, read before an article (科技进步法第三十条): laws named too. */
  const contractedNames: LawMention[] = [];

  const lastAnchorBefore = (pos: number, samePara: boolean, resolvedOnly = false) => {
    for (let i = anchors.length - 1; i >= 0; i--) {
      const a = anchors[i]!;
      if (a.end > pos) continue;
      if (samePara && text.slice(a.end, pos).includes('\n')) return undefined;
      if (resolvedOnly && !a.lawId) continue;
      return a;
    }
    return undefined;
  };

  /**
   * The law 该法 / 该条例 / 上述法律 stands for: the last law of that kind named before `pos`, found or not — a
   * 《title》 the library lacks is not skipped for an older one (依照《A法》…《合同法》…该法第十条 is 合同法's).
   * 《证书》 and other titles that are no law are passed over.
   */
  const lastLawOfKind = (pos: number, word: string) => {
    // 上述条例 / 前述办法 name their kind as 该条例 does; 上述法律 is a 法, 上述法规 any law
    const noun = /^(?:[该同]|上述|前述)(.+)$/.exec(word)?.[1] ?? '';
    const kind = noun === '法律' ? '法' : noun === '法规' ? '' : noun;
    for (let i = anchors.length - 1; i >= 0; i--) {
      const a = anchors[i]!;
      if (a.end > pos) continue;
      const name = (a.lawId ? a.title ?? a.text : a.text).replace(/[《》]/g, '').replace(/[（(][^（）()]*[)）]$/, '');
      if (!LAW_NOUN.test(name)) continue;
      if (kind && !(kind === '法' ? /法典?$/ : new RegExp(`${kind}$`)).test(name)) continue;
      return a;
    }
    return undefined;
  };

  /** The last law named before `pos` whose title ends in `noun` (本条例 → the last 条例 named), held or not. */
  const lastNamedOfKind = (pos: number, noun: string) => {
    const kind = noun.replace(/^(?:实施|暂行)/, '');
    for (let i = anchors.length - 1; i >= 0; i--) {
      const a = anchors[i]!;
      // a title the library lacks counts too: 本法 after 《合同法》 (not held) is not an older 法 named before it
      if (a.end > pos) continue;
      if ((a.title ?? a.text).replace(/[《》]/g, '').replace(/[（(]?(?:试行|暂行)[）)]?$/, '').endsWith(kind)) return a;
    }
    return undefined;
  };

  type RefLaw = NonNullable<typeof prevLaw>;
  /** The mentions of `refs` (articles of one written reference) attributed to `law`, resolved on `date`. */
  const pushRefs = (law: RefLaw, refs: RawRef[], written: string, start: number, end: number, last: RawRef, otherParts: { paragraph?: number | undefined; item?: number | undefined }[]) => {
    for (const r of refs) {
      const label = articleLabel(r.number, r.suffix);
      const base = { text: written, start, end, via: law.via, ...(law.lawText ? { lawText: law.lawText } : {}), label };
      if (law.draft) {
        const a = draft?.articles?.find((x) => x[0] === r.number && x[1] === r.suffix);
        const parts = [r, ...(r === last ? otherParts : [])].map(partOf).filter((p) => p.paragraph || p.item);
        const reason = draft?.articles ? `所审查的草案没有${label}` : `“${law.lawText ?? label}”指所审查的文件本身，不是资料库中的法规`;
        mentions.push(a ? { ...base, status: 'resolved', draft: { articleKey: a[2], ...(parts.length ? { parts } : {}) } } : { ...base, status: 'unresolved', reason, reasonKind: 'own-document' });
        continue;
      }
      if (!law.lawId) {
        mentions.push({ ...base, status: 'unresolved', reason: law.reason || '没有指明是哪部法规的条文', reasonKind: law.reason ? (law.reasonKind ?? 'no-law-named') : 'no-law-named', ...(law.sought ? { sought: law.sought } : {}) });
        continue;
      }
      const ids = law.pinned ? [law.pinned.lawId] : (law.lawIds ?? [law.lawId]);
      if (light) {
        let t = law.pinned ? pinnedTarget(light, law.pinned, r) : targetOf(light, ids, r, date);
        const partsOf = (tt: LinkTarget) => {
          const at = light.articleText?.(tt.versionId, tt.articleKey);
          return at === undefined ? undefined : [r, ...(r === last ? otherParts : [])].map((p) => missingPart(label, at, p)).find(Boolean);
        };
        if (law.interpreted && (failed(t) || partsOf(t))) {
          // a 司法解释's bare 第三十二条第三款 its own 第三十二条 lacks: the interpreted law's, or no link
          const it = law.interpreted.lawId ? targetOf(light, [law.interpreted.lawId], r, date) : undefined;
          t = it && !failed(it) && !partsOf(it) ? it : notOwnArticle(label, law.interpreted);
        }
        if (failed(t)) {
          // 婚姻法解释's 第三十二条第三款 when 婚姻法 is not held: read again once it is
          const sought = law.interpreted && !law.interpreted.lawId ? { sought: law.interpreted.name } : {};
          mentions.push({ ...base, status: 'unresolved', reason: t.reason, reasonKind: t.kind, ...sought });
          continue;
        }
        // a 款 or 项 the linked article does not have: linked to the article, flagged like a missing article
        const missing = partsOf(t);
        const parts = [r, ...(r === last ? otherParts : [])].map(partOf).filter((p) => p.paragraph || p.item);
        const target = { ...t, ...(missing ? { partMissing: true } : {}), ...(parts.length ? { parts } : {}) };
        mentions.push({ ...base, status: 'resolved', target, ...(missing ? { warning: `${missing}，已链接到整条`, partMissing: true } : {}) });
        continue;
      }
      const pinnedId = law.pinned?.id;
      const resolve = (x: Omit<ArticleTarget, 'lawId'>) => (pinnedId ? citeArticle(store, pinnedId, x.number, x.suffix, x) : resolveInAny(store, ids, x, date));
      let c = resolve(r);
      if (law.interpreted && !c.ok) {
        // a 司法解释's bare 第三十二条第三款 its own 第三十二条 lacks: the interpreted law's, or no link
        const it = law.interpreted.lawId ? resolveInAny(store, [law.interpreted.lawId], r, date) : undefined;
        // (the interpreted law's own reason when it is held: 尚未施行 on the text's date, 没有第X条)
        c = it ?? notOwnArticle(label, law.interpreted);
      }
      let warning: string | undefined;
      if (!c.ok && (r.paragraph || r.item) && !law.interpreted) {
        // 第十二条第二款 where the article has one paragraph: link the article, say what was dropped
        const whole = resolve({ number: r.number, suffix: r.suffix });
        if (whole.ok) {
          warning = `${c.reason}，已链接到整条`;
          c = whole;
        }
      }
      mentions.push(
        c.ok
          ? { ...base, status: 'resolved', citation: c.value, ...(warning ? { warning, partMissing: true } : {}) }
          : { ...base, status: 'unresolved', reason: c.reason, reasonKind: c.kind },
      );
    }
  };

  for (const m of text.matchAll(ARTICLE)) {
    const start = m.index;
    if (start < prevEnd || headings.has(start)) continue; // the end of a range already read: 第十二条至第十五条
    // part of a title: 《关于〈中华人民共和国刑法〉第三百四十一条、第三百一十二条的解释》 cites the 解释
    if (anchors.some((a) => a.kind === 'bracket' && start > a.start && start < a.end)) continue;
    let end = start + m[0].length;
    let otherParts: { paragraph?: number | undefined; item?: number | undefined }[] = [];
    // 第十二、十三条: every number but the last is a whole article; 之一/款/项 belong to the last
    const listed = m[1]!.split('、').map((x) => num(x.trim()) ?? 0);
    if (listed.some((x) => !x)) continue;
    const first: RawRef = { number: listed[0]!, suffix: listed.length > 1 ? 0 : (num(m[2]) ?? 0) };
    const more: RawRef[] = listed.slice(1).map((n, i, all) => ({ number: n, suffix: i === all.length - 1 ? (num(m[2]) ?? 0) : 0 }));
    const joined = m[3] && !m[4] ? PARAGRAPH_JOIN.exec(text.slice(end)) : null;
    if (joined) end += joined[0].length;
    const itemJoined = m[4] ? ITEM_JOIN.exec(text.slice(end)) : null;
    if (itemJoined) end += itemJoined[0].length;
    const paras = partList(joined ? `${m[3]}、${joined[1]}` : m[3]) ?? [];
    const items = partList(joined ? joined[2] : itemJoined ? `${m[4]}、${itemJoined[1]}` : m[4]) ?? [];
    const last = more.at(-1) ?? first;
    // 第五条第一、二款 / 第五条第（一）、（二）项: one reference per 款 or 项, the 项 under the last 款
    const parts = (paras.length ? paras : [undefined]).flatMap((paragraph, i, all) =>
      (i === all.length - 1 && items.length ? items : [undefined]).map((item) => ({ paragraph, item })),
    );
    if (parts[0]!.paragraph) last.paragraph = parts[0]!.paragraph;
    if (parts[0]!.item) last.item = parts[0]!.item;
    // the link graph links articles: the first part only, so an article is not counted twice (the
    // others are still checked against the article's text)
    if (light) otherParts = parts.slice(1);
    else for (const part of parts.slice(1)) more.push({ number: last.number, suffix: last.suffix, ...(part.paragraph ? { paragraph: part.paragraph } : {}), ...(part.item ? { item: part.item } : {}) });
    // 第十二条至第十五条 / 第十二条至十五条 / 第一百三十四条至第一百三十九条之一
    const tail = RANGE_TAIL.exec(text.slice(end));
    let range: { to: RawRef } | undefined;
    if (tail) {
      const to: RawRef = { number: num(tail[1]) ?? 0, suffix: num(tail[2]) ?? 0 };
      if (to.number > first.number || (to.number === first.number && to.suffix > first.suffix)) {
        range = { to };
        end += tail[0].length;
      }
    }
    // 第十二条、十三条: the later numbers of the list without their 第
    for (let t = BARE_LIST_TAIL.exec(text.slice(end)); t && !range; t = BARE_LIST_TAIL.exec(text.slice(end))) {
      const n = num(t[1]);
      if (!n) break;
      more.push({ number: n, suffix: num(t[2]) ?? 0 });
      end += t[0].length;
    }
    // Which law?
    const before = text.slice(0, start);
    let law: typeof prevLaw;
    const gap = prevEnd >= 0 ? text.slice(prevEnd, start) : undefined;
    const anchor = lastAnchorBefore(start, true);
    const self = THIS_LAW.exec(before);
    const that = THAT_LAW.exec(before);
    if (gap !== undefined && LIST_GAP.test(gap) && prevLaw && !(anchor && anchor.end > prevEnd)) {
      law = prevLaw; // 第十二条、第十三条
    } else if (anchor && isDraft(anchor) && TITLE_NOTES.test(text.slice(anchor.end, start))) {
      law = { via: 'named', lawText: anchor.text, draft: true }; // 《…暂行办法（送审稿）》第十二条 in an opinion on it
    } else if (anchor && (TITLE_NOTES.test(text.slice(anchor.end, start)) || (anchor.kind === 'bare' && !!anchor.lawId && NUMBER_DOCUMENT.test(anchor.text) && NUMBER_AS_DOCUMENT.test(text.slice(anchor.end, start))))) {
      law = { via: 'named', lawText: anchor.text, ...(anchor.lawId ? { lawId: anchor.lawId, ...(anchor.lawIds ? { lawIds: anchor.lawIds } : {}) } : anchorWhy(anchor)) };
      const pin =
        anchor.pinned ??
        (anchor.lawId ? writtenVersion(store, anchor.lawIds ?? [anchor.lawId], text.slice(anchor.end, start)) : undefined) ??
        (anchor.lawId && !anchor.lawIds && PRIOR_TEXT.test(text.slice(Math.max(0, anchor.start - 4), anchor.start)) ? priorVersion(store, anchor.lawId, date) : undefined);
      if (pin) law = failed(pin) ? { via: 'named', lawText: anchor.text, reason: pin.reason, reasonKind: pin.kind } : { ...law, pinned: pin };
    } else if (self) {
      // 本法 in a law's own text (or a record about a law) is that law, whatever was named before it.
      const word = self[0];
      const named = nearLawId ? undefined : lastNamedOfKind(start - word.length, self[1]!);
      // in an opinion on a draft, 本办法 is the draft when it is a 办法, whatever 办法 was named before (本法 there is still a 法)
      const quoted = amended && (before.match(/“/g)?.length ?? 0) > (before.match(/”/g)?.length ?? 0);
      if (ownKind?.endsWith(self[1]!) && !(self[1] === '法' && ownKind.endsWith('办法'))) law = { via: 'this-law', lawText: word, draft: true };
      else if (quoted) law = { via: 'this-law', lawText: word, lawId: amended.id }; // “…依照本法…” quoted in 刑法修正案 is 刑法
      else if (nearLawId) law = { via: 'this-law', lawText: word, lawId: nearLawId, ...nearIds };
      else if (named?.lawId) law = { via: 'this-law', lawText: word, lawId: named.lawId, ...(named.lawIds ? { lawIds: named.lawIds } : {}) };
      else if (named) law = { via: 'none', lawText: word, reason: `“${word}”指前面的${named.text}：${named.reason ?? '资料库中没有'}`, reasonKind: named.reasonKind ?? 'library-gap' };
      else law = { via: 'none', lawText: word, reason: `“${word}”前后没有点明是哪部法规`, reasonKind: 'no-antecedent' };
    } else if (that) {
      const word = that[1]!;
      const named = lastLawOfKind(start - word.length, word);
      if (isDraft(named)) law = { via: 'this-law', lawText: word, draft: true };
      else if (named?.lawId) law = { via: 'this-law', lawText: word, lawId: named.lawId, ...(named.lawIds ? { lawIds: named.lawIds } : {}) };
      else if (named) law = { via: 'none', lawText: word, reason: `“${word}”指前面的${named.text}：${named.reason ?? '资料库中没有'}`, reasonKind: named.reasonKind ?? 'library-gap' };
      else law = { via: 'none', lawText: word, reason: `“${word}”前面没有点明是哪部法规`, reasonKind: 'no-antecedent' };
    } else if (ORDER_BEFORE.test(before)) {
      // an order the library's versions were not published by (公安部令第146号第十条): not the text's own article
      const name = ORDER_BEFORE.exec(before)![1]!.replace(/^.*?(?:依照|依据|根据|按照|执行|违反|适用|参照|遵照|对照|及|和|与|、)/, '');
      const why = orderUnresolved(store, name, place);
      law = why.ok
        ? { via: 'named', lawText: name, lawId: why.lawId, ...(why.pinned ? { pinned: why.pinned } : {}) }
        : { via: 'none', lawText: name, reason: why.reason, reasonKind: why.kind, ...(why.sought ? { sought: why.sought } : {}) };
    } else if (DOC_NUMBER_BEFORE.test(before)) {
      const name = DOC_NUMBER_BEFORE.exec(before)![0];
      // a 司法解释 imported later may carry that 文号 (法释〔2022〕10号): the same spelling as its header's (orderKeys)
      const bracket = new RegExp(`${BRACKET_NUMBER.source}${SP}(?:文件?)?${SP}(?:的)?$`).exec(before);
      const sought = bracket ? { sought: numberKey(bracket[1]!, Number(bracket[3]), bracket[2]) } : {};
      law = { via: 'none', lawText: name, reason: `“${name.trim()}”是文件的文号，不是资料库中的法规`, reasonKind: 'other-document', ...sought };
    } else if (OWN_DOCUMENT.test(before) && !(anchor && anchor.end === start)) {
      const name = OWN_DOCUMENT.exec(before)![0];
      // 该文件 after a notice, an agreement or a 文号 is that document; else, in an opinion on a draft, the draft
      const other = draft && name.endsWith('文件') ? otherDocumentBefore(start - name.length) : undefined;
      if (draft && !other) law = { via: 'this-law', lawText: name, draft: true };
      else if (other) law = { via: 'none', lawText: name, reason: `“${name}”指前面的${other}，不是资料库中的法规`, reasonKind: 'other-document' };
      else law = { via: 'none', lawText: name, reason: `“${name}”指所审查的文件本身，不是资料库中的法规`, reasonKind: 'own-document' };
    } else if (OTHER_DOC.test(before) && !(anchor && anchor.end === start)) {
      const name = OTHER_DOC.exec(before)![0];
      const contracted = contractedTail(store, name);
      if (contracted) {
        law = { via: 'named', lawText: contracted.text, lawId: contracted.lawId };
        // a law named (缔约程序法第十四条), as much as one spelled out
        const held = store.law(contracted.lawId);
        contractedNames.push({ text: contracted.text, start: start - contracted.text.length, end: start, lawId: contracted.lawId, ...(held ? { title: displayTitle(held) } : {}) });
      }
      else {
        // the words before the name are no part of it: 依据调解仲裁法 names 调解仲裁法
        // (the name is cut at eight characters before its ending, which may halve the verb: 依|照上海市物业管理条例)
        const cut = (before.slice(-name.length - 1, -name.length) + name).replace(VERB_BEFORE_NAME, '') === name.slice(1) ? name.slice(1) : name.replace(VERB_BEFORE_NAME, '');
        // a corpus title longer than the eight characters kept (农村土地承包经营纠纷调解仲裁法) is named whole
        // nor is an article cited before it in a list: 第十条和本市物业管理条例第二十条 names 本市物业管理条例
        const dropped = LIST_BEFORE_NAME.exec(cut)?.[0];
        const afterList = dropped && ARTICLE_BEFORE_NAME.test(before.slice(0, before.length - cut.length + dropped.length)) ? cut.slice(dropped.length) : cut;
        // the cut may begin at the list's own word (第（三）项|和淄博市物业管理条例): no part of the name either
        const joined = LIST_WORD_FIRST.exec(afterList)?.[0];
        const listed = joined && ARTICLE_BEFORE_NAME.test(before.slice(0, before.length - afterList.length + joined.length)) ? afterList.slice(joined.length) : afterList;
        const named = LONGER_TITLES.find((t) => t.length > listed.length && t.endsWith(listed) && before.endsWith(t)) ?? listed;
        // 省专利条例第二十条 in an office's text: its own province's 条例 (the name as written when completed)
        const completed = place ? placeLeftOut(named, place.region) : undefined;
        const filled = place && completed && !GOVERNMENT_RULE.test(named) ? lawByName(store, named, 'cited', place) : undefined;
        if (GOVERNMENT_RULE.test(named)) {
          // 依照省人民政府规定第五条: a government's 规定 with no title names no one document (the corpus writes 省人民政府规定 only
          // as a delegation, 由省人民政府规定): say so rather than look for a law titled 山东省人民政府规定
          law = { via: 'none', lawText: named, reason: `“${named}”没有写明规定的名称，不知是哪一件规定：请写明其全称或文号`, reasonKind: 'law-ambiguous' };
        } else if (filled?.ok) {
          law = { via: 'named', lawText: named, lawId: filled.value.id };
          contractedNames.push({ text: named, start: start - named.length, end: start, lawId: filled.value.id, title: displayTitle(filled.value) });
        } else if (filled) law = { via: 'none', lawText: named, reason: filled.reason, reasonKind: filled.kind, sought: completed!.name };
        else law = { via: 'none', lawText: named, reason: `“${named}”不是资料库中的法规`, reasonKind: 'other-document', sought: named };
      }
    } else if (draft && prevLaw?.draft && (!anchor || anchor.end < prevEnd) && !text.slice(prevEnd, start).includes('\n') && !/原$/.test(before)) {
      // 草案第八条规定…。第九条规定…: in an opinion, a bare article after the draft's (no law named since) is the draft's
      // too; 原第六条 is the number of an earlier version
      law = { via: 'this-law', ...(prevLaw.lawText ? { lawText: prevLaw.lawText } : {}), draft: true };
    } else if (anchor && !nearLawId && /[。！？]/.test(text.slice(anchor.end, start))) {
      // a bare 第X条 in a later sentence of a review or an opinion is as often the draft's own
      // article (建议删除第五条) as the law cited before: say so rather than guess
      const title = anchor.text.replace(/^《|》$/g, '');
      law = { via: 'none', reason: `没有指明是哪部法规的条文（前一句引用的是《${title}》，未沿用到下一句）`, reasonKind: 'no-law-named' };
    } else if (anchor && prevLaw?.via === 'this-law' && prevEnd > anchor.end && !/[。！？\n]/.test(text.slice(prevEnd, start))) {
      // 依照《刑事诉讼法》第一百零一条…对本规定第二条…，对第四条、第六条: the article cited last names the law
      // (本规定), not the title before it
      law = { ...prevLaw };
    } else if (anchor) {
      law = { via: 'context', lawText: anchor.text, ...(anchor.lawId ? { lawId: anchor.lawId, ...(anchor.lawIds ? { lawIds: anchor.lawIds } : {}) } : anchorWhy(anchor)) };
    } else if (nearLawId && AMENDING.test(store.law(nearLawId)?.title ?? '')) {
      // a bare 第X条 in an amendment (宪法修正案, 关于修改《X》的决定) numbers the amended law, before or
      // after the change (第一百二十三条至第一百三十八条相应改为第一百二十八条至第一百四十三条): no link
      law = { via: 'none', reason: '修正案、修改决定中的条文号指被修改法律修改前或修改后的条文，未链接', reasonKind: 'amendment' };
    } else if (nearLawId) {
      law = { via: 'near', lawId: nearLawId, ...nearIds, ...(interpreted ? { interpreted } : {}) };
    } else {
      law = { via: 'none', reason: '没有指明是哪部法规的条文', reasonKind: 'no-law-named' };
    }
    let refs: RawRef[] = [first, ...more];
    let rangeError: Unresolved | undefined;
    if (range && law.draft) {
      // the draft's articles between the two ends, when it has both (else the numbers as written, each reported)
      const inside = (draft?.articles ?? []).filter((a) => cmp({ number: a[0], suffix: a[1] }, first) >= 0 && cmp({ number: a[0], suffix: a[1] }, range.to) <= 0);
      const ends = inside.length && cmp({ number: inside[0]![0], suffix: inside[0]![1] }, first) === 0 && cmp({ number: inside.at(-1)![0], suffix: inside.at(-1)![1] }, range.to) === 0;
      const numbers = Array.from({ length: range.to.number - first.number + 1 }, (_, i) => ({ number: first.number + i, suffix: 0 }));
      refs = [first, ...(ends ? inside.map((a) => ({ number: a[0], suffix: a[1] })) : numbers).slice(1)];
    } else if (range) {
      const expanded = expandRange(store, law.pinned ? [law.pinned.lawId] : (law.lawIds ?? (law.lawId ? [law.lawId] : [])), first, range.to, date, light, law.pinned?.id);
      if (failed(expanded)) rangeError = expanded;
      else refs = expanded.map((r, i) => (i === 0 ? first : r));
    }
    prevEnd = end;
    prevLaw = law;
    const written = text.slice(start, end);
    if (rangeError) {
      mentions.push({ text: written, start, end, via: law.via, ...(law.lawText ? { lawText: law.lawText } : {}), label: written, status: 'unresolved', reason: rangeError.reason, reasonKind: rangeError.kind });
      continue;
    }
    pushRefs(law, refs, written, start, end, last, otherParts);
  }

  if (nearLawId && opts.article) {
    const own = opts.article;
    for (const m of text.matchAll(RELATIVE)) {
      const word = m[1]!;
      const paras = partList(m[2]) ?? [];
      const items = partList(m[3]) ?? [];
      // 本条 alone (and 前款) is the article the reader is in: no link; 本条第二款 names a part of it
      if (word === '本条' && !paras.length && !items.length) continue;
      const start = m.index;
      const end = start + m[0].length;
      const written = m[0];
      const v = ownVersion(store, nearLawId, date, own, light);
      const law: RefLaw = { via: 'this-law', lawText: word, ...(v ? { lawId: v.lawId, pinned: v } : { reason: '资料库中没有本法规在该日期的版本', reasonKind: 'library-gap' as const }) };
      const list = v ? (light ? light.articles(v.id) : store.loadVersion(v.id).units.filter((u) => u.kind === 'article').map((u) => [u.number, u.suffix, u.key] as const)) : [];
      const at = list.findIndex((a) => a[0] === own.number && a[1] === own.suffix);
      const back = word === '本条' ? 0 : word === '前条' ? 1 : parseChineseNumber(word.slice(1, -1));
      if (v && (at < 0 || at - back < 0)) {
        mentions.push({ text: written, start, end, via: 'this-law', lawText: word, label: word, status: 'unresolved', reason: at < 0 ? `${v.id} 没有${articleLabel(own.number, own.suffix)}` : `${articleLabel(own.number, own.suffix)}之前没有${back}条`, reasonKind: 'article-missing' });
        continue;
      }
      // 前两条 is the two articles before, in order; a 款/项 written after belongs to the last of them
      const refs: RawRef[] = list.slice(at - back, at - back + Math.max(1, back === 0 ? 1 : back)).map((a) => ({ number: a[0], suffix: a[1] }));
      const last = refs.at(-1) ?? { number: own.number, suffix: own.suffix };
      const parts = (paras.length ? paras : [undefined]).flatMap((paragraph, i, all) => (i === all.length - 1 && items.length ? items : [undefined]).map((item) => ({ paragraph, item })));
      if (parts[0]!.paragraph) last.paragraph = parts[0]!.paragraph;
      if (parts[0]!.item) last.item = parts[0]!.item;
      let otherParts: { paragraph?: number | undefined; item?: number | undefined }[] = [];
      if (light) otherParts = parts.slice(1);
      else for (const part of parts.slice(1)) refs.push({ number: last.number, suffix: last.suffix, ...(part.paragraph ? { paragraph: part.paragraph } : {}), ...(part.item ? { item: part.item } : {}) });
      pushRefs(law, refs, written, start, end, last, otherParts);
    }
    mentions.sort((a, b) => a.start - b.start);
  }

  /** The text of the article of version `v` a law's text stands in, when the library has it. */
  const ownArticleText = (v: LawVersionMeta, own: OwnArticle) =>
    light
      ? ((k) => (k ? light.articleText?.(v.id, k) : undefined))(light.articles(v.id).find((a) => a[0] === own.number && a[1] === own.suffix)?.[2])
      : store.loadVersion(v.id).units.find((u) => u.kind === 'article' && u.number === own.number && u.suffix === own.suffix)?.text;
  /** The last article cited before `start`, when no mark of `stops` lies between. */
  const articleBefore = (start: number, stops: RegExp) => {
    const prev = mentions.filter((x) => x.end <= start && /^第.+条/.test(x.label)).at(-1);
    return prev && !stops.test(text.slice(prev.end, start)) ? prev : undefined;
  };
  /**
   * 款/项 written without their 条 (第二款, 该条第二款, 第（三）项) as parts of the article `prev` linked, in the version it
   * linked; nothing when it linked none (该条 after 草案第八条 is the draft's too).
   */
  const pushPartsOf = (prev: DetectedMention, paras: readonly number[], items: readonly number[], written: string, start: number, end: number) => {
    if (prev.draft && (paras.length || items.length)) {
      // 草案第八条…该条第二款: a part of the draft's article
      const parts = (paras.length ? paras : [undefined]).flatMap((paragraph, i, all) => (i === all.length - 1 && items.length ? items : [undefined]).map((item) => partOf({ paragraph, item })));
      mentions.push({ text: written, start, end, via: prev.via, ...(prev.lawText ? { lawText: prev.lawText } : {}), label: prev.label, status: 'resolved', draft: { articleKey: prev.draft.articleKey, parts } });
      return;
    }
    const t = prev.target ?? prev.citation;
    const ref = /^第(.+?)条(?:之(.+))?$/.exec(prev.label);
    const pinned = t && store.version(t.versionId);
    if (!pinned || !ref || !(paras.length || items.length)) return;
    const number = parseChineseNumber(ref[1]!);
    const suffix = ref[2] ? parseChineseNumber(ref[2]) : 0;
    const law: RefLaw = { via: prev.via, ...(prev.lawText ? { lawText: prev.lawText } : {}), lawId: pinned.lawId, pinned };
    const parts = (paras.length ? paras : [undefined]).flatMap((paragraph, i, all) => (i === all.length - 1 && items.length ? items : [undefined]).map((item) => ({ paragraph, item })));
    const partRef = (part: (typeof parts)[number]): RawRef => ({ number, suffix, ...(part.paragraph ? { paragraph: part.paragraph } : {}), ...(part.item ? { item: part.item } : {}) });
    const last = partRef(parts[0]!);
    const refs: RawRef[] = [last];
    if (!light) refs.push(...parts.slice(1).map(partRef));
    const before = mentions.length;
    pushRefs(law, refs, written, start, end, last, light ? parts.slice(1) : []);
    // the article as the reference before it linked it: older than every version held, the oldest (approx) too
    if (prev.target?.approx) for (const x of mentions.slice(before)) if (x.target) x.target = { ...x.target, approx: true };
  };
  /** The 款 of the article `prev` linked that its own words named (第二十二条第一款, 前款), if any. */
  const paragraphOf = (prev: DetectedMention) => (prev.target ?? prev.draft)?.parts?.[0]?.paragraph ?? prev.citation?.paragraph;
  const namedItem = (prev: DetectedMention) => !!((prev.target ?? prev.draft)?.parts?.some((p) => p.item) ?? prev.citation?.item);

  // 该条第二款 / 同条第二款 / 该条第（三）项: a part of the article cited last in the paragraph
  {
    const taken = mentions.map((x) => [x.start, x.end] as const);
    for (const m of amended ? [] : text.matchAll(THAT_ARTICLE_PART)) {
      if (!m[1] && !m[2]) continue;
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([s, e]) => start >= s && start < e) || /(?:作为|改为|列为)[^，。；]{0,6}$/.test(text.slice(Math.max(0, start - 10), start))) continue;
      const prev = articleBefore(start, /\n/);
      if (prev) pushPartsOf(prev, partList(m[1]) ?? [], partList(m[2]) ?? [], m[0], start, end);
    }
    mentions.sort((a, b) => a.start - b.start);
  }

  // 款 written without their 条. A bare 第二款 after an article cited earlier in the same sentence is that article's (违反本条例第十条
  // 第一款规定…的，违反第二款规定…; 第六条第一款第（二）项及第二款; 第三十一条的第二款、第三款), in any text. Else, in a law's text read
  // article by article, 前款 / 前两款 / 本款第（三）项 / a bare 第二款 are 款 of the article the text stands in — when it has them
  // (a 款 it lacks is another's, or its 款 were printed as one: no edge). Never in an amendment, whose bare 款 are the amended
  // law's (第三十条增加一款，作为第二款); never inside a reference already read (第十九条第三款) or a typo's (第二百三十六第三款).
  {
    const taken = mentions.map((x) => [x.start, x.end] as const);
    for (const m of amended ? [] : text.matchAll(OWN_PARAGRAPH)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([s, e]) => start >= s && start < e) || anchors.some((a) => a.kind === 'bracket' && start > a.start && start < a.end)) continue;
      const word = m[1];
      const items = partList(m[3]) ?? [];
      if (word === '本款' && !items.length) continue;
      // 增加两款，分别作为该条第二款和第三款 / 第二款改为第一款: the numbers of 款 after a change, not a citation
      if (/(?:作为|改为|列为)[^，。；]{0,6}$/.test(text.slice(Math.max(0, start - 10), start))) continue;
      if (!word) {
        const prev = articleBefore(start, /[。；;\n]/);
        if (prev) {
          pushPartsOf(prev, partList(m[2]) ?? [], items, m[0], start, end);
          continue;
        }
      }
      if (!nearLawId || !opts.article) continue;
      const own = opts.article;
      const here = paragraphAt(raw, start, own.paragraph ?? 1);
      const back = word ? (word === '本款' ? 0 : word === '前款' ? 1 : parseChineseNumber(word.slice(1, -1))) : 0;
      const paras = word ? Array.from({ length: Math.max(1, back) }, (_, i) => here - back + i) : (partList(m[2]) ?? []);
      // 前款 with no 款 before it: the article's 款 were not told apart (printed as one) or the text is a sentence of a
      // later 款 whose place is not known — it stays inside the article, as before
      if (!paras.length || paras[0]! < 1) continue;
      const v = ownVersion(store, nearLawId, date, own, light);
      if (!v) {
        mentions.push({ text: m[0], start, end, via: 'this-law', lawText: word ?? '本条', label: articleLabel(own.number, own.suffix), status: 'unresolved', reason: '资料库中没有本法规在该日期的版本', reasonKind: 'library-gap' });
        continue;
      }
      const ownText = ownArticleText(v, own);
      if (ownText !== undefined && Math.max(...paras) > paragraphsFromText(ownText).length) continue;
      const law: RefLaw = { via: 'this-law', lawText: word ?? '本条', lawId: v.lawId, pinned: v };
      // one reference per 款, the 项 under the last (前款第三项、第四项); the graph keeps one edge with every part
      const parts = paras.flatMap((paragraph, i) => (i === paras.length - 1 && items.length ? items : [undefined]).map((item) => ({ paragraph, item })));
      const last: RawRef = { number: own.number, suffix: own.suffix, paragraph: parts[0]!.paragraph, ...(parts[0]!.item ? { item: parts[0]!.item } : {}) };
      const refs: RawRef[] = [last];
      if (!light) for (const part of parts.slice(1)) refs.push({ number: own.number, suffix: own.suffix, paragraph: part.paragraph, ...(part.item ? { item: part.item } : {}) });
      pushRefs(law, refs, m[0], start, end, last, light ? parts.slice(1) : []);
    }
    mentions.sort((a, b) => a.start - b.start);
  }

  // A 项 written without its 条 or 款 is, in this order: of the article cited last in the same line with a 项 of its own
  // (违反第六十五条第（一）项至第（六）项规定…；违反第（七）项规定 — across a ； or a 。); of the article cited last in the
  // same sentence (违反本条例第十六条规定…有第一项至第五项禁止行为的; 前款规定的第一项至三项情形); in a law's text, of a
  // list's lead-in 违反本条例第X条规定 (（一）违反第二项规定的); else of the article the text stands in — an item naming
  // items before it in its own list ((五)…第三项、第四项规定以外的), or a 款 naming the items of the only 款 with a list
  // (无需提交第二项、第三项材料). Otherwise — a lead-in citing another article, two lists — no link: a wrong 项 is worse.
  {
    const taken = mentions.map((x) => [x.start, x.end] as const);
    for (const m of amended ? [] : text.matchAll(BARE_ITEM)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([s, e]) => start >= s && start < e) || anchors.some((a) => a.kind === 'bracket' && start > a.start && start < a.end)) continue;
      if (/(?:作为|改为|列为)[^，。；]{0,6}$/.test(text.slice(Math.max(0, start - 10), start))) continue;
      const items = partList(m[1]) ?? [];
      if (!items.length) continue;
      const inLine = articleBefore(start, /\n/);
      const prev = inLine && namedItem(inLine) ? inLine : articleBefore(start, /[。；;\n]/);
      if (prev) {
        // its 款 is the one a 项 of the same article was named under earlier in the line (有本规定第二十二条第一款第三、四项情形的，
        // 按照本规定第二十二条第二款先对第三、四项情形审查), else the 款 the article was cited with
        const lineStart = text.lastIndexOf('\n', start - 1) + 1;
        const same = (x: DetectedMention) => (x.target ?? x.citation)?.versionId === (prev.target ?? prev.citation)?.versionId && x.label === prev.label;
        const withItem = mentions.filter((x) => x.start >= lineStart && x.end <= start && same(x) && namedItem(x)).at(-1);
        const para = paragraphOf(withItem ?? prev);
        pushPartsOf(prev, para ? [para] : [], items, m[0], start, end);
        mentions.sort((a, b) => a.start - b.start);
        continue;
      }
      if (!nearLawId || !opts.article) continue;
      const own = opts.article;
      const v = ownVersion(store, nearLawId, date, own, light);
      const ownText = v && ownArticleText(v, own);
      if (!v || ownText === undefined) continue;
      const paras = paragraphsFromText(ownText);
      const here = paragraphAt(raw, start, own.paragraph ?? 1);
      const line = raw.slice(raw.lastIndexOf('\n', start - 1) + 1);
      const itemNo = num(ITEM_LINE_NUMBER.exec(line)?.[1]);
      const lead = paras[here - 1]?.text ?? '';
      const most = Math.max(...items);
      let target: { number: number; suffix: number; paragraph?: number } | undefined;
      const violated = itemNo ? LEAD_VIOLATES.exec(lead) : null;
      if (violated && [...lead.matchAll(ARTICLE_WORD)].length === 1) {
        // the list says how each item of another article's list is punished: that article, in this law
        target = { number: num(violated[1]) ?? 0, suffix: num(violated[2]) ?? 0 };
      } else if (itemNo) {
        // an item naming the items before it in its own list, under a lead-in that cites no article (or only defines a
        // term by one: 应当认定为刑法第二百八十五条第三款规定的“情节严重”：)
        const leadCites = [...lead.matchAll(ARTICLE_WORD)].some((a) => !/^[^，。；：]*?规定的“/.test(lead.slice(a.index + a[0].length)));
        if (!leadCites && most < itemNo && (paras[here - 1]?.items.length ?? 0) >= itemNo) target = { number: own.number, suffix: own.suffix, paragraph: here };
      } else if (!ARTICLE_WORD.test(ownText)) {
        // a 款 naming items: its own list, else the only list of the article
        const listed = paras.map((p, i) => (p.items.length ? i + 1 : 0)).filter((k) => k && k <= here);
        const k = paras[here - 1]?.items.length ? here : listed.length === 1 ? listed[0]! : 0;
        if (k && paras[k - 1]!.items.length >= most) target = { number: own.number, suffix: own.suffix, paragraph: k };
      }
      ARTICLE_WORD.lastIndex = 0;
      if (!target) continue;
      const law: RefLaw = { via: 'this-law', lawText: '本条', lawId: v.lawId, pinned: v };
      const parts = items.map((item) => ({ ...(target.paragraph ? { paragraph: target.paragraph } : {}), item }));
      const last: RawRef = { number: target.number, suffix: target.suffix, ...parts[0]! };
      const refs: RawRef[] = [last];
      if (!light) refs.push(...parts.slice(1).map((part) => ({ number: target.number, suffix: target.suffix, ...part })));
      pushRefs(law, refs, m[0], start, end, last, light ? parts.slice(1) : []);
      mentions.sort((a, b) => a.start - b.start);
    }
  }

  if (opts.wholeLaws || light) {
    // the link graph links headings (第三章, 第二章第一节), not whole laws
    mentions.push(...wholeLawMentions(store, text, date, anchors, mentions, nearLawId, light));
    mentions.sort((a, b) => a.start - b.start);
  }

  const seen = new Set<string>();
  const citations: Citation[] = [];
  for (const mm of mentions) {
    if (!mm.citation) continue;
    const k = `${mm.citation.versionId}#${mm.citation.articleKey}#${mm.citation.paragraph ?? ''}#${mm.citation.item ?? ''}`;
    if (seen.has(k)) continue;
    seen.add(k);
    citations.push(mm.citation);
  }
  const laws: LawMention[] = [...anchors.map(({ kind: _k, lawIds: _ids, pinned: _p, ...a }): LawMention => a), ...contractedNames].sort((a, b) => a.start - b.start);
  return { definedNames, mentions, citations, unresolved: mentions.filter((x) => x.status === 'unresolved'), laws };
}

const HEADING_AFTER = new RegExp(`^\\s*的?((?:第${N}(?:分编|编|章|节))+|[\\u4e00-\\u9fa5]{1,6}编)`);
/** A 《…》 title that reads as a law (not a book or a notice), for reporting one the library lacks. */
export const LAW_NOUN = /(?:法|法典|条例|规定|办法|细则|规则|决定|解释)$/;

/**
 * Laws named with no article cited from them — 学习《民法典》, 《行政许可法》第二章, 民法典合同编 — as
 * citations of the whole law (or of the 编/章 written right after the name), once per law, on
 * `date`. A law any article mention points at is not repeated as a whole.
 */
function wholeLawMentions(
  store: LibraryStore,
  text: string,
  date: string,
  anchors: LawAnchor[],
  articleMentions: DetectedMention[],
  nearLawId?: string,
  light?: TargetResolver,
): DetectedMention[] {
  const cited = new Set<string>();
  for (const m of articleMentions) {
    if (m.citation) cited.add(m.citation.lawId);
    if (m.target) cited.add(m.target.lawId);
  }
  // an article mention attributed to an anchor (named, 该法, context) uses that anchor's law
  const usedAnchor = (a: LawAnchor) => (a.lawIds ?? (a.lawId ? [a.lawId] : [])).some((id) => cited.has(id));
  const out: DetectedMention[] = [];
  const done = new Set<string>();
  for (const a of anchors) {
    // the notes after a title (（2019年修正）, （以下简称…）, 文号) are not part of what follows it
    const notes = /^\s*(?:[（(][^（）()\n]{1,60}[)）]\s*)*/.exec(text.slice(a.end, a.end + 200))![0];
    const after = text.slice(a.end + notes.length, a.end + notes.length + 40);
    if (new RegExp(`^\\s*的?(?:(?:第${SP}${N}${SP}(?:分编|编|章|节))+)?第${SP}${N}(?:${SP}、${SP}${N})*${SP}条`).test(after)) continue;
    const found = HEADING_AFTER.exec(after);
    // a 编 by name (合同编) is a part only of a code stored as parts; after another law it is just words
    const heading = found && (/^\s*的?第/.test(found[0]) || a.lawIds) ? found : null;
    // (the graph links numbered headings only: 民法典合同编 is a whole part)
    if (light && !(heading && /^\s*的?第/.test(heading[0]) && a.lawId)) continue;
    // a law an article mention points at is not cited again as a whole (its heading is)
    if (!heading && usedAnchor(a)) continue;
    const base = { start: a.start, via: 'named' as const, lawText: a.text };
    if (!a.lawId) {
      const name = a.text.replace(/^《|》$/g, '');
      if (a.kind === 'bracket' && LAW_NOUN.test(name) && !done.has(name)) {
        done.add(name);
        out.push({ ...base, text: a.text, end: a.end, label: '全文', status: 'unresolved', reason: a.reason ?? `资料库中没有《${name}》`, reasonKind: a.reason ? (a.reasonKind ?? 'law-missing') : 'law-missing' });
      }
      continue;
    }
    const pin = a.pinned ?? writtenVersion(store, a.lawIds ?? [a.lawId], notes);
    // 《行政许可法》第二章、第四章第一节: each heading of the list
    const headings: { written: string; end: number }[] = [];
    let end = a.end + (heading ? notes.length + heading[0].length : 0);
    if (heading) {
      headings.push({ written: heading[1]!, end });
      const range = headingRange(heading[1]!, text.slice(end));
      if (range) {
        end += range.length;
        for (const h of range.headings) headings.push({ written: h, end });
      }
      for (let t = HEADING_LIST_TAIL.exec(text.slice(end)); t; t = HEADING_LIST_TAIL.exec(text.slice(end))) {
        end += t[0].length;
        headings.push({ written: t[1]!, end });
      }
    }
    for (const h of headings.length ? headings : [{ written: undefined, end }]) {
      const key = `${a.lawIds?.join(',') ?? a.lawId}#${h.written ?? ''}`;
      if (done.has(key)) continue;
      done.add(key);
      const written = text.slice(a.start, h.end);
      if (light) {
        const t = pin && failed(pin) ? pin : headingTarget(store, light, a.lawIds ?? [a.lawId], h.written!, date, pin);
        out.push(failed(t) ? { ...base, text: written, end: h.end, label: h.written!, status: 'unresolved', reason: t.reason, reasonKind: t.kind } : { ...base, text: written, end: h.end, label: h.written!, status: 'resolved', target: t });
        continue;
      }
      const c = pin && failed(pin) ? pin : wideCitation(store, a, h.written, date, pin);
      out.push(
        c.ok
          ? { ...base, text: written, end: h.end, label: c.value.label, status: 'resolved', citation: c.value }
          : { ...base, text: written, end: h.end, label: h.written ?? '全文', status: 'unresolved', reason: c.reason, reasonKind: c.kind },
      );
    }
  }
  if (nearLawId) {
    // 本条例第三章 in a law's own text: a heading of that law
    for (const m of text.matchAll(SELF_HEADING)) {
      // 本条例第三章, 本法第二章第一节至第五节, 本条例第二章、第三章和第五章
      const lawText = m[0].slice(0, m[0].length - m[1]!.length);
      const at = m.index + lawText.length;
      const written = [m[1]!];
      let end = m.index + m[0].length;
      const range = headingRange(m[1]!, text.slice(end));
      if (range) {
        end += range.length;
        written.push(...range.headings);
      }
      for (let t = HEADING_LIST_TAIL.exec(text.slice(end)); t; t = HEADING_LIST_TAIL.exec(text.slice(end))) {
        end += t[0].length;
        written.push(t[1]!);
      }
      const base = { start: at, end, via: 'this-law' as const, text: text.slice(at, end) };
      const v = light ? undefined : versionOnDate(store, nearLawId, date);
      for (const w of written) {
        if (light) {
          const t = headingTarget(store, light, [nearLawId], w, date);
          out.push(failed(t) ? { ...base, label: w, status: 'unresolved', reason: t.reason, reasonKind: t.kind } : { ...base, lawText, label: w, status: 'resolved', target: t });
          continue;
        }
        const c = v!.ok ? citeHeading(store, v!.value.id, w) : v!;
        out.push(c.ok ? { ...base, lawText, label: c.value.label, status: 'resolved', citation: c.value } : { ...base, label: w, status: 'unresolved', reason: c.reason, reasonKind: c.kind });
      }
    }
  }
  return out;
}

const HEADING_LEVEL = new RegExp(`第(${N})(分编|编|章|节)`, 'g');
const HEADING_RANGE_TAIL = new RegExp(`^${SP}(?:至|到|—|－|～|~|-)${SP}((?:第${SP}${N}${SP}(?:分编|编|章|节))+)(?!${SP}第${SP}${N}${SP}条)`);

/**
 * 第二章第一节至第五节, 第三章至第五章: the headings after the first, each with the levels the first
 * names above the one that counts (第二章第二节 …). A range whose end names another kind of heading or a
 * number before its start is read as its two ends only; a range over 60 headings is not expanded.
 */
function headingRange(first: string, after: string): { headings: string[]; length: number } | undefined {
  const tail = HEADING_RANGE_TAIL.exec(after);
  if (!tail) return undefined;
  const from = [...first.matchAll(HEADING_LEVEL)];
  const to = [...tail[1]!.replace(/[ \u3000\u00a0]/g, '').matchAll(HEADING_LEVEL)];
  const last = from.at(-1);
  if (!last || !to.length) return undefined;
  // the end names the counting level only (第五节) or the whole path (第二章第五节): same parents
  const toLast = to.at(-1)!;
  const parents = from.slice(0, -1).map((x) => x[0]).join('');
  const toParents = to.slice(0, -1).map((x) => x[0]).join('');
  const a = parseChineseNumber(last[1]!);
  const b = parseChineseNumber(toLast[1]!);
  if (toLast[2] !== last[2] || (toParents && toParents !== parents) || !(b > a) || b - a > 60) {
    return { headings: [tail[1]!.replace(/[ \u3000\u00a0]/g, '')], length: tail[0].length };
  }
  const headings: string[] = [];
  for (let n = a + 1; n <= b; n++) headings.push(`${parents}第${toChineseNumber(n)}${last[2]}`);
  return { headings, length: tail[0].length };
}

const HEADING_LIST_TAIL = new RegExp(`^(?:、|和|及|以及)((?:第${SP}${N}${SP}(?:分编|编|章|节))+)(?!${SP}第${SP}${N}${SP}条)`);
const SELF_HEADING = new RegExp(`本(?:法|条例|规定|办法|细则|解释|规则)((?:第${N}(?:分编|编|章|节))+)(?!第${SP}${N}${SP}条)`, 'g');

/**
 * The heading a link points at (第三章, 第二章第一节) in the version the link graph reads on `date` — in
 * force, else the oldest held (approx) — or the version written after the title.
 */
function headingTarget(store: LibraryStore, light: TargetResolver, lawIds: string[], written: string, date: string, pinned?: LawVersionMeta): LinkTarget | Unresolved {
  let why: Unresolved | undefined;
  for (const lawId of pinned ? [pinned.lawId] : lawIds) {
    const v = pinned ? { versionId: pinned.id, approx: false } : light.versionFor(lawId, date);
    if (!v) {
      why ??= unresolved('library-gap', `资料库中没有 ${lawId} 的版本`);
      continue;
    }
    const c = citeHeading(store, v.versionId, written);
    if (c.ok) return { lawId, versionId: v.versionId, articleKey: c.value.articleKey, ...(v.approx ? { approx: true } : {}) };
    why ??= c;
  }
  return why ?? unresolved('no-law-named', '');
}

function wideCitation(store: LibraryStore, a: LawAnchor, heading: string | undefined, date: string, pinned?: LawVersionMeta): ReturnType<typeof citeLaw> {
  if (pinned) return heading ? citeHeading(store, pinned.id, heading) : citeLaw(store, pinned.id, !!a.lawIds && a.lawIds.length > 1);
  const ids = a.lawIds ?? [a.lawId!];
  if (heading && a.lawIds) {
    // 民法典合同编: the part named; 民法典第三编: the part holding that heading
    const part = a.lawIds.map((id) => store.law(id)).find((l) => l?.subtitle && l.subtitle.replace(/编$/, '') === heading.replace(/编$/, ''));
    if (part) {
      const v = versionOnDate(store, part.id, date);
      return v.ok ? citeLaw(store, v.value.id) : v;
    }
  }
  let first: ReturnType<typeof citeLaw> | undefined;
  for (const id of ids) {
    const v = versionOnDate(store, id, date);
    if (!v.ok) {
      first ??= v;
      continue;
    }
    if (!heading || /编$/.test(heading) && !/^第/.test(heading)) {
      // a 编 written by name of a law that is not a code (…编 is then just words): the whole law
      return citeLaw(store, v.value.id, ids.length > 1);
    }
    const c = citeHeading(store, v.value.id, heading);
    if (c.ok) return c;
    first ??= c;
  }
  return first ?? unresolved('no-law-named', '没有可查的法规');
}
