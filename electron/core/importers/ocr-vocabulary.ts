// The OCR's sense of what Chinese legal text looks like: the pairs of adjacent ideographs and the
// ideographs the law corpus writes (cjk-bigrams.ts, generated). A recognised character that forms
// no known pair with either neighbour, or is not a known ideograph at all, is probably misread
// (回难 for 困难): it becomes a suspect, and when a look-alike of it fits both neighbours it is
// replaced by that look-alike (still a suspect, so a person checks the guess).

import { inflateSync } from 'node:zlib';
import { ALIKE_TRIGRAMS_B64, COMMON_TRIGRAMS_B64 } from './cjk-alike-trigrams';
import { BIGRAMS_B64, CHARS_B64, FREQUENT_B64 } from './cjk-bigrams';
import { FRAME_TRIGRAMS_B64 } from './cjk-frame-trigrams';
import { GLYPH_ALIKE_PAIRS } from './cjk-glyph-alikes';

let pairs: Set<number> | undefined;
let chars: Set<number> | undefined;

function decode(b64: readonly string[]): Set<number> {
  const bytes = inflateSync(Buffer.from(b64.join(''), 'base64'));
  const out = new Set<number>();
  let v = 0;
  let d = 0;
  let mul = 1;
  for (const b of bytes) {
    d += (b & 0x7f) * mul;
    if (b & 0x80) mul *= 0x80;
    else {
      v += d;
      out.add(v);
      d = 0;
      mul = 1;
    }
  }
  return out;
}

export const isHan = (c: string | undefined): c is string => c !== undefined && c.length === 1 && c >= '\u3400' && c <= '\u9fff';

/** How often each pair of adjacent ideographs stands in these texts (a document's own vocabulary). */
export function hanPairCounts(texts: Iterable<string>): Map<string, number> {
  const count = new Map<string, number>();
  for (const t of texts) {
    for (let o = 0; o + 1 < t.length; o++) {
      if (isHan(t[o]) && isHan(t[o + 1])) count.set(t[o]! + t[o + 1]!, (count.get(t[o]! + t[o + 1]!) ?? 0) + 1);
    }
  }
  return count;
}

/** Whether the corpus writes `a` followed by `b` (both ideographs). */
export function knownPair(a: string, b: string): boolean {
  pairs ??= decode(BIGRAMS_B64);
  return pairs.has(a.charCodeAt(0) * 65536 + b.charCodeAt(0));
}

let frequent: Set<number> | undefined;

/**
 * Whether the corpus writes `a` followed by `b` often (at least 10 times; cjk-bigrams.gen.ts): a
 * pair written only a few times is a word boundary that happens to exist (明年 in 并明年 for 并且年).
 */
export function commonPair(a: string, b: string): boolean {
  if (!frequent) {
    const bits = inflateSync(Buffer.from(FREQUENT_B64.join(''), 'base64'));
    const sorted = [...(pairs ??= decode(BIGRAMS_B64))];
    frequent = new Set(sorted.filter((_, i) => (bits[i >> 3]! >> (i & 7)) & 1));
  }
  return frequent.has(a.charCodeAt(0) * 65536 + b.charCodeAt(0));
}

/** Whether the corpus writes this ideograph (3,000 of them: rarer ones in a law are usually misreads). */
export function knownChar(c: string): boolean {
  chars ??= decode(CHARS_B64);
  return chars.has(c.charCodeAt(0));
}

/** Every ideograph the corpus writes, in code order (what cjk-glyph-alikes.gen.ts draws). */
export function knownIdeographs(): string[] {
  chars ??= decode(CHARS_B64);
  return [...chars].map((c) => String.fromCharCode(c));
}

/**
 * Look-alikes chi_sim confuses (each group read for one another). Only used when the vocabulary
 * decides: the read character fits neither neighbour and the look-alike fits both.
 */
const LOOK_ALIKES = [
  '困回因囚', '己已巳', '未末', '土士', '人入八', '日曰', '千干于', '天夭', '戊戌戍', '拨拔', '候侯', '治冶',
  '睛晴', '刺剌', '免兔', '析折', '汨汩', '准淮', '贷货', '徒徙', '拆折', '炙灸', '茶荼', '密蜜',
  '壁璧', '辨辩辫', '即既', '账帐', '做作', '须需', '象像', '问间', '田由甲申', '王玉主', '大太犬', '今令',
  '子孑孓', '设没', '仑仓', '史吏', '占古', '工正', '刀力', '住往', '处外', '决夬', '活话', '记纪',
  '性姓', '营菅', '书节', '产严', '理埋', '则刚', '区匹', '项顶', '责贵', '拥捆',
  '丁了亍', '各备', '向回', '成戒', '开斤', '机枝', '末未来', '大丈', '入八',
  '结络', '力为', '平年', '刘划', '论讼',
] as const;
const groupOf = new Map<string, string>();
for (const g of LOOK_ALIKES) for (const c of g) groupOf.set(c, (groupOf.get(c) ?? '') + g.replace(c, ''));

/** The ideographs `c` may have been read for: chi_sim's known confusions above, then the font look-alikes. */
export function printedAlikesOf(c: string): string {
  return (groupOf.get(c) ?? '') + glyphAlikesOf(c);
}

/**
 * Whether `a` and `b` look alike in print: a pair of chi_sim's known confusions above, or of the shapes
 * drawn from the fonts (glyphAlikesOf).
 */
export function printedAlike(a: string, b: string): boolean {
  return a !== b && ((groupOf.get(a) ?? '').includes(b) || glyphAlikesOf(a).includes(b));
}

let commonTriples: Set<number> | undefined;

/** Whether the corpus writes the three ideographs `abc` often (at least 200 times; cjk-alike-trigrams.gen.ts). */
export function commonTriple(a: string, b: string, c: string): boolean {
  commonTriples ??= decode(COMMON_TRIGRAMS_B64);
  return commonTriples.has((a.charCodeAt(0) * 65536 + b.charCodeAt(0)) * 65536 + c.charCodeAt(0));
}

let commonFrames: Map<number, string> | undefined;

/**
 * The ideographs `y` the corpus writes between `a` and `c` at least 200 times (`ayc`, the common triples of
 * cjk-alike-trigrams.ts): what two neighbours frame (行…主 — 行政主; 以…规 — 以下规).
 */
export function commonMiddles(a: string, c: string): string {
  if (!commonFrames) {
    commonFrames = new Map();
    for (const k of (commonTriples ??= decode(COMMON_TRIGRAMS_B64))) {
      const frame = Math.floor(k / 2 ** 32) * 65536 + (k % 65536);
      commonFrames.set(frame, (commonFrames.get(frame) ?? '') + String.fromCharCode(Math.floor(k / 65536) % 65536));
    }
  }
  return commonFrames.get(a.charCodeAt(0) * 65536 + c.charCodeAt(0)) ?? '';
}

let frameTriples: Set<number> | undefined;
let closedFrames: Set<number> | undefined;

/**
 * Whether `a` and `c` make a closed frame (cjk-frame-trigrams.ts: the corpus writes one middle between them
 * nearly always, at least 15 times) that has never held `b`: 纳关村 where the laws write 纳入村 16 of 18 times.
 */
export function outsideClosedFrame(a: string, b: string, c: string): boolean {
  frameTriples ??= decode(FRAME_TRIGRAMS_B64);
  closedFrames ??= new Set([...frameTriples].map((k) => Math.floor(k / 2 ** 32) * 65536 + (k % 65536)));
  return closedFrames.has(a.charCodeAt(0) * 65536 + c.charCodeAt(0)) && !frameTriples.has((a.charCodeAt(0) * 65536 + b.charCodeAt(0)) * 65536 + c.charCodeAt(0));
}

let triplePrefixes: Set<number> | undefined;

/**
 * Whether the corpus writes `ab` followed by `c` rarely while it writes `ab` followed by another ideograph
 * often (a triple written at least 200 times): the two characters before `c` begin a phrase the laws keep
 * writing, and `c` leaves it (及时合 where the laws write 及时向; 品的关 where they write 品的生).
 */
export function leavesCommonPhrase(a: string, b: string, c: string): boolean {
  commonTriples ??= decode(COMMON_TRIGRAMS_B64);
  triplePrefixes ??= new Set([...commonTriples].map((k) => Math.floor(k / 65536)));
  return triplePrefixes.has(a.charCodeAt(0) * 65536 + b.charCodeAt(0)) && !commonTriple(a, b, c);
}

let alikeTriples: Set<number> | undefined;

/**
 * Offsets (0–2) in the three ideographs `abc` of the characters whose printed look-alike makes a
 * triple the corpus writes far more often than `abc` itself, which it writes once at most
 * (cjk-alike-trigrams.ts): 大行道 — 人行道. Both pairs of `abc` are written, so the pairs alone cannot tell.
 */
export function likelierTripleAt(a: string, b: string, c: string): number[] {
  alikeTriples ??= decode(ALIKE_TRIGRAMS_B64);
  const k = ((a.charCodeAt(0) * 65536 + b.charCodeAt(0)) * 65536 + c.charCodeAt(0)) * 4;
  return [0, 1, 2].filter((at) => alikeTriples!.has(k + at));
}

/** How many of the (ideograph) neighbours `c` forms a known pair with, and how many there are. */
function fit(prev: string | undefined, c: string, next: string | undefined): { fits: number; of: number } {
  let fits = 0;
  let of = 0;
  if (isHan(prev)) {
    of++;
    if (knownPair(prev, c)) fits++;
  }
  if (isHan(next)) {
    of++;
    if (knownPair(c, next)) fits++;
  }
  return { fits, of };
}

/**
 * Whether a look-alike of `c` also fits every ideograph neighbour (both readings make words): for
 * a character tesseract was not quite sure of, the page may show the look-alike (网结 / 网络).
 */
export function lookAlikeFits(prev: string | undefined, c: string, next: string | undefined): boolean {
  if (!isHan(c)) return false;
  return [...(groupOf.get(c) ?? '')].some((alt) => {
    const there = fit(prev, alt, next);
    return there.of > 0 && there.fits === there.of && knownChar(alt);
  });
}

/**
 * The verdict on one recognised ideograph between its neighbours: a replacement when a look-alike
 * fits every neighbour and the character read fits none; `odd` when it fits none (or is not a
 * known ideograph) and nothing better was found.
 */
export function judgeHan(prev: string | undefined, c: string, next: string | undefined): { replace?: string; odd: boolean } {
  if (!isHan(c)) return { odd: false };
  const here = fit(prev, c, next);
  const unknown = !knownChar(c);
  if (here.of > 0 && here.fits === 0) {
    for (const alt of groupOf.get(c) ?? '') {
      const there = fit(prev, alt, next);
      if (there.fits === there.of && knownChar(alt)) return { replace: alt, odd: true };
    }
    return { odd: true };
  }
  // Fits one neighbour only, and a look-alike would fit both (申他 in 交申他人: 由 fits both).
  if (here.fits < here.of && [...(groupOf.get(c) ?? '')].some((alt) => knownChar(alt) && fit(prev, alt, next).fits === here.of)) return { odd: true };
  return { odd: unknown };
}

let glyphAlikes: Map<string, string> | undefined;

/**
 * The ideographs whose printed shape is close to `c`'s (cjk-glyph-alikes.ts, generated from the
 * Noto CJK glyphs of the whole vocabulary, not from scans): what OCR may have read it for.
 */
export function glyphAlikesOf(c: string): string {
  if (!glyphAlikes) {
    glyphAlikes = new Map();
    const all = GLYPH_ALIKE_PAIRS.join('');
    for (let i = 0; i + 1 < all.length; i += 2) {
      const a = all[i]!;
      const b = all[i + 1]!;
      glyphAlikes.set(a, (glyphAlikes.get(a) ?? '') + b);
      glyphAlikes.set(b, (glyphAlikes.get(b) ?? '') + a);
    }
  }
  return glyphAlikes.get(c) ?? '';
}

/** How often the corpus writes `a` then `b`: 0 never (or once), 1 a few times (2–9), 2 often (≥ 10). */
export function pairWeight(a: string, b: string): 0 | 1 | 2 {
  return commonPair(a, b) ? 2 : knownPair(a, b) ? 1 : 0;
}
