// The reader with the keyboard alone, where a daily user tripped: back from a law a 法条联想 link
// opened (the desktop window had no key for 后退).

import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT, haveChromium, useBrowser } from './browser-harness';
import { byTestId, focused, tabTo } from './keyboard-focus';

/** 快速打开 (Ctrl+K), part of the title typed, Enter once the law is the first match. */
async function quickOpen(page: Page, typed: string, title: string): Promise<void> {
  await page.getByTestId('library-total').waitFor();
  await page.keyboard.press('Control+k');
  await expect.poll(async () => (await focused(page)).testId).toBe('quick-open-input');
  await page.keyboard.type(typed);
  await page.getByTestId('quick-open-item').first().filter({ hasText: typed }).waitFor();
  await page.keyboard.press('Enter');
  await page.getByTestId('reader-title').filter({ hasText: title }).waitFor();
}

/** The article (data-key) that has the focus, or what has it when no article does. */
const focusedArticle = (page: Page) =>
  page.evaluate(() => document.activeElement?.closest('#reader-text [data-key]')?.getAttribute('data-key') ?? `(${document.activeElement?.id || document.activeElement?.tagName})`);

describe.skipIf(!haveChromium)('the reader with the keyboard alone', () => {
  const withSession = useBrowser();

  it('Alt+← goes back from the law a citation opened to the citing article, Alt+→ forward again', () =>
    withSession(async (s) => {
      const { page } = s;
      const preview = await s.face.service.previewPaths([join(ROOT, 'test/fixtures/links/e2e/最高人民法院关于审理行政许可案件若干问题的规定(2009-12-14).md')]);
      await s.face.service.call('import:commit', { stagingId: preview.stagingId });
      await quickOpen(page, '审理行政许可案件', '行政许可案件');
      const citing = page.getByTestId('reader-title').filter({ hasText: '行政许可案件' });
      await page.keyboard.press('Control+g');
      await page.keyboard.type('15');
      await page.keyboard.press('Enter');
      await expect.poll(() => focusedArticle(page)).toBe('15');
      // 第十五条 cites 行政许可法 第十二条: Tab reaches the link, Enter follows it
      const link = await tabTo(page, byTestId('citation-link'), { max: 10 });
      expect(link.text).toContain('第十二条');
      await page.keyboard.press('Enter');
      const cited = page.getByTestId('reader-title').filter({ hasText: '中华人民共和国行政许可法' });
      await cited.waitFor();
      await page.locator('#article-12.active').waitFor();

      await page.keyboard.press('Alt+ArrowLeft');
      await citing.waitFor();
      await expect.poll(async () => (await focused(page)).what).not.toBe('<body>');
      await page.keyboard.press('Alt+ArrowRight');
      await cited.waitFor();
      await page.locator('#article-12.active').waitFor();
    }));
});
