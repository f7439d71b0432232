// What the glyphs' x boxes (OcrSymbol.x0/x1, session 13) decide, on tesseract's output kept as fixtures
// (test/fixtures/documents/ocr-flags/, made again with --add-geometry): a comma whose box looks half-width,
// and a blank between two ideographs where a mark was dropped (ocr-geometry.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { isOcrPage, type OcrLine, type OcrPage } from '../../../electron/core/importers/ocr-engine';
import { blankBetweenIdeographs, doubtedHalfMarkLines, halfWidthCommas, halfWidthLineEndMarks } from '../../../electron/core/importers/ocr-geometry';
import { scoreFlags } from '../../bench/ocr-flag-score';
import { findSuspects, layoutOcrPages } from '../../../electron/core/importers/ocr-text';
import { parseLawText } from '../../../electron/core/parse/law-structure-parser';
import { articleUnits as articles, keptLaws, readKept } from './kept-ocr-laws';

const read = readKept;
const laws = keptLaws();
const HALF_COMMA = /[\u3400-\u9fff],[\u3400-\u9fff]/g;

describe('OCR glyph geometry (x boxes)', () => {
  it('every kept page has the shape of a recognised page, and the pages made again carry x boxes', () => {
    const bench = read('yuanzhu-bench.pages.json.gz') as Record<string, unknown>;
    const pages = [...laws.flatMap((l) => l.d.pages as unknown[]), ...Object.values(bench)];
    expect(pages.every((p) => isOcrPage(p))).toBe(true);
    const boxed = (pages as OcrPage[]).filter((p) => p.lines.some((l) => l.symbols.some((s) => s.x0 !== undefined)));
    expect(boxed.length).toBeGreaterThan(pages.length / 2);
    expect(isOcrPage({ width: 1, height: 1, dpi: 200, lines: [{ x0: 0, x1: 9, y0: 0, y1: 9, baseline: 9, symbols: [{ ch: '一', conf: 99, x0: 5, x1: 2 }] }] })).toBe(false);
    expect(isOcrPage({ width: 1, height: 1, dpi: 200, lines: [{ x0: 0, x1: 9, y0: 0, y1: 9, baseline: 9, symbols: [{ ch: '一', conf: 99, x0: 2 }] }] })).toBe(false);
  });

  it('a comma printed half-width between Chinese (the source has 社会信用,是指) is highlighted', () => {
    const l = laws.find((x) => x.slug === 'xinyong')!;
    const laid = layoutOcrPages(l.d.pages)!;
    const units = articles(laid.text);
    const suspects = findSuspects(units, laid.stream, laid.confidence);
    const k = units.findIndex((u) => u.label === '第二条');
    const text = units[k]!.text;
    const at = text.indexOf('社会信用，是指');
    expect(at).toBeGreaterThanOrEqual(0);
    expect(suspects[k]).toContain(at + 4);
  });

  it('no comma of the kept laws typed with full-width marks is made half-width (official texts print ， beside Chinese; a box that looks half-width only highlights)', () => {
    for (const l of laws.filter((x) => x.slug !== 'qdjieshui')) expect(layoutOcrPages(l.d.pages)!.text, l.slug).not.toMatch(HALF_COMMA);
  });

  it('a document typed with half-width , ; : throughout keeps them; every other kept law is read as full-width', () => {
    // 青岛市城市节约用水管理条例 as its source types it (加强城市节约用水管理,根据…): 28 of its 49 commas look half-width
    const typedHalf = laws.filter((l) => halfWidthCommas(l.d.pages)).map((l) => l.slug);
    expect(typedHalf).toEqual(['qdjieshui']);
    const text = layoutOcrPages(laws.find((l) => l.slug === 'qdjieshui')!.d.pages)!.text;
    expect(text).toContain('加强城市节约用水管理,根据国家法律法规的有关规定,结合本市实际情况,制定本条例。');
    expect(text).not.toMatch(/[\u3400-\u9fff][，；][\u3400-\u9fff]/);
    // A handful of commas that look half-width do not make a document so (xinyong types 3 of its 62 so: 3 of 43 look it)
    const xinyong = laws.find((l) => l.slug === 'xinyong')!;
    expect(halfWidthCommas(xinyong.d.pages)).toBe(false);
  });

  it('a space tesseract put between two ideographs inside a sentence highlights both (a dropped 、: 教育工作者 社会公众), not the space after 第X条', () => {
    const line = (t: string) => [...t].map((ch) => ({ ch, conf: 99 }));
    const s = line('教育工作者 社会公众');
    expect(blankBetweenIdeographs(s).map((i) => s[i]!.ch)).toEqual(['者', '社']);
    expect(blankBetweenIdeographs(line('第七条 教育工作者'))).toEqual([]);
    expect(blankBetweenIdeographs(line('违反本章 规定的'))).toEqual([]);
  });

  it('a : or ; ending a line that sits lower than the document\'s others is found: the page\'s own half-width marks (xianggang) and a 。 read ; (daojiao)', () => {
    const found = (slug: string) => {
      const l = laws.find((x) => x.slug === slug)!;
      const marks = halfWidthLineEndMarks(l.d.pages);
      // each mark found with what its line says before it
      return l.d.pages.flatMap((p) => p.lines.filter((line) => line.symbols.some((x) => marks.has(x))).map((line) => line.symbols.map((x) => x.ch).join('').trim().slice(-5)));
    };
    // the source prints 生效判决:, 民事案件: and 法院提出; half-width before their lists; tesseract reads every : ; alike
    expect(found('xianggang').sort()).toEqual(['民事案件:', '法院提出;', '生效判决:']);
    // 纳入综合评定。 read 纳火综合评定; (the 。's ink sits at its cell's foot)
    expect(found('daojiao')).toEqual(['综合评定;']);
    // a law printed with full-width marks throughout, several of them ending lines: none
    expect(found('yufang')).toEqual([]);
  });

  it('a line-end mark is judged against the document\'s others of its kind: four of the kind needed, and a page whose marks all sit low is left alone', () => {
    // ideographs from y 100 to 140 (the line's band), a colon whose box's middle stands at `mid` (in pixels from 100)
    const line = (mid: number): OcrLine => {
      const symbols = [...'本安排所称判决'].map((ch, i) => ({ ch, conf: 99, x0: i * 40, x1: i * 40 + 36, y0: 100, y1: 140 }));
      symbols.push({ ch: ':', conf: 99, x0: 285, x1: 290, y0: 100 + mid - 12, y1: 100 + mid + 12 });
      return { symbols, x0: 0, x1: 290, y0: 100, y1: 140, baseline: 140 };
    };
    const page = (...mids: number[]): OcrPage => ({ width: 1700, height: 2200, dpi: 200, lines: mids.map(line) });
    const count = (pages: OcrPage[]) => halfWidthLineEndMarks(pages).size;
    // 2 px lower is 0.05 of the line's height: found; 1 px (0.025) is not
    expect(count([page(24, 24, 24, 24, 26)])).toBe(1);
    expect(count([page(24, 24, 24, 24, 25)])).toBe(0);
    // with only three of the kind there is nothing to judge by
    expect(count([page(24, 24, 26)])).toBe(0);
    // the low one's page has another as low: a copy whose page sits lower, not a half-width mark
    expect(count([page(24, 24, 24, 24), page(26, 26)])).toBe(0);
  });

  it('a kind with fewer than four at line ends is judged against the document\'s line-end marks of the other kind (hexanquan: three `是指:` / `条件:`, every one half-width)', () => {
    // semicolons' box middles at 27 of a 40 px line (0.675), colons at 27 − 0.084 × 40 ≈ 23.6 when full-width
    const line = (ch: string, mid: number): OcrLine => {
      const symbols = [...'本法所称核设施'].map((c, i) => ({ ch: c, conf: 99, x0: i * 40, x1: i * 40 + 36, y0: 100, y1: 140 }));
      symbols.push({ ch, conf: 99, x0: 285, x1: 290, y0: 100 + mid - 12, y1: 100 + mid + 12 });
      return { symbols, x0: 0, x1: 290, y0: 100, y1: 140, baseline: 140 };
    };
    const page = (colons: number[], semis: number[]): OcrPage => ({ width: 1700, height: 2200, dpi: 200, lines: [...colons.map((m) => line(':', m)), ...semis.map((m) => line(';', m))] });
    const count = (pages: OcrPage[]) => halfWidthLineEndMarks(pages).size;
    expect(count([page([23.6, 26], [27, 27, 27, 27])])).toBe(1);
    expect(count([page([23.6, 23.6, 24.4], [27, 27, 27, 27])])).toBe(0);
    // three semicolons are too few to judge by
    expect(count([page([26], [27, 27, 27])])).toBe(0);
    // the kept law: all three of its line-end colons, none of its eleven semicolons
    const l = laws.find((x) => x.slug === 'hexanquan')!;
    const marks = [...halfWidthLineEndMarks(l.d.pages)];
    expect(marks.map((m) => m.ch).sort()).toEqual([':', ':', ':']);
  });

  it('in a document typed with both widths, highlights the , ; : of the paragraphs whose commas do not look half-width (ocr-mixed/mixed-width)', () => {
    // 地图管理条例 with every other article typed ， ； ： （ ）, printed and read as make-ocr-flags.ts reads a page
    // (make-mixed-width.ts): a quarter of its commas look half-width, so the document keeps its marks as read
    const dir = join(import.meta.dirname, '../../fixtures/documents/ocr-mixed');
    const { pages } = JSON.parse(gunzipSync(readFileSync(join(dir, 'mixed-width.pages.json.gz'))).toString('utf8')) as { pages: OcrPage[] };
    const source = parseLawText(readFileSync(join(dir, 'mixed-width.md'), 'utf8'), { format: 'md' }).units.filter((u) => u.kind === 'article' || u.kind === 'section');
    expect(halfWidthCommas(pages)).toBe(true);
    const doubted = doubtedHalfMarkLines(pages);
    const text = (l: OcrLine) => l.symbols.map((x) => x.ch).join('');
    // 第一条 (typed ，) is doubted, 第二条 (typed ,: its comma looks so) is not
    expect([...doubted].some((l) => text(l).includes('维护国家主权'))).toBe(true);
    expect([...doubted].some((l) => text(l).includes('监督检查活动'))).toBe(false);
    // 20 of its 28 wrong marks were unhighlighted, in 8 of 9 wrong articles
    const s = scoreFlags(pages, source);
    expect(s.wrongChars).toBeGreaterThan(20);
    expect(s.wrongNotHighlighted).toBeLessThanOrEqual(2);
    expect(s.unflaggedArticles).toBeLessThanOrEqual(2);
    // a document typed , throughout has none doubted where its commas look so (青岛市城市节约用水管理条例 第三条)
    const qd = laws.find((l) => l.slug === 'qdjieshui')!.d.pages;
    expect([...doubtedHalfMarkLines(qd)].some((l) => text(l).includes('公用事业行政主管部门'))).toBe(false);
  });
});
