// In Chromium through the browser face: files whose names carry a bidi override (U+202E, which
// makes "许可‮dm.exe" read as "许可exe.md") and terminal escapes are shown escaped — in the chosen
// files, the preview table, the failure's reason and the report — never as the raw characters.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, go, haveChromium, useBrowser } from './browser-harness';

const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe.skipIf(!haveChromium)('File names with control characters (browser face)', () => {
  const withSession = useBrowser();

  it('the import page shows them escaped from choice to report', () =>
    withSession(async ({ page }) => {
      await go(page, '#/import');
      const law = readFileSync(join(FIXTURES, 'import', '促进科技成果转化法(2015-08-29).md'));
      await page.locator('.ant-upload-drag input[type=file]').first().setInputFiles([
        { name: '许可\u202Edm.exe.md', mimeType: 'text/markdown', buffer: law },
        { name: '\u001b[2J清屏\u0007.txt', mimeType: 'text/plain', buffer: Buffer.from('   \n') },
      ]);
      const shown = async () => page.evaluate(() => document.body.innerText);
      await page.getByTestId('import-preview-button').click();
      await page.getByTestId('import-preview').waitFor();
      const table = (await page.getByTestId('import-preview-table').textContent()) ?? '';
      expect(table).toContain('许可\\u202edm.exe.md');
      expect(table).toContain('\\u001b[2J清屏\\u0007.txt');
      expect(table).toContain('失败');
      expect(await shown()).not.toMatch(RAW);
      await page.getByTestId('import-commit-button').click();
      await page.getByTestId('import-report').filter({ hasText: '新增 1 件' }).waitFor();
      expect(await shown()).not.toMatch(RAW);
    }));
});
