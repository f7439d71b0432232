// Screenshots of the screens issue 18 changed for packs and bundles, at 1440×900 and 1024×700:
// 设置 → 资料包 with laws picked by facet, and a pack with its text editor open.
// Run: npx tsx test/browser/take-screenshots-packs.ts
import { join } from 'node:path';
import { SCREENSHOTS, atEachSize } from './screenshot-run';

await atEachSize(async ({ s, page, viewport }) => {
  const { face } = s;
  await face.service.call('office:set', { unit: '高青县科学技术局', region: '山东·淄博·高青县' });
  const pack = await face.service.call('packs:create', { title: '关于高青县科技创新券管理暂行办法（送审稿）的合法性审查参考资料', template: '合法性审查参考资料' });
  const base = page.url().replace(/#.*$/, '');
  await page.goto(base + '#/settings');
  await page.getByTestId('bundle-card').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.getByText('按条件选择法规').click();
  await page.getByTestId('bundle-law-filter').getByRole('checkbox', { name: /^法律 \d+$/ }).check();
  await page.getByTestId('bundle-law-count').filter({ hasText: '已选' }).waitFor();
  await page.screenshot({ path: join(SCREENSHOTS, `settings-bundles-facets-${viewport.width}.png`) });

  await page.goto(base + `#/packs?id=${pack.id}`);
  await page.getByTestId('pack-item').first().waitFor();
  await page.getByRole('button', { name: /^编\s*辑$/ }).first().click();
  await page.getByPlaceholder('正文，每行一段').waitFor();
  await page.screenshot({ path: join(SCREENSHOTS, `briefing-pack-editor-${viewport.width}.png`) });
});
