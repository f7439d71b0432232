// 设置 → 单位信息 in real Chromium: the stored profile arriving after the user has started typing
// (answers are drawn as transitions, so on a busy machine it can) fills only the fields they have
// not typed in, and 保存 waits for it, so neither their input nor the stored fields are wiped.
// The answer of office:get is held by the test until the typing is done: no timing is assumed.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readOffice } from '../../electron/core/office/office-file';
import { go, haveChromium, useBrowser } from './browser-harness';

describe.skipIf(!haveChromium)('单位信息 in 设置', () => {
  const withSession = useBrowser();

  it('keeps what was typed before the stored profile arrived, and saves it with the stored fields', () =>
    withSession(async ({ page, face }) => {
      await face.service.call('office:set', { unit: '', region: '山东·淄博·高青县', adviser: { name: '王律师', org: '山东青苑律师事务所' } });
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      await page.route('**/api/office:get', async (route) => {
        const response = await route.fetch();
        await held;
        await route.fulfill({ response });
      });
      await go(page, '#/settings');
      const card = page.getByTestId('office-card');
      await card.getByLabel('单位名称').fill('高青县科学技术局');
      // Not known yet: saving now would write blanks over the stored region and adviser.
      expect(await page.getByTestId('office-save').isDisabled()).toBe(true);
      release();
      await expect.poll(() => card.getByLabel('所在地区').inputValue()).toBe('山东·淄博·高青县');
      expect(await card.getByLabel('单位名称').inputValue()).toBe('高青县科学技术局');
      expect(await card.getByLabel('法律顾问', { exact: true }).inputValue()).toBe('王律师');
      await page.unroute('**/api/office:get');
      // a 代字 holding the number itself is refused by the service, named on the card, and not stored
      await page.getByTestId('office-review-prefix').fill('高科审〔2026〕');
      await page.getByTestId('office-save').click();
      await card.getByText('只填机关代字').first().waitFor();
      expect(readOffice(face.service.store.dir).profile.reviewPrefix).toBeUndefined();
      await page.getByTestId('office-review-prefix').fill('高科审');
      await page.getByTestId('office-save').click();
      await page.getByText('单位信息已保存').waitFor();
      expect(readOffice(face.service.store.dir).profile).toMatchObject({ unit: '高青县科学技术局', region: '山东·淄博·高青县', adviser: { name: '王律师', org: '山东青苑律师事务所' }, reviewPrefix: '高科审' });
      expect(readOffice(face.service.store.dir).profile.imprint).toBeUndefined();
      // the yearly report's 版记: 印发机关 and the 抄送机关 one a line; emptied, the 版记 is gone
      await page.getByTestId('office-printed-by').fill('高青县科学技术局办公室');
      await page.getByTestId('office-copy-to').fill('县委依法治县办\n县司法局。');
      await page.getByTestId('office-save').click();
      await expect.poll(() => readOffice(face.service.store.dir).profile.imprint).toEqual({ printedBy: '高青县科学技术局办公室', copyTo: ['县委依法治县办', '县司法局'] });
      await page.getByTestId('office-printed-by').fill('');
      await page.getByTestId('office-copy-to').fill('');
      await page.getByTestId('office-save').click();
      await expect.poll(() => readOffice(face.service.store.dir).profile.imprint).toBeUndefined();
    }));

  it('a damaged office.json is named on the card, and 保存 is not offered over it', () =>
    withSession(async ({ page, face }) => {
      const file = join(face.service.store.dir, 'office.json');
      const text = '{"unit": 42, "region": "山东"}';
      writeFileSync(file, text);
      await go(page, '#/settings');
      const warning = page.getByTestId('office-warning');
      await warning.waitFor();
      expect(await warning.textContent()).toContain(file);
      expect(await page.getByTestId('office-save').isDisabled()).toBe(true);
      expect(readFileSync(file, 'utf8')).toBe(text);
    }));

  it('an autonomous county’s names are read whole in their fields, none cut off (session 29: 四川·绵阳·北川羌族自治县)', () =>
    withSession(async ({ page, face }) => {
      // Real names of the longer kind: a county of an 自治州 in an 自治区, its bureau and its office.
      const unit = '察布查尔锡伯自治县科学技术局';
      await face.service.call('office:set', { unit, region: '新疆维吾尔自治区·伊犁哈萨克自治州·察布查尔锡伯自治县', adviser: { name: '阿依古丽', org: '新疆伊犁河谷律师事务所' }, imprint: { printedBy: `${unit}办公室`, copyTo: ['察布查尔锡伯自治县人民政府办公室'] }, timeZone: 'Asia/Urumqi' });
      await go(page, '#/settings');
      const card = page.getByTestId('office-card');
      await expect.poll(() => card.locator('#region').inputValue(), { timeout: 30_000 }).toContain('察布查尔');
      for (const field of ['#unit', '#region', '#adviserOrg', '#printedBy', '#copyTo'].map((id) => card.locator(id))) {
        const { value, cut } = await field.evaluate((el: HTMLInputElement | HTMLTextAreaElement) => ({ value: el.value, cut: el.scrollWidth > el.clientWidth }));
        expect({ value, cut }).toEqual({ value, cut: false });
      }
      // the time zone's label too (it showed 北京时间（Asia/Shangha… at 220 px)
      const zone = card.getByTestId('office-timezone').locator('.ant-select-content');
      const shown = await zone.evaluate((el: HTMLElement) => ({ text: el.textContent, cut: el.scrollWidth > el.clientWidth }));
      expect(shown).toEqual({ text: '乌鲁木齐时间（Asia/Urumqi）', cut: false });
    }));
});
