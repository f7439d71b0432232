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

  it('reads the width from the lines that end short of the margin: a justified full line says nothing', () => {
    // 工伤保险条例, 规划环境影响评价条例, 无线电管理条例 (serif, rotated, noisy): typed with ( ), their full
    // lines measured a third of a cell a bracket, as full-width brackets do; 互联网信息服务管理办法, 植物新品种保护条例 likewise typed
    for (const slug of ['gongshang', 'huanping', 'wuxiandian', 'hulianwang', 'zhiwu']) {
      expect(bracketCells(pagesOf(slug))!.cells, slug).toBeLessThan(0.05);
      expect(halfWidthBrackets(pagesOf(slug)), slug).toBe(true);
    }
    expect(layoutOcrPages(pagesOf('wuxiandian'))!.text).toContain('无线电台(站)');
    // full-width laws whose short lines measure least (lists in serif with many 、, and 农产品质量安全法's
    // five bracket lines, which the whole-line measure took for half-width)
    for (const slug of ['nongchanpin', 'minban', 'zhujun', 'hezuoshe']) {
      expect(bracketCells(pagesOf(slug))!.cells, slug).toBeGreaterThan(0.1);
      expect(halfWidthBrackets(pagesOf(slug)), slug).toBe(false);
    }
  });

  it('keeps full-width brackets where the page prints them, in both typefaces', () => {
    for (const slug of ['shipin', 'jining', 'weicheng', 'renli', 'yishi', 'peichang', 'funv', 'yufang', 'shuiwen']) {
      expect(bracketCells(pagesOf(slug))!.cells, slug).toBeGreaterThan(0.3);
      expect(halfWidthBrackets(pagesOf(slug)), slug).toBe(false);
    }
    expect(layoutOcrPages(pagesOf('shipin'))!.text).toContain('（一）');
  });

  it('gives no verdict from a single line unless it leaves its brackets no room at all, and keeps full width when a few lines say so', () => {
    // 黑土地保护法's and 食品安全刑事案件解释's excerpts: one short line with brackets, at a third of a cell
    for (const slug of ['heitudi', 'dashuju']) {
      expect(bracketCells(pagesOf(slug))!.lines, slug).toBe(1);
      expect(halfWidthBrackets(pagesOf(slug)), slug).toBe(false);
    }
    // 农民承担费用和劳务管理条例 (blind12, serif, noisy), typed with ( ): its one short bracket line at 0.03 of a cell
    const nongmin = pagesOf('nongmin');
    expect(bracketCells(nongmin)!.lines).toBe(1);
    expect(Math.abs(bracketCells(nongmin)!.cells)).toBeLessThan(0.05);
    expect(halfWidthBrackets(nongmin)).toBe(true);
    expect(layoutOcrPages(nongmin)!.text).toContain('(以下简称农民负担)');
    // 中小企业促进法's excerpt: two short lines at 0.3 of a cell a bracket
    expect(halfWidthBrackets(pagesOf('zhongxiao'))).toBe(false);
  });
});
