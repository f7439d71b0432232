// The office's region in real Chromium: saving a region offers the starter rules of that place the
// library lacks, and the removal of other places' starter rules it holds as shipped — nothing is
// added or removed until asked. And the 学法统计 page links a law a session's topic names to the
// version in force that day. A made-up office (湖南·益阳·安化县 市场监督管理局), then the example one.

import { describe, expect, it } from 'vitest';
import { displayTitle } from '../../electron/shared/law-model';
import { go, haveChromium, useBrowser } from './browser-harness';

const SHOTS = process.env.LAWDESK_SHOTS;

describe.skipIf(!haveChromium)('the starter rules follow the office’s region', () => {
  const withSession = useBrowser();

  it('offers to remove another province’s starter rules, removes them only when asked, then offers the own place’s', () =>
    withSession(async ({ page, face }) => {
      await page.setViewportSize({ width: 1000, height: 800 });
      const held = () => face.service.store.laws().map((l) => displayTitle(l));
      // the harness seeds its folder whole: a library made before the starter set went by region
      expect(held()).toContain('淄博市专利管理若干规定');
      await go(page, '#/settings');
      const card = page.getByTestId('office-card');
      await page.locator('[data-testid=office-save]:not([disabled])').waitFor();
      // no region yet: nothing is offered
      expect(await page.getByTestId('starter-offer').count()).toBe(0);
      await card.getByLabel('单位名称').fill('安化县市场监督管理局');
      await card.getByLabel('所在地区').fill('湖南·益阳·安化县');
      await page.getByTestId('office-save').click();
      const remove = page.getByTestId('starter-remove');
      await remove.getByText(/其他地区的起步法规 1 部/).waitFor();
      expect(await remove.innerText()).toContain('《淄博市专利管理若干规定》');
      if (SHOTS) await card.screenshot({ path: `${SHOTS}/starter-remove.png` });
      // offered, not done
      expect(held()).toContain('淄博市专利管理若干规定');
      await remove.getByRole('button', { name: /移除这 1 部/ }).click();
      await page.locator('.ant-popconfirm .ant-btn-primary').click();
      await page.getByText('已移除 1 个其他地区的起步法规版本').waitFor();
      await page.getByTestId('starter-offer').waitFor({ state: 'detached' });
      expect(held()).not.toContain('淄博市专利管理若干规定');
      expect(held()).toContain('行政许可法');

      // Moved to 淄博: the shipped set's 山东 and 淄博 rules are offered (not added).
      await card.getByLabel('所在地区').fill('山东·淄博·高青县');
      await page.getByTestId('office-save').click();
      const add = page.getByTestId('starter-add');
      await add.getByText(/本单位所在地区（山东·淄博·高青县）的地方法规 \d+ 部尚未加入资料库/).waitFor();
      if (SHOTS) await card.screenshot({ path: `${SHOTS}/starter-add.png` });
      expect(held()).not.toContain('淄博市专利管理若干规定');
    }));

  it('links a law named in a session’s topic to the version in force that day on the 学法统计 page', () =>
    withSession(async ({ page, face }) => {
      await page.setViewportSize({ width: 1000, height: 800 });
      await face.service.call('lectures:create', { input: { kind: '集体学法', date: '2024-05-12', topic: '集体学习《中华人民共和国统计法》', headCount: 12, citations: [] } });
      // outreach on the same law: listed apart, as promoted, not as a second session studied
      await face.service.call('lectures:create', { input: { kind: '法律进社区', date: '2024-06-03', topic: '《中华人民共和国统计法》进社区宣传', headCount: 30, citations: [] } });
      await go(page, '#/stats?year=2024');
      const link = page.getByTestId('studied-law');
      await link.waitFor();
      expect(await link.innerText()).toContain('统计法');
      const promoted = page.getByTestId('promoted-law');
      await promoted.waitFor();
      expect(await promoted.innerText()).toContain('统计法');
      expect(await page.getByText('普法宣传涉及的法律法规').count()).toBe(1);
      // 统计法 was amended on 2024-09-13: a session of May 2024 studied the 2009 text.
      expect(decodeURIComponent((await link.getAttribute('href')) ?? '')).toMatch(/#\/read\/L[0-9a-f]+@2009-06-27$/);
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/stats-studied.png` });
      await link.click();
      await expect.poll(() => decodeURIComponent(page.url())).toMatch(/#\/read\/L[0-9a-f]+@2009-06-27/);
    }));
});
