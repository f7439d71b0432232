// Daily pages at the small office screen (1024×700): an empty list says what to do and offers it,
// a filtered list that matches nothing says so (not "nothing recorded yet"), and the matter of a
// review keeps a readable column beside the fixed-width ones.

import { describe, expect, it } from 'vitest';
import { go, haveChromium, useBrowser } from './browser-harness';

describe.skipIf(!haveChromium)('Daily pages at 1024×700', () => {
  const withSession = useBrowser();

  it('学法普法: the empty list offers 新建; a filter that matches nothing says so', () =>
    withSession(async ({ page, face }) => {
      await page.setViewportSize({ width: 1024, height: 700 });
      await go(page, '#/lectures');
      const empty = page.locator('.ant-table-placeholder');
      await empty.filter({ hasText: '还没有学法活动记录' }).waitFor();
      await empty.getByRole('button', { name: '新建学法活动' }).click();
      await page.locator('.ant-drawer-open, .ant-modal-wrap').first().waitFor();
      await page.keyboard.press('Escape');

      await face.service.call('lectures:create', { input: { kind: '集体学法', date: '2026-03-02', topic: '统计法专题学习', headCount: 12, citations: [] } });
      await page.reload();
      await page.getByRole('button', { name: '统计法专题学习' }).waitFor();
      await page.getByPlaceholder('主题、主讲人、对象').fill('没有这个主题');
      await empty.filter({ hasText: '没有符合条件的学法活动' }).waitFor();
      expect(await empty.getByRole('button').count()).toBe(0);
    }));

  it('合法性审查: the 事项 column keeps room for the matter', () =>
    withSession(async ({ page, face }) => {
      await page.setViewportSize({ width: 1024, height: 700 });
      const title = '高青县科技创新券管理暂行办法（送审稿）的合法性审查';
      await face.service.call('reviews:create', { input: { type: '规范性文件', title, leadUnit: '科技股', receivedDate: '2026-11-20' } });
      await go(page, '#/reviews');
      const cell = page.getByTestId('review-title').filter({ hasText: title });
      await cell.waitFor();
      const header = page.locator('.ant-table-thead th', { hasText: '事项' });
      expect((await header.boundingBox())!.width).toBeGreaterThanOrEqual(170);
      // The matter reads in lines of several characters, not one character a line.
      const box = (await cell.boundingBox())!;
      expect(box.height).toBeLessThan(5 * 24);
    }));
});
