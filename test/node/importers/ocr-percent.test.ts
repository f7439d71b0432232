// A % sign read as pieces of digits (ocr-percent.ts), on tesseract's own output for the kept fixture scans
// (test/fixtures/documents/ocr-flags/): 土地增值税暂行条例's rates and 农民承担费用's 5%.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { OcrPage, OcrSymbol } from '../../../electron/core/importers/ocr-engine';
import { repairPercentPieces } from '../../../electron/core/importers/ocr-percent';
import { correctLine, SUSPECT_CONFIDENCE } from '../../../electron/core/importers/ocr-text';

const DIR = join(import.meta.dirname, '../../fixtures/documents/ocr-flags');
const pagesOf = (slug: string): OcrPage[] => (JSON.parse(gunzipSync(readFileSync(join(DIR, `${slug}.pages.json.gz`))).toString('utf8')) as { pages: OcrPage[] }).pages;
const textOf = (s: readonly OcrSymbol[]) => s.map((x) => x.ch).join('');
const linesOf = (slug: string) => pagesOf(slug).flatMap((p) => p.lines.map((l) => l.symbols));
const lineWith = (slug: string, read: string) => linesOf(slug).find((s) => textOf(s).includes(read))!;
const repaired = (s: readonly OcrSymbol[]) => {
  const c = s.map((x) => ({ ...x }));
  repairPercentPieces(c, SUSPECT_CONFIDENCE - 1);
  return c;
};

describe('a % read as digits', () => {
  it('puts back the % of the rates tesseract read as 06, 96, 9%6 and %0, each a suspect', () => {
    const cases: [string, string, string][] = [
      ['税率为3006。', '税率为30%。', 'tudi'],
      ['税率为4006。', '税率为40%。', 'tudi'],
      ['税率为5006。', '税率为50%。', 'tudi'],
      ['税率为6006。', '税率为60%。', 'tudi'],
      ['1009%6的部分', '100%的部分', 'tudi'],
      ['2009%6的部分', '200%的部分', 'tudi'],
      ['100%0、', '100%、', 'tudi'],
      ['2096的', '20%的', 'tudi'],
      ['5%06。', '5%。', 'nongmin'],
    ];
    for (const [read, meant, slug] of cases) {
      const s = correctLine(lineWith(slug, read));
      expect(textOf(s), read).toContain(meant);
      const at = textOf(s).indexOf(meant) + meant.indexOf('%');
      expect(s[at]!.conf, read).toBeLessThan(SUSPECT_CONFIDENCE);
    }
  });

  it('leaves a right % and the digits before it alone, even where a box is short (50%、: its 0 boxed at 0.6 of the 5)', () => {
    expect(textOf(repaired(lineWith('tudi', '金额50%、')))).toContain('金额50%、');
  });

  it('changes nothing without the glyphs’ boxes, nor where the pieces are as tall as the number’s digits', () => {
    const bare = lineWith('tudi', '税率为3006。').map(({ ch, conf }) => ({ ch, conf }));
    expect(textOf(repaired(bare))).toContain('税率为3006。');
    // the same line with every digit boxed as the 3 is: a number 3006 as far as the page shows
    const line = lineWith('tudi', '税率为3006。');
    const three = line.find((x) => x.ch === '3')!;
    const even = line.map((x) => (/[0-9]/.test(x.ch) ? { ...x, y0: three.y0, y1: three.y1 } : x));
    expect(textOf(repaired(even))).toContain('税率为3006。');
  });

  it('keeps a number before what a bare number is written before (2006年), and a code’s digits (GB/T 50016-2006)', () => {
    const box = (ch: string, h = 30): OcrSymbol => ({ ch, conf: 98, y0: 100, y1: 100 + h });
    const year = [box('于'), box('2'), box('0'), box('0'), box('6', 18), box('年'), box('施')];
    expect(textOf(repaired(year))).toBe('于2006年施');
    const code = [box('G'), box('B'), box('/'), box('T'), box(' '), box('5'), box('0'), box('0'), box('1'), box('6'), box('-'), box('2'), box('0'), box('0'), box('6', 18), box('。')];
    expect(textOf(repaired(code))).toBe('GB/T 50016-2006。');
  });
});
