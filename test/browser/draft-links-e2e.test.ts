// Session 27 in Chromium: the adviser writes 草案第五条 / 本办法第七条 in a review's 内容 and saves the form — the draft's
// articles are linked to the 送审稿 version in the workbench and shown under the text; after the unit's 第2稿 each link
// says what its article became there, opens that article of the version it was written against, and the 意见书's
// question before generating names the mentions it will annotate. Real drafts: test/fixtures/drafts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { staleDraftLinksSentence, type DraftLinkState } from '../../electron/shared/draft-citation';
import { ROOT, go, haveChromium, useBrowser } from './browser-harness';

const DRAFTS = join(ROOT, 'test/fixtures/drafts');
const upload = (file: string, name: string) => ({ name, dataBase64: readFileSync(file).toString('base64') });

describe.skipIf(!haveChromium)('links into the draft from the review form', () => {
  const withSession = useBrowser();

  it('a save links the draft’s articles; after 第2稿 they say what changed and open the version written against', () =>
    withSession(async ({ page, face }) => {
      const created = (await face.service.call('reviews:create', { input: { type: '规范性文件', title: '高青县科技创新券管理办法（征求意见稿）', leadUnit: '高新技术科', receivedDate: '2026-02-24' } })) as { record: { id: string } };
      const id = created.record.id;
      await face.service.call('workbench:addDraft', { id, file: upload(join(DRAFTS, 'planted-innovation-voucher.md'), '创新券管理办法（征求意见稿）.md') });

      await go(page, `#/review/${id}`);
      await page.getByTestId('field-content').fill('草案第五条要求服务机构取得资格证，违反《中华人民共和国行政许可法》第十七条。本办法第七条限定服务机构，应当删除。');
      await page.getByTestId('save-review').click();
      const links = page.getByTestId('draft-links-content').getByTestId('draft-link-open');
      await links.nth(1).waitFor(); // shown once the saved record is read back
      expect(await links.allTextContents()).toEqual(['第1稿第五条', '第1稿第七条']);
      // the law beside them stays the adviser's to link (识别引用): the save added none
      expect(await page.getByTestId('citations-content').textContent()).toBe('尚未引用法规或条文');

      // the unit sends 第2稿 (a 第四条 inserted, 第七条 reworded): the form says what each link's article became
      await face.service.call('workbench:addDraft', { id, file: upload(join(DRAFTS, 'versions', '创新券管理办法（送审稿·增加第四条）.md'), '创新券管理办法（送审稿）.md') });
      await page.reload();
      const notes = page.getByTestId('draft-links-content').getByTestId('draft-link-note');
      await notes.nth(1).waitFor();
      expect(await notes.allTextContents()).toEqual(['第2稿改为第六条，内容未变', '第2稿改为第八条并作了修改']);
      await page.getByTestId('draft-links-content').scrollIntoViewIfNeeded();
      if (process.env.LAWDESK_SCREENSHOT) await page.screenshot({ path: process.env.LAWDESK_SCREENSHOT });

      // the link opens 第1稿 at its 第五条, the article the text was written against
      await links.first().click();
      await page.waitForURL(/#\/workbench\/[^?]+\?v=1&a=5$/);
      const linked = page.locator('[data-linked="true"]');
      await linked.waitFor();
      expect(await linked.locator('b').first().textContent()).toBe('第五条');
      expect(await linked.textContent()).toContain('服务机构须经县科技局审批');
      expect(await page.getByTestId('wb-draft').locator('.ant-card-head-title').textContent()).toMatch(/^送审稿（第 1 稿/);
      await page.waitForFunction(() => { const r = document.querySelector('[data-linked="true"]')!.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; });
      if (process.env.LAWDESK_SCREENSHOT) await page.screenshot({ path: process.env.LAWDESK_SCREENSHOT.replace(/\.png$/, '-workbench.png') });

      // before generating the 意见书 (on the latest version), the adviser is told which mentions it will annotate
      await go(page, `#/workbench/${id}`);
      await page.getByTestId('wb-draft').waitFor();
      await page.getByTestId('wb-export').click();
      const ask = page.locator('.ant-modal-confirm');
      await ask.waitFor();
      const states = (await face.service.call('workbench:draftLinks', { id })) as DraftLinkState[];
      const sentence = staleDraftLinksSentence(states);
      expect(sentence).toContain('内容中的“第1稿第五条”（第2稿改为第六条，内容未变）');
      await ask.getByText('意见书将在这些条文后注明所指稿次', { exact: false }).waitFor();
      expect(await ask.textContent()).toContain(sentence);
    }));
});
