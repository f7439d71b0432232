// The 合法性审查 form in Chromium, by keyboard: a blank 审查事项, a 承办单位 over the schema's limit and
// a 送审材料 row without a name are refused beside their fields with the review schema's own Chinese
// messages (review-form-model.ts, the same check records:validate and a save apply); a rule only
// the service knows (须填写审查结论 once the opinion is issued) comes from records:validate.

import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../electron/shared/limits';
import { go, haveChromium, useBrowser } from './browser-harness';

describe.skipIf(!haveChromium)('Review form (browser face)', () => {
  const withSession = useBrowser();

  it('field errors beside their fields, the service’s refusal above the form; corrected, it saves', () =>
    withSession(async ({ page }) => {
      await go(page, '#/reviews');
      await page.getByTestId('new-review').click();
      const itemOf = (testId: string) => page.locator('.ant-form-item').filter({ has: page.getByTestId(testId) });
      const errorOf = (testId: string) => itemOf(testId).locator('.ant-form-item-explain-error');
      await page.getByTestId('field-leadUnit').click();
      await page.keyboard.insertText('科'.repeat(LIMITS.record.unit + 1));
      const firstMaterial = page.getByTestId('review-materials-card').locator('input.ant-input').first();
      await firstMaterial.fill('');
      await page.keyboard.press('Control+s');
      await expect.poll(() => errorOf('field-title').textContent()).toBe('请填写标题');
      await expect.poll(() => errorOf('field-leadUnit').textContent()).toBe(`不能超过 ${LIMITS.record.unit} 字`);
      await expect.poll(() => page.locator('.ant-form-item-explain-error').filter({ hasText: '请填写名称' }).count()).toBe(1);
      expect(page.url()).toMatch(/#\/review\/new/);
      if (process.env.LAWDESK_SCREENSHOT) await page.screenshot({ path: process.env.LAWDESK_SCREENSHOT });

      await page.getByTestId('field-title').fill('高青县科技创新券管理暂行办法（送审稿）');
      await page.getByTestId('field-leadUnit').fill('高新技术科');
      await firstMaterial.fill('送审稿');
      // 已出具意见 without a conclusion: the service's own rule, shown above the form.
      await page.getByTestId('status-steps').getByText('已出具意见').click();
      await page.getByTestId('field-title').press('End');
      await page.keyboard.type('。');
      await page.getByTestId('review-check').filter({ hasText: '须填写审查结论' }).waitFor();
      await page.getByTestId('status-steps').getByText('收件').click();
      await page.getByTestId('save-review').click();
      await page.waitForURL(/#\/review\/R\d{4}-001/);
      expect(await page.locator('.ant-form-item-explain-error').count()).toBe(0);
    }));
});
