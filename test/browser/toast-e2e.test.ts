// Toasts in Chromium, on the page's own clock: an import where a file failed says which file and
// why in a toast that is still there long after a success toast has gone, can be copied, and goes
// when the user closes it (renderer/src/components/notify.tsx).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, go, haveChromium, useBrowser } from './browser-harness';

describe.skipIf(!haveChromium)('Toasts', () => {
  const withSession = useBrowser();

  it('an import error stays until closed and can be copied; a success toast goes', () =>
    withSession(async ({ page }) => {
      await page.clock.install();
      await page.reload();
      await go(page, '#/import');
      const law = '促进科技成果转化法(2015-08-29).md';
      await page.locator('.ant-upload-drag input[type=file]').first().setInputFiles([
        { name: law, mimeType: 'text/markdown', buffer: readFileSync(join(FIXTURES, 'import', law)) },
        { name: '空白.txt', mimeType: 'text/plain', buffer: Buffer.from('   \n') },
      ]);
      await page.getByTestId('import-preview-button').click();
      await page.getByTestId('import-commit-button').click();
      const toast = page.getByTestId('toast-error');
      await toast.filter({ hasText: '1 个文件失败' }).waitFor();
      const text = (await toast.textContent()) ?? '';
      expect(text).toContain('空白.txt：');
      // The reason the report table gives for that file is the one the toast gives.
      const row = page.getByTestId('import-report-table').locator('tr', { hasText: '空白.txt' });
      const reason = text.slice(text.indexOf('空白.txt：') + '空白.txt：'.length).replace(/复制$/, '').trim();
      expect(reason.length).toBeGreaterThan(2);
      expect(await row.textContent()).toContain(reason.slice(0, 8));

      // 复制 puts the title and the reason on the clipboard, and confirms with a short toast.
      await toast.getByRole('button', { name: /复制/ }).click();
      const copied = page.locator('.ant-message-notice', { hasText: '已复制' });
      await copied.waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('空白.txt：');

      // A minute later on the page's clock, the pointer away from the toasts (hovering holds them):
      // the success toast has gone, the error is still there.
      await page.mouse.move(5, 400);
      await page.clock.fastForward(60_000);
      await expect.poll(() => copied.count()).toBe(0);
      expect(await toast.isVisible()).toBe(true);
      await page.clock.fastForward(10 * 60_000);
      expect(await toast.isVisible()).toBe(true);

      // It goes when closed.
      await toast.getByRole('button', { name: '关闭' }).click();
      await expect.poll(() => toast.count()).toBe(0);
    }));

  it('three failed uploads in a row stay, folded into one stack that leaves the page’s top-right actions free', () =>
    withSession(async ({ page, face }) => {
      const created = (await face.service.call('reviews:create', { input: { type: '规范性文件', title: '高青县科技创新券管理办法（征求意见稿）', leadUnit: '高新技术科', receivedDate: '2026-02-24' } })) as { record: { id: string } };
      await go(page, `#/workbench/${created.record.id}`);
      await page.getByText('还没有送审稿').waitFor();
      const long = '高青县科学技术局关于印发科技创新券管理办法的通知'.repeat(4);
      const toast = page.getByTestId('toast-error');
      for (const [i, name] of [`${long}（一）.docx`, `${long}（二）.docx`, `${long}（三）.docx`].entries()) {
        await page.getByTestId('workbench').locator('input[type=file]').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from('not a zip') });
        await expect.poll(() => toast.count()).toBe(i + 1);
      }
      await expect.poll(() => toast.filter({ hasText: `${long}（三）.docx` }).textContent()).toContain('不是有效的 Word 文档');
      await page.mouse.move(5, 400);
      // What is under the middle of 上传送审稿 and of 生成合法性审查意见书 is the button itself, not a toast.
      for (const id of ['wb-upload', 'wb-export']) {
        await expect
          .poll(() =>
            page.evaluate((testId) => {
              const b = document.querySelector(`[data-testid="${testId}"]`)!.getBoundingClientRect();
              return !!document.elementFromPoint(b.x + b.width / 2, b.y + b.height / 2)?.closest(`[data-testid="${testId}"]`);
            }, id),
          )
          .toBe(true);
      }
      // all three are kept (each closes by itself)
      expect(await toast.count()).toBe(3);
    }));

  it('a 150-character file name is cut in the middle of the toast’s title, whole in its text, tooltip and 复制', () =>
    withSession(async ({ page, face }) => {
      const created = (await face.service.call('reviews:create', { input: { type: '规范性文件', title: '高青县科技创新券管理办法（征求意见稿）', leadUnit: '高新技术科', receivedDate: '2026-02-24' } })) as { record: { id: string } };
      await go(page, `#/workbench/${created.record.id}`);
      await page.getByText('还没有送审稿').waitFor();
      const name = `${'高青县科学技术局关于印发科技创新券管理办法的通知'.repeat(7).slice(0, 145)}.docx`;
      expect(name).toHaveLength(150);
      await page.getByTestId('workbench').locator('input[type=file]').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from('not a zip') });
      const toast = page.getByTestId('toast-error');
      await toast.waitFor();
      const title = toast.locator('.ant-notification-notice-title');
      // start and end of the name kept, one 省略号 between, in at most two lines
      await expect.poll(() => title.textContent()).toBe(`送审稿“${name.slice(0, 8)}…${name.slice(-7)}”添加失败`);
      const [titleBox, lineHeight] = await title.evaluate((el) => [el.getBoundingClientRect().height, parseFloat(getComputedStyle(el).lineHeight)]);
      expect(titleBox).toBeLessThan(lineHeight * 2.5);
      expect(await title.locator('[title]').getAttribute('title')).toBe(`送审稿“${name}”添加失败`);
      expect(await toast.locator('.toast-error-text').textContent()).toContain(name);
      await toast.getByRole('button', { name: /复制/ }).click();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain(`送审稿“${name}”添加失败：`);
    }));
});
