// A misread ideograph that the document itself corrects. chi_sim reads one character of a word for
// a printed look-alike confidently (垫断 for 垄断, 撒销 for 撤销, 筒章 for 简章), and often not every
// time: the same law reads the word right elsewhere. A character that makes no pair the laws write
// (pairWeight 0) with either neighbour, while a look-alike of it (cjk-glyph-alikes.ts, from the
// fonts) makes with one neighbour a pair the laws write often and this document reads at least
// twice elsewhere, and fits the other neighbour no worse, was that look-alike: it replaces the
// character, whose confidence goes below the suspect line so a person confirms the guess. A word
// the corpus never writes with no such look-alike is left to the highlight.

import { glyphAlikesOf, hanPairCounts, isHan, knownChar, pairWeight } from './ocr-vocabulary';
import { alignToStream, type StreamText } from './ocr-marks';

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
    for (const alt of glyphAlikesOf(c)) {
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
 * The replacements of lookAlikesReadElsewhere made in a laid-out OCR text and its symbol stream together
 * (only on characters OCR read: `fromOcr`), each a suspect.
 */
export function correctDocumentLookAlikes(input: StreamText, suspect: number, fromOcr: (streamIndex: number) => boolean = () => true): StreamText {
  const found = lookAlikesReadElsewhere(input.text);
  if (found.size === 0) return input;
  const text = [...input.text];
  const stream = [...input.stream];
  const confidence = [...input.confidence];
  const at = alignToStream(text, stream);
  for (const [o, alt] of found) {
    const j = at[o]!;
    if (j < 0 || !fromOcr(j)) continue;
    text[o] = alt;
    stream[j] = alt;
    confidence[j] = Math.min(confidence[j] ?? 0, suspect - 1);
  }
  return { text: text.join(''), stream: stream.join(''), confidence };
}
