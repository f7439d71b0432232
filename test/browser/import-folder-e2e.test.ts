// 按路径导入 in Chromium: a folder chosen with 浏览… (the server-side folder browser, by keyboard),
// imported in the background with per-file progress, its manifest.jsonl read — the laws arrive as
// 法律 of the 行政法 category, and the header count follows. Before, the browser face could only
// upload at most 200 bare files, so the manifest was never seen.

import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, go, haveChromium, useBrowser } from './browser-harness';

describe.skipIf(!haveChromium)('Import a folder by its path (browser face)', () => {
  const withSession = useBrowser();

  it('browses to a folder, imports it with progress and sees the laws with the manifest’s metadata', () =>
    withSession(async ({ page, tmp }) => {
      cpSync(join(FIXTURES, 'folder-import'), join(tmp, '法规', '新法规'), { recursive: true });
      await page.getByTestId('library-total').filter({ hasText: '共 5 部' }).waitFor();
      await go(page, '#/import');
      // Record every progress line the page shows, however quickly the import runs.
      await page.evaluate(() => {
        const w = window as unknown as { seen: string[] };
        w.seen = [];
        new MutationObserver(() => {
          const el = document.querySelector('[data-testid="import-progress"]');
          if (el?.textContent && !w.seen.includes(el.textContent)) w.seen.push(el.textContent);
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      await page.getByTestId('import-folder-browse').click();
      const browser = page.getByTestId('folder-browser');
      await browser.getByTestId('folder-item').filter({ hasText: '测试' }).waitFor();
      await browser.focus();
      await page.keyboard.press('Enter'); // 测试 (the only root)
      await browser.getByTestId('folder-item').filter({ hasText: '法规' }).first().waitFor();
      await browser.getByTestId('folder-item').filter({ hasText: /^\s*法规\s*$/ }).click();
      await browser.getByTestId('folder-item').filter({ hasText: '新法规' }).click();
      await page.getByTestId('folder-summary').filter({ hasText: '有 manifest.jsonl' }).waitFor();
      await page.getByTestId('folder-choose').click();
      expect(await page.getByTestId('import-folder-path').inputValue()).toBe(join(tmp, '法规', '新法规'));
      await page.getByTestId('import-folder-start').click();
      await page.getByTestId('import-report').filter({ hasText: '导入完成：新增 3 件' }).waitFor();
      const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
      // Three small files may finish between two paints, so the page need not have shown a step;
      // what it showed must name the file and count (per-file progress events: import-folder.test.ts).
      // A step names its file; the last one (all files read, committing) names none and has no colon.
      expect(seen.filter((t) => /导入 \d\/3/.test(t)).every((t) => /导入 \d\/3(：.+\.md)?$/.test(t)), JSON.stringify(seen)).toBe(true);
      expect(await page.getByTestId('import-report-table').textContent()).toContain('中华人民共和国城乡规划法');
      // The focus is on the report's next step (it fell to the page when 导入文件夹 went away): Enter goes on.
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('查看法规库');
      await page.keyboard.press('Enter');
      await page.getByTestId('library-total').filter({ hasText: '共 8 部' }).waitFor();
      expect(await page.getByTestId('facet-level').textContent()).toContain('法律 (6)');
      expect(await page.getByTestId('law-title').allTextContents()).toContain('中华人民共和国人口与计划生育法');
    }));

  it('started by the keyboard, the work in progress takes the focus (its button is disabled meanwhile), then the report’s next step', () =>
    withSession(async ({ page, tmp }) => {
      cpSync(join(FIXTURES, 'folder-import'), join(tmp, '新法规'), { recursive: true });
      await go(page, '#/import');
      await page.getByTestId('import-folder-path').fill(join(tmp, '新法规'));
      // Every place the focus lands, however quickly the preview runs: never only <body> while it works.
      await page.evaluate(() => {
        const w = window as unknown as { trail: string[] };
        w.trail = [];
        document.addEventListener('focusin', (e) => w.trail.push((e.target as HTMLElement).closest('[data-testid]')?.getAttribute('data-testid') ?? ''));
      });
      await page.getByTestId('import-folder-preview').focus();
      await page.keyboard.press('Enter');
      await page.getByTestId('import-report').locator('.ant-result-title').filter({ hasText: '预览（尚未写入）' }).waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('import-folder-commit');
      const trail = await page.evaluate(() => (window as unknown as { trail: string[] }).trail);
      expect(trail.slice(0, trail.indexOf('import-folder-commit'))).toContain('import-working');
    }));

  it('a path outside the allowed folders is refused with the reason', () =>
    withSession(async ({ page }) => {
      await go(page, '#/import');
      await page.getByTestId('import-folder-path').fill('/etc');
      await page.getByTestId('import-folder-start').click();
      await page.getByTestId('import-error').filter({ hasText: '只能导入主文件夹或各磁盘中的文件夹' }).waitFor();
    }));
});
