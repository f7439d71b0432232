// Whether a scan prints its brackets half-width, judged from how wide its lines are (ocr-bracket-width.ts),
// on tesseract's own output for the held-out fixture scans (test/fixtures/documents/ocr-flags/).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { OcrPage } from '../../../electron/core/importers/ocr-engine';
import { bracketCells, halfWidthBrackets } from '../../../electron/core/importers/ocr-bracket-width';
import { layoutOcrPages } from '../../../electron/core/importers/ocr-text';

const DIR = join(import.meta.dirname, '../../fixtures/documents/ocr-flags');
const pagesOf = (slug: string): OcrPage[] => (JSON.parse(gunzipSync(readFileSync(join(DIR, `${slug}.pages.json.gz`))).toString('utf8')) as { pages: OcrPage[] }).pages;

describe('bracket width from the width of the lines', () => {
  it('finds the half-width brackets of a law typed with ( ) and keeps them so in the text', () => {
    // 音像制品管理条例 as the corpus types it: (一) … (十), 音像出版单位(以下简称…)
    const pages = pagesOf('yinxiang');
    expect(bracketCells(pages)!.cells).toBeLessThan(0.1);
    expect(halfWidthBrackets(pages)).toBe(true);
    const text = layoutOcrPages(pages)!.text;
    expect(text).toContain('(一)反对宪法确定的基本原则的；');
    expect(text).not.toMatch(/（[一二三四五六七八九十]）/);
     // the other laws typed so, in both typefaces and under noise and JPEG: 政府采购法实施条例, 农业保险条例, 土地增值税暂行条例
    for (const slug of ['caigou', 'nongye', 'tudi']) expect(halfWidthBrackets(pagesOf(slug)), slug).toBe(true);
  });

  it('keeps full-width brackets where the page prints them, in both typefaces', () => {
    for (const slug of ['shipin', 'jining', 'weicheng', 'renli', 'yishi', 'peichang', 'funv', 'yufang', 'shuiwen']) {
      expect(bracketCells(pagesOf(slug))!.cells, slug).toBeGreaterThan(0.3);
      expect(halfWidthBrackets(pagesOf(slug)), slug).toBe(false);
    }
    expect(layoutOcrPages(pagesOf('shipin'))!.text).toContain('（一）');
  });

  it('gives no verdict from a handful of lines', () => {
    // 中小企业促进法's excerpt: two lines with brackets and no digits
    expect(bracketCells(pagesOf('zhongxiao'))!.lines).toBeLessThan(5);
    expect(halfWidthBrackets(pagesOf('zhongxiao'))).toBe(false);
  });
});
