// 简报 rough edges of issue 18 in real Chromium at 1024×700: the 加入简报 title clear of its ×, the
// same article refused the second time with a message, the text editor as wide as the item row,
// and a new pack's 单位 filled from 设置 → 单位信息.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT, go, haveChromium, useBrowser } from './browser-harness';
import { lawRowsFromWire } from '../../electron/shared/api-contract';

async function openArticle(page: Page, text: string, key: string): Promise<void> {
  await page.getByTestId('quick-open-button').waitFor();
  await page.keyboard.press('Control+k');
  await page.getByTestId('quick-open-input').fill(text);
  await page.getByTestId('quick-open-item').first().filter({ hasText: '条' }).waitFor();
  await page.getByTestId('quick-open-input').press('Enter');
  await page.locator(`#article-${key}.active`).waitFor();
}

describe.skipIf(!haveChromium)('packs in the browser face', () => {
  const withSession = useBrowser();

  it('加入简报: title clear of ×, the same article refused twice, editor full width, 单位 from the profile', () =>
    withSession(async ({ page, face }) => {
      await page.setViewportSize({ width: 1024, height: 700 });
      await face.service.call('office:set', { unit: '高青县科学技术局', region: '山东·淄博·高青县' });
      await openArticle(page, '行政许可法12', '12');
      await page.locator('#article-12').getByTestId('add-to-pack-button').click();
      const heading = page.getByTestId('add-to-pack-heading');
      const close = page.getByRole('dialog').locator('.ant-modal-close');
      const [h, x] = [(await heading.boundingBox())!, (await close.boundingBox())!];
      // The text ends before the close button starts (or sits on another line).
      const textRight = await heading.evaluate((el) => {
        const r = document.createRange();
        r.selectNodeContents(el);
        return Math.max(...[...r.getClientRects()].map((c) => c.right));
      });
      expect(textRight <= x.x || h.y + h.height <= x.y).toBe(true);
      await page.getByTestId('add-to-pack-title').fill('行政许可参考资料');
      await page.getByRole('button', { name: /^加\s*入$/ }).click();
      await page.getByText('已加入简报').waitFor();

      await page.locator('#article-12').getByTestId('add-to-pack-button').click();
      await page.getByTestId('add-to-pack-select').waitFor();
      await page.getByRole('button', { name: /^加\s*入$/ }).click();
      // The refusal is said inside the dialog, which stays open to pick another pack, and goes
      // with it (a toast outlived the dialog and was still over the pack's page after 打开).
      await page.getByTestId('add-to-pack-error').getByText(/已是第 1 项，未重复加入/).waitFor();
      await page.keyboard.press('Escape');
      await page.getByTestId('add-to-pack').waitFor({ state: 'hidden' });
      const [pack] = await face.service.call('packs:list', {});
      expect(pack!.itemCount).toBe(1);
      expect((await face.service.call('packs:get', { id: pack!.id })).cover.unit).toBe('高青县科学技术局');

      await face.service.call('packs:addItems', { id: pack!.id, items: [{ type: 'text', heading: '审查要点', paragraphs: ['一是制定主体和权限。'] }] });
      await go(page, `#/packs/${pack!.id}`);
      await page.getByTestId('pack-item').first().waitFor();
      expect(await page.getByText(/未重复加入/).count()).toBe(0);
      await page.getByRole('button', { name: /^编\s*辑$/ }).click();
      const editor = page.getByPlaceholder('正文，每行一段');
      const row = page.getByTestId('pack-item').last();
      const [e, r] = [(await editor.boundingBox())!, (await row.boundingBox())!];
      // The editor fills the row up to the move/delete buttons (it was ~170 px at this width).
      expect(e.width).toBeGreaterThan(r.width - 300);
    }));

  it('a 1,260-item pack (every article of 民法典) renders every item, and its far items still move and go by keyboard and their buttons', () =>
    withSession(async ({ page, face }) => {
      const preview = await face.service.previewPaths([join(ROOT, 'test/fixtures/reader/民法典(2020-05-28).md')]);
      await face.service.call('import:commit', { stagingId: preview.stagingId });
      const law = lawRowsFromWire((await face.service.call('laws:list', { q: '民法典', limit: 10 })).rows).find((r) => r.articleCount === 1260)!;
      const v = await face.service.call('version:get', { versionId: law.versionId });
      const pack = await face.service.call('packs:create', { title: '民法典全部条文', template: '通用' });
      const items = v.units.map((u) => ({ type: 'article' as const, law: v.meta.lawId, version: v.meta.id, article: u.key, titleSnapshot: `民法典 ${u.label}` }));
      for (let i = 0; i < items.length; i += 500) await face.service.call('packs:addItems', { id: pack.id, items: items.slice(i, i + 500) });
      const before = (await face.service.call('packs:get', { id: pack.id })).items;

      await go(page, `#/packs/${pack.id}`);
      await page.locator('[data-testid="pack-items"][data-rendered="all"]').waitFor();
      expect(await page.getByTestId('pack-item').count()).toBe(before.length);
      // Every row one line: the rows not laid out yet (content-visibility) stand in at the height of
      // those that are, so nothing moves under the pointer as they come into view.
      const rowHeights = () => page.getByTestId('pack-items').evaluate((el) => [...new Set([...el.querySelectorAll('[data-testid="pack-item"]')].slice(0, -1).map((r) => r.getBoundingClientRect().height))]);
      await expect.poll(rowHeights).toHaveLength(1);
      const [rowHeight] = await rowHeights();
      const last = page.getByTestId('pack-item').last();
      await last.scrollIntoViewIfNeeded();
      await expect.poll(() => last.textContent()).toContain('民法典 第一千二百六十条');
      // Alt+↑ on the last item: saved in the new order.
      await last.focus();
      await page.keyboard.press('Alt+ArrowUp');
      await expect.poll(async () => (await face.service.call('packs:get', { id: pack.id })).items.at(-2)?.id).toBe(before.at(-1)!.id);
      // The move / remove buttons of a far item come with the mouse: 移除 takes that item out.
      const far = page.getByTestId('pack-item').nth(1000);
      await far.scrollIntoViewIfNeeded();
      const farTitle = (await far.getByTestId('pack-item-title').textContent())!;
      await far.hover();
      await far.getByRole('button', { name: '移除' }).waitFor();
      // its buttons, mounted under the pointer, take the room kept for them: the row keeps its height
      expect((await far.boundingBox())!.height).toBe(rowHeight);
      expect(await rowHeights()).toEqual([rowHeight]);
      await far.getByRole('button', { name: '移除' }).click();
      await page.getByText('有未保存的修改').waitFor();
      expect(await page.getByTestId('pack-item').count()).toBe(before.length - 1);
      await page.getByTestId('pack-save').click();
      await expect.poll(async () => (await face.service.call('packs:get', { id: pack.id })).items.length).toBe(before.length - 1);
      const saved = await face.service.call('packs:get', { id: pack.id });
      expect(saved.items.some((it) => it.type === 'article' && `民法典 ${v.units.find((u) => u.key === it.article)!.label}` === farTitle)).toBe(false);
    }));
});
