// Screenshots of every screen for the README, with the same Chromium setup as the e2e tests:
// npx tsx test/browser/take-screenshots.ts  → resources/screenshots/*.png (and build/icon.png).

import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, ROOT, ensureBuilt, launchChromium, openSession } from './browser-harness';

const out = join(ROOT, 'resources/screenshots');
mkdirSync(out, { recursive: true });
ensureBuilt();
const browser = await launchChromium();
const s = await openSession(browser, { viewport: { width: 1280, height: 800 } });
const { page } = s;
const base = s.face.origin + '/';
const shot = async (name: string) => {
  await page.waitForTimeout(400);
  const file = join(out, `${name}.png`);
  await page.screenshot({ path: file });
  console.log(`${file}  ${(statSync(file).size / 1024).toFixed(0)} KB`);
};

try {
  await page.getByTestId('library-total').filter({ hasText: '共' }).waitFor();
  await shot('library');

  await page.goto(base + '#/search');
  await page.getByTestId('search-input').locator('input').fill('行政许可 听证');
  await page.getByTestId('search-count').waitFor({ timeout: 15_000 }).catch(() => {});
  await page.keyboard.press('ArrowDown');
  await shot('search');

  await page.getByTestId('quick-open-button').click();
  await page.getByTestId('quick-open-input').fill('行政许可法12');
  await page.getByTestId('quick-open-item').first().waitFor();
  await shot('quick-open');
  await page.getByTestId('quick-open-input').press('Enter');

  await page.locator('#article-12.active').waitFor();
  await page.locator('#article-12').hover();
  await page.getByTestId('reader-find').locator('input').fill('行政许可');
  await page.locator('#article-12').scrollIntoViewIfNeeded();
  await shot('reader');

  await page.goto(base + '#/import');
  await page.locator('.ant-upload-drag input[type=file]').first().setInputFiles([
    { name: '促进科技成果转化法(2015-08-29).md', mimeType: 'text/markdown', buffer: readFileSync(join(FIXTURES, 'import', '促进科技成果转化法(2015-08-29).md')) },
    { name: '空白.txt', mimeType: 'text/plain', buffer: Buffer.from('  \n') },
  ]);
  await page.getByTestId('import-preview-button').click();
  await page.getByTestId('import-preview').waitFor();
  await shot('import-preview');
  await page.getByTestId('import-commit-button').click();
  await page.getByTestId('import-report').waitFor();
  await shot('import-report');

  await page.goto(base + '#/settings');
  await page.getByTestId('settings-library-dir').waitFor();
  await shot('settings');

  // The app icon: the character 法 on the app's red, rendered by the same Chromium.
  await page.setViewportSize({ width: 512, height: 512 });
  await page.setContent(
    '<div style="width:512px;height:512px;display:flex;align-items:center;justify-content:center;background:#9b2c2c;border-radius:96px;color:#fff;font:700 330px \'Noto Serif CJK SC\',\'Noto Sans CJK SC\',serif">法</div>',
  );
  await page.locator('div').screenshot({ path: join(ROOT, 'build/icon.png'), omitBackground: true });
  console.log('build/icon.png');
} finally {
  await s.close().catch((e) => console.error(String(e)));
  await browser.close();
}
