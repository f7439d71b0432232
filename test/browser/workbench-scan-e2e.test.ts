// A scanned 送审稿 in the 审查工作台, in real Chromium: uploaded, it is recognised in the background
// (pages done, 取消识别), then shown as 识别文本（待核对） with its doubtful characters marked and each
// finding saying it rests on recognised text; the 意见书 asks first (先去核对 opens the library's 核对
// view with the scanned page), and once every article is confirmed the draft reads 已核对（name, date）.
// Tesseract runs for real on a one-page scan (test/fixtures/documents/scans/draft-jidi-scan.pdf).
// Screenshots go to out/ (a test run must not change tracked files).

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dateInZone } from '../../electron/shared/office-clock';
import { ocrPageDoubtMessage, ocrPagesDoubtMessage } from '../../electron/shared/ocr-page-doubt';
import { OCR_DOUBTFUL_PAGE_LABEL } from '../../electron/shared/review-workbench';
import { ROOT, go, haveChromium, useBrowser } from './browser-harness';

const SCAN = join(ROOT, 'test/fixtures/documents/scans/draft-jidi-scan.pdf');
const SHOTS = join(ROOT, 'out/screenshots');
/** A photo of the same draft, its right part out of focus: page 1 read too poorly to trust (ocr-page-doubt.ts). */
const BLURRED = join(ROOT, 'test/fixtures/documents/ocr-doubt/draft-jidi-blurred.jpg');

describe.skipIf(!haveChromium)('a scanned 送审稿 in the 审查工作台', () => {
  const withSession = useBrowser();

  it('is recognised in the background, marked 识别文本（待核对）, checked in 核对, then reads 已核对', { timeout: 600_000 }, () =>
    withSession(async ({ page, face }) => {
      mkdirSync(SHOTS, { recursive: true });
      await page.setViewportSize({ width: 1440, height: 900 });
      await face.service.call('settings:set', { displayName: '王律师' });
      const created = (await face.service.call('reviews:create', { input: { type: '规范性文件', title: '沂源县农业科技示范基地管理办法', leadUnit: '农村科技科', receivedDate: '2026-02-24' } })) as { record: { id: string } };
      const id = created.record.id;
      await go(page, `#/workbench/${id}`);
      await page.getByTestId('workbench').locator('input[type=file]').setInputFiles(SCAN);
      // the upload answers once the scan is told apart: recognition goes on with its own progress
      await page.getByTestId('wb-ocr-progress').waitFor();
      expect(await page.getByTestId('wb-ocr-progress').textContent()).toContain('是扫描件，正在识别文字');
      expect(await page.getByTestId('wb-upload').isDisabled()).toBe(true);
      await page.getByTestId('wb-draft').waitFor({ timeout: 0 });
      await page.getByTestId('wb-ocr-progress').waitFor({ state: 'detached' });

      expect(await page.getByTestId('wb-ocr-unverified').textContent()).toBe('识别文本（待核对）');
      expect(await page.getByTestId('wb-ocr-note').textContent()).toContain('本稿由扫描件文字识别得到（1 页）');
      expect(await page.getByTestId('wb-draft').textContent()).toContain('第六条');
      const findings = page.getByTestId('wb-finding');
      await expect.poll(() => findings.count()).toBeGreaterThan(0);
      const n = await findings.count();
      // every finding says it rests on recognised text; the scan read well, so none is marked as from a doubtful page
      expect(await page.getByTestId('wb-finding-ocr').count()).toBe(n);
      expect(await page.getByTestId('wb-finding-doubtful-page').count()).toBe(0);
      expect(await findings.filter({ hasText: '第六条' }).count()).toBeGreaterThan(0);
      const stored = await face.service.call('workbench:get', { id, panel: false });
      const suspects = stored.draft!.units.reduce((k, u) => k + (u.suspects?.length ?? 0), 0);
      // the doubtful characters OCR reported are the ones marked in the draft's text
      expect(await page.getByTestId('wb-draft').locator('mark.ocr-suspect').count()).toBe(suspects);
      await page.screenshot({ path: join(SHOTS, 'workbench-scan-1440.png') });

      // the 意见书 waits: 先去核对 opens the 核对 view of the draft, beside its scanned page
      await page.getByTestId('wb-export').click();
      await page.getByTestId('wb-export-unverified').waitFor();
      await page.getByRole('button', { name: '先去核对' }).click();
      await page.getByTestId('wb-ocr-check').waitFor();
      const hasDoubt = suspects > 0;
      if (!hasDoubt) await page.getByTestId('ocr-review-only-doubtful').click();
      await page.getByTestId('ocr-scan-img').waitFor();
      expect(await page.getByTestId('ocr-scan-img').evaluate((el: HTMLImageElement) => el.src.slice(0, 23))).toBe('data:image/jpeg;base64,');
      expect(await page.getByTestId('ocr-scan-region').count()).toBe(1);
      await page.screenshot({ path: join(SHOTS, 'workbench-scan-check-1440.png') });
      await page.getByTestId('ocr-review-confirm-all').click();
      await page.locator('.ant-popconfirm .ant-btn-primary').click();
      await page.getByTestId('ocr-review-done').waitFor();
      await page.getByTestId('wb-ocr-check-close').click();

      const mark = page.getByTestId('wb-ocr-verified');
      await mark.waitFor();
      const after = await face.service.call('workbench:get', { id, panel: false });
      expect(after.draft).toMatchObject({ textSource: 'ocr', verified: true, verifiedBy: '王律师' });
      expect(await mark.textContent()).toBe(`已核对（王律师，${dateInZone(new Date(after.draft!.verifiedAt!))}）`);
      expect(await page.getByTestId('wb-finding-ocr').count()).toBe(0);
      expect(await page.getByTestId('wb-draft').locator('mark.ocr-suspect').count()).toBe(0);

      // A decision taken, then a correction in 核对 that changes only the sentence's form: the
      // finding's id changes with its text, the decision follows it (核对更正后沿用).
      const fine = after.result!.findings.find((f) => f.article?.label === '第六条' && f.excerpt.includes('，'))!;
      await face.service.call('workbench:dismiss', { id, findingId: fine.id, reason: '罚款数额转述上位法，无需修改' });
      const sixth = after.draft!.units.find((u) => u.key === fine.article!.key)!;
      await face.service.call('workbench:checkOcr', { id, seq: 1, confirmed: [], corrections: { [sixth.key]: sixth.text.replace(fine.excerpt, fine.excerpt.replace('，', ', ')) } });
      const corrected = await face.service.call('workbench:get', { id, panel: false });
      const moved = Object.entries(corrected.decisions).find(([, d]) => d.carriedFrom?.findingId === fine.id)?.[0];
      expect(moved).toBeDefined();
      expect(moved).not.toBe(fine.id);
      await page.reload(); // the page was on the workbench: read it again after the calls above
      const card = page.locator(`[data-finding="${moved}"]`);
      await card.getByTestId('wb-carried').waitFor();
      expect(await card.getByTestId('wb-carried').textContent()).toBe('核对更正后沿用');
      expect(await card.textContent()).toContain('理由：罚款数额转述上位法，无需修改');

      // the same scan sent again: told by its hash at once, nothing recognised again
      await page.getByTestId('workbench').locator('input[type=file]').setInputFiles(SCAN);
      await page.getByText('与第 1 稿内容相同，未重复添加').waitFor();
      expect(await page.getByTestId('wb-ocr-progress').count()).toBe(0);
      expect((await face.service.call('workbench:get', { id, panel: false })).drafts).toHaveLength(1);
      // checked: the 意见书 no longer asks about the recognised text
      await page.getByTestId('wb-export').click();
      await page.getByTestId('wb-export-anyway').waitFor();
      expect(await page.getByTestId('wb-export-unverified').count()).toBe(0);
    }));

  it('a doubtful page: said under the draft and above that page in 核对, asked before the 意见书, answered by 核对', { timeout: 600_000 }, () =>
    withSession(async ({ page, face }) => {
      mkdirSync(SHOTS, { recursive: true });
      await page.setViewportSize({ width: 1440, height: 900 });
      const created = (await face.service.call('reviews:create', { input: { type: '规范性文件', title: '沂源县农业科技示范基地管理办法', leadUnit: '农村科技科', receivedDate: '2026-02-24' } })) as { record: { id: string } };
      const id = created.record.id;
      await go(page, `#/workbench/${id}`);
      await page.getByTestId('workbench').locator('input[type=file]').setInputFiles(BLURRED);
      await page.getByTestId('wb-draft').waitFor({ timeout: 0 });
      const stored = await face.service.call('workbench:get', { id, panel: false });
      const doubtful = stored.draft!.ocrDoubtfulPages!;
      expect(doubtful.map((d) => d.page)).toEqual([1]);
      // under the draft, in the import report's words
      expect(await page.getByTestId('wb-ocr-doubtful-pages').textContent()).toBe(ocrPagesDoubtMessage(doubtful));
      await page.screenshot({ path: join(SHOTS, 'workbench-scan-doubtful-note-1440.png') });
      // each finding on an article read from that page is marked apart, with the page
      const findings = page.getByTestId('wb-finding');
      await expect.poll(() => findings.count()).toBeGreaterThan(0);
      const onArticles = stored.result!.findings.filter((f) => f.article).length;
      expect(onArticles).toBeGreaterThan(0);
      expect(await page.getByTestId('wb-finding-doubtful-page').count()).toBe(onArticles);
      expect(await page.getByTestId('wb-finding-doubtful-page').first().textContent()).toBe(`${OCR_DOUBTFUL_PAGE_LABEL}（第 1 页）`);
      await findings.filter({ has: page.getByTestId('wb-finding-doubtful-page') }).first().click();
      await page.screenshot({ path: join(SHOTS, 'workbench-scan-doubtful-finding-1440.png') });
      // the 意见书 asks first, and says which page
      await page.getByTestId('wb-export').click();
      await page.getByTestId('wb-export-unverified').waitFor();
      expect(await page.locator('.ant-modal-confirm-content').textContent()).toContain(ocrPagesDoubtMessage(doubtful));
      await page.getByRole('button', { name: '先去核对' }).click();
      // 核对: the warning above the page's picture, the page named beside the count
      await page.getByTestId('wb-ocr-check').waitFor();
      await page.getByTestId('ocr-scan-img').waitFor();
      expect(await page.getByTestId('ocr-scan-doubtful').textContent()).toBe(ocrPageDoubtMessage(doubtful[0]!));
      expect(await page.getByTestId('ocr-review-doubtful-pages').textContent()).toBe('第 1 页识别可信度低');
      await page.screenshot({ path: join(SHOTS, 'workbench-scan-doubtful-page-1440.png') });
      await page.getByTestId('ocr-review-confirm-all').click();
      await page.locator('.ant-popconfirm .ant-btn-primary').click();
      await page.getByTestId('ocr-review-done').waitFor();
      await page.getByTestId('wb-ocr-check-close').click();
      // checked against the scan: the doubt is answered
      await page.getByTestId('wb-ocr-verified').waitFor();
      expect(await page.getByTestId('wb-ocr-doubtful-pages').count()).toBe(0);
      expect(await page.getByTestId('wb-finding-doubtful-page').count()).toBe(0);
    }));

  it('取消识别 stops the recognition and adds nothing', { timeout: 300_000 }, () =>
    withSession(async ({ page, face }) => {
      const created = (await face.service.call('reviews:create', { input: { type: '规范性文件', title: '沂源县农业科技示范基地管理办法', leadUnit: '农村科技科', receivedDate: '2026-02-24' } })) as { record: { id: string } };
      const id = created.record.id;
      await go(page, `#/workbench/${id}`);
      await page.getByTestId('workbench').locator('input[type=file]').setInputFiles(SCAN);
      await page.getByTestId('wb-ocr-cancel').click();
      await page.getByText('已取消识别').waitFor({ timeout: 0 });
      await page.getByTestId('wb-ocr-progress').waitFor({ state: 'detached' });
      expect(await page.getByTestId('wb-draft').count()).toBe(0);
      const v = await face.service.call('workbench:get', { id, panel: false });
      expect(v.drafts).toEqual([]);
      expect(v.ocrJob).toBeUndefined();
    }));
});
