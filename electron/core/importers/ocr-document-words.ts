// A misread ideograph that the document itself corrects. chi_sim reads one character of a word for
// a printed look-alike confidently (垫断 for 垄断, 撒销 for 撤销, 筒章 for 简章), and often not every
// time: the same law reads the word right elsewhere. A character that makes no pair the laws write
// (pairWeight 0) with either neighbour, while a look-alike of it (cjk-glyph-alikes.ts, from the
// fonts, or chi_sim's known confusions, ocr-vocabulary.ts LOOK_ALIKES: 刘/划, 论/讼 are far apart as drawn glyphs) makes with one neighbour a pair the laws write often and this document reads at least
// twice elsewhere, and fits the other neighbour no worse, was that look-alike: it replaces the
// character, whose confidence goes below the suspect line so a person confirms the guess. A word
// the corpus never writes with no such look-alike is left to the highlight. Read once, such a
// character is replaced only when tesseract was not sure of it and one look-alike alone fits both
// neighbours (onlyFittingAlikes).

import { commonMiddles, commonTriple, hanPairCounts, isHan, knownChar, knownIdeographs, pairWeight, printedAlike, printedAlikesOf } from './ocr-vocabulary';
import { alignToStream, streamEditor, type StreamText } from './ocr-marks';

/** How often the document must read the look-alike's pair elsewhere. */
const MIN_SEEN = 2;

/** Where a character of `text` was misread for a look-alike the document reads right elsewhere, and what it was. */
export function lookAlikesReadElsewhere(text: string): Map<number, string> {
  const chars = [...text];
  const seen = hanPairCounts([text]);
  const out = new Map<number, string>();
  for (let o = 0; o < chars.length; o++) {
    const c = chars[o]!;
    if (!isHan(c)) continue;
    const prev = isHan(chars[o - 1]) ? chars[o - 1] : undefined;
    const next = isHan(chars[o + 1]) ? chars[o + 1] : undefined;
    // A character that makes a pair the laws write with a neighbour may well be read right, the
    // other side being a word boundary (分割|采购, 旁听|大会, 婚约|财产): only one that makes none is taken.
    if ((prev !== undefined && pairWeight(prev, c) > 0) || (next !== undefined && pairWeight(c, next) > 0)) continue;
    let best: { alt: string; n: number } | undefined;
    for (const alt of printedAlikesOf(c)) {
      if (!knownChar(alt)) continue;
      // The side that is never written, made a frequent pair the document reads elsewhere …
      const byNext = next !== undefined && pairWeight(c, next) === 0 && pairWeight(alt, next) === 2 ? (seen.get(alt + next) ?? 0) : 0;
      const byPrev = prev !== undefined && pairWeight(prev, c) === 0 && pairWeight(prev, alt) === 2 ? (seen.get(prev + alt) ?? 0) : 0;
      if (byNext === 0 && byPrev === 0) continue;
      // … and the other side no worse.
      if (prev !== undefined && pairWeight(prev, alt) < pairWeight(prev, c)) continue;
      if (next !== undefined && pairWeight(alt, next) < pairWeight(c, next)) continue;
      const n = byNext + byPrev;
      // Read right twice at least: once may be the misreading of another word.
      if (n < MIN_SEEN) continue;
      if (!best || n > best.n) best = { alt, n };
    }
    if (best) out.set(o, best.alt);
  }
  return out;
}

/**
 * repeatedMisreadings: the never-written pair read at `times` places at least, beside `contexts` different
 * neighbours; the word the document reads at least `read` times; the winner ahead of the next by `margin`
 * (in nats: 20 times likelier); a pair whose odd character tesseract read at `sure` or above at half its
 * places or more is left as read. tesseract gives a symbol's confidence whole, 99 at most (96 % of the kept
 * pages' characters); over the 17 development sets an ideograph that makes no written pair with either
 * neighbour was right 227 times and wrong 15 at 99, right 6 and wrong 29 at 98, right 5 and wrong 277 below (right: the source writes it beside a neighbour).
 */
const REPEAT = { times: 3, contexts: 2, read: 2, margin: Math.log(20), sure: 99 } as const;

const shares = new Map<string, number>();
/** The share of the corpus's ideographs that `c` makes a frequent pair with, on its side `side` ('n': `c` then it). */
function pairShare(c: string, side: 'p' | 'n'): number {
  const key = side + c;
  let share = shares.get(key);
  if (share === undefined) {
    const all = knownIdeographs();
    share = (all.filter((y) => (side === 'n' ? pairWeight(c, y) : pairWeight(y, c)) === 2).length + 1) / (all.length + 2);
    shares.set(key, share);
  }
  return share;
}

/**
 * Where the document reads the same never-written pair again and again, its odd character making no
 * written pair with either neighbour each time (租贩合同, 租贩期限, 租贩当事人 … 28 times in one law for
 * 租赁: chi_sim read 赁 as 贩 throughout a scan, and 贩/赁 are not near as drawn glyphs, so no look-alike
 * table offers 赁): one character misread the same way, systematically. Each ideograph that makes a pair
 * the laws write often with the anchor (the pair's other character), a pair this document reads at least
 * twice, is weighed by the places' other neighbours: a frequent pair with one counts by how rarely that
 * ideograph makes frequent pairs at all (的 and 人 fit nearly anything, 赁 only 合同, 期限, 关系 …). The
 * winner, far ahead of the next, replaces the odd character at every place, and wherever else the document
 * reads that pair when the other neighbour takes the winner as well (租贩的 → 租赁的, not 租贩应 → 租赁应), each a suspect. Read fewer
 * than 3 times, or beside one neighbour only, the pair may be a name or a word the corpus lacks (应当绕过,
 * 无法绕过: 绕过 is written once in the corpus); a place whose other neighbour is odd itself (婚姻诉论条例)
 * tells nothing. `readAt`: tesseract's own confidence of the character at an offset (the stream's `read`).
 */
export function repeatedMisreadings(text: string, readAt: (o: number) => number | undefined = () => undefined): Map<number, string> {
  const chars = [...text];
  const han = (o: number) => (isHan(chars[o]) ? chars[o] : undefined);
  // never-written pairs by anchor side: 'p' = the anchor before the odd character, 'n' = after it
  const groups = new Map<string, { anchor: string; odd: string; side: 'p' | 'n'; at: number[]; others: (string | undefined)[] }>();
  for (let o = 0; o < chars.length; o++) {
    const c = han(o);
    if (c === undefined) continue;
    const prev = han(o - 1);
    const next = han(o + 1);
    if ((prev !== undefined && pairWeight(prev, c) > 0) || (next !== undefined && pairWeight(c, next) > 0)) continue;
    for (const [side, anchor, other, beyond] of [['p', prev, next, han(o + 2)], ['n', next, prev, han(o - 2)]] as const) {
      if (anchor === undefined) continue;
      // the other neighbour tells the word only when it is read right itself: it makes a written pair on its far side
      if (other !== undefined && beyond !== undefined && (side === 'p' ? pairWeight(other, beyond) : pairWeight(beyond, other)) === 0) continue;
      const key = side + anchor + c;
      const g = groups.get(key) ?? { anchor, odd: c, side, at: [], others: [] };
      g.at.push(o);
      g.others.push(other);
      groups.set(key, g);
    }
  }
  const out = new Map<number, string>();
  const seen = hanPairCounts([text]);
  // (a text that opens with its first article has no head: its first paragraph is an article's)
  const head = text.slice(0, /^第[一二三四五六七八九十百零〇]+条/m.exec(text)?.index ?? Math.max(0, text.indexOf('\n')));
  for (const g of groups.values()) {
    if (g.at.length < REPEAT.times) continue;
    // A pair the document's head writes (its title, the 目录 before 第一条) is its own subject, a name the
    // corpus lacks (知识城 in 广东省中新广州知识城条例, 48 places, once all made 知识产), not a misreading;
    // so is one tesseract read at its top confidence at most places, wherever the document writes it
    // (知识城 at 99 at every place, where zulin's 租贩 for 租赁 was read at 92–96). Left as read (the
    // never-written pair is highlighted all the same).
    if (head.includes(g.side === 'p' ? g.anchor + g.odd : g.odd + g.anchor)) continue;
    if (2 * g.at.filter((o) => (readAt(o) ?? 0) >= REPEAT.sure).length >= g.at.length) continue;
    const others = g.others.filter((x): x is string => x !== undefined);
    if (new Set(others).size < REPEAT.contexts) continue;
    // each ideograph that makes a frequent pair with the anchor that the document reads elsewhere, by the places whose other neighbour it fits
    const ranked: { alt: string; score: number; read: number }[] = [];
    for (const alt of knownIdeographs()) {
      if (alt === g.odd) continue;
      const pair = g.side === 'p' ? g.anchor + alt : alt + g.anchor;
      if (pairWeight(pair[0]!, pair[1]!) < 2) continue;
      const read = seen.get(pair) ?? 0;
      if (read < REPEAT.read) continue;
      const w = others.map((x) => (g.side === 'p' ? pairWeight(alt, x) : pairWeight(x, alt)));
      const fits = w.filter((x) => x > 0).length;
      if (new Set(others.filter((_, k) => w[k] === 2)).size < REPEAT.contexts || fits * 2 < others.length) continue;
      // a character that makes frequent pairs with nearly everything (的, 人) fits any place: a fit counts by how rarely it would by chance
      const chance = pairShare(alt, g.side === 'p' ? 'n' : 'p');
      const score = w.reduce((sum: number, x) => sum + (x === 2 ? -Math.log(chance) : x === 0 ? Math.log(1 - chance) : 0), 0);
      ranked.push({ alt, score, read });
    }
    ranked.sort((a, b) => b.score - a.score);
    const [best, second] = ranked;
    if (!best || (second && best.score - second.score < REPEAT.margin)) continue;
    // … and then wherever the document reads that pair, where the other neighbour takes the winner as well as the odd character (租贩的)
    for (let o = 0; o < chars.length; o++) {
      if (chars[o] !== g.odd || out.has(o) || han(g.side === 'p' ? o - 1 : o + 1) !== g.anchor) continue;
      const other = han(g.side === 'p' ? o + 1 : o - 1);
      const w = (c: string) => (other === undefined ? 0 : g.side === 'p' ? pairWeight(c, other) : pairWeight(other, c));
      if (w(best.alt) >= w(g.odd)) out.set(o, best.alt);
    }
  }
  return out;
}

/**
 * wordsReadElsewhere: a run of WORD.length ideographs the document reads at least WORD.times times and at
 * least WORD.ratio times as often as the variant beside it.
 */
const WORD = { length: 4, times: 3, ratio: 3 } as const;

/**
 * Where one character of a word the document reads again and again was read, once or twice, as a printed
 * look-alike that makes words on its own (人为资源 beside 人力资源 ×48: 人为 and 为资 are both written often,
 * so no pair rule can see it; 未成平人 beside 未成年人): four ideographs in a row that differ in one
 * character from four the document reads at least 3 times and 3 times as often, the two characters
 * look-alikes in print (printedAlike), and the document's character making a pair with each of the
 * text's neighbours at least as often written (pairWeight) as the one read. `replace` when it makes a
 * more often written pair on one side (未成平人: 成平 and 平人 are rarer than 成年 and 年人); else the
 * reading is only doubtful (人为资源: both readings make common pairs, only the document tells them
 * apart). A real variant of a word (物业服务合同 beside 物业服务企业) is not a look-alike, or makes
 * rarer pairs with its neighbours (合同 against 企同).
 */
/** Numerals: 五十元 beside 五千元 are two amounts, not a word and its misreading (a misread digit is the number checks'). */
const NUMERAL = /[〇零一二三四五六七八九十百千万亿两]/;

export function wordsReadElsewhere(text: string): Map<number, { alt: string; replace: boolean }> {
  const n = WORD.length;
  const chars = [...text]; // (offsets by character, as lookAlikesReadElsewhere's)
  const han = chars.map((c) => isHan(c));
  const runAt = (o: number) => {
    for (let k = 0; k < n; k++) if (!han[o + k]) return false;
    return true;
  };
  const word = chars.length === text.length ? (o: number) => text.slice(o, o + n) : (o: number) => chars.slice(o, o + n).join('');
  const count = new Map<string, number>();
  for (let o = 0; o + n <= chars.length; o++) if (runAt(o)) count.set(word(o), (count.get(word(o)) ?? 0) + 1);
  // The words the document reads often enough to tell others, by the place of the character left out (p:前_后 → the characters there).
  const often = new Map<string, string[]>();
  for (const [w, k] of count) {
    if (k < WORD.times) continue;
    for (let p = 1; p < n - 1; p++) {
      const key = `${p}:${w.slice(0, p)}_${w.slice(p + 1)}`;
      const there = often.get(key);
      if (there) there.push(w[p]!);
      else often.set(key, [w[p]!]);
    }
  }
  // A verdict per word read (an inner character's neighbours are in the word), then its places.
  const verdicts = new Map<string, { p: number; alt: string; replace: boolean }[]>();
  for (const [w, seen] of count) {
    const found: { p: number; alt: string; replace: boolean }[] = [];
    // (an inner character: at the word's edge the document's word is on one side only, 区域内|检验 beside 由检验检测)
    for (let p = 1; p < n - 1; p++) {
      const [prev, c, next] = [w[p - 1]!, w[p]!, w[p + 1]!];
      let best: { p: number; alt: string; replace: boolean } | undefined;
      for (const alt of often.get(`${p}:${w.slice(0, p)}_${w.slice(p + 1)}`) ?? []) {
        if (!printedAlike(c, alt) || !knownChar(alt) || NUMERAL.test(c) || NUMERAL.test(alt)) continue;
        if (count.get(w.slice(0, p) + alt + w.slice(p + 1))! < WORD.ratio * seen) continue;
        const before = pairWeight(prev, alt) - pairWeight(prev, c);
        const after = pairWeight(alt, next) - pairWeight(c, next);
        if (before < 0 || after < 0) continue;
        if (!best || (!best.replace && (before > 0 || after > 0))) best = { p, alt, replace: before > 0 || after > 0 };
      }
      if (best) found.push(best);
    }
    if (found.length) verdicts.set(w, found);
  }
  const out = new Map<number, { alt: string; replace: boolean }>();
  if (verdicts.size === 0) return out;
  for (let o = 0; o + n <= chars.length; o++) {
    if (!runAt(o)) continue;
    for (const v of verdicts.get(word(o)) ?? []) {
      const there = out.get(o + v.p);
      if (!there || (!there.replace && v.replace)) out.set(o + v.p, { alt: v.alt, replace: v.replace });
    }
  }
  return out;
}

/**
 * Where two characters side by side were misread together, beside one that makes a pair the laws write
 * with neither neighbour (向市大夫财经 for 向市人大财经: 夫 is odd, but 大 makes 市大, a common pair, so
 * no pair rule doubts it — the ink that made 夫 of 大 made 大 of 人): four ideographs in a row around the
 * odd one that differ in both inner characters from four the document reads at least WORD.times times
 * and WORD.ratio times as often, with the same first and last, are that word misread — both inner
 * characters are doubtful. Only highlighted: which characters the page shows is for a person to see.
 */
export function runsReadElsewhere(text: string): number[] {
  const n = WORD.length;
  const chars = [...text];
  const han = chars.map((c) => isHan(c));
  const odd = (o: number) => han[o - 1] && han[o] && han[o + 1] && pairWeight(chars[o - 1]!, chars[o]!) === 0 && pairWeight(chars[o]!, chars[o + 1]!) === 0;
  const doubtful: number[] = [];
  for (let o = 1; o + 1 < chars.length; o++) if (odd(o)) doubtful.push(o);
  if (doubtful.length === 0) return [];
  const count = new Map<string, number>();
  for (let o = 0; o + n <= chars.length; o++) {
    let run = true;
    for (let k = 0; k < n && run; k++) run = han[o + k]!;
    if (run) {
      const w = chars.slice(o, o + n).join('');
      count.set(w, (count.get(w) ?? 0) + 1);
    }
  }
  // The document's frequent words by their outer characters (first_last → the words).
  const byEnds = new Map<string, string[]>();
  for (const [w, k] of count) {
    if (k < WORD.times) continue;
    const key = w[0]! + w[n - 1]!;
    byEnds.set(key, [...(byEnds.get(key) ?? []), w]);
  }
  const out = new Set<number>();
  for (const o of doubtful) {
    // the odd character inner at either place: o-2 … o+1, o-1 … o+2
    for (const start of [o - 2, o - 1]) {
      if (start < 0 || start + n > chars.length || !han.slice(start, start + n).every(Boolean)) continue;
      const w = chars.slice(start, start + n).join('');
      const seen = count.get(w) ?? 0;
      const match = (byEnds.get(w[0]! + w[n - 1]!) ?? []).some((v) => v[1] !== w[1] && v[2] !== w[2] && count.get(v)! >= WORD.ratio * seen);
      if (match) out.add(start + 1).add(start + 2);
    }
  }
  return [...out].sort((a, b) => a - b);
}

/**
 * The replacements of lookAlikesReadElsewhere made in a laid-out OCR text and its symbol stream together
 * (only on characters OCR read: `fromOcr`), each a suspect.
 */
export function correctDocumentLookAlikes(input: StreamText, suspect: number, fromOcr: (streamIndex: number) => boolean = () => true): StreamText {
  const found = lookAlikesReadElsewhere(input.text);
  const words = wordsReadElsewhere(input.text);
  const runs = runsReadElsewhere(input.text);
  const readAt = readAtOffsets(input);
  const repeated = repeatedMisreadings(input.text, readAt);
  const once = onlyFittingAlikes(input.text, readAt);
  const frames = framesReadElsewhere(input.text, readAt);
  for (const [o, alt] of pairsReadElsewhere(input.text, readAt)) if (!frames.has(o)) frames.set(o, alt);
  const triples = phrasesAround(input.text, readAt);
  for (const [o, alt] of phrasesAcrossOneSide(input.text, readAt)) triples.set(o, alt);
  for (const [o, alt] of clauseOpenings(input.text, readAt)) triples.set(o, alt);
  for (const [o, alt] of clauseEndings(input.text, readAt)) triples.set(o, alt);
  if (found.size === 0 && words.size === 0 && runs.length === 0 && repeated.size === 0 && once.size === 0 && frames.size === 0 && triples.size === 0) return input;
  const edit = streamEditor(input, suspect, fromOcr);
  for (const [o, alt] of found) edit.replace(o, alt);
  for (const [o, alt] of repeated) if (!found.has(o)) edit.replace(o, alt);
  for (const [o, alt] of once) if (!found.has(o) && !repeated.has(o) && !words.has(o)) edit.replace(o, alt);
  for (const [o, alt] of frames) if (!found.has(o) && !repeated.has(o) && !words.has(o) && !once.has(o)) edit.replace(o, alt);
  for (const [o, alt] of triples) if (!found.has(o) && !repeated.has(o) && !words.has(o) && !once.has(o) && !frames.has(o)) edit.replace(o, alt);
  for (const [o, { alt, replace }] of words) {
    if (found.has(o) || repeated.has(o)) continue;
    if (replace) edit.replace(o, alt);
    else edit.mark(o);
  }
  for (const o of runs) edit.mark(o);
  return edit.done();
}

/** tesseract's own confidence of the character at each offset of a laid-out text (undefined: not traced, or not kept). */
function readAtOffsets(input: StreamText): (o: number) => number | undefined {
  const read = input.read;
  if (read === undefined) return () => undefined;
  let at: number[] | undefined;
  return (o) => {
    at ??= alignToStream([...input.text], [...input.stream]);
    const j = at[o] ?? -1;
    return j >= 0 ? read[j] : undefined;
  };
}

/** Below tesseract's top confidence (whole numbers, 99 at most) an odd ideograph is rarely right. */
const ONCE_SURE = 99;

/**
 * Where a character read once is most likely its one look-alike, and what that is: an ideograph that makes
 * no written pair with either neighbour (both ideographs), read below 99, with exactly one printed
 * look-alike that makes a frequent pair with both (职货受 → 职责受, 方面亭有 → 方面享有, 泄霸国 → 泄露国).
 * Two that fit leave the choice to a person; so does a neighbour that is not an ideograph (a clause's
 * edge: the pair on the other side is no evidence). On the development scans an odd ideograph read at 99
 * was right 244 times in 259, below 99 wrong 323 times in 335; every third corpus law read with every
 * character at 98 has 25 such places in 4.75 M characters (README-importers, session 25).
 */
export function onlyFittingAlikes(text: string, readAt: (o: number) => number | undefined): Map<number, string> {
  const chars = [...text];
  const out = new Map<number, string>();
  for (let o = 1; o + 1 < chars.length; o++) {
    const [prev, c, next] = [chars[o - 1]!, chars[o]!, chars[o + 1]!];
    if (!isHan(prev) || !isHan(c) || !isHan(next) || pairWeight(prev, c) > 0 || pairWeight(c, next) > 0) continue;
    if ((readAt(o) ?? ONCE_SURE) >= ONCE_SURE) continue;
    const fitting = [...printedAlikesOf(c)].filter((alt) => knownChar(alt) && alt !== prev && alt !== next && pairWeight(prev, alt) === 2 && pairWeight(alt, next) === 2);
    if (fitting.length === 1) out.set(o, fitting[0]!);
  }
  return out;
}

/**
 * framesReadElsewhere: words of FRAME.length ideographs; the document reads the word at least FRAME.times times, and
 * its character fills the open place at least FRAME.share of the times the document reads the rest of the word.
 */
const FRAME = { length: 4, times: 3, share: 0.8 } as const;

/**
 * Where an ideograph between two ideographs makes no written pair with either, read below tesseract's top
 * confidence, and the three ideographs around it are a word the document reads at least 3 times with one character
 * in its place (人力资瀛社会 beside 人力资源社会 ×9, 社会侯障 beside 社会保障, 未我年人 beside 未成年人): the
 * document's own character, whatever it looks like — the seals and specks that make these readings do not leave a
 * printed look-alike. The word must be the document's: the character it reads there at least 4 times in 5 (a place
 * the document fills with many characters is a phrase, not a word: _安全生 takes 的, 和, 加强 …), a pair the corpus
 * writes with both neighbours. A character at a clause's edge is left alone: one neighbour is no evidence that it
 * is misread (区、县燃气 beside 市燃气 ×5, a right one). On the development scans 24 characters right more, 0 made
 * wrong; every third corpus law read with every ideograph at 98 has 12 such places in 4.8 M characters, 0 at the
 * confidences tesseract gives right odd ideographs (README-importers, session 26).
 */
export function framesReadElsewhere(text: string, readAt: (o: number) => number | undefined): Map<number, string> {
  const n = FRAME.length;
  const chars = [...text];
  const han = chars.map((c) => isHan(c));
  const runAt = (o: number) => {
    if (o < 0 || o + n > chars.length) return false;
    for (let k = 0; k < n; k++) if (!han[o + k]) return false;
    return true;
  };
  const odd: number[] = [];
  for (let o = 1; o + 1 < chars.length; o++) {
    if (!han[o - 1] || !han[o] || !han[o + 1] || pairWeight(chars[o - 1]!, chars[o]!) > 0 || pairWeight(chars[o]!, chars[o + 1]!) > 0) continue;
    if ((readAt(o) ?? ONCE_SURE) < ONCE_SURE) odd.push(o);
  }
  const out = new Map<number, string>();
  if (odd.length === 0) return out;
  // A word read with its place p left open, as a number (p and the three other characters' codes, 16 bits each).
  const keyAt = (start: number, p: number) => {
    let key = p;
    for (let k = 0; k < n; k++) if (k !== p) key = key * 65536 + chars[start + k]!.charCodeAt(0);
    return key;
  };
  // what the document reads at the open places of the words around the odd characters, and how often
  const slots = new Map<number, Map<string, number>>();
  for (const o of odd) for (let p = 0; p < n; p++) if (runAt(o - p)) slots.set(keyAt(o - p, p), new Map());
  for (let start = 0; start + n <= chars.length; start++) {
    if (!runAt(start)) continue;
    for (let p = 0; p < n; p++) {
      const there = slots.get(keyAt(start, p));
      if (there) there.set(chars[start + p]!, (there.get(chars[start + p]!) ?? 0) + 1);
    }
  }
  for (const o of odd) {
    const [prev, c, next] = [chars[o - 1]!, chars[o]!, chars[o + 1]!];
    const alts = new Set<string>();
    for (let p = 0; p < n; p++) {
      if (!runAt(o - p)) continue;
      const there = slots.get(keyAt(o - p, p))!;
      let all = 0;
      for (const [x, k] of there) if (x !== c) all += k;
      for (const [alt, k] of there) {
        if (alt === c || k < FRAME.times || k < FRAME.share * all || !knownChar(alt)) continue;
        if (pairWeight(prev, alt) > 0 && pairWeight(alt, next) > 0) alts.add(alt);
      }
    }
    // two words that each fill the place differently: a person chooses
    if (alts.size === 1) out.set(o, [...alts][0]!);
  }
  return out;
}

/**
 * Where two ideographs side by side were misread together, neither pair they make with a neighbour nor the pair they
 * make with each other ever written, both read below 99, and the document reads the two ideographs around them at
 * least 3 times with one word between (公共夷义资源 beside 公共人力资源: 共人力资 ×3 and more): that word, each of its
 * characters a written pair with the next, the document's filling at least 4 times in 5 (as framesReadElsewhere).
 * On the development scans 3 characters right more, 0 made wrong; every third corpus law read with every ideograph at
 * 98: 0 places (README-importers, session 26).
 */
export function pairsReadElsewhere(text: string, readAt: (o: number) => number | undefined): Map<number, string> {
  const chars = [...text];
  const han = chars.map((c) => isHan(c));
  const run4 = (o: number) => han[o] && han[o + 1] && han[o + 2] && han[o + 3];
  const places: number[] = [];
  for (let o = 1; o + 2 < chars.length; o++) {
    if (!run4(o - 1) || pairWeight(chars[o - 1]!, chars[o]!) > 0 || pairWeight(chars[o]!, chars[o + 1]!) > 0 || pairWeight(chars[o + 1]!, chars[o + 2]!) > 0) continue;
    if ((readAt(o) ?? ONCE_SURE) < ONCE_SURE && (readAt(o + 1) ?? ONCE_SURE) < ONCE_SURE) places.push(o);
  }
  const out = new Map<number, string>();
  if (places.length === 0) return out;
  // what the document reads between the two ideographs around each place, and how often
  const fills = new Map<string, Map<string, number>>();
  for (const o of places) fills.set(chars[o - 1]! + chars[o + 2]!, new Map());
  for (let s = 0; s + 3 < chars.length; s++) {
    const there = run4(s) ? fills.get(chars[s]! + chars[s + 3]!) : undefined;
    if (there) there.set(chars[s + 1]! + chars[s + 2]!, (there.get(chars[s + 1]! + chars[s + 2]!) ?? 0) + 1);
  }
  for (const o of places) {
    const [a, b] = [chars[o - 1]!, chars[o + 2]!];
    const read = chars[o]! + chars[o + 1]!;
    const there = fills.get(a + b)!;
    let all = 0;
    for (const [w, k] of there) if (w !== read) all += k;
    const words = [...there].filter(([w, k]) => w !== read && k >= FRAME.times && k >= FRAME.share * all && [...w].every(knownChar) && pairWeight(a, w[0]!) > 0 && pairWeight(w[0]!, w[1]!) > 0 && pairWeight(w[1]!, b) > 0);
    if (words.length !== 1) continue;
    out.set(o, words[0]![0][0]!).set(o + 1, words[0]![0][1]!);
  }
  return out;
}

/**
 * Where an ideograph between two ideographs makes no written pair with either, read below tesseract's top confidence, and
 * exactly one ideograph makes with the same two neighbours three characters the laws write at least 200 times
 * (commonTriple, cjk-alike-trigrams.ts): that one (建怜健全 → 建立健全: 建立健 is a phrase of the laws; 予余配合 → 予以配合,
 * 生活的裴他 → 的其他, 幼止园 → 幼儿园). It needs no look-alike and no second reading in the document: a seal's edge or a
 * speck over one character leaves a shape no table holds, and the two neighbours read right are the evidence. A numeral
 * read or put is left alone (二十头小于 in a table: an amount is for the number checks and a person), so is a character at a
 * clause's edge (one neighbour is no evidence), and two ideographs that each complete a phrase leave the choice to a
 * person. On the development scans 17 characters right more, 0 made wrong (README-importers, session 27).
 */
export function phrasesAround(text: string, readAt: (o: number) => number | undefined): Map<number, string> {
  const chars = [...text];
  const out = new Map<number, string>();
  for (let o = 1; o + 1 < chars.length; o++) {
    const [prev, c, next] = [chars[o - 1]!, chars[o]!, chars[o + 1]!];
    if (!isHan(prev) || !isHan(c) || !isHan(next) || pairWeight(prev, c) > 0 || pairWeight(c, next) > 0) continue;
    if ((readAt(o) ?? ONCE_SURE) >= ONCE_SURE || NUMERAL.test(c)) continue;
    const found = onlyFramed(prev, c, next);
    if (found) out.set(o, found);
  }
  return out;
}

/**
 * The one ideograph besides `c` and the neighbours that `prev` and `next` frame in three characters the laws write at
 * least 200 times (commonMiddles: 建…健 — 立); undefined when none or more than one does. A numeral is never put
 * (an amount is for the number checks and a person).
 */
function onlyFramed(prev: string, c: string, next: string): string | undefined {
  let found: string | undefined;
  for (const alt of commonMiddles(prev, next)) {
    if (alt === c || alt === prev || alt === next || NUMERAL.test(alt)) continue;
    if (found !== undefined) return undefined;
    found = alt;
  }
  return found;
}

/**
 * Below 98 a character that makes a written pair on one side only is taken: on the kept pages of the development sets such an
 * ideograph read at 99 was right 8,200 times and wrong 505, at 98 right 174 and wrong 21, below 98 right 104 and wrong 88
 * (right: the source writes its never-written pair; README-importers, session 28).
 */
const HALF_ODD_SURE = 98;

/** How often the document must read each pair a phrase's character makes elsewhere when the character is no look-alike of the one read. */
const PHRASE_SEEN = 2;

/**
 * phrasesAround where the character makes a written pair with one neighbour and none with the other (服加机构 for 服务机构: 加机
 * is written, 服加 never; 民事货任 for 民事责任, 保护范图 for 范围, 公益诉论 for 诉讼): exactly one ideograph makes a triple the
 * laws write at least 200 times with the two neighbours, and it is a printed look-alike of the one read (货/责, 图/围, 论/讼) or the
 * document reads both of its pairs with these neighbours at least twice elsewhere (服务 and 务机 in a law about 服务机构). The pair
 * written on one side makes the character likelier right than phrasesAround's, so tesseract must have doubted it more (below 98),
 * and a phrase alone is not enough: 定员定额方式 (额 read at 93, right) would become 定地方. Corrected characters stay suspects.
 */
export function phrasesAcrossOneSide(text: string, readAt: (o: number) => number | undefined): Map<number, string> {
  const chars = [...text];
  const out = new Map<number, string>();
  let seen: Map<string, number> | undefined;
  for (let o = 1; o + 1 < chars.length; o++) {
    const [prev, c, next] = [chars[o - 1]!, chars[o]!, chars[o + 1]!];
    if (!isHan(prev) || !isHan(c) || !isHan(next)) continue;
    // exactly one side never written (both: phrasesAround's)
    if ((pairWeight(prev, c) === 0) === (pairWeight(c, next) === 0)) continue;
    if ((readAt(o) ?? HALF_ODD_SURE) >= HALF_ODD_SURE || NUMERAL.test(c)) continue;
    const found = onlyFramed(prev, c, next);
    if (!found) continue;
    if (!printedAlike(c, found)) {
      seen ??= hanPairCounts([text]);
      if ((seen.get(prev + found) ?? 0) < PHRASE_SEEN || (seen.get(found + next) ?? 0) < PHRASE_SEEN) continue;
    }
    out.set(o, found);
  }
  return out;
}

/** A mark after which a clause opens. */
const CLAUSE_MARK = /[，、；：。]/;

/**
 * The first character of a clause, right after ，、；：。, that makes no written pair with the ideograph after it, read below 98
 * (，疫当遵守 for ，应当遵守, ；倭节严重的 for ；情节严重的, ；为席团 for ；主席团): a clause opens with the laws' set phrases, so
 * when exactly one ideograph makes a triple the laws write at least 200 times with the next two, and the document reads that
 * ideograph's pair with the next at least twice elsewhere, it is that one. One neighbour is less evidence than two, hence the
 * document's own reading as well: without it the kept scans' laws read at 98 throughout changed many right openings (，但期货 →
 * 院, README-importers, session 27). The character before a mark is not taken so: a list's last item is often a term the corpus
 * lacks (公路建勤、, nongmin, right, would become 建设); clauseEndings takes it on stricter terms. Corrected characters stay suspects.
 */
export function clauseOpenings(text: string, readAt: (o: number) => number | undefined): Map<number, string> {
  const chars = [...text];
  const out = new Map<number, string>();
  let all: string[] | undefined;
  let seen: Map<string, number> | undefined;
  for (let o = 1; o + 2 < chars.length; o++) {
    const [c, next, after] = [chars[o]!, chars[o + 1]!, chars[o + 2]!];
    if (!CLAUSE_MARK.test(chars[o - 1]!) || !isHan(c) || !isHan(next) || !isHan(after) || pairWeight(c, next) > 0) continue;
    if ((readAt(o) ?? HALF_ODD_SURE) >= HALF_ODD_SURE || NUMERAL.test(c)) continue;
    all ??= knownIdeographs();
    let found: string | undefined;
    let fits = 0;
    for (const alt of all) {
      if (alt === c || NUMERAL.test(alt) || !commonTriple(alt, next, after)) continue;
      found = alt;
      if (++fits > 1) break;
    }
    if (fits !== 1) continue;
    seen ??= hanPairCounts([text]);
    if ((seen.get(found! + next) ?? 0) < PHRASE_SEEN) continue;
    out.set(o, found!);
  }
  return out;
}

/**
 * The last character of a clause, right before ，、；：。, that makes no written pair with the ideograph before it, read below 98
 * (依法履行职货， for 职责，): when exactly one printed look-alike of it (printedAlikesOf) makes a triple the laws write at least
 * 200 times with the two ideographs before, it is that one. A look-alike only, and the triple, not the pair: a list's last item is
 * often a term the corpus lacks (nongmin's right 公路建勤、 — 路建设 is a common triple, but 设 is no look-alike of 勤), and with
 * any look-alike that makes a common pair with the one before, the kept scans' laws read at 97 throughout changed 15 right
 * characters (统筹费 → 统筹资 ×7, 秸杆 → 秸秆 …; README-importers, session 29). Corrected characters stay suspects.
 */
export function clauseEndings(text: string, readAt: (o: number) => number | undefined): Map<number, string> {
  const chars = [...text];
  const out = new Map<number, string>();
  for (let o = 2; o + 1 < chars.length; o++) {
    const [before, prev, c] = [chars[o - 2]!, chars[o - 1]!, chars[o]!];
    if (!CLAUSE_MARK.test(chars[o + 1]!) || !isHan(before) || !isHan(prev) || !isHan(c) || pairWeight(prev, c) > 0) continue;
    if ((readAt(o) ?? HALF_ODD_SURE) >= HALF_ODD_SURE || NUMERAL.test(c)) continue;
    const fits = [...printedAlikesOf(c)].filter((alt) => alt !== c && !NUMERAL.test(alt) && commonTriple(before, prev, alt));
    if (fits.length === 1) out.set(o, fits[0]!);
  }
  return out;
}
