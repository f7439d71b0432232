// The adviser's day in the 审查工作台 (session 30): decisions from the keyboard leave one toast, not a
// stack; the workbench reopened from the review puts the focus on the findings; after the 意见书 is
// generated the page offers 记为已出具 (出具日期 defaulting to the office's today, 文号), which the
// 年度报告 then counts, and the same dialog corrects the day or undoes the record.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dateInZone } from '../../electron/shared/office-clock';
import { ROOT, go, haveChromium, useBrowser } from './browser-harness';

const SHOTS = process.env.LAWDESK_SHOTS || '/tmp/lawdesk-shots';

describe.skipIf(!haveChromium)('记为已出具 in the 审查工作台', () => {
  const withSession = useBrowser();

  it('one toast for keyed decisions, focus on the findings when reopened, 记为已出具 after export — corrected and undone', () =>
    withSession(async ({ page, face }) => {
      const input = { type: '规范性文件', title: '北川羌族自治县科技特派员管理办法（送审稿）', leadUnit: '农村科技股', receivedDate: '2026-11-20', status: '审查中', conclusion: '修改后合法' };
      const id = ((await face.service.call('reviews:create', { input })) as { record: { id: string } }).record.id;
      const record = async () => ((await face.service.call('reviews:get', { id })) as { review: { status: string; completedDate?: string; refNo?: string } }).review;
      await go(page, `#/review/${id}`);
      await page.getByTestId('review-open-workbench').click();
      await page.getByTestId('workbench').locator('input[type=file]').setInputFiles(join(ROOT, 'test/fixtures/drafts/planted-innovation-voucher.md'));
      await page.getByTestId('wb-draft').waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('wb-findings');

      // two decisions from the keyboard: the second toast replaces the first
      await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' }); // the upload's own toast gone
      await page.keyboard.press('a');
      await expect.poll(() => page.getByTestId('wb-finding').filter({ hasText: '已采纳' }).count()).toBe(1);
      await page.keyboard.press('a');
      await expect.poll(() => page.getByTestId('wb-finding').filter({ hasText: '已采纳' }).count()).toBe(2);
      expect(await page.locator('.ant-message-notice').count()).toBe(1);

      // reopened from the review (another day): the findings list has the focus, a / d act at once
      await go(page, `#/review/${id}`);
      await page.getByTestId('review-open-workbench').click();
      await page.getByTestId('wb-draft').waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('wb-findings');

      // generated, not issued: the page offers to record it
      expect(await page.getByTestId('wb-issue').textContent()).toBe('记为已出具');
      await page.getByTestId('wb-export').click();
      await page.getByTestId('wb-export-anyway').waitFor();
      await Promise.all([page.waitForEvent('download', { timeout: 0 }), page.getByTestId('wb-export-anyway').click()]);
      await page.getByTestId('wb-issue-offer').waitFor();
      expect((await record()).status).toBe('审查中'); // generating alone records nothing
      await page.getByTestId('wb-issue-offer-open').focus();
      await page.keyboard.press('Enter');
      const date = page.getByTestId('issue-date');
      await date.waitFor();
      const today = dateInZone(new Date(), 'Asia/Shanghai'); // 单位信息's default zone
      expect(await date.inputValue()).toBe(today);
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('issue-date');
      await page.keyboard.press('Tab');
      await page.keyboard.type('北科审〔2026〕9号');
      await page.screenshot({ path: join(SHOTS, 'workbench-issue-dialog.png') });
      await page.keyboard.press('Enter');
      await date.waitFor({ state: 'detached' });
      await expect.poll(record).toMatchObject({ status: '已出具意见', completedDate: today, refNo: '北科审〔2026〕9号' });
      const [y, m, d] = today.split('-');
      expect(await page.getByTestId('wb-issue').textContent()).toBe(`已出具 ${y}年${Number(m)}月${Number(d)}日（北科审〔2026〕9号）`);
      expect(await page.getByTestId('wb-issue-offer').count()).toBe(0);

      // a day before receipt is refused in the dialog, saying why; a right one corrects the day
      await page.getByTestId('wb-issue').click();
      expect(await page.locator('.ant-modal-title').last().textContent()).toBe('更正出具记录');
      await date.fill('2026-11-19');
      await date.press('Enter');
      await expect.poll(() => page.getByTestId('issue-error').textContent()).toContain('早于收件日期（2026-11-20）');
      await date.fill('2026-11-25');
      await date.press('Enter');
      await expect.poll(record).toMatchObject({ status: '已出具意见', completedDate: '2026-11-25' });

      // undone: open again, no 出具日期
      await page.getByTestId('wb-issue').click();
      await page.getByTestId('issue-withdraw').click();
      await expect.poll(async () => (await record()).status).toBe('审查中');
      expect((await record()).completedDate).toBeUndefined();
      await expect.poll(() => page.getByTestId('wb-issue').textContent()).toBe('记为已出具');
      // and the review's page offers the same
      await go(page, `#/review/${id}`);
      await expect.poll(() => page.getByTestId('review-issue').textContent()).toBe('记为已出具');
    }), 300_000);

  it('新建审查 of a 送审件 already received that day asks first, naming it, and goes on only when told', () =>
    withSession(async ({ page, face }) => {
      const today = dateInZone(new Date(), 'Asia/Shanghai'); // the new form's 收件日期
      const title = '北川羌族自治县科技特派员管理办法（送审稿）';
      const first = ((await face.service.call('reviews:create', { input: { type: '规范性文件', title, leadUnit: '农村科技股', receivedDate: today } })) as { record: { id: string } }).record.id;
      await go(page, '#/review/new');
      await page.getByTestId('field-title').fill(` ${title}`);
      await page.getByTestId('field-leadUnit').fill('农村科技股');
      await page.keyboard.press('Control+s');
      const ask = page.getByTestId('review-duplicate');
      await ask.waitFor();
      expect(await ask.textContent()).toContain(`打开 ${first}：${title}，收件日期 ${today}，收件`);
      await page.screenshot({ path: join(SHOTS, 'review-duplicate.png') });
      expect(((await face.service.call('reviews:list', {})) as unknown[]).length).toBe(1); // nothing saved while asked
      await page.getByTestId('review-duplicate-anyway').click();
      await page.waitForURL((u) => /#\/review\/R\d{4}-\d{3}$/.test(u.hash) && !u.hash.endsWith(first));
      expect(((await face.service.call('reviews:list', {})) as unknown[]).length).toBe(2);
    }), 120_000);
});
