// Chinese numerals as written in laws: 十二, 一百零三, 二百一十, 〇/零, 两, 一千零一, and arabic digits
// (some documents write 第12条). Also the reverse, for labels and citations.

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9,
};
const UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000, 万: 10000 };

/** Characters that may appear in a Chinese numeral (for building regexes). */
export const NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟0-9０-９';

/** Parse a numeral; returns NaN when the text is not one. */
export function parseChineseNumber(input: string): number {
  const s = input.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (s === '') return NaN;
  if (/^\d+$/.test(s)) return Number(s);
  const chars = [...s];
  if (chars.some((c) => !(c in DIGITS) && !(c in UNITS))) return NaN;
  if (!chars.some((c) => c in UNITS)) {
    // positional form without units: 二〇一九 → 2019
    return chars.reduce((acc, c) => acc * 10 + DIGITS[c]!, 0);
  }
  let total = 0; // completed 万 groups
  let section = 0; // the part below 万
  let digit = -1; // pending digit, -1 = none
  for (const ch of chars) {
    if (ch in DIGITS) {
      digit = DIGITS[ch]!; // 零 in 一百零三 just resets the pending digit
    } else {
      const u = UNITS[ch]!;
      if (u === 10000) {
        total += (section + Math.max(digit, 0) || 1) * 10000;
        section = 0;
      } else {
        // 十二 has an implicit 一 before 十
        section += (digit < 0 ? 1 : digit) * u;
      }
      digit = -1;
    }
  }
  return total + section + Math.max(digit, 0);
}

// The reverse (12 → 十二) is shared with the renderer, which writes article labels too.
export { articleLabel, toChineseNumber } from '../../shared/chinese-number';
