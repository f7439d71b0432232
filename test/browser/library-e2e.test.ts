// 法规库 with more laws than its first screen (the table is virtual): the total is the whole
// library's, every law is reachable (the last by the sort at the end of the scroll), and the title
// filter works over all of them.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, go, haveChromium, useBrowser } from './browser-harness';

describe.skipIf(!haveChromium)('法规库 in Chromium', () => {
  const withSession = useBrowser();

  it('a library of more laws than the first screen: the whole total, every law reachable by scrolling, the filter over all', () =>
    withSession(async ({ page, face }) => {
      // 80 more local regulations: 淄博市专利管理若干规定 as 80 counties' own, one a year apart.
      const dir = mkdtempSync(join(tmpdir(), 'lawdesk-library-'));
      const text = readFileSync(join(FIXTURES, 'laws/淄博市专利管理若干规定(2014-12-01).md'), 'utf8');
      const files: string[] = [];
      for (let i = 0; i < 80; i++) {
        const title = `第${i + 1}县专利管理若干规定`;
        const file = join(dir, `${title}(${1940 + i}-06-01).md`);
        writeFileSync(file, text.replace(/^# .*$/m, `# ${title}`).replace('2014年', `${1940 + i}年`));
        files.push(file);
      }
      const preview = await face.service.previewPaths(files);
      await face.service.call('import:commit', { stagingId: preview.stagingId });
      const whole = await face.service.call('laws:list', { sort: { field: 'published', order: 'desc' } });
      expect(whole.total).toBeGreaterThan(80);

      await go(page, '#/search');
      await go(page, '#/library');
      await page.getByTestId('library-total').filter({ hasText: `共 ${whole.total} 部` }).waitFor();
      const oldest = whole.rows.at(-1)!;
      const body = page.getByTestId('library-grid-body');
      await expect
        .poll(async () => {
          await body.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
          return page.getByTestId('law-title').filter({ hasText: oldest.title }).count();
        })
        .toBe(1);
      await page.getByTestId('library-filter').locator('input').fill('第37县');
      await page.getByTestId('library-total').filter({ hasText: '共 1 部' }).waitFor();
      expect(await page.getByTestId('law-title').textContent()).toContain('第37县专利管理若干规定');
    }));

  it('the first rows are drawn before the date picker and the order select, which follow and work', () =>
    withSession(async ({ page }) => {
      await go(page, '#/search');
      await page.getByTestId('search-input').waitFor();
      // What the page held when its first law title came in (an observer's callback runs right after
      // the commit that added it, before any later task could add more).
      await page.evaluate(() => {
        const w = window as unknown as { __firstRows?: { asOf: boolean; sort: boolean } };
        const mo = new MutationObserver(() => {
          if (w.__firstRows || !document.querySelector('[data-testid="law-title"]')) return;
          w.__firstRows = { asOf: !!document.querySelector('[data-testid="library-as-of"]'), sort: !!document.querySelector('[data-testid="library-sort"]') };
          mo.disconnect();
        });
        mo.observe(document.body, { subtree: true, childList: true });
        location.hash = '#/library';
      });
      await page.getByTestId('law-title').first().waitFor();
      expect(await page.evaluate(() => (window as unknown as { __firstRows?: unknown }).__firstRows)).toEqual({ asOf: false, sort: false });
      // They come the frame after, in the places held for them, and work: the order select sorts by title.
      await page.getByTestId('library-as-of').waitFor();
      const sort = page.getByTestId('library-sort');
      await sort.click();
      await page.getByRole('option', { name: '标题（拼音 A→Z）' }).click();
      await expect.poll(() => page.getByRole('columnheader', { name: '标题' }).getAttribute('aria-sort')).toBe('ascending');
    }));
});
