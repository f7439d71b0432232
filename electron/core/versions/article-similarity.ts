// How alike two articles' texts are, as the article mapping (article-mapping.ts) and its oracle
// (test/node/versions/article-mapping-reference.ts) both judge it: the text normalised for what
// renumbering and typesetting change by themselves, then the Dice coefficient of its character
// bigrams. One definition, so the oracle checks the mapping's pair search and not a copy of these.

const REF = /第[零〇一二两三四五六七八九十百千0-9]+条(之[一二三四五六七八九十]+)?/g;
const PUNCT: Record<string, string> = {
  '，': ',', '；': ';', '：': ':', '（': '(', '）': ')', '！': '!', '？': '?', '“': '"', '”': '"', '‘': "'", '’': "'",
  '〈': '<', '〉': '>', '《': '<', '》': '>', '．': '.', '。': '.', '、': ',',
};

/** Text right before 第X条 that names another law: 《…》, 民事诉讼法, 实施条例 — but not 本法/本条例. */
const OTHER_LAW_BEFORE = /(?:》|[\u4e00-\u9fa5](?:法|法典|条例|办法|规定|细则|规则|解释|决定))(?:的)?$/;
const OWN_LAW_BEFORE = /(?:本|该)(?:法|条例|办法|规定|细则|规则|解释|决定)(?:的)?$/;
const LIST_GAP = /^(?:、|和|及|以及|或者|或|，|,|与|至|到)$/;

/** 第X条 → 第#条 where X is the law's own article; a reference to another law keeps its number. */
function maskOwnReferences(text: string): string {
  let foreign = false;
  let prevEnd = -1;
  return text.replace(REF, (m: string, _s: string | undefined, offset: number) => {
    const before = text.slice(Math.max(0, offset - 16), offset);
    const gap = prevEnd >= 0 ? text.slice(prevEnd, offset) : undefined;
    prevEnd = offset + m.length;
    if (gap !== undefined && LIST_GAP.test(gap)) return foreign ? m : '第#条'; // 第十八条、第十九条 share their law
    foreign = OTHER_LAW_BEFORE.test(before) && !OWN_LAW_BEFORE.test(before);
    return foreign ? m : '第#条';
  });
}

export function normaliseForMatch(text: string): string {
  return maskOwnReferences(text)
    .replace(/[，；：（）！？“”‘’〈〉《》．。、]/g, (c) => PUNCT[c] ?? c)
    .replace(/[\s\u3000]+/g, '');
}

/**
 * A text's character bigrams as one sorted array of codes (first UTF-16 unit × 65536 + second), a
 * multiset: the overlap of two is a merge of sorted numbers instead of a hash lookup per bigram,
 * ≈10× less CPU on a law whose articles were nearly all rewritten (刑诉法解释 2012 → 2021: every
 * unmatched article against the ±65 around it). A one-character text is its character's code,
 * which no bigram equals (a bigram's code is at least 65536 unless it starts with U+0000).
 */
export function bigrams(text: string): Uint32Array {
  if (text.length === 1) return Uint32Array.of(text.charCodeAt(0));
  const out = new Uint32Array(Math.max(0, text.length - 1));
  for (let i = 0; i + 1 < text.length; i++) out[i] = text.charCodeAt(i) * 65536 + text.charCodeAt(i + 1);
  return out.sort();
}

/** Size of the multiset intersection: Σ over bigrams of the smaller count in either (a merge). */
export function overlap(a: Uint32Array, b: Uint32Array): number {
  let n = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

/** The least overlap k whose Dice 2k / total is ≥ threshold, in the same floating point as the test itself. */
export function leastOverlap(total: number, threshold: number): number {
  let k = Math.ceil((threshold * total) / 2);
  while (k > 0 && (2 * (k - 1)) / total >= threshold) k--;
  while ((2 * k) / total < threshold) k++;
  return k;
}

/** Dice coefficient over character bigrams. */
export function dice(a: Uint32Array, b: Uint32Array): number {
  const total = a.length + b.length;
  return total === 0 ? 1 : (2 * overlap(a, b)) / total;
}
