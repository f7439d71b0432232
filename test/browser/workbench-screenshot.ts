// Screenshot of the 审查工作台 for the README: npx tsx test/browser/workbench-screenshot.ts
// → resources/screenshots/workbench.png (same Chromium setup as the e2e tests).

import { statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, ensureBuilt, launchChromium, openSession } from './browser-harness';

ensureBuilt();
const browser = await launchChromium();
const s = await openSession(browser, { viewport: { width: 1440, height: 900 } });
const { page } = s;
try {
  const created = (await s.face.service.call('reviews:create', { input: { type: '规范性文件', title: '高青县科技创新券管理办法（征求意见稿）', leadUnit: '高新技术科', receivedDate: '2026-02-24' } })) as { record: { id: string } };
  await page.goto(`${s.face.origin}/#/workbench/${created.record.id}`);
  await page.locator('input[type=file]').setInputFiles(join(ROOT, 'test/fixtures/drafts/planted-innovation-voucher.md'));
  await page.getByTestId('wb-draft').waitFor();
  const permit = page.getByTestId('wb-finding').filter({ hasText: '设定行政许可' });
  await permit.click();
  await page.waitForTimeout(500);
  await page.evaluate(() => document.querySelectorAll('.ant-message-notice-wrapper').forEach((n) => n.remove()));
  const file = join(ROOT, 'resources/screenshots/workbench.png');
  await page.screenshot({ path: file });
  console.log(`${file}  ${(statSync(file).size / 1024).toFixed(0)} KB`);
} finally {
  await s.close();
  await browser.close();
}
