// The 导入 page at 1024×700 with more files than fit on the screen: after picking them the 预览
// button is on screen without scrolling (it was under the list of picked files), the preview's
// 确认导入 and the report's summary stay in view (compact, so the list keeps most of the window),
// and the header count follows the import.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT, go, haveChromium, useBrowser } from './browser-harness';

/** Every .md under a folder (real laws of the test corpus). */
function lawFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => join(e.parentPath, e.name));
}

/** Whether the element is wholly inside the window as it is scrolled now (no scrolling to it). */
const onScreen = (l: Locator) => l.evaluate((e) => {
  const r = e.getBoundingClientRect();
  return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight;
});

describe.skipIf(!haveChromium)('the import page on a small screen', () => {
  const withSession = useBrowser();

  it('at 1024×700 the 预览 button, 确认导入 and the report summary are on screen', () =>
    withSession(async ({ page }) => {
      await page.setViewportSize({ width: 1024, height: 700 });
      await page.getByTestId('library-count').filter({ hasText: '5 部法规' }).waitFor();
      await go(page, '#/import');
      const files = lawFiles(join(ROOT, 'test/fixtures/laws'));
      expect(files.length).toBeGreaterThanOrEqual(12);
      await page.locator('.ant-upload-drag input[type=file]').first().setInputFiles(files);
      const preview = page.getByTestId('import-preview-button');
      await preview.filter({ hasText: `${files.length} 个文件` }).waitFor();
      expect(await onScreen(preview)).toBe(true);
      await preview.click();
      await page.getByTestId('import-preview').waitFor();
      const commit = page.getByTestId('import-commit-button');
      expect(await onScreen(commit)).toBe(true);
      // Read down the preview's list: 确认导入 stays in view.
      await page.locator('#app-content').evaluate((e) => e.scrollTo(0, e.scrollHeight));
      expect(await onScreen(commit)).toBe(true);
      await commit.click();
      const summary = page.getByTestId('import-report').locator('.ant-result-title');
      await summary.filter({ hasText: '导入完成' }).waitFor();
      expect(await onScreen(summary)).toBe(true);
      expect(await onScreen(page.getByRole('button', { name: '查看法规库' }))).toBe(true);
      // The summary that stays on top leaves most of the window to the list (its big icon took 240 of 644 px).
      const kept = await page.getByTestId('import-report').locator('.sticky-actions').evaluate((e) => e.getBoundingClientRect().height / innerHeight);
      expect(kept).toBeLessThan(0.25);
      // The header counts what was just imported, without a reload.
      await expect.poll(() => page.getByTestId('library-count').textContent()).not.toContain('5 部法规');
    }));
});
