// Screenshots of the screens changed for issue 18 at 1440×900 and 1024×700:
// npx tsx test/browser/take-screenshots-daily-use.ts → resources/screenshots/<screen>-<width>.png

import { cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { importPaths } from '../../electron/core/library/library-import';
import { FIXTURES, ROOT } from './browser-harness';
import { SCREENSHOTS, atEachSize } from './screenshot-run';

await atEachSize(async ({ s, page, base, viewport, shot }) => {
  // 民法典 as the corpus holds it (one file per 编): the library shows it as one code
  await importPaths(s.face.service.store, [join(ROOT, 'test/fixtures/codes/民法典')]);
  await page.reload();
  await page.getByTestId('code-title').waitFor();
  await shot('library');

  // 搜索: a citation with the other versions holding the article, and the facet note.
  await page.goto(base + '#/search');
  await page.getByTestId('search-input').locator('input').waitFor();
  await page.keyboard.type('统计法第七条');
  await page.getByTestId('search-jump-other').first().waitFor();
  await shot('search-citation-jump');
  await page.getByTestId('search-input').locator('input').fill('');
  await page.keyboard.type('统计法');
  await page.getByTestId('search-facet-unit').waitFor();
  await shot('search-facet-note');

  // 导入 with more picked files than fit: 预览 stays at the bottom of the window.
  await page.goto(base + '#/import');
  const laws = readdirSync(join(ROOT, 'test/fixtures/laws'), { withFileTypes: true, recursive: true }).filter((e) => e.isFile() && e.name.endsWith('.md'));
  await page.locator('.ant-upload-drag input[type=file]').first().setInputFiles(laws.map((e) => join(e.parentPath, e.name)));
  await page.getByTestId('import-preview-button').filter({ hasText: `${laws.length} 个文件` }).waitFor();
  await shot('import-files-picked');

  await page.getByTestId('quick-open-button').click();
  for (const k of 'xzxkf') await page.keyboard.press(k);
  await page.getByTestId('quick-open-item').first().filter({ hasText: '行政许可法' }).waitFor();
  await shot('quick-open-typed');
  await page.keyboard.press('Escape');

  cpSync(join(FIXTURES, 'folder-import'), join(s.tmp, '法规', '新法规'), { recursive: true });
  await page.goto(base + '#/import');
  await page.getByTestId('import-folder-card').waitFor();
  await shot('import-folder');
  await page.getByTestId('import-folder-browse').click();
  await page.getByTestId('folder-item').filter({ hasText: '测试' }).click();
  await page.getByTestId('folder-item').filter({ hasText: /^\s*法规\s*$/ }).click();
  await page.getByTestId('folder-item').filter({ hasText: '新法规' }).click();
  await page.getByTestId('folder-summary').waitFor();
  await shot('import-folder-browser');
  await page.getByTestId('folder-choose').click();
  await page.getByTestId('import-folder-start').click();
  await page.getByTestId('import-report').filter({ hasText: '导入完成' }).waitFor();
  await shot('import-folder-report');

  await page.goto(base + '#/lectures');
  await page.getByTestId('new-lecture').click();
  await page.getByTestId('lecture-topic').fill('行政许可法专题学习');
  await page.getByTestId('add-citation').click();
  await page.getByTestId('citation-picker-input').fill('行政许可法');
  await page.getByTestId('citation-picker-item').first().waitFor();
  await page.getByLabel('条号').fill('12');
  await page.keyboard.press('Enter');
  await page.getByTestId('lecture-citations').filter({ hasText: '第十二条' }).waitFor();
  await page.getByTestId('add-citation').click();
  await page.getByTestId('citation-picker-input').pressSequentially('民法典');
  await page.getByTestId('citation-picker-item').first().filter({ hasText: '全部' }).waitFor();
  await shot('citation-picker-code');
  await page.keyboard.press('Enter');
  await page.getByTestId('lecture-citations').filter({ hasText: '民法典' }).waitFor();
  await shot('lecture-form');
  await page.keyboard.press('Escape');

  // a new review switched to 重大行政决策: its own 送审材料 checklist
  await page.goto(base + '#/reviews');
  await page.getByTestId('new-review').click();
  await page.getByTestId('field-type').click();
  await page.locator('.ant-select-item-option').filter({ hasText: /^重大行政决策$/ }).click();
  await page.locator('.ant-card').filter({ hasText: '送审材料' }).locator('input[value="决策草案"]').waitFor();
  await page.locator('.ant-card').filter({ hasText: '送审材料' }).evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await shot('review-new-decision');

  await page.goto(base + '#/settings');
  await page.getByTestId('settings-library-dir').waitFor();
  await page.getByRole('button', { name: /立即备份/ }).click().catch(() => {});
  await page.getByText(/^已备份|无需备份/).first().waitFor({ timeout: 5000 }).catch(() => {});
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(SCREENSHOTS, `settings-backup-toast-${viewport.width}.png`) });
});
