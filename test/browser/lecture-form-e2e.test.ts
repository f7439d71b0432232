// The lecture form at 1024×700, by keyboard: a citation added with Enter in the 条 field reads as a
// saved one does (《中华人民共和国行政许可法》第十二条), 保存 is on screen without scrolling the page,
// and the list shows the speaker's 单位. Field errors come from the record schema (shared/record-form.ts)
// and are shown beside their fields, in the 学法活动 and the 普法计划 forms.

import { describe, expect, it } from 'vitest';
import { go, haveChromium, useBrowser } from './browser-harness';

describe.skipIf(!haveChromium)('Lecture form (browser face)', () => {
  const withSession = useBrowser();

  it('Enter in the 条 field adds the citation, 保存 is reachable at 700 px, the list shows 主讲人单位', () =>
    withSession(async ({ page }) => {
      await page.setViewportSize({ width: 1024, height: 700 });
      await go(page, '#/lectures');
      await page.getByTestId('new-lecture').click();
      const form = page.getByTestId('lecture-form');
      await page.getByTestId('lecture-topic').fill('行政许可法专题学习');
      await form.getByLabel('主讲人', { exact: true }).fill('王律师');
      await form.getByLabel('主讲人单位').fill('淄博市某律师事务所');
      await page.getByTestId('add-citation').click();
      await page.getByTestId('citation-picker-input').fill('行政许可法');
      await page.getByTestId('citation-picker-item').first().filter({ hasText: '行政许可法' }).waitFor();
      await page.getByLabel('条号').fill('12');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('lecture-citations').textContent()).toContain('《中华人民共和国行政许可法》第十二条');
      const save = form.getByRole('button', { name: /保存/ });
      const box = (await save.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(700);
      await save.click();
      await page.getByTestId('lecture-speaker').filter({ hasText: '王律师（淄博市某律师事务所）' }).waitFor();
    }));

  it('typed by keyboard: a blank 主题 and a 单位 without 主讲人 are refused beside their fields in Chinese; corrected, it saves', () =>
    withSession(async ({ page }) => {
      await go(page, '#/lectures');
      await page.getByTestId('new-lecture').click();
      const form = page.getByTestId('lecture-form');
      const itemOf = (label: string) => form.locator('.ant-form-item').filter({ has: page.getByLabel(label, { exact: true }) });
      await page.getByTestId('lecture-topic').click();
      await page.keyboard.type('   ');
      await form.getByLabel('主讲人单位').click();
      await page.keyboard.type('淄博市某律师事务所');
      await page.keyboard.press('Control+Enter');
      await expect.poll(() => itemOf('主题').locator('.ant-form-item-explain-error').textContent()).toBe('请填写主题');
      await expect.poll(() => itemOf('主讲人').locator('.ant-form-item-explain-error').textContent()).toBe('请填写主讲人姓名');
      expect(await page.getByTestId('lecture-topic').isVisible()).toBe(true); // still open: nothing saved
      await page.getByTestId('lecture-topic').click();
      await page.keyboard.type('优化营商环境条例解读');
      await form.getByLabel('主讲人', { exact: true }).click();
      await page.keyboard.type('李律师');
      await page.keyboard.press('Control+Enter');
      await page.getByTestId('lecture-speaker').filter({ hasText: '李律师（淄博市某律师事务所）' }).waitFor();
      await page.getByTestId('lecture-topic').waitFor({ state: 'detached' });
    }));

  it('the 普法计划 form by keyboard: a blank 计划名称 and a blank 事项 are refused beside them; filled in, the plan is listed', () =>
    withSession(async ({ page }) => {
      await go(page, '#/lectures?tab=plans');
      await page.getByTestId('new-plan').click();
      const title = page.getByTestId('plan-title');
      await expect.poll(() => title.inputValue()).toMatch(/年度普法工作计划$/);
      await title.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Backspace');
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      const itemOf = (input: ReturnType<typeof page.locator>) => dialog.locator('.ant-form-item').filter({ has: input });
      const topic = page.getByPlaceholder('学习的法律或主题');
      await expect.poll(() => itemOf(title).locator('.ant-form-item-explain-error').textContent()).toBe('请填写计划名称');
      await expect.poll(() => itemOf(topic).locator('.ant-form-item-explain-error').textContent()).toBe('请填写事项');
      await title.click();
      await page.keyboard.type('科技局年度普法计划');
      await topic.click();
      await page.keyboard.type('优化营商环境条例');
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await page.getByTestId('plan-card').filter({ hasText: '科技局年度普法计划' }).waitFor();
      expect(await page.getByTestId('plan-card').filter({ hasText: '科技局年度普法计划' }).textContent()).toContain('优化营商环境条例');
    }));
});
