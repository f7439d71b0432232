// Issue 18 (Reviews): a new review's 送审材料 checklist follows its type. The default type
// 规范性文件 starts with its own list (国办发〔2018〕115号), not the 重大行政决策 one; choosing
// another type before touching the list brings that type's list (it kept the 规范性文件 one);
// once the user has ticked or edited the list, a later type change leaves it alone.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MATERIALS_BY_TYPE } from '../../electron/shared/review-materials';
import { timeLimitText } from '../../electron/shared/review-time-limits';
import { go, haveChromium, useBrowser } from './browser-harness';

const materials = (page: Page) =>
  page.locator('.ant-card').filter({ hasText: '送审材料' }).locator('input.ant-input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));

async function chooseType(page: Page, type: string): Promise<void> {
  await page.getByTestId('field-type').click();
  await page.locator('.ant-select-item-option').filter({ hasText: new RegExp(`^${type}$`) }).click();
  await expect.poll(() => page.getByTestId('field-type').textContent()).toContain(type);
}

describe.skipIf(!haveChromium)('review 送审材料 by type (browser face)', () => {
  const withSession = useBrowser();

  it('starts with the 规范性文件 list, follows a type change, and keeps a list the user ticked', () =>
    withSession(async ({ page }) => {
      await go(page, '#/reviews');
      await page.getByTestId('new-review').click();
      await page.getByTestId('field-title').waitFor();
      expect(await page.getByTestId('field-type').textContent()).toContain('规范性文件');
      await expect.poll(() => materials(page)).toEqual([...MATERIALS_BY_TYPE.规范性文件]);

      await chooseType(page, '重大行政决策');
      await expect.poll(() => materials(page)).toEqual([...MATERIALS_BY_TYPE.重大行政决策]);
      await chooseType(page, '合同');
      await expect.poll(() => materials(page)).toEqual([...MATERIALS_BY_TYPE.合同]);

      // ticked by the user: the list is theirs now
      await page.locator('.ant-card').filter({ hasText: '送审材料' }).getByRole('checkbox').first().check();
      await chooseType(page, '重大执法决定');
      expect(await materials(page)).toEqual([...MATERIALS_BY_TYPE.合同]);
    }));

  it('最早届满 and its rule follow the type: 规范性文件 5 working days (115号), 重大行政决策 7 (第二十六条第二款), 合同 none', () =>
    withSession(async ({ page }) => {
      await go(page, '#/reviews');
      await page.getByTestId('new-review').click();
      await page.getByTestId('field-title').waitFor();
      const due = page.getByTestId('field-dueDate');
      const received = page.getByTestId('field-receivedDate');
      await received.click();
      await page.keyboard.press('Control+a');
      await page.keyboard.insertText('2020-09-25');
      await page.keyboard.press('Enter');
      const extra = () => page.locator('.ant-form-item').filter({ has: due }).locator('.ant-form-item-extra').textContent();
      await expect.poll(() => due.inputValue()).toBe('2020-10-09');
      expect(await extra()).toContain(timeLimitText('规范性文件'));
      await chooseType(page, '重大行政决策');
      await expect.poll(() => due.inputValue()).toBe('2020-10-12');
      expect(await extra()).toContain('重大行政决策程序暂行条例第二十六条第二款');
      await chooseType(page, '合同');
      await expect.poll(() => due.inputValue()).toBe('2020-09-25');
      await expect.poll(extra).toContain('不设最早届满');
      if (process.env.LAWDESK_SHOT) await page.screenshot({ path: process.env.LAWDESK_SHOT });
    }));
});
