// Screenshots of 法条联想 (issue 17) at 1440×900 and 1024×700: the 被引用 panel with other laws,
// the 引用: search, and 受影响 among the laws after 慈善法 2023 is imported.
//   npx tsx test/browser/take-screenshots-links.ts  → resources/screenshots/links-*.png

import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, ensureBuilt, launchChromium, openSession } from './browser-harness';

const out = join(ROOT, 'resources/screenshots');
const E2E = join(ROOT, 'test/fixtures/links/e2e');
mkdirSync(out, { recursive: true });
ensureBuilt();
const browser = await launchChromium();
try {
  for (const [w, h] of [
    [1440, 900],
    [1024, 700],
  ] as const) {
    const s = await openSession(browser, { viewport: { width: w, height: h } });
    const { page } = s;
    const base = s.face.origin + '/';
    const shot = async (name: string) => {
      await page.evaluate(() => document.querySelectorAll('.ant-message-notice-wrapper').forEach((n) => n.remove()));
      const file = join(out, `${name}-${w}.png`);
      await page.screenshot({ path: file });
      console.log(`${file}  ${(statSync(file).size / 1024).toFixed(0)} KB`);
    };
    try {
      await s.face.service.call('office:set', { region: '山东·淄博·高青县' });
      const files = ['慈善法(2016-03-16).md', '山东省慈善条例(2021-03-24).md', '最高人民法院关于审理行政许可案件若干问题的规定(2009-12-14).md'];
      const preview = await s.face.service.previewPaths(files.map((f) => join(E2E, f)));
      await s.face.service.call('import:commit', { stagingId: preview.stagingId });
      const law = s.face.service.store.laws().find((l) => l.title.endsWith('慈善法'))!;
      await page.goto(base + `#/read/${encodeURIComponent(law.versionIds[0]!)}?a=17`);
      await page.locator('#article-17.active').waitFor();
      await page.locator('#article-17').hover();
      await page.locator('#article-17').getByTestId('cited-by-button').click();
      await page.getByTestId('cited-by-law-item').first().waitFor();
      await shot('links-cited-by');
      await page.goto(base + '#/search?q=' + encodeURIComponent('引用:行政许可法'));
      await page.getByTestId('search-cites').waitFor();
      await page.getByTestId('search-hit').first().waitFor();
      await shot('links-search-cites');
      const next = await s.face.service.previewPaths([join(E2E, '慈善法(2023-12-29).md')]);
      await s.face.service.call('import:commit', { stagingId: next.stagingId });
      await page.goto(base + '#/affected');
      await page.getByTestId('affected-law-row').first().waitFor();
      await page.getByTestId('affected-laws').scrollIntoViewIfNeeded();
      await shot('links-affected');
    } finally {
      await s.close();
    }
  }
} finally {
  await browser.close();
}
