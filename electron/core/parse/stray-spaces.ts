// Spaces typed where Chinese text has none: after a full-width punctuation mark ("（一） 集体",
// "， 县", "一、 两把"), before one ("材料等 。"), after a half-width mark before an ideograph
// ("(一) 以下", ", 停工", "1. 具有") and inside a date ("2014年 3月", "5月1 日"). Every format
// reads them out of the same line: the Markdown and TXT keep what was typed, a PDF or OFD only
// sees a gap, a Word file may have them or not. The law's text has none of them, so the parser
// drops them from every unit's text, whatever the source. Spaces that separate words stay — a
// quoted article's label ("“第一百二十条之二 有下列…"), a standard's number and name
// ("GB/T 16180 劳动能力鉴定 职工工伤…"), a name and a number in a list ("专业界 200人").

import { NUMERAL_CHARS } from '../text/chinese-numerals';

const SP = '[ \\u00a0\\u3000]+';
const IDEO = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
/** Full-width marks that carry their own blank half: no space is ever typed next to them in print. */
const FW_CLOSE = '，。、；：？！）」』》〕】〉’”';
const FW_OPEN = '（《「『〔【〈‘“';

const AFTER_FULL_WIDTH = new RegExp(`([${FW_CLOSE}${FW_OPEN}])${SP}(?=[^\\s|])`, 'g');
// not after an article's or heading's label: "第十八条 《养犬登记证》…" keeps the space that ends the label
const LABEL = `第[${NUMERAL_CHARS}]+(?:条(?:之[${NUMERAL_CHARS}]+)?|编|分编|章|节)`;
const BEFORE_FULL_WIDTH = new RegExp(`([${IDEO}])(?<!${LABEL})${SP}(?=[${FW_CLOSE}${FW_OPEN}])`, 'g');
const HALF_WIDTH_BEFORE_IDEOGRAPH = new RegExp(`([,;:.?!)])${SP}(?=[${IDEO}${FW_OPEN}])`, 'g');
const DATE = /(?:[0-9０-９]{2,4}[ \u00a0\u3000]*年[ \u00a0\u3000]*)?[0-9０-９]{1,2}[ \u00a0\u3000]*月(?:[ \u00a0\u3000]*[0-9０-９]{1,2}[ \u00a0\u3000]*日)?/g;
const HAS_SPACE = /[ \u00a0\u3000]/;

/** One line of a unit's text without the stray spaces; a table row (`|a|b|`) is left as it is. */
export function dropStraySpaces(line: string): string {
  if (!HAS_SPACE.test(line) || line.startsWith('|')) return line;
  const lead = /^[ \u00a0\u3000]*/.exec(line)![0];
  let s = line.slice(lead.length);
  s = s.replace(DATE, (d) => (HAS_SPACE.test(d) ? d.replace(/[ \u00a0\u3000]+/g, '') : d));
  s = s.replace(AFTER_FULL_WIDTH, '$1').replace(BEFORE_FULL_WIDTH, '$1').replace(HALF_WIDTH_BEFORE_IDEOGRAPH, '$1');
  return lead + closeIdeographSpaces(s);
}

// ---------------------------------------------------------------- a space between two ideographs
// Chinese sets no space between words, so one between two ideographs is an artefact: a title or a
// name letter-spaced (高 青 县, 附 则, 书 记 员), a space typed into a sentence (共商 共建, 符合条 件),
// a line broken in a copy, justification in a PDF or OFD. Every format goes through this one rule —
// the parser for every unit's text (Markdown and TXT included), the extractors' paragraph step
// (tidyParagraph) for DOCX, DOC/WPS, PDF, OFD and HTML — so a law reads the same from each. A space
// stays where it separates two words the reader must see apart:
// - after a label that starts the line or a quotation: "第十八条 《…", "“第一百二十条之二 有下列",
//   "附件一 辅助指挥…", "附图 消防救援衔…";
// - between two organs' names: "最高人民法院 最高人民检察院", "农业部 卫生部 国家药品监督管理局"
//   (not "最高人民法院 关于…", a title broken over two lines);
// - in a date left blank for writing: "年 月 日";
// - beside a word holding digits or Latin letters ("…会议通过 根据2020年…", "的部分 按4%－5%交纳"), and
//   after a standard's code and number ("GB/T 16180 劳动能力鉴定 职工工伤与职业病致残等级").

const SPACE_CLASS = ' \u00a0\u3000';
const IDEO_SPACE_IDEO = new RegExp(`(?<=[${IDEO}])[${SPACE_CLASS}]+(?=[${IDEO}])`, 'g');
/** What ends a word on either side: a space or a full-width mark. */
const WORD_STOP = new RegExp(`[${SPACE_CLASS}${FW_CLOSE}${FW_OPEN}]`);
const LABEL_WORD = new RegExp(`^(?:${LABEL}|附[件图表录][${NUMERAL_CHARS}]*)$`);
const ORGAN_END = new RegExp(`[${IDEO}]{2}[院部局厅署委会府室行办]$`);
const SPLIT_LABEL_BEFORE = new RegExp(`(?:^|[^${IDEO}])第[${NUMERAL_CHARS}]+[${SPACE_CLASS}]+$`);
const SPLIT_LABEL_LEFT = new RegExp(`^第[${NUMERAL_CHARS}]+$`);
const ALNUM = /[0-9A-Za-z０-９Ａ-Ｚａ-ｚ%％]/;
const CODE_WORD = /(?:^|[ \u00a0\u3000])[0-9A-Za-z./-]+[ \u00a0\u3000]+$/;

function keepsIdeographSpace(line: string, from: number, to: number): boolean {
  let a = from;
  while (a > 0 && !WORD_STOP.test(line[a - 1]!)) a--;
  let b = to;
  while (b < line.length && !WORD_STOP.test(line[b]!)) b++;
  const left = line.slice(a, from);
  const right = line.slice(to, b);
  if (LABEL_WORD.test(left)) return true;
  // "第一百三十 条 …" inside a unit: a label the parser did not take (not the next article) stays as printed
  if (SPLIT_LABEL_LEFT.test(left) && /^(?:条|章|节|编|分编)/.test(right)) return true;
  if (/^(?:条|章|节|编|分编)$/.test(left) && SPLIT_LABEL_BEFORE.test(line.slice(0, a))) return true;
  if (ORGAN_END.test(left) && ORGAN_END.test(right)) return true;
  if (/[年月]$/.test(left) && /^[月日]/.test(right) && !ALNUM.test(left)) return true;
  return ALNUM.test(left) || ALNUM.test(right) || CODE_WORD.test(line.slice(0, a));
}

/** "高 青 县", "共商 共建" → closed up; the spaces that separate words (above) stay. A table row is left as it is. */
export function closeIdeographSpaces(line: string): string {
  if (!HAS_SPACE.test(line) || line.startsWith('|')) return line;
  return line.replace(IDEO_SPACE_IDEO, (sp, at: number) => (keepsIdeographSpace(line, at, at + sp.length) ? sp : ''));
}

const NUMERAL = `[${NUMERAL_CHARS}]`;
/**
 * An article's or heading's label spaced out at the start of a line — "第 一 条", "第 十二 条",
 * "第 三 章" (distributed alignment in Word, a PDF's or a site's text): a blank after 第 or between
 * its numerals. A citation is never spaced out so. A lone blank before 条 ("第一百二十八 条侦查…",
 * "第一百三十 条 …") is left to the parser, which takes it only as the very next article.
 */
const SPACED_LABEL_RE = new RegExp(
  `^([ \\u00a0\\u3000\\t]*)第((?:[ \\u00a0\\u3000]*${NUMERAL})+)[ \\u00a0\\u3000]*(条|章|节|编|分编)(?:[ \\u00a0\\u3000]*之[ \\u00a0\\u3000]*(${NUMERAL}+))?`,
);

/** "第 一 条　为了…" → "第一条　为了…"; any other line is returned as it is. */
export function closeSpacedLabel(line: string): string {
  const m = SPACED_LABEL_RE.exec(line);
  if (!m) return line;
  const spaced = m[0].slice(m[1]!.length);
  if (!/^第[ \u00a0\u3000]|之[ \u00a0\u3000]/.test(spaced) && !/[^ \u00a0\u3000][ \u00a0\u3000]+[^ \u00a0\u3000]/.test(m[2]!.trim())) return line;
  const label = `第${m[2]!.replace(/[ \u00a0\u3000]+/g, '')}${m[3]}${m[4] ? `之${m[4]}` : ''}`;
  const rest = line.slice(m[0].length);
  return `${m[1]}${label}${rest === '' || /^[ \u00a0\u3000\t]/.test(rest) ? rest : ` ${rest}`}`;
}
