// A table in an article's text (| a | b | rows, with the source's <!-- TABLE --> markers and a
// |---| rule under the head row, as in the corpus's 罪名 补充规定) is drawn as a table in the reader:
// the head row in <th>, every row's cells in <td>, no marker or rule shown, and the find box counts
// exactly the marks it draws inside the cells.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPaths } from '../../electron/core/library/library-import';
import { ROOT, go, haveChromium, useBrowser } from './browser-harness';

describe.skipIf(!haveChromium)('tables in the reader', () => {
  const withSession = useBrowser();

  it('draws | rows as a table with its head, hides the markers and the rule, and finds inside cells', () =>
    withSession(async ({ page, face }) => {
      const r = await importPaths(face.service.store, [join(ROOT, 'test/fixtures/reader-table')]);
      const versionId = r.files[0]!.versionId!;
      await go(page, `#/read/${encodeURIComponent(versionId)}`);
      const table = page.locator('.reader-table');
      await table.first().waitFor();
      expect(await table.count()).toBe(1);
      expect(await table.locator('thead th').allTextContents()).toEqual([' 刑法条文 ', '罪名 ']);
      const rows = table.locator('tbody tr');
      expect(await rows.count()).toBe(5);
      expect(await rows.first().locator('td').count()).toBe(2);
      expect(await rows.first().locator('td').first().textContent()).toContain('第152条第2款');
      const body = (await page.locator('#reader-body').textContent()) ?? '';
      expect(body).not.toContain('TABLE');
      expect(body).not.toContain('|');

      // 罪名 occurs in the head, in cells and in the text around the table: every count is a drawn mark.
      const find = page.getByTestId('reader-find');
      await find.fill('罪名');
      const count = page.getByTestId('reader-find-count');
      await count.filter({ hasText: /^\d+ 处$/ }).waitFor();
      const total = Number((await count.textContent())!.replace(/\D+/g, ''));
      expect(total).toBeGreaterThan(3);
      await expect.poll(() => page.locator('#reader-body mark').count()).toBe(total);
      expect(await table.locator('mark').count()).toBeGreaterThan(2);
    }));
});
