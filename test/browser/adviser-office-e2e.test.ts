// An adviser of another office than the first one (沂水县科学技术局, 沂科审) at work, keyboard first:
// 单位信息 saved with Enter; a new review opens with the focus in 审查事项 and examples that name
// this office, never 高青 / 高科审 (so do the register's); the 送审材料 heading names the source of each type's list; in the
// 审查工作台 a and d move on to the next finding still to decide.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, go, haveChromium, useBrowser } from './browser-harness';

describe.skipIf(!haveChromium)('another office, by keyboard', () => {
  const withSession = useBrowser();

  it('单位信息 by Enter; the new review names this office; a/d move on in the workbench', () =>
    withSession(async ({ page, face }) => {
      await go(page, '#/settings');
      const unit = page.locator('#unit');
      await unit.waitFor();
      // the stored profile has filled the form before typing (an answer landing later keeps typed fields anyway)
      await expect.poll(() => page.getByTestId('office-save').isEnabled()).toBe(true);
      await unit.fill('沂水县科学技术局');
      await page.locator('#region').fill('山东·临沂·沂水县');
      await page.locator('#reviewPrefix').fill('沂科审');
      await page.locator('#reviewPrefix').press('Enter');
      await expect.poll(async () => ((await face.service.call('office:get', {})) as { unit: string; reviewPrefix?: string }).reviewPrefix).toBe('沂科审');

      await go(page, '#/review/new');
      const title = page.getByTestId('field-title');
      await title.waitFor();
      await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset?.testid)).toBe('field-title');
      await expect.poll(() => title.getAttribute('placeholder')).toContain('沂水县');
      expect(await page.locator('#refNo').getAttribute('placeholder')).toMatch(/^如：沂科审〔\d{4}〕1号$/);
      expect(await page.content()).not.toMatch(/高青|高科审/);
      const materials = page.getByTestId('review-materials-card');
      expect(await materials.locator('.ant-card-head-title').textContent()).toBe('送审材料（国办发〔2018〕115号）');

      // the 规范性文件 register's form too
      await go(page, '#/register');
      await page.getByRole('button', { name: /登记规范性文件/ }).click();
      const regTitle = page.getByTestId('register-title');
      await regTitle.waitFor();
      await expect.poll(() => regTitle.getAttribute('placeholder')).toBe('如：沂水县科技创新券管理暂行办法');
      expect(await page.locator('#docNumber').getAttribute('placeholder')).toMatch(/^如：沂科发〔\d{4}〕1号$/);
      await page.keyboard.press('Escape');
      await regTitle.waitFor({ state: 'detached' });

      await go(page, '#/review/new');
      await title.waitFor();
      await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset?.testid)).toBe('field-title');
      await page.keyboard.type('沂水县科技型中小企业培育管理办法（征求意见稿）');
      await page.locator('#leadUnit').fill('高新技术科');
      await page.keyboard.press('Control+s');
      await page.waitForURL(/#\/review\/R/);
      const id = /#\/review\/([^/?]+)/.exec(page.url())![1]!;

      await go(page, `#/workbench/${id}`);
      await page.getByTestId('workbench').locator('input[type=file]').setInputFiles(join(ROOT, 'test/fixtures/drafts/received-sme-cultivation.md'));
      await page.getByTestId('wb-draft').waitFor();
      await expect.poll(() => page.getByTestId('wb-finding').count()).toBeGreaterThan(4);
      // 第二条's items (一) 在本县注册 and (三) 在本县缴纳税款 are two triggers of 第九条第（二）项, in one article named once
      const item = page.getByTestId('wb-fair').locator('div').filter({ hasText: '第九条第（二）项' });
      await item.last().waitFor();
      expect((await item.last().textContent())!.match(/第二条/g)).toHaveLength(1);
      const cards = page.getByTestId('wb-finding');
      const firstId = await cards.nth(0).getAttribute('data-finding');
      const secondId = await cards.nth(1).getAttribute('data-finding');
      await page.locator('body').press('a');
      await cards.nth(0).getByText('已采纳').waitFor();
      // the selection moved on: the next 采纳 takes the second finding
      await page.locator('body').press('a');
      await cards.nth(1).getByText('已采纳').waitFor();
      const decisions = async () => ((await face.service.call('workbench:get', { id })) as { decisions: Record<string, { status: string }> }).decisions;
      await expect.poll(async () => Object.keys(await decisions()).sort()).toEqual([firstId, secondId].sort());
      // d opens the reason dialog for the third; after it, the fourth is the one selected
      await page.locator('body').press('d');
      const reason = page.getByTestId('wb-dismiss-reason');
      await reason.waitFor();
      await reason.fill('已与起草科室核实');
      await reason.press('Control+Enter');
      await cards.nth(2).getByText('理由：已与起草科室核实').waitFor();
      // keys go to the list once the dialog has gone (while it closes, its box still has the focus)
      await reason.waitFor({ state: 'hidden' });
      await page.locator('body').press('a');
      await cards.nth(3).getByText('已采纳').waitFor();
    }));

  it('新建学法活动 opens with the focus in its first field; Ctrl+Enter saves it', () =>
    withSession(async ({ page }) => {
      await go(page, '#/lectures');
      await page.getByTestId('new-lecture').click();
      await page.getByTestId('lecture-topic').waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('kind');
      await page.getByTestId('lecture-topic').fill('科学技术进步法专题讲座');
      await page.keyboard.press('Control+Enter');
      await page.getByTestId('lecture-form').waitFor({ state: 'hidden' });
      await page.getByText('科学技术进步法专题讲座').first().waitFor();
    }));
});
