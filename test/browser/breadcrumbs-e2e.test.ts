// Breadcrumbs of the pages without a sider entry (阅读, 版本对比) start with the section they were
// opened from — the one the sider highlights — and lead back to it as it was left: a law found by
// 搜索 reads 搜索 › 〈法规名〉 › 版本对比, with 搜索 opening the same search again. Before, 版本对比 and the
// reader always began with 法规库, whatever the user came from.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { go, haveChromium, useBrowser } from './browser-harness';

const crumbs = (page: Page) => page.locator('.ant-breadcrumb li:not(.ant-breadcrumb-separator)').allTextContents();
const origin = (page: Page) => page.getByTestId('crumb-origin');

describe.skipIf(!haveChromium)('breadcrumbs follow where the page was opened from', () => {
  const withSession = useBrowser();

  it('搜索 → a hit → 版本对比: 搜索 first, leading back to the same words; 法规库 → 版本对比: 法规库', () =>
    withSession(async ({ page }) => {
      await page.getByTestId('library-total').waitFor();
      await go(page, '#/search');
      await page.getByTestId('search-input').locator('input').click();
      await page.keyboard.type('统计调查项目');
      await page.getByTestId('search-hit').filter({ hasText: '统计法' }).first().click();
      await page.getByTestId('reader-title').filter({ hasText: '统计法' }).waitFor();
      expect((await crumbs(page))[0]).toBe('搜索');
      const back = await origin(page).getAttribute('href');
      expect(decodeURIComponent(back!)).toBe('#/search?q=统计调查项目');

      await page.getByTestId('open-diff').click();
      await page.getByTestId('diff-summary').waitFor();
      expect(await crumbs(page)).toEqual(['搜索', '中华人民共和国统计法', '版本对比']);
      expect(await origin(page).getAttribute('href')).toBe(back);
      expect(await page.locator('.ant-menu-item-selected').textContent()).toBe('搜索');
      await origin(page).click();
      await expect.poll(() => page.getByTestId('search-input').locator('input').inputValue()).toBe('统计调查项目');

      // From the 法规库: the reader and its 版本对比 start with 法规库.
      await go(page, '#/library');
      await page.getByTestId('law-title').filter({ hasText: '统计法' }).click();
      await page.getByTestId('reader-title').filter({ hasText: '统计法' }).waitFor();
      await page.getByTestId('open-diff').click();
      await page.getByTestId('diff-summary').waitFor();
      expect(await crumbs(page)).toEqual(['法规库', '中华人民共和国统计法', '版本对比']);
      expect(await origin(page).getAttribute('href')).toBe('#/library');

      // Opened directly (a reload): the section that lists it.
      await page.reload();
      await page.getByTestId('diff-summary').waitFor();
      expect((await crumbs(page))[0]).toBe('法规库');
    }));
});
