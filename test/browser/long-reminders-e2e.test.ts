// An office with many 规范性文件 not yet filed (备案逾期) — a year's backlog typed in at once: the
// reminders above 法规库 and the 待办 of the register show their first few and one link for the
// rest, so 法规库's list and the register's table stay on the first screen (before, 12 backlog
// entries were 12 alerts, and 法规库 began below a 768-pixel screen).

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, go, haveChromium, useBrowser } from './browser-harness';

describe.skipIf(!haveChromium)('a long backlog of reminders', () => {
  const withSession = useBrowser();

  it('法规库 and the register stay in view; every reminder is one link away', () =>
    withSession(async ({ page, face }) => {
      await page.setViewportSize({ width: 1366, height: 768 });
      for (let i = 1; i <= 12; i++) {
        await face.service.call('register:save', { entry: { title: `高青县科学技术局关于科技项目管理的规定（第${i}号）`, draftingUnit: '办公室', published: `2021-0${1 + (i % 9)}-01` } });
      }
      const total = (await face.service.call('reminders:list', {})).length;
      const dueTotal = (await face.service.call('register:due', {})).length;
      expect(dueTotal).toBeGreaterThanOrEqual(12); // each at least 备案逾期
      await go(page, '#/library');
      await page.reload(); // the reminders are asked when the page loads
      const reminders = page.getByTestId('office-reminders');
      const more = page.getByTestId('office-reminders-more');
      await more.waitFor();
      expect(await reminders.locator('.ant-alert').count()).toBe(3);
      expect(await more.textContent()).toBe(`另有 ${total - 3} 项，全部显示`);
      // The library's first row is on the first screen.
      const row = page.getByTestId('grid-row').first();
      await row.waitFor();
      const box = (await row.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(768);
      await page.screenshot({ path: join(ROOT, 'out/long-reminders-library.png') });
      // By keyboard: the link is a Tab stop and Enter shows them all.
      await more.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => reminders.locator('.ant-alert').count()).toBe(total);
      expect(await more.textContent()).toBe('只显示前 3 项');

      await go(page, '#/register');
      const due = page.getByTestId('register-due');
      await page.getByTestId('register-due-more').waitFor();
      expect(await due.locator('.ant-tag').count()).toBe(8);
      expect(await page.getByTestId('register-due-more').textContent()).toBe(`另有 ${dueTotal - 8} 项，全部显示`);
      const firstEntry = page.locator('.ant-table-row').first();
      await firstEntry.waitFor();
      expect((await firstEntry.boundingBox())!.y).toBeLessThan(768); // the register's table begins on the first screen
      await page.screenshot({ path: join(ROOT, 'out/long-reminders-register.png') });
      await page.getByTestId('register-due-more').click();
      await expect.poll(() => due.locator('.ant-tag').count()).toBe(dueTotal);
    }));
});
