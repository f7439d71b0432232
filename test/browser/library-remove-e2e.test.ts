// 删除此法规 from 法规库, in Chromium: Delete on the active row (or the row's 删除 button) opens the reader's confirm
// dialog (one component) for the whole law, with what cites it; Esc keeps it; Enter removes it and the list stays,
// without the row; the toast's 撤销 brings the row back, still on 法规库.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dialogSettled, go, haveChromium, useBrowser } from './browser-harness';

const SHOTS = process.env.LAWDESK_SHOTS;

describe.skipIf(!haveChromium)('removing a law from 法规库 in Chromium', () => {
  const withSession = useBrowser();

  it('Delete on a row asks with the counts, Esc keeps it, Enter removes it, 撤销 brings it back; the row button does the same', () =>
    withSession(async ({ page, face }) => {
      const svc = face.service;
      const row = (await svc.call('laws:list', { q: '统计法' })).rows.find((r) => r.title === '中华人民共和国统计法')!;
      await svc.call('lectures:create', { input: { kind: '集体学法', date: '2025-05-20', topic: '统计法学习', headCount: 9, citations: [{ law: '统计法', article: '7' }] } });
      const versionsNow = async () => (await svc.call('law:get', { lawId: row.lawId }).catch(() => undefined))?.law.versionIds.length ?? 0;

      await go(page, '#/library');
      const titles = page.getByTestId('law-title');
      // 删除 is drawn on the active row and the row under the pointer only, not on every line
      await expect.poll(() => titles.count()).toBeGreaterThan(2);
      const drawn = () => page.getByTestId('library-remove').evaluateAll((bs) => bs.map((b) => getComputedStyle(b).opacity !== '0'));
      await page.mouse.move(1, 1);
      const list = page.getByTestId('library-grid');
      const activeRow = () => list.evaluate((g) => g.getAttribute('aria-activedescendant'));
      expect((await drawn()).filter(Boolean).length).toBe((await activeRow()) ? 1 : 0);
      await page.getByRole('row').nth(2).hover();
      expect((await drawn()).filter(Boolean).length).toBeGreaterThanOrEqual(1);
      expect(await page.getByRole('row').nth(2).getByTestId('library-remove').evaluate((b) => getComputedStyle(b).opacity)).toBe('1');
      await page.mouse.move(1, 1);
      await page.getByTestId('library-filter').locator('input').fill('统计法');
      await expect.poll(() => titles.allTextContents()).toContain('中华人民共和国统计法');
      const grid = page.getByTestId('library-grid');
      await grid.focus();
      // the active row: ↓ until it is 统计法 (the filter may keep its 实施条例 too)
      const active = () => grid.evaluate((g) => document.getElementById(g.getAttribute('aria-activedescendant') ?? '')?.querySelector('[data-testid="law-title"]')?.textContent);
      for (let i = 0; i < 5 && (await active()) !== '中华人民共和国统计法'; i++) await page.keyboard.press('ArrowDown');
      expect(await active()).toBe('中华人民共和国统计法');
      expect(await page.locator('.vgrid-row.is-active').getByTestId('library-remove').evaluate((b) => getComputedStyle(b).opacity)).toBe('1');

      const dialog = page.getByRole('dialog');
      await page.keyboard.press('Delete');
      await dialog.getByTestId('remove-impact').filter({ hasText: '学法记录 1 条' }).waitFor();
      expect(await dialog.textContent()).toContain('删除此法规（全部版本）');
      expect(await dialog.getByTestId('remove-scope').getByRole('radio', { name: /全部 2 个版本/ }).isChecked()).toBe(true);
      await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'remove-confirm');
      await dialogSettled(dialog);
      if (SHOTS) await page.screenshot({ path: join(SHOTS, 'library-remove-dialog.png') });
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect(await versionsNow()).toBe(2);
      // the focus is back on the list (the dialog's button went with it), on the same row: Delete again works
      const gridFocused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
      await expect.poll(gridFocused).toBe('library-grid');
      expect(await active()).toBe('中华人民共和国统计法');

      // Delete, Enter: gone from the list, still on 法规库; 撤销 brings the row back there
      await page.keyboard.press('Delete');
      await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'remove-confirm');
      await page.keyboard.press('Enter');
      const toast = page.getByTestId('toast-undo');
      await toast.filter({ hasText: '已删除《中华人民共和国统计法》（2 个版本）' }).waitFor();
      expect(await versionsNow()).toBe(0);
      await expect.poll(() => titles.allTextContents()).not.toContain('中华人民共和国统计法');
      expect(new URL(page.url()).hash).toMatch(/^#\/library/);
      await expect.poll(gridFocused).toBe('library-grid');
      await toast.getByRole('button', { name: /撤销/ }).click();
      await expect.poll(() => titles.allTextContents()).toContain('中华人民共和国统计法');
      expect(new URL(page.url()).hash).toMatch(/^#\/library/);
      expect(await versionsNow()).toBe(2);

      // the row's own button (mouse), the same dialog; 删除 removes it
      await page.getByRole('row').filter({ has: page.getByText('中华人民共和国统计法', { exact: true }) }).getByTestId('library-remove').click();
      await dialog.getByTestId('remove-impact').waitFor();
      await dialog.getByTestId('remove-confirm').click();
      await expect.poll(() => titles.allTextContents()).not.toContain('中华人民共和国统计法');
      expect(await versionsNow()).toBe(0);
    }));
});
