// The search page in real Chromium with real key events: a query that is a citation opens the
// cited article on Enter (even with zero or other hits), an input method's composition never
// searches mid-word, 只看现行有效 toggles from its words and hides the other statuses, an empty
// result shows no count line, the box has the focus on arrival, and the CSS of what an answer
// brings is there before the first keystroke.

import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { go, haveChromium, useBrowser } from './browser-harness';

/** The q of every search:query request the page sends from now on. */
function watchQueries(page: Page): string[] {
  const qs: string[] = [];
  page.on('request', (r: Request) => {
    if (r.url().endsWith('/api/search:query')) qs.push((JSON.parse(r.postData() ?? '{}') as { q: string }).q);
  });
  return qs;
}

async function searchPage(page: Page) {
  await page.getByTestId('library-total').waitFor();
  await go(page, '#/search');
  const input = page.getByTestId('search-input').locator('input');
  await input.waitFor();
  return input;
}

describe.skipIf(!haveChromium)('the search page in Chromium', () => {
  const withSession = useBrowser();

  for (const [query, title, key] of [
    ['行政许可法第十二条', '行政许可法', '12'],
    ['统计法第七条', '统计法', '7'],
    ['行政许可法 12', '行政许可法', '12'],
  ] as const) {
    it(`Enter on “${query}” opens ${title} ${key} (typed and Enter pressed at once)`, () =>
      withSession(async ({ page }) => {
        const input = await searchPage(page);
        await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
        await page.keyboard.type(query);
        await page.keyboard.press('Enter');
        await page.getByTestId('reader-title').filter({ hasText: title }).waitFor();
        await page.locator(`#article-${key}.active`).waitFor();
        expect(page.url()).toContain(`a=${key}`);
        // Back returns to the search as typed (the address follows the box lazily, but before a hit opens).
        await page.goBack();
        await expect.poll(() => page.getByTestId('search-input').locator('input').inputValue()).toBe(query);
        expect(decodeURIComponent(page.url())).toContain(`#/search?q=${query}`);
      }));
  }

  it('a citation query also offers the other versions holding that article (统计法第七条 → the 2009 text)', () =>
    withSession(async ({ page }) => {
      const input = await searchPage(page);
      await input.click();
      await page.keyboard.type('统计法第七条');
      const row = page.getByTestId('search-jump-row');
      await row.waitFor();
      const other = row.getByTestId('search-jump-other');
      await other.filter({ hasText: '2009' }).waitFor();
      expect(await other.textContent()).toContain('已修改');
      await other.click();
      await page.getByTestId('reader-title').filter({ hasText: '统计法' }).waitFor();
      await page.locator('#article-7.active').waitFor();
      expect(decodeURIComponent(page.url())).toContain('2009');
    }));

  it('↓ from a citation query moves to the hits and Enter opens the hit, not the citation', () =>
    withSession(async ({ page }) => {
      const input = await searchPage(page);
      await input.click();
      await page.keyboard.type('行政许可法第十二条');
      await page.getByTestId('search-jump-row').waitFor();
      const hits = await page.getByTestId('search-hit').count();
      if (hits === 0) return; // nothing else to choose
      await page.keyboard.press('ArrowDown');
      await page.locator('.search-hit.selected').waitFor();
      await page.keyboard.press('Enter');
      await page.getByTestId('reader-title').waitFor();
    }));

  it('an input method composing pinyin does not search; the committed word does', () =>
    withSession(async ({ page }) => {
      const input = await searchPage(page);
      await input.click();
      const queries = watchQueries(page);
      const cdp = await page.context().newCDPSession(page);
      for (const text of ['t', 'ti', 'tin', 'ting', 'tingz', 'tingzh', 'tingzhe', 'tingzhen', 'tingzheng']) {
        await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
      }
      expect(await input.inputValue()).toBe('tingzheng');
      await cdp.send('Input.insertText', { text: '听证' });
      await page.locator('[data-testid="search-hit"] mark', { hasText: '听证' }).first().waitFor();
      expect(await input.inputValue()).toBe('听证');
      expect(queries.length).toBeGreaterThan(0);
      expect(queries.every((q) => q === '听证')).toBe(true);
      // Enter while composing picks the word and opens nothing.
      await page.keyboard.press('End');
      await page.keyboard.type(' ');
      await cdp.send('Input.imeSetComposition', { text: 'shi', selectionStart: 3, selectionEnd: 3 });
      await page.keyboard.press('Enter');
      await cdp.send('Input.insertText', { text: '实施' });
      await page.locator('[data-testid="search-hit"] mark', { hasText: '实施' }).first().waitFor();
      expect(await input.inputValue()).toBe('听证 实施');
      expect(page.url()).toContain('#/search');
      expect(queries.filter((q) => /[a-z]/.test(q))).toEqual([]);
    }));

  it('只看现行有效 toggles from its words and then offers no other 时效性', () =>
    withSession(async ({ page }) => {
      const input = await searchPage(page);
      await input.click();
      await page.keyboard.type('统计');
      const status = page.getByTestId('search-facet-status');
      await status.getByText('已修改').waitFor();
      await page.getByTestId('search-in-force').getByText('只看现行有效').click();
      expect(await page.getByTestId('search-in-force').getByRole('switch').getAttribute('aria-checked')).toBe('true');
      await expect.poll(() => status.textContent()).not.toContain('已修改');
      expect(await status.textContent()).toContain('现行有效');
    }));

  it('the facet note says what the counts are: results, a law found by its title counting once', () =>
    withSession(async ({ page }) => {
      const input = await searchPage(page);
      await input.click();
      const answer = page.waitForResponse((r) => r.url().endsWith('/api/search:query') && (JSON.parse(r.request().postData() ?? '{}') as { q: string }).q === '统计法');
      await page.keyboard.type('统计法'); // 统计法 by its title, and the articles naming it
      const body = JSON.stringify(await (await answer).json());
      expect(body).toContain('"kind":"law"'); // a title hit is among the results
      await page.getByTestId('search-area').and(page.locator('[data-query="统计法"]')).waitFor();
      await page.getByTestId('search-count').filter({ hasText: '找到' }).waitFor();
      const total = Number(/找到 (\d+) 条/.exec((await page.getByTestId('search-count').textContent()) ?? '')![1]);
      const statusSum = async () => (await page.getByTestId('search-facet-status').locator('.facet-count').allTextContents()).reduce((n, t) => n + Number(t.replace(/\D/g, '')), 0);
      // Each result is in exactly one 时效性, so the counts add up to the results, title hits included.
      await expect.poll(statusSum).toBe(total);
      const note = (await page.getByTestId('search-facet-unit').textContent()) ?? '';
      expect(note).toContain('标题');
    }));

  it('the CSS of the antd parts an answer brings is in the page with it, before anything is typed', () =>
    withSession(async ({ page }) => {
      await searchPage(page);
      // A fresh start on 搜索, as the app opens: nothing else has generated these styles yet.
      await page.reload();
      await page.getByTestId('search-input').locator('input').waitFor();
      // In the app's stylesheet (antd's component styles rendered at build time) or in a <style> antd added.
      const css = await page.evaluate(() => [...document.styleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n'));
      for (const part of ['.ant-checkbox', '.ant-pagination', '.ant-alert', '.ant-tag', '.ant-tooltip', '.ant-spin']) expect(css, part).toContain(part);
      expect(await page.getByTestId('search-hit').count()).toBe(0);
    }));

  it('a query with no hits shows 没有找到 and no count line', () =>
    withSession(async ({ page }) => {
      const input = await searchPage(page);
      await input.click();
      await page.keyboard.type('量子纠缠态');
      await page.getByTestId('search-empty').waitFor();
      expect(await page.getByTestId('search-count').count()).toBe(0);
    }));

  it('a citation found with no hits in the text says where the article is, not a bare 没有找到', () =>
    withSession(async ({ page }) => {
      const input = await searchPage(page);
      await input.click();
      await page.keyboard.type('行政许可法第十二条');
      await page.getByTestId('search-jump').filter({ hasText: '第十二条' }).waitFor();
      const empty = page.getByTestId('search-empty');
      await empty.waitFor();
      expect(await empty.textContent()).toContain('它引用的条文在上面');
      expect(await empty.textContent()).not.toContain('没有找到');
    }));
});
