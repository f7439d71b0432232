// The register page at an office PC's 1000 px: a late 备案 and a missed due date read 逾期 (red), an
// open one 未备案 with its 期限, and a 文号 stays on one line (安市监发〔2026〕3 | 号 reads as two numbers).
// A document registered with its file is read from its row (阅读); it was reached only through the
// edit dialog's file name.

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

  it('阅读 beside a title registered with its file opens the document; the title still opens the entry', () =>
    withSession(async ({ page, face }) => {
      const text = ['# 青岩县科学技术局关于促进职务科技成果转化的实施办法', '', '第一条 为了促进职务科技成果转化，根据《中华人民共和国促进科技成果转化法》，制定本办法。', '', '第二条 本办法自2026年3月1日起施行。', ''].join('\n');
      await face.service.call('register:save', {
        entry: { docNumber: '青科发〔2026〕2号', title: '青岩县科学技术局关于促进职务科技成果转化的实施办法', draftingUnit: '成果转化科', published: '2026-02-10' },
        file: { name: '青岩县科学技术局关于促进职务科技成果转化的实施办法.md', dataBase64: Buffer.from(text).toString('base64') },
      });
      await face.service.call('register:save', { entry: { docNumber: '青科发〔2026〕3号', title: '青岩县科技特派员管理办法', draftingUnit: '农村科技科', published: '2026-03-10' } });
      await go(page, '#/register');
      const row = (title: string) => page.locator('tr', { hasText: title });
      await row('职务科技成果').waitFor();
      // none without a file
      expect(await row('科技特派员').getByTestId('register-read').count()).toBe(0);
      await row('职务科技成果').getByTestId('register-read').click();
      await page.getByTestId('reader-title').filter({ hasText: '青岩县科学技术局关于促进职务科技成果转化的实施办法' }).waitFor();
      await page.locator('#article-1').filter({ hasText: '促进科技成果转化法' }).waitFor();
      await page.goBack();
      await row('职务科技成果').getByText('青岩县科学技术局关于促进职务科技成果转化的实施办法', { exact: true }).click();
      await page.getByText('修改登记').waitFor();
    }));
  it('合法性审查编号 is picked from the office’s 规范性文件 reviews by part of their title, with the keyboard', () =>
    withSession(async ({ page, face }) => {
      await face.service.call('office:set', { unit: '蕉岭县科学技术局', region: '广东省梅州市蕉岭县' });
      const made = (await face.service.call('reviews:create', { input: { type: '规范性文件', title: '蕉岭县科技创新券管理办法（送审稿）', leadUnit: '科技创新股', receivedDate: '2026-11-20' } })) as { record: { id: string } };
      // a contract is no 规范性文件: not offered
      await face.service.call('reviews:create', { input: { type: '合同', title: '科技馆展品采购合同', leadUnit: '办公室', receivedDate: '2026-04-02' } });
      await go(page, '#/register');
      await page.getByRole('button', { name: '登记规范性文件' }).first().click();
      await page.getByTestId('register-title').fill('蕉岭县科技创新券管理暂行办法');
      await page.getByLabel('制定科室').fill('科技创新股');
      await page.getByLabel('公布日期').fill('2026-12-01');
      await page.keyboard.press('Enter');
      await page.getByLabel('合法性审查编号').click();
      await page.keyboard.type('创新券');
      const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
      await expect.poll(() => options.allInnerTexts()).toEqual([`${made.record.id} 蕉岭县科技创新券管理办法（送审稿）`]);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      expect(await page.getByLabel('合法性审查编号').inputValue()).toBe(made.record.id);
      await page.getByRole('button', { name: /保\s*存/ }).click();
      await page.getByTestId('register-form').waitFor({ state: 'detached' });
      const entries = (await face.service.call('register:list', {})) as { reviewId?: string }[];
      expect(entries.map((e) => e.reviewId)).toEqual([made.record.id]);
    }));
});
