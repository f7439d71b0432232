// 法条联想 in real Chromium (issue 17), on real laws (test/fixtures/links/e2e): in 行政许可法 the
// 被引用 panel lists the 司法解释 citing 第十二条, which opens; a link in its text leads back; the
// panel's 在搜索中列出 runs the 引用: search. A 山东 local regulation citing 慈善法 第十七条 is listed
// (and opened) from 慈善法; after 慈善法 2023 is imported from the import page, 受影响 lists it.

import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT, go, haveChromium, useBrowser, type Session } from './browser-harness';

const E2E = join(ROOT, 'test/fixtures/links/e2e');

async function importFiles(s: Session, files: string[]): Promise<void> {
  const preview = await s.face.service.previewPaths(files.map((f) => join(E2E, f)));
  await s.face.service.call('import:commit', { stagingId: preview.stagingId });
}

async function openArticle(page: Page, title: string, articleKey: string): Promise<void> {
  await go(page, '#/library');
  await page.getByTestId('law-title').filter({ hasText: title }).first().click();
  await page.getByTestId('reader-title').filter({ hasText: title }).waitFor();
  await page.goto(page.url().replace(/\?.*$/, '') + `?a=${articleKey}`);
  await page.locator(`#article-${articleKey}.active`).waitFor();
}

async function openCitedBy(page: Page, articleKey: string): Promise<void> {
  const article = page.locator(`#article-${articleKey}`);
  await article.hover();
  await article.getByTestId('cited-by-button').click();
  await page.getByTestId('cited-by-panel').waitFor();
}

describe.skipIf(!haveChromium)('法条联想 in Chromium', () => {
  const withSession = useBrowser();

  it('行政许可法 第十二条: 被引用 by a 司法解释, open it, follow the link in its text back; 在搜索中列出', () =>
    withSession(async (s) => {
      const { page } = s;
      await importFiles(s, ['最高人民法院关于审理行政许可案件若干问题的规定(2009-12-14).md']);
      await openArticle(page, '行政许可法', '12');
      await openCitedBy(page, '12');
      const item = page.getByTestId('cited-by-law-item').filter({ hasText: '最高人民法院关于审理行政许可案件若干问题的规定 第十五条' });
      await item.waitFor();
      await item.getByRole('link').click();
      await page.getByTestId('reader-title').filter({ hasText: '行政许可案件' }).waitFor();
      await page.locator('#article-15.active').waitFor();
      // the citation in the text of 第十五条 is a link to 行政许可法 第十二条
      const link = page.locator('#article-15').getByTestId('citation-link').filter({ hasText: '第十二条' });
      // hovering previews the cited article's text
      await link.hover();
      await page.getByTestId('citation-preview').filter({ hasText: '下列事项可以设定行政许可' }).waitFor();
      await link.click();
      await page.getByTestId('reader-title').filter({ hasText: '行政许可法' }).waitFor();
      await page.locator('#article-12.active').waitFor();
      // the whole list as a search, which the user can narrow with words
      await openCitedBy(page, '12');
      await page.getByTestId('cited-by-search').click();
      await page.getByTestId('search-cites').filter({ hasText: '《行政许可法》第十二条' }).waitFor();
      expect(await page.getByTestId('search-input').locator('input').inputValue()).toBe('引用:《行政许可法》第十二条');
      const hits = page.getByTestId('search-results').locator('[data-testid="search-hit"]');
      await hits.first().waitFor();
      expect(await hits.count()).toBe(1);
      expect(await hits.first().textContent()).toContain('第十五条');
    }));

  it('慈善法 第十七条 is cited by a 山东 local regulation (opened from the panel); after 慈善法 2023 is imported, 受影响 lists it', () =>
    withSession(async (s) => {
      const { page } = s;
      await s.face.service.call('office:set', { unit: '高青县科学技术局', region: '山东·淄博·高青县' });
      await importFiles(s, ['慈善法(2016-03-16).md', '山东省慈善条例(2021-03-24).md']);
      await openArticle(page, '慈善法', '17');
      await openCitedBy(page, '17');
      const item = page.getByTestId('cited-by-law-item').filter({ hasText: '山东省慈善条例 第十八条' });
      await item.waitFor();
      expect(await item.textContent()).toContain('山东');
      await item.getByRole('link').click();
      await page.getByTestId('reader-title').filter({ hasText: '山东省慈善条例' }).waitFor();
      await page.locator('#article-18.active').waitFor();

      await go(page, '#/import');
      await page.locator('.ant-upload-drag input[type=file]').first().setInputFiles(join(E2E, '慈善法(2023-12-29).md'));
      await page.getByTestId('import-preview-button').click();
      await page.getByTestId('import-preview').waitFor();
      await page.getByTestId('import-commit-button').click();
      await page.getByTestId('import-report').waitFor();
      await page.getByTestId('import-affected').click();
      const row = page.getByTestId('affected-law-row').filter({ hasText: '山东省慈善条例 第十八条' });
      await row.waitFor();
      expect(await row.textContent()).toContain('《慈善法》第十七条（2016-03-16）');
      expect(['yellow', 'red']).toContain(await row.getByTestId('flag').getAttribute('data-color'));
      // the cited article is now read in the 2023 version: the local regulation is still listed there
      await row.getByRole('link', { name: /山东省慈善条例/ }).click();
      await page.locator('#article-18.active').waitFor();
      // as a reader does: rest on the link (its preview opens), then follow it
      const link = page.locator('#article-18').getByTestId('citation-link').first();
      await link.hover();
      await page.getByTestId('citation-preview').first().waitFor();
      await link.click();
      await page.getByTestId('reader-title').filter({ hasText: '慈善法' }).waitFor();
    }));

  // A citation of a 款 or 项 (links.json format 8 carries them): the preview is that part, under its
  // name, and the whole article one click away — it was the article's first 300 characters.
  it('行政许可法 第五十六条 cites 本法第三十四条第三款 and 第十二条第五项: each preview shows the part cited, 显示整条 the article', () =>
    withSession(async ({ page }) => {
      await openArticle(page, '行政许可法', '56');
      const preview = page.getByTestId('citation-preview');
      const link = page.locator('#article-56').getByTestId('citation-link').filter({ hasText: '第三十四条' });
      await link.hover();
      await preview.filter({ hasText: '需要对申请材料的实质内容进行核实的，行政机关应当指派两名以上工作人员进行核查' }).waitFor();
      expect(await preview.getAttribute('data-cited-part')).toBe('第三款');
      expect(await preview.textContent()).not.toContain('行政机关应当对申请人提交的申请材料进行审查');
      if (process.env.LAWDESK_SCREENSHOT) await page.screenshot({ path: process.env.LAWDESK_SCREENSHOT });
      await page.getByTestId('citation-preview-whole').click();
      await preview.filter({ hasText: '行政机关应当对申请人提交的申请材料进行审查' }).waitFor();
      expect(await preview.getAttribute('data-cited-part')).toBeNull();
      // a 项: the lead-in of its 款, then the item
      await page.mouse.move(0, 0);
      await preview.waitFor({ state: 'hidden' });
      await page.locator('#article-56').getByTestId('citation-link').filter({ hasText: '第十二条' }).hover();
      const item = preview.filter({ hasText: '（五）' });
      await item.waitFor();
      expect(await item.getAttribute('data-cited-part')).toBe('第（五）项');
      const said = (await item.textContent())!;
      expect(said).toContain('下列事项可以设定行政许可');
      expect(said).not.toContain('（一）');
    }));
});
