// 核对 in the reader, in real Chromium: an OCR'd version shows 识别文本（待核对） with 「确认已核对」;
// confirming it records the office user (设置 display name) and the mark becomes 已核对（name, date）.
// The versions are the fixture 统计法 given what the OCR importer stores (textSource 'ocr',
// verified false): recognising a scan takes minutes and is covered in test/node/importers.
// Its screenshots go to out/ (a test run must not change tracked files); resources/screenshots/
// ocr-verify-*.png are copies of them, taken again by hand when the view changes.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPaths } from '../../electron/core/library/library-import';
import type { LibraryStore } from '../../electron/core/library/library-store';
import { dateInZone } from '../../electron/shared/office-clock';
import { rewriteVersions } from '../node/version-rewrite';
import { readKept } from '../node/importers/kept-ocr-laws';
import type { OcrPage } from '../../electron/core/importers/ocr-engine';
import { doubtfulPages } from '../../electron/core/importers/ocr-page-doubt';
import { ocrPageDoubtMessage } from '../../electron/shared/ocr-page-doubt';
import { ROOT, go, haveChromium, useBrowser } from './browser-harness';

/**
 * 退职 as the OCR importer stores its scanned PDF: the scan kept as the original (by hash), 三、
 * with a doubtful character, and the bands of the page each article was read from (`regions`;
 * none: a version imported before regions were recorded).
 */
async function tuizhiFromScan(store: LibraryStore, regions?: { page: number; top: number; bottom: number }[]): Promise<string> {
  const docs = join(import.meta.dirname, '../fixtures/documents');
  await importPaths(store, [join(docs, 'sources', 'tuizhi.md')]);
  const id = store.versions().find((v) => v.title.includes('退职'))!.id;
  const scan = readFileSync(join(docs, 'tuizhi-scan.pdf'));
  const sha = createHash('sha256').update(scan).digest('hex');
  store.writeOriginal(scan, sha, '.pdf');
  await rewriteVersions(store, [id], (b) => ({
    ...b,
    units: b.units.map((u) => (u.label === '三、' ? { ...u, suspects: [3], ...(regions ? { ocrRegions: regions } : {}) } : { ...u, suspects: [] })),
    sourceFormat: 'pdf',
    sourceSha256: sha,
    sourceFile: 'tuizhi-scan.pdf',
    textSource: 'ocr',
    verified: false,
  }));
  return id;
}

async function markOcr(store: LibraryStore, title: string): Promise<string[]> {
  const ids = store.versions().filter((v) => v.title.includes(title)).map((v) => v.id);
  expect(ids.length).toBeGreaterThan(0);
  await rewriteVersions(store, ids, (body) => ({ ...body, textSource: 'ocr', verified: false, units: body.units.map((u) => ({ ...u, suspects: [] })) }));
  return ids;
}

describe.skipIf(!haveChromium)('核对 in the reader', () => {
  const withSession = useBrowser();

  it('「确认已核对」 turns 识别文本（待核对） into 已核对（name, date） and is stored', () =>
    withSession(async ({ face, page }) => {
      const store = face.service.store;
      const ids = await markOcr(store, '统计法');
      await face.service.call('settings:set', { displayName: '王律师' });
      await page.getByTestId('library-total').waitFor();
      await page.getByTestId('law-title').filter({ hasText: '统计法' }).first().click();
      await page.getByTestId('ocr-unverified').waitFor();
      expect(await page.getByTestId('ocr-unverified').textContent()).toBe('识别文本（待核对）');
      await page.getByTestId('ocr-verify').click();
      await page.locator('.ant-popconfirm .ant-btn-primary').click(); // antd spaces a two-character label (确 认)
      const mark = page.getByTestId('ocr-verified');
      await mark.waitFor();
      const shown = ids.find((id) => store.version(id)!.verified === true)!;
      expect(shown).toBeDefined();
      const meta = store.version(shown)!;
      expect(meta.verifiedBy).toBe('王律师');
      expect(await mark.textContent()).toBe(`已核对（王律师，${dateInZone(new Date(meta.verifiedAt!))}）`);
      expect(await page.getByTestId('ocr-unverified').count()).toBe(0);
      expect(await page.getByTestId('ocr-verify').count()).toBe(0);
    }));
});

/** 统计法 (the newest version) as the OCR importer stores a scan with two misread articles. */
async function markOcrWithErrors(store: LibraryStore): Promise<{ id: string; seventh: string; eighth: string }> {
  const id = store.versions().filter((v) => v.title.includes('统计法')).sort((a, b) => (b.published ?? '').localeCompare(a.published ?? ''))[0]!.id;
  const body = store.loadVersion(id);
  const seventh = body.units.find((u) => u.label === '第七条')!;
  const eighth = body.units.find((u) => u.label === '第八条')!;
  const misread = (t: string) => t.replace('统计', '统汁');
  const units = body.units.map((u) =>
    u.key === seventh.key || u.key === eighth.key ? { ...u, text: misread(u.text), suspects: [u.text.indexOf('统计') + 1] } : { ...u, suspects: [] },
  );
  await rewriteVersions(store, [id], (b) => ({ ...b, units, textSource: 'ocr', verified: false }));
  return { id, seventh: seventh.text, eighth: eighth.text };
}

describe.skipIf(!haveChromium)('逐条核对 of an OCR text', () => {
  const withSession = useBrowser();

  it('lists the doubtful lines, corrects one by keyboard, clears its 待核对 note in citations, then confirms the rest', () =>
    withSession(async ({ face, page }) => {
      const store = face.service.store;
      const { id, seventh, eighth } = await markOcrWithErrors(store);
      await face.service.call('settings:set', { displayName: '王律师' });
      await page.getByTestId('library-total').waitFor();
      await go(page, `#/read/${encodeURIComponent(id)}`);
      // A citation copied from an unchecked article carries the note.
      const art7 = page.locator('[data-testid="article"]').filter({ hasText: '第七条' }).first();
      await art7.hover();
      await art7.getByTestId('copy-citation').click();
      await page.getByText('已复制：').first().waitFor();
      expect((await page.evaluate(() => navigator.clipboard.readText())).split('\n')[0]).toMatch(/第七条（识别文本，待核对）$/);

      await page.getByTestId('ocr-review-open').click();
      const items = page.getByTestId('ocr-review-item');
      await expect.poll(() => items.count()).toBe(2);
      expect(await items.first().textContent()).toContain('第七条');
      expect(await items.first().locator('mark.ocr-suspect').textContent()).toBe('汁');
      // Keyboard only: the list, ↓ to 第八条, ↑ back to 第七条, Enter into the editor.
      await page.getByTestId('ocr-review-list').focus();
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => page.getByTestId('ocr-review-editor').locator('h5').textContent()).toBe('第八条');
      await page.keyboard.press('ArrowUp');
      await expect.poll(() => page.getByTestId('ocr-review-editor').locator('h5').textContent()).toBe('第七条');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('ocr-review-text');
      await page.keyboard.press('Control+A');
      await page.keyboard.insertText(seventh);
      await page.keyboard.press('Control+Enter');
      // Saved as corrected; the list moves on to 第八条.
      await expect.poll(() => items.count()).toBe(1);
      await expect.poll(() => page.getByTestId('ocr-review-editor').locator('h5').textContent()).toBe('第八条');
      const v = store.loadVersion(id);
      const u7 = v.units.find((u) => u.label === '第七条')!;
      expect(u7).toMatchObject({ text: seventh, suspects: [], ocrChecked: true });
      expect(v.verified).toBe(false);
      expect(v.units.find((u) => u.label === '第八条')!.text).not.toBe(eighth);

      // Back in the reader: 第七条's citation is clean, 第八条's still carries the note.
      await go(page, `#/read/${encodeURIComponent(id)}`);
      for (const [label, noted] of [['第七条', false], ['第八条', true]] as const) {
        const a = page.locator('[data-testid="article"]').filter({ hasText: label }).first();
        await a.hover();
        await a.getByTestId('copy-citation').click();
        await expect.poll(async () => (await page.evaluate(() => navigator.clipboard.readText())).split('\n')[0]!.includes(label)).toBe(true);
        const first = (await page.evaluate(() => navigator.clipboard.readText())).split('\n')[0]!;
        expect(first.endsWith('（识别文本，待核对）'), first).toBe(noted);
      }

      await page.getByTestId('ocr-review-open').click();
      await page.getByTestId('ocr-review-confirm-all').click();
      await page.locator('.ant-popconfirm .ant-btn-primary').click();
      await page.getByTestId('ocr-review-done').waitFor();
      const meta = store.version(id)!;
      expect(meta).toMatchObject({ verified: true, verifiedBy: '王律师' });
      expect(await page.getByTestId('ocr-review-done').textContent()).toContain(`王律师，${dateInZone(new Date(meta.verifiedAt!))}`);
    }));
});

describe.skipIf(!haveChromium)('the scanned page beside the text in 逐条核对', () => {
  const withSession = useBrowser();

  it('shows the page the article was read from, rendered from the kept original, with its lines framed', () =>
    withSession(async ({ face, page }) => {
      const store = face.service.store;
      const band = { page: 1, top: 0.155, bottom: 0.3 };
      const id = await tuizhiFromScan(store, [band]);
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.getByTestId('library-total').waitFor();
      await go(page, `#/verify/${encodeURIComponent(id)}`);
      await page.getByTestId('ocr-review-editor').waitFor();
      expect(await page.getByTestId('ocr-review-editor').locator('h5').textContent()).toBe('三、');
      const img = page.getByTestId('ocr-scan-img');
      await img.waitFor();
      // the real page: A4 rendered at 110 dpi from the PDF the library keeps, as a data: URL
      await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(910);
      expect(await img.evaluate((el: HTMLImageElement) => [el.src.slice(0, 23), el.naturalHeight])).toEqual(['data:image/jpeg;base64,', 1287]);
      expect(await page.getByTestId('ocr-scan-page').textContent()).toBe('第 1 / 1 页');
      // the band is framed where the article was read, and scrolled into the frame
      const frame = page.getByTestId('ocr-scan-region');
      const [imgBox, frameBox] = [(await img.boundingBox())!, (await frame.boundingBox())!];
      expect(frameBox.y - imgBox.y).toBeCloseTo(band.top * imgBox.height, 0);
      expect(frameBox.height).toBeCloseTo((band.bottom - band.top) * imgBox.height, 0);
      const scroller = await frame.evaluate((el) => {
        const box = el.parentElement!.parentElement!;
        const r = el.getBoundingClientRect();
        const b = box.getBoundingClientRect();
        return { visible: r.top >= b.top - 1 && r.top < b.bottom, scrolled: box.scrollTop };
      });
      expect(scroller.visible).toBe(true);
      // 放大 doubles the picture; the band stays framed
      await page.getByTestId('ocr-scan-zoom').click();
      await expect.poll(async () => Math.round((await img.boundingBox())!.width / imgBox.width)).toBe(2);
      await page.getByTestId('ocr-scan-zoom').click();
      // nothing was fetched from anywhere but the app itself
      const remote = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => !n.startsWith(location.origin) && !n.startsWith('data:')));
      expect(remote).toEqual([]);
      // a page read well says nothing about the page as a whole
      expect(await page.getByTestId('ocr-scan-doubtful').count()).toBe(0);
      expect(await page.getByTestId('ocr-review-doubtful-pages').count()).toBe(0);
      await page.screenshot({ path: join(ROOT, 'out/ocr-verify-scan-1440.png') });
    }));

  it('a page read too poorly to trust says so above its picture, and the header names it', () =>
    withSession(async ({ face, page }) => {
      const store = face.service.store;
      const id = await tuizhiFromScan(store, [{ page: 1, top: 0.155, bottom: 0.3 }]);
      // what the importer records for a page read upside down (the real recogniser's output, kept)
      const upside = (readKept('../ocr-doubt/doubt.pages.json.gz') as Record<string, OcrPage>)['upside-p1']!;
      const doubtful = doubtfulPages([upside]);
      expect(doubtful).toHaveLength(1);
      await rewriteVersions(store, [id], (b) => ({ ...b, ocrDoubtfulPages: doubtful }));
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.getByTestId('library-total').waitFor();
      await go(page, `#/verify/${encodeURIComponent(id)}`);
      const alert = page.getByTestId('ocr-scan-doubtful');
      await alert.waitFor();
      expect(await alert.textContent()).toBe(ocrPageDoubtMessage(doubtful[0]!));
      expect(await page.getByTestId('ocr-review-doubtful-pages').textContent()).toBe('第 1 页识别可信度低');
      // above the picture, beside the text
      await page.getByTestId('ocr-scan-img').waitFor();
      await page.screenshot({ path: join(ROOT, 'out/ocr-verify-doubtful-page-1440.png') });
      // the picture's frame (it scrolls the picture to the article's band)
      const frame = page.getByTestId('ocr-scan').locator('[tabindex="0"]');
      const [a, img, editor] = [(await alert.boundingBox())!, (await frame.boundingBox())!, (await page.getByTestId('ocr-review-editor').boundingBox())!];
      expect(a.y + a.height).toBeLessThanOrEqual(img.y);
      expect(a.x + a.width).toBeLessThanOrEqual(editor.x);
    }));

  it('a page not in Chinese: the header\'s tag names that reason, as the message above the page does', () =>
    withSession(async ({ face, page }) => {
      const store = face.service.store;
      const id = await tuizhiFromScan(store, [{ page: 1, top: 0.155, bottom: 0.3 }]);
      // what the importer records for an English page (the real recogniser's output, kept)
      const english = (readKept('../ocr-doubt/doubt.pages.json.gz') as Record<string, OcrPage>)['english']!;
      const doubtful = doubtfulPages([english]);
      expect(doubtful[0]!.latin).toBeDefined();
      await rewriteVersions(store, [id], (b) => ({ ...b, ocrDoubtfulPages: doubtful }));
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.getByTestId('library-total').waitFor();
      await go(page, `#/verify/${encodeURIComponent(id)}`);
      await page.getByTestId('ocr-scan-doubtful').waitFor();
      expect(await page.getByTestId('ocr-review-doubtful-pages').textContent()).toBe('第 1 页主要不是中文');
      expect(await page.getByTestId('ocr-scan-doubtful').textContent()).toMatch(/^第 1 页主要不是中文/);
    }));

  it('a page turned upright before it was read: its picture is shown turned the same way, and the turn is named', () =>
    withSession(async ({ face, page }) => {
      const store = face.service.store;
      const band = { page: 1, top: 0.3, bottom: 0.5 };
      const id = await tuizhiFromScan(store, [band]);
      // what the importer records for a page fed sideways (ocr-orientation.ts); the regions are on the turned page
      await rewriteVersions(store, [id], (b) => ({ ...b, ocrTurnedPages: [{ page: 1, degrees: 90 as const }] }));
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.getByTestId('library-total').waitFor();
      await go(page, `#/verify/${encodeURIComponent(id)}`);
      const img = page.getByTestId('ocr-scan-img');
      await img.waitFor();
      // the A4 page rendered at 110 dpi (910 × 1287), turned a quarter: landscape
      await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(1287);
      expect(await img.evaluate((el: HTMLImageElement) => el.naturalHeight)).toBe(910);
      expect(await page.getByTestId('ocr-scan-turned').textContent()).toBe('第 1 页已自动旋转 90°（原件方向不正，已按文字方向转正后识别）');
      expect(await page.getByTestId('ocr-review-turned-pages').textContent()).toBe('第 1 页已自动旋转 90°（原件方向不正，已按文字方向转正后识别）');
      const frame = page.getByTestId('ocr-scan-region');
      const [imgBox, frameBox] = [(await img.boundingBox())!, (await frame.boundingBox())!];
      expect(frameBox.y - imgBox.y).toBeCloseTo(band.top * imgBox.height, 0);
      await page.screenshot({ path: join(ROOT, 'out/ocr-verify-turned-page-1440.png') });
    }));
});

describe.skipIf(!haveChromium)('a version imported before article regions were recorded', () => {
  const withSession = useBrowser();

  it('says the lines cannot be framed and, asked to, recognises the original again and frames them', { timeout: 300_000 }, () =>
    withSession(async ({ face, page }) => {
      const store = face.service.store;
      // 退职 as an OCR import stored it before ocrRegions existed: the scan kept, marks, no regions.
      const id = await tuizhiFromScan(store);
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.getByTestId('library-total').waitFor();
      await go(page, `#/verify/${encodeURIComponent(id)}`);
      await page.getByTestId('ocr-scan-img').waitFor();
      const note = page.getByTestId('ocr-scan-unlocated');
      await note.waitFor();
      expect(await note.textContent()).toContain('还没有记录各条在扫描页上的位置，无法框出本条');
      expect(await page.getByTestId('ocr-scan-region').count()).toBe(0);
      await note.getByRole('button').click();
      // The original is recognised again (an OCR thread: seconds to a minute here), then the band is framed.
      await page.getByTestId('ocr-scan-region').waitFor({ timeout: 240_000 });
      expect(await note.count()).toBe(0);
      const stored = store.loadVersion(id).units.find((u) => u.label === '三、')!;
      expect(stored.ocrRegions?.[0]?.page).toBe(1);
      expect(stored.suspects).toEqual([3]);
      const [imgBox, frameBox] = [(await page.getByTestId('ocr-scan-img').boundingBox())!, (await page.getByTestId('ocr-scan-region').boundingBox())!];
      expect(frameBox.y - imgBox.y).toBeCloseTo(stored.ocrRegions![0]!.top * imgBox.height, 0);
      await page.screenshot({ path: join(ROOT, 'out/ocr-verify-located-1440.png') });
    }),
  );
});
