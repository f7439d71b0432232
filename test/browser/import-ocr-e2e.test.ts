// The import preview of scans in Chromium at 1024 × 700: per file the detected format, the page
// count, the path the text will take (OFD text, OCR) with the time OCR will take — and the file
// column wraps a long path instead of cutting it (issue 18: truncated at 1024 px).

import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { go, haveChromium, ROOT, useBrowser } from './browser-harness';

const DOCS = join(ROOT, 'test/fixtures/documents');

describe.skipIf(!haveChromium)('Import preview of scans', () => {
  const withSession = useBrowser();

  it('shows format, pages and the OCR estimate per file, and the whole path of each file', () =>
    withSession(async ({ page, tmp }) => {
      await page.setViewportSize({ width: 1024, height: 700 });
      const dir = join(tmp, '公文收件', '2024年', '县人民政府办公室转发的山东省人民政府办公厅文件', '扫描件（收文登记后待核对）');
      mkdirSync(dir, { recursive: true });
      for (const f of ['tuizhi-scan.pdf', 'tuizhi-scan.ofd', 'juece-layout.ofd']) copyFileSync(join(DOCS, f), join(dir, f));
      await page.getByTestId('library-total').waitFor();
      await go(page, '#/import');
      await page.getByTestId('import-folder-path').fill(dir);
      await page.getByTestId('import-folder-preview').click();
      const table = page.getByTestId('import-preview-table');
      await table.waitFor();
      const rows = table.locator('tbody tr.ant-table-row');
      await expect.poll(() => rows.count()).toBe(3);
      const byFile = new Map<string, string>();
      for (let i = 0; i < 3; i++) {
        const row = rows.nth(i);
        const file = (await row.getByTestId('import-file-cell').getAttribute('title'))!;
        byFile.set(file.slice(file.lastIndexOf('/') + 1), (await row.getByTestId('import-format-cell').innerText()).replace(/\s+/g, ' '));
      }
      expect(byFile.get('tuizhi-scan.pdf')).toMatch(/^PDF · 1 页 文字识别（OCR） 1 页，约 \d+ 秒$/);
      expect(byFile.get('tuizhi-scan.ofd')).toMatch(/^OFD · 1 页 文字识别（OCR） 1 页，约 \d+ 秒$/);
      expect(byFile.get('juece-layout.ofd')).toMatch(/^OFD · \d+ 页 OFD 文字$/);
      // Every path is shown whole (wrapped), none cut off with an ellipsis or hidden in overflow.
      const cells = table.getByTestId('import-file-cell');
      for (let i = 0; i < 3; i++) {
        const c = cells.nth(i);
        const full = (await c.getAttribute('title'))!;
        expect(full.startsWith(tmp) || !full.includes('/')).toBe(true);
        expect((await c.innerText()).replace(/\s+/g, '')).toBe(full.slice(full.lastIndexOf('/') + 1) + (full.includes('/') ? full.slice(0, full.lastIndexOf('/') + 1) : '').replace(/\s+/g, ''));
        const fits = await c.evaluate((el) => el.scrollWidth <= el.clientWidth + 1 && el.getBoundingClientRect().right <= window.innerWidth);
        expect(fits, full).toBe(true);
      }
    }));
});
