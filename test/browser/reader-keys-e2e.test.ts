// The reader with the keyboard alone, where a daily user tripped: back from a law a 法条联想 link
// opened (the desktop window had no key for 后退, and back landed on the citing law's title, not on
// the article she had jumped to), and out of the 跳到 / 查找 boxes back to the text (Esc emptied the
// box and the focus stayed in it, so ↑ ↓ PageDown did nothing), and out of 版本对比 with Esc.

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

/**
 * Waits until the focus is in article `key` — a locator's wait, as long as the test allows: the jump
 * and the focus wait for the text, which under load 30 can take longer than vitest's 1 s poll (the
 * find count's poll failed so in session 25).
 */
const focusIn = (page: Page, key: string) => page.locator(`#reader-text [data-key="${key}"]:focus-within`).waitFor();

/** Counts #reader-body's scroll events from now on. */
const countScrolls = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { readerScrolls: number };
    w.readerScrolls = 0;
    document.getElementById('reader-body')!.addEventListener('scroll', () => w.readerScrolls++);
  });
/**
 * Resolves once the text is at rest: three frames in a row without a scroll (an animation scrolls
 * in every frame it runs — and one an instant scroll did not stop ran on after that scroll).
 */
const atRest = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const w = window as unknown as { readerScrolls: number };
        let still = 0;
        let seen = w.readerScrolls;
        const frame = () => {
          still = w.readerScrolls === seen ? still + 1 : 0;
          seen = w.readerScrolls;
          if (still >= 3) resolve();
          else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
  );

describe.skipIf(!haveChromium)('the reader with the keyboard alone', () => {
  const withSession = useBrowser();

  it('Alt+← goes back from the law a citation opened to the citing article, Alt+→ forward again', () =>
    withSession(async (s) => {
      const { page } = s;
      const preview = await s.face.service.previewPaths([join(ROOT, 'test/fixtures/links/e2e/最高人民法院关于审理行政许可案件若干问题的规定(2009-12-14).md')]);
      await s.face.service.call('import:commit', { stagingId: preview.stagingId });
      await quickOpen(page, '审理行政许可案件', '行政许可案件');
      const citing = page.getByTestId('reader-title').filter({ hasText: '行政许可案件' });
      // its links drawn first: the import's links are built after it, in the background (the fresh-clone CI of
      // 4059840 tabbed through 第十五条 before its link was there)
      await page.locator('#article-15 [data-testid="citation-link"]').first().waitFor();
      await page.keyboard.press('Control+g');
      await page.keyboard.type('15');
      await page.keyboard.press('Enter');
      await focusIn(page, '15');
      // 第十五条 cites 行政许可法 第十二条: Tab reaches the link, Enter follows it
      const link = await tabTo(page, byTestId('citation-link'), { max: 10 });
      expect(link.text).toContain('第十二条');
      await page.keyboard.press('Enter');
      const cited = page.getByTestId('reader-title').filter({ hasText: '中华人民共和国行政许可法' });
      await cited.waitFor();
      await page.locator('#article-12.active').waitFor();

      await page.keyboard.press('Alt+ArrowLeft');
      await citing.waitFor();
      // on the article she had jumped to, with the focus, not on the law's title
      await page.locator('#article-15.active').waitFor();
      await focusIn(page, '15');
      await page.keyboard.press('Alt+ArrowRight');
      await cited.waitFor();
      await page.locator('#article-12.active').waitFor();
    }));

  it('Esc on an empty 查找 or 跳到 box gives the focus back to the article it landed on, and PageDown reads on', () =>
    withSession(async ({ page }) => {
      await quickOpen(page, '行政许可法', '中华人民共和国行政许可法');
      await page.keyboard.press('Control+f');
      await page.keyboard.type('听证');
      for (const n of [1, 2, 3]) {
        await page.keyboard.press('Enter');
        // (a locator's wait: under load the whole text, which the count waits for, took over a second)
        await page.getByTestId('reader-find-count').filter({ hasText: new RegExp(`^${n} / \\d+ 处$`) }).waitFor();
      }
      const landed = await page.locator('#reader-text mark[data-current]').evaluate((m) => m.closest('[data-key]')!.getAttribute('data-key')!);
      // the first Esc empties the box (the focus stays, to type other words), the second leaves it
      await page.keyboard.press('Escape');
      expect(await page.getByTestId('reader-find').inputValue()).toBe('');
      expect((await focused(page)).testId).toBe('reader-find');
      await page.keyboard.press('Escape');
      await focusIn(page, landed);
      const body = page.locator('#reader-body');
      const before = await body.evaluate((el) => el.scrollTop);
      await countScrolls(page);
      await page.keyboard.press('PageDown');
      await expect.poll(() => body.evaluate((el) => el.scrollTop)).toBeGreaterThan(before);

      // 跳到第…条, typed while PageDown's scroll is still under way (Chromium animates it, and carried
      // the animation on from where the jump put the text: 第二十条 ended 300–560 px above the view) —
      // once the text is at rest, the article jumped to is at the top of the view, under the bar;
      // then Ctrl+G again and Esc on the empty box → the article jumped to
      await page.keyboard.press('Control+g');
      await page.keyboard.type('二十');
      await page.keyboard.press('Enter');
      await focusIn(page, '20');
      await atRest(page);
      const belowBar = await page.evaluate(() => {
        const bar = document.querySelector('#reader-body .reader-sticky')!.getBoundingClientRect();
        return document.getElementById('article-20')!.getBoundingClientRect().top - bar.bottom;
      });
      expect(belowBar).toBeGreaterThanOrEqual(0);
      expect(belowBar).toBeLessThan(40);
      await page.keyboard.press('Control+g');
      expect((await focused(page)).testId).toBe('reader-jump');
      await page.keyboard.press('Escape');
      await focusIn(page, '20');
    }));

  // 版本对比 had no key to leave it but Alt+←: Esc, which closes everything else, did nothing there.
  it('Esc on 版本对比 goes back to the article it was opened on; an Esc that closes a version list stays', () =>
    withSession(async ({ page }) => {
      await quickOpen(page, '统计法', '中华人民共和国统计法');
      await page.keyboard.press('Control+g');
      await page.keyboard.type('七');
      await page.keyboard.press('Enter');
      await focusIn(page, '7');
      // the version tools mount a frame after the text: once, under load, Shift+Tab from 第七条
      // went up the 查找 box and the sider without meeting them
      await page.getByTestId('open-diff').waitFor();
      await tabTo(page, byTestId('open-diff'), { back: true });
      await page.keyboard.press('Enter');
      const diff = page.getByTestId('diff-page');
      await page.getByTestId('diff-summary').waitFor();
      // a version list opened and closed by Esc: the list closes, the page stays
      await tabTo(page, byTestId('diff-from'), { back: true });
      await page.keyboard.press('ArrowDown');
      const list = page.locator('.ant-select-dropdown:visible');
      await list.waitFor();
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByTestId('diff-from').locator('input[role="combobox"]').getAttribute('aria-expanded')).toBe('false');
      expect(await diff.count()).toBe(1);
      // Esc again: back to the law, on 第七条, with the focus
      await page.keyboard.press('Escape');
      await diff.waitFor({ state: 'detached' });
      await page.getByTestId('reader-title').filter({ hasText: '统计法' }).waitFor();
      await page.locator('#article-7.active').waitFor();
      await focusIn(page, '7');
    }));
});
