// Screenshots of the 审查工作台 for the README: npx tsx test/browser/workbench-screenshot.ts
// → resources/screenshots/workbench[-1024].png (a finding with its 建议修改为 open for editing) and
// workbench-compare[-1024].png (the second version against the first), at 1440×900 and 1024×700,
// with the same Chromium setup as the e2e tests.

import { statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, ensureBuilt, launchChromium, openSession } from './browser-harness';

ensureBuilt();
const browser = await launchChromium();
try {
  for (const viewport of [{ width: 1440, height: 900 }, { width: 1024, height: 700 }]) {
    const suffix = viewport.width === 1440 ? '' : `-${viewport.width}`;
    const s = await openSession(browser, { viewport });
    const { page } = s;
    const shot = async (name: string) => {
      // Toasts from the step before do not belong in the picture: wait until they are gone.
      await page.waitForFunction(() => !document.querySelector('.ant-message-notice'), undefined, { timeout: 15_000 });
      const file = join(ROOT, `resources/screenshots/${name}${suffix}.png`);
      await page.screenshot({ path: file });
      console.log(`${file}  ${(statSync(file).size / 1024).toFixed(0)} KB`);
    };
    try {
      const created = (await s.face.service.call('reviews:create', { input: { type: '规范性文件', title: '高青县科技创新券管理办法（征求意见稿）', leadUnit: '高新技术科', receivedDate: '2026-02-24' } })) as { record: { id: string } };
      await page.goto(`${s.face.origin}/#/workbench/${created.record.id}`);
      await page.getByText('还没有送审稿').waitFor();
      await page.getByTestId('workbench').locator('input[type=file]').setInputFiles(join(ROOT, 'test/fixtures/drafts/planted-innovation-voucher.md'));
      await page.getByTestId('wb-draft').waitFor();
      const permit = page.getByTestId('wb-finding').filter({ hasText: '设定行政许可' });
      await permit.click();
      await permit.getByTestId('wb-accept').click();
      await permit.getByText('已采纳').waitFor();
      const coercion = page.getByTestId('wb-finding').filter({ hasText: '设定行政强制措施' });
      await coercion.click();
      await coercion.getByTestId('wb-proposal').fill('删去“县科技局可以查封其经营场所，扣押相关账册”，改为“取消其服务资格，并依照有关法律、法规的规定处理”');
      // Selecting scrolled the finding into view inside its card; the page itself starts at the top.
      await page.getByTestId('workbench').evaluate((el) => {
        for (let p: Element | null = el; p; p = p.parentElement) p.scrollTop = 0;
        document.scrollingElement!.scrollTop = 0;
      });
      await shot('workbench');

      await page.getByTestId('workbench').locator('input[type=file]').setInputFiles(join(ROOT, 'test/fixtures/drafts/versions/创新券管理办法（送审稿第二稿）.md'));
      await page.getByTestId('wb-compare-notice').waitFor();
      await page.getByTestId('wb-compare-notice').getByRole('button', { name: '查看对比' }).click();
      await page.getByTestId('wb-compare-summary').waitFor();
      await page.locator('.ant-drawer-content-wrapper').evaluate((el) => new Promise<void>((resolve) => (el.getAnimations().length ? Promise.all(el.getAnimations().map((a) => a.finished)).then(() => resolve()) : resolve())));
      await shot('workbench-compare');
    } finally {
      await s.close();
    }
  }
} finally {
  await browser.close();
}
