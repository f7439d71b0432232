// 删除此版本 / 删除此法规 in the reader, in Chromium, by keyboard and by mouse: Delete opens the confirm
// dialog for the version shown, which counts what cites it (a 学法记录 made against that version); Esc
// leaves everything as it was; Enter on the focused 删除 removes it and opens the version left; the toast's
// 撤销 (Ctrl+Z) gives it back; the menu's 删除此法规 removes every version and goes to 法规库.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dialogSettled, go, haveChromium, useBrowser } from './browser-harness';

const SHOTS = process.env.LAWDESK_SHOTS;

describe.skipIf(!haveChromium)('removing a law from the reader in Chromium', () => {
  const withSession = useBrowser();

  it('confirms with the counts, cancels with Esc, removes with Enter, undoes with Ctrl+Z, removes the whole law from the menu', () =>
    withSession(async ({ page, face }) => {
      const svc = face.service;
      const row = (await svc.call('laws:list', { q: '统计法' })).rows.find((r) => r.title === '中华人民共和国统计法')!;
      const [v2009, v2024] = (await svc.call('law:get', { lawId: row.lawId })).law.versionIds;
      await svc.call('lectures:create', { input: { kind: '集体学法', date: '2020-05-20', topic: '统计法学习', headCount: 20, citations: [{ law: '统计法', article: '7' }] } });
      const versionsNow = async () => (await svc.call('law:get', { lawId: row.lawId }).catch(() => undefined))?.law.versionIds ?? [];

      await go(page, `#/read/${encodeURIComponent(v2009!)}`);
      await page.getByTestId('reader-title').waitFor();
      await page.locator('#reader-body[data-loaded]').waitFor();
      const dialog = page.getByRole('dialog');

      // Delete → the dialog for this version, counting the lecture; Esc → nothing happened
      await page.locator('#reader-body').focus();
      await page.keyboard.press('Delete');
      await dialog.getByTestId('remove-impact').filter({ hasText: '学法记录 1 条' }).waitFor();
      expect(await dialog.textContent()).toContain('2009-06-27 版本');
      await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'remove-confirm');
      await dialogSettled(dialog);
      if (SHOTS) await page.screenshot({ path: join(SHOTS, 'remove-version-dialog.png') });
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect(await versionsNow()).toEqual([v2009, v2024]);

      // Delete, Enter → removed; the reader opens the version left; 撤销 is offered
      await page.locator('#reader-body').focus();
      await page.keyboard.press('Delete');
      await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'remove-confirm');
      await page.keyboard.press('Enter');
      await page.waitForURL((u) => u.hash === `#/read/${encodeURIComponent(v2024!)}`);
      const toast = page.getByTestId('toast-undo');
      await toast.filter({ hasText: '已删除《中华人民共和国统计法》2009-06-27 版本' }).waitFor();
      expect(await versionsNow()).toEqual([v2024]);
      const red = (await svc.call('records:affected', {})).filter((r) => r.versionId === v2009);
      expect(red.map((r) => r.flag.color)).toEqual(['red']);
      if (SHOTS) await page.screenshot({ path: join(SHOTS, 'remove-version-undo.png') });

      // Ctrl+Z (the focus on the text, not in a field) → it is back and shown
      await page.locator('#reader-body').focus();
      await page.keyboard.press('Control+z');
      await page.waitForURL((u) => u.hash === `#/read/${encodeURIComponent(v2009!)}`);
      expect(await versionsNow()).toEqual([v2009, v2024]);
      await toast.waitFor({ state: 'detached' });

      // the menu: 删除此法规（全部 2 个版本） → 法规库, the law gone
      await page.getByTestId('remove-menu').click();
      await page.getByRole('menuitem', { name: /删除此法规（全部 2 个版本/ }).click();
      await dialog.getByTestId('remove-impact').waitFor();
      expect(await dialog.getByTestId('remove-scope').getByRole('radio', { name: /全部 2 个版本/ }).isChecked()).toBe(true);
      // the shot shows the dialog as she reads it: zoomed in, the menu it came from gone (it was taken mid-fade)
      await dialogSettled(dialog);
      expect(await page.getByRole('menuitem', { name: /删除此法规/ }).isVisible()).toBe(false);
      if (SHOTS) await page.screenshot({ path: join(SHOTS, 'remove-law-dialog.png') });
      await dialog.getByTestId('remove-confirm').click();
      await page.waitForURL((u) => u.hash.startsWith('#/library'));
      expect(await versionsNow()).toEqual([]);
      await expect.poll(async () => (await page.getByTestId('law-title').allTextContents()).some((t) => t.includes('统计法'))).toBe(false);
    }));
});
