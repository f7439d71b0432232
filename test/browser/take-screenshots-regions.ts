// Screenshot of the 法规库's 地区 filter (a tree since session 27) once county documents carry their county (session 15): the
// office's own 办法, other counties' and districts' documents, a 自治县's 条例 and the starter laws.
//   npx tsx test/browser/take-screenshots-regions.ts  → resources/screenshots/library-regions-*.png

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './browser-harness';
import { atEachSize } from './screenshot-run';

const VOUCHER = readFileSync(join(ROOT, 'test/fixtures/register/高青县科技创新券管理暂行办法.md'), 'utf8');
const PENGSHUI = join(ROOT, 'test/fixtures/regions/彭水苗族土家族自治县旅游条例(2019-04-19).md');
/** The 高青县 办法 under other places' names: what an office collects from its neighbours. */
const PLACES = ['高青县', '桓台县', '淄博市张店区', '北京市海淀区', '沂水县'];

await atEachSize(async ({ s, page, base, shot }) => {
  await s.face.service.call('office:set', { region: '山东·淄博·高青县' });
  const dir = join(s.tmp, 'regions');
  mkdirSync(dir, { recursive: true });
  const files = PLACES.map((place) => {
    const file = join(dir, `${place}科技创新券管理暂行办法.md`);
    writeFileSync(file, VOUCHER.replace(/高青县/g, place));
    return file;
  });
  const preview = await s.face.service.previewPaths([...files, PENGSHUI]);
  await s.face.service.call('import:commit', { stagingId: preview.stagingId });
  await page.goto(base + '#/library');
  await page.getByTestId('facet-region').waitFor();
  await page.getByTestId('law-title').first().waitFor();
  await shot('library-regions');
  await page.getByTestId('facet-region').locator('li[data-region="山东·淄博·高青县"] input[type=checkbox]').click();
  await page.getByTestId('library-total').getByText('共 1 部').waitFor();
  await shot('library-regions-county');
});
