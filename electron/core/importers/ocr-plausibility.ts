// Readings that tesseract is sure of but that legal Chinese does not write. Tesseract's confidence
// says how well a glyph matched, not whether the result makes sense, so a misread with 98 % (并丁,
// 3006。 for 30%。, a seal's 代表大会 inside a sentence) would never be highlighted for 核对 by the
// confidence alone. Each check here is about the text, not about any one law:
//   - numbers: a digit read with less than DIGIT_CONFIDENCE (a digit has no neighbours that could
//     show it is wrong, and an amount, a date or a rate is what the adviser relies on); a number
//     followed by what the corpus never writes after one (cjk-bigrams.gen.ts: 日 年 万 元 倍 …), a %
//     followed by a digit, a month above 12 or a day above 31;
//   - Latin letters and symbols (| / \ [ ] { } < > ~ ^ @ # $ & * + = _) beside Chinese: laws write
//     them between Latin text and digits (GB/T, PM2.5), a seal's edge or a speck makes them among CJK;
//   - two clause marks in a row (。， ，、), a 《 or 》 or a 〔 or 〕 without its partner on the line;
//   - a clause or title mark read with less than MARK_CONFIDENCE (97, the digits' line): a mark has
//     no neighbours that could show it is wrong, and 。 for 、 or 《 for （ changes the sentence; an
//     ideograph under 97 that forms no known pair with a neighbour;
//   - a Latin letter or two (not capitals) touching Chinese, and what it touches (工佣fN: a speck
//     damages its neighbours); a hyphen between Chinese characters and the ，、： beside it; after a
//     stray hyphen or symbol, the ideographs from it on that make no common pair and a ，、： that ends
//     them (委员会：-肥大民政府, ：-区：县); the short tail a seal leaves after a sentence's end, with gaps or a
//     stray symbol (开放。 代 表大会 /);
//   - in an article (articleTextSuspects): a paragraph that does not close its sentence, a list
//     item （二） after ： ， or 、, a 第X章 heading after a sentence's end, brackets and title marks
//     that do not pair up (数据《以下统称…）: a （ read as 《), a list enumerator that is not the next
//     numeral of its run (（一）（工）（三）: listNumbering), an ideograph that makes no common pair
//     while a look-alike of its printed shape would make common pairs on both sides (根据完法:
//     likelierLookAlikes, the look-alikes generated from the Noto CJK glyphs, cjk-glyph-alikes.ts),
//     a parenthesis left open (where its ) was lost: after the name it defines, else its clause),
//     a paragraph end joining a pair never written (its next paragraph's first character too), three
//     ideographs the corpus writes with a clause mark after the first (的应当: lostClauseMarks), a ：
//     between two ideographs the corpus never writes so that introduces no list (法律：法规: oddColons);
//     a numeral after 第 that no number is written as (第一十二百 for 第一千二百: malformedOrdinals);
//     a ； with no ， before it in its sentence (办法；由市人民政府另行规定。, 之一的；不予批准：, 行业自律；引导、督促…，: bareClauseSemicolons);
//     a ； that parts one bare clause off a run of ，-clauses (会议；日常工作由…承担。: semicolonsBeforeBareClause, ocr-marks.ts);
//     a ： before a bracketed remark (合同约定：（以下简称…）: colonsBeforeAsides); Latin letters after 第 that are no
//     Roman numeral (第TV部: oddLatinOrdinals); no numeral between the brackets of 第（…） (第（工）项: oddBracketedOrdinals); a % after no number (条例%》: strayPercents); a fine's range out of
//     order or spanning over 100 times (五十元以上二万元以下: oddMoneyRanges); a ； before a clause of two to five
//     characters and another ； (时间；控制音量；: shortClauseSemicolons); a ： inside a 、 list closed by 等 (支付期限：
//     房屋用途、维修责任等因素，: colonsInsideLists); an ideograph opening a clause after ， that seldom opens one, in a pair
//     no clause opens with (评定，平为残疾 for ，并为: oddClauseOpenings); the two characters around a 、 lost inside a list
//     between words the laws list apart (统筹、协调督促和指导: lostListMarks); a ； ： ， 、 after a word that seldom takes it
//     (内容是；棉花 for 是：: seldomMarksAfter, cjk-mark-pairs.ts); a ： before a 「 never closed (指导：「督促: marksBeforeLoneOpeners);
//   - (traceUnits, with tesseract's doubt) a Chinese numeral of an amount, a time limit or a count (五千元, 三十日)
//     read under DIGIT_CONFIDENCE, as a digit would be, its 十 and 千 (look-alikes) under ALIKE_NUMERAL_CONFIDENCE
//     (quantityNumeral, quantityNumeralLine: 并处五十元罚款 for 五千元, 累计三十以上 for 三千); an ideograph read under 97 that
//     repeats its neighbour (在船船、设施 for 船舶: repeatsNeighbour);
//   - in a document (documentLookAlikes): a pair the corpus never writes that differs by one glyph
//     look-alike from a pair the same document writes at least as often (垫断 beside 垄断); a pair the corpus never
//     writes, read doubtfully on both sides at most of its occurrences, at every one (pairsDoubtedMostly); a character read
//     below 99 whose two neighbours on each side the document writes around another one twice as often (可以设定延长 beside the
//     law's 可以决定延长: framedOtherwiseInDocument);
//   - (ocr-vocabulary.ts) an ideograph that fits neither neighbour, or fits one while a look-alike
//     fits both.
// A flagged character only gets a confidence below the suspect line: nothing is changed, a person
// checks it in the 核对 view. Tried and left out (measured with test/bench/ocr-flag-score.ts, numbers
// in README-importers.md): tesseract's glyph boxes to find a seal's text (flat ideographs 一 十 上
// 之 get boxes a tenth of the line's height with nothing wrong), a pair of common characters the
// corpus never writes side by side, in any clause or only in long ones (it flags word boundaries
// such as 安排|法律), and a pair the corpus mostly writes with a mark between (设，推): each caught
// one article of the tuning set or none, for 0.2–1 % of the characters more highlighted.

import type { OcrSymbol } from './ocr-engine';
import { semicolonsBeforeBareClause } from './ocr-marks';
import { AFTER_NUMBER, AFTER_PERCENT } from './cjk-bigrams';
import { CLAUSE_JOINTS, CLAUSE_OPENERS, COLON_PAIRS, SELDOM_OPENING_PAIRS } from './cjk-clause-joints';
import { LIST_JOINTS } from './cjk-list-joints';
import { RARE_MARK_AFTER } from './cjk-mark-pairs';
import { commonMiddles, outsideClosedFrame, commonPair, commonTriple, glyphAlikesOf, hanPairCounts, isHan, knownChar, knownPair, likelierTripleAt, pairWeight, printedAlikesOf } from './ocr-vocabulary';

/** Below this a digit is a suspect (ideographs and marks: SUSPECT_CONFIDENCE in ocr-text.ts). */
export const DIGIT_CONFIDENCE = 97;
/**
 * Below this a 十 or 千 of a quantity is a suspect (quantityNumeralLine): the two look alike in print, a swap multiplies the
 * number by a hundred and leaves it as well-formed (三千以上 read 三十以上 at 97, a criminal threshold), and tesseract reads the
 * right ones at 99 all but always (README-importers, *Session 32 (suspects)*).
 */
export const ALIKE_NUMERAL_CONFIDENCE = 99;

const isCjkChar = (c: string | undefined) => c !== undefined && /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/.test(c);
const isHanChar = (c: string | undefined) => c !== undefined && /[\u3400-\u9fff]/.test(c);
const DIGIT = /[0-9０-９]/;
const CLAUSE = /[，。、；：]/;
/** Marks whose misreading changes the sentence (。 for 、, 《 for （): they need the digits' certainty. */
const MARK = /[，。、；：《》〔〕！？]/;
export const MARK_CONFIDENCE = 97;
/** Symbols a law writes only between Latin letters and digits. */
const ODD_SYMBOL = /[|/\\[\]{}<>~^@#$&*+=_`]/;

/**
 * Lowers to `below` the confidence of the characters of one corrected OCR line (spaces included,
 * as correctLine holds them) that make no sense where they stand.
 */
export function markImplausible(s: OcrSymbol[], below: number): void {
  const flag = (i: number) => {
    if (s[i]) s[i]!.conf = Math.min(s[i]!.conf, below);
  };
  const nearAt = (i: number, step: 1 | -1) => {
    for (let k = i + step; k >= 0 && k < s.length; k += step) if (s[k]!.ch !== ' ') return k;
    return undefined;
  };
  const near = (i: number, step: 1 | -1) => {
    for (let k = i + step; k >= 0 && k < s.length; k += step) if (s[k]!.ch !== ' ') return s[k]!.ch;
    return undefined;
  };

  // Numbers, as runs: digits with a decimal part, then a % sign.
  for (let i = 0; i < s.length; ) {
    if (!DIGIT.test(s[i]!.ch)) {
      i++;
      continue;
    }
    let j = i;
    while (j < s.length && (DIGIT.test(s[j]!.ch) || (/[.．]/.test(s[j]!.ch) && DIGIT.test(s[j + 1]?.ch ?? '')))) j++;
    const digits = s.slice(i, j).map((x) => x.ch).join('');
    let end = j;
    const pct = /[%％‰]/.test(s[j]?.ch ?? '');
    if (pct) end++;
    const next = s[end]?.ch;
    // A number after Latin letters is part of a code (GB/T 50016, PM2.5): anything may follow it.
    const code = /[A-Za-z/-]/.test(s[i - 1]?.ch === ' ' ? (s[i - 2]?.ch ?? '') : (s[i - 1]?.ch ?? ''));
    const value = Number(digits.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)).replace('．', '.'));
    const odd =
      (pct && next !== undefined && DIGIT.test(next)) ||
      // (a mark between two numbers joins them: 1∶5000, 10～20, 3-5)
      (!code && next !== undefined && next !== ' ' && !(pct ? AFTER_PERCENT : AFTER_NUMBER).includes(next) && !DIGIT.test(next) && !DIGIT.test(s[end + 1]?.ch ?? '')) ||
      (next === '月' && (value < 1 || value > 12)) ||
      (next === '日' && s[i - 1]?.ch === '月' && (value < 1 || value > 31));
    for (let k = i; k < end; k++) if (odd || (DIGIT.test(s[k]!.ch) && s[k]!.conf < DIGIT_CONFIDENCE)) flag(k);
    i = end;
  }
  // Digits apart by a gap, with no unit between, are one reading (等工作3 7一五 — a seal's ink read as a
  // 。 and its damage): when either run is doubtful, so is the other (a law writes a number whole; a date's
  // spaces fall between a number and its 年 月 日).
  for (let i = 0; i + 2 < s.length; i++) {
    if (!DIGIT.test(s[i]!.ch) || s[i + 1]!.ch !== ' ' || !DIGIT.test(s[i + 2]!.ch)) continue;
    let a = i;
    while (a > 0 && DIGIT.test(s[a - 1]!.ch)) a--;
    let b = i + 2;
    while (b + 1 < s.length && DIGIT.test(s[b + 1]!.ch)) b++;
    const doubtful = (k: number) => s[k]!.conf <= below;
    const left = [...Array(i - a + 1).keys()].map((d) => a + d);
    const right = [...Array(b - i - 1).keys()].map((d) => i + 2 + d);
    if (left.some(doubtful) || right.some(doubtful)) for (const k of [...left, ...right]) flag(k);
  }

  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!.ch;
    // A mark tesseract was not quite sure of: 。 for 、, ： for 。, 《 for （ change what a sentence says.
    if (MARK.test(ch) && s[i]!.conf < MARK_CONFIDENCE) flag(i);
    // An ideograph not quite sure of that forms no known pair with a neighbour (共口 for 共同).
    if (isHan(ch) && s[i]!.conf < MARK_CONFIDENCE) {
      const p = s[i - 1]?.ch;
      const n = s[i + 1]?.ch;
      if ((isHan(p) && !knownPair(p, ch)) || (isHan(n) && !knownPair(ch, n))) flag(i);
    }
    const prev = near(i, -1);
    const next = near(i, 1);
    // A lone Latin letter, or an odd symbol, touching Chinese: a word or a code (GB/T, PM2.5, B超 is rare) has
    // Latin letters or digits beside it.
    const word = (c: string | undefined) => c !== undefined && /[A-Za-z0-9]/.test(c);
    const lone = /[A-Za-z]/.test(ch) && !word(s[i - 1]?.ch) && !word(s[i + 1]?.ch);
    // (a / after a number's unit is a rate: 元/吨, 83天/月)
    const rate = ch === '/' && s.slice(Math.max(0, i - 3), i).some((x) => DIGIT.test(x.ch));
    const odd = ODD_SYMBOL.test(ch) && !rate && !(word(s[i - 1]?.ch) && word(s[i + 1]?.ch));
    // A hyphen joins digits and Latin letters (GB 3095-2012, 2021-2025), never two Chinese characters
    // (a formula's minus is the full-width －): between them it is a seal's stroke or a speck
    // (委员会：-肥大 for 委员会、省人).
    const dash = ch === '-' && isCjkChar(prev) && isCjkChar(next);
    if ((lone || odd || dash) && (isCjkChar(prev) || isCjkChar(next))) {
      flag(i);
      // A speck read as a symbol often took the mark beside it with it (犯罪，[利用 for 犯罪、利用).
      // (a space may stand between them: 机制： | for 机制。)
      if (ODD_SYMBOL.test(ch)) for (const k of [nearAt(i, -1), nearAt(i, 1)]) if (k !== undefined && CLAUSE.test(s[k]!.ch)) flag(k);
      // (after a sentence's end a hyphen is a seal's tail, which sealTail judges: the 。 is the sentence's own)
      if (dash) for (const k of [nearAt(i, -1), nearAt(i, 1)]) if (k !== undefined && /[，、：]/.test(s[k]!.ch)) flag(k);
      // What reads with nothing beside it was damaged too (-肥大民政府).
      if (dash || odd) damaged(s, i, flag);
    }
    if (/[A-Za-z]/.test(ch) && !/[A-Za-z0-9]/.test(s[i - 1]?.ch ?? '')) {
      // A speck or a seal's stroke read as one or two Latin letters (工佣fN, 教育：s卫生) damaged what it touches:
      // the neighbours are suspects too. A real abbreviation is capitals (B超, IC卡, GB) or longer.
      let j = i;
      while (j < s.length && /[A-Za-z]/.test(s[j]!.ch)) j++;
      const run = s.slice(i, j).map((x) => x.ch).join('');
      if (run.length <= 2 && !/^[A-Z]+$/.test(run) && !DIGIT.test(s[j]?.ch ?? '') && (isCjkChar(near(i, -1)) || isCjkChar(near(j - 1, 1)))) {
        for (let k = i; k < j; k++) flag(k);
        for (const k of [nearAt(i, -1), nearAt(j - 1, 1)]) if (k !== undefined && !/[A-Za-z0-9]/.test(s[k]!.ch)) flag(k);
      }
    }
    // Two clause marks in a row: one of them is a misreading or a speck.
    if (CLAUSE.test(ch) && next !== undefined && CLAUSE.test(next)) {
      flag(i);
      for (let k = i + 1; k < s.length; k++) if (s[k]!.ch !== ' ') {
        flag(k);
        break;
      }
    }
  }

  sealTail(s, flag);

  // 《 》 without a partner on the line (a title is seldom wrapped; a wrapped one is flagged, rarely).
  const open: number[] = [];
  const unmatched: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i]!.ch === '《') open.push(i);
    else if (s[i]!.ch === '》') {
      if (open.length) open.pop();
      else unmatched.push(i);
    }
  }
  // An opening 《 left open at the line's end may close on the next line: only one in mid-line (with text after it that never closes) is odd, and one followed by nothing Chinese.
  for (const i of open) if (!isHanChar(near(i, 1))) flag(i);
  for (const i of unmatched) if (!isHanChar(near(i, -1))) flag(i);
  // 〔 〕 (a 文号's year) always come in pairs on one line; one alone is a （ or ） misread.
  const year: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i]!.ch === '〔') year.push(i);
    else if (s[i]!.ch === '〕' && year.pop() === undefined) flag(i);
  }
  for (const i of year) flag(i);
}

/**
 * Offsets in an OCR'd article's text of what no single line shows is wrong but the article does:
 * a paragraph that ends without closing its sentence (its last character: a 。 read as nothing, or
 * a line lost — lists end with ；or 。 too), and a 第X章/节/编 heading after a sentence's end inside
 * the article (the layout took a heading for the article's last line: all its characters).
 */
export function articleTextSuspects(text: string): number[] {
  const out = new Set<number>();
  for (const m of text.matchAll(/[^\s]\s*(?:\n|$)/g)) {
    if (/[。；：！？”’）)》…—\]】]/.test(m[0]![0]!)) continue;
    out.add(m.index!);
    // A mark lost at a paragraph's end between two ideographs the corpus never writes side by side
    // (公路工作 / 市公路: 作市) belongs before the next paragraph's first character, a suspect too; a
    // paragraph the layout split mid-sentence joins a pair that is written (the same text, cut).
    const next = /\S/.exec(text.slice(m.index! + m[0]!.length));
    if (next && isHan(m[0]![0]) && isHan(next[0]) && pairWeight(m[0]![0]!, next[0]!) === 0) out.add(m.index! + m[0]!.length + next.index);
  }
  for (const o of unbalancedBrackets(text)) out.add(o);
  for (const o of joinedListItems(text)) out.add(o);
  for (const o of listNumbering(text)) out.add(o);
  for (const o of likelierLookAlikes(text)) out.add(o);
  for (const o of lostClauseMarks(text)) out.add(o);
  for (const o of lostListMarks(text)) out.add(o);
  for (const o of oddClauseOpenings(text)) out.add(o);
  for (const o of oddColons(text)) out.add(o);
  for (const o of malformedOrdinals(text)) out.add(o);
  for (const o of bareClauseSemicolons(text)) out.add(o);
  for (const o of colonsBeforeAsides(text)) out.add(o);
  for (const o of oddLatinOrdinals(text)) out.add(o);
  for (const o of oddBracketedOrdinals(text)) out.add(o);
  for (const o of strayPercents(text)) out.add(o);
  for (const o of oddMoneyRanges(text)) out.add(o);
  for (const o of shortClauseSemicolons(text)) out.add(o);
  for (const o of semicolonsBeforeBareClause(text)) out.add(o);
  for (const o of colonsInsideLists(text)) out.add(o);
  for (const o of seldomMarksAfter(text)) out.add(o);
  for (const o of marksBeforeLoneOpeners(text)) out.add(o);
  // An item of a list, （二） onwards, follows the end of the one before (；or 。), not ： ， 、.
  for (const m of text.matchAll(/[：，、](?=\s*（[二三四五六七八九十]+）)/g)) out.add(m.index!);
  // A heading read into the article before it: 第三章 … or, in a 司法解释 or 决定, 四、宣告失踪和宣告死亡 — a line
  // after a sentence's end with no mark of its own, which the parser left in the article when the heading
  // before it was misread (三、监护 read 三女妙护 breaks the run 一、二、三、). On the corpus's correct text it
  // fires 0 times in 113,411 articles of 2,590 laws.
  for (const m of text.matchAll(/(?<=[。；：]\s*)(?:第[一二三四五六七八九十百零]+[编章节][^。；，\n]{0,24}|[一二三四五六七八九十]+、[^。；：，、！？\n]{1,24})$/gm)) {
    for (let k = 0; k < m[0]!.length; k++) if (!/\s/.test(m[0]![k]!)) out.add(m.index! + k);
  }
  return [...out].sort((a, b) => a - b);
}

const OPENS: Record<string, string> = { '《': '》', '（': '）', '(': ')', '〔': '〕', '「': '」', '【': '】', '“': '”' };
const CLOSES = new Set(Object.values(OPENS));

/**
 * Offsets of brackets and title marks that do not pair up in an article's text: a 《 closed by ）
 * (a （ read as 《), a closer with no opener, an opener never closed, and a 《 still open when its
 * sentence ends (a title holds no 。). Half- and full-width brackets pair with each other: which
 * width a scan shows is a separate question (they are suspects anyway).
 */
export function unbalancedBrackets(text: string): number[] {
  const out: number[] = [];
  const stack: number[] = [];
  const pairs = (o: string, c: string) => OPENS[o] === c || ((o === '(' || o === '（') && (c === ')' || c === '）'));
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '“' || ch === '”') continue; // quotes: the width rule already marks them, and “ is read for a space
    if (OPENS[ch]) stack.push(i);
    else if (CLOSES.has(ch)) {
      const o = stack.pop();
      if (o === undefined) out.push(i);
      else if (!pairs(text[o]!, ch)) out.push(o, i);
    } else if (ch === '。') {
      // A title ends before its sentence does: a 《 open here lost (or never had) its 》.
      for (let k = stack.length - 1; k >= 0; k--) if (text[stack[k]!] === '《') out.push(...stack.splice(k, 1));
    }
  }
  // A parenthesis never closed lost its ) somewhere before its clause ends, and the reading is wrong
  // there, not at the opener: right after a name it defines ((以下简称《招标投标法》和其他…: after 》),
  // else anywhere up to the clause's end, all of which is the suspect.
  for (const o of stack) {
    out.push(o);
    if (text[o] !== '(' && text[o] !== '（') continue;
    const stretch: number[] = [];
    let named: number | undefined;
    for (let k = o + 1; k < text.length && text[k] !== '\n'; k++) {
      stretch.push(k);
      if (named === undefined && /[》”]/.test(text[k]!) && k + 1 < text.length) named = k + 1;
      if (/[，。；：]/.test(text[k]!)) break;
    }
    out.push(...(named !== undefined ? [named] : stretch));
  }
  return out;
}

/**
 * The ideographs a stray hyphen or symbol (a seal's stroke, a speck) damaged besides itself: on each side,
 * every one from it on that makes a common pair with neither neighbour (-肥大民政府: 肥 and 大 read
 * with nothing, 民政 is common — the damage ends there; 原因-由秘书处: 原因 is common, nothing).
 */
function damaged(s: OcrSymbol[], at: number, flag: (i: number) => void): void {
  const solid = s.map((x, k) => (x.ch === ' ' ? -1 : k)).filter((k) => k >= 0);
  const p = solid.indexOf(at);
  for (const step of [-1, 1]) {
    for (let q = p + step; q >= 0 && q < solid.length; q += step) {
      const c = s[solid[q]!]!.ch;
      // A clause mark after a damaged ideograph was read through the same ink (：-区：县 for 、区、县).
      if (q !== p + step && /[，、：]/.test(c)) {
        flag(solid[q]!);
        break;
      }
      if (!isHan(c)) break;
      const a = s[solid[q - 1]!]?.ch;
      const b = s[solid[q + 1]!]?.ch;
      if ((isHan(a) && commonPair(a, c)) || (isHan(b) && commonPair(c, b))) break;
      flag(solid[q]!);
    }
  }
}

/**
 * A red seal stamped beside a sentence's end is dropped by the red-channel pass, but its dark
 * edges and characters are not always: tesseract reads them as a short tail after the 。 with gaps
 * between the characters or a stray symbol (`开放。 代 表大会 /`). Law text after a 。 on the same
 * line is the next sentence, set solid (a date's spaces sit beside digits); a short tail that is
 * broken up is the seal's, all of it a suspect.
 */
function sealTail(s: OcrSymbol[], flag: (i: number) => void): void {
  let m = s.length - 1;
  while (m >= 0 && !/[。；.．]/.test(s[m]!.ch)) m--;
  if (m < 0) return;
  const tail = s.slice(m + 1);
  const solid = tail.filter((x) => x.ch !== ' ');
  if (solid.length === 0 || solid.length > SEAL_TAIL) return;
  // (an article's label and its gap: 。 第二条 本市)
  if (/^第[一二三四五六七八九十百零〇0-9]+[条章节编]/.test(solid.map((x) => x.ch).join(''))) return;
  let broken = solid.some((x) => ODD_SYMBOL.test(x.ch));
  for (let k = 1; k < tail.length - 1 && !broken; k++) {
    if (tail[k]!.ch !== ' ') continue;
    const a = tail[k - 1]!.ch;
    const b = tail.slice(k + 1).find((x) => x.ch !== ' ')?.ch;
    if (a !== ' ' && b !== undefined && !DIGIT.test(a) && !DIGIT.test(b) && (isHanChar(a) || isHanChar(b))) broken = true;
  }
  if (broken) for (let k = m + 1; k < s.length; k++) if (s[k]!.ch !== ' ') flag(k);
}
/** The longest tail after a sentence's end that can be a seal's (a seal holds an office's name: 8–20 characters, of which a few show). */
const SEAL_TAIL = 8;

/**
 * A 、 lost between two items of a list whose items end alike (理想教育、道德教育、健康教育劳动教育):
 * one item then holds the shared ending twice. Offsets of the characters on both sides of the
 * joint. The ending must close most of the list's items (at least three), so an ordinary phrase
 * that repeats a word is not taken for two items.
 */
export function joinedListItems(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/[\u3400-\u9fff]+(?:、[\u3400-\u9fff]+){2,}/g)) {
    const items = m[0]!.split('、');
    for (const n of [2, 3]) {
      const ends = new Map<string, number>();
      for (const it of items) if (it.length > n) ends.set(it.slice(-n), (ends.get(it.slice(-n)) ?? 0) + 1);
      for (const [end, count] of ends) {
        if (count < 3 || count * 2 < items.length) continue;
        let at = m.index!;
        for (const it of items) {
          const inner = it.slice(0, -n).indexOf(end);
          // (the ending inside an item, followed by more than one character: 教育劳动教育, not 教育教育)
          // (…教育和劳动教育: a conjunction joins the last two items)
          if (it.endsWith(end) && inner > 0 && it.length - (inner + n) > n && !/[和及或与并]/.test(it[inner + n]!)) out.push(at + inner + n - 1, at + inner + n);
          at += it.length + 1;
        }
      }
    }
  }
  return [...new Set(out)];
}

/** The value of a list enumerator's numeral (一 … 九十九, 1 … 99), or undefined. */
function numeralValue(x: string): number | undefined {
  const d = x.replace(/[０-９]/g, (c) => String(c.charCodeAt(0) - 0xff10));
  if (/^[0-9]{1,2}$/.test(d)) return Number(d) || undefined;
  const m = /^([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)$/.exec(x);
  if (!m || x === '' || (m[1] && !m[2] && m[3])) return undefined;
  const unit = (c: string) => '一二三四五六七八九'.indexOf(c) + 1;
  return m[2] ? (m[1] ? unit(m[1]) : 1) * 10 + (m[3] ? unit(m[3]) : 0) : unit(m[1]!);
}

/**
 * Offsets of list enumerators that break their list's sequence: inside a run （一）（二）… (or （1）,
 * 一、二、, 1. 2.) every item is the next numeral, so one that is not — a numeral out of order, or
 * something that is no numeral at all where the next one belongs (（工） for （二）: 工 has no
 * ideograph beside it for the vocabulary to judge) — was misread. A list may start again at one
 * (a second list in the article, or a 1. 2. list under each （一）); an item's continuation
 * paragraph is not an enumerator — but a one whose next item goes on from the run before it is a misread
 * numeral, not a new list (（一）（一）（三）). Only the enumerators' positions are looked at: the start of a
 * paragraph, and a bracketed one after ： ； 。 (a list written inline).
 */
export function listNumbering(text: string): number[] {
  interface Item { style: string; value: number | undefined; at: number; len: number; series?: boolean }
  const items: Item[] = [];
  const re = /(?:^|\n)[ \t\u3000]*(?:[（(]([^（）()\s]{1,3})[）)]|([一二三四五六七八九十]{1,3}|[^\s、，。；：（）()]{1})、|([0-9０-９]{1,2}|[A-Za-z])[.．、](?![0-9０-９]))|(?<=[：；。][ \t\u3000]*)[（(]([^（）()\s]{1,3})[）)]/g;
  for (const m of text.matchAll(re)) {
    const inner = m[1] ?? m[4];
    const start = m.index! + m[0].lastIndexOf(inner ?? m[2] ?? m[3]!);
    if (inner !== undefined) {
      const v = numeralValue(inner);
      // (a parenthesis that is neither a numeral nor short is a remark: （略）（2019年修订）)
      if (v === undefined && (inner.length > 2 || /[0-9]/.test(inner))) continue;
      items.push({ style: v === undefined ? '(?)' : /[0-9０-９]/.test(inner) ? '(1)' : '(一)', value: v, at: start, len: inner.length });
    } else if (m[2] !== undefined) {
      const value = numeralValue(m[2]);
      // 二、三级保护…: numbers named in a row (二级、三级) when the next numeral follows the 、 — an
      // item only where the run expects it (一、二氧化碳… may open a list), never a misread one
      const after = numeralValue(text.slice(start + m[2].length + 1).match(/^[一二三四五六七八九十]{1,3}/)?.[0] ?? '');
      items.push({ style: '一、', value, at: start, len: m[2].length, ...(value !== undefined && after === value + 1 ? { series: true } : {}) });
    } else {
      items.push({ style: '1.', value: numeralValue(m[3]!), at: start, len: m[3]!.length });
    }
  }
  const out: number[] = [];
  const last = new Map<string, number>();
  const flag = (it: Item) => {
    for (let k = 0; k < it.len; k++) out.push(it.at + k);
  };
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (it.value !== undefined) {
      const prev = last.get(it.style);
      // A one may start a second list, unless the item after it goes on from the run before it:
      // in （一）（一）（三） the second （一） stood for （二）.
      const restartTakenBack = it.value === 1 && prev !== undefined && items.slice(i + 1).find((x) => x.style === it.style)?.value === prev + 2;
      if ((it.value === 1 && !restartTakenBack) || it.value === (prev ?? 0) + 1) {
        last.set(it.style, it.value);
        continue;
      }
      if (it.series) continue;
      flag(it);
      // A numeral the next item follows on from (a lost item before it) sets the run; else it stands for the expected one.
      const next = items.slice(i + 1).find((x) => x.style === it.style);
      last.set(it.style, next?.value === it.value + 1 ? it.value : (prev ?? 0) + 1);
      continue;
    }
    // Something that is no numeral where an enumerator stands: which run it belongs to is told by its neighbours.
    const prevItem = items.slice(0, i).reverse().find((x) => x.value !== undefined);
    const nextItem = items.slice(i + 1).find((x) => x.value !== undefined);
    const style = it.style === '(?)' ? (prevItem?.style.startsWith('(') ? prevItem.style : nextItem?.style.startsWith('(') ? nextItem.style : undefined) : it.style;
    if (style === undefined) continue;
    const expected = (last.get(style) ?? 0) + 1;
    const nextOfStyle = items.slice(i + 1).find((x) => x.style === style);
    // A bracketed one needs one neighbour of its run; 一、 and 1. (a paragraph may begin 省、市 … or with a letter) need the next item to be the one after the expected.
    const inRun = it.style === '(?)' ? (last.has(style) || nextOfStyle?.value === expected + 1) : nextOfStyle?.value === expected + 1 && last.get(style) === expected - 1;
    if (!inRun) continue;
    flag(it);
    last.set(style, expected);
  }
  return out;
}

/**
 * Offsets of ideographs, however confidently read, whose printed look-alike (cjk-glyph-alikes.ts)
 * makes common pairs (written ≥ 10 times) with every ideograph neighbour while the character itself
 * makes none — one of its pairs never written, the other at most a few times: 根据完法 — 完法 is
 * never written, 据完 rarely, 宪法 and 据宪 everywhere; or, between two ideographs, both its pairs
 * written only a few times (2–9: 驾驶大应当 for 驾驶人应当 — 驶大 and 大应 are rare, 驶人 and 人应 common;
 * since session 18: +0.0057 % of the corpus's correct characters, +6 right characters over the 12 OCR sets).
 * A word boundary makes an unknown pair too (安排|法律), but then the character mostly makes a common
 * pair on its other side.
 */
export function likelierLookAlikes(text: string): number[] {
  const out: number[] = [];
  for (let o = 0; o < text.length; o++) {
    const c = text[o]!;
    if (!isHan(c)) continue;
    const prev = isHan(text[o - 1]) ? text[o - 1] : undefined;
    const next = isHan(text[o + 1]) ? text[o + 1] : undefined;
    if (!prev && !next) continue;
    const own: number[] = [];
    if (prev) own.push(pairWeight(prev, c));
    if (next) own.push(pairWeight(c, next));
    if (Math.max(...own) > 1 || (Math.min(...own) > 0 && own.length < 2)) continue;
    const likelier = [...glyphAlikesOf(c)].some((alt) => knownChar(alt) && (!prev || pairWeight(prev, alt) === 2) && (!next || pairWeight(alt, next) === 2));
    if (likelier) out.push(o);
  }
  return out;
}

/**
 * Per text of one document (its articles), the offsets of ideographs, however confidently read, that make only
 * rare pairs (written 9 times at most) with both their ideograph neighbours while those two neighbours frame
 * another character in a triple the corpus writes at least 200 times (供热行故主管 — 行故 and 故主 are rare,
 * 行政主 is written thousands of times). chi_sim's confusions are not all look-alikes in the fonts (故 for 政), so
 * no look-alike table names the alternative; the common phrase around it does. A pair the document itself
 * writes twice or more is its own word (一河一策 in a law on 河长制: 一河 is rare in the corpus, 一条一 common).
 */
export function framedElsewhere(texts: readonly string[]): number[][] {
  return middlesNotOwn(texts, (p, c, n) => pairWeight(p, c) <= 1 && pairWeight(c, n) <= 1 && [...commonMiddles(p, n)].some((y) => y !== c));
}

/**
 * Per text of one document, the offsets of ideographs c between two ideographs p…n for which `odd(p, c, n)` holds, but
 * where the document itself writes p c or c n twice or more: that pair is the document's own word, whatever the corpus says.
 */
function middlesNotOwn(texts: readonly string[], odd: (p: string, c: string, n: string) => boolean): number[][] {
  const own = hanPairCounts(texts);
  const ours = (a: string, b: string) => (own.get(a + b) ?? 0) >= OWN_PAIR_TIMES;
  return texts.map((t) => {
    const out: number[] = [];
    for (let o = 1; o + 1 < t.length; o++) {
      const [p, c, n] = [t[o - 1]!, t[o]!, t[o + 1]!];
      if (isHan(p) && isHan(c) && isHan(n) && !ours(p, c) && !ours(c, n) && odd(p, c, n)) out.push(o);
    }
    return out;
  });
}

/**
 * Per text of one document (its articles), the offsets of ideographs, however confidently read, between two
 * neighbours that make a closed frame (outsideClosedFrame: the laws write one middle there nearly always)
 * which has never held this one: 规范纳关村规民约 — 纳…村 holds 入 16 of 18 times, 关 never; 以双从 — 以及从.
 * The pairs cannot tell (纳关 and 关村 are both common words). A pair the document writes twice or more
 * is its own word, as in framedElsewhere.
 */
export function outsideClosedFrames(texts: readonly string[]): number[][] {
  return middlesNotOwn(texts, outsideClosedFrame);
}

/**
 * Whether the character at `k` of the three ideographs makes a pair the corpus never writes with a
 * neighbour among them while a printed look-alike makes a triple it writes often, at least 200 times
 * (完法和: 完法 never written, 宪法和 263 times): the never-written pair says the triple read is never
 * written either, so the common one needs no count beside it. A pair never written at a word's edge
 * (安排|法律) rarely has a look-alike that makes a triple that common.
 */
function neverPairedButAlike(abc: string, k: number): boolean {
  const c = abc[k]!;
  if (!((k > 0 && pairWeight(abc[k - 1]!, c) === 0) || (k < 2 && pairWeight(c, abc[k + 1]!) === 0))) return false;
  return [...printedAlikesOf(c)].some((y) => knownChar(y) && commonTriple(k === 0 ? y : abc[0]!, k === 1 ? y : abc[1]!, k === 2 ? y : abc[2]!));
}

/**
 * Per text of one document (its articles), the offsets of both characters of every occurrence of a pair the corpus
 * never writes (pairWeight 0) that the document reads doubtfully — both characters `doubted` (below the suspect
 * line) — at more than half of its occurrences: the same misreading again, where tesseract was once sure of it
 * (稀土冶炼分离 read 诊炼 eight times, 诊 at 99 once). A rare word read right is seldom doubted at most of its
 * occurrences, and only a pair doubted on both sides counts: one side doubted (炼|分离 after a misread 诊炼) is the
 * neighbour's doing.
 */
export function pairsDoubtedMostly(texts: readonly string[], doubted: (text: number, offset: number) => boolean): number[][] {
  const seen = new Map<string, { n: number; both: number }>();
  const each = (use: (pair: string, i: number, o: number) => void) =>
    texts.forEach((t, i) => {
      for (let o = 0; o + 1 < t.length; o++) if (isHan(t[o]) && isHan(t[o + 1]) && pairWeight(t[o]!, t[o + 1]!) === 0) use(t[o]! + t[o + 1]!, i, o);
    });
  each((pair, i, o) => {
    const s = seen.get(pair) ?? seen.set(pair, { n: 0, both: 0 }).get(pair)!;
    s.n++;
    if (doubted(i, o) && doubted(i, o + 1)) s.both++;
  });
  const out = texts.map(() => [] as number[]);
  each((pair, i, o) => {
    const s = seen.get(pair)!;
    if (s.n >= 2 && s.both * 2 > s.n) out[i]!.push(o, o + 1);
  });
  return out.map((o) => [...new Set(o)]);
}

/** framedOtherwiseInDocument: how many ideographs on each side make the frame, and how much more often the document writes another middle in it. */
const DOC_FRAME = { side: 2, ratio: 2 } as const;
const ZH_NUMERAL_CHAR = /[〇零一二两三四五六七八九十百千万亿]/;

/**
 * Per text of one document (its articles), the offsets of ideographs whose two neighbours on each side the document writes
 * elsewhere around another ideograph at least twice as often (…机构可以设定延长托管期限 where the same law writes 可以决定延长 twice:
 * the two readings cannot both be the law's words, and the one read once is the odd one). The corpus cannot tell (设定 and 决定
 * are both common, 以设定 is written 25 times), the document can. Numerals are left out of the frames (第三十条, 第四十条). On
 * text alone it fires at word variants a law writes in the same frame (从业人员在安全生产…, 从业人员的安全生产…), so traceUnits
 * weighs it only where tesseract doubted the character (below 99).
 */
export function framedOtherwiseInDocument(texts: readonly string[]): number[][] {
  const { side, ratio } = DOC_FRAME;
  const frameAt = (t: string, o: number): string | undefined => {
    for (let k = o - side; k <= o + side; k++) if (!isHan(t[k]) || ZH_NUMERAL_CHAR.test(t[k]!)) return undefined;
    return t.slice(o - side, o) + t.slice(o + 1, o + 1 + side);
  };
  const middles = new Map<string, Map<string, number>>();
  for (const t of texts) {
    for (let o = side; o + side < t.length; o++) {
      const f = frameAt(t, o);
      if (f === undefined) continue;
      const m = middles.get(f) ?? middles.set(f, new Map()).get(f)!;
      m.set(t[o]!, (m.get(t[o]!) ?? 0) + 1);
    }
  }
  return texts.map((t) => {
    const out: number[] = [];
    for (let o = side; o + side < t.length; o++) {
      const f = frameAt(t, o);
      const m = f === undefined ? undefined : middles.get(f);
      if (!m || m.size < 2) continue;
      const own = m.get(t[o]!)!;
      if ([...m].some(([y, n]) => y !== t[o] && n >= ratio * own)) out.push(o);
    }
    return out;
  });
}

/** likelierTriples: a pair the document itself writes this often is its own vocabulary (工伤 in a law on 工伤保险), not a misreading. */
const OWN_PAIR_TIMES = 2;

/**
 * Per text of one document (its articles), the offsets of ideographs, however confidently read, that
 * make a triple with their neighbours which the corpus writes once at most while one printed
 * look-alike swap makes a triple it writes often (cjk-alike-trigrams.ts): 楼梯和大行道 — 和大, 大行 and
 * 行道 are all written, 大行道 is not, 人行道 is. A confident misreading that makes written pairs on both
 * sides is out of the pairs' sight; three characters see it. The document is its own vocabulary: a
 * character whose pair in the triple the document writes again and again is the document's word (机关
 * 资产管理, 工伤认定), rare in the corpus or not.
 */
export function likelierTriples(texts: readonly string[]): number[][] {
  const own = hanPairCounts(texts);
  const ours = (a: string, b: string) => (own.get(a + b) ?? 0) >= OWN_PAIR_TIMES;
  return texts.map((t) => {
    const out = new Set<number>();
    for (let o = 0; o + 2 < t.length; o++) {
      if (!isHan(t[o]) || !isHan(t[o + 1]) || !isHan(t[o + 2])) continue;
      const at = new Set(likelierTripleAt(t[o]!, t[o + 1]!, t[o + 2]!));
      for (let k = 0; k < 3; k++) if (neverPairedButAlike(t.slice(o, o + 3), k)) at.add(k);
      for (const k of at) {
        const c = o + k;
        if ((k > 0 && ours(t[c - 1]!, t[c]!)) || (k < 2 && ours(t[c]!, t[c + 1]!))) continue;
        out.add(c);
      }
    }
    return [...out].sort((a, b) => a - b);
  });
}

/**
 * documentLookAlikes: the document writes the look-alike's pair at least `times` times and at least as
 * often as the variant (垫断 21 times beside 垄断 25 in one scan: chi_sim may misread a word most of the
 * times it occurs), and the corpus never writes the variant (once at most). Measured in README-importers.md.
 */
const DOC_ALIKE = { times: 3, ratio: 1 } as const;

/**
 * Per text of one document (its articles), the offsets of ideographs that make a pair differing by
 * one glyph look-alike from a pair the same document writes far more often, while the vocabulary
 * writes the document's variant rarely or never: a law about 垄断 that reads 垫断 once, one about
 * 垄断 (定垫 is rare, not never, so likelierLookAlikes' "no common pair" condition cannot see it).
 * The document is its own vocabulary: what it writes again and again is what it meant. A variant
 * the corpus writes (设定 beside 决定) is a real word and stays out, so a confident real-word misread
 * is not caught here.
 */
export function documentLookAlikes(texts: readonly string[]): number[][] {
  const count = hanPairCounts(texts);
  const suspectAt = new Map<string, number[]>(); // pair → which of its two characters are suspects (0, 1)
  for (const [pair, n] of count) {
    const [a, b] = [pair[0]!, pair[1]!];
    if (pairWeight(a, b) > 0) continue;
    const at: number[] = [];
    for (const side of [0, 1]) {
      const c = side === 0 ? a : b;
      const likelier = [...glyphAlikesOf(c)].some((alt) => {
        const m = count.get(side === 0 ? alt + b : a + alt) ?? 0;
        return knownChar(alt) && m >= DOC_ALIKE.times && m >= DOC_ALIKE.ratio * n;
      });
      if (likelier) at.push(side);
    }
    if (at.length) suspectAt.set(pair, at);
  }
  return texts.map((t) => {
    const out = new Set<number>();
    for (let o = 0; o + 1 < t.length; o++) {
      const at = isHan(t[o]) && isHan(t[o + 1]) ? suspectAt.get(t[o]! + t[o + 1]!) : undefined;
      if (at) for (const side of at) out.add(o + side);
    }
    return [...out].sort((x, y) => x - y);
  });
}

/** A generated table's strings (grams of `n` characters written back to back) as a set of its grams. */
function gramSet(parts: readonly string[], n: number): Set<string> {
  const all = parts.join('');
  const out = new Set<string>();
  for (let i = 0; i + n <= all.length; i += n) out.add(all.slice(i, i + n));
  return out;
}

let clauseJoints: Set<string> | undefined;

/**
 * Offsets of the ideograph after a clause mark lost between words that each read well (作出改变的应当
 * for 改变的，应当): three ideographs the corpus writes as a，bc at least 50 times and 50 times as often
 * as abc (cjk-clause-joints.ts). A triple, not a pair: 的应 is a word often enough (的应用), 的应当 is not.
 */
export function lostClauseMarks(text: string): number[] {
  clauseJoints ??= gramSet(CLAUSE_JOINTS, 3);
  const out: number[] = [];
  for (let o = 0; o + 2 < text.length; o++) if (isHan(text[o]) && isHan(text[o + 1]) && isHan(text[o + 2]) && clauseJoints.has(text.slice(o, o + 3))) out.push(o + 1);
  return out;
}

let listJoints: Set<string> | undefined;

/**
 * Offsets of the two characters around a 、 lost inside a list (统筹、协调督促和指导 for 协调、督促): an item of four
 * ideographs that the corpus writes as two listed words, ab、cd, at least 10 times and 5 times as often as abcd
 * (cjk-list-joints.ts). Only where the four stand as one item — a 、 on one side, a list's mark or conjunction
 * on the other — since the compound is written whole too (建设交通行政管理部门): on correct text, every third
 * corpus law against a table of the other two thirds, 0.0015 % of characters (README-importers, *Session 30 highlights*).
 */
export function lostListMarks(text: string): number[] {
  listJoints ??= gramSet(LIST_JOINTS, 4);
  const out: number[] = [];
  for (let o = 0; o + 3 < text.length; o++) {
    const before = text[o - 1] ?? '。';
    const after = text[o + 4] ?? '。';
    const item = (before === '、' && /[、，；。：和及或与等]/.test(after)) || (/[，；：。、\s]/.test(before) && after === '、');
    if (item && listJoints.has(text.slice(o, o + 4))) out.push(o + 1, o + 2);
  }
  return out;
}

let seldomOpenings: Set<string> | undefined;

/**
 * Offsets of the ideograph that opens a clause after ， when it seldom opens one (under 1 in 20 of its
 * occurrences in the corpus stand right after a mark, CLAUSE_OPENERS) and the corpus opens no clause with
 * it and its next ideograph (SELDOM_OPENING_PAIRS): 评定，平为残疾 for ，并为 — 平 opens about 250 of its 7,500
 * occurrences (3.3 %), 平为 never after a mark, while the pairs inside the clause may all be written (公平为). A
 * clause's first word is what the corpus sees most often after a mark, so a pair no clause opens with,
 * from a seldom opener, is rare in correct text (README-importers, *Session 23*).
 */
export function oddClauseOpenings(text: string): number[] {
  seldomOpenings ??= gramSet(SELDOM_OPENING_PAIRS, 2);
  const out: number[] = [];
  for (let o = 1; o + 1 < text.length; o++) {
    const c = text[o]!;
    if (text[o - 1] !== '，' || !isHan(c) || !isHan(text[o + 1]) || CLAUSE_OPENERS.includes(c)) continue;
    if (!seldomOpenings.has(c + text[o + 1]!)) out.push(o);
  }
  return out;
}

let colonPairs: Set<string> | undefined;

/**
 * Offsets of colons read for 、 or ， between two words (相关法律：.法规和知识, 负责人：安全生产管理人员): in
 * the laws a ： introduces a list, a quotation or the items of a 下列 clause, mostly as （一） or “ on
 * its own line, and stands between two ideographs only 692 times in the corpus, as 465 pairs
 * (是指：居住, 职：上将 — cjk-clause-joints.ts). A ： between ideographs that the corpus never writes
 * so, whose clause holds no list or quotation after it (no 、 （ “ before its ，；。), is a suspect.
 * Specks read after it (．, ·) are passed over to find the next ideograph.
 */
export function oddColons(text: string): number[] {
  colonPairs ??= gramSet(COLON_PAIRS, 2);
  const out: number[] = [];
  for (let o = 1; o + 1 < text.length; o++) {
    if (text[o] !== '：' || !isHan(text[o - 1])) continue;
    let e = o + 1;
    while (e < text.length && /[.．·'`,_|/\\-]/.test(text[e]!)) e++;
    if (!isHan(text[e]) || colonPairs.has(text[o - 1]! + text[e]!)) continue;
    // (职：上将、中将: what follows is the list the colon introduces)
    if (/^[^，；。\n]*[、（(“]/.test(text.slice(e))) continue;
    out.push(o);
  }
  return out;
}

const D = '[一二三四五六七八九两]';
/** A number below 10,000 as Chinese writes one: 十二, 一百零五, 一千零一十, 二千三百四十五 (一十二 too, in formal text). */
const BELOW_MYRIAD = `(?:十${D}?|(?:${D}千)?(?:零?${D}百)?(?:零?${D}?十)?(?:零?${D})?)`;
const WELL_FORMED = new RegExp(`^(?:(?:${BELOW_MYRIAD}万)?${BELOW_MYRIAD}|[〇零一二三四五六七八九]+)$`);

/**
 * Offsets of the numerals of an ordinal after 第 that no number is written as (第一十二百三十条 for
 * 第一千二百三十条: 千 read as 十; 第二百百条): each pair of its characters is common (一十, 十二, 二百), so
 * neither the vocabulary nor a look-alike sees it, but a count or a label is a number, and its units
 * come in order (千 before 百 before 十), each once. A run of bare digits (第二〇二〇号) is a number too.
 * The whole run is highlighted: which character was misread, the numeral cannot tell.
 */
export function malformedOrdinals(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/第([〇零一二三四五六七八九十百千万两]+)/g)) {
    if (WELL_FORMED.test(m[1]!) && !/^零|零$/.test(m[1]!)) continue;
    for (let k = 1; k < m[0]!.length; k++) out.push(m.index! + k);
  }
  return out;
}

/**
 * Where an ordinal after 第 that no number is written as becomes one when a single 十 is read as 千 or a 千
 * as 十 — look-alikes in print — and no other such swap does: 第一十二百三十条 → 第一千二百三十条 (民法典's
 * articles run past a thousand, and every pair of the misreading is common, so only the numeral's form
 * tells). Offset → the character it was. An ordinal with no such one repair (第二百百条) is left to the
 * highlight (malformedOrdinals).
 */
export function ordinalRepairs(text: string): Map<number, string> {
  const out = new Map<number, string>();
  const ok = (n: string) => WELL_FORMED.test(n) && !/^零|零$/.test(n);
  for (const m of text.matchAll(/第([〇零一二三四五六七八九十百千万两]+)/g)) {
    const n = m[1]!;
    if (ok(n)) continue;
    const fixes: [number, string][] = [];
    for (let k = 0; k < n.length; k++) {
      const alt = n[k] === '十' ? '千' : n[k] === '千' ? '十' : undefined;
      if (alt && ok(n.slice(0, k) + alt + n.slice(k + 1))) fixes.push([m.index! + 1 + k, alt]);
    }
    if (fixes.length === 1) out.set(fixes[0]![0], fixes[0]![1]);
  }
  return out;
}

/**
 * Offsets of a ； after a bare clause: the first clause mark of its sentence, with no ， before it (土地收益收缴的具体
 * 标准和办法；由市人民政府另行规定。 for 办法，由; 相关行业组织应当加强行业自律；引导、督促会员单位…，做好… for 自律，引导; 坚持生态
 * 优先、绿色发展；河长领导、部门联动，… for 发展，河长): the laws set ； between clauses that have their own commas or
 * between the items of a list, and a sentence that opens with a bare clause closed by ； is rare. chi_sim reads ， as ；
 * confidently on a noisy or rotated page, so such a ； is highlighted, never changed (it may be right). Over the corpus's
 * articles (2,476 laws, the fixtures' left out, 13.0 M characters) it fires 2,203 times (0.017 % of the characters; 750 when
 * session 17 also asked for no ， after it, which left the two clauses above alone). A sentence runs from 。！？： or a
 * paragraph's start to 。！？ or to the ： that opens a list (有下列情况之一的；不予批准：, …支付令；在澳门特别行政区包括：), and
 * holds one ； (two or more part a list of clauses); a list item (（一）, 一、, 1.) and a ； before a （ are the list's own.
 */
export function bareClauseSemicolons(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/(?<=^|[。！？：\n])[^。！？：；\n]*；[^。！？：；\n]*[。！？：]/gm)) {
    const s = m[0]!;
    const at = s.indexOf('；');
    if (/[，,；;]/.test(s.slice(0, at))) continue;
    if (/^\s*(?:（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、|\d+[.．、])/.test(s)) continue;
    if (/^\s*（/.test(s.slice(at + 1))) continue;
    out.push(m.index! + at);
  }
  return out;
}

/**
 * Offsets of a ： right before a bracket that opens no list item (合同约定：（以下简称合同约定） for 合同约定（以下简称…）):
 * a remark in brackets — a defined name, a source, an explanation — stands against the words it explains, and a
 * colon introduces what follows it, so the laws write ：（ only before an enumerator (：（一）, ：（1）). chi_sim reads a
 * speck or a seal's dot before a bracket as ：. On the corpus's correct text (2,583 laws, 13.7 M characters) it
 * fires twice (企业职工带薪年休假实施办法's 折算方法为：（当年度…）, a formula in brackets).
 */
export function colonsBeforeAsides(text: string): number[] {
  return [...text.matchAll(/[：:](?=\s*[（(](?![一二三四五六七八九十\d]+[）)]))/g)].map((m) => m.index!);
}

/** A Roman numeral, with a part's letter after it (第IIA部, the Hong Kong ordinances' parts). */
const ROMAN = /^(?=[IVXLCDM])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})[A-Z]?$/;

/**
 * Offsets of Latin letters after 第 that are no Roman numeral (第TV部 for 第IV部, 第ILA部 for 第IIA部): an
 * ordinal in Latin letters is a Roman numeral (the laws cite the Hong Kong ordinances' parts so), and the
 * ideograph vocabulary does not see letters. The whole run is highlighted. On the corpus's correct text it
 * fires 0 times (the 12 Latin ordinals there are Roman numerals, or XX as a blank to fill in).
 */
export function oddLatinOrdinals(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/第([A-Za-z]+)/g)) {
    if (ROMAN.test(m[1]!)) continue;
    for (let k = 1; k < m[0]!.length; k++) out.push(m.index! + k);
  }
  return out;
}

/**
 * Offsets of what stands between the brackets of a bracketed ordinal (第（二）项, 第(3)目) that is no number:
 * 第（工）项 for 第（二）项 — 工 is a common character, its pairs are written, and the brackets hide it from the
 * list-numbering check, which reads only the enumerators that open a line. Whatever a law writes between 第（ and
 * ） is a numeral (690 times in the corpus's 13.7 M characters, none otherwise), so the whole inside is highlighted.
 */
export function oddBracketedOrdinals(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/第[（(]([^（）()\n]{1,4})[）)]/g)) {
    if (/^(?:[〇零一二三四五六七八九十百两]+|[0-9０-９]+)$/.test(m[1]!)) continue;
    for (let k = 0; k < m[1]!.length; k++) out.push(m.index! + 2 + k);
  }
  return out;
}

/**
 * Offsets of a % that follows no number (《未成年人监护条例%》: a speck or a seal's ink read as %): the laws
 * write % after a number only (0 times otherwise in the corpus's 13.7 M characters).
 */
export function strayPercents(text: string): number[] {
  return [...text.matchAll(/(?<![0-9０-９.．])[%％]/g)].map((m) => m.index!);
}

const ZH_DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** The value of an amount as the laws write it (五千, 二万, 1000, 2.5, 三十万), or undefined. */
function amountValue(x: string): number | undefined {
  if (/^[0-9]+(?:\.[0-9]+)?$/.test(x)) return Number(x);
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const c of x) {
    if (c in ZH_DIGIT) {
      if (digit !== undefined) return undefined; // (二三: no amount)
      digit = ZH_DIGIT[c]!;
    } else if (c === '十' || c === '百' || c === '千') {
      section += (digit ?? (c === '十' ? 1 : 0)) * (c === '十' ? 10 : c === '百' ? 100 : 1000);
      digit = undefined;
    } else if (c === '万') {
      total += (section + (digit ?? 0)) * 10_000;
      section = 0;
      digit = undefined;
    } else return undefined;
  }
  return total + section + (digit ?? 0);
}

/** How far apart a range's bounds stand at most: the corpus's fines span 5× at the median, 25× at the 99th percentile. */
const RANGE_SPAN = 100;

/**
 * Offsets of the two bounds of an amount range (处五十元以上二万元以下罚款 for 五千元以上) that is out of order or
 * spans more than RANGE_SPAN times: a number read as another well-formed number (十 for 千, 万 lost) makes
 * no pair the vocabulary could judge, but a range's bounds are set together — over the corpus's 6,708
 * ranges X元以上Y元以下, 0 have Y ≤ X and 3 span more than 100 times (著作权法's 五百元以上五百万元以下). Both
 * bounds are highlighted: which one was misread, the range cannot tell.
 */
export function oddMoneyRanges(text: string): number[] {
  const out: number[] = [];
  const N = '([0-9]+(?:\\.[0-9]+)?|[〇零一二两三四五六七八九十百千万]+)';
  for (const m of text.matchAll(new RegExp(`${N}(万|亿)?元以上${N}(万|亿)?元以下`, 'g'))) {
    const scale = (u: string | undefined) => (u === '万' ? 1e4 : u === '亿' ? 1e8 : 1);
    const lo = amountValue(m[1]!);
    const hi = amountValue(m[3]!);
    if (!lo || !hi) continue;
    const span = (hi * scale(m[4])) / (lo * scale(m[2]));
    if (span > 1 && span <= RANGE_SPAN) continue;
    const second = m.index! + m[0]!.indexOf('以上') + 2;
    for (let k = 0; k < m[1]!.length + (m[2]?.length ?? 0); k++) out.push(m.index! + k);
    for (let k = 0; k < m[3]!.length + (m[4]?.length ?? 0); k++) out.push(second + k);
  }
  return out;
}

/**
 * Offsets of a ； that sets off a clause of two to five characters ending in another ； (控制音量, 不随意变道:
 * 合理选择场地、时间；控制音量；, 使用灯光；不随意变道；): the laws part a list item's clauses with ， and end the
 * item with ；, so a tiny clause between two ； is an item's own words after a ， read as ；. On the corpus's
 * correct text it fires 3 times in 13.7 M characters (报告内容包括：设立外资企业的宗旨；经营范围、规模；生产产品；…,
 * a list of short items written inline). The first ； is highlighted.
 */
export function shortClauseSemicolons(text: string): number[] {
  return [...text.matchAll(/；(?=[^，。；：、（(\s]{2,5}；)/g)].map((m) => m.index!);
}

/**
 * Offsets of a ： that stands inside its clause's list rather than before it: a 、 list after it closed by 等 and
 * a word or so, then ， (根据租赁期限、租金支付期限：房屋用途、维修责任等因素，与… for 租金支付期限、房屋用途 — the 、 read as ：).
 * A colon that opens a list ends its clause's words (备案材料包括：…) and its list runs to ；or 。 as a rule, not into
 * the middle of the sentence. The list after the ： may run up to 60 characters from one of its 、 to the 等 (应当围绕新能源：新材料、
 * 新一代电子信息、纺织服装、玩具创意、大健康、食品包装和建筑等产业， for 新能源、新材料 — 20 until session 20). On the corpus's correct
 * text it fires 2 times in 13.7 M characters, with either window (其中：一、二等奖励项目，, 备案材料包括：合作内容、起止时间、…等，).
 */
export function colonsInsideLists(text: string): number[] {
  return [...text.matchAll(/(?<=[\u3400-\u9fff])：(?=[^，。；：（“\n]{1,12}、[^，。；：\n]{0,60}等[\u3400-\u9fff]{0,4}，)/g)].map((m) => m.index!);
}

/**
 * Offsets of a ； ： ， or 、 after an ideograph that the corpus ends many clauses with but seldom with this mark
 * (cjk-mark-pairs.ts: written before a clause mark ≥ 100 times, before this one ≤ 0.2 % of them): 监督检查的内容是；棉花质量…
 * for 是： — 是 stands before ， 825 times, ： 213, ； never; 组织、协调、指导：督促 for 指导、 — 导 before ： 4 times of 2,740.
 * chi_sim reads one clause mark for another with confidence, and the word before the mark knows which it takes. A mark
 * before a list item (：（一）, ；（四）) or at its paragraph's end is left alone: a list follows whatever word closes its clause.
 * On correct text, every third corpus law against a table of the other two thirds: 78 of 12.9 M characters (0.0006 %).
 */
export function seldomMarksAfter(text: string): number[] {
  const out: number[] = [];
  for (let o = 1; o < text.length; o++) {
    const m = text[o]!;
    if (!(m === '；' || m === '：' || m === '，' || m === '、') || !isHan(text[o - 1]) || !RARE_MARK_AFTER[m].includes(text[o - 1]!)) continue;
    if (/^[ \t\u3000]*(?:\n|$)|^\s*[（(][一二三四五六七八九十\d]+[）)]/.test(text.slice(o + 1, o + 8))) continue;
    out.push(o);
  }
  return out;
}

/**
 * Offsets of a ： or ； right before a 「 【 〔 or 《 that is never closed (unbalancedBrackets): 协调、指导：「督促 and 申请人数：「实际 for
 * 指导、督促 and 人数、实际 — chi_sim reads a 、 as ： with a stray 「 after it (the stray 「 alone, after a right 、, is commoner). A
 * colon opening a quotation is right only when the quotation closes. On correct text (every corpus law's articles, 12.9 M
 * characters) it fires 0 times.
 */
export function marksBeforeLoneOpeners(text: string): number[] {
  const lone = new Set(unbalancedBrackets(text));
  const out: number[] = [];
  for (let o = 0; o + 1 < text.length; o++) if ((text[o] === '：' || text[o] === '；') && /[「【〔《]/.test(text[o + 1]!) && lone.has(o + 1)) out.push(o);
  return out;
}

const ZH_NUMERAL = /[〇零一二两三四五六七八九十百千万亿]/;
/** What the laws write after a number (cjk-bigrams.gen.ts), its ideographs and %: 元 日 年 倍 人 以(上) 至 条 款 … */
const AFTER_A_QUANTITY = new Set([...AFTER_NUMBER].filter((c) => isHanChar(c) || c === '%' || c === '％'));

/**
 * Whether the character at `o` of an article's text is a Chinese numeral of a number the laws write before what
 * they write after a number (五千元, 三十日, 二倍, 五人以上, 第一千二百条): an amount, a time limit, a count or a
 * reference — what the adviser relies on, as on a digit. Its value must read as a number (amountValue: 二三 is none).
 * traceUnits gives such a numeral the digits' line (DIGIT_CONFIDENCE): chi_sim reads 千 as 十 without leaving a pair the
 * vocabulary could judge (并处五十元罚款 for 五千元 at 95), and reads the right numerals of a quantity at 99 — on the
 * kept pages of the 21 development sets, of 5,520 such numerals 3 were read at 92–96, all three 十 for 千
 * (README-importers, *Session 27 highlights*). Text alone does not tell: it needs tesseract's doubt.
 */
export function quantityNumeral(text: string, o: number): boolean {
  if (!ZH_NUMERAL.test(text[o] ?? '')) return false;
  let a = o;
  while (a > 0 && ZH_NUMERAL.test(text[a - 1]!)) a--;
  let b = o + 1;
  while (b < text.length && ZH_NUMERAL.test(text[b]!)) b++;
  return AFTER_A_QUANTITY.has(text[b] ?? '') && amountValue(text.slice(a, b).replace(/亿/g, '万')) !== undefined;
}

/**
 * The confidence below which the numeral at `o` of an article's text, when it is one of a quantity (quantityNumeral), is a
 * suspect: ALIKE_NUMERAL_CONFIDENCE for 十 and 千, which chi_sim reads for each other (ordinalRepairs swaps them too), the digits'
 * line for the others. On the kept pages of the 26 development sets, of 2,184 such 十 and 千 tesseract read 2,163 at 99, 6 below 92,
 * 15 at 95–98 — among them wangluofanzui's 三千以上 read 三十以上 at 97 (blind23), which the digits' line let pass.
 */
export function quantityNumeralLine(text: string, o: number): number {
  return text[o] === '十' || text[o] === '千' ? ALIKE_NUMERAL_CONFIDENCE : DIGIT_CONFIDENCE;
}

/**
 * Whether the ideograph at `o` of a text is the same as a neighbour (船船): traceUnits weighs it where tesseract was not quite
 * sure of it (below 97), as a character making a rare pair. chi_sim reads a glyph as its neighbour's when they share a part
 * (在船舶、设施 read 在船船, the second at 95), and 船船 is a common pair of the laws (渔船船员), so the pairs cannot tell; the doubt
 * can. The laws double an ideograph at word boundaries (委员会会议, 法规规定: 0.12 % of the corpus's ideographs stand in such a
 * pair), so only a doubted one is weighed: on the development sets no right character more is highlighted.
 */
export function repeatsNeighbour(text: string, o: number): boolean {
  const c = text[o];
  return isHan(c) && (text[o - 1] === c || text[o + 1] === c);
}

/**
 * Whether the ideograph at `o` makes a pair the laws never write (pairWeight 0) with a neighbour that tesseract doubted
 * (`doubted`: below the suspect line) while that neighbour reads well on its other side — a common pair, or a clause mark
 * before or after it (苗圃、花围、草围等 for 草圃: 草 at 91 after 、, 草围 never written): then the never-written pair is this
 * character's doing, not the doubted one's. traceUnits weighs it below 99 only, and it only widens a highlight by one
 * character. The partner of a doubted character is most often right: at any confidence the rule highlights 625 right
 * characters of the development sets, below 99 ten (README-importers, *Session 32 (suspects)*).
 */
export function besideDoubtedMisfit(text: string, o: number, doubted: (o: number) => boolean): boolean {
  const c = text[o];
  if (!isHan(c)) return false;
  for (const d of [-1, 1] as const) {
    const n = o + d;
    const m = text[n];
    if (!isHan(m) || !doubted(n) || (d < 0 ? pairWeight(m, c) : pairWeight(c, m)) !== 0) continue;
    const far = text[n + d];
    if (isHan(far) ? (d < 0 ? pairWeight(far, m) : pairWeight(m, far)) === 2 : far !== undefined && CLAUSE.test(far)) return true;
  }
  return false;
}
