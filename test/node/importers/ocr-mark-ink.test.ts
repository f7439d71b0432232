// A comma's width from the page's own ink (ocr-mark-ink.ts): on real rendered lines (crops of kept pages' images,
// test/fixtures/documents/ocr-ink/make-ink-crops.ts) and on the kept fixtures given the measure (test/bench/ocr-mark-ink.ts
// --add-ink), a comma printed half-width is highlighted and a full-width one is not.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { isOcrPage, type OcrLine, type OcrPage } from '../../../electron/core/importers/ocr-engine';
import { pgmLayout } from '../../../electron/core/importers/ocr-images';
import { HALF_INK_ADVANCE, inkSaysHalfWidth, withMarkInk } from '../../../electron/core/importers/ocr-mark-ink';
import { correctLine, findSuspects, layoutOcrPages, SUSPECT_CONFIDENCE } from '../../../electron/core/importers/ocr-text';
import { asAnImportReads } from '../../bench/ocr-flag-score';
import { articleUnits, readKept } from './kept-ocr-laws';

const CROPS = join(import.meta.dirname, '../../fixtures/documents/ocr-ink');
function crop(name: string): { line: OcrLine; inked: OcrLine } {
  const data = new Uint8Array(gunzipSync(readFileSync(join(CROPS, `${name}.pgm.gz`))));
  const l = pgmLayout(data)!;
  const line = JSON.parse(readFileSync(join(CROPS, `${name}.line.json`), 'utf8')) as OcrLine;
  const [inked] = withMarkInk({ data, offset: l.offset, width: l.width, height: l.height }, [line], 0);
  return { line, inked: inked! };
}
const text = (l: OcrLine) => l.symbols.map((s) => s.ch).join('');

describe('comma width from the page ink', () => {
  it('a comma printed half-width (间）,是指, a sealed page) advances less than half a cell and is highlighted, not corrected', () => {
    const { inked } = crop('hpjiang-half-comma');
    const i = text(inked).indexOf('),是') + 1;
    expect(inked.symbols[i]!.ch).toBe(',');
    expect(inked.symbols[i]!.ink).toBeLessThan(HALF_INK_ADVANCE);
    const corrected = correctLine(inked.symbols);
    const k = corrected.map((s) => s.ch).join('').indexOf('），是') + 1;
    expect(k).toBeGreaterThan(0);
    expect(corrected[k]!.conf).toBeLessThan(SUSPECT_CONFIDENCE);
  });

  it('a full-width comma on a turned page is measured full, though a stroke of the next character (纟 of 结) looks like a mark', () => {
    // session 30's search took the mark-like run nearest the LSTM box: 0.15 of a cell here
    const { inked } = crop('aiguo-turned-full-comma');
    const i = text(inked).indexOf('神,结') + 1;
    expect(inked.symbols[i]!.ink).toBeGreaterThanOrEqual(HALF_INK_ADVANCE);
    expect(inkSaysHalfWidth(inked.symbols[i]!)).toBe(false);
    // every comma measured on the line is full-width, and only commas carry the measure
    const commas = inked.symbols.filter((s) => s.ink !== undefined);
    expect(commas.length).toBeGreaterThan(0);
    expect(commas.every((s) => s.ch === ',' && s.ink! >= HALF_INK_ADVANCE)).toBe(true);
  });

  it('a line-end comma is not measured (nothing after it on its line)', () => {
    const { line } = crop('aiguo-turned-full-comma');
    const cut = { ...line, symbols: line.symbols.slice(0, text(line).indexOf('神,结') + 2) };
    expect(cut.symbols.at(-1)!.ch).toBe(',');
    const data = new Uint8Array(gunzipSync(readFileSync(join(CROPS, 'aiguo-turned-full-comma.pgm.gz'))));
    const l = pgmLayout(data)!;
    const [inked] = withMarkInk({ data, offset: l.offset, width: l.width, height: l.height }, [cut], 0);
    expect(inked!.symbols.at(-1)!.ink).toBeUndefined();
  });

  it('the kept law read with the measure highlights its half-width comma in the article (空间）,是指)', () => {
    const law = readKept('hpjiang.pages.json.gz') as { pages: OcrPage[] };
    expect(law.pages.every(isOcrPage)).toBe(true);
    // (read as an import reads it: without tesseract's alternatives, which flag this comma on their own)
    const laid = layoutOcrPages(asAnImportReads(law.pages, false))!;
    const units = articleUnits(laid.text);
    const suspects = findSuspects(units, laid.stream, laid.confidence);
    const k = units.findIndex((u) => u.label === '第二条');
    const at = units[k]!.text.indexOf('），是指');
    expect(at).toBeGreaterThanOrEqual(0);
    expect(suspects[k]).toContain(at + 1);
  });

  it("a paragraph's short last line (同意,不得启封。: too few ideographs for a pitch of its own) is measured on the page's pitch", () => {
    const data = new Uint8Array(gunzipSync(readFileSync(join(CROPS, 'qdhaishang-short-line-half-comma.pgm.gz'))));
    const l = pgmLayout(data)!;
    const lines = JSON.parse(readFileSync(join(CROPS, 'qdhaishang-short-line-half-comma.lines.json'), 'utf8')) as OcrLine[];
    const img = { data, offset: l.offset, width: l.width, height: l.height };
    const comma = (ls: OcrLine[]) => ls.at(-1)!.symbols.find((s) => s.ch === ',')!;
    // alone, the short line has no pitch to measure in
    expect(comma(withMarkInk(img, lines.slice(-1), 0)).ink).toBeUndefined();
    // with the full line above it on the page, its half-width comma advances less than half a cell
    const inked = withMarkInk(img, lines, 0);
    expect(text(inked.at(-1)!)).toContain('同意,不得');
    expect(inkSaysHalfWidth(comma(inked))).toBe(true);
    // and the full line's own commas keep their measure
    expect(inked[0]!.symbols.filter((s) => s.ink !== undefined).every((s) => s.ink! >= HALF_INK_ADVANCE)).toBe(true);
  });

  it("the kept law read with the measure highlights the short line's half-width comma in its article (同意,不得启封)", () => {
    const law = readKept('qdhaishang.pages.json.gz') as { pages: OcrPage[] };
    expect(law.pages.every(isOcrPage)).toBe(true);
    const laid = layoutOcrPages(asAnImportReads(law.pages, false))!;
    const units = articleUnits(laid.text);
    const suspects = findSuspects(units, laid.stream, laid.confidence);
    const k = units.findIndex((u) => u.label === '第二十二条');
    const at = units[k]!.text.indexOf('同意，不得');
    expect(at).toBeGreaterThanOrEqual(0);
    expect(suspects[k]).toContain(at + 2);
  });

  it('a page read back with a bad measure is refused', () => {
    const page = (ink: unknown) => ({ width: 1, height: 1, dpi: 200, lines: [{ x0: 0, x1: 9, y0: 0, y1: 9, baseline: 9, symbols: [{ ch: '，', conf: 99, x0: 2, x1: 4, ink }] }] });
    expect(isOcrPage(page(0.9))).toBe(true);
    expect(isOcrPage(page(-0.1))).toBe(false);
    expect(isOcrPage(page('0.9'))).toBe(false);
    expect(isOcrPage(page(Number.NaN))).toBe(false);
  });
});
