// A drafted text imported into the library, as the adviser sees it: 草案 in the library list (a 时效性 of
// its own, counted apart from 现行有效), in the reader and on search hits; 只看现行有效 leaves it out; the
// reader's 时效性 editor sets another status with its basis and goes back to 草案.

import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, go, haveChromium, useBrowser } from './browser-harness';

const DRAFTS = join(ROOT, 'test/fixtures/draft-status');
const TITLED = '淄博市文明行为促进条例（修订草案征求意见稿）';
const SHOTS = process.env.LAWDESK_SHOTS;

describe.skipIf(!haveChromium)('a drafted text in Chromium', () => {
  const withSession = useBrowser();

  it('is 草案 in the library list, the reader and the search hits, apart from 现行有效; the reader’s editor changes it with a basis', () =>
    withSession(async ({ page, face, tmp }) => {
      const files = ['养犬条例.txt', '养犬条例修订.txt', '文明条例.txt'].map((f) => {
        copyFileSync(join(DRAFTS, f), join(tmp, f));
        return join(tmp, f);
      });
      const preview = await face.service.previewPaths(files);
      await face.service.call('import:commit', { stagingId: preview.stagingId });
      const drafts = await face.service.call('laws:list', { statuses: ['草案'] });
      expect(drafts.rows.map((r) => r.title)).toEqual([TITLED]);
      const inForce = await face.service.call('laws:list', { statuses: ['现行有效'] });
      expect(inForce.rows.map((r) => r.title)).toContain('淄博市养犬管理条例');
      expect(inForce.rows.map((r) => r.title)).not.toContain(TITLED);
      const versionId = drafts.rows[0]!.versionId!;

      // 法规库: the 时效性 facet has 草案 with its own count; choosing it lists the draft alone
      await go(page, '#/library');
      const facet = page.getByTestId('facet-status');
      await facet.getByText('草案').waitFor();
      expect(await facet.getByRole('checkbox', { name: /草案/ }).count()).toBe(1);
      await facet.getByText('草案').click();
      await page.getByTestId('library-total').filter({ hasText: '共 1 部' }).waitFor();
      expect(await page.getByTestId('law-title').textContent()).toContain(TITLED);
      expect(await page.getByTestId('library-grid-body').getByTestId('status-tag').textContent()).toBe('草案');
      if (SHOTS) await page.screenshot({ path: join(SHOTS, 'draft-library.png') });

      // 阅读: the tag says 草案 and why; the editor offers 草案 among the statuses
      await go(page, `#/read/${encodeURIComponent(versionId)}`);
      await page.getByTestId('reader-title').filter({ hasText: TITLED }).waitFor();
      const tag = page.getByTestId('reader-sticky').getByTestId('status-tag');
      expect(await tag.textContent()).toBe('草案');
      expect(await tag.getAttribute('title')).toContain('不是生效的法规');
      if (SHOTS) await page.screenshot({ path: join(SHOTS, 'draft-reader.png') });
      await page.getByTestId('status-edit').click();
      const dialog = page.getByRole('dialog');
      await dialog.locator('.ant-select').click();
      await page.locator('.ant-select-dropdown').getByTitle('现行有效').click();
      await page.getByTestId('status-basis-input').fill('2026年11月1日经市人大常委会通过，已公布施行');
      if (SHOTS) await page.screenshot({ path: join(SHOTS, 'draft-status-editor.png') });
      await page.getByTestId('status-save').click();
      await tag.filter({ hasText: '现行有效' }).waitFor();
      expect((await face.service.call('laws:list', { statuses: ['草案'] })).total).toBe(0);
      await page.getByTestId('status-edit').click();
      await dialog.getByRole('button', { name: '恢复自动判断' }).click();
      await tag.filter({ hasText: '草案' }).waitFor();

      // 搜索: the hit is tagged 草案; 只看现行有效 leaves it out, the enacted law's hit stays
      await go(page, '#/search');
      await page.getByTestId('search-input').locator('input').fill('文明行为');
      const hit = page.getByTestId('search-hit').filter({ hasText: TITLED }).first();
      await hit.waitFor();
      const hitTag = hit.getByTestId('status-tag');
      expect([await hitTag.textContent(), await hitTag.getAttribute('class')]).toEqual(['草案', 'hit-tag status-draft']);
      await page.getByTestId('search-facet-status').getByText('草案').waitFor();
      if (SHOTS) await page.screenshot({ path: join(SHOTS, 'draft-search.png') });
      await page.getByTestId('search-in-force').click();
      await expect.poll(() => page.getByTestId('search-hit').filter({ hasText: TITLED }).count()).toBe(0);
      await page.getByTestId('search-input').locator('input').fill('养犬登记');
      await page.getByTestId('search-hit').filter({ hasText: '淄博市养犬管理条例' }).first().waitFor();
      expect(await page.getByTestId('search-hit').getByTestId('status-tag').allTextContents()).not.toContain('草案');
    }));
});
