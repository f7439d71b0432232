// The adviser's daily pages at the office's laptop screen (1366×768): no input's placeholder is cut
// off, the 规范性文件 register's empty list says what it is for and offers 登记, and 年度统计 says what
// its on-time rate was counted from instead of “按期 0，逾期 0” beside a blank rate; 年度普法计划 opened on
// a year without a plan points to the years that have one, and 年度统计 / 年度报告 on a year without records to the years with some.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { go, haveChromium, useBrowser } from './browser-harness';

/** Placeholders of visible, empty inputs whose text is wider than the input's content box. */
async function cutPlaceholders(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const ctx = document.createElement('canvas').getContext('2d')!;
    const cut: string[] = [];
    for (const el of document.querySelectorAll<HTMLInputElement>('input[placeholder]')) {
      if (el.value || !el.placeholder || el.getClientRects().length === 0) continue;
      const st = getComputedStyle(el);
      if (st.visibility === 'hidden') continue;
      const room = el.clientWidth - parseFloat(st.paddingLeft) - parseFloat(st.paddingRight);
      if (room <= 0) continue; // collapsed (a closed drawer's field)
      ctx.font = `${st.fontStyle} ${st.fontWeight} ${st.fontSize} ${st.fontFamily}`;
      const need = ctx.measureText(el.placeholder).width;
      if (need > room + 1) cut.push(`${el.placeholder}（需 ${Math.ceil(need)}px，只有 ${Math.floor(room)}px）`);
    }
    return cut;
  });
}

describe.skipIf(!haveChromium)('Daily pages at 1366×768', () => {
  const withSession = useBrowser();

  it('no placeholder is cut off on the pages the adviser uses every day', () =>
    withSession(async ({ page }) => {
      await page.setViewportSize({ width: 1366, height: 768 });
      // Each page with a placeholder it must show whole, waited for before measuring.
      const pages: [string, string][] = [
        ['#/library', '按标题筛选'],
        ['#/search', '某日有效的版本'],
        ['#/reviews', '标题、文号、单位、标签'],
        ['#/lectures', '主题、主讲人、对象'],
        ['#/import', '文件夹路径'],
      ];
      const cut: string[] = [];
      for (const [hash, placeholder] of pages) {
        await go(page, hash);
        await page.locator(`input[placeholder^="${placeholder}"]`).first().waitFor();
        cut.push(...(await cutPlaceholders(page)).map((c) => `${hash}：${c}`));
      }
      expect(cut).toEqual([]);
    }));

  it('规范性文件: the empty register says what it is for and offers 登记', () =>
    withSession(async ({ page }) => {
      await page.setViewportSize({ width: 1366, height: 768 });
      await go(page, '#/register');
      const empty = page.locator('.ant-table-placeholder');
      await empty.filter({ hasText: '还没有登记规范性文件' }).waitFor();
      expect(await empty.innerText()).toContain('备案期限');
      await empty.getByRole('button', { name: '登记规范性文件' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      // The form opens ready to type the title.
      await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toMatch(/title/);
    }));

  it('年度统计: a blank on-time rate says which reviews it left out', () =>
    withSession(async ({ page, face }) => {
      await page.setViewportSize({ width: 1366, height: 768 });
      const issued = { status: '已出具意见', conclusion: '合法', opinion: { text: '经审查，合法。' } };
      await face.service.call('reviews:create', { input: { type: '其他', title: '未定期限的审查', leadUnit: '办公室', receivedDate: '2025-03-02', completedDate: '2025-03-06', ...issued } });
      await go(page, '#/stats?year=2025');
      const note = page.getByTestId('stats-on-time');
      await note.waitFor();
      expect(await note.innerText()).toBe('已出具意见 1 件，均未设单位确定的审查期限，不计算按期率');

      await face.service.call('reviews:create', { input: { type: '其他', title: '定了期限的审查', leadUnit: '办公室', receivedDate: '2025-04-01', unitDeadline: '2025-04-10', completedDate: '2025-04-09', ...issued } });
      await page.reload();
      await expect.poll(() => note.innerText()).toBe('已出具意见 2 件：有审查期限的 1 件中按期 1 件、逾期 0 件；未设审查期限 1 件，不计入按期率');
    }));

  it('年度普法计划: a year without a plan leads to the year that has one, and offers 新建', () =>
    withSession(async ({ page, face }) => {
      await page.setViewportSize({ width: 1366, height: 768 });
      await face.service.call('plans:create', { input: { year: 2020, title: '2020年度普法工作计划', unit: '高青县科学技术局', items: [{ topic: '学习统计法', plannedMonth: 5 }] } });
      await go(page, '#/lectures?tab=plans');
      // The tab opens on this year, which has no plan.
      const empty = page.locator('.ant-empty').filter({ hasText: '年还没有普法计划' });
      await empty.waitFor();
      await empty.getByRole('button', { name: /新建 \d{4} 年普法计划/ }).waitFor();
      // The years with a plan come with the list of all plans, a moment after this year's.
      await empty.getByRole('button', { name: '查看 2020 年的计划' }).waitFor();
      expect(await empty.innerText()).toContain('2020 年有');
      await empty.getByRole('button', { name: '查看 2020 年的计划' }).click();
      await page.getByText('2020年度普法工作计划').waitFor();
      expect(await page.getByTestId('plans-year').innerText()).toContain('2020 年');
    }));

  it('年度统计 and 年度报告 on a year without records lead to the years that have some', () =>
    withSession(async ({ page, face }) => {
      await page.setViewportSize({ width: 1366, height: 768 });
      await face.service.call('lectures:create', { input: { kind: '集体学法', date: '2020-05-12', topic: '统计法专题学习', headCount: 12, citations: [] } });
      await go(page, '#/stats?year=2024');
      const hint = page.getByTestId('other-years');
      await hint.waitFor();
      expect(await hint.innerText()).toContain('2024 年还没有记录');
      await hint.getByTestId('other-year-2020').click();
      await expect.poll(() => page.getByTestId('stats-year').innerText()).toContain('2020 年');
      await page.getByTestId('stats').getByText('12').first().waitFor();
      expect(await hint.count()).toBe(0);

      await go(page, '#/reports?year=2024');
      await hint.waitFor();
      await hint.getByTestId('other-year-2020').click();
      await expect.poll(() => page.getByTestId('reports-year').innerText()).toContain('2020 年');
      await expect.poll(() => hint.count()).toBe(0);
    }));
});
