// A lecture on a whole law, a whole code and a 章, by keyboard, and 民法典 shown as one code: the
// four parts of 民法典 in test/fixtures/codes are imported beside the app's starter laws.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPaths } from '../../electron/core/library/library-import';
import { ROOT, go, haveChromium, useBrowser } from './browser-harness';

describe.skipIf(!haveChromium)('Whole-law and 编/章 citations, codes as one (browser face)', () => {
  const withSession = useBrowser();

  it('民法典 is one row with its parts in the code order; a lecture cites a bare law, the whole code and a 章 with Enter, and 识别引用 lists a bare 《民法典》', () =>
    withSession(async ({ page, face }) => {
      // Imported while the page may still be loading: the 法规库 must follow even when its event
      // stream connects after the commit (it did not, and this test once hung here for 60 s in CI).
      await importPaths(face.service.store, [join(ROOT, 'test/fixtures/codes/民法典')]);
      await page.setViewportSize({ width: 1024, height: 700 });
      await go(page, '#/library');
      const code = page.getByTestId('code-title');
      await expect.poll(() => code.textContent()).toBe('中华人民共和国民法典（4 编）');
      const titles = await page.getByTestId('law-title').allTextContents();
      const at = titles.indexOf('总则');
      expect(titles.slice(at, at + 4)).toEqual(['总则', '婚姻家庭编', '继承编', '附则']);

      await go(page, '#/lectures');
      await page.getByTestId('new-lecture').click();
      await page.getByTestId('lecture-topic').fill('民法典与行政许可法学习');
      const input = page.getByTestId('citation-picker-input');
      const tags = page.getByTestId('lecture-citations');
      // a bare law: Enter with no 条 cites the whole law. The form is still opening (it
      // animates): a click that lands before it settles opens no picker, so click again — but only
      // while no picker exists. Its input is invisible while the picker zooms in, and a second
      // click then fell on the picker's mask and closed it under the typing.
      const picker = page.locator('.ant-modal').filter({ has: input });
      await expect
        .poll(async () => {
          if ((await picker.count()) === 0) await page.getByTestId('add-citation').click();
          return picker.count();
        })
        .toBe(1);
      await input.waitFor();
      await input.pressSequentially('行政许可法');
      await page.getByTestId('citation-picker-item').first().filter({ hasText: '行政许可法' }).waitFor();
      // Enter in the box typed into (as a person does; page.keyboard went wherever the focus was)
      await input.press('Enter');
      await expect.poll(() => tags.textContent()).toContain('《中华人民共和国行政许可法》（全文）');
      // the whole code is offered first, then its parts
      await page.getByTestId('add-citation').click();
      await input.pressSequentially('民法典');
      await page.getByTestId('citation-picker-item').first().filter({ hasText: '全部 4 编' }).waitFor();
      expect(await page.getByTestId('citation-picker-item').nth(1).textContent()).toContain('总则');
      await input.press('Enter');
      await expect.poll(() => tags.textContent()).toContain('《中华人民共和国民法典》（全文）');
      // a 章: typed in the 编/章 field, Enter adds it
      await page.getByTestId('add-citation').click();
      await input.pressSequentially('行政许可法');
      await page.getByTestId('citation-picker-item').first().filter({ hasText: '行政许可法' }).waitFor();
      await page.getByTestId('citation-picker-heading').click();
      await page.keyboard.type('第二章');
      await page.keyboard.press('Enter');
      await expect.poll(() => tags.textContent()).toContain('《中华人民共和国行政许可法》第二章');

      const form = page.getByTestId('lecture-form');
      await form.getByLabel('内容摘要 / 备注').fill('组织学习《民法典》婚姻家庭编的主要内容。');
      await page.getByTestId('detect-citations').click();
      const found = page.getByTestId('detect-resolved');
      await found.first().waitFor();
      // the summary's 《民法典》婚姻家庭编, then the laws the topic names (民法典与行政许可法学习)
      expect(await found.allTextContents()).toEqual([
        expect.stringContaining('《中华人民共和国民法典》婚姻家庭编'),
        expect.stringContaining('《中华人民共和国民法典》'),
        expect.stringContaining('《中华人民共和国行政许可法》（2019年修正）'),
      ]);
      await page.keyboard.press('Escape');
      await form.getByRole('button', { name: /保存/ }).click();
      // saved: the whole-law, whole-code and 章 citations are version-anchored
            const row = page.locator('tr', { hasText: '民法典与行政许可法学习' });
      await row.waitFor();
      await row.getByText('民法典与行政许可法学习').click();
      await expect.poll(() => tags.textContent()).toContain('《中华人民共和国行政许可法》（2019年修正）第二章');
      expect(await tags.textContent()).toContain('《中华人民共和国民法典》');
      expect(await tags.textContent()).not.toContain('待保存');
    }));

  it('a lecture on the whole 民法典 shows in 被引用 while reading 继承编 (引用整部法典), not only under 总则', () =>
    withSession(async ({ page, face }) => {
      await importPaths(face.service.store, [join(ROOT, 'test/fixtures/codes/民法典')]);
      await face.service.call('lectures:create', { input: { kind: '集体学法', date: '2021-06-01', topic: '民法典全文学习', headCount: 12, citations: [{ law: '民法典' }] } });
      await page.setViewportSize({ width: 1440, height: 900 });
      await go(page, '#/library');
      await page.getByTestId('law-title').filter({ hasText: '继承编' }).first().click();
      await page.getByTestId('reader-title').filter({ hasText: '继承编' }).waitFor();
      const first = page.locator('[id^="article-"]').first();
      await first.hover();
      await first.getByTestId('cited-by-button').click();
      const panel = page.getByTestId('cited-by-panel');
      await panel.waitFor();
      const item = panel.getByTestId('cited-by-item').filter({ hasText: '民法典全文学习' });
      await item.waitFor();
      expect(await item.getByTestId('cited-by-covers').textContent()).toBe('引用整部法典');
      // the line about another version is not shown for a citation of the whole code
      expect(await item.textContent()).not.toContain('引用的是');
    }));
});
