// End to end in Chromium for the records, versions and packs screens (issues 6–8), a fresh
// temporary library per test: a review citing two articles shows under 被引用 in the reader and
// keeps its history; the 统计法 2009/2024 diff shows its summary line; a review citing 统计法(2009)
// 第七条 appears in 受影响 as yellow 条文序号变动 once the 2024 version is imported; a pack of two
// articles exports to HTML holding their text.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { FIXTURES, go, haveChromium, useBrowser } from './browser-harness';

async function openArticle(page: Page, text: string, key: string): Promise<void> {
  await page.getByTestId('quick-open-button').waitFor();
  await page.keyboard.press('Control+k');
  await page.getByTestId('quick-open-input').fill(text);
  await page.getByTestId('quick-open-item').first().filter({ hasText: '条' }).waitFor();
  await page.getByTestId('quick-open-input').press('Enter');
  await page.locator(`#article-${key}.active`).waitFor();
}

async function pickCitation(page: Page, text: string, label: string): Promise<void> {
  await page.getByTestId('citation-picker-input').fill(text);
  await page.getByTestId('citation-picker-item').first().filter({ hasText: label }).waitFor();
  await page.getByTestId('citation-picker-input').press('Enter');
}

describe.skipIf(!haveChromium)('records, versions and packs in Chromium', () => {
  const withSession = useBrowser();

  it('creates a review citing two articles, sees it under 被引用 in the reader, edits it and sees the history', () =>
    withSession(async ({ page }) => {
      await go(page, '#/reviews');
      await page.getByTestId('new-review').click();
      await page.getByTestId('field-title').fill('高青县科技创新券管理暂行办法（送审稿）');
      await page.getByTestId('field-leadUnit').fill('高新技术科');
      await page.getByTestId('field-content').fill('设定行政许可应当符合相关规定。');
      const content = page.locator('.ant-form-item').filter({ has: page.getByTestId('field-content') });
      await content.getByTestId('add-citation').click();
      await pickCitation(page, '行政许可法12', '第十二条');
      await content.getByTestId('add-citation').click();
      await pickCitation(page, '行政许可法13', '第十三条');
      await expect.poll(() => page.getByTestId('citations-content').getByTestId('citation-tag').count()).toBe(2);
      await page.getByTestId('save-review').click();
      await page.waitForURL(/#\/review\/R\d{4}-001/);
      await expect.poll(() => page.getByTestId('citations-content').getByTestId('citation-tag').first().textContent()).toContain('《中华人民共和国行政许可法》');
      const id = /review\/(R\d{4}-\d{3})/.exec(page.url())![1]!;

      await openArticle(page, '行政许可法12', '12');
      await page.locator('#article-12').getByTestId('cited-count').click();
      const panel = page.getByTestId('cited-by-panel');
      await panel.getByTestId('cited-by-item').filter({ hasText: '高青县科技创新券管理暂行办法（送审稿）' }).waitFor();
      expect(await panel.getByTestId('flag').first().getAttribute('data-color')).toBe('green');
      expect(await page.getByTestId('toc-cited').count()).toBeGreaterThan(0);

      await panel.getByRole('link', { name: '高青县科技创新券管理暂行办法（送审稿）' }).click();
      await page.getByTestId('review-heading').filter({ hasText: '送审稿' }).waitFor();
      expect(page.url()).toContain(id);
      await page.getByTestId('field-title').fill('高青县科技创新券管理暂行办法（修改稿）');
      await page.getByTestId('save-review').click();
      await page.getByTestId('review-heading').filter({ hasText: '修改稿' }).waitFor();
      await page.getByRole('tab', { name: '修改记录' }).click();
      await expect.poll(() => page.getByTestId('history-entry').count()).toBe(2);
      const newest = await page.getByTestId('history-entry').first().textContent();
      expect(newest).toContain('第 2 版');
      expect(newest).toContain('送审稿');
      expect(newest).toContain('修改稿');
    }));

  it('opens the diff view of 统计法 2009/2024 and sees the summary line', () =>
    withSession(async ({ page }) => {
      await page.getByTestId('law-title').filter({ hasText: '统计法' }).click();
      await page.getByTestId('reader-title').filter({ hasText: '统计法' }).waitFor();
      await page.getByTestId('open-diff').click();
      const summary = page.getByTestId('diff-summary');
      await summary.waitFor();
      expect(await summary.textContent()).toMatch(/^修改 \d+ 条，新增 \d+ 条，删除 \d+ 条，条文序号变动 \d+ 条/);
      expect(await page.locator('[data-testid="diff-rows"] ins.diff-ins').count()).toBeGreaterThan(0);
      expect(await page.locator('[data-testid="diff-row"][data-kind="same"]').count()).toBe(0);
      await page.getByTestId('diff-changed-only').click();
      await expect.poll(() => page.locator('[data-testid="diff-row"][data-kind="same"]').count()).toBeGreaterThan(0);
    }));

  it('lists a review citing 统计法(2009)第七条 as yellow 条文序号变动 in 受影响 after the 2024 version is imported', () =>
    withSession(
      async ({ page, face }) => {
        const r = await face.service.call('reviews:create', {
          input: {
            type: '规范性文件',
            title: '高青县统计调查项目管理办法',
            leadUnit: '办公室',
            receivedDate: '2020-04-13',
            findings: { content: { text: '依据统计法第七条', citations: [{ law: '统计法', article: '第七条' }] } },
          },
        });
        expect(r.record.flag).toBe('green');
        await go(page, '#/import');
        await page.locator('.ant-upload-drag input[type=file]').first().setInputFiles(join(FIXTURES, 'laws', '统计法(2024-09-13).md'));
        await page.getByTestId('import-preview-button').click();
        await page.getByTestId('import-preview').waitFor();
        await page.getByTestId('import-commit-button').click();
        await page.getByTestId('import-report').waitFor();
        await page.getByTestId('import-affected').click();
        const row = page.getByTestId('affected-row').filter({ hasText: '高青县统计调查项目管理办法' });
        await row.waitFor();
        expect(await row.getByTestId('flag').getAttribute('data-color')).toBe('yellow');
        expect(await row.textContent()).toContain('条文序号变动');
        expect(await row.textContent()).toContain('第八条');
      },
      { exclude: ['统计法(2024-09-13).md'] },
    ));

  it('builds a pack with two articles and exports it to HTML', () =>
    withSession(async ({ page }) => {
      await openArticle(page, '行政许可法12', '12');
      await page.locator('#article-12').getByTestId('add-to-pack-button').click();
      await page.getByTestId('add-to-pack-title').fill('行政许可参考资料');
      await page.getByRole('button', { name: '加 入' }).click();
      await page.getByText('已加入简报').waitFor();
      await page.locator('#article-13').click();
      await page.locator('#article-13').getByTestId('add-to-pack-button').click();
      await page.getByTestId('add-to-pack-select').waitFor();
      await page.getByRole('button', { name: '加 入' }).click();
      await page.getByText('共 2 项').waitFor();

      await go(page, '#/packs');
      await expect.poll(() => page.getByTestId('pack-item').count()).toBe(2);
      const download = page.waitForEvent('download', { timeout: 0 });
      await page.getByTestId('export-html').click();
      const file = await download;
      expect(file.suggestedFilename()).toBe('行政许可参考资料.html');
      const html = readFileSync((await file.path())!, 'utf8');
      expect(html).toContain('下列事项可以设定行政许可');
      expect(html).toContain('本法第十二条所列事项，通过下列方式能够予以规范的');
      await page.getByTestId('export-result').waitFor();
    }));

  it('adds a filtered search to a pack; the export lists what the search page showed', () =>
    withSession(async ({ page }) => {
      await go(page, '#/search');
      await page.getByTestId('search-input').locator('input').fill('统计');
      const count = page.getByTestId('search-count');
      await count.waitFor();
      await page.getByTestId('search-facet-level').getByText('法律').click();
      await page.getByTestId('search-as-of').click();
      await page.keyboard.type('2020-01-01');
      await page.keyboard.press('Enter');
      // Enter in the date picker sets the date; it does not open a hit
      await page.getByTestId('search-facet-status').getByText('已修改').waitFor();
      expect(page.url()).toContain('#/search');
      await page.getByTestId('search-add-to-pack').click();
      await page.getByTestId('add-to-pack-title').fill('统计检索');
      await page.getByRole('button', { name: '加 入' }).click();
      await page.getByText('已加入简报').waitFor();
      await go(page, '#/packs');
      const item = page.getByTestId('pack-item');
      await expect.poll(() => item.count()).toBe(1);
      expect(await item.textContent()).toContain('检索：统计（法律，2020-01-01 有效）');
      const download = page.waitForEvent('download', { timeout: 0 });
      await page.getByTestId('export-html').click();
      const html = readFileSync((await (await download).path())!, 'utf8');
      expect(html).toContain('筛选：效力级别 法律；<span class="date">2020年1月1日</span>有效的版本。');
      expect(html).toContain('统计机构和统计人员依照本法规定独立行使统计调查'); // 2009 第六条 (2024: 第七条, reworded)
      expect(html).not.toContain('2024年修正');
    }));
});
