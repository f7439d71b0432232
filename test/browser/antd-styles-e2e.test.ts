// antd's component styles come from the app's stylesheet, rendered at build time
// (build/antd-static-style.tsx), not generated in the page: going through 法规库, the reader,
// 搜索 and 审查, no <style> antd adds holds a component's rules (only the theme's CSS variables),
// and the theme still reaches the components (a primary button and the selected menu item in the
// theme's red).

import { describe, expect, it } from 'vitest';
import { go, haveChromium, useBrowser } from './browser-harness';
import { lawRowsFromWire } from '../../electron/shared/api-contract';

describe.skipIf(!haveChromium)('antd styles rendered at build time', () => {
  const withSession = useBrowser();

  it('no component styles are generated in the page; the theme applies', { timeout: 120_000 }, () =>
    withSession(async ({ page, face }) => {
      await page.getByTestId('library-total').waitFor();
      const list = await face.service.call('laws:list', {});
      const row = lawRowsFromWire(list.rows)[0]!;
      await go(page, `#/read/${encodeURIComponent(row.versionId)}`);
      await page.getByTestId('article').first().waitFor();
      await go(page, '#/search?q=' + encodeURIComponent('国务院'));
      await page.getByTestId('search-input').waitFor();
      await go(page, '#/reviews');
      await page.getByTestId('new-review').waitFor();
      // The theme's red on a primary button (its colour is a CSS variable antd sets at run time).
      // (rgb, or rgba while its colour transition runs)
      expect(await page.getByTestId('new-review').evaluate((b) => getComputedStyle(b).backgroundColor)).toMatch(/^rgba?\(155, 44, 44\b/);

      const inPage = await page.evaluate(() =>
        [...document.querySelectorAll('style')]
          .map((s) => s.textContent ?? '')
          // antd's component rules are scoped by its hash class, :where(.css-…); its CSS variables are not.
          .filter((t) => t.includes(':where(.css-'))
          .map((t) => t.slice(0, 80)),
      );
      expect(inPage).toEqual([]);
      // The stylesheet carries antd's list of the styles it holds.
      const listed = await page.evaluate(() => {
        const div = document.createElement('div');
        div.className = 'data-ant-cssinjs-cache-path';
        document.body.append(div);
        const content = getComputedStyle(div).content;
        div.remove();
        return content;
      });
      expect(listed).toContain('Button-Button');
      await go(page, '#/library');
      await page.getByTestId('library-total').waitFor();
      // read until the item's colour transition has begun: at its first frame it is still transparent (CI once read that)
      await expect
        .poll(() => page.evaluate(() => getComputedStyle(document.querySelector('.ant-menu-item-selected')!).backgroundColor))
        .toMatch(/^rgba?\(155, 44, 44\b/);
    }),
  );
});
