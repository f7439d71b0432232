// The 地区 facet as a tree in real Chromium: 全国 / 省 / 市 / 县 with counts that hold their places' laws, the
// office's place first and open (单位信息 typed out as 山东省淄博市高青县), a 市 ticked with the keyboard listing
// its 县 too, → and ← opening a province, and 搜索's facet drawn from the same tree. Real documents: the
// harness's laws, a county 办法 (test/fixtures/register) under five places' names and 彭水's 自治县 条例.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT, go, haveChromium, useBrowser } from './browser-harness';

const SHOTS = process.env.LAWDESK_SHOTS;
const VOUCHER = readFileSync(join(ROOT, 'test/fixtures/register/高青县科技创新券管理暂行办法.md'), 'utf8');
const PENGSHUI = join(ROOT, 'test/fixtures/regions/彭水苗族土家族自治县旅游条例(2019-04-19).md');
const PLACES = ['高青县', '桓台县', '淄博市张店区', '北京市海淀区', '临沂市沂水县'];

/** The number a facet node prints: 淄博 (3) → 3. */
async function countOf(node: Locator): Promise<number> {
  const m = /\((\d+)\)/.exec(await node.innerText());
  if (!m) throw new Error(`no count in ${await node.innerText()}`);
  return Number(m[1]);
}

describe.skipIf(!haveChromium)('the 地区 facet as a tree', () => {
  const withSession = useBrowser();

  it('lists 全国 / 省 / 市 / 县, the office’s place first and open; a 市 ticked by keyboard lists its 县 too', () =>
    withSession(async ({ page, face, tmp }) => {
      await face.service.call('office:set', { unit: '', region: '山东省淄博市高青县' });
      const dir = join(tmp, 'regions');
      mkdirSync(dir, { recursive: true });
      const files = PLACES.map((place) => {
        const file = join(dir, `${place}科技创新券管理暂行办法.md`);
        writeFileSync(file, VOUCHER.replace(/高青县/g, place));
        return file;
      });
      const preview = await face.service.previewPaths([...files, PENGSHUI]);
      await face.service.call('import:commit', { stagingId: preview.stagingId });

      await go(page, '#/library');
      const facet = page.getByTestId('facet-region');
      const node = (region: string) => facet.locator(`li[data-region="${region}"]`);
      await node('山东·淄博·高青县').waitFor();
      // the office's province first, then 全国; its city and county open, each at its level
      expect(await facet.locator('li').first().getAttribute('data-region')).toBe('山东');
      expect(await facet.locator('li').nth(1).getAttribute('data-region')).toBe('山东·淄博');
      expect(await facet.locator('li[data-level="全国"]').count()).toBe(1);
      for (const [region, level] of [['山东', '省'], ['山东·淄博', '市'], ['山东·淄博·高青县', '县'], ['山东·淄博·张店区', '县'], ['山东·临沂', '市'], ['重庆', '省']] as const) {
        expect(await node(region).getAttribute('data-level')).toBe(level);
      }
      // another city of the province stays closed
      expect(await node('山东·临沂·沂水县').count()).toBe(0);
      // a node counts its places' laws: 山东 ≥ 淄博 ≥ 高青县 + 张店区 + 桓台县
      const zibo = await countOf(node('山东·淄博'));
      const counties = (await countOf(node('山东·淄博·高青县'))) + (await countOf(node('山东·淄博·张店区'))) + (await countOf(node('山东·淄博·桓台县')));
      expect(zibo).toBeGreaterThanOrEqual(counties);
      expect(await countOf(node('山东'))).toBeGreaterThan(zibo);

      // keyboard: Space on 淄博 ticks it; the list is its laws, its counties' among them, shown held
      await node('山东·淄博').locator('input[type=checkbox]').focus();
      await page.keyboard.press('Space');
      await page.getByTestId('library-total').getByText(`共 ${zibo} 部`).waitFor();
      const county = node('山东·淄博·高青县').locator('input[type=checkbox]');
      expect(await county.isChecked()).toBe(true);
      expect(await county.isDisabled()).toBe(true);
      const titles = await page.getByTestId('law-title').allInnerTexts();
      expect(titles.some((t) => t.includes('张店区'))).toBe(true);
      if (SHOTS) await facet.screenshot({ path: `${SHOTS}/region-facet.png` });

      // → opens 北京's districts, ← closes them
      await node('北京').locator('input[type=checkbox]').focus();
      await page.keyboard.press('ArrowRight');
      await node('北京·海淀区').waitFor();
      expect(await node('北京·海淀区').getAttribute('data-level')).toBe('县');
      await page.keyboard.press('ArrowLeft');
      await node('北京·海淀区').waitFor({ state: 'detached' });

      // 搜索's facet is the same tree, the office's place first
      await go(page, '#/search?q=' + encodeURIComponent('科技创新券'));
      const search = page.getByTestId('search-facet-region');
      await search.locator('li[data-region="山东·淄博·高青县"]').waitFor();
      expect(await search.locator('li').first().getAttribute('data-region')).toBe('山东');
    }));
});
