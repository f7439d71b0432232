// A page read too poorly to trust as a whole gets a page warning (import report, stored version, 核对
// view); a page read well never does. On the real recogniser's output: every kept development page
// (test/fixtures/documents/ocr-flags, the blind set kept back left out), and pages blurred hard or
// turned upside down (test/fixtures/documents/ocr-doubt, make-doubt-pages.ts); and one import end to end.

import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { OcrPage } from '../../../electron/core/importers/ocr-engine';
import { DOUBTFUL_PAGE_SHARE, LATIN_PAGE_SHARE, doubtfulPages, pageDoubt } from '../../../electron/core/importers/ocr-page-doubt';
import { importPaths } from '../../../electron/core/library/library-import';
import { openLibrary } from '../../../electron/core/library/open-library';
import { ocrDoubtfulPageList, ocrDoubtfulPageSchema, ocrPageDoubtMessage, ocrPagesDoubtMessage } from '../../../electron/shared/ocr-page-doubt';
import { ocrTurnedPagesMessage } from '../../../electron/shared/ocr-page-turn';
import { PAGE_LIST_MAX, pageList } from '../../../electron/shared/page-list';
import { KEPT_DIR, keptBack, readKept } from './kept-ocr-laws';

const DOUBT = join(import.meta.dirname, '../../fixtures/documents/ocr-doubt');
const work = mkdtempSync(join(tmpdir(), 'lawdesk-doubt-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every kept development page: the held-out laws' and the bench's own, blind21 left out. */
function developmentPages(): { name: string; page: OcrPage }[] {
  const out: { name: string; page: OcrPage }[] = [];
  for (const f of readdirSync(KEPT_DIR).filter((n) => n.endsWith('.pages.json.gz'))) {
    const d = readKept(f) as { set?: string; pages?: OcrPage[] };
    if (d.pages) {
      if (!keptBack(d.set)) d.pages.forEach((page, i) => out.push({ name: `${f} p${i + 1}`, page }));
    } else for (const [k, page] of Object.entries(d as Record<string, OcrPage>)) out.push({ name: `${f} ${k}`, page });
  }
  return out;
}

describe('page-level doubt', () => {
  it('no development page warns, however degraded (noise, blur, JPEG 30, seal, tilt)', () => {
    const pages = developmentPages();
    expect(pages.length).toBeGreaterThan(600);
    const warned = pages.filter((p) => doubtfulPages([p.page]).length > 0).map((p) => `${p.name} ${pageDoubt(p.page).doubtful}`);
    expect(warned).toEqual([]);
  });

  it('pages blurred hard or upside down warn, naming the page and the share', () => {
    const made = readKept('../ocr-doubt/doubt.pages.json.gz') as Record<string, OcrPage>;
    for (const name of ['blur25-p2', 'blur4-p1', 'blur4-p2', 'blur6-p2', 'upside-p1', 'upside-p2']) {
      const found = doubtfulPages([made[name]!]);
      expect(found, name).toHaveLength(1);
      expect(found[0]!.doubtful, name).toBeGreaterThanOrEqual(DOUBTFUL_PAGE_SHARE);
    }
    // In a document, the page's own number: a good page, then a bad one.
    const dev = developmentPages()[0]!.page;
    const found = doubtfulPages([dev, made['upside-p1']!]);
    expect(found.map((d) => d.page)).toEqual([2]);
    expect(ocrPageDoubtMessage(found[0]!)).toMatch(/^第 2 页识别可信度低（约 \d+% 的字符待核对），建议重新扫描或对照原件逐字核对$/);
    expect(ocrPagesDoubtMessage(doubtfulPages([made['blur4-p1']!, dev, made['upside-p2']!]))).toMatch(/^第 1、3 页识别可信度低（分别约 \d+%、\d+% 的字符待核对）/);
  });

  it('pages not in Chinese are named apart; Chinese pages with Latin letters (GB/T numbers, a)/b) items, cm) are not', () => {
    // four English pages the real recogniser read (make-latin-pages.ts, make-doubt-pages.ts' english): each named
    const latinPages = readKept('../ocr-doubt/latin.pages.json.gz') as Record<string, OcrPage>;
    const made = readKept('../ocr-doubt/doubt.pages.json.gz') as Record<string, OcrPage>;
    const english: Record<string, OcrPage> = { english: made['english']!, ...Object.fromEntries(Object.entries(latinPages).filter(([k]) => k.startsWith('en-'))) };
    expect(Object.keys(english)).toHaveLength(4);
    for (const [name, p] of Object.entries(english)) {
      expect(pageDoubt(p).latin, name).toBeGreaterThanOrEqual(LATIN_PAGE_SHARE);
      const found = doubtfulPages([p]);
      expect(found, name).toHaveLength(1);
      expect(found[0]!.latin, name).toBeGreaterThanOrEqual(LATIN_PAGE_SHARE);
      expect(ocrPageDoubtMessage(found[0]!)).toBe('第 1 页主要不是中文（可能为外文或方向错误），识别结果不可靠');
    }
    // the corpus law densest in Latin letters, drawn and read the same way: not named, not doubted
    expect(pageDoubt(latinPages['zh-latin-injury']!).latin).toBeGreaterThan(0);
    expect(doubtfulPages([latinPages['zh-latin-injury']!])).toEqual([]);
    // nor any development page (the first test: none warns at all); their Latin share stays far under the line
    expect(Math.max(...developmentPages().map((p) => pageDoubt(p.page).latin))).toBeLessThan(LATIN_PAGE_SHARE / 10);
    // in one document: the page not in Chinese first, then the page read with low confidence
    const dev = developmentPages()[0]!.page;
    const found = doubtfulPages([dev, english['english']!, made['upside-p1']!, english['en-gpl3-sans']!]);
    expect(found.map((d) => [d.page, d.latin !== undefined])).toEqual([[2, true], [3, false], [4, true]]);
    expect(ocrPagesDoubtMessage(found)).toBe(`第 2、4 页主要不是中文（可能为外文或方向错误），识别结果不可靠；${ocrPageDoubtMessage(found[1]!)}`);
    // stored before session 30 (no latin) still reads; a latin share out of range does not
    expect(ocrDoubtfulPageSchema.safeParse({ page: 1, doubtful: 0.2 }).success).toBe(true);
    expect(ocrDoubtfulPageSchema.safeParse({ page: 1, doubtful: 0.2, latin: 1.2 }).success).toBe(false);
  });

  it('a 41-page scan with 40 doubtful pages: the pages are named as every page message names them, shortened, with the range of shares', () => {
    const made = readKept('../ocr-doubt/doubt.pages.json.gz') as Record<string, OcrPage>;
    const bad = ['blur25-p2', 'blur4-p1', 'blur4-p2', 'blur6-p2', 'upside-p1', 'upside-p2'].map((n) => made[n]!);
    const pages = [developmentPages()[0]!.page, ...Array.from({ length: 40 }, (_, i) => bad[i % bad.length]!)];
    const found = doubtfulPages(pages);
    expect(found.map((d) => d.page)).toEqual(Array.from({ length: 40 }, (_, i) => i + 2));
    const msg = ocrPagesDoubtMessage(found)!;
    const pct = (x: number) => `${Math.round(x * 100)}%`;
    const shares = found.map((d) => d.doubtful);
    expect(msg).toBe(`${pageList(found.map((d) => d.page))}识别可信度低（约 ${pct(Math.min(...shares))}–${pct(Math.max(...shares))} 的字符待核对），建议重新扫描或对照原件逐字核对`);
    expect(msg.startsWith(`${Array.from({ length: PAGE_LIST_MAX }, (_, i) => i + 2).join('、')} 等 40 页识别可信度低`)).toBe(true);
    expect(msg).not.toMatch(/、41|、12、/); // the pages past the tenth are counted, not listed
    expect(ocrDoubtfulPageList(found)).toBe(pageList(found.map((d) => d.page)));
    // up to PAGE_LIST_MAX pages, each one with its own share
    expect(ocrPagesDoubtMessage(found.slice(0, PAGE_LIST_MAX))).toBe(
      `第 ${found.slice(0, PAGE_LIST_MAX).map((d) => d.page).join('、')} 页识别可信度低（分别约 ${found.slice(0, PAGE_LIST_MAX).map((d) => pct(d.doubtful)).join('、')} 的字符待核对），建议重新扫描或对照原件逐字核对`,
    );
  });

  it('a photo of an upside-down page: turned upright (ocr-orientation.ts), so the import report and the stored version say it was turned, not doubtful', { timeout: 300_000 }, async () => {
    const { store } = await openLibrary({ dir: mkdtempSync(join(work, 'lib-')), seed: false });
    const report = await importPaths(store, [join(DOUBT, 'upside-p2.jpg')]);
    expect(report.failed).toEqual([]);
    const messages = report.warnings.map((w) => w.message);
    expect(messages.find((m) => m.includes('识别可信度低'))).toBeUndefined();
    expect(messages).toContain(ocrTurnedPagesMessage([{ page: 1, degrees: 180 }]));
    const v = store.versions().find((m) => m.textSource === 'ocr')!;
    expect(v.ocrDoubtfulPages).toBeUndefined();
    expect(v.ocrTurnedPages).toEqual([{ page: 1, degrees: 180 }]);
    // read back from the body file as `lawdesk show --json` prints it
    expect(store.loadVersion(v.id).ocrTurnedPages).toEqual(v.ocrTurnedPages);
  });
});
