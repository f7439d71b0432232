// The 合法性审查 page when answers cross: a revision saved by another window (or the CLI) while the
// page holds unsaved edits, seen when the page asks again after a library change — the edits must
// stay (merged when they touch other fields; both versions offered when they touch the same one) —
// and two 收件日期 changes whose 最早届满 answers arrive in the reverse order: only the latest may land.
// Before the fix the reload replaced the form with the newer revision, and the older answer won.

import { join } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { importPaths } from '../../electron/core/library/library-import';
import type { BrowserFace } from '../../electron/server/browser-face';
import { FIXTURES, go, haveChromium, useBrowser } from './browser-harness';

const LATER_LAW = '统计法(2024-09-13).md';
const input = { type: '规范性文件', title: '高青县科技创新券管理办法（征求意见稿）', leadUnit: '高新技术科', receivedDate: '2026-02-24', opinion: { text: '建议修改第五条。' } } as const;

type Face = BrowserFace;

async function openReview(page: Page, face: Face): Promise<string> {
  const { record } = (await face.service.call('reviews:create', { input })) as { record: { id: string } };
  await go(page, `#/review/${record.id}`);
  await page.getByTestId('review-heading').waitFor();
  return record.id;
}

/** Types into the 审查意见 box the way a user does (select all, type). */
async function typeOpinion(page: Page, text: string): Promise<void> {
  const box = page.getByTestId('field-opinion');
  await box.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText(text);
  await expect.poll(() => page.getByTestId('save-review').textContent()).toContain('*');
}

/** Another window saves a revision; then the library moves (an import), and the page asks again. */
async function savedElsewhereThenLibraryMoves(page: Page, face: Face, id: string, patch: Record<string, unknown>): Promise<void> {
  await face.service.call('reviews:update', { id, patch, expectedRevision: 1 });
  await importPaths(face.service.store, [join(FIXTURES, 'laws', LATER_LAW)]);
  await page.getByText('第 2 版 ·').waitFor();
}

describe.skipIf(!haveChromium)('合法性审查 page: crossing saves and answers', () => {
  const withSession = useBrowser();

  it('a newer revision touching other fields is merged; my unsaved 审查意见 stays and is saved on top', () =>
    withSession(
      async ({ page, face }) => {
        const id = await openReview(page, face);
        await typeOpinion(page, '建议删除第五条第二款。');
        await savedElsewhereThenLibraryMoves(page, face, id, { title: '高青县科技创新券管理办法（修改稿）' });
        expect(await page.getByTestId('field-opinion').inputValue()).toBe('建议删除第五条第二款。');
        expect(await page.getByTestId('field-title').inputValue()).toBe('高青县科技创新券管理办法（修改稿）');
        expect(await page.getByTestId('review-merged').textContent()).toContain('审查事项');
        await page.keyboard.press('Control+s');
        await page.getByText('第 3 版 ·').waitFor();
        const { review } = (await face.service.call('reviews:get', { id })) as { review: { title: string; opinion: { text: string } } };
        expect(review.opinion.text).toBe('建议删除第五条第二款。');
        expect(review.title).toBe('高青县科技创新券管理办法（修改稿）');
      },
      { exclude: [LATER_LAW] },
    ));

  it('the same field changed by both: both texts shown, nothing replaced; 保留我的修改 saves mine, 载入新版本 takes theirs', () =>
    withSession(
      async ({ page, face }) => {
        const id = await openReview(page, face);
        await typeOpinion(page, '建议删除第五条第二款。');
        await savedElsewhereThenLibraryMoves(page, face, id, { opinion: { text: '同意出台。' }, tags: ['创新券'] });
        const banner = page.getByTestId('review-newer');
        await banner.waitFor();
        expect(await banner.textContent()).toContain('审查意见：第 2 版为“同意出台。”，你的修改为“建议删除第五条第二款。”');
        expect(await page.getByTestId('field-opinion').inputValue()).toBe('建议删除第五条第二款。');
        if (process.env.LAWDESK_SCREENSHOT) await page.screenshot({ path: process.env.LAWDESK_SCREENSHOT });
        // a save now would overwrite 第 2 版 unseen: it asks for a choice first
        await page.keyboard.press('Control+s');
        await page.getByText('请先选择“载入新版本”或“保留我的修改”').waitFor();
        expect((await face.service.call('reviews:get', { id })).review.revision).toBe(2);

        await page.getByTestId('review-keep-mine').click();
        await banner.waitFor({ state: 'detached' });
        await page.getByTestId('save-review').click();
        await page.getByText('第 3 版 ·').waitFor();
        const saved = (await face.service.call('reviews:get', { id })).review;
        expect(saved.opinion.text).toBe('建议删除第五条第二款。');
        expect(saved.tags).toEqual(['创新券']); // the other window's change kept

        // Once more, and this time the other window's text is taken.
        await typeOpinion(page, '建议删除第五条。');
        await face.service.call('reviews:update', { id, patch: { opinion: { text: '同意。' } }, expectedRevision: 3 });
        await importPaths(face.service.store, [join(FIXTURES, 'laws', '行政许可法(2019-04-23).md')]);
        await banner.waitFor();
        await page.getByTestId('review-load-newer').click();
        await expect.poll(() => page.getByTestId('field-opinion').inputValue()).toBe('同意。');
        expect(await page.getByTestId('save-review').textContent()).not.toContain('*');
      },
      { exclude: [LATER_LAW, '行政许可法(2019-04-23).md'] },
    ));

  it('two quick 收件日期 changes answered out of order: 最早届满 follows the last one', () =>
    withSession(async ({ page, face }) => {
      await openReview(page, face);
      // Each answer is noted by the page a frame after the form took it (or dropped it).
      await page.evaluate(() => {
        const w = window as unknown as { answered: string[] };
        w.answered = [];
        const json = Response.prototype.json;
        Response.prototype.json = function (this: Response) {
          const url = this.url;
          return json.call(this).then((v: unknown) => {
            requestAnimationFrame(() => setTimeout(() => w.answered.push(url)));
            return v;
          });
        };
      });
      const held: Route[] = [];
      await page.route('**/api/records:dueDate', (route) => void held.push(route));
      const answered = () => page.evaluate(() => (window as unknown as { answered: string[] }).answered.filter((u) => u.endsWith('records:dueDate')).length);
      const due = async (d: string) => ((await face.service.call('records:dueDate', { receivedDate: d, type: input.type })) as { dueDate: string }).dueDate;
      const [first, second] = [await due('2026-03-02'), await due('2026-03-09')];
      expect(first).not.toBe(second);

      const received = page.getByTestId('field-receivedDate');
      for (const d of ['2026-03-02', '2026-03-09']) {
        await received.click();
        await page.keyboard.press('Control+a');
        await page.keyboard.insertText(d);
        await page.keyboard.press('Enter');
        await expect.poll(() => held.length).toBe(d === '2026-03-02' ? 1 : 2);
      }
      // the second answer first, then the first
      await held[1]!.continue();
      await expect.poll(() => page.getByTestId('field-dueDate').inputValue()).toBe(second);
      await held[0]!.continue();
      await expect.poll(answered).toBe(2);
      expect(await page.getByTestId('field-dueDate').inputValue()).toBe(second);
    }));
});
