// Screenshots of every screen for the README, with the same Chromium setup as the e2e tests:
// npx tsx test/browser/take-screenshots.ts  → resources/screenshots/*.png (and build/icon.png).

import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, ROOT, ensureBuilt, launchChromium, openSession } from './browser-harness';
import { lawRowsFromWire } from '../../electron/shared/api-contract';

const out = join(ROOT, 'resources/screenshots');
mkdirSync(out, { recursive: true });
ensureBuilt();
const browser = await launchChromium();
const s = await openSession(browser, { viewport: { width: 1280, height: 800 } });
const { page } = s;
const base = s.face.origin + '/';
const shot = async (name: string) => {
  await page.waitForTimeout(400);
  // Toasts from an earlier step do not belong in the picture. Errors stay until closed (useNotify), so they
  // are closed as a user closes them; pulling their nodes out would leave antd's empty frame behind.
  await page.evaluate(() => document.querySelectorAll('.ant-message-notice-wrapper').forEach((n) => n.remove()));
  for (const close of await page.locator('.ant-notification-notice-close').all()) await close.click().catch(() => {});
  await page.waitForFunction(() => !document.querySelector('.ant-notification-notice'));
  const file = join(out, `${name}.png`);
  await page.screenshot({ path: file });
  console.log(`${file}  ${(statSync(file).size / 1024).toFixed(0)} KB`);
};

try {
  await page.getByTestId('library-total').filter({ hasText: '共' }).waitFor();
  await shot('library');

  await page.goto(base + '#/search');
  await page.getByTestId('search-input').locator('input').fill('行政许可 听证');
  await page.getByTestId('search-count').waitFor({ timeout: 15_000 }).catch(() => {});
  await page.keyboard.press('ArrowDown');
  await shot('search');

  await page.getByTestId('quick-open-button').click();
  await page.getByTestId('quick-open-input').fill('行政许可法12');
  await page.getByTestId('quick-open-item').first().waitFor();
  await shot('quick-open');
  await page.getByTestId('quick-open-input').press('Enter');

  await page.locator('#article-12.active').waitFor();
  await page.locator('#article-12').hover();
  await page.getByTestId('reader-find').fill('行政许可');
  await page.locator('#article-12').scrollIntoViewIfNeeded();
  await shot('reader');

  await page.goto(base + '#/import');
  await page.locator('.ant-upload-drag input[type=file]').first().setInputFiles([
    { name: '促进科技成果转化法(2015-08-29).md', mimeType: 'text/markdown', buffer: readFileSync(join(FIXTURES, 'import', '促进科技成果转化法(2015-08-29).md')) },
    { name: '空白.txt', mimeType: 'text/plain', buffer: Buffer.from('  \n') },
  ]);
  await page.getByTestId('import-preview-button').click();
  await page.getByTestId('import-preview').waitFor();
  await shot('import-preview');
  await page.getByTestId('import-commit-button').click();
  await page.getByTestId('import-report').waitFor();
  await shot('import-report');

  await page.goto(base + '#/settings');
  await page.getByTestId('settings-library-dir').waitFor();
  await shot('settings');

  // --- records, versions, packs (issues 6–9): seeded through the same API the UI calls ---
  const svc = s.face.service;
  const ago = (days: number) => new Date(Date.now() - days * 86400_000 + 8 * 3600_000).toISOString().slice(0, 10);
  await svc.call('reviews:create', {
    input: {
      type: '规范性文件',
      title: '高青县统计调查项目管理办法（送审稿）',
      refNo: '高科审〔2020〕3号',
      leadUnit: '办公室',
      receivedDate: '2020-04-13',
      completedDate: '2020-04-21',
      status: '已出具意见',
      conclusion: '修改后合法',
      findings: { content: { text: '第五条与统计法第七条的规定不一致，建议修改。', citations: [{ law: '统计法', article: '第七条' }] } },
      opinion: { text: '建议按审查意见修改后印发。', adviser: '李明', adviserRole: '法律顾问' },
      procedures: [{ check: '公众参与', applicable: true, done: true, date: '2020-03-02', endDate: '2020-04-01' }],
    },
  });
  const permit = await svc.call('reviews:create', {
    input: {
      type: '重大行政决策',
      title: '高青县科技创新券管理暂行办法',
      leadUnit: '高新技术科',
      receivedDate: ago(40),
      status: '审查中',
      findings: {
        authority: { text: '县科技局有权制定本办法。', citations: [] },
        content: { text: '创新券的申领条件不得设定行政许可，参照行政许可法第十二条、第十三条。', citations: [{ law: '行政许可法', article: '12' }, { law: '行政许可法', article: '13' }] },
      },
      procedures: [
        { check: '公众参与', applicable: true, done: true, date: ago(60), endDate: ago(45) },
        { check: '专家论证', applicable: true, done: false },
        { check: '集体讨论决定', applicable: true, done: false },
      ],
      tags: ['创新券'],
    },
  });
  await svc.call('reviews:update', { id: permit.record.id, patch: { title: '高青县科技创新券管理暂行办法（征求意见稿）', refNo: '高科审〔2026〕7号' } });
  await svc.call('reviews:create', { input: { type: '合同', title: '科技成果转化服务合同', leadUnit: '成果转化科', receivedDate: ago(3) } });
  const plan = await svc.call('plans:create', {
    input: { year: 2020, title: '高青县科学技术局2020年度普法工作计划', unit: '高青县科学技术局', items: [{ topic: '学习统计法', plannedMonth: 5, responsibleUnit: '办公室' }, { topic: '学习行政许可法', plannedMonth: 9, responsibleUnit: '法规科' }, { topic: '宪法日宣传', plannedMonth: 12 }] },
  });
  await svc.call('lectures:create', { input: { kind: '集体学法', date: '2020-05-20', topic: '统计法专题学习', headCount: 24, speaker: { name: '李明', org: '山东某律师事务所' }, planItemId: plan.record.items[0]!.id, citations: [{ law: '统计法', article: '7' }] } });
  await svc.call('lectures:create', { input: { kind: '法律进企业', date: '2020-09-10', topic: '行政许可法进企业', headCount: 60, materials: [{ name: '行政许可法宣传册', kind: '宣传册', copies: 200 }], planItemId: plan.record.items[1]!.id, citations: [{ law: '行政许可法', article: '12' }] } });
  const lawRows = await svc.call('laws:list', { q: '行政许可法' });
  const permitLaw = lawRowsFromWire(lawRows.rows)[0]!;
  const pack = await svc.call('packs:create', { title: '科技创新券办法合法性审查参考资料', template: '合法性审查参考资料', unit: '高青县科学技术局' });
  await svc.call('packs:addItems', {
    id: pack.id,
    items: [
      { type: 'article', law: permitLaw.lawId, version: permitLaw.versionId, article: '12', titleSnapshot: '《中华人民共和国行政许可法》（2019年修正）第十二条' },
      { type: 'article', law: permitLaw.lawId, version: permitLaw.versionId, article: '13', titleSnapshot: '《中华人民共和国行政许可法》（2019年修正）第十三条' },
      { type: 'review', recordId: permit.record.id },
    ],
  });
  await svc.call('backups:create', {});

  await page.goto(base + '#/reviews');
  await page.getByTestId('review-title').first().waitFor();
  await shot('reviews');

  await page.goto(base + `#/review/${permit.record.id}`);
  await page.getByTestId('review-heading').waitFor();
  await page.getByTestId('citations-content').getByTestId('citation-tag').first().waitFor();
  await shot('review-form');
  await page.getByTestId('procedures').scrollIntoViewIfNeeded();
  await page.getByTestId('field-content').scrollIntoViewIfNeeded();
  await page.getByTestId('detect-citations').nth(2).click();
  await page.getByTestId('detect-modal').getByTestId('detect-resolved').first().waitFor();
  await shot('review-detect');
  await page.keyboard.press('Escape');
  await page.getByRole('tab', { name: '修改记录' }).click();
  await page.getByTestId('history-entry').first().waitFor();
  await shot('review-history');

  await page.goto(base + '#/library');
  await page.getByTestId('law-title').filter({ hasText: '统计法' }).click();
  await page.getByTestId('reader-title').waitFor();
  await page.getByTestId('open-diff').click();
  await page.getByTestId('diff-summary').waitFor();
  await shot('version-diff');

  await page.goto(base + '#/library');
  await page.getByTestId('law-title').filter({ hasText: '统计法' }).click();
  await page.locator('#article-8').waitFor();
  await page.locator('#article-8').click();
  await page.locator('#article-8').getByTestId('cited-by-button').click();
  await page.getByTestId('cited-by-item').first().waitFor();
  await page.locator('#article-8').scrollIntoViewIfNeeded();
  await shot('reader-cited-by');
  await page.locator('#article-8').getByTestId('article-history-button').click();
  await page.getByTestId('article-history-item').first().waitFor();
  await shot('article-history');

  await page.goto(base + '#/library?asOf=2020-01-01');
  await page.getByTestId('library-as-of-note').waitFor();
  await shot('library-as-of');

  await page.goto(base + '#/affected');
  await page.getByTestId('affected-row').first().waitFor();
  await shot('affected');

  await page.goto(base + '#/lectures');
  await page.getByText('统计法专题学习').waitFor();
  await shot('lectures');
  await page.goto(base + '#/lectures?tab=plans');
  await page.getByTestId('plans-year').click();
  await page.getByTitle('2020 年').click();
  await page.getByTestId('plan-card').first().waitFor();
  await shot('plans');
  await page.goto(base + '#/stats?year=2020');
  await page.getByTestId('stats').waitFor();
  await shot('stats');

  await svc.call('office:set', { unit: '高青县科学技术局', region: '山东·淄博·高青县', adviser: { name: '李明', org: '山东某律师事务所' } });
  await page.goto(base + '#/reports?year=2020');
  await page.getByTestId('report-draft').waitFor();
  await shot('reports');
  await svc.call('register:save', { entry: { title: '高青县科技创新券管理暂行办法', docNumber: '高科发〔2026〕3号', draftingUnit: '高新技术科', published: ago(40), filedDate: ago(20) } });
  await svc.call('register:save', { entry: { title: '高青县科技计划项目管理办法', docNumber: '高科发〔2026〕5号', draftingUnit: '规划发展科', published: ago(35) } });
  await page.goto(base + '#/register');
  await page.getByTestId('register-due').waitFor();
  await shot('register');

  await page.goto(base + `#/packs?id=${pack.id}`);
  await page.getByTestId('pack-composer').waitFor();
  await page.getByTestId('pack-item').first().waitFor();
  await shot('briefing-packs');

  await page.goto(base + '#/settings');
  await page.getByTestId('bundle-card').scrollIntoViewIfNeeded();
  await page.getByTestId('backup-now').waitFor();
  await page.getByTestId('bundle-card').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await shot('settings-bundles');

  // The app icon: the character 法 on the app's red, rendered by the same Chromium.
  await page.setViewportSize({ width: 512, height: 512 });
  await page.setContent(
    '<div style="width:512px;height:512px;display:flex;align-items:center;justify-content:center;background:#9b2c2c;border-radius:96px;color:#fff;font:700 330px \'Noto Serif CJK SC\',\'Noto Sans CJK SC\',serif">法</div>',
  );
  await page.locator('div').screenshot({ path: join(ROOT, 'build/icon.png'), omitBackground: true });
  console.log('build/icon.png');
} finally {
  await s.close().catch((e) => console.error(String(e)));
  await browser.close();
}
