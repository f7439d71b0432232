// A % sign that chi_sim read as pieces of digits. The glyph is two small circles and a slash, a
// digit and a half wide: tesseract reads its upper circle as 0 or 9 and the rest as 6 (税率为3006。 for
// 30%。, 金额2096的 for 20%的), or reads the % itself with a piece beside it (1009%6的, 100%0、, 5%06。).
// Every such repair rests on two things at once: the text (a % is written before what follows, a
// bare number is not; digits after a % are never written) and the glyphs' boxes (a piece is not as
// tall as the number's digits). A line without boxes (correct text read as if recognised) is never
// changed. The % put back is a suspect: a person checks it.

import type { OcrSymbol } from './ocr-engine';
import { AFTER_NUMBER, AFTER_PERCENT } from './cjk-bigrams';

const DIGIT = /^[0-9]$/;

const heightOf = (x: OcrSymbol) => (x.y0 !== undefined && x.y1 !== undefined ? x.y1 - x.y0 : undefined);

function median(v: number[]): number | undefined {
  if (v.length === 0) return undefined;
  const s = [...v].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** A glyph not shaped like the number's digits: under 0.8 or over 1.25 of their height. */
function offHeight(x: OcrSymbol, digitHeight: number): boolean {
  const h = heightOf(x);
  return h !== undefined && (h < 0.8 * digitHeight || h > 1.25 * digitHeight);
}

/**
 * Repairs in place, on one corrected OCR line (spaces included), the % signs read as digits; the %
 * put back gets a confidence of at most `below`.
 */
export function repairPercentPieces(s: OcrSymbol[], below: number): void {
  for (let i = 0; i < s.length; i++) {
    if (!DIGIT.test(s[i]!.ch)) continue;
    let j = i;
    while (j < s.length && (DIGIT.test(s[j]!.ch) || s[j]!.ch === '%' || (s[j]!.ch === '.' && DIGIT.test(s[j - 1]?.ch ?? '') && DIGIT.test(s[j + 1]?.ch ?? '')))) j++;
    const run = s.slice(i, j).map((x) => x.ch).join('');
    const before = s[i - 1]?.ch === ' ' ? s[i - 2]?.ch : s[i - 1]?.ch;
    const next = s[j]?.ch;
    const start = i;
    i = j;
    // A number after Latin letters or a dash is a code (GB/T 50016-2006): anything may stand in it.
    if (before !== undefined && /[A-Za-z/\-.]/.test(before)) continue;
    const read = /^(\d+(?:\.\d+)?)%([069]{0,2})$/.exec(run) ?? /^(\d+(?:\.\d+)?)([09]6)$/.exec(run);
    if (!read) continue;
    const digitHeight = median(s.slice(start, start + read[1]!.length).filter((x) => DIGIT.test(x.ch)).map(heightOf).filter((h): h is number => h !== undefined));
    if (digitHeight === undefined) continue;
    // (a % read whole between two pieces, 1009%6: the digit before it is its upper circle when it is
    // not shaped like the others — not without a piece after it: 50%、 read with a short 0 is right)
    const top = run.includes('%') && read[2] !== '' && read[1]!.length > 1 && /[09]$/.test(read[1]!) && offHeight(s[start + read[1]!.length - 1]!, digitHeight) ? 1 : 0;
    const at = start + read[1]!.length - top;
    if (run.includes('%')) {
      // The % was read: a digit before it as short or tall as no digit of the number is its upper
      // circle; digits after it (never written: 5%6) are its pieces or a speck, when one of the pieces
      // is not shaped like a digit.
      if (!s.slice(at, j).some((x) => x.ch !== '%' && offHeight(x, digitHeight))) continue;
      const pct = s[at + top]!;
      s.splice(at, j - at, { ...pct, conf: Math.min(pct.conf, below) });
    } else {
      // No % read: the number's last two digits [09]6 are its pieces when what follows is written
      // after a % and never after a bare number (3006。, 2096的) and one of them is not shaped like a digit.
      if (next === undefined || !AFTER_PERCENT.includes(next) || AFTER_NUMBER.includes(next)) continue;
      const tail = s.slice(at, j);
      if (!tail.some((x) => offHeight(x, digitHeight))) continue;
      s.splice(at, j - at, { ...tail[0]!, ch: '%', conf: Math.min(...tail.map((x) => x.conf), below), x1: tail[1]!.x1 ?? tail[0]!.x1 });
    }
    i = at + 1;
  }
}
