// useCall asks again whenever the library moves (an import here or by the CLI beside the app). A
// form being edited must not be reset by that answer when it brings the same revision: the review
// form keeps what was typed while a law is imported underneath it.

import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { FIXTURES, go, haveChromium, useBrowser } from './browser-harness';

/** How many answers to `channel` the page has received (resource timing entries of /api/<channel>). */
function answers(page: Page, channel: string): Promise<number> {
  return page.evaluate((c) => performance.getEntriesByType('resource').filter((e) => e.name.endsWith(`/api/${c}`)).length, channel);
}

describe.skipIf(!haveChromium)('a form while the library moves', () => {
  const withSession = useBrowser();

  it('the review form keeps unsaved typing when an import changes the library', () =>
    withSession(
      async ({ page, face }) => {
        const r = await face.service.call('reviews:create', {
          input: { type: '规范性文件', title: '高青县统计调查项目管理办法', leadUnit: '办公室', receivedDate: '2020-04-13' },
        });
        await go(page, `#/review/${r.record.id}`);
        const title = page.getByTestId('field-title');
        await expect.poll(() => title.inputValue()).toBe('高青县统计调查项目管理办法');
        await title.click();
        await page.keyboard.press('End');
        await page.keyboard.type('（修改稿）');
        const count = await page.getByTestId('library-count').textContent();
        const asked = await answers(page, 'reviews:get');

        const preview = await face.service.previewPaths([join(FIXTURES, 'laws', '统计法(2024-09-13).md')]);
        await face.service.call('import:commit', { stagingId: preview.stagingId });
        // The window saw the change, and the review was asked again and answered ...
        await expect.poll(() => page.getByTestId('library-count').textContent()).not.toBe(count);
        await expect.poll(() => answers(page, 'reviews:get')).toBeGreaterThan(asked);
        // ... and that answer has been rendered (two frames after it arrived).
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        expect(await title.inputValue()).toBe('高青县统计调查项目管理办法（修改稿）');
      },
      { exclude: ['统计法(2024-09-13).md'] },
    ));
});
