// What tesseract's runners-up say of a clause mark (OcrSymbol.choices, read with lstm_choice_mode 2;
// README-importers, *Session 26 highlights*): a comma's width, and a semicolon that may stand for a comma. chi_sim reads a comma `,` whatever its width, and the
// post-correction makes it full-width beside Chinese, as official texts print it; where the page itself
// prints `,` (a source typed so: `（以下简称滨水公共空间）,是指`) the text then differs from the page. The
// boxes do not tell the two apart after a bracket or a title mark (ocr-geometry.ts needs ideographs on both
// sides); what tesseract weighed beside the comma does: for a full-width ， its runners-up are CJK marks or
// ideographs (、「“ …), for a half-width one Latin marks only (; : ) J . …). Pages read without choices (an
// import, unless LAWDESK_OCR_CHOICES=1) and correct text give no verdict.

import type { OcrSymbol } from './ocr-engine';

const HAN = /^[\u3400-\u9fff\uf900-\ufaff]$/;

/**
 * A comma before an ideograph whose runners-up are all printable ASCII, one of them ; : or ): the glyph
 * tesseract saw is the Latin comma's. Measured on the 20 development sets' kept pages (commas whose source
 * context was found, blind18 kept back): 44 of 53 commas the sources type `,` (35 of them in the one law
 * typed with half-width marks throughout), 9 of 5,564 they type `，`.
 */
export function choicesSayHalfWidthComma(s: readonly OcrSymbol[], i: number): boolean {
  const m = s[i];
  if (!m || !/^[,，]$/.test(m.ch)) return false;
  if (!HAN.test(s[nextInk(s, i)]?.ch ?? '')) return false;
  const alts = m.choices?.alts ?? [];
  return alts.length > 0 && alts.every((a) => /^[\x21-\x7e]$/.test(a.ch)) && alts.some((a) => /^[;:)]$/.test(a.ch));
}

/**
 * A semicolon inside a line, before an ideograph, that tesseract weighed against a comma (a `,` among its
 * runners-up): the page may print ， where it reads ；, and both read as well in the text (`记录完整;统计资料`
 * for `,`). Measured on the same pages (31 semicolons with a comma among their runners-up): 5 of the 6 inside
 * a line stand where the sources print a comma (the sixth is a right ；); the 25 at a line's end, before a
 * list's next item, are all right ；, so those are left alone.
 */
export function choicesWeighComma(s: readonly OcrSymbol[], i: number): boolean {
  const m = s[i];
  if (!m || !/^[;；]$/.test(m.ch) || !(m.choices?.alts ?? []).some((a) => /^[,，]$/.test(a.ch))) return false;
  return HAN.test(s[nextInk(s, i)]?.ch ?? '');
}

/** The index of the first symbol after `i` that is not a space. */
function nextInk(s: readonly OcrSymbol[], i: number): number {
  let j = i + 1;
  while (s[j]?.ch === ' ') j++;
  return j;
}
