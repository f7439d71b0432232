// The 导出登记表 dialog on the 规范性文件 page and the 年度报告 export card with its 成文日期:
// npx tsx test/browser/take-screenshots-register.ts → resources/screenshots/register-export-*.png,
// reports-export-*.png.

import { atEachSize } from './screenshot-run';

await atEachSize(async ({ s, page, base, shot }) => {
  await s.face.service.call('office:set', { unit: '高青县科学技术局' });
  await s.face.service.call('register:save', { entry: { title: '高青县科技创新券管理暂行办法', draftingUnit: '高新技术科', published: '2020-05-08', docNumber: '高科发〔2020〕3号', filedDate: '2020-05-28', filedWith: '高青县司法局' } });
  await s.face.service.call('register:save', { entry: { title: '高青县科技计划项目管理办法', draftingUnit: '规划发展科', published: '2019-09-10' } });
  await page.goto(base + '#/register');
  await page.getByRole('cell', { name: '高科发〔2020〕3号' }).waitFor();
  await page.getByTestId('register-export').click();
  await page.getByTestId('register-export-form').waitFor();
  await shot('register-export');
  await page.keyboard.press('Escape');
  await page.goto(base + '#/reports?year=2020');
  await page.getByTestId('reports-sign-date').waitFor();
  await shot('reports-export');
});
