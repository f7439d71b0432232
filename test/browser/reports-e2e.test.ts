// The office's yearly documents in real Chromium: generate the 2020 report from the seeded records
// and open the downloaded DOCX; register a 规范性文件 and see its reminder on the register page and
// on the start page; export the 登记表 and open the downloaded DOCX and PDF.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { RecordsService } from '../../electron/core/records/records-service';
import { importPaths } from '../../electron/core/library/library-import';
import { LAWS, seed } from '../node/records/records-test-support';
import { hasCommand } from '../node/page-pictures';
import { ROOT, go, haveChromium, useBrowser } from './browser-harness';

describe.skipIf(!haveChromium)('年度报告 and 规范性文件 in the browser', () => {
  const withSession = useBrowser();

  it('drafts the 2020 report from the records, shows where each figure comes from, and exports it', () =>
    withSession(async ({ page, face }) => {
      // The example records cite laws the app fixtures lack: bring in the records' fixture laws first.
      await importPaths(face.service.store, [LAWS]);
      await (await RecordsService.open(face.service.store, { actor: '测试员' })).importBundle(seed());
      await go(page, '#/settings');
      await page.getByTestId('office-card').getByLabel('单位名称').fill('高青县科学技术局');
      await page.getByTestId('office-card').getByLabel('法律顾问', { exact: true }).fill('李明');
      await page.getByTestId('office-card').getByLabel('法律顾问单位').fill('山东青苑律师事务所');
      await page.getByTestId('office-save').click();
      await page.getByText('单位信息已保存').waitFor();
      await go(page, '#/reports?year=2020');
      const draft = page.getByTestId('report-draft');
      await draft.getByText('高青县科学技术局2020年度法治政府建设工作报告').waitFor();
      await draft.getByText(/学习了《宪法》、/).waitFor();
      // The four parts records cannot know, 一's （六）, the 规范性文件 part (nothing registered for 2020
      // here), and the prompts from the records under 二 and 四 — marked as prompts, not as facts.
      expect(await page.getByTestId('report-placeholder').count()).toBe(8);
      await page.getByTestId('report-placeholder').filter({ hasText: '普法计划有1项任务未完成' }).waitFor();
      await page.getByTestId('report-placeholder').filter({ hasText: '记录中还没有2021年度普法工作计划' }).waitFor();
      // A figure's sources show on hover.
      await draft.getByTestId('report-figure').filter({ hasText: '收到合法性审查送审件数：5' }).hover();
      await page.getByRole('tooltip').getByText(/R2020-001/).waitFor();
      // The 成文日期 of the 落款 is the day chosen, not the day it is exported.
      await page.getByLabel('成文日期（落款）').fill('2021-01-20');
      await page.getByLabel('成文日期（落款）').press('Enter');
      const download = page.waitForEvent('download', { timeout: 0 });
      await page.getByTestId('export-annual-docx').click();
      const file = await download;
      expect(file.suggestedFilename()).toBe('高青县科学技术局2020年度法治政府建设工作报告.docx'); // as the document is titled
      const { value } = await mammoth.extractRawText({ buffer: readFileSync((await file.path())!) });
      expect(value).toContain('聘请山东青苑律师事务所李明为法律顾问');
      expect(value).toContain('附件：数据来源');
      expect(value).toContain('2021年1月20日');
    }));

  it('opens on the report in hand: last year’s through March, this year’s from 1 April and in December (the office’s day)', () =>
    withSession(async ({ page }) => {
      const yearShown = async (at: string) => {
        await page.clock.setFixedTime(new Date(at));
        await go(page, '#/settings');
        await go(page, '#/reports');
        const draft = page.getByTestId('report-draft');
        await draft.waitFor();
        return { select: await page.getByTestId('reports-year').innerText(), title: await draft.locator('.ant-card-head-title').innerText() };
      };
      await page.clock.setFixedTime(new Date('2026-12-07T02:00:00Z'));
      await page.reload();
      // December: the year now ending is being drafted.
      expect(await yearShown('2026-12-07T02:00:00Z')).toMatchObject({ select: '2026 年', title: expect.stringContaining('2026年度') });
      // 31 March 23:30 in Shanghai (15:30 UTC): still the first quarter, last year's report.
      expect((await yearShown('2027-03-31T15:30:00Z')).title).toContain('2026年度');
      // 1 April 00:30 in Shanghai, still 31 March in UTC: the office's day decides.
      expect((await yearShown('2027-03-31T16:30:00Z')).title).toContain('2027年度');
      // A year asked for in the address wins.
      await go(page, '#/reports?year=2024');
      await page.getByTestId('report-draft').getByText('2024年度').first().waitFor();
    }));

  it('a report without a unit or an adviser says where in the app to fill them in, with no command-line flag', () =>
    withSession(async ({ page }) => {
      await go(page, '#/reports?year=2023');
      const draft = page.getByTestId('report-draft');
      await draft.getByText(/2023年度没有任何记录/).waitFor();
      const gaps = draft.getByTestId('report-gap');
      expect(await gaps.allInnerTexts()).toEqual([
        '没有单位名称：请在“设置 → 单位信息”中填写“单位名称”。到设置中填写',
        '没有法律顾问：请在“设置 → 单位信息”中填写“法律顾问”，或在审查记录的审查意见中写明法律顾问及其身份。到设置中填写',
      ]);
      expect(await draft.innerText()).not.toMatch(/lawdesk|--|命令行/);
      // one notice of what is missing: no second, page-level warning saying the same of the office profile
      expect(await page.locator('.page .ant-alert').count()).toBe(await draft.locator('.ant-alert').count());
      expect(await page.locator('.page').innerText()).not.toContain('尚未填写单位信息');
      await gaps.first().getByRole('link', { name: '到设置中填写' }).click();
      await page.getByTestId('office-card').getByLabel('单位名称').waitFor();
    }));

  it('导出登记表 by keyboard: one year’s documents as a DOCX with their rows and the 成文日期 chosen, then all of them as a PDF', () =>
    withSession(async ({ page, face }) => {
      await face.service.call('office:set', { unit: '高青县科学技术局' });
      await face.service.call('register:save', { entry: { title: '高青县科技创新券管理暂行办法', draftingUnit: '高新技术科', published: '2020-05-08', docNumber: '高科发〔2020〕3号', filedDate: '2020-05-28', filedWith: '高青县司法局' } });
      await face.service.call('register:save', { entry: { title: '高青县科技计划项目管理办法', draftingUnit: '规划发展科', published: '2019-09-10' } });
      await go(page, '#/register');
      await page.getByRole('cell', { name: '高科发〔2020〕3号' }).waitFor();
      await page.getByTestId('register-export').focus();
      await page.keyboard.press('Enter');
      const form = page.getByTestId('register-export-form');
      // The year filter has the focus: choose 2020 by keyboard.
      await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-testid=register-export-year]') !== null)).toBe(true);
      await page.keyboard.press('ArrowDown');
      await page.locator('.ant-select-item-option', { hasText: '2020 年度' }).waitFor();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await expect.poll(() => form.getByTestId('register-export-year').innerText()).toContain('2020 年度');
      await form.getByLabel('成文日期').fill('2021-01-15');
      await form.getByLabel('成文日期').press('Enter');
      const ok = page.locator('.ant-modal-footer .ant-btn-primary');
      let [file] = await Promise.all([page.waitForEvent('download', { timeout: 0 }), ok.click()]);
      expect(file.suggestedFilename()).toBe('高青县科学技术局2020年度规范性文件登记表.docx');
      const { value } = await mammoth.extractRawText({ buffer: readFileSync((await file.path())!) });
      expect(value).toContain('高青县科学技术局2020年度规范性文件登记表');
      expect(value).toContain('《高青县科技创新券管理暂行办法》');
      expect(value).toContain('高科发〔2020〕3号');
      expect(value).toMatch(/2020年5月28日已备案\s*（高青县司法局）/); // one line each in the cell
      expect(value).not.toContain('高青县科技计划项目管理办法');
      expect(value).toContain('2021年1月15日');
      await form.waitFor({ state: 'detached' });
      // All years, as a PDF.
      await page.getByTestId('register-export').click();
      await form.getByText('PDF').click();
      [file] = await Promise.all([page.waitForEvent('download', { timeout: 0 }), ok.click()]);
      expect(file.suggestedFilename()).toBe('高青县科学技术局规范性文件登记表.pdf');
      const pdf = (await file.path())!;
      expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      if (hasCommand('pdftotext')) {
        // -raw keeps each table cell's lines together (-layout interleaves the columns' wrapped lines).
        const text = spawnSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
        expect(text).toContain('规范性文件共登记2件');
        expect(text).toContain('《高青县科技创新券管理暂行办法》');
        expect(text).toContain('《高青县科技计划项目管理办法》');
        expect(text).toContain('（未登记文号）');
      }
    }));

  it('registers a 规范性文件 and reminds of its overdue 备案 on the register and the start page', () =>
    withSession(async ({ page }) => {
      await go(page, '#/register');
      await page.getByTestId('register-add').click();
      const form = page.getByTestId('register-form');
      await form.getByLabel('标题').fill('高青县科技创新券管理暂行办法');
      await form.getByLabel('文号').fill('高科发〔2020〕3号');
      await form.getByLabel('制定科室').fill('高新技术科');
      await form.getByLabel('公布日期').fill('2020-05-08');
      await form.getByLabel('公布日期').press('Enter');
      // An impossible date is refused with the field named, and nothing is saved.
      await form.getByLabel('施行日期').fill('2020-04-01');
      await form.getByLabel('施行日期').press('Enter');
      await page.locator('.ant-modal-footer .ant-btn-primary').click();
      await page.getByTestId('register-error').getByText(/施行日期 2020-04-01 早于公布日期 2020-05-08/).waitFor();
      await form.getByLabel('施行日期').fill('2020-06-01');
      await form.getByLabel('施行日期').press('Enter');
      await form.locator('input[type=file]').setInputFiles(join(ROOT, 'test/fixtures/register/高青县科技创新券管理暂行办法.md'));
      await form.getByText('高青县科技创新券管理暂行办法.md').waitFor();
      await page.locator('.ant-modal-footer .ant-btn-primary').click();
      await page.getByRole('cell', { name: '高科发〔2020〕3号' }).waitFor();
      await page.getByRole('row', { name: /高青县科技创新券管理暂行办法/ }).getByText('已失效').waitFor(); // 暂行: 2 years, ended 2022-05-31
      await page.getByTestId('register-due').getByText(/应于2020-06-07前报送备案/).waitFor();
      // The document itself went into the library: its form links to the reader.
      await page.locator('td a', { hasText: '高青县科技创新券管理暂行办法' }).click();
      await page.getByTestId('register-form').getByRole('link', { name: '高青县科技创新券管理暂行办法.md' }).click();
      // the address first, then the article in the reader (under load the article was once found while the address still read #/register)
      await page.waitForURL(/#\/read\//);
      await page.getByText('第十三条').first().waitFor();
      expect(page.url()).toContain('#/read/');
      await go(page, '#/library');
      await page.getByTestId('office-reminders').getByText(/【备案逾期】《高青县科技创新券管理暂行办法》/).waitFor();
      await page.getByTestId('office-reminders').getByText('去处理').first().click();
      await page.getByTestId('register-due').waitFor();
    }));

  it('登记 by keyboard: the title has the focus, 保存 with fields missing says so beside them (no page error), Esc closes', () =>
    withSession(async ({ page }) => {
      await go(page, '#/register');
      await page.getByTestId('register-add').click();
      const form = page.getByTestId('register-form');
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('register-title');
      await page.keyboard.type('高青县科技项目资金管理办法');
      expect(await form.getByLabel('标题').inputValue()).toBe('高青县科技项目资金管理办法');
      await page.locator('.ant-modal-footer .ant-btn-primary').click();
      await form.getByText('请填写制定科室').waitFor();
      await form.getByText('请选择公布日期').waitFor();
      await page.keyboard.press('Escape');
      await form.waitFor({ state: 'detached' });
      // the harness fails the test on any page error (an unhandled rejection of the form's check was one)
    }));

  it('登记 saved from the keyboard: Ctrl+Enter in any field checks and saves, as the 保存 button says', () =>
    withSession(async ({ page, face }) => {
      await go(page, '#/register');
      await page.getByTestId('register-add').click();
      const form = page.getByTestId('register-form');
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('register-title');
      expect(await page.locator('.ant-modal-footer .ant-btn-primary').textContent()).toBe('保存（Ctrl+Enter）');
      await page.keyboard.type('高青县科技项目资金管理办法');
      await page.keyboard.press('Control+Enter');
      await form.getByText('请填写制定科室').waitFor();
      await form.getByLabel('制定科室').focus();
      await page.keyboard.type('高新技术科');
      await form.getByLabel('公布日期').focus();
      await page.keyboard.type('2026-03-01');
      await page.keyboard.press('Enter');
      await expect.poll(() => form.getByLabel('公布日期').inputValue()).toBe('2026-03-01');
      await page.keyboard.press('Control+Enter');
      await form.waitFor({ state: 'detached' });
      await page.getByRole('row').filter({ hasText: '高青县科技项目资金管理办法' }).waitFor();
      // the focus is back on the button that opened the dialog, not lost to the page
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('register-add');
      const saved = await face.service.call('register:list', {});
      expect(saved.map((e) => [e.title, e.draftingUnit, e.published])).toEqual([['高青县科技项目资金管理办法', '高新技术科', '2026-03-01']]);
    }));
});
