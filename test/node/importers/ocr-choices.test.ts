// tesseract's alternatives per character (lstm_choice_mode 2, read from its hOCR) attached to the
// symbols of its JSON blocks: on two words tesseract wrote for 土地增值税暂行条例's
// 税率为40%。 (read 4006。; `choices-tudi.hocr`, made by make-ocr-flags.ts's reading with choices on).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hocrWordChoices, toLines } from '../../../electron/core/importers/ocr-tesseract';

const HOCR = readFileSync(join(import.meta.dirname, '../../fixtures/documents/ocr-flags/choices-tudi.hocr'), 'utf8');

const box = (x0: number, x1: number) => ({ x0, x1, y0: 208, y1: 244 });
function page(words: { text: string; x0: number; x1: number }[], hocr: string): import('tesseract.js').Page {
  const line = {
    words: words.map((w) => ({ text: w.text, confidence: 90, bbox: box(w.x0, w.x1), choices: [], font_name: '', symbols: [...w.text].map((ch) => ({ text: ch, confidence: 90, bbox: box(w.x0, w.x1), is_superscript: false, is_subscript: false, is_dropcap: false })) })),
    bbox: box(321, 437),
    baseline: { x0: 321, y0: 244, x1: 437, y1: 244, has_baseline: true },
  };
  return { blocks: [{ paragraphs: [{ lines: [line] }] }], hocr } as unknown as import('tesseract.js').Page;
}

describe('OCR choices', () => {
  it('reads each word of the hOCR as its characters\' choice groups, the space before a word included', () => {
    const words = hocrWordChoices(HOCR);
    expect(words.map((w) => w.map((g) => g[0]!.ch).join(''))).toEqual(['为', ' 4006。']);
    expect(words[1]![3]!.slice(0, 2)).toEqual([{ ch: '0', score: 98.590004 }, { ch: '%', score: 84.177338 }]);
  });

  it('gives each symbol its choices — the runner-ups of the misread 40% among them — leaving the space group out', () => {
    const lines = toLines(page([{ text: '为', x0: 321, x1: 349 }, { text: '4006。', x0: 346, x1: 437 }], HOCR));
    const s = lines[0]!.symbols;
    expect(s.map((x) => x.ch).join('')).toBe('为4006。');
    expect(s[0]!.choices).toEqual({ top: 98, alts: [{ ch: '丸', score: 31 }] });
    expect(s[3]!.choices).toEqual({ top: 99, alts: [{ ch: '%', score: 84 }, { ch: '9', score: 81 }] });
    expect(s.every((x) => x.choices)).toBe(true);
  });

  it('gives no choices where the groups and the characters do not line up, nor on a page read without them', () => {
    expect(toLines(page([{ text: '为', x0: 321, x1: 349 }, { text: '406。', x0: 346, x1: 437 }], HOCR))[0]!.symbols.slice(1).some((x) => x.choices)).toBe(false);
    expect(toLines(page([{ text: '为', x0: 321, x1: 349 }], ''))[0]!.symbols[0]!.choices).toBeUndefined();
  });
});
