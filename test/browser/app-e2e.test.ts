// End to end in real Chromium against the browser face, a fresh temporary library per test:
// open the library, read an article and copy its citation, quick open, search, import a file.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, go, haveChromium, useBrowser } from './browser-harness';

describe.skipIf(!haveChromium)('LawDesk in Chromium (browser face)', () => {
  const withSession = useBrowser();

  it('opens the library with facets and sorts it', () =>
    withSession(async ({ page }) => {
      await page.getByTestId('library-total').filter({ hasText: '共 5 部' }).waitFor();
      await expect.poll(() => page.getByTestId('law-title').count()).toBe(5);
      const level = page.getByTestId('facet-level');
      expect(await level.textContent()).toContain('法律 (3)');
      await level.getByText('行政法规').click();
      await page.getByTestId('library-total').filter({ hasText: '共 1 部' }).waitFor();
      expect(await page.getByTestId('law-title').first().textContent()).toContain('重大行政决策程序暂行条例');
    }));

  it('reads an article and copies its citation with the article text', () =>
    withSession(async ({ page }) => {
      await page.getByTestId('law-title').filter({ hasText: '行政许可法' }).click();
      await page.getByTestId('reader-title').filter({ hasText: '中华人民共和国行政许可法' }).waitFor();
      expect(await page.getByTestId('status-tag').first().textContent()).toBe('现行有效');
      expect(await page.getByTestId('reader-toc').textContent()).toContain('第一章 总则');
      const article = page.locator('#article-12');
      await article.hover();
      await article.getByTestId('copy-citation').click();
      await page.getByText('已复制：').waitFor();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied.split('\n')[0]).toBe('《中华人民共和国行政许可法》（2019年修正）第十二条');
      expect(copied).toContain('下列事项可以设定行政许可');
    }));

  it('quick opens 行政许可法12 with Ctrl+K and lands on the article', () =>
    withSession(async ({ page }) => {
      await page.getByTestId('library-total').waitFor();
      await page.keyboard.press('Control+k');
      const input = page.getByTestId('quick-open-input');
      await input.waitFor();
      await input.fill('行政许可法12');
      await page.getByTestId('quick-open-item').first().filter({ hasText: '第十二条' }).waitFor();
      await input.press('Enter');
      await page.locator('#article-12.active').waitFor();
      expect(page.url()).toContain('a=12');
    }));

  it('searches as you type, navigates with the keyboard and opens a hit', () =>
    withSession(async ({ page }) => {
      await go(page, '#/search');
      const input = page.getByTestId('search-input').locator('input');
      await input.fill('行政许可 听证');
      await page.getByTestId('search-count').waitFor();
      expect(await page.getByTestId('search-hit').count()).toBeGreaterThan(0);
      expect(await page.locator('[data-testid="search-hit"] mark').count()).toBeGreaterThan(0);
      await input.press('ArrowDown');
      await input.press('Enter');
      await page.getByTestId('reader-title').waitFor();
      expect(await page.locator('#reader-body mark').count()).toBeGreaterThan(0);
    }));

  it('narrows a search by 分类 and to the laws marked 收藏', () =>
    withSession(async ({ page }) => {
      // mark 统计法 收藏 in the library (the star on its row)
      await page.getByTestId('library-total').filter({ hasText: '共 5 部' }).waitFor();
      const row = page.getByTestId('grid-row').filter({ has: page.getByTestId('law-title').filter({ hasText: '统计法' }) });
      await row.getByRole('button', { name: '收藏' }).click();
      await row.getByRole('button', { name: '取消收藏' }).waitFor();
      await go(page, '#/search');
      const input = page.getByTestId('search-input').locator('input');
      await input.fill('应当');
      const count = page.getByTestId('search-count');
      await count.waitFor();
      const total = Number(/找到 (\d+) 条/.exec((await count.textContent()) ?? '')![1]);
      const category = page.getByTestId('search-facet-category');
      const econText = (await category.getByText(/经济法/).textContent()) ?? '';
      const econ = Number(/\((\d+)\)/.exec(econText)![1]);
      expect(econ).toBeGreaterThan(0);
      expect(econ).toBeLessThan(total);
      await category.getByText('经济法').click();
      await count.filter({ hasText: `找到 ${econ} 条` }).waitFor();
      for (const t of await page.getByTestId('search-hit').locator('strong').allTextContents()) expect(t).toContain('统计法');
      await category.getByText('经济法').click(); // off again
      await count.filter({ hasText: `找到 ${total} 条` }).waitFor();
      const fav = page.getByTestId('search-favorites');
      expect(await fav.textContent()).toContain('(1)');
      await fav.getByText('只搜收藏的法规').click();
      await count.filter({ hasText: `找到 ${econ} 条` }).waitFor(); // 统计法 is the only 经济法 law and the only 收藏
    }));

  it('rebuilds the search index from 设置 and keeps searching', () =>
    withSession(async ({ page }) => {
      await go(page, '#/settings');
      const card = page.getByTestId('index-card');
      const articles = card.getByTestId('index-articles');
      await articles.filter({ hasText: '个版本' }).waitFor();
      const before = await articles.textContent();
      expect(before).toContain('6 个版本');
      await card.getByTestId('index-rebuild').click();
      await page.locator('.ant-popconfirm').getByRole('button', { name: /^重\s?建$/ }).click(); // antd spaces two-character labels
      await page.getByText(/索引已重建/).waitFor();
      expect(await articles.textContent()).toBe(before);
      await page.getByText('检索就绪').waitFor();
      await go(page, '#/search');
      await page.getByTestId('search-input').locator('input').fill('行政许可');
      await page.getByTestId('search-count').waitFor();
      expect(await page.getByTestId('search-hit').count()).toBeGreaterThan(0);
    }));

  it('imports a file with a preview and sees it in the library', () =>
    withSession(async ({ page }) => {
      await page.getByTestId('library-total').filter({ hasText: '共 5 部' }).waitFor();
      await go(page, '#/import');
      const file = join(FIXTURES, 'import', '促进科技成果转化法(2015-08-29).md');
      const picker = page.locator('[data-testid="import-dropzone"] input[type=file], .ant-upload-drag input[type=file]').first();
      // The picker offers what the core imports: OFD, web archives and scans (it once left out images).
      expect((await picker.getAttribute('accept'))?.split(',')).toEqual(expect.arrayContaining(['.docx', '.doc', '.wps', '.ofd', '.mht', '.png', '.jpg', '.tif']));
      await picker.setInputFiles(file);
      await page.getByTestId('import-preview-button').click();
      await page.getByTestId('import-preview').waitFor();
      expect(await page.getByTestId('import-preview-table').textContent()).toContain('中华人民共和国促进科技成果转化法');
      await page.getByTestId('import-commit-button').click();
      await page.getByTestId('import-report').waitFor();
      expect(await page.getByTestId('import-report').textContent()).toContain('新增 1 件');
      await page.getByRole('button', { name: '查看法规库' }).click();
      await page.getByTestId('library-total').filter({ hasText: '共 6 部' }).waitFor();
      expect(await page.getByTestId('law-title').allTextContents()).toContain('中华人民共和国促进科技成果转化法');
    }));

  it('a failed import says why and the window stays usable', () =>
    withSession(async ({ page }) => {
      await go(page, '#/import');
      await page.locator('.ant-upload-drag input[type=file]').first().setInputFiles({ name: '空白.txt', mimeType: 'text/plain', buffer: Buffer.from('   \n') });
      await page.getByTestId('import-preview-button').click();
      await page.getByTestId('import-preview').waitFor();
      expect(await page.getByTestId('import-preview-table').textContent()).toContain('失败');
      await page.getByRole('link', { name: /法规库/ }).first().click();
      await page.getByTestId('library-total').waitFor();
    }));

  it('the fixture for import is a real law', () => {
    expect(readFileSync(join(FIXTURES, 'import', '促进科技成果转化法(2015-08-29).md'), 'utf8')).toContain('第一条');
  });
});
