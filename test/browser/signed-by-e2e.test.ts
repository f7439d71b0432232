// A review edited before any 经办人 is set carries the computer's user name (root on a build
// machine): the header and the 修改记录 say 未设置经办人 beside it, and that hint leads to 设置 with
// the focus in the name field; once the name is saved, the next change is signed with it, unmarked.

import { userInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { go, haveChromium, useBrowser } from './browser-harness';
import { focused } from './keyboard-focus';

describe.skipIf(!haveChromium)('未设置经办人', () => {
  const withSession = useBrowser();

  it('marks a change signed with the computer’s user name and leads to the field that names the 经办人', () =>
    withSession(async ({ page, face }) => {
      const account = userInfo().username;
      const { record } = await face.service.call('reviews:create', { input: { type: '规范性文件', title: '高青县科技创新券管理办法', leadUnit: '科技股', receivedDate: '2026-11-20' } });
      expect(record.createdBy).toBe(account);
      await go(page, `#/review/${record.id}`);
      // the hint comes with the records:actor answer, which may land after the record's
      await page.getByTestId('signed-by-unnamed').first().waitFor();
      expect(await page.getByTestId('signed-by').first().textContent()).toBe(`${account}未设置经办人`);

      await page.getByTestId('signed-by-unnamed').first().click();
      await page.waitForURL(/#\/settings\?focus=name$/);
      await expect.poll(async () => (await focused(page)).testId).toBe('settings-display-name');
      await page.keyboard.insertText('王律师');
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await face.service.call('settings:get', {})).displayName).toBe('王律师');

      await face.service.call('reviews:update', { id: record.id, patch: { leadUnit: '办公室' } });
      await go(page, `#/review/${record.id}`);
      await expect.poll(() => page.getByTestId('signed-by').first().textContent()).toBe('王律师');
      await page.getByRole('tab', { name: '修改记录' }).click();
      await expect.poll(() => page.getByTestId('history-entry').count()).toBe(2);
      await page.getByTestId('history-entry').locator('[data-testid=signed-by-unnamed]').waitFor();
      // newest first: the change by 王律师 unmarked, the creation still marked
      expect(await page.getByTestId('history-entry').locator('[data-testid=signed-by]').allTextContents()).toEqual(['王律师', `${account}未设置经办人`]);
    }));
});
