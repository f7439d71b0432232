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
});
