// 改用新文件 in Chromium: the library holds 行政许可法 2019-04-23 (a clean .md); a copy of the same day that lost its
// chapter headings is skipped in the preview with the reason, and a checkbox on its line (reached by Tab, ticked by
// Space) lets the adviser take it anyway; 确认导入 then replaces the stored version — no command line. The same
// choice in the preview of a folder imported by its path (先预览, then 确认导入这个文件夹).

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, go, haveChromium, useBrowser } from './browser-harness';

const SHOTS = process.env.LAWDESK_SHOTS;

describe.skipIf(!haveChromium)('改用新文件 in the import preview, in Chromium', () => {
  const withSession = useBrowser();

  /** 行政许可法 as a copy that lost its chapter headings: poorer than the library's .md of the same day. */
  const lostChapters = () =>
    readFileSync(join(FIXTURES, 'laws/行政许可法(2019-04-23).md'), 'utf8')
      .split('\n')
      .filter((l) => !l.startsWith('<!--'))
      .map((l) => l.replace(/^#+ /, ''))
      .filter((l) => !/^第[一二三四五六七八九十]+章/.test(l))
      .join('\n');

  it('offers the poorer same-day file as a choice, and replaces the stored version when it is ticked', () =>
    withSession(async ({ page, face, tmp }) => {
      const lost = lostChapters();
      const file = join(tmp, '行政许可法（网页复制）.txt');
      writeFileSync(file, lost);
      const row = (await face.service.call('laws:list', { q: '行政许可法' })).rows[0]!;
      const source = async () => (await face.service.call('law:get', { lawId: row.lawId })).versions[0]!.sourceFile;
      const before = await source();

      await go(page, '#/import');
      await page.locator('.ant-upload-drag input[type=file]').first().setInputFiles([file]);
      await page.getByTestId('import-preview-button').filter({ hasText: '1 个文件' }).click();
      const previewTable = page.getByTestId('import-preview-table');
      await previewTable.getByText('已存在，跳过').waitFor();
      expect(await previewTable.textContent()).toContain('保留了已有版本');
      const commit = page.getByTestId('import-commit-button');
      expect(await commit.isDisabled()).toBe(true);
      const choice = previewTable.getByRole('checkbox', { name: /改用新文件/ });
      await choice.focus();
      await page.keyboard.press('Space');
      await commit.filter({ hasText: '确认导入 1 件' }).waitFor();
      await previewTable.getByText('按选择替换已有版本').waitFor();
      if (SHOTS) await page.screenshot({ path: join(SHOTS, 'import-replace-choice.png') });
      expect(await source()).toBe(before); // nothing written before 确认导入
      await commit.click();
      await page.getByTestId('import-report').locator('.ant-result-title').filter({ hasText: '导入完成' }).waitFor();
      expect(await page.getByTestId('import-report-table').getByText('替换同日版本').count()).toBe(1);
      expect(await source()).toBe('行政许可法（网页复制）.txt');
    }));

  it('offers the same choice in the preview of a folder imported by its path', () =>
    withSession(async ({ page, face, tmp }) => {
      const folder = join(tmp, '收到的法规');
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, '行政许可法（网页复制）.txt'), lostChapters());
      const row = (await face.service.call('laws:list', { q: '行政许可法' })).rows[0]!;
      const source = async () => (await face.service.call('law:get', { lawId: row.lawId })).versions[0]!.sourceFile;
      const before = await source();

      await go(page, '#/import');
      await page.getByTestId('import-folder-path').fill(folder);
      await page.getByTestId('import-folder-preview').click();
      const report = page.getByTestId('import-report');
      await report.locator('.ant-result-title').filter({ hasText: '预览（尚未写入）' }).waitFor();
      const table = page.getByTestId('import-preview-table');
      expect(await table.textContent()).toContain('保留了已有版本');
      const go2 = page.getByTestId('import-folder-commit');
      expect(await go2.textContent()).toBe('确认导入这个文件夹');
      const choice = table.getByRole('checkbox', { name: /改用新文件/ });
      await choice.focus();
      await page.keyboard.press('Space');
      await go2.filter({ hasText: '按选择替换 1 件' }).waitFor();
      await table.getByText('按选择替换已有版本').waitFor();
      // The title above says the same as the button: the ticked file is counted as 替换, no longer as 跳过.
      const title = report.locator('.ant-result-title');
      expect(await title.textContent()).toMatch(/替换 1 件，跳过 0 件/);
      await page.keyboard.press('Space');
      await go2.filter({ hasText: /^确认导入这个文件夹$/ }).waitFor();
      expect(await title.textContent()).toMatch(/新增 0 件，跳过 1 件/);
      await page.keyboard.press('Space');
      await go2.filter({ hasText: '按选择替换 1 件' }).waitFor();
      if (SHOTS) await page.screenshot({ path: join(SHOTS, 'import-folder-replace-choice.png') });
      expect(await source()).toBe(before); // a preview writes nothing
      await go2.click();
      await report.locator('.ant-result-title').filter({ hasText: '导入完成' }).waitFor();
      expect(await page.getByTestId('import-report-table').getByText('替换同日版本').count()).toBe(1);
      expect(await page.getByTestId('import-report').textContent()).toContain('按你的选择改用新文件');
      expect(await source()).toBe('行政许可法（网页复制）.txt');
    }));
});
