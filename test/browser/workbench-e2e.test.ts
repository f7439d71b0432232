// 审查工作台 end to end in Chromium: open a review, upload its 送审稿, see the findings marked in
// the draft, accept two (button and keyboard), dismiss one with a reason, export the 意见书 and
// check the downloaded DOCX holds the accepted bases' article texts.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docxText, squash } from '../node/packs/pack-test-support';
import { ROOT, go, haveChromium, useBrowser } from './browser-harness';

describe.skipIf(!haveChromium)('审查工作台 in Chromium', () => {
  const withSession = useBrowser();

  it('opens a draft in a review, accepts two findings, dismisses one, exports the 意见书', () =>
    withSession(async ({ page, face }) => {
      const created = (await face.service.call('reviews:create', { input: { type: '规范性文件', title: '高青县科技创新券管理办法（征求意见稿）', leadUnit: '高新技术科', receivedDate: '2026-02-24' } })) as { record: { id: string } };
      const id = created.record.id;
      await go(page, `#/review/${id}`);
      await page.getByTestId('review-open-workbench').click();
      await page.waitForURL(/#\/workbench\//);
      await page.locator('input[type=file]').setInputFiles(join(ROOT, 'test/fixtures/drafts/planted-innovation-voucher.md'));
      await page.getByTestId('wb-draft').waitFor();
      await expect.poll(() => page.getByTestId('wb-finding').count()).toBeGreaterThan(10);
      // the findings are marked in the draft's text
      expect(await page.locator('mark.wb-mark').count()).toBeGreaterThan(5);

      const finding = (rule: string) => page.getByTestId('wb-finding').filter({ hasText: rule });
      await finding('设定行政许可').click();
      await finding('设定行政许可').getByTestId('wb-accept').click();
      await finding('设定行政许可').getByText('已采纳').waitFor();
      // keyboard: select 设定收费 and press a
      await finding('设定收费').click();
      await page.keyboard.press('a');
      await finding('设定收费').getByText('已采纳').waitFor();
      await finding('增加义务或减损权利').click();
      await page.keyboard.press('d');
      await page.getByTestId('wb-dismiss-reason').fill('失信惩戒有《山东省社会信用条例》依据');
      await page.getByTestId('wb-dismiss-ok').click();
      await finding('增加义务或减损权利').getByText('不采纳', { exact: true }).waitFor();
      await expect.poll(() => page.getByTestId('wb-suggestions').textContent()).toContain('修改建议对照表（2）');
      // a 公平竞争审查 checklist item excluded with its reason
      await page.getByTestId('wb-fair').getByTestId('wb-fc-dismiss').first().click();
      await page.getByTestId('wb-dismiss-reason').fill('属于第十二条第（二）项促进科学技术进步的情形，实施期限两年');
      await page.getByTestId('wb-dismiss-ok').click();
      await page.getByTestId('wb-fair').getByText('已排除：属于第十二条').waitFor();

      const download = page.waitForEvent('download');
      await page.getByTestId('wb-export').click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/合法性审查意见书\.docx$/);
      const text = squash(await docxText(readFileSync((await file.path())!)));
      expect(text).toContain(squash('关于《高青县科技创新券管理办法（征求意见稿）》的合法性审查意见书'));
      const { review } = (await face.service.call('reviews:get', { id })) as { review: { findings: { authority: { citations: { citation: string; textSnapshot: string }[] } }; notes?: string } };
      expect(review.findings.authority.citations.length).toBeGreaterThan(0);
      for (const c of review.findings.authority.citations) expect(text).toContain(squash(c.textSnapshot));
      expect(review.notes).toContain('失信惩戒有《山东省社会信用条例》依据');
      expect(review.notes).toContain('【公平竞争审查】');
    }), 240_000);
});
