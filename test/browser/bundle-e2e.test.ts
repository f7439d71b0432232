// 设置 → 资料包 in real Chromium (issue 18 #6): laws are picked by facet, not only all or none, and
// the exported bundle carries the packs; restoring a backup brings a deleted pack back.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBundle } from '../../electron/core/bundles/bundle-read';
import { go, haveChromium, useBrowser } from './browser-harness';

describe.skipIf(!haveChromium)('bundles and backups in the browser face', () => {
  const withSession = useBrowser();

  it('exports only the laws ticked by 效力级别, with the packs', () =>
    withSession(async ({ page, face, tmp }) => {
      const pack = await face.service.call('packs:create', { title: '科技创新券办法合法性审查参考资料', template: '合法性审查参考资料', unit: '高青县科学技术局' });
      const all = await face.service.call('laws:list', { limit: 1 });
      const laws = await face.service.call('laws:list', { levels: ['法律'], limit: 50_000 });
      expect(laws.total).toBeGreaterThan(0);
      expect(laws.total).toBeLessThan(all.total);

      await go(page, '#/settings');
      const card = page.getByTestId('bundle-card');
      await card.getByText('按条件选择法规').click();
      const picker = page.getByTestId('bundle-law-filter');
      await picker.getByRole('group', { name: '效力级别' }).getByRole('checkbox', { name: /^法律 \d+$/ }).check();
      await expect.poll(() => page.getByTestId('bundle-law-count').textContent()).toBe(`已选 ${laws.total} 部法规（含各自的全部版本）`);

      const download = page.waitForEvent('download', { timeout: 0 });
      await page.getByTestId('bundle-export').click();
      const file = join(tmp, 'out.lawdesk');
      await (await download).saveAs(file);
      const b = readBundle(file);
      try {
        expect(new Set(b.versions.map((v) => v.lawId))).toEqual(new Set(laws.rows.map((r) => r.lawId)));
        const packs = b.userData.get('packs.json') as { packs: Record<string, { title: string }> };
        expect(packs.packs[pack.id]!.title).toBe(pack.title);
      } finally {
        b.close();
      }
    }));

  it('a file that is not a bundle: the refusal names the file picked, and goes when she moves to another page', () =>
    withSession(async ({ page }) => {
      await go(page, '#/settings');
      await page.getByTestId('bundle-upload').setInputFiles({ name: '科技局2026年资料包.lawdesk', mimeType: 'application/octet-stream', buffer: Buffer.from('这不是资料包，只是一段文字。') });
      const refusal = page.locator('.ant-modal-confirm');
      await expect.poll(() => refusal.locator('.ant-modal-confirm-title').textContent()).toBe('无法导入资料包“科技局2026年资料包.lawdesk”');
      expect(await refusal.locator('.ant-modal-confirm-content').textContent()).toMatch(/不是 zip 压缩包/);

      // Moving to another page (the browser's 后退/链接, a menu command) closes it: it does not stay
      // over the next page with its mask taking the clicks until 知道了.
      await go(page, '#/search');
      const input = page.getByTestId('search-input').locator('input');
      await input.waitFor();
      await expect.poll(() => refusal.count()).toBe(0);
      expect(await page.locator('.ant-modal-mask').count()).toBe(0);
      await input.click();
      await page.keyboard.type('行政许可');
      expect(await input.inputValue()).toBe('行政许可');
    }));

  it('a backup restored from 设置 brings back a deleted pack', () =>
    withSession(async ({ page, face }) => {
      const pack = await face.service.call('packs:create', { title: '法律大讲堂讲义：行政许可法', template: '法律大讲堂讲义' });
      await go(page, '#/settings');
      // the card says what a backup holds: every user-data file, the holiday list and the report template too
      await page.getByText(/自动备份记录、简报包、收藏、单位信息、本单位节假日调休表和本库的年度报告模板/).waitFor();
      await page.getByTestId('backup-now').click();
      await page.getByText(/已备份：/).waitFor();
      await face.service.call('packs:remove', { id: pack.id });
      expect(await face.service.call('packs:list', {})).toHaveLength(0);

      await page.getByTestId('backup-restore').first().click();
      await expect.poll(() => page.getByTestId('restore-userdata').textContent()).toContain('简报包');
      await page.getByRole('dialog').getByRole('button', { name: /^恢\s*复$/ }).click();
      await page.getByText(/^已恢复/).waitFor();
      expect((await face.service.call('packs:list', {})).map((p) => p.title)).toEqual([pack.title]);
    }));

  it('a backup identical to the current state: 设置 says nothing would change and asks nothing', () =>
    withSession(async ({ page, face }) => {
      await face.service.call('packs:create', { title: '法律大讲堂讲义：行政处罚法', template: '法律大讲堂讲义' });
      await go(page, '#/settings');
      await page.getByTestId('backup-now').click();
      await page.getByText(/已备份：/).waitFor();
      const backups = (await face.service.call('backups:list', {})).backups.length;
      await page.getByTestId('backup-restore').first().click();
      const same = page.getByTestId('restore-same');
      await expect.poll(() => same.textContent()).toMatch(/的手动备份中的(\d+ 条记录、简报包(、[^、]+)*都|简报包(、[^、]+)+都|简报包)与现在的相同，恢复不会改变任何内容。无需恢复。$/);
      const dialog = page.getByRole('dialog');
      expect(await dialog.getByRole('button').allInnerTexts()).toEqual(['知道了']);
      await dialog.getByRole('button', { name: '知道了' }).click();
      await same.waitFor({ state: 'detached' });
      expect((await face.service.call('backups:list', {})).backups).toHaveLength(backups);
    }));
});
