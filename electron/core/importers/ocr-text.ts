// OCR output → plain law text. Tesseract's lines are post-corrected character by character (so
// each character keeps its confidence), placed on the page in points and handed to the same layout
// step as PDF text (text-layout.ts). The corrected characters, in reading order, with their
// confidences, are kept as the "symbol stream" from which each article's suspects (offsets of
// low-confidence characters in its text) are found once the parser has cut the text into articles.

import type { OcrLine, OcrPage, OcrSymbol } from './ocr-engine';
import type { OcrRegion } from '../../shared/law-model';
import { commonPair, isHan, judgeHan, leavesCommonPhrase, lookAlikeFits, pairWeight } from './ocr-vocabulary';
import { besideDoubtedMisfit, quantityNumeral, quantityNumeralLine, repeatsNeighbour, markImplausible, articleTextSuspects, documentLookAlikes, framedElsewhere, outsideClosedFrames, likelierTriples, MARK_CONFIDENCE, ordinalRepairs, pairsDoubtedMostly, framedOtherwiseInDocument } from './ocr-plausibility';
import { halfWidthBrackets } from './ocr-bracket-width';
import { AFTER_NUMBER } from './cjk-bigrams';
import { repairPercentPieces } from './ocr-percent';
import { alignToStream, correctParagraphMarks, streamEditor, type StreamText } from './ocr-marks';
import { correctDocumentLookAlikes } from './ocr-document-words';
import { blankBetweenIdeographs, doubtedHalfMarkLines, halfWidthCommas, halfWidthLineEndMarks, lineGeometry, looksHalfWidthComma } from './ocr-geometry';
import { choicesSayHalfWidthComma, choicesWeighComma } from './ocr-mark-choices';
import { inkSaysHalfWidth } from './ocr-mark-ink';
import { buildLines, layoutPages, type PositionedText, type TextLine } from './text-layout';

const isCjk = (c: string | undefined) => c !== undefined && /[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(c);

/** Half-width punctuation that Chinese text writes full-width, when it touches a CJK character. */
const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' };
/** The marks a document typed with half-width marks keeps so (halfWidthCommas). */
const HALF_CLAUSE_MARK = /^[,;:]$/;
/** Glyphs tesseract reads for others: （一） comes back as 〈一), 「 as [ … */
const CONFUSIONS: Record<string, string> = { '〈': '（', '〉': '）', '＜': '（', '＞': '）' };
/** Characters whose width (full/half) a scan cannot show reliably: always suspects. */
export const AMBIGUOUS = new Set(['(', ')', '（', '）', '“', '”', '"', '‘', '’', "'", '·', '.', '．', '-', '—']);
/** Below this confidence a character is a suspect. */
export const SUSPECT_CONFIDENCE = 92;
/** The marks that end a clause or a sentence, or part items of a list. */
const CLAUSE_MARK = /^[，；：、。]$/;

/**
 * The height of a line from its characters' boxes, leaving out marks read with low confidence
 * that are not ideographs (a seal's or a stain's dot, dash or letter would stretch the box).
 */
/** The middle value (the upper of two), 0 for none. */
const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? 0;

function inkHeight(s: readonly OcrSymbol[]): number | undefined {
  const kept = s.filter((x) => x.y0 !== undefined && x.y1 !== undefined && (/[\u3400-\u9fff]/.test(x.ch) || x.conf >= SUSPECT_CONFIDENCE));
  if (kept.length === 0) return undefined;
  // From three ideographs on, the line's ink is where most of them stand (the median top to the median bottom):
  // a seal over the line stretches one or two boxes (renli: a line 82 high on a page of 40), not most.
  const han = kept.filter((x) => /[\u3400-\u9fff]/.test(x.ch));
  if (han.length >= 3) return median(han.map((x) => x.y1!)) - median(han.map((x) => x.y0!));
  return Math.max(...kept.map((x) => x.y1!)) - Math.min(...kept.map((x) => x.y0!));
}

/**
 * Post-correct one OCR line in place of its symbols. `halfBrackets`: the document prints its
 * brackets half-width (ocr-bracket-width.ts), so those around Chinese stay ( ). `halfClauseMarks`: it
 * prints its , ; : half-width (ocr-geometry.ts halfWidthCommas), so those stay as read.
 */
export function correctLine(symbols: OcrSymbol[], { halfBrackets = false, halfClauseMarks = false }: { halfBrackets?: boolean; halfClauseMarks?: boolean } = {}): OcrSymbol[] {
  const s = symbols.map((x) => ({ ...x }));
  const prevNonSpace = (i: number) => {
    for (let k = i - 1; k >= 0; k--) if (s[k]!.ch !== ' ') return s[k]!.ch;
    return undefined;
  };
  const nextNonSpace = (i: number) => {
    for (let k = i + 1; k < s.length; k++) if (s[k]!.ch !== ' ') return s[k]!.ch;
    return undefined;
  };
  // Through quote marks and brackets: 情节“: closes a Chinese quotation, so its colon is Chinese too.
  const besideMarks = (i: number, step: 1 | -1) => {
    for (let k = i + step; k >= 0 && k < s.length; k += step) if (!/[\s“”"‘’'()（）]/.test(s[k]!.ch)) return s[k]!.ch;
    return undefined;
  };
  dropSealDots(s);
  dropSpecksAfterStop(s);
  dropColonBesideMark(s);
  slashesBesideMarks(s);
  // A comma whose glyph box looks half-width (ocr-geometry.ts) is a suspect: it is made full-width as
  // before (1 of ≈ 760 full-width commas looks so too), and a person sees where the page may print `,`.
  // In a document that prints them so (halfClauseMarks) they are what the page has: no suspect. So is a
  // comma before an ideograph whose runners-up are Latin marks only (ocr-mark-choices.ts: `）,是指`, `》,结合`,
  // where the boxes have no ideograph before it to measure from), and one whose ink on the page advances less than half
  // a cell (ocr-mark-ink.ts, measured in the OCR thread: its LSTM box cannot show it).
  const geometry = lineGeometry(s);
  const halfMarks = new Set(halfClauseMarks ? [] : s.filter((x, i) => looksHalfWidthComma(s, i, geometry) || choicesSayHalfWidthComma(s, i) || inkSaysHalfWidth(x)));
  // A semicolon tesseract weighed against a comma is a suspect in any document (ocr-mark-choices.ts).
  s.forEach((x, i) => choicesWeighComma(s, i) && halfMarks.add(x));
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!.ch;
    if (CONFUSIONS[c]) s[i]!.ch = CONFUSIONS[c]!;
    else if (FULL_WIDTH[c] && !(halfClauseMarks && HALF_CLAUSE_MARK.test(c)) && (isCjk(prevNonSpace(i)) || isCjk(nextNonSpace(i)) || isCjk(besideMarks(i, -1)) || isCjk(besideMarks(i, 1)))) {
      s[i]!.ch = FULL_WIDTH[c]!;
    }
    else if (c === '_' && isCjk(prevNonSpace(i)) && isCjk(nextNonSpace(i))) s[i]!.ch = ' ';
  }
  // A full-width space (after 第X条, inside 目　录, 总　则) is read as an opening quote that is
  // never closed on the line: drop it.
  for (let i = s.length - 1; i >= 0; i--) {
    if (s[i]!.ch !== '“') continue;
    const before = s.slice(0, i).map((x) => x.ch).join('');
    const afterSpace = i === 0 || s[i - 1]!.ch === ' ' || /^第[零〇一二三四五六七八九十百千]+[条章节]$/.test(before.trim());
    // chi_sim reads a closing ” as “ too: the mark pairs with one later on the line when an odd
    // number of quote marks follow it (、 “空军“ keeps its “; 第六条“……冠以“预备役“ loses the first).
    const closed = s.slice(i + 1).filter((x) => x.ch === '”' || x.ch === '“').length % 2 === 1;
    if (afterSpace && !closed) {
      // It stood for a space: keep one, so 第六条“律师 becomes 第六条 律师.
      if (i > 0 && s[i - 1]!.ch !== ' ') s.splice(i, 1, { ch: ' ', conf: 100 });
      else s.splice(i, 1);
    }
  }
  // Brackets: a pair holding or touching Chinese is full-width — （一）, 县（市、区） — as official
  // texts print it. Tesseract reads （ as ( or 〈 and its boxes do not show a bracket's width
  // reliably (measured: a half-width pair in a Chromium-printed law spans as much as a full-width
  // one), so they stay suspects either way (AMBIGUOUS).
  closeDefinedTerm(s);
  const stack: number[] = [];
  const unmatched: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!.ch;
    if (ch === '(' || ch === '（') stack.push(i);
    else if (ch === ')' || ch === '）') {
      const o = stack.pop();
      if (o === undefined) {
        unmatched.push(i);
        continue;
      }
      const inner = s.slice(o + 1, i).map((x) => x.ch).join('');
      // (an enumerator before Chinese, （1） 评估结果…, too: the corpus's texts that print （一） write it
      // （1）, 8 of 8 — none (1))
      const full = !halfBrackets && (s[o]!.ch === '（' || isCjk(prevNonSpace(o)) || /[\u3400-\u9fff]/.test(inner) || (/^[0-9A-Za-z]{0,2}$/.test(inner) && isCjk(nextNonSpace(i))));
      s[o]!.ch = full ? '（' : '(';
      s[i]!.ch = full ? '）' : ')';
    }
  }
  // A bracket whose partner is on another line or was lost (`(以下简称…` with its ） read as a gap)
  // is as wide as the document's pairs: beside Chinese, full-width unless the document prints ( ).
  for (const i of [...stack, ...unmatched]) {
    if (halfBrackets || !(isCjk(prevNonSpace(i)) || isCjk(nextNonSpace(i)))) continue;
    s[i]!.ch = /[(（]/.test(s[i]!.ch) ? '（' : '）';
  }
  // What the vocabulary says of each ideograph between its neighbours (ocr-vocabulary.ts): a
  // look-alike that fits both replaces a misread one; a character that fits neither is a suspect.
  for (let i = 0; i < s.length; i++) {
    const v = judgeHan(prevNonSpace(i), s[i]!.ch, nextNonSpace(i));
    if (v.replace) s[i]!.ch = v.replace;
    if (v.odd) s[i]!.conf = Math.min(s[i]!.conf, SUSPECT_CONFIDENCE - 1);
    // Not quite sure, and a look-alike reads as well: only the page can tell (网结 / 网络).
    else if (s[i]!.conf < MARK_CONFIDENCE && lookAlikeFits(prevNonSpace(i), s[i]!.ch, nextNonSpace(i))) s[i]!.conf = SUSPECT_CONFIDENCE - 1;
  }
  // A speck or a seal's edge read as one mark, apart, after a sentence's end at the line's end
  // (监督。 2, 援助。 t, 成本费。 .): no law text goes on after 。 with a lone letter, digit or dot.
  let last = s.length - 1;
  while (last >= 0 && s[last]!.ch === ' ') last--;
  if (last >= 2 && /^[A-Za-z0-9.\-·'`,_~]$/.test(s[last]!.ch) && s[last - 1]!.ch === ' ' && /[。；：！？]/.test(s[last - 2]!.ch)) s.splice(last - 1);
  // The same with up to three marks standing apart, one of them a symbol no law text writes alone
  // (审议。 |, 模式。 - 会: a seal's ring and a character of its own text): dropped, and the sentence's
  // end they followed becomes a suspect, so a person looks at what was dropped.
  else {
    let m = last;
    while (m >= 0 && !/[。；！？]/.test(s[m]!.ch)) m--;
    const tail = s.slice(m + 1, last + 1);
    const solid = tail.filter((x) => x.ch !== ' ');
    const apart = tail.every((x, k) => x.ch === ' ' || ((tail[k - 1]?.ch ?? ' ') === ' ' && (tail[k + 1]?.ch ?? ' ') === ' '));
    if (m >= 1 && tail[0]?.ch === ' ' && solid.length >= 1 && solid.length <= 3 && apart && solid.some((x) => /^[|/\\\-_~`^·]$/.test(x.ch))) {
      s.splice(m + 1);
      s[m]!.conf = Math.min(s[m]!.conf, SUSPECT_CONFIDENCE - 1);
    }
  }
  // A stray mark of a seal or of dirt: a Latin letter alone between Chinese characters or at a
  // line's end next to them (a lone digit is common: 9月1日, 第2条), a stop after 。.
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!.ch;
    const lone = /^[A-Za-z]$/.test(ch) && !/[A-Za-z0-9]/.test(s[i - 1]?.ch ?? '') && !/[A-Za-z0-9]/.test(s[i + 1]?.ch ?? '');
    const stray = lone && (isCjk(prevNonSpace(i)) || prevNonSpace(i) === undefined) && (isCjk(nextNonSpace(i)) || nextNonSpace(i) === undefined);
    if (stray || (/^[.,·'`]$/.test(ch) && /[。；：，]/.test(prevNonSpace(i) ?? ''))) s[i]!.conf = Math.min(s[i]!.conf, SUSPECT_CONFIDENCE - 1);
    if (lone) {
      const mark = clauseMarkForLetter(ch, prevNonSpace(i), nextNonSpace(i));
      if (mark) s[i]!.ch = mark;
    }
  }
  // "一3一", "-3-" page numbers: the dashes are read as 一.
  const text = s.map((x) => x.ch).join('').trim();
  const m = /^[一—\-－]\s*([0-9]+)\s*[一—\-－]$/.exec(text);
  if (m) return [...`— ${m[1]} —`].map((ch) => ({ ch, conf: 100 }));
  // A % read as digits (税率为3006。) is put back, a suspect (ocr-percent.ts).
  repairPercentPieces(s, SUSPECT_CONFIDENCE - 1);
  // Readings tesseract is sure of that the text cannot be (ocr-plausibility.ts).
  markImplausible(s, SUSPECT_CONFIDENCE - 1);
  for (const x of s) if (halfMarks.has(x)) x.conf = Math.min(x.conf, SUSPECT_CONFIDENCE - 1);
  // A blank between two ideographs inside a line: a mark tesseract dropped (ocr-geometry.ts).
  for (const i of blankBetweenIdeographs(s)) s[i]!.conf = Math.min(s[i]!.conf, SUSPECT_CONFIDENCE - 1);
  return s;
}

/**
 * The clause mark a lone Latin letter read after an ideograph stands for, or undefined. chi_sim reads a
 * small 、，。 it could not place as a letter of its shape (`使用s储存`, `审计y` at a line's end): over the
 * 22 scored sets 16 such letters, every one a misread mark (s S v for 、 9 of 10; y ， 2 of 3 within a line;
 * at a line's end 。 4 of 4). The corpus's 15 M characters write none of s S v y a o alone beside an
 * ideograph (its lone letters between ideographs — X射线, A类, 第V部, 处l万 — are other letters, left
 * alone), so correct text cannot change. Only after an ideograph, and before one or at the line's end;
 * never after 第 (an ordinal: 第V部, 第X条).
 */
function clauseMarkForLetter(ch: string, prev: string | undefined, next: string | undefined): string | undefined {
  if (!/^[sSvyao]$/.test(ch) || !isHan(prev) || prev === '第' || !(next === undefined || isHan(next))) return undefined;
  if (next === undefined || ch === 'o') return '。';
  return /^[sSv]$/.test(ch) ? '、' : '，';
}

/**
 * A colon next to another clause mark (`财产:;`, `资料; :`): the laws never write ：；, ；：, 。： or
 * ，： (0 times in the corpus's 13.7 M characters), and chi_sim reads a speck or the dot of a seal's
 * ring beside a mark as a colon. The colon goes, and the mark it touched becomes a suspect.
 */
function dropColonBesideMark(s: OcrSymbol[]): void {
  const near = (i: number, step: 1 | -1) => {
    for (let k = i + step; k >= 0 && k < s.length; k += step) if (s[k]!.ch !== ' ') return k;
    return -1;
  };
  for (let i = s.length - 1; i >= 0; i--) {
    if (i >= s.length || (s[i]!.ch !== ':' && s[i]!.ch !== '：')) continue;
    const before = near(i, -1);
    const after = near(i, 1);
    const mark = [before, after].find((k) => k >= 0 && /^[;；。，,]$/.test(s[k]!.ch) && (s[k]!.ch !== ',' || isCjk(s[near(k, -1)]?.ch)));
    if (mark === undefined) continue;
    // Chinese text only: the mark's other side, or the colon's, is Chinese.
    const other = mark === before ? near(before, -1) : near(after, 1);
    const colonSide = mark === before ? after : before;
    if (!isCjk(s[other]?.ch) && !isCjk(s[colonSide]?.ch)) continue;
    s[mark]!.conf = Math.min(s[mark]!.conf, SUSPECT_CONFIDENCE - 1);
    s.splice(i, 1);
    if (s[i - 1]?.ch === ' ' && (i >= s.length || s[i]?.ch === ' ')) s.splice(i - 1, 1);
  }
}

/** An item of a list (（三）…, (五)…): it closes with ；, where a paragraph closes with 。. */
const ITEM_LINE = /^\s*[(（〈][一二三四五六七八九十]+\s*[)）〉]/;

/**
 * A seal's ring read at a line's end (报告八, 支持 夕 心, 开放。 代 表大会 /, 行为s- 二): ideographs whose
 * boxes are a few pixels across — no ideograph's ink is under a quarter of its line's height both ways,
 * only a dot's is — with the lone letters, digits and specks read beside them. Over the 23 scored sets
 * 10 lines end so, every one on a sealed page and none in the text: where the line had closed its
 * sentence (。；：，、) the run is dropped; after an ideograph it stood on the dot of the mark the seal
 * covered — ； on an item's line ((三)…机制乙, of the 10 such lines 6 stood for 。, 2 for ；, both items, 2 followed 。 or ：) else 。 — put back as a
 * suspect, as is the mark a dropped run followed, so a person looks at the seal.
 */
function dropSealDots(s: OcrSymbol[]): void {
  const heights = s.filter((x) => isHan(x.ch) && x.y0 !== undefined && x.y1 !== undefined).map((x) => x.y1! - x.y0!);
  if (heights.length < 3) return;
  const h = median(heights);
  const dot = (x: OcrSymbol) => x.x0 !== undefined && x.x1 !== undefined && x.y0 !== undefined && x.y1 !== undefined && x.x1 - x.x0 <= h / 4 && x.y1 - x.y0 <= h / 4;
  const mark = /^[。，；：、,;:！？!?]$/;
  let k = s.length - 1;
  let han = false;
  // (a half-width , . : ; that small is a speck of the ring; a mark the law prints is larger)
  while (k >= 0 && (s[k]!.ch === ' ' || (dot(s[k]!) && (!mark.test(s[k]!.ch) || /^[,.:;]$/.test(s[k]!.ch))))) {
    han ||= isHan(s[k]!.ch);
    k--;
  }
  if (!han) return;
  // What the seal's ring left beside the dots: symbols that are no ideograph nor mark (s-, 3 7), and an
  // ideograph standing apart (。 代 表大会: the ring's text is spaced along it, the law's is not).
  while (k >= 0 && (s[k]!.ch === ' ' || (!isHan(s[k]!.ch) && !mark.test(s[k]!.ch) && !/[)）”》]/.test(s[k]!.ch)) || (isHan(s[k]!.ch) && s[k + 1]?.ch === ' ' && !isHan(s[k - 1]?.ch)))) k--;
  if (k < 0) return;
  const closed = mark.test(s[k]!.ch);
  s.splice(k + 1);
  if (closed || !isHan(s[k]!.ch)) {
    s[k]!.conf = Math.min(s[k]!.conf, SUSPECT_CONFIDENCE - 1);
    return;
  }
  s.push({ ch: ITEM_LINE.test(s.map((x) => x.ch).join('')) ? '；' : '。', conf: SUSPECT_CONFIDENCE - 1 });
}

/**
 * Specks read at a line's end after its sentence closed and a gap (`。 致`, `。 : 仪`, `。 ,`, `。 《 N`): a
 * flat box under a third of the line's ideograph height (a stain's or a rule's edge read as 致, 仪, 会; a
 * dot is that small both ways), or a symbol no law sets apart there (a letter, digit, 《, *): no law goes
 * on after 。 at a line's end with a gap and such a mark — its next sentence starts with an ideograph of
 * the line's size. Up to three, each standing apart, are dropped; the closing mark becomes a suspect, so a person
 * sees what was cut — but after one letter, digit or dot alone, as before (监督。 2).
 * The line's boxes judge an ideograph (it is kept without them); 一 is flat by nature and kept.
 */
function dropSpecksAfterStop(s: OcrSymbol[]): void {
  let k = s.length - 1;
  while (k >= 0 && s[k]!.ch === ' ') k--;
  let m = k;
  while (m >= 0 && !/^[。；！？]$/.test(s[m]!.ch)) m--;
  if (m < 0 || m === k || s[m + 1]!.ch !== ' ') return;
  const tail = s.slice(m + 1, k + 1);
  const solid = tail.filter((x) => x.ch !== ' ');
  const apart = tail.every((x, i) => x.ch === ' ' || ((tail[i - 1]?.ch ?? ' ') === ' ' && (tail[i + 1]?.ch ?? ' ') === ' '));
  if (solid.length > 3 || !apart) return;
  // (the line's size from the ideographs before the mark: a paragraph's last line may hold one, 型。)
  const heights = s.slice(0, m).filter((x) => isHan(x.ch) && x.y0 !== undefined && x.y1 !== undefined).map((x) => x.y1! - x.y0!);
  const h = heights.length >= 1 ? median(heights) : undefined;
  const flat = (x: OcrSymbol) => h !== undefined && x.y0 !== undefined && x.y1 !== undefined && x.y1 - x.y0 <= h / 3 && (x.ch !== '一' || (x.x0 !== undefined && x.x1 !== undefined && x.x1 - x.x0 <= h / 3));
  const speck = (x: OcrSymbol) => flat(x) || (!isHan(x.ch) && !/^[)）》”’\]】]$/.test(x.ch));
  if (!solid.every(speck)) return;
  s.splice(m + 1);
  // (one letter, digit or dot alone is a speck as before — 监督。 2 — and leaves the mark as read)
  if (solid.length > 1 || !/^[A-Za-z0-9.\-·'`,_~]$/.test(solid[0]!.ch)) s[m]!.conf = Math.min(s[m]!.conf, SUSPECT_CONFIDENCE - 1);
}

/**
 * A slash or backslash chi_sim reads for a mark's stroke or a speck beside it. The laws never write \ (0 in the
 * corpus's 2,590 laws): between ideographs it is the slanted stroke of 、 (将水资源节约\ 保护; 5 of 5 on the 23 sets). Nor a / after a
 * clause mark (，/ 、/ ；/ — 0; ）/ once, before a figure: （公里）/1000): there it is dropped, and the mark
 * before becomes a suspect (over the 23 sets 15 such slashes, all specks; 2 of their marks were a 、 read ， or ：).
 */
function slashesBesideMarks(s: OcrSymbol[]): void {
  const near = (i: number, step: 1 | -1) => {
    for (let k = i + step; k >= 0 && k < s.length; k += step) if (s[k]!.ch !== ' ') return k;
    return -1;
  };
  for (let i = s.length - 1; i >= 0; i--) {
    const ch = s[i]!.ch;
    if (ch !== '/' && ch !== '\\') continue;
    const b = near(i, -1);
    const a = near(i, 1);
    const next = a >= 0 ? s[a]!.ch : undefined;
    if (ch === '\\' && b >= 0 && isHan(s[b]!.ch) && isHan(next)) {
      s[i] = { ...s[i]!, ch: '、', conf: Math.min(s[i]!.conf, SUSPECT_CONFIDENCE - 1) };
      if (s[i + 1]?.ch === ' ') s.splice(i + 1, 1);
    } else if (b >= 0 && (/^[，、；。：,;:]$/.test(s[b]!.ch) || (/^[)）]$/.test(s[b]!.ch) && (isHan(next) || next === '“'))) && (next === undefined || isHan(next) || next === '“')) {
      s[b]!.conf = Math.min(s[b]!.conf, SUSPECT_CONFIDENCE - 1);
      s.splice(b + 1, i - b);
    }
  }
}

/** `（以下简称《…》` or `（以下称“…”`: a defined term, whose bracket closes right after its name. */
const DEFINED_TERM = /[(（]以下[简统]?称为?$/;

/**
 * A defined term's closing bracket that the reading lost (`(以下简称《招标投标法》 和其他`: the ）
 * after 》 came back as a gap): the laws close the bracket right after the term's 《…》 or “…”
 * (93 of 94 times in the corpus), so a ） is put there — a suspect, for a person to confirm.
 */
function closeDefinedTerm(s: OcrSymbol[]): void {
  let before = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i]!.ch === ' ') continue;
    before += s[i]!.ch;
    if (!DEFINED_TERM.test(before)) continue;
    let k = i + 1;
    while (k < s.length && s[k]!.ch === ' ') k++;
    const open = s[k]?.ch;
    if (open !== '《' && !/^[“”"]$/.test(open ?? '')) continue;
    let end = k + 1;
    while (end < s.length && end - k <= 30 && !(open === '《' ? s[end]!.ch === '》' : /^[“”"]$/.test(s[end]!.ch))) end++;
    if (end >= s.length || end - k > 30) continue;
    let next = end + 1;
    while (next < s.length && s[next]!.ch === ' ') next++;
    if (next >= s.length || /^[)）]$/.test(s[next]!.ch)) continue;
    const mark: OcrSymbol = { ch: '）', conf: SUSPECT_CONFIDENCE - 1 };
    // Put in the gap it left, or beside the term's closing mark.
    if (s[end + 1]?.ch === ' ') s.splice(end + 1, 1, mark);
    else s.splice(end + 1, 0, mark);
  }
}

export interface OcrLayout {
  text: string;
  warnings: string[];
  /** Corrected characters of every page in reading order, without spaces. */
  stream: string;
  confidence: number[];
  /** For each stream character, the index of its line in `lines` (−1: the file's own text, not OCR). */
  charLine: number[];
  /** Where each recognised line is on its page. */
  lines: OcrRegion[];
}

export type { OcrRegion };

/** A page for the layout step: recognised by OCR, or read from the file's own text (an OFD or PDF page that has it). */
export type LayoutPage = { ocr: OcrPage } | { lines: TextLine[] };

/** Pixels → points for the layout step; a photo without a stated resolution is taken as 200 dpi. */
/**
 * A line's two ends as the page shows them, for lostLines: whether it runs to the page's right margin
 * (its paragraph goes on) and whether it starts indented (a paragraph's first line); the stream indexes
 * of its first and last characters, and whether its last closes a sentence.
 */
export interface LineEnds {
  full: boolean;
  indented: boolean;
  first: number;
  last: number;
  closed: boolean;
  /**
   * A line of the usual size, set in full-width characters only (no digit, Latin letter or half-width
   * mark: those take less than a cell), whose right end stands half a cell or more before the margin.
   */
  short?: boolean;
  /** The line's characters, spaces left out (for short: what its last and the next line's first are). */
  text?: string;
}

/** What ends a sentence, or a line that may end a paragraph (as articleTextSuspects reads a paragraph's end). */
const CLOSES_SENTENCE = /[。；：！？”’）)》…—\]】]/;

/**
 * Stream indexes of the characters around a line lost in the reading: a line that runs to the right
 * margin without closing its sentence says its paragraph goes on, and an indented line after it says a
 * new one starts — so what stood between was not read (合伙人一致同 | 合伙人之间…, 一致同意。 lost at a page's foot;
 * 少数民 | 。散居…, 族 lost with its line's ink). Both sides are suspects: the last character before and
 * the first after.
 */
export function lostLines(ends: readonly LineEnds[]): number[] {
  const out: number[] = [];
  for (let i = 0; i + 1 < ends.length; i++) {
    const a = ends[i]!;
    const b = ends[i + 1]!;
    if (a.full && !a.closed && b.indented) out.push(a.last, b.first);
    else if (lostSentenceEnd(a, b) || lostLineEndMark(a, b)) out.push(a.last, b.first);
  }
  return out;
}

/** A 第X条/章/节/编 label opening a line: a new article or heading, whose paragraph before may end without a mark. */
const LABEL_START = /^第[一二三四五六七八九十百千零〇]+[条章节编]/;
const HEADING_LINE = /^第[一二三四五六七八九十百千零〇]+[章节编]/;

/**
 * A paragraph's closing mark lost (…等部门规定。| 任何单位… read 规定 | 任何单位, and the layout joined the two
 * paragraphs: 规定任何单位): a line short of the margin — a paragraph's last — that does not close its sentence,
 * followed by an indented line, a new paragraph's first. Not a heading (第X章 …, which closes nothing) nor a
 * line before a bracketed date (a title and its 题注).
 */
function lostSentenceEnd(a: LineEnds, b: LineEnds): boolean {
  return !a.full && !a.closed && b.indented && a.text !== undefined && !HEADING_LINE.test(a.text) && !/^[（(][0-9０-９]/.test(b.text ?? '');
}

/**
 * A mark lost at a line's end (建设，| 推进 read 建设|推进): a line set in full-width characters that stops
 * half a cell or more before the margin, ends in an ideograph and is followed by a continuation line (not
 * indented) opening with an ideograph, where the two ideographs make a pair the laws write rarely or never
 * (pairWeight ≤ 1). An ideograph fills its cell, so a line of them ends at the margin; what stood in the
 * blank was a mark, whose ink (，、；) sits at its cell's left, or a character, that tesseract did not read.
 * A line pushed short by the line breaking (a title 《…法》 kept whole, a mark that may not open a line
 * taking the character before it along) breaks inside a word: the pair across is written often.
 */
function lostLineEndMark(a: LineEnds, b: LineEnds): boolean {
  if (!a.short || a.closed || b.indented || a.text === undefined || b.text === undefined) return false;
  const last = a.text.at(-1);
  const first = b.text[0];
  return isHan(last) && isHan(first) && !LABEL_START.test(b.text) && pairWeight(last, first) <= 1;
}

/**
 * `halfMarks`: symbols of the page that look printed half-width where the laws print full-width
 * (halfWidthLineEndMarks): they are made full-width as the rest, and highlighted. `halfClauseMarks`: the
 * document prints its , ; : half-width throughout (halfWidthCommas): they stay so.
 */
export function ocrPageLines(page: OcrPage, pageNo: number, halfBrackets = false, halfMarks: ReadonlySet<OcrSymbol> = new Set(), halfClauseMarks = false, doubtedMarkLines: ReadonlySet<OcrLine> = new Set()): { lines: TextLine[]; stream: string; confidence: number[]; read: number[]; charLine: number[]; regions: OcrRegion[]; ends: LineEnds[] } {
  const k = 72 / (page.dpi || 200);
  const items: PositionedText[] = [];
  let stream = '';
  const confidence: number[] = [];
  const read: number[] = [];
  const charLine: number[] = [];
  const regions: OcrRegion[] = [];
  const frac = (y: number) => Math.round(Math.min(1, Math.max(0, y / (page.height || 1))) * 10_000) / 10_000;
  const corrected = page.lines
    // (each symbol keeps tesseract's confidence as `read`, whatever the post-correction lowers)
    .map((l) => ({ l, symbols: correctLine(l.symbols.map((x) => ({ ...x, read: x.conf, conf: halfMarks.has(x) || (doubtedMarkLines.has(l) && HALF_CLAUSE_MARK.test(x.ch)) ? Math.min(x.conf, SUSPECT_CONFIDENCE - 1) : x.conf })), { halfBrackets, halfClauseMarks }) }))
    .sort((a, b) => a.l.baseline - b.l.baseline || a.l.x0 - b.l.x0);
  // A line that looks a different size starts a new paragraph in the layout step, and a line's box
  // varies a little with its characters (一 is flat, a stray mark adds height): heights within a
  // quarter of the page's usual one count as that size, so only real headings and titles differ.
  // Whether a line is of the usual size is judged from its ink (stray marks left out); the size
  // given to the layout is tesseract's line box, which its thresholds are tuned to.
  const boxes = corrected.map(({ l }) => l.y1 - l.y0);
  const inks = corrected.map(({ l, symbols }) => inkHeight(symbols) ?? l.y1 - l.y0);
  const usualBox = median(boxes);
  const usualInk = median(inks);
  // The page's margins: where most lines end (the 80th percentile of their right ends, as ocr-bracket-width
  // measures a line's width) and where most start (the 20th of their left ends); a character cell ≈ the usual line box.
  const solid = corrected.filter(({ symbols }) => symbols.some((x) => x.ch !== ' '));
  const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))] ?? 0;
  const right = pct(solid.map(({ l }) => l.x1), 0.8);
  const left = pct(solid.map(({ l }) => l.x0), 0.2);
  const ends: LineEnds[] = [];
  for (const [i, { symbols, l }] of corrected.entries()) {
    const str = symbols.map((x) => x.ch).join('');
    if (str.trim() === '') continue;
    // One or two ideographs cannot show a line's size (工, 一, 二 are flat): such a line (a paragraph's last, 工。) is
    // judged by its box, else it looked smaller and started a paragraph of its own.
    const fewIdeographs = symbols.filter((x) => /[\u3400-\u9fff]/.test(x.ch)).length < 3;
    const usual = fewIdeographs ? Math.abs(boxes[i]! - usualBox) <= 0.25 * usualBox : Math.abs(inks[i]! - usualInk) <= 0.25 * usualInk;
    const lastCh = str.trimEnd().at(-1) ?? '';
    ends.push({
      full: usual && solid.length >= 5 && l.x1 >= right - 0.5 * usualBox,
      indented: usual && solid.length >= 5 && l.x0 >= left + 1.2 * usualBox && l.x0 <= left + 3 * usualBox,
      first: confidence.length,
      last: confidence.length + str.replace(/ /g, '').length - 1,
      closed: CLOSES_SENTENCE.test(lastCh) || !isCjk(lastCh),
      short: usual && solid.length >= 5 && l.x1 <= right - 0.5 * usualBox && !/[\x21-\x7e]/.test(str),
      text: str.replace(/ /g, ''),
    });
    const h = usual ? usualBox : boxes[i]!;
    const size = Math.max(1, h * k);
    items.push({ str, x: l.x0 * k, y: (page.height - l.baseline) * k, w: (l.x1 - l.x0) * k, size });
    regions.push({ page: pageNo, top: frac(l.y0), bottom: frac(l.y1) });
    for (const x of symbols) {
      if (x.ch === ' ') continue;
      stream += x.ch;
      confidence.push(AMBIGUOUS.has(x.ch) ? Math.min(x.conf, SUSPECT_CONFIDENCE - 1) : x.conf);
      read.push(x.read ?? x.conf);
      charLine.push(regions.length - 1);
    }
  }
  return { lines: buildLines(items, pageNo), stream, confidence, read, charLine, regions, ends };
}

/**
 * Lay out a document whose pages are OCR'd or (mixed in, e.g. an OFD with a few scanned pages)
 * read from the file's own text: the file's own characters enter the symbol stream as certain.
 */
export function layoutMixedPages(pages: LayoutPage[]): OcrLayout | undefined {
  const textLines: TextLine[][] = [];
  let stream = '';
  const confidence: number[] = [];
  const read: number[] = [];
  const charLine: number[] = [];
  const lines: OcrRegion[] = [];
  const ocrPages = pages.flatMap((page) => ('ocr' in page ? [page.ocr] : []));
  const halfBrackets = halfWidthBrackets(ocrPages);
  // A document typed with half-width , ; : keeps them, and its low line-end marks are what it prints.
  const halfClauseMarks = halfWidthCommas(ocrPages);
  const halfMarks = halfClauseMarks ? new Set<OcrSymbol>() : halfWidthLineEndMarks(ocrPages);
  // … but where a paragraph's commas do not look so, its marks may be full-width ones: highlighted.
  const doubtedMarkLines = halfClauseMarks ? doubtedHalfMarkLines(ocrPages) : new Set<OcrLine>();
  // Line ends over the document (a page's last line and the next page's first are neighbours); a page
  // read from the file's own text breaks the run.
  let ends: LineEnds[] = [];
  const lost = (): void => {
    for (const j of lostLines(ends)) confidence[j] = Math.min(confidence[j] ?? 0, SUSPECT_CONFIDENCE - 1);
    ends = [];
  };
  pages.forEach((page, p) => {
    if ('ocr' in page) {
      const r = ocrPageLines(page.ocr, p + 1, halfBrackets, halfMarks, halfClauseMarks, doubtedMarkLines);
      ends.push(...r.ends.map((e) => ({ ...e, first: e.first + confidence.length, last: e.last + confidence.length })));
      textLines.push(r.lines);
      stream += r.stream;
      confidence.push(...r.confidence);
      read.push(...r.read);
      charLine.push(...r.charLine.map((i) => i + lines.length));
      lines.push(...r.regions);
    } else {
      lost();
      textLines.push(page.lines);
      for (const l of page.lines) {
        for (const ch of l.text) {
          if (/\s/.test(ch)) continue;
          stream += ch;
          confidence.push(100);
          read.push(100);
          charLine.push(-1);
        }
      }
    }
  });
  lost();
  const laid = layoutPages(textLines);
  if (!laid) return undefined;
  const fromOcr = (j: number) => (charLine[j] ?? -1) >= 0;
  const corrected = correctOrdinals(correctDocumentLookAlikes(correctParagraphMarks({ text: laid.text, stream, confidence, read }, SUSPECT_CONFIDENCE, fromOcr, halfBrackets), SUSPECT_CONFIDENCE, fromOcr), SUSPECT_CONFIDENCE, fromOcr);
  const { marked, charLine: markedLines } = repairParagraphEnds(corrected, charLine, SUSPECT_CONFIDENCE, fromOcr);
  return { ...laid, text: marked.text, stream: marked.stream, confidence: marked.confidence, charLine: markedLines, lines };
}

const ARTICLE_START = /^第[一二三四五六七八九十百千零〇]+条/;
const ITEM_START = /^[（(][一二三四五六七八九十]+[)）]/;
/**
 * What chi_sim reads for a paragraph's last mark under a stain or a seal's edge, glued to the words before it: one to
 * three Latin letters, digits or stray marks, with at least one letter or digit (`备案21之`, `问题5 1云`, `全面4`), and at
 * most one ideograph after them that the laws never write after a number (之 云 尹 伟; not 人 年 元 …); digits alone only
 * one (a number may be the text's own, its mark lost too: 房间201). The first is
 * glued to the words; a gap the page shows between the pieces of the smudge may stand inside.
 */
const GLUED_JUNK = /(?<=[\u3400-\u9fff]{2})([A-Za-z0-9.=「“](?: ?[A-Za-z0-9.=「“]){0,2})(?: ?([\u3400-\u9fff]))?$/;

/** A paragraph's lost closing mark put in at `at` (a text offset), in place of the `drop` characters read there. */
export interface ParagraphEndRepair {
  at: number;
  drop: number;
  mark: string;
}

/**
 * Paragraphs of an article whose closing mark was lost in the reading, where the next paragraph opens a new article
 * (第X条) or a list item （二）, and what to put in: 。 before an article, ； between two items, ： before a list's first
 * item. Two ways a mark is lost:
 * - the paragraph ends on an ideograph (a seal's or a stain's doing, or too faint: 与教育相结合 | 第三条, 司机安全驾驶 |
 *   （八）). Only a paragraph that writes sentences — it holds a ，；：。, or it is an item after an item closed by ； — and
 *   ends on two ideographs or more after its last mark (a lone character after a mark is a speck's: 确定功能的；致). On
 *   the corpus's 13.3 M characters (the fixtures' laws left out) 6 places, 3 of them the corpus's own lost 。.
 * - the mark was read as letters or digits glued to the words before it (GLUED_JUNK: 行政部门备案21之 | 排查…,
 *   明确i尹 | （三）); then the paragraph may also be the article's last, before a heading, an ordinary paragraph or the
 *   end (。). Only a paragraph that holds a ，；：。 before them. The laws never end a paragraph so: 0 places in the corpus.
 * README-importers, *Session 32 (corrections)*.
 */
export function paragraphEndRepairs(text: string): ParagraphEndRepair[] {
  const out: ParagraphEndRepair[] = [];
  const paras: { a: number; b: number; t: string }[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && text[i] !== '\n') continue;
    const t = text.slice(start, i).trim();
    if (t) paras.push({ a: start, b: i, t });
    start = i + 1;
  }
  let inArticle = false;
  for (let k = 0; k < paras.length; k++) {
    const { a, b, t: p } = paras[k]!;
    const q = paras[k + 1]?.t;
    if (ARTICLE_START.test(p)) inArticle = true;
    else if (HEADING_LINE.test(p)) inArticle = false;
    if (!inArticle) continue;
    let e = b - 1;
    while (e > a && /\s/.test(text[e]!)) e--;
    const closing = q !== undefined && ITEM_START.test(q) ? (ITEM_START.test(p) ? '；' : '：') : '。';
    const prev = paras[k - 1]?.t ?? '';
    const itemAfterItem = ITEM_START.test(p) && ITEM_START.test(prev) && prev.endsWith('；');
    const junk = GLUED_JUNK.exec(p);
    const [, pieces = '', after] = junk ?? [];
    // (a number of two digits or more standing alone may be the text's own: 房间201)
    const smudge = /[A-Za-z0-9]/.test(pieces) && (after ? !AFTER_NUMBER.includes(after) : !/^\d{2,}$/.test(pieces.replace(/ /g, '')));
    if (junk && smudge && (/[，；：。]/.test(p.slice(0, junk.index)) || itemAfterItem)) {
      out.push({ at: e + 1 - junk[0].length, drop: junk[0].length, mark: closing });
      continue;
    }
    if (q === undefined || !isHan(p.at(-1))) continue;
    if (!/[，；：。]/.test(p) && !itemAfterItem) continue;
    // The words after the paragraph's last mark (or its item label): two ideographs or more at the end.
    const tail = p.replace(ITEM_START, '').split(/[，；：。！？]/).at(-1)!;
    if (!/^[\u3400-\u9fff、（）《》“”]*[\u3400-\u9fff]{2}$/.test(tail)) continue;
    if (ARTICLE_START.test(q) || ITEM_START.test(q)) out.push({ at: e + 1, drop: 0, mark: closing });
  }
  return out;
}

/**
 * The repairs of paragraphEndRepairs made in a laid-out OCR text and its stream together — the only step that changes
 * the text's length, so every array parallel to the stream (confidence, tesseract's `read`, the line of each character)
 * gets the same splice. Each mark is a suspect, on the line of the character before it or of the first it replaces (the
 * 核对 view's band stays that line's); only where OCR read those characters.
 */
function repairParagraphEnds(input: StreamText, charLine: readonly number[], suspect: number, fromOcr: (streamIndex: number) => boolean): { marked: StreamText; charLine: number[] } {
  const found = paragraphEndRepairs(input.text);
  const lines = [...charLine];
  if (found.length === 0) return { marked: input, charLine: lines };
  const text = [...input.text];
  const stream = [...input.stream];
  const confidence = [...input.confidence];
  const read = input.read ? [...input.read] : undefined;
  const at = alignToStream(text, stream);
  // From the end, so the offsets still to come stay where they were.
  for (const { at: o, drop, mark } of [...found].sort((x, y) => y.at - x.at)) {
    // the stream indexes of the characters dropped (one after another: the stream has no spaces), or of the one the
    // mark follows
    const js = drop === 0 ? [at[o - 1] ?? -1] : text.slice(o, o + drop).flatMap((ch, i) => (/\s/.test(ch) ? [] : [at[o + i] ?? -1]));
    if (js.length === 0 || js.some((j, i) => j < 0 || !fromOcr(j) || j !== js[0]! + i)) continue;
    const j = drop === 0 ? js[0]! + 1 : js[0]!;
    const n = drop === 0 ? 0 : js.length;
    const line = lines[js[0]!] ?? -1;
    text.splice(o, drop, mark);
    stream.splice(j, n, mark);
    confidence.splice(j, n, suspect - 1);
    read?.splice(j, n, suspect - 1);
    lines.splice(j, n, line);
  }
  return { marked: { text: text.join(''), stream: stream.join(''), confidence, read }, charLine: lines };
}

/** The repairs of ordinalRepairs (第一十二百 → 第一千二百) made in a laid-out OCR text and its stream together, each a suspect. */
function correctOrdinals(input: StreamText, suspect: number, fromOcr: (streamIndex: number) => boolean): StreamText {
  const found = ordinalRepairs(input.text);
  if (found.size === 0) return input;
  const edit = streamEditor(input, suspect, fromOcr);
  for (const [o, alt] of found) edit.replace(o, alt);
  return edit.done();
}

export function layoutOcrPages(pages: OcrPage[]): OcrLayout | undefined {
  return layoutMixedPages(pages.map((ocr) => ({ ocr })));
}

/**
 * For each unit (label + text, in document order), the offsets in its `text` of characters that
 * are low-confidence OCR output — or that cannot be traced back to OCR output at all — and, when
 * the stream's lines are given, the bands of the scan its characters were read from (one per page).
 * The text was made from the stream by dropping lines (headers, page numbers) and spaces, so a
 * forward match with a bounded look-ahead finds each character's symbol.
 */
export function traceUnits(
  units: readonly { label: string; text: string; kind?: string }[],
  stream: string,
  confidence: readonly number[],
  where?: { charLine: readonly number[]; lines: readonly OcrRegion[] },
  threshold = SUSPECT_CONFIDENCE,
): { suspects: number[][]; regions: OcrRegion[][] } {
  const chars = [...stream];
  let p = 0;
  const LOOK = 400;
  const match = (ch: string): number | undefined => {
    for (let j = p; j < Math.min(chars.length, p + LOOK); j++) if (chars[j] === ch) return j;
    return undefined;
  };
  const suspects: number[][] = [];
  const fromOcrOf: Set<number>[] = [];
  const confAtOf: Map<number, number>[] = [];
  const regions: OcrRegion[][] = [];
  const triples = likelierTriples(units.map((u) => u.text));
  const framed = framedElsewhere(units.map((u) => u.text));
  // A closed frame that never held the character read (outsideClosedFrames): on text alone it holds at word boundaries (国情|采用)
  // for 0.077 % of correct characters, so it needs tesseract's doubt too (below 99, as a never-written pair).
  const closed = outsideClosedFrames(units.map((u) => u.text));
  // The same two characters on each side that the document writes elsewhere around another one, twice as often
  // (framedOtherwiseInDocument): law's own word variants on text alone, so only where tesseract doubted it (below 99).
  const otherwise = framedOtherwiseInDocument(units.map((u) => u.text));
  const inDocument = documentLookAlikes(units.map((u) => u.text)).map((o, i) => [...o, ...triples[i]!, ...framed[i]!]);
  for (const u of units) {
    const byPage = new Map<number, OcrRegion>();
    const seen = (j: number) => {
      const line = where?.lines[where.charLine[j] ?? -1];
      if (!line) return;
      const r = byPage.get(line.page);
      if (!r) byPage.set(line.page, { ...line });
      else {
        r.top = Math.min(r.top, line.top);
        r.bottom = Math.max(r.bottom, line.bottom);
      }
    };
    for (const ch of u.label.replace(/\s/g, '')) {
      const j = match(ch);
      if (j !== undefined) {
        seen(j);
        p = j + 1;
      }
    }
    const out: number[] = [];
    const fromOcr = new Set<number>();
    const confAt = new Map<number, number>();
    let offset = 0;
    for (const ch of u.text) {
      if (!/\s/.test(ch)) {
        const j = match(ch);
        if (j === undefined) out.push(offset);
        else {
          if ((confidence[j] ?? 0) < threshold) out.push(offset);
          else if ((confidence[j] ?? 0) < MARK_CONFIDENCE && (rareNeighbour(u.text, offset) || leavesPhrase(u.text, offset) || repeatsNeighbour(u.text, offset))) out.push(offset);
          // A numeral of an amount, a time limit or a count gets the digits' line, its 十 and 千 a line above (quantityNumeral, ocr-plausibility.ts).
          else if ((confidence[j] ?? 0) < quantityNumeralLine(u.text, offset) && quantityNumeral(u.text, offset)) out.push(offset);
          else if ((confidence[j] ?? 0) < NEVER_PAIR_CONFIDENCE && neverWrittenBeside(u.text, offset, confidence[j] ?? 0)) out.push(offset);
          if (!where || (where.charLine[j] ?? -1) >= 0) fromOcr.add(offset);
          confAt.set(offset, confidence[j] ?? 0);
          seen(j);
          p = j + 1;
        }
      }
      offset += ch.length;
    }
    // An article's paragraph that does not close its sentence lost its 。 (or a line) in the reading.
    if (u.kind === undefined || u.kind === 'article' || u.kind === 'section') {
      for (const o of [...articleTextSuspects(u.text), ...inDocument[suspects.length]!]) if (fromOcr.has(o) && !out.includes(o)) out.push(o);
      for (const o of [...closed[suspects.length]!, ...otherwise[suspects.length]!]) if (fromOcr.has(o) && (confAt.get(o) ?? 100) < NEVER_PAIR_CONFIDENCE && !out.includes(o)) out.push(o);
      out.sort((a, b) => a - b);
    }
    // A clause mark inside a damaged stretch (both neighbours doubtful, not only for their width, as
    // brackets and quotes always are) is as doubtful as they are: 经菅十位；「提褪 for 经营单位，提高 —
    // the ； read for ， with nothing odd about it on its own. So is an ideograph (since session 19): a
    // seal or a speck that garbled both its neighbours went over it too (监着督理久贡责 for 监督管理；负责:
    // 理 makes common pairs either side).
    const doubtful = new Set(out);
    const damaged = (o: number) => doubtful.has(o) && !AMBIGUOUS.has(u.text[o]!);
    for (let o = 1; o + 1 < u.text.length; o++) {
      if ((CLAUSE_MARK.test(u.text[o]!) || isHan(u.text[o])) && !doubtful.has(o) && fromOcr.has(o) && damaged(o - 1) && damaged(o + 1)) out.push(o);
    }
    // A clause mark read below full confidence (99, as for never-written pairs) beside a character read far below
    // the suspect line: the seal or speck that wrecked its neighbour reached the mark too (使用灯光；遥刺停车 for
    // 使用灯光，遇到停车: 遥 at 83, the ； read for ， at 98). Needs tesseract's confidence: never fires on correct text.
    const wrecked = (o: number) => (confAt.get(o) ?? 100) < WRECKED_CONFIDENCE && !AMBIGUOUS.has(u.text[o] ?? '');
    for (let o = 0; o < u.text.length; o++) {
      if (CLAUSE_MARK.test(u.text[o]!) && !doubtful.has(o) && fromOcr.has(o) && (confAt.get(o) ?? 100) < NEVER_PAIR_CONFIDENCE && (wrecked(o - 1) || wrecked(o + 1)) && !out.includes(o)) out.push(o);
    }
    // An ideograph read below full confidence (99) that makes a pair the laws never write with a neighbour read below the
    // suspect line, where that neighbour reads well on its other side (苗圃、花围、草围等 for 草圃: 草 at 91 after 、, 围 at 98):
    // the never-written pair is this one's doing (besideDoubtedMisfit, ocr-plausibility.ts). It only ever widens a highlight by
    // one character.
    const below = (o: number) => fromOcr.has(o) && (confAt.get(o) ?? 100) < threshold;
    for (let o = 0; o < u.text.length; o++) {
      if (fromOcr.has(o) && (confAt.get(o) ?? 100) < NEVER_PAIR_CONFIDENCE && !out.includes(o) && besideDoubtedMisfit(u.text, o, below)) out.push(o);
    }
    if (out.length > doubtful.size) out.sort((a, b) => a - b);
    suspects.push(out);
    fromOcrOf.push(fromOcr);
    confAtOf.push(confAt);
    regions.push([...byPage.values()].sort((a, b) => a.page - b.page));
  }
  // A pair the laws never write that the document reads doubtfully at most of its occurrences is doubtful at every
  // one: the same misreading again, once read with confidence (稀土冶炼分离 read 诊炼 throughout, 诊 once at 99).
  const again = pairsDoubtedMostly(units.map((u) => u.text), (i, o) => fromOcrOf[i]!.has(o) && (confAtOf[i]!.get(o) ?? 100) < threshold);
  again.forEach((offsets, i) => {
    const add = offsets.filter((o) => fromOcrOf[i]!.has(o) && !suspects[i]!.includes(o));
    if (add.length) suspects[i] = [...suspects[i]!, ...add].sort((x, y) => x - y);
  });
  return { suspects, regions };
}

/** The suspects of traceUnits alone. */
export function findSuspects(
  units: readonly { label: string; text: string; kind?: string }[],
  stream: string,
  confidence: readonly number[],
  threshold = SUSPECT_CONFIDENCE,
): number[][] {
  return traceUnits(units, stream, confidence, undefined, threshold).suspects;
}

/** A character read below this is wrecked (a seal's or a speck's doing), not only doubtful: its neighbouring clause mark is doubtful too. */
const WRECKED_CONFIDENCE = 85;

/**
 * Below this an ideograph that makes a pair the laws never write with a neighbour in the article's text is a
 * suspect (neverWrittenBeside): one step above MARK_CONFIDENCE, where chi_sim's confident misreadings of a
 * word's second character stand (诉论 for 诉讼, 枝案 for 机构, 之目的 for 之日的, read at 97).
 */
const NEVER_PAIR_CONFIDENCE = 99;

/**
 * An ideograph read at 97–98 that makes a pair the corpus never writes (pairWeight 0) with a neighbour, across
 * line ends too: at 97 whatever its other side (公益诉论的 — 论的 is common), at 98 only when its other side makes
 * no common pair either (还田力式 — 田力 is rare). Measured over the 13 development sets (README-importers, *Session
 * 19*): of the ideographs not highlighted otherwise that make such a pair, 5 of 30 read at 97 were misreadings, 1 of
 * 9 at 98 with no common pair on the other side, 5 of 4,380 at 99 (left alone).
 */
function neverWrittenBeside(text: string, o: number, conf: number): boolean {
  const c = text[o];
  if (!isHan(c)) return false;
  const prev = text[o - 1];
  const next = text[o + 1];
  const before = isHan(prev) ? pairWeight(prev, c) : undefined;
  const after = isHan(next) ? pairWeight(c, next) : undefined;
  if (before !== 0 && after !== 0) return false;
  if (conf < MARK_CONFIDENCE + 1) return true;
  return before !== 2 && after !== 2;
}

/**
 * An ideograph tesseract was not quite sure of (below MARK_CONFIDENCE) after two ideographs that begin a phrase
 * the laws write at least 200 times with another character, never so often with this one (及时合 for 及时向:
 * both 时合 and 合监 are common pairs, so rareNeighbour lets it pass). Measured on the 19 development sets
 * (README-importers, *Session 25*): of the ideographs read at 92–96 not highlighted otherwise, 4 of 6
 * misreadings and 50 of 1,055 right characters leave such a phrase. The text alone does not tell (about one
 * character in seven of correct text leaves such a phrase): only a doubted character is weighed.
 */
export function leavesPhrase(text: string, o: number): boolean {
  const [a, b, c] = [text[o - 2], text[o - 1], text[o]];
  return o >= 2 && isHan(a) && isHan(b) && isHan(c) && leavesCommonPhrase(a, b, c);
}

/**
 * An ideograph tesseract was not quite sure of (below MARK_CONFIDENCE, above the suspect line)
 * that makes only a rare pair with a neighbour in the article's text — across line ends too, which
 * correctLine cannot see: a misreading that happens to form words (并明年 for 并且年) more often
 * than right text, which mostly forms common pairs.
 */
function rareNeighbour(text: string, o: number): boolean {
  const c = text[o];
  if (!isHan(c)) return false;
  const prev = text[o - 1];
  const next = text[o + 1];
  return (isHan(prev) && !commonPair(prev, c)) || (isHan(next) && !commonPair(c, next));
}

/**
 * Puts on each unit (in place) what an OCR run says of it: the offsets of its doubtful characters
 * (`suspects`) and where on the scan it was read (`ocrRegions`). One step for every OCR'd text —
 * a law imported into the library and a 送审稿 under review alike — so the 核对 view reads both.
 */
export function markOcrUnits(
  units: { label: string; text: string; kind?: string; suspects?: number[]; ocrRegions?: OcrRegion[] }[],
  ocr: { stream: string; confidence: readonly number[]; charLine?: readonly number[]; lines?: readonly OcrRegion[] },
): void {
  const where = ocr.charLine && ocr.lines ? { charLine: ocr.charLine, lines: ocr.lines } : undefined;
  const traced = traceUnits(units, ocr.stream, ocr.confidence, where);
  units.forEach((u, i) => {
    u.suspects = traced.suspects[i] ?? [];
    const regions = traced.regions[i] ?? [];
    if (regions.length) u.ocrRegions = regions;
  });
}
