// 法规库 over 2,500 laws (the size of the office's corpus): the grid keeps only a screenful of rows
// in the DOM, sorts from its headers as from the select, filters, moves with the keyboard
// (↓ ↑ PageDown Home End), opens the active law with Enter, marks 收藏 with Space and folds a code
// with ←/→. Every wait is on a condition (the page, not the clock).

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPaths } from '../../electron/core/library/library-import';
import { FIXTURES, ROOT, go, haveChromium, useBrowser } from './browser-harness';
import { lawRowsFromWire } from '../../electron/shared/api-contract';

describe.skipIf(!haveChromium)('法规库 grid in Chromium', () => {
  const withSession = useBrowser();

  it('2,500 laws: a screenful of rows in the DOM; header sorting, filters, keyboard, Enter opens, Space 收藏, ←/→ fold 民法典', () =>
    withSession(async ({ page, face }) => {
      // 2,491 county regulations (淄博市专利管理若干规定's first articles under other names and dates),
      // the 5 laws of the starter library and the 4 parts of 民法典: 2,500 rows, 1 of them a code.
      const dir = mkdtempSync(join(tmpdir(), 'lawdesk-grid-'));
      const whole = readFileSync(join(FIXTURES, 'laws/淄博市专利管理若干规定(2014-12-01).md'), 'utf8');
      const text = whole.slice(0, whole.indexOf('第四条'));
      for (let i = 0; i < 2491; i++) {
        const title = `第${i + 1}县专利管理若干规定`;
        const date = `${1950 + (i % 70)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
        writeFileSync(join(dir, `${title}(${date}).md`), text.replace(/^# .*$/m, `# ${title}`));
      }
      await importPaths(face.service.store, [dir, join(ROOT, 'test/fixtures/codes/民法典')]);
      const byPublished = await face.service.call('laws:list', { sort: { field: 'published', order: 'asc' } });
      const byTitle = await face.service.call('laws:list', { sort: { field: 'title', order: 'asc' } });
      expect(byPublished.total).toBe(2500);

      await go(page, '#/search');
      await go(page, '#/library');
      const grid = page.getByTestId('library-grid');
      const rows = page.getByTestId('grid-row');
      await page.getByTestId('library-total').filter({ hasText: '共 2500 部' }).waitFor();
      await expect.poll(() => grid.getAttribute('aria-rowcount')).toBe(String(2500 + 1 + 1)); // + the code's own row, + the header
      // Only the rows in view and a few either side: a 860 px window shows about a dozen.
      await rows.first().waitFor();
      expect(await rows.count()).toBeLessThanOrEqual(40);
      expect(await page.locator('[role="columnheader"]').allTextContents()).toEqual(['收藏', '标题', '效力级别', '地区', '公布日期', '施行日期', '时效性', '条数', '删除']);

      // 公布日期's header: newest first (the default), a click turns it to oldest first.
      const published = page.getByRole('columnheader', { name: '公布日期' });
      expect(await published.getAttribute('aria-sort')).toBe('descending');
      await published.getByRole('button').click();
      await expect.poll(() => published.getAttribute('aria-sort')).toBe('ascending');
      await expect.poll(() => rows.first().getByTestId('law-title').textContent()).toBe(byPublished.rows[0]!.title);
      await page.getByTestId('library-sort').filter({ hasText: '公布日期（旧→新）' }).waitFor();
      await page.getByRole('columnheader', { name: '标题' }).getByRole('button').click();
      await expect.poll(() => rows.first().getByTestId('law-title').textContent()).toBe(byTitle.rows[0]!.title);

      // The keyboard: the grid is one tab stop; the active row is aria-activedescendant.
      const activeTitle = () =>
        grid.evaluate((g) => {
          const id = g.getAttribute('aria-activedescendant');
          const row = id ? document.getElementById(id) : null;
          return row ? [row.getAttribute('aria-rowindex'), row.querySelector('[data-testid="law-title"], [data-testid="code-title"]')?.textContent] : null;
        });
      await grid.focus();
      await page.keyboard.press('ArrowDown');
      await expect.poll(activeTitle).toEqual(['3', byTitle.rows[1]!.title]);
      await page.keyboard.press('End');
      const last = byTitle.rows.at(-1)!;
      await expect.poll(activeTitle).toEqual([String(2500 + 1 + 1), last.subtitle ?? last.title]);
      expect(await rows.count()).toBeLessThanOrEqual(40);
      await page.keyboard.press('Home');
      await expect.poll(activeTitle).toEqual(['2', byTitle.rows[0]!.title]);
      await page.keyboard.press('PageDown');
      await expect.poll(async () => Number((await activeTitle())?.[0])).toBeGreaterThan(5);
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('Home');

      // Space marks the active law 收藏; the facet counts it.
      await page.keyboard.press(' ');
      await page.locator('label', { has: page.getByTestId('facet-favorites') }).filter({ hasText: '只看收藏 (1)' }).waitFor();
      await expect.poll(() => rows.first().getByRole('button', { name: '取消收藏' }).count()).toBe(1);

      // 民法典 is one code row with its parts under it; ← folds them, → unfolds.
      await page.getByTestId('library-filter').locator('input').fill('民法典');
      await page.getByTestId('library-total').filter({ hasText: '共 4 部' }).waitFor();
      await expect.poll(() => rows.count()).toBe(5);
      await grid.focus();
      await page.keyboard.press('Home');
      await page.keyboard.press('ArrowLeft');
      await expect.poll(() => rows.count()).toBe(1);
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => rows.count()).toBe(5);

      // The filters: a title, then a 效力级别 facet; nothing left gives the empty state.
      await page.getByTestId('library-filter').locator('input').fill('第1234县');
      await page.getByTestId('library-total').filter({ hasText: '共 1 部' }).waitFor();
      await expect.poll(() => rows.allTextContents()).toEqual([expect.stringContaining('第1234县专利管理若干规定')]);
      const laws = await face.service.call('laws:list', { levels: ['法律'] });
      await page.getByTestId('library-filter').locator('input').fill('');
      await page.getByTestId('facet-level').locator('label').filter({ hasText: /^法律 \(/ }).click();
      await page.getByTestId('library-total').filter({ hasText: `共 ${laws.total} 部` }).waitFor();
      await page.getByTestId('library-filter').locator('input').fill('第1234县');
      await page.getByTestId('library-total').filter({ hasText: '共 0 部' }).waitFor();
      await page.getByText('没有符合筛选条件的法规').waitFor();
      await page.getByRole('button', { name: '清除筛选' }).click();
      await page.getByTestId('library-total').filter({ hasText: '共 2500 部' }).waitFor();

      // Enter opens the active law in the reader.
      await page.getByTestId('library-filter').locator('input').fill('统计法');
      await page.getByTestId('library-total').filter({ hasText: '共 1 部' }).waitFor();
      await expect.poll(() => rows.count()).toBe(1);
      const tjf = lawRowsFromWire((await face.service.call('laws:list', { q: '统计法', sort: { field: 'title', order: 'asc' } })).rows)[0]!;
      await grid.focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.waitForURL((u) => u.hash === `#/read/${encodeURIComponent(tjf.versionId)}`);
      await page.locator('[data-testid="article"]').first().waitFor();
    }),
  // Importing 2,491 files takes 15–30 s on a loaded machine (2 cores shared by many jobs).
  240_000);
});
