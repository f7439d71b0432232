// Screenshots of 民法典 as one code in 搜索 and of 被引用 listing a whole-code citation while reading
// a part, at 1440×900 and 1024×700 (issue 18):
// npx tsx test/browser/take-screenshots-codes.ts → resources/screenshots/<screen>-<width>.png

import { join } from 'node:path';
import { importPaths } from '../../electron/core/library/library-import';
import { ROOT } from './browser-harness';
import { atEachSize } from './screenshot-run';

await atEachSize(async ({ s, page, base, shot }) => {
  await importPaths(s.face.service.store, [join(ROOT, 'test/fixtures/codes/民法典')]);
  await s.face.service.searchReady();
  await s.face.service.call('lectures:create', { input: { kind: '集体学法', date: '2021-06-01', topic: '民法典全文学习', headCount: 12, citations: [{ law: '民法典' }] } });

  await page.goto(base + '#/search?q=' + encodeURIComponent('民法典'));
  await page.getByTestId('search-hit').first().waitFor();
  await shot('search-code-one-law');

  await page.goto(base + '#/library');
  await page.getByTestId('law-title').filter({ hasText: '继承编' }).first().click();
  await page.getByTestId('reader-title').filter({ hasText: '继承编' }).waitFor();
  const first = page.locator('[id^="article-"]').first();
  await first.hover();
  await first.getByTestId('cited-by-button').click();
  await page.getByTestId('cited-by-covers').first().waitFor();
  await shot('cited-by-whole-code');
});
