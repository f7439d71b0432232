// The register page at an office PC's 1000 px: a late 备案 and a missed due date read 逾期 (red), an
// open one 未备案 with its 期限, and a 文号 stays on one line (安市监发〔2026〕3 | 号 reads as two numbers).

import { describe, expect, it } from 'vitest';
import { go, haveChromium, useBrowser } from './browser-harness';
import { officeToday } from '../../renderer/src/office-clock';
import { addDays } from '../../electron/core/records/working-days';

describe.skipIf(!haveChromium)('规范性文件登记: 备案 column', () => {
  const withSession = useBrowser();

  it('says 逾期 for a late filing and a missed due date, and keeps each 文号 on one line', () =>
    withSession(
      async ({ page, face }) => {
        await page.setViewportSize({ width: 1000, height: 760 });
        const today = officeToday();
        const at = (days: number) => addDays(today, days);
        await face.service.call('office:set', { unit: '安化县市场监督管理局' });
        // Due 30 days after publication: filed 18 days late; never filed and past due; still open.
        await face.service.call('register:save', { entry: { docNumber: '安市监发〔2026〕2号', title: '轻微违法行为不予处罚清单', draftingUnit: '法规股', published: at(-200), filedDate: at(-152) } });
        await face.service.call('register:save', { entry: { docNumber: '安市监发〔2026〕3号', title: '个体工商户分型分类培育办法', draftingUnit: '登记注册股', published: at(-80) } });
        await face.service.call('register:save', { entry: { docNumber: '安市监发〔2026〕4号', title: '区域公用品牌使用管理规定', draftingUnit: '知识产权股', published: at(-5) } });
        await go(page, '#/register');
        const row = (title: string) => page.getByRole('row').filter({ hasText: title });
        await row('区域公用品牌').waitFor();
        await expect.poll(() => row('轻微违法').getByTestId('register-filing').innerText()).toBe(`已备案 ${at(-152)}\n逾期备案\n期限 ${at(-170)}`);
        expect(await row('分型分类').getByTestId('register-filing').innerText()).toBe(`逾期未备案\n期限 ${at(-50)}`);
        expect(await row('区域公用品牌').getByTestId('register-filing').innerText()).toBe(`未备案\n期限 ${at(25)}`);
        // Red for late, amber for open: the two are told apart without reading.
        const color = (title: string) => row(title).getByTestId('register-filing').evaluate((n) => getComputedStyle(n.closest('.ant-typography') ?? n.querySelector('.ant-typography')!).color);
        expect(await color('分型分类')).not.toBe(await color('区域公用品牌'));
        // Every line of the cell is whole: a date is never cut at its hyphen.
        for (const title of ['轻微违法', '分型分类', '区域公用品牌']) {
          const lines = await row(title).getByTestId('register-filing').evaluate((n) => {
            const r = document.createRange();
            r.selectNodeContents(n);
            return new Set([...r.getClientRects()].map((b) => Math.round(b.top))).size;
          });
          expect(lines, title).toBe((await row(title).getByTestId('register-filing').innerText()).split('\n').length);
        }
        for (const no of ['安市监发〔2026〕2号', '安市监发〔2026〕3号', '安市监发〔2026〕4号']) {
          const box = await page.getByText(no, { exact: true }).evaluate((n) => ({ h: n.getBoundingClientRect().height, line: parseFloat(getComputedStyle(n).lineHeight) }));
          expect(box.h, no).toBeLessThan(box.line * 1.5);
        }
      },
    ));
});
