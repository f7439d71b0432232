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
  return lead + s;
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
